"""The backup taken when a day is closed (:func:`pos_app.trust.backup.backup` into the configured folder).

The folder belongs to the laptop (a USB stick's path), so it is kept in a small per-laptop file
(``books.json`` in the user config directory) or given by the ``POS_BACKUP_DIR`` environment variable.  No
folder set, or a backup that fails: the day still closes and the close screen says so plainly.

The running app also backs up on a schedule (:func:`backup_on_schedule`, asked by a timer in the shell every
few minutes) into the folder's ``scheduled`` subfolder: every ``backup_every`` minutes, keeping ``backup_keep``
backups (the shop's settings, :mod:`pos_app.settings`).  A folder of its own, so that hourly backups never
push out the day closes' month of backups (each folder keeps its own last N).  No folder set: nothing happens.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass
from pathlib import Path

import peewee as pw
import platformdirs

from db.connection import APP_NAME
from db.models import database
from pos_app.trust.backup import BackupFailed, BackupResult, backup, backup_if_due, backups_in
from resources.i18n import _

ENV = "POS_BACKUP_DIR"
KEEP = 30  # a month of closes
SCHEDULED = "scheduled"  # the subfolder of the backups made on a schedule


def _settings_file() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "books.json"


def backup_folder() -> Path | None:
    """The folder the day close backs up into, or None when none is set."""
    if os.environ.get(ENV, "").strip():
        return Path(os.environ[ENV].strip()).expanduser()
    try:
        data = json.loads(_settings_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    folder = data.get("backup_folder") if isinstance(data, dict) else None
    return Path(folder) if isinstance(folder, str) and folder.strip() else None


def set_backup_folder(folder: Path | None) -> None:
    """Keep (or, None, forget) this laptop's backup folder."""
    path = _settings_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"backup_folder": str(folder) if folder else ""}), encoding="utf-8")


@dataclass(frozen=True)
class BackupAtClose:
    path: Path | None  # the backup made, or None
    message: str  # what the close screen shows (translated)

    @property
    def ok(self) -> bool:
        return self.path is not None


def _target() -> str | None:
    db = database.obj
    if not isinstance(db, pw.PostgresqlDatabase):
        return None
    if os.environ.get("POS_DATABASE_URL"):
        return os.environ["POS_DATABASE_URL"]
    p = db.connect_params
    auth = f"{p.get('user', '')}:{p.get('password', '')}@" if p.get("user") else ""
    host = f"{p.get('host', 'localhost')}:{p.get('port', 5432)}"
    return f"postgresql://{auth}{host}/{db.database}"


def backup_at_close(user_id: int | None, folder: Path | None = None, target: str | None = None) -> BackupAtClose:
    """Back the books up after a day close; never raises for a missing or failing folder."""
    where = folder or backup_folder()
    if where is None:
        return BackupAtClose(None, _("No backup folder is set: the day was closed without a backup. Set a "
                                     "folder (a USB stick) under “Backup folder” on this screen."))
    try:
        made = backup(where, keep=KEEP, user_id=user_id, target=target or _target())
    except BackupFailed as err:
        return BackupAtClose(None, _("The day was closed, but the backup failed: {reason}").format(reason=str(err)))
    return BackupAtClose(made.path, _("Backup saved: {path}").format(path=str(made.path)))


def backup_now(user_id: int | None, folder: Path | None = None, target: str | None = None) -> BackupAtClose:
    """A backup asked for by hand (Settings, Backups): into the same folder as the day closes' (they are kept
    together, the newest ``KEEP``); never raises for a missing or failing folder."""
    where = folder or backup_folder()
    if where is None:
        return BackupAtClose(None, _("No backup folder is set: choose one (a USB stick) first."))
    try:
        made = backup(where, keep=KEEP, user_id=user_id, target=target or _target())
    except BackupFailed as err:
        return BackupAtClose(None, err.message)
    return BackupAtClose(made.path, _("Backup saved: {path}").format(path=str(made.path)))


@dataclass(frozen=True)
class KeptBackup:
    """One backup in this laptop's folder."""

    made_at: dt.datetime  # UTC, from the file's name
    path: Path
    size: int  # bytes
    scheduled: bool  # made on the schedule (its subfolder), else at a day close or by hand


def kept_backups(folder: Path | None = None) -> list[KeptBackup]:
    """The backups in this laptop's folder and its ``scheduled`` subfolder, newest first (none when no folder
    is set or it is not there: a USB stick pulled out)."""
    where = folder or backup_folder()
    if where is None:
        return []
    kept = []
    for scheduled, place in ((False, where), (True, where / SCHEDULED)):
        for made_at, path in backups_in(place):
            try:
                size = path.stat().st_size
            except OSError:  # gone meanwhile
                continue
            kept.append(KeptBackup(made_at, path, size, scheduled))
    return sorted(kept, key=lambda k: k.made_at, reverse=True)


def backup_every(shop_id: int) -> dt.timedelta:
    """How often the running app backs up (the shop's setting ``backup_every``)."""
    from pos_app import settings

    return dt.timedelta(minutes=int(settings.value("backup_every", settings.Where(shop_id))))


def backup_on_schedule(shop_id: int) -> BackupResult | None:
    """The scheduled backup: into this laptop's backup folder when its newest backup is ``backup_every`` old
    (or there is none), keeping ``backup_keep``; None when it is not due or no folder is set.  A failing
    folder raises :class:`BackupFailed` (audited by the backup itself); nobody is named as its maker."""
    from pos_app import settings

    folder = backup_folder()
    if folder is None:
        return None
    keep = int(settings.value("backup_keep", settings.Where(shop_id)))
    return backup_if_due(folder / SCHEDULED, backup_every(shop_id), keep, target=_target())
