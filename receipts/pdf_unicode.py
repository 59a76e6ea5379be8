"""Make shaped Thai in reportlab's PDFs read back exactly (copy, search, ``pypdf``/``pdftotext``).

HarfBuzz shaping swaps some Thai marks for alternate glyphs that have no Unicode value (``uni0E48.small``,
``uni0E34.narrow``, ``thoThanthai.less``) and decomposes Sara Am (ำ) into a nikhahit and a Sara Aa.
reportlab gives the alternates private-use codes, so a reader drops them (ที่ reads as ที) and ำ reads as
ํา.  Two small patches fix the text layer without touching what is drawn:

- the ToUnicode map of our fonts maps each alternate glyph to the character it stands for;
- after shaping, a decomposed ำ (nikhahit or nikhahit-with-tone ligature, then Sara Aa) is re-coded so
  that its nikhahit part maps to nothing and its Sara Aa part to ``ำ``;
- a mark HarfBuzz shifts left past its own origin (the ั้ of ปั้น, kept clear of the tall ป) is drawn with a
  twin code whose PDF width is that shift, so the pen ends where the next letter starts: readers, which
  guess word spaces from gaps, no longer read "ปั้ น".  What is drawn stays exactly the same.

Alternate glyphs named like ``thoThanthai.less`` (ฐ without its tail, under ู) read as their letter too.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.platypus import paragraph

NIKHAHIT_PART = 0xF8F0  # glyph uni0E4D, reads as ""
SARA_AM_PART = 0xF8F1  # glyph uni0E32, reads as "ำ"
_FONTS: dict[str, Any] = {}  # face name (as in the subset's BaseFont) -> TTFont
_UNI = re.compile(r"^uni((?:[0-9A-F]{4})+)$")
_SHIFTED_FIRST = 0xF700  # twin codes of left-shifted marks: 0xF700 … 0xF7FF
_shifted: dict[tuple[int, int, int], int] = {}  # (font id, glyph id, width) -> twin code
_shifted_text: dict[int, str] = {}  # twin code -> the text it stands for
# Adobe glyph names of the Thai letters ("thothanthai" → ฐ), for alternates such as thoThanthai.less
_THAI_NAMES = {
    "".join(unicodedata.name(chr(c)).split()[2:]).lower() + "thai": chr(c)
    for c in range(0x0E01, 0x0E5C)
    if unicodedata.name(chr(c), "").startswith("THAI CHARACTER")
}
_original_cmap = ttfonts.makeToUnicodeCMap
_original_shape = paragraph.shapeFragWord


def install(font_names: tuple[str, ...]) -> None:
    """Patch reportlab once for the registered TTFonts ``font_names``."""
    for name in font_names:
        font = pdfmetrics.getFont(name)
        face = font.face
        _FONTS[face.name.decode("latin-1") if isinstance(face.name, bytes) else str(face.name)] = font
        for code, real in ((NIKHAHIT_PART, 0x0E4D), (SARA_AM_PART, 0x0E32)):
            gid = face.charToGlyph[real]
            face.charToGlyph[code] = gid
            face.charWidths[code] = face.charWidths[real]
    ttfonts.makeToUnicodeCMap = _to_unicode_cmap
    paragraph.shapeFragWord = _shape_frag_word


def _font_for(fontname: str) -> Any:
    for face_name, font in _FONTS.items():
        if fontname.split("+", 1)[-1].startswith(face_name):
            return font
    return None


def _glyph_text(font: Any, code: int) -> str | None:
    """The text behind a private-use code reportlab gave an unmapped glyph, from the glyph's name."""
    if code == NIKHAHIT_PART:
        return ""
    if code == SARA_AM_PART:
        return "\u0e33"
    if code in _shifted_text:
        return _shifted_text[code]
    private = getattr(font, "_TTFont__hbUnis", {})
    names = [n for n, c in private.items() if c == code]
    if not names:
        return None
    base = names[0].split(".")[0]
    m = _UNI.match(base)
    if m:
        chars = [chr(int(m.group(1)[i : i + 4], 16)) for i in range(0, len(m.group(1)), 4)]
        if len(chars) > 1 and chars[0] == "\u0e4d":
            chars = chars[1:]  # a nikhahit+tone ligature: the nikhahit belongs to the ำ that follows
        return "".join(chars)
    if base.lower() in _THAI_NAMES:
        return _THAI_NAMES[base.lower()]
    try:
        gid = font.hbFace and font.hbFont().glyph_from_string(base)
    except Exception:
        gid = None
    if gid is not None:
        for char in font.face.glyphToChar.get(gid, []):
            if char < 0xE000 or char > 0xF8FF:
                return chr(char)
    return None


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    font = _font_for(fontname)
    if font is None:
        return str(_original_cmap(fontname, subset))
    lines = str(_original_cmap(fontname, subset)).split("\n")
    out: list[str] = []
    for line in lines:
        m = re.fullmatch(r"<([0-9A-F]{2})> <([0-9A-F]+)>", line)
        if m:
            code = subset[int(m.group(1), 16)]
            text = _glyph_text(font, code) if 0xE000 <= code <= 0xF8FF else None
            if text is not None:
                line = f"<{m.group(1)}> <{text.encode('utf-16-be').hex().upper()}>"
        out.append(line)
    return "\n".join(out)


