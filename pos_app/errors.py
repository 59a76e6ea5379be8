"""The core's error types.  Each carries a message in the user's language.

The English msgid and its parameters are kept, and translated when the message is read, so a message
raised before a language switch still shows in the language in use when it is displayed.
"""

from __future__ import annotations

from resources.i18n import TranslatedError


class PosError(TranslatedError):
    """Base of every error the core raises on purpose.  ``str(err)`` is the translated message."""


class InputError(PosError):
    """Bad input from a person or a file: nothing was changed."""


class NotFound(PosError):
    """A record the caller named does not exist."""


class PermissionDenied(PosError):
    """The user's role does not allow this action."""


class AuthError(PosError):
    """Wrong user or PIN."""


class StockError(PosError):
    """The stock ledger refuses the movement."""


class ClosedDayError(PosError):
    """The day is closed and read-only."""


