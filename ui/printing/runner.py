"""The print worker of this computer's till, on a QThread of its own.

The loop is :meth:`pos_app.printing.worker.PrintWorker.run` (Qt-free); its status events reach the
widgets through the shell's event bridge, on the GUI thread.  One worker per till per running app; it
starts with the first widget that needs it and stops when the application quits.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot

from pos_app.printing.worker import PrintWorker


class _Loop(QObject):
    finished = Signal()

    def __init__(self, worker: PrintWorker, stop: threading.Event) -> None:
        super().__init__()
        self.worker, self.stop = worker, stop

    @Slot()
    def run(self) -> None:
        try:
            self.worker.run(self.stop)
        finally:
            self.finished.emit()


class PrintRunner(QObject):
    """Owns the thread; ``worker`` is there for "try again now" (``retry_now``) and for tests."""

    def __init__(self, till_id: int, worker: PrintWorker | None = None) -> None:
        super().__init__()
        self.worker = worker or PrintWorker(till_id)
        self.stop_event = threading.Event()
        self.qthread = QThread()
        self.qthread.setObjectName(f"print-worker-{till_id}")
        self.loop = _Loop(self.worker, self.stop_event)
        self.loop.moveToThread(self.qthread)
        self.qthread.started.connect(self.loop.run)
        self.loop.finished.connect(self.qthread.quit)

    def start(self) -> None:
        self.qthread.start()

    def stop(self, wait_ms: int = 15000) -> None:
        """Ask the loop to stop after the job in hand (a job is never cut off halfway by us)."""
        self.stop_event.set()
        self.worker.wake()
        self.qthread.quit()
        self.qthread.wait(wait_ms)


_runners: dict[int, PrintRunner] = {}


def runner_for(till_id: int) -> PrintRunner:
    """The running print worker of ``till_id`` (started on first use, stopped when the app quits)."""
    runner = _runners.get(till_id)
    if runner is None:
        runner = _runners[till_id] = PrintRunner(till_id)
        runner.start()
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(stop_all)
    return runner


def stop_all() -> None:
    for runner in list(_runners.values()):
        runner.stop()
    _runners.clear()