def _shape_frag_word(w: Any, *args: Any, **kwargs: Any) -> Any:
    shaped = _original_shape(w, *args, **kwargs)
    if shaped is w or not isinstance(shaped, ttfonts.ShapedFragWord):
        return shaped
    for i in range(1, len(shaped)):
        frag, text = shaped[i]
        if not isinstance(text, ttfonts.ShapedStr):
            continue
        font = _font_for_frag(frag)
        if font is None:
            continue
        if "\u0e32" in text:
            text = _recode_sara_am(font, text)
        shaped[i] = (frag, _twin_shifted_marks(font, text))
    return shaped


def _recode_sara_am(font: Any, text: Any) -> Any:
    private = getattr(font, "_TTFont__hbUnis", {})
    ligatures = {c for n, c in private.items() if n.startswith("uni0E4D0E")}
    chars = list(text)
    for k in range(len(chars) - 1):
        first, second = ord(chars[k]), ord(chars[k + 1])
        if second == 0x0E32 and (first == 0x0E4D or first in ligatures):
            if first == 0x0E4D:
                chars[k] = chr(NIKHAHIT_PART)
            chars[k + 1] = chr(SARA_AM_PART)
    return ttfonts.ShapedStr("".join(chars), shapeData=text.__shapeData__)


def _font_for_frag(frag: Any) -> Any:
    name = getattr(frag, "fontName", None)
    for font in _FONTS.values():
        if font.fontName == name:
            return font
    return None


def _twin_shifted_marks(font: Any, text: Any) -> Any:
    """Re-code each mark drawn left of its origin (zero advance, negative x offset) with a twin code of the
    same glyph whose width is the shift; reportlab's TJ then needs no move back after it (see the module)."""
    data = list(text.__shapeData__)
    chars = list(text)
    changed = False
    face = font.face
    for k, sd in enumerate(data):
        if sd.x_advance != 0 or sd.x_offset >= 0 or k >= len(chars):
            continue
        code = ord(chars[k])
        gid = face.charToGlyph.get(code)
        if gid is None:
            continue
        width = round(sd.width - sd.x_offset)
        key = (id(font), gid, width)
        twin = _shifted.get(key)
        if twin is None:
            twin = _SHIFTED_FIRST + len(_shifted)
            if twin > 0xF7FF:
                continue
            _shifted[key] = twin
            face.charToGlyph[twin] = gid
            face.charWidths[twin] = width
            private = 0xE000 <= code <= 0xF8FF
            _shifted_text[twin] = (_glyph_text(font, code) or "") if private else chr(code)
        chars[k] = chr(twin)
        data[k] = sd._replace(width=width)
        changed = True
    if not changed:
        return text
    return ttfonts.ShapedStr("".join(chars), shapeData=data)
