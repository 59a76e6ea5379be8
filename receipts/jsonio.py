"""A receipt document as JSON (for the command line, tests and demo data), validated field by field.

::

    {"copy": false, "blocks": [
      {"type": "text", "text": "ใบเสร็จรับเงิน", "align": "center", "size": "double", "weight": "bold"},
      {"type": "row", "left": "กะปิ", "middle": "2 × ฿45.00", "right": "฿90.00"},
      {"type": "separator", "style": "dashed"},
      {"type": "qr", "data": "000201…", "caption": "PromptPay"},
      {"type": "barcode", "data": "R-000123", "symbology": "code128"},
      {"type": "logo", "path": "logo.png"}  or  {"type": "logo", "base64": "iVBOR…"},
      {"type": "copy_mark"}, {"type": "ruler"}, {"type": "feed", "lines": 2},
      {"type": "cut"}, {"type": "drawer"}
    ]}

Every mistake raises :class:`DocumentError` naming the block (counted from 1) and the field.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from receipts import document as d
from receipts.errors import DocumentError

MAX_TEXT = 2000
MAX_BLOCKS = 2000


def load_document(path: str | Path) -> d.Receipt:
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise DocumentError("The file {path} does not exist", path=str(path)) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise DocumentError(
            "The file {path} cannot be read: {detail}", path=str(path), detail=str(exc)
        ) from exc
    return parse_document(raw, base=path.parent)


def parse_document(raw: str, base: Path | None = None) -> d.Receipt:
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise DocumentError(
            "The document is not valid JSON (line {line}, column {column}): {detail}",
            line=exc.lineno,
            column=exc.colno,
            detail=exc.msg,
        ) from exc
    return document_from_dict(data, base)


def document_from_dict(data: Any, base: Path | None = None) -> d.Receipt:
    if not isinstance(data, dict):
        raise DocumentError("The document must be a JSON object with a list of “blocks”")
    _no_extra(data, {"blocks", "copy", "paper", "title"}, 0)
    blocks = data.get("blocks")
    if not isinstance(blocks, list) or not blocks:
        raise DocumentError("The document must have a non-empty list of “blocks”")
    if len(blocks) > MAX_BLOCKS:
        raise DocumentError("The document has more than {most} blocks", most=MAX_BLOCKS)
    copy = data.get("copy", False)
    if not isinstance(copy, bool):
        raise DocumentError("“copy” must be true or false")
    return d.Receipt(tuple(_block(b, i, base) for i, b in enumerate(blocks, 1)), copy=copy)


def _no_extra(obj: dict[str, Any], allowed: set[str], index: int) -> None:
    for key in obj:
        if key not in allowed:
            if index:
                raise DocumentError("Block {index}: unknown field “{field}”", index=index, field=key)
            raise DocumentError("Unknown field “{field}” in the document", field=key)


def _str(obj: dict[str, Any], key: str, index: int, default: str | None = None, empty: bool = True) -> str:
    value = obj.get(key, default)
    if value is None:
        raise DocumentError("Block {index}: “{field}” is missing", index=index, field=key)
    if not isinstance(value, str):
        raise DocumentError("Block {index}: “{field}” must be text", index=index, field=key)
    if not empty and not value.strip():
        raise DocumentError("Block {index}: “{field}” is empty", index=index, field=key)
    if len(value) > MAX_TEXT:
        raise DocumentError(
            "Block {index}: “{field}” is longer than {most} characters", index=index, field=key, most=MAX_TEXT
        )
    return value


def _choice(obj: dict[str, Any], key: str, index: int, choices: tuple[str, ...]) -> Any:
    value = obj.get(key, choices[0])
    if value not in choices:
        raise DocumentError(
            "Block {index}: “{field}” must be one of {choices}",
            index=index,
            field=key,
            choices=", ".join(choices),
        )
    return value


def _int(obj: dict[str, Any], key: str, index: int, default: int, low: int, high: int) -> int:
    value = obj.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise DocumentError(
            "Block {index}: “{field}” must be a whole number from {low} to {high}",
            index=index,
            field=key,
            low=low,
            high=high,
        )
    return value


def _text(o: dict[str, Any], i: int, base: Path | None) -> d.Block:
    _no_extra(o, {"type", "text", "align", "size", "weight"}, i)
    return d.Text(
        _str(o, "text", i),
        _choice(o, "align", i, d.ALIGNS),
        _choice(o, "size", i, d.SIZES),
        _choice(o, "weight", i, d.WEIGHTS),
    )


def _row(o: dict[str, Any], i: int, base: Path | None) -> d.Block:
    _no_extra(o, {"type", "left", "middle", "right", "size", "weight"}, i)
    middle = _str(o, "middle", i) if "middle" in o and o["middle"] is not None else None
    return d.Row(
        _str(o, "left", i),
        _str(o, "right", i, ""),
        middle,
        _choice(o, "size", i, d.SIZES),
        _choice(o, "weight", i, d.WEIGHTS),
    )


def _separator(o: dict[str, Any], i: int, base: Path | None) -> d.Block:
    _no_extra(o, {"type", "style"}, i)
    return d.Separator(_choice(o, "style", i, d.SEPARATOR_STYLES))


def _qr(o: dict[str, Any], i: int, base: Path | None) -> d.Block:
    _no_extra(o, {"type", "data", "caption", "module"}, i)
    return d.QRCode(
        _str(o, "data", i, empty=False), _str(o, "caption", i, ""), _int(o, "module", i, 0, 0, 16)
    )


def _barcode(o: dict[str, Any], i: int, base: Path | None) -> d.Block:
    _no_extra(o, {"type", "data", "symbology", "show_text"}, i)
    show = o.get("show_text", True)
    if not isinstance(show, bool):
        raise DocumentError("Block {index}: “{field}” must be true or false", index=i, field="show_text")
    return d.Barcode(_str(o, "data", i, empty=False), _choice(o, "symbology", i, d.SYMBOLOGIES), show)


def _logo(o: dict[str, Any], i: int, base: Path | None) -> d.Block:
    _no_extra(o, {"type", "path", "base64", "max_width"}, i)
    width = o.get("max_width", 0.6)
    if isinstance(width, bool) or not isinstance(width, int | float) or not 0.05 <= width <= 1:
        raise DocumentError(
            "Block {index}: “{field}” must be a number from 0.05 to 1", index=i, field="max_width"
        )
    if "base64" in o:
        try:
            data = base64.b64decode(_str(o, "base64", i, empty=False), validate=True)
        except (binascii.Error, ValueError) as exc:
            raise DocumentError("Block {index}: the logo is not valid base64", index=i) from exc
    else:
        path = Path(_str(o, "path", i, empty=False))
        if not path.is_absolute() and base is not None:
            path = base / path
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise DocumentError(
                "Block {index}: the logo {path} cannot be read", index=i, path=str(path)
            ) from exc
    return d.Logo(data, float(width))


def _simple(
    cls: Callable[[], d.Block], fields: set[str]
) -> Callable[[dict[str, Any], int, Path | None], d.Block]:
    def make(o: dict[str, Any], i: int, base: Path | None) -> d.Block:
        _no_extra(o, fields, i)
        return cls()

    return make


def _feed(o: dict[str, Any], i: int, base: Path | None) -> d.Block:
    _no_extra(o, {"type", "lines"}, i)
    return d.Feed(_int(o, "lines", i, 1, 0, 20))


def _copy_mark(o: dict[str, Any], i: int, base: Path | None) -> d.Block:
    _no_extra(o, {"type", "text"}, i)
    return d.CopyMark(_str(o, "text", i, "สำเนา / COPY", empty=False))


KINDS: dict[str, Callable[[dict[str, Any], int, Path | None], d.Block]] = {
    "text": _text,
    "row": _row,
    "separator": _separator,
    "qr": _qr,
    "barcode": _barcode,
    "logo": _logo,
    "copy_mark": _copy_mark,
    "ruler": _simple(d.Ruler, {"type"}),
    "feed": _feed,
    "cut": _simple(d.Cut, {"type"}),
    "drawer": _simple(d.DrawerKick, {"type"}),
}


def _block(obj: Any, index: int, base: Path | None) -> d.Block:
    if not isinstance(obj, dict):
        raise DocumentError("Block {index} must be a JSON object", index=index)
    kind = obj.get("type")
    maker = KINDS.get(kind) if isinstance(kind, str) else None
    if maker is None:
        raise DocumentError(
            "Block {index}: unknown type “{kind}” (one of {choices})",
            index=index,
            kind=kind,
            choices=", ".join(KINDS),
        )
    return maker(obj, index, base)


_NAMES = {
    d.Text: "text", d.Row: "row", d.Separator: "separator", d.QRCode: "qr", d.Barcode: "barcode",
    d.Logo: "logo", d.CopyMark: "copy_mark", d.Ruler: "ruler", d.Feed: "feed", d.Cut: "cut",
    d.DrawerKick: "drawer",
}


def document_to_dict(receipt: d.Receipt) -> dict[str, Any]:
    """The JSON form of ``receipt`` (logos as base64); ``document_from_dict`` reads it back equal."""
    blocks: list[dict[str, Any]] = []
    for block in receipt.blocks:
        out: dict[str, Any] = {"type": _NAMES[type(block)]}
        if isinstance(block, d.Logo):
            out.update(base64=base64.b64encode(block.image).decode("ascii"), max_width=block.max_width)
        else:
            out.update({k: v for k, v in vars(block).items() if not (k == "middle" and v is None)})
        blocks.append(out)
    return {"copy": receipt.copy, "blocks": blocks}


def dump_document(receipt: d.Receipt) -> str:
    return json.dumps(document_to_dict(receipt), ensure_ascii=False, separators=(",", ":"))
