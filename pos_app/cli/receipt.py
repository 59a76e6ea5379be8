"""``pos-app receipt render FILE.json --out FILE.png|pdf|bin [--paper 58|80]``: a receipt without a printer."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from receipts.errors import ReceiptError
from resources.i18n import _


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("receipt", help="receipts: render a receipt document")
    sub = parser.add_subparsers(dest="receipt_command", required=True)
    render = sub.add_parser("render", help="render a receipt document (JSON) to PNG, PDF or ESC/POS bytes")
    render.add_argument("document", metavar="FILE.json", help="the receipt document")
    render.add_argument(
        "--out", required=True, metavar="FILE", help="output: .png (preview), .pdf or .bin (ESC/POS)"
    )
    render.add_argument(
        "--paper", type=int, choices=(58, 80), default=80, help="paper width in mm (default 80)"
    )
    render.add_argument("--page", choices=("roll", "a5"), default="roll", help="PDF page: 80 mm roll or A5")
    render.add_argument(
        "--codepage", type=int, metavar="N", help=".bin in text mode on Thai code page N (ESC t N)"
    )
    render.add_argument("--latin", action="store_true", help=".bin in text mode without Thai (romanised)")
    render.add_argument("--copy", action="store_true", help="mark the receipt as a reprint (สำเนา / COPY)")
    render.set_defaults(func=run_render)


def run_render(args: argparse.Namespace) -> int:
    try:
        return _render(args)
    except ReceiptError as err:
        print(_("Error: {message}").format(message=err.message), file=sys.stderr)
        return 2


def _render(args: argparse.Namespace) -> int:
    from receipts.jsonio import load_document
    from receipts.settings import PrintSettings

    out = Path(args.out)
    kind = out.suffix.lower()
    if kind not in (".png", ".pdf", ".bin"):
        raise ReceiptError("The output file must end in .png, .pdf or .bin, not “{name}”", name=out.name)
    receipt = load_document(args.document)
    if args.copy:
        receipt = receipt.as_copy()
    if args.codepage is not None or args.latin:
        settings = PrintSettings(
            paper=args.paper, thai_mode="codepage", codepage=None if args.latin else args.codepage
        )
    else:
        settings = PrintSettings(paper=args.paper)
    data: bytes
    if kind == ".png":
        import io

        from receipts.render import render_preview

        buf = io.BytesIO()
        render_preview(receipt, settings).save(buf, format="PNG", optimize=True)
        data = buf.getvalue()
    elif kind == ".pdf":
        from receipts.pdf import render_pdf

        data = render_pdf(receipt, page=args.page, settings=settings)
    else:
        from receipts.render import render_escpos

        data = render_escpos(receipt, settings)
    _write(out, data)
    print(_("Wrote {path} ({size} bytes)").format(path=str(out), size=len(data)))
    return 0


def _write(out: Path, data: bytes) -> None:
    """Write all of it or nothing: a temporary file renamed into place."""
    tmp = out.with_name(out.name + ".part")
    try:
        tmp.write_bytes(data)
        tmp.replace(out)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ReceiptError(
            "Cannot write {path}: {detail}", path=str(out), detail=exc.strerror or str(exc)
        ) from exc
