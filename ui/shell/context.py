"""What every screen of the shell is given: who is logged in, at which till, and the shell's services."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pos_app.people.users import Actor
from pos_app.selling.tills import TillInfo

if TYPE_CHECKING:
    from ui.shell.background import BackgroundTask
    from ui.shell.bridge import EventBridge


@dataclass
class ShellContext:
    """Handed to each area's ``build``.  ``session`` holds what must outlive a language switch (the open
    cart…) and is emptied when the person logs out."""

    actor: Actor
    till: TillInfo
    bridge: EventBridge
    run_in_background: Callable[..., BackgroundTask]
    go: Callable[[str], None]  # show another area by key (if this role may use it)
    session: dict[str, Any] = field(default_factory=dict)
