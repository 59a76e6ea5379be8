"""Core events re-emitted on the GUI thread: handlers connected here always run on Qt's main thread."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal

from pos_app.events import Event, bus


class EventBridge(QObject):
    """Subscribes to the core's bus; each event comes out as ``happened``, queued to this object's thread."""

    happened = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._unsubscribe: list[Callable[[], None]] = [bus.subscribe(Event, self._forward)]
        self.destroyed.connect(lambda *_: self.close())

    def _forward(self, event: Event) -> None:
        self.happened.emit(event)

    def on(self, kind: type[Event], handler: Callable[[Event], None]) -> None:
        self.happened.connect(lambda e: handler(e) if isinstance(e, kind) else None,
                           Qt.ConnectionType.QueuedConnection)

    def close(self) -> None:
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        self._unsubscribe.clear()
