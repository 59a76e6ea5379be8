"""The one wrapper for slow work: run a function off the GUI thread, report progress, and deliver its
result or its error back on the GUI thread.  Every screen uses this (through ``ShellContext``)."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class BackgroundTask(QObject):
    """Signals of one job; ``done``/``failed``/``progress`` are delivered on the GUI thread."""

    done = Signal(object)
    failed = Signal(object)
    progress = Signal(int, int)  # done, total
    finished = Signal()


class _Runner(QRunnable):
    def __init__(self, fn: Callable[..., Any], task: BackgroundTask) -> None:
        super().__init__()
        self.fn, self.task = fn, task

    def run(self) -> None:
        try:
            takes_progress = len(inspect.signature(self.fn).parameters) >= 1
            result = self.fn(self.task.progress.emit) if takes_progress else self.fn()
        except Exception as err:  # delivered to the screen, which shows it translated
            self.task.failed.emit(err)
        else:
            self.task.done.emit(result)
        finally:
            self.task.finished.emit()


_running: set[BackgroundTask] = set()


def run_in_background(fn: Callable[..., Any], on_done: Callable[[Any], None] | None = None,
                      on_error: Callable[[BaseException], None] | None = None,
                      on_progress: Callable[[int, int], None] | None = None,
                      parent: QObject | None = None) -> BackgroundTask:
    """Run ``fn()`` (or ``fn(progress)`` where ``progress(done, total)`` may be called from the worker) on
    the thread pool.  Callbacks run on the GUI thread.  Returns the task (tests wait on ``task.finished``)."""
    task = BackgroundTask(parent)
    if on_done is not None:
        task.done.connect(on_done)
    if on_error is not None:
        task.failed.connect(on_error)
    if on_progress is not None:
        task.progress.connect(on_progress)
    _running.add(task)
    task.finished.connect(lambda: _running.discard(task))
    QThreadPool.globalInstance().start(_Runner(fn, task))
    return task
