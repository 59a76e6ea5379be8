"""The Settings screen's Backups tab (the admin): this laptop's backup folder, a backup made now, and the
backups the folder holds — when each was made (Bangkok time, Buddhist Era), at a close or by hand or on the
schedule, and its size — so the admin can see that backups are being made without opening a file manager.

The backup runs off the GUI thread through the shell's one background wrapper (a big book on a slow USB stick
takes a while); the core (:mod:`pos_app.books.close_backup`) never raises for a missing or failing folder,
it says why.  Restoring a backup replaces the books, so it is done with the app closed: ``pos-app restore``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QLabel, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from pos_app.books import close_backup
from pos_app.thai.dates import format_datetime
from resources.i18n import _
from ui.shell.backup_folder import BackupFolderRow
from ui.shell.context import ShellContext

SHOWN = 20  # the newest backups listed


def size_text(size: int) -> str:
    """Bytes as people read them: "850 KB", "12.4 MB" (1 KB = 1,024 bytes; MB to one decimal, rounded)."""
    if size < 1024 * 1024:
        return _("{n} KB").format(n=f"{max(1, round(size / 1024)):,}")
    return _("{n} MB").format(n=f"{size / (1024 * 1024):,.1f}")


class BackupsTab(QWidget):
    def __init__(self, ctx: ShellContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("backups")
        self.folder = BackupFolderRow()
        self.now = QPushButton(_("Back up now"))
        self.now.setObjectName("backup_now")
        self.now.setMinimumHeight(44)
        self.now.clicked.connect(self.back_up_now)
        self.result = QLabel("")
        self.result.setObjectName("backup_result")
        self.result.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("backup_list")
        self.table.setHorizontalHeaderLabels([_("Made"), _("How"), _("Size")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        restore = QLabel(_("To go back to a backup, close the app and run: pos-app restore FILE (the books now "
                           "are kept beside it)."))
        restore.setWordWrap(True)
        restore.setStyleSheet("color: #555;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.folder)
        layout.addWidget(self.now)
        layout.addWidget(self.result)
        layout.addWidget(self.table, 1)
        layout.addWidget(restore)
        self.folder.saved.connect(self._folder_saved)
        self.refresh()

    def showEvent(self, event: object) -> None:
        self.refresh()  # backups made on the schedule since the tab was last shown
        super().showEvent(event)  # type: ignore[arg-type]

    def _folder_saved(self, message: str) -> None:
        self.result.setText(message)
        self.refresh()

    def refresh(self) -> None:
        kept = close_backup.kept_backups()[:SHOWN]
        self.table.setRowCount(len(kept))
        for row, backup in enumerate(kept):
            how = _("On the schedule") if backup.scheduled else _("At a day close or by hand")
            for col, text in enumerate((format_datetime(backup.made_at), how, size_text(backup.size))):
                item = QTableWidgetItem(text)
                item.setToolTip(str(backup.path))
                if col == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, col, item)
        if not kept:
            self.result.setText(self.result.text() or (
                _("No backup folder is set on this laptop.") if close_backup.backup_folder() is None
                else _("No backup in this folder yet.")))

    def back_up_now(self) -> None:
        self.now.setEnabled(False)
        user_id = self.ctx.actor.user_id

        def work() -> close_backup.BackupAtClose:  # on a pool thread
            from db.models import database

            try:
                return close_backup.backup_now(user_id)
            finally:
                if database.obj is not None:
                    database.obj.close()  # this thread's connection only

        self.ctx.run_in_background(work, self._done, self._failed, _("Backing up the books…"))

    def _done(self, made: close_backup.BackupAtClose) -> None:
        self.now.setEnabled(True)
        self.result.setStyleSheet("" if made.ok else "color: #b00020; font-weight: bold;")
        self.result.setText(made.message)
        self.refresh()

    def _failed(self, err: BaseException) -> None:
        self.now.setEnabled(True)
        self.result.setStyleSheet("color: #b00020; font-weight: bold;")
        self.result.setText(_("The backup could not run: {reason}").format(reason=str(err) or type(err).__name__))
