"""Restore a ``pg_dump`` backup over PostgreSQL books, the same way as for SQLite: the dump is restored
into a new database and verified first; with every till's lock taken, the books in use are kept under
another name (``<name>_replaced_<stamp>``) and the restored database takes their name; then every chain
opens a new epoch and receipt numbers handed out after the backup are skipped (reported as gaps)."""

from __future__ import annotations

import subprocess
import uuid
from pathlib import Path
from typing import Any
from urllib.parse import urlparse, urlunparse

from db.models import database as proxy
from pos_app.trust import audit
from pos_app.trust.backup import BackupFailed, RestoreResult, _stamp, _verify_copy, file_sha256, new_epochs
from pos_app.trust.lock import TillInUse, TillLock
from resources.i18n import N_


def _with_db(target: str, name: str) -> str:
    u = urlparse(target)
    return urlunparse(u._replace(path=f"/{name}"))


def _admin(target: str) -> Any:
    import psycopg2

    conn = psycopg2.connect(_with_db(target, "postgres"))
    conn.autocommit = True
    return conn


def _read(target: str, sql: str) -> list[tuple[Any, ...]]:
    import psycopg2

    try:
        conn = psycopg2.connect(target)
    except psycopg2.Error:
        return []
    try:
        with conn.cursor() as cur:
            cur.execute(sql)
            return list(cur.fetchall())
    except psycopg2.Error:
        return []
    finally:
        conn.close()


def restore_postgres(src: Path, target: str, user_id: int | None = None) -> RestoreResult:
    from psycopg2 import sql

    if not src.is_file():
        raise BackupFailed(N_("The backup {path} cannot be read"), path=str(src))
    listed = subprocess.run(["pg_restore", "--list", str(src)], capture_output=True, check=False)
    if listed.returncode != 0:
        raise BackupFailed(N_("The backup {path} is damaged (cut short or corrupt); nothing was replaced"),
                           path=str(src))
    name = urlparse(target).path.lstrip("/")
    stamp = _stamp().lower()
    scratch, kept = f"{name}_restoring_{stamp}", f"{name}_replaced_{stamp}"
    admin = _admin(target)
    try:
        with admin.cursor() as cur:
            cur.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(scratch)))
        done = subprocess.run(["pg_restore", "--no-owner", "--exit-on-error", "-d", _with_db(target, scratch),
                               str(src)], capture_output=True, check=False)
        if done.returncode != 0:
            raise BackupFailed(N_("The backup {path} is damaged (cut short or corrupt); nothing was replaced"),
                               path=str(src))
        restored = _verify_copy(_with_db(target, scratch))
        before = {str(uuid.UUID(str(u))): int(n) for u, n in _read(target, "SELECT uuid, last_receipt_no FROM till")}
        locks = []
        try:
            for (code,) in _read(target, "SELECT code FROM till"):
                locks.append(TillLock(target, code).acquire())
        except TillInUse as err:
            raise BackupFailed(N_("The books are in use ({reason}). Close the app on every till before "
                                  "restoring."), reason=err.message) from None
        finally:
            for lock in locks:
                lock.release()  # the rename needs every session on the books closed
        if proxy.obj is not None and not proxy.obj.is_closed():
            proxy.obj.close()
        with admin.cursor() as cur:
            cur.execute(sql.SQL("ALTER DATABASE {} RENAME TO {}").format(sql.Identifier(name), sql.Identifier(kept)))
            cur.execute(sql.SQL("ALTER DATABASE {} RENAME TO {}").format(sql.Identifier(scratch),
                                                                         sql.Identifier(name)))
    except BackupFailed:
        with admin.cursor() as cur:
            cur.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(scratch)))
        raise
    finally:
        admin.close()
    from db.connection import open_database

    open_database(target)
    digest = file_sha256(src)
    gaps, epochs = new_epochs(digest, before, restored, user_id)
    audit.log("restore", user_id, str(src), sha256=digest, replaced=kept,
              gaps=[[g.till, g.first, g.last] for g in gaps])
    return RestoreResult(None, gaps, epochs, kept)
