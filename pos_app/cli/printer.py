"""``pos-app printer …``: ``test PRINTER`` prints the self-test page (Thai marks, rulers, QR, code page
sample); ``set`` saves a till's printer (admin); ``status`` lists the till's print jobs; ``run`` prints the
till's outbox from the terminal (``--once``: what is due, then stop); ``preview`` writes the receipt of a
saved sale, refund or void as PNG or PDF (``--copy`` marks it สำเนา / COPY)."""

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
    setp = sub.add_parser("set", help="save the receipt printer of a till (needs an admin's PIN)")
    setp.add_argument("printer", metavar="PRINTER", help="printer address with settings, as for test")
    setp.add_argument("--login", default="admin", help="the admin who sets it (default admin)")
    setp.add_argument("--pin", help="the admin's PIN (asked for when not given)")
    setp.add_argument("--header", default="", help="lines under the shop's name (\\n between lines)")
    setp.add_argument("--footer", default="", help="lines at the end of each receipt")
    setp.add_argument("--logo", metavar="FILE", help="a small picture (PNG/JPEG) printed at the top")
    setp.add_argument("--no-drawer", action="store_true", help="no cash drawer hangs on this printer")
    setp.set_defaults(func=run_set)
    status = sub.add_parser("status", help="the till's latest print jobs and what became of them")
    status.add_argument("--limit", type=int, default=20, help="how many jobs (default 20)")
    status.set_defaults(func=run_status)
    runp = sub.add_parser("run", help="print the till's outbox (until Ctrl+C, or --once)")
    runp.add_argument("--once", action="store_true", help="print what is due now, then stop")
    runp.set_defaults(func=run_worker)
    prev = sub.add_parser("preview", help="write the receipt of a saved sale/refund/void as PNG or PDF")
    prev.add_argument("number", type=int, help="the receipt number on this till")
    prev.add_argument("--out", required=True, metavar="FILE", help="output: .png or .pdf")
    prev.add_argument("--copy", action="store_true", help="as a reprint (สำเนา / COPY)")
    prev.set_defaults(func=run_preview)


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


def _till(args: argparse.Namespace) -> Any:
    from pos_app.selling.tills import till_info

    return till_info(getattr(args, "till", None))


def run_set(args: argparse.Namespace) -> int:
    from pathlib import Path

    from pos_app.cli.app import open_books
    from pos_app.people.users import login
    from pos_app.printing.setup import KEEP, save_printer

    opened = open_books(args)
    try:
        pin = args.pin
        if pin is None:
            import getpass

            pin = getpass.getpass(_("PIN: "))
        actor = login(args.login, pin)
        logo = KEEP if args.logo is None else Path(args.logo).read_bytes()
        setup = save_printer(actor, _till(args).id, args.printer, header=args.header.replace("\\n", "\n"),
                             footer=args.footer.replace("\\n", "\n"), logo=logo, drawer=not args.no_drawer)
    finally:
        opened.database.close()
    print(_("Saved: {address}").format(address=setup.address))
    return 0


def run_status(args: argparse.Namespace) -> int:
    from pos_app.cli.app import open_books
    from pos_app.printing import outbox
    from pos_app.thai.dates import to_bangkok

    opened = open_books(args)
    try:
        rows = outbox.jobs(_till(args).id, limit=args.limit)
        for job in rows:
            reason = f"  {job.reason}" if job.reason else ""
            print(f"{to_bangkok(job.created_at):%d/%m %H:%M}  {job.label:<28} {job.status_text}{reason}")
    finally:
        opened.database.close()
    return 0


def run_worker(args: argparse.Namespace) -> int:
    import threading

    from pos_app.cli.app import open_books
    from pos_app.printing.worker import PrintWorker

    opened = open_books(args)
    try:
        worker = PrintWorker(_till(args).id)
        if args.once:
            done = 0
            while (step := worker.step()) is not None:
                done += 1
                print(f"{step.job.label}: {_status(step.status)}")
            print(_("{count} print jobs handled").format(count=done))
            return 0
        try:
            worker.run(threading.Event())
        except KeyboardInterrupt:
            pass
    finally:
        opened.database.close()
    return 0


def _status(status: str) -> str:
    from pos_app.printing.outbox import STATUS_LABELS

    return _(STATUS_LABELS.get(status, status))


def run_preview(args: argparse.Namespace) -> int:
    from pathlib import Path

    from db.models import Sale
    from pos_app.cli.app import open_books
    from pos_app.errors import NotFound
    from pos_app.printing.receipt_of import build_receipt
    from pos_app.printing.setup import printer_of_till
    from receipts.settings import PrintSettings

    out = Path(args.out)
    if out.suffix.lower() not in (".png", ".pdf"):
        raise ReceiptError("The output file must end in .png, .pdf or .bin, not “{name}”", name=out.name)
    opened = open_books(args)
    try:
        till = _till(args)
        sale = Sale.get_or_none((Sale.till == till.id) & (Sale.number == args.number))
        if sale is None:
            raise NotFound("No receipt {number} on till {till}", number=args.number, till=till.code)
        setup = printer_of_till(till.id)
        settings = setup.config.settings if setup is not None else PrintSettings()
        receipt = build_receipt(sale.uuid, copy=args.copy)
    finally:
        opened.database.close()
    if out.suffix.lower() == ".png":
        from receipts.render import render_preview

        render_preview(receipt, settings).save(out, format="PNG", optimize=True)
    else:
        from receipts.pdf import render_pdf

        out.write_bytes(render_pdf(receipt, page="roll", settings=settings))
    print(_("Wrote {path} ({size} bytes)").format(path=str(out), size=out.stat().st_size))
    return 0
