"""This laptop's backup folder (a USB stick's path): typed or chosen, then saved — one row, on the day close
screen and on the Settings screen's Backups tab (:mod:`pos_app.books.close_backup` keeps it per laptop)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from pos_app.books import close_backup
from resources.i18n import _


class BackupFolderRow(QWidget):
    """``saved(message)`` after a save: where the backups now go, or that none is set, or why it failed."""

    saved = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = QLineEdit()
        self.field.setObjectName("backup_folder")
        self.field.setPlaceholderText(_("Backup folder (a USB stick), e.g. E:\\backup"))
        self.field.returnPressed.connect(self.save_folder)
        choose = QPushButton(_("Choose…"))
        choose.setObjectName("choose_backup_folder")
        choose.clicked.connect(self.choose_folder)
        save = QPushButton(_("Save the backup folder"))
        save.setObjectName("save_backup_folder")
        save.clicked.connect(self.save_folder)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(_("Backup folder")))
        row.addWidget(self.field, 1)
        row.addWidget(choose)
        row.addWidget(save)
        current = close_backup.backup_folder()
        self.field.setText(str(current) if current else "")

    def choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, _("Backup folder"), self.field.text())
        if chosen:
            self.field.setText(chosen)
            self.save_folder()

    def save_folder(self) -> None:
        text = self.field.text().strip()
        try:
            close_backup.set_backup_folder(Path(text) if text else None)
        except OSError as err:
            self.saved.emit(_("The backup folder could not be saved: {reason}").format(
                reason=err.strerror or str(err)))
            return
        self.saved.emit(_("Backups at the day's close go to {folder}.").format(folder=text) if text else
                        _("No backup folder is set."))
