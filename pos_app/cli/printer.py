"""``pos-app printer test PRINTER``: print the self-test page (Thai marks, rulers, QR, code page sample)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from receipts.errors import ReceiptError
from resources.i18n import _


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("printer", help="receipt printers: self-test")
    sub = parser.add_subparsers(dest="printer_command", required=True)
    test = sub.add_parser(
        "test",
        help="print a self-test page",
        description="PRINTER is an address such as tcp://192.168.1.50:9100, usb:04b8:0202, "
        "serial:/dev/ttyUSB0?baud=9600, win32:NAME, cups:NAME or file:/path, with settings after ? "
        "(paper=58, mode=codepage, codepage=22, cut=full, drawer_pin=5, pulse=120, timeout=15, status=off)",
    )
    test.add_argument("printer", metavar="PRINTER", help="printer address")
    test.add_argument("--paper", type=int, choices=(58, 80), help="paper width in mm (overrides the address)")
    test.add_argument("--codepage", type=int, metavar="N", help="test text mode on Thai code page N")
    test.add_argument("--timeout", type=float, metavar="SECONDS", help="how long to wait for the printer")
    test.set_defaults(func=run_test)


def run_test(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from receipts.connection import print_receipt
    from receipts.printers import parse_printer, with_settings
    from receipts.selftest import self_test_receipt

    try:
        config = parse_printer(args.printer)
        if args.paper:
            config = with_settings(config, paper=args.paper)
        if args.codepage is not None:
            config = with_settings(config, thai_mode="codepage", codepage=args.codepage)
        if args.timeout is not None:
            config = replace(config, timeout_s=args.timeout)
        print_receipt(config, self_test_receipt(config))
    except ReceiptError as err:
        print(_("Error: {message}").format(message=err.message), file=sys.stderr)
        return 2
    print(_("Sent the self-test page to {address}").format(address=config.address))
    return 0
