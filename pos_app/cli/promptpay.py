"""``pos-app promptpay TARGET [--amount 120.50] [--name SHOP] --out FILE.png``: a printable PromptPay QR card.

Without ``--amount`` the QR is static (the customer types the amount); with one it carries the amount.
The id is checked (length, mobile prefix, national-id check digit) and bad input exits with code 2 and a
message in the user's language.  The payload is printed on standard output and kept in the PNG's
``promptpay`` text chunk.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from pos_app.errors import InputError
from pos_app.money import Money
from resources.i18n import _


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "promptpay",
        help=_("write a printable PromptPay QR card (PNG)"),
        description=_("Write a printable PromptPay QR card for the stall, with or without an amount."),
    )
    parser.add_argument(
        "target", metavar="TARGET", help=_("mobile number, national or tax id, or e-wallet id")
    )
    parser.add_argument("--amount", help=_("amount in baht, e.g. 120.50 (leave out for a static QR)"))
    parser.add_argument("--name", help=_("shop name printed above the QR"))
    parser.add_argument("--out", required=True, type=Path, help=_("PNG file to write"))
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    amount = Money.parse(args.amount) if args.amount is not None else None
    out: Path = args.out
    if out.suffix.lower() != ".png":
        raise InputError("“{path}”: the card is written as a PNG file (name it .png)", path=str(out))
    from pos_app.thai.qr import promptpay_card  # qrcode and Pillow only when a card is made

    card = promptpay_card(args.target, amount, name=args.name)
    try:
        card.save_png(out)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise InputError("Cannot write “{path}”: {reason}", path=str(out), reason=reason) from exc
    print(card.payload)
    print(_("QR card written to {path}").format(path=out))
    return 0
