"""Hot backups to a folder (a USB stick), keeping the last N, and restore with a new chain epoch.

``backup(dest)`` — SQLite: the online backup API copies a consistent snapshot while tills keep selling,
into ``shop-<UTC stamp>.sqlite3.partial``; the copy is checked (``PRAGMA integrity_check``), flushed to
disk and only then renamed, so a folder that vanishes midway leaves no half file named like a backup.
PostgreSQL: ``pg_dump --format=custom``.  The day close calls it; ``pos-app backup DEST`` too.

``restore(src, target)`` (SQLite) — refuses a file that is not a sound, verifiable shop database, or books
that a running till holds open; keeps the file it replaces (``<name>.replaced-<stamp>.sqlite3``); opens a
new epoch in every chain; and when the replaced books had handed out receipt numbers the backup does not
have, raises the till's counter past them and records the skipped numbers (the gap), so no number is
ever used twice.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import shutil
import sqlite3
import subprocess
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import peewee as pw

from db.connection import SQLITE_HEADER, is_postgres, open_database, sqlite_path
from db.errors import DatabaseProblem
from db.models import Till
from db.models import database as proxy
from db.models.trust import ChainEpoch, ChainHead
from pos_app.clock import utc_now
from pos_app.errors import PosError
from pos_app.trust import audit
from pos_app.trust.journal import record
from pos_app.trust.lock import TillInUse, TillLock
from resources.i18n import N_

Progress = Callable[[int, int], None]  # (pages copied, pages in all), for a progress bar


class BackupFailed(PosError):
    """The backup or the restore could not be done; nothing was changed."""


@dataclass(frozen=True)
class BackupResult:
    path: Path
    size: int
    sha256: str
    removed: list[Path] = field(default_factory=list)


@dataclass(frozen=True)
class Gap:
    till: str
    first: int
    last: int


@dataclass(frozen=True)
class RestoreResult:
    replaced: Path | None  # the SQLite file kept
    gaps: list[Gap]
    epochs: int
    replaced_database: str = ""  # PostgreSQL: the database kept under another name


STAMP = "%Y%m%dT%H%M%SZ"


def _stamp() -> str:
    return utc_now().strftime(STAMP)


def backups_in(dest: str | Path) -> list[tuple[dt.datetime, Path]]:
    """The whole backups in ``dest`` with when each was made (the UTC stamp in its name), newest first; none
    when the folder is not there.  Never a ``.partial`` left by a backup cut short, nor a file named otherwise."""
    made = []
    for path in Path(dest).expanduser().glob("shop-*"):
        if path.suffix in (".sqlite3", ".pgdump"):
            with contextlib.suppress(ValueError):
                made.append((dt.datetime.strptime(path.stem[len("shop-"):], STAMP).replace(tzinfo=dt.UTC), path))
    return sorted(made, reverse=True)


def last_backup_at(dest: str | Path) -> dt.datetime | None:
    """When the newest whole backup in ``dest`` was made; None when there is none (or no folder)."""
    made = backups_in(dest)
    return made[0][0] if made else None


def backup_if_due(dest: str | Path, every: dt.timedelta, keep: int = 10, user_id: int | None = None,
                  target: str | None = None) -> BackupResult | None:
    """The backup on a schedule: back up into ``dest`` when its newest backup is ``every`` old or older (or
    there is none), else do nothing (None).  The app asks from a timer (every few minutes); a laptop that
    was switched off catches up when it next runs.  A failing folder raises :class:`BackupFailed` (audited)."""
    last = last_backup_at(dest)
    if last is not None and utc_now() - last < every:
        return None
    return backup(dest, keep, user_id, target)


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _prune(folder: Path, pattern: str, keep: int) -> list[Path]:
    old = sorted(folder.glob(pattern))[:-keep] if keep > 0 else []
    for p in old:
        p.unlink(missing_ok=True)
    return old


def backup(dest: str | Path, keep: int = 10, user_id: int | None = None, target: str | None = None,
           progress: Progress | None = None) -> BackupResult:
    """Back up the open books into the folder ``dest`` (made if missing) and keep the newest ``keep``."""
    folder = Path(dest).expanduser()
    db = proxy.obj
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if isinstance(db, pw.PostgresqlDatabase):
            out = _pg_dump(folder, target)
            pattern = "shop-*.pgdump"
        else:
            out = _sqlite_backup(db, folder, progress)
            pattern = "shop-*.sqlite3"
        removed = _prune(folder, pattern, keep)
        result = BackupResult(out, out.stat().st_size, file_sha256(out), removed)
    except (OSError, sqlite3.Error) as exc:
        reason = (exc.strerror if isinstance(exc, OSError) else None) or str(exc) or type(exc).__name__
        audit.log("backup", user_id, str(folder), ok=False, reason=reason)
        raise BackupFailed(N_("The backup to {path} failed ({reason}); the books were not changed. Check "
                              "that the USB stick or folder is still there and has room."),
                           path=str(folder), reason=reason) from None
    audit.log("backup", user_id, str(out), ok=True, sha256=result.sha256, size=result.size)
    return result


def _sqlite_backup(db: pw.Database, folder: Path, progress: Progress | None) -> Path:
    final = folder / f"shop-{_stamp()}.sqlite3"
    partial = final.with_name(final.name + ".partial")
    try:
        dst = sqlite3.connect(str(partial))
        try:
            step = None if progress is None else (lambda _s, left, total: progress(total - left, total))
            db.connection().backup(dst, pages=0, progress=step)
            if dst.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                raise OSError(0, "the copy did not check out")
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
        with partial.open("rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(partial, final)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return final


def _pg_dump(folder: Path, target: str | None) -> Path:
    if not target or shutil.which("pg_dump") is None:
        raise OSError(0, "pg_dump is not installed")
    final = folder / f"shop-{_stamp()}.pgdump"
    partial = final.with_name(final.name + ".partial")
    done = subprocess.run(["pg_dump", "--format=custom", "--file", str(partial), target], capture_output=True,
                          check=False)
    if done.returncode != 0:
        partial.unlink(missing_ok=True)
        raise OSError(0, done.stderr.decode(errors="replace").strip().splitlines()[-1:] or "pg_dump failed")
    os.replace(partial, final)
    return final


# -- restore ----------------------------------------------------------------------------------------------

def _check_backup_file(src: Path) -> None:
    try:
        with src.open("rb") as fh:
            head = fh.read(len(SQLITE_HEADER))
    except OSError:
        raise BackupFailed(N_("The backup {path} cannot be read"), path=str(src)) from None
    if head != SQLITE_HEADER:
        raise BackupFailed(N_("{path} is not a backup of the shop (not a database)"), path=str(src))
    try:
        conn = sqlite3.connect(f"file:{src}?mode=ro", uri=True)
        try:
            ok = conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        ok = False
    if not ok:
        raise BackupFailed(N_("The backup {path} is damaged (cut short or corrupt); nothing was replaced"),
                           path=str(src))


def _verify_copy(copy: Path | str) -> dict[str, int]:
    """Open (and if older, upgrade) the copy, verify it; returns its till counters by till UUID."""
    from pos_app.trust.verify import verify

    previous = proxy.obj
    try:
        opened = open_database(str(copy))
    except DatabaseProblem as err:
        raise BackupFailed(N_("The backup cannot be used: {reason}"), reason=err.message) from None
    try:
        report = verify()
        if not report.ok:
            raise BackupFailed(N_("The backup does not verify ({problem}); nothing was replaced"),
                               problem=report.problems[0].message)
        counters = {str(uuid.UUID(str(t.uuid))): int(t.last_receipt_no) for t in Till.select()}
        if isinstance(opened.database, pw.SqliteDatabase):
            opened.database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        opened.database.close()
        if previous is not None:
            proxy.initialize(previous)
    return counters


def _counters_of(path: Path) -> dict[str, int]:
    """The till counters of the books about to be replaced (empty when they cannot be read)."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = conn.execute("SELECT uuid, last_receipt_no FROM till").fetchall()
        finally:
            conn.close()
    except sqlite3.Error:
        return {}
    return {str(uuid.UUID(str(u))): int(n) for u, n in rows}


