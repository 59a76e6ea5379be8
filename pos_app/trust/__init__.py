"""Trust: the journal and its hash chains, ``verify``, the audit log, backups, the till lock, retries.

Entry points other rooms use: :func:`chain_head` (printed on the Z report), :func:`verify`,
:func:`write_transaction` / :func:`retrying` (write with back-off), ``pos_app.trust.journal.record``.

They load on first use: the log-in screen imports ``pos_app.trust.audit`` (and so this package) but needs
neither the chain nor ``verify`` (with every model behind them: ~13 ms of the till's start).
``pos_app.trust.verify`` stays the function even once its module is imported (the import system sets a
package's attribute to the submodule of that name: :class:`_Package` keeps the function).
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pos_app.trust.chain import Head, chain_head
    from pos_app.trust.retry import TillBusy, retrying, write_transaction
    from pos_app.trust.verify import Report, verify

__all__ = ["Head", "Report", "TillBusy", "chain_head", "retrying", "verify", "write_transaction"]
_HOME = {"Head": "chain", "chain_head": "chain", "TillBusy": "retry", "retrying": "retry",
         "write_transaction": "retry", "Report": "verify"}


def __getattr__(name: str) -> Any:
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{_HOME[name]}"), name)
    globals()[name] = value
    return value


class _Package(types.ModuleType):
    @property
    def verify(self) -> Any:
        from pos_app.trust.verify import verify

        return verify

    @verify.setter
    def verify(self, _submodule: Any) -> None:
        """The import system setting the submodule ``verify``: the name stays the function."""


if not TYPE_CHECKING:
    sys.modules[__name__].__class__ = _Package
