"""Typed events of the treasurer's books (published after each commit)."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from pos_app.events import Event


@dataclass(frozen=True)
class ShiftChanged(Event):
    till_id: int
    shift_uuid: uuid.UUID
    closed: bool


@dataclass(frozen=True)
class CashMoved(Event):
    till_id: int
    movement_uuid: uuid.UUID
    direction: str
    amount_satang: int


@dataclass(frozen=True)
class PromptPayChecked(Event):
    payment_uuids: tuple[uuid.UUID, ...]


@dataclass(frozen=True)
class DayClosed(Event):
    shop_id: int
    business_date: dt.date
    z_numbers: tuple[int, ...]
