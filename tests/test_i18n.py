"""One catalog: every string marked in the code (core, db, receipts, UI) has a Thai translation."""

from __future__ import annotations

from pathlib import Path

from babel.messages.extract import extract_from_dir

from resources.i18n import _, compile_catalog, set_language

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("pos_app", "db", "receipts", "resources", "ui")
# Calls whose first argument is an English msgid: _() and N_(), and the error classes built from one.
ERROR_CLASSES = (
    "TranslatedError", "PosError", "InputError", "NotFound", "PermissionDenied", "AuthError", "StockError",
    "ClosedDayError", "DatabaseProblem", "ReceiptError", "PrinterError", "PrinterOffline", "PrinterTimeout",
    "PrinterDropped", "PrinterRefused", "PrinterConfigError", "DocumentError", "ThaiInputError", "ExportError",
)
KEYWORDS: dict[str, object] = {"_": None, "N_": None, "ngettext": (1, 2), **dict.fromkeys(ERROR_CLASSES)}


def marked_strings() -> dict[str, str]:
    found: dict[str, str] = {}
    for package in PACKAGES:
        for filename, lineno, message, _comments, _context in extract_from_dir(
            ROOT / package, method_map=[("**.py", "python")], keywords=KEYWORDS
        ):
            messages = message if isinstance(message, tuple) else (message,)
            for m in messages:
                if m:
                    found.setdefault(m, f"{package}/{filename}:{lineno}")
    return found


def test_every_marked_string_has_a_thai_translation() -> None:
    import gettext
    import io

    catalog = gettext.GNUTranslations(io.BytesIO(compile_catalog("th")))
    missing = [f"{where}: {msgid!r}" for msgid, where in sorted(marked_strings().items())
               if catalog.gettext(msgid) == msgid]
    assert not missing, "strings without a Thai translation:\n" + "\n".join(missing)


def test_each_msgid_is_translated_in_one_place_only() -> None:
    """The po files are merged into one catalog, where the first file (by name) wins a msgid defined twice:
    two Thai texts for one msgid would make what a screen shows depend on file names (it did: the stock card's
    "What" column read รายงาน, "report", from the books' file).  Each msgid is defined once."""
    from babel.messages.pofile import read_po

    where: dict[str, list[str]] = {}
    for po in sorted((ROOT / "resources" / "translations" / "th").glob("*.po")):
        with po.open("rb") as fh:
            for message in read_po(fh, locale="th"):
                if message.id:
                    where.setdefault(str(message.id), []).append(po.name)
    twice = {msgid: files for msgid, files in where.items() if len(files) > 1}
    assert not twice, f"msgids defined in more than one po file: {twice}"


def test_receipt_and_report_words_in_their_own_sense() -> None:
    set_language("th")
    try:
        assert (_("What"), _("Report"), _("Total")) == ("รายการ", "รายงาน", "ยอดรวม")
    finally:
        set_language("th")


def test_language_switch_changes_messages() -> None:
    set_language("th")
    assert _("Error: {message}") == "ผิดพลาด: {message}"
    set_language("en")
    assert _("Error: {message}") == "Error: {message}"