def _lock_all_tills(target: str, path: Path) -> list[TillLock]:
    codes: list[str] = []
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            codes = [r[0] for r in conn.execute("SELECT code FROM till")]
        finally:
            conn.close()
    except sqlite3.Error:
        pass
    locks: list[TillLock] = []
    try:
        for code in codes:
            locks.append(TillLock(target, code).acquire())
    except TillInUse as err:
        for lock in locks:
            lock.release()
        raise BackupFailed(N_("The books are in use ({reason}). Close the app on every till before restoring."),
                           reason=err.message) from None
    return locks


def restore(src: str | Path, target: str, user_id: int | None = None) -> RestoreResult:
    """Replace the SQLite books at ``target`` with the backup ``src`` (see the module's description)."""
    if is_postgres(target):
        from pos_app.trust.pg_restore import restore_postgres

        return restore_postgres(Path(src).expanduser(), target, user_id)
    src, path = Path(src).expanduser(), sqlite_path(target)
    if not src.is_file():
        raise BackupFailed(N_("The backup {path} cannot be read"), path=str(src))
    _check_backup_file(src)
    stamp = _stamp()
    copy = path.with_name(f"{path.name}.restoring-{stamp}")
    locks = _lock_all_tills(target, path) if path.exists() else []
    try:
        shutil.copyfile(src, copy)
        restored = _verify_copy(copy)
        digest = file_sha256(src)
        replaced = None
        before = _counters_of(path) if path.exists() else {}
        if proxy.obj is not None and not proxy.obj.is_closed():
            proxy.obj.close()
        if path.exists():
            replaced = path.with_name(f"{path.stem}.replaced-{stamp}{path.suffix}")
            os.replace(path, replaced)
            for extra in ("-wal", "-shm"):
                side = path.with_name(path.name + extra)
                if side.exists():
                    os.replace(side, replaced.with_name(replaced.name + extra))
        os.replace(copy, path)
    finally:
        copy.unlink(missing_ok=True)
        for lock in locks:
            lock.release()
    open_database(target)
    gaps, epochs = new_epochs(digest, before, restored, user_id)
    audit.log("restore", user_id, str(src), sha256=digest, replaced=str(replaced or ""),
              gaps=[[g.till, g.first, g.last] for g in gaps])
    return RestoreResult(replaced, gaps, epochs)


