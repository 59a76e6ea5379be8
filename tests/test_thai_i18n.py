"""Every message the Thai kit marks (``_``, ``N_``, error msgids) has a Thai translation in thai.po."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.extract import extract_from_file
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [*sorted((ROOT / "pos_app" / "thai").glob("*.py")), ROOT / "pos_app" / "cli" / "promptpay.py"]
KEYWORDS = {"_": None, "N_": None, "InputError": None}


def marked() -> list[str]:
    found = []
    for path in SOURCES:
        for item in extract_from_file("python", str(path), keywords=KEYWORDS):
            message = item[1]
            found.append(message if isinstance(message, str) else message[0])
    return found


def test_sources_mark_messages() -> None:
    assert len(marked()) >= 20


@pytest.mark.parametrize("msgid", marked())
def test_translated(msgid: str) -> None:
    with (ROOT / "resources" / "translations" / "th" / "thai.po").open("rb") as fh:
        catalog = read_po(fh, locale="th")
    message = catalog.get(msgid)
    assert message is not None and message.string, f"no Thai for {msgid!r}"
    assert message.string != msgid
