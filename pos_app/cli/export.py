"""``pos-app export``: the books as PDF, XLSX or CSV files, for scripts and auditors.

    pos-app export day 2026-11-24 --format pdf --out DIR [--group CODE]
    pos-app export range 2026-11-01 2026-11-30 --format xlsx --out DIR
    pos-app export cashbook 2026-11-01 [2026-11-30] …      pos-app export rd161 2026-01-01 2026-12-31 …

Dates are ISO (2026-11-24) or Thai (24/11/2569).  Who exports logs in: ``--user LOGIN`` and ``--pin``
(or the ``POS_PIN`` environment variable).  ``--database`` is accepted before or after the sub-command.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from resources.i18n import _


def cmd_export(args: argparse.Namespace) -> int:
    from db.connection import default_target, is_postgres, open_database, sqlite_path
    from pos_app.books.export.run import export_books
    from pos_app.books.scope import make_scope
    from pos_app.errors import InputError
    from pos_app.people.users import login
    from pos_app.thai.dates import parse_date

    start = parse_date(args.start)
    end = parse_date(args.end) if args.end else start
    if args.kind == "day" and args.end:
        raise InputError("A day export takes one date; use “range” for a period")
    if args.kind == "range" and not args.end:
        raise InputError("A range export needs a first and a last date")
    pin = args.pin or os.environ.get("POS_PIN", "")
    target = args.database or default_target()
    if not is_postgres(target) and not sqlite_path(target).exists():
        raise InputError("There is no database at {path}", path=str(sqlite_path(target)))
    opened = open_database(target)
    try:
        actor = login(args.user, pin)
        scope = make_scope(start, end, args.group)
        files = export_books(actor, args.kind, scope, args.format, Path(args.out).expanduser())
    finally:
        opened.database.close()
    for path in files:
        print(_("Written: {path}").format(path=path))
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("export", help="export the books (day, range, cashbook, rd161) as pdf, xlsx or csv")
    p.add_argument("kind", choices=("day", "range", "cashbook", "rd161"), help="what to export")
    p.add_argument("start", help="the day, or the first day (2026-11-24 or 24/11/2569)")
    p.add_argument("end", nargs="?", help="the last day of a period")
    p.add_argument("--format", choices=("pdf", "xlsx", "csv"), default="pdf", help="file format (default pdf)")
    p.add_argument("--out", default=".", help="folder to write into (default: the current folder)")
    p.add_argument("--group", help="a group's code (default: the whole network)")
    p.add_argument("--user", required=True, help="who exports (a login with the right to export)")
    p.add_argument("--pin", help="that user's PIN (or set POS_PIN)")
    p.add_argument("--database", default=argparse.SUPPRESS,
                   help="SQLite file path or postgresql:// URL (also accepted before the sub-command)")
    p.set_defaults(func=cmd_export)
