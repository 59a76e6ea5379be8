"""Errors about the database itself, with messages in the user's language."""

from __future__ import annotations

from resources.i18n import TranslatedError


class DatabaseProblem(TranslatedError):
    """The database cannot be opened or used: locked, read-only, not a database, too new, unreachable.

    Raised before anything is written, so the file is left as it was.
    """