def new_epochs(digest: str, before: dict[str, int], restored: dict[str, int],
                user_id: int | None) -> tuple[list[Gap], int]:
    from pos_app.trust.retry import write_transaction

    gaps: list[Gap] = []
    heads = list(ChainHead.select())
    tills = {t.id: t for t in Till.select()}
    for head in heads:
        till = tills.get(head.till_id) if head.till_id else None
        skip: tuple[int, int] | None = None
        if till is not None:
            key = str(uuid.UUID(str(till.uuid)))
            if before.get(key, 0) > restored.get(key, 0):
                skip = (restored[key] + 1, before[key])
                gaps.append(Gap(till.code, *skip))

        def new_epoch(head: ChainHead = head, till: Till | None = till, skip: tuple[int, int] | None = skip) -> None:
            epoch = int(head.epoch) + 1
            ChainHead.update(epoch=epoch).where(ChainHead.id == head.id).execute()
            if skip is not None and till is not None:
                Till.update(last_receipt_no=skip[1]).where(Till.id == till.id).execute()
            doc = uuid.uuid4()
            when = utc_now()
            ChainEpoch.insert(uuid=doc, chain=head.chain, epoch=epoch, till=till.id if till else None,
                              reason="restore", backup_sha256=digest, skipped_from=skip[0] if skip else None,
                              skipped_to=skip[1] if skip else None, created_at=when).execute()
            record("epoch", doc, when, {"epoch": epoch, "backup": digest}, till_id=till.id if till else None,
                   user_id=user_id, chain_key=head.chain)

        write_transaction(new_epoch)
    return gaps, len(heads)
