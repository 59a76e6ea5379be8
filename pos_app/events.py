"""Typed events from the core.  Services publish them after a commit; the UI re-emits them on its thread.

Events are classes, not strings, so a typo is an error, not silence (the lesson from Electrum and Anki).
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar


@dataclass(frozen=True)
class Event:
    pass


@dataclass(frozen=True)
class SaleCommitted(Event):
    sale_uuid: uuid.UUID
    till_id: int
    number: int
    total_satang: int
    kind: str  # "sale" or "refund"


@dataclass(frozen=True)
class StockChanged(Event):
    shop_id: int
    item_ids: tuple[int, ...]


@dataclass(frozen=True)
class PriceChanged(Event):
    item_id: int
    tier: str
    price_satang: int
    per_quantity: int


E = TypeVar("E", bound=Event)
Handler = Callable[[Any], None]


class EventBus:
    def __init__(self) -> None:
        self._handlers: dict[type[Event], list[Handler]] = {}
        self._lock = threading.Lock()

    def subscribe(self, kind: type[E], handler: Callable[[E], None]) -> Callable[[], None]:
        with self._lock:
            self._handlers.setdefault(kind, []).append(handler)

        def unsubscribe() -> None:
            with self._lock:
                if handler in self._handlers.get(kind, []):
                    self._handlers[kind].remove(handler)

        return unsubscribe

    def publish(self, event: Event) -> None:
        with self._lock:
            handlers = [h for kind, hs in self._handlers.items() if isinstance(event, kind) for h in hs]
        for handler in handlers:
            handler(event)


bus = EventBus()
