"""Start the till window: fonts, language, the database (a new one gets the demo shop), the window."""

from __future__ import annotations

import argparse
import os
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from resources.i18n import TranslatedError, _, set_language
from ui import import_hook
from ui.fonts import install_thai_font

import_hook.install()  # PySide6's import hook, cheaper for every module the app loads from here on

READY_ENV = "POS_EXIT_WHEN_READY"


def application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setApplicationName("pos-app")
    install_thai_font(app)
    return app


def run(args: argparse.Namespace) -> int:
    from db.connection import open_database
    from db.models import NetworkGroup
    from ui.shell.window import MainWindow, show_on_screen

    set_language(args.lang or "th")
    app = application()
    try:
        opened = open_database(args.database)
        if not NetworkGroup.select().exists():  # first start: the demo network
            from pos_app.demo import create_demo

            create_demo()
        from pos_app.selling.tills import till_info
        from pos_app.trust.lock import lock_till

        till_lock = lock_till(opened.target, till_info(args.till).code)  # one running app per till
        window = MainWindow(args.till, opened.where)
    except TranslatedError as err:
        if not os.environ.get(READY_ENV):  # a non-interactive run (benchmarks, tests) gets no modal box
            QMessageBox.critical(None, _("The shop cannot start"), err.message)
        print(_("Error: {message}").format(message=err.message), file=sys.stderr)
        return 2
    show_on_screen(window)
    if os.environ.get(READY_ENV):  # benchmarks: leave as soon as the window is up and idle
        QTimer.singleShot(0, app.quit)
    try:
        return int(app.exec())
    finally:
        till_lock.release()
