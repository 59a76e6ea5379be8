"""``pos-app demo`` and ``pos-app sales``: the demo shop and a day's sales from the terminal."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import TYPE_CHECKING

from pos_app.clock import today
from resources.i18n import _

if TYPE_CHECKING:
    from db.connection import OpenedDatabase

# The database, the demo and the services are imported inside the commands, so that building the
# parser (which ``pos-app`` does on every start, also before the till window) stays light.


def open_books(args: argparse.Namespace, make_demo: bool = True) -> OpenedDatabase:
    """Open (or create) the database named on the command line; a new, empty one gets the demo shop."""
    from db.connection import open_database
    from pos_app import demo

    opened = open_database(args.database)
    if make_demo and opened.created and demo.is_empty():
        demo.create_demo()
    return opened


def cmd_demo(args: argparse.Namespace) -> int:
    from db.connection import open_database
    from pos_app import demo

    opened = open_database(args.database)
    try:
        summary = demo.create_demo(days=args.days)
    finally:
        opened.database.close()
    print(_("Demo shop created in {where}: {groups} groups, {items} items, {users} users, "
            "{sales} past sales and {refunds} refunds.").format(where=opened.where, **summary.__dict__))
    return 0


def cmd_sales(args: argparse.Namespace) -> int:
    from pos_app.selling import history
    from pos_app.thai.dates import to_bangkok

    day = dt.date.fromisoformat(args.date) if args.date else today()
    opened = open_books(args)
    try:
        rows = history.sales_of_day(day)
    finally:
        opened.database.close()
    for s in rows:
        print(f"{s.number:>6}  {to_bangkok(s.created_at):%H:%M}  {s.kind:<6}  {s.method:<9}  "
              f"{s.total.format():>12}  {s.seller}")
    print(_("{count} documents on {day}").format(count=len(rows), day=day.isoformat()))
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("demo", help="create the demo network shop in an empty database")
    p.add_argument("--days", type=int, default=7, help="past market days to make (default 7)")
    p.set_defaults(func=cmd_demo)
    p = sub.add_parser("sales", help="list a day's sales and refunds")
    p.add_argument("--date", help="YYYY-MM-DD (default: today in Bangkok)")
    p.set_defaults(func=cmd_sales)
