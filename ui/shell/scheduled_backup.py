"""The backup on a schedule while the app runs (the issue: "a hot backup at day close and on a schedule").

Every few minutes — whoever is logged in, or nobody — the shell asks the core
(:func:`pos_app.books.close_backup.backup_on_schedule`: due when the folder's newest backup is as old as the
shop's setting ``backup_every``) off the GUI thread, through the one background wrapper
(:func:`ui.shell.background.run_in_background`), so a sale never waits for a USB stick; the answer comes back
on the GUI thread as the task's ``done`` signal.  No backup folder set on this laptop: nothing happens (the
Settings screen says so, :func:`folder_note`).  A failure (the stick pulled, the folder gone) is audited by
the core and shown once in a line at the foot of the window — never a box in the seller's face — and the
next try comes one interval later; a backup that works again clears the line.

Kept out of start-up: the shell calls :func:`after_first_paint`, which only starts a single-shot timer; the
core's modules are imported when the first check runs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer

FIRST_CHECK_MS = 5_000  # after the window is up and painted
CHECK_EVERY_MS = 3 * 60_000  # a backup is at most this late after it falls due


def after_first_paint(window: Any) -> None:
    """The shell's hook: start the schedule a few seconds after the window shows (read at call time, so a
    test can shorten both)."""
    every = CHECK_EVERY_MS
    QTimer.singleShot(FIRST_CHECK_MS, window, lambda: setattr(window, "scheduled_backup",
                                                              ScheduledBackup(window, every)))


def folder_note() -> str:
    """What the Settings screen says beside ``backup_every``: where the backups go, or that none are made."""
    from pos_app.books.close_backup import SCHEDULED, backup_folder
    from resources.i18n import _

    folder = backup_folder()
    if folder is None:
        return _("No backup folder is set on this laptop, so no backup is made on a schedule. Set the folder "
                 "on the Backups tab of this screen, or on the day close screen (Books, F8).")
    return _("While the app runs, backups go to {folder} (the folder is set on the Backups tab).").format(
        folder=str(folder / SCHEDULED))


@dataclass(frozen=True)
class Outcome:
    """What one check did, delivered to the GUI thread."""

    every: dt.timedelta
    made: Path | None = None  # the backup made (None: not due, or waiting after a failure)
    error: str = ""  # the core's translated message when the backup failed


class ScheduledBackup(QObject):
    def __init__(self, window: Any, check_every_ms: int = CHECK_EVERY_MS) -> None:
        super().__init__(window)
        self.window = window
        self.task: Any = None  # the check under way (one at a time)
        self.failed_at: dt.datetime | None = None  # the first try of the current failure, for the next try
        self.last: Outcome | None = None
        self.notice: Any = None  # the line at the window's foot, made at the first failure
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(check_every_ms)
        self.check()

    def check(self) -> None:
        from pos_app.books.close_backup import backup_folder
        from ui.shell.background import run_in_background

        if self.task is not None or not self.window.isVisible() or backup_folder() is None:
            return  # one at a time; a closed window (the app going away) starts none
        shop_id, failed_at = self.window.till.shop_id, self.failed_at

        def work() -> Outcome:  # on a pool thread
            from db.models import database
            from pos_app.books.close_backup import backup_every, backup_on_schedule
            from pos_app.clock import utc_now
            from pos_app.trust.backup import BackupFailed

            try:
                every = backup_every(shop_id)
                if failed_at is not None and utc_now() - failed_at < every:
                    return Outcome(every)  # the next try comes one interval after the failure
                try:
                    made = backup_on_schedule(shop_id)
                except BackupFailed as err:
                    return Outcome(every, error=err.message)
                return Outcome(every, made.path if made else None)
            finally:
                if database.obj is not None:
                    database.obj.close()  # this thread's connection only

        self.task = run_in_background(work, self._done, self._failed)

    def _done(self, outcome: Outcome) -> None:
        from pos_app.clock import utc_now
        from resources.i18n import _

        self.task, self.last = None, outcome
        if outcome.error:
            if self.failed_at is None:
                self.failed_at = utc_now()
                minutes = int(outcome.every.total_seconds()) // 60
                self._say(_("The scheduled backup failed: {reason} The next try is in {minutes} minutes.").format(
                    reason=outcome.error, minutes=minutes))
            else:
                self.failed_at = utc_now()
        elif outcome.made is not None:
            self.failed_at = None
            self._say("")

    def _failed(self, err: BaseException) -> None:
        """Anything else (the books could not be read): said once, tried again at the next check."""
        from resources.i18n import TranslatedError, _

        self.task = None
        reason = err.message if isinstance(err, TranslatedError) else str(err) or type(err).__name__
        self._say(_("The scheduled backup could not run: {reason}").format(reason=reason))

    def _say(self, text: str) -> None:
        from PySide6.QtWidgets import QLabel

        if self.notice is None:
            if not text:
                return
            self.notice = QLabel()
            self.notice.setObjectName("backup_notice")
            self.notice.setWordWrap(True)
            self.notice.setStyleSheet("color: #b00020; font-weight: bold;")
            self.window.statusBar().addWidget(self.notice, 1)
        self.notice.setText(text)
        self.window.statusBar().setVisible(bool(text))
