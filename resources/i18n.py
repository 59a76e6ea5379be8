"""The one translation mechanism: gettext catalogs shared by the core, the receipts and the UI.

Source strings (msgids) are English; Thai is the default language.  Translations live in
``resources/translations/<lang>/*.po`` (one file per room, merged into ONE catalog, domain ``pos``),
compiled to ``<lang>/LC_MESSAGES/pos.mo``.  A missing or stale ``.mo`` is compiled on first use with
Babel, so a fresh checkout works without a build step.

Use ``from resources.i18n import _`` and call ``_("Wrong PIN")`` at the moment the text is shown
(never at import time), so that switching the language takes effect at once.  ``N_`` marks a string
for extraction without translating it (for tables declared at import time).
"""

from __future__ import annotations

import gettext
import io
import threading
from pathlib import Path

from resources import TRANSLATIONS

DOMAIN = "pos"
LANGUAGES = ("th", "en")
DEFAULT_LANGUAGE = "th"

_lock = threading.Lock()
_current: gettext.NullTranslations = gettext.NullTranslations()
_language = ""


def _po_files(lang: str) -> list[Path]:
    return sorted((TRANSLATIONS / lang).glob("*.po"))


def _mo_path(lang: str) -> Path:
    return TRANSLATIONS / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"


def compile_catalog(lang: str) -> bytes:
    """Merge every ``<lang>/*.po`` into one catalog and return it as ``.mo`` bytes."""
    from babel.messages.catalog import Catalog
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    merged = Catalog(locale=lang, domain=DOMAIN)
    for po in _po_files(lang):
        with po.open("rb") as fh:
            part = read_po(fh, locale=lang)
        for message in part:
            if message.id and message.string and not message.fuzzy:
                merged[message.id] = message
    buf = io.BytesIO()
    write_mo(buf, merged)
    return buf.getvalue()


def _load(lang: str) -> gettext.NullTranslations:
    pos = _po_files(lang)
    if not pos:
        return gettext.NullTranslations()
    mo = _mo_path(lang)
    newest = max(p.stat().st_mtime for p in pos)
    if mo.is_file() and mo.stat().st_mtime >= newest:
        with mo.open("rb") as fh:
            return gettext.GNUTranslations(fh)
    data = compile_catalog(lang)
    try:
        mo.parent.mkdir(parents=True, exist_ok=True)
        mo.write_bytes(data)
    except OSError:  # read-only install: keep it in memory
        pass
    return gettext.GNUTranslations(io.BytesIO(data))


def set_language(lang: str) -> None:
    """Switch the language of every later ``_()`` call (``"th"`` or ``"en"``)."""
    global _current, _language
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}")
    with _lock:
        _current = _load(lang)
        _language = lang


def language() -> str:
    if not _language:
        set_language(DEFAULT_LANGUAGE)
    return _language


def _(message: str) -> str:
    """Translate ``message`` (an English msgid) into the current language."""
    if not _language:
        set_language(DEFAULT_LANGUAGE)
    return _current.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    if not _language:
        set_language(DEFAULT_LANGUAGE)
    return _current.ngettext(singular, plural, n)


class TranslatedError(Exception):
    """An error whose message is an English msgid plus ``str.format`` parameters, translated when read.

    The base of every error any layer raises on purpose for a person to read (``pos_app.errors.PosError``,
    ``db.errors.DatabaseProblem``, the receipts' printer errors), so one ``except`` shows them all.
    """

    def __init__(self, msgid: str, /, **params: object) -> None:
        super().__init__(msgid)
        self.msgid = msgid
        self.params = params

    @property
    def message(self) -> str:
        text = _(self.msgid)
        return text.format(**self.params) if self.params else text

    def __str__(self) -> str:
        return self.message


def N_(message: str) -> str:
    """Mark ``message`` for extraction; translate it later with ``_()``."""
    return message
