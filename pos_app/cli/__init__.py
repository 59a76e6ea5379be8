"""The ``pos-app`` command line.  Each room registers its own sub-commands in a module here.

A sub-command module defines ``register(subparsers)`` which adds its parser(s) and sets
``func=<callable(args) -> int>`` on them.  ``main`` turns :class:`PosError` into a clean message and exit
code 2, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from pos_app.errors import PosError
from resources.i18n import _, set_language

# Sub-command modules, in the order they appear in --help.
COMMANDS = ("app", "promptpay", "receipt", "printer")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="pos-app", description="Community shop till and books")
    parser.add_argument("--lang", choices=("th", "en"), help="language of messages (default: Thai)")
    parser.add_argument("--database", help="SQLite file path or postgresql:// URL (default: POS_DATABASE_URL "
                        "or a file in the user data directory)")
    sub = parser.add_subparsers(dest="command")
    for name in COMMANDS:
        try:
            module = importlib.import_module(f"pos_app.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"pos_app.cli.{name}":
                continue  # that room has not landed yet
            raise
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.lang:
        set_language(args.lang)
    func = getattr(args, "func", None)
    if func is None:
        func = getattr(importlib.import_module("pos_app.cli.app"), "start_gui", None)
        if func is None:
            parser.print_help()
            return 2
    try:
        return int(func(args))
    except PosError as err:
        print(_("Error: {message}").format(message=err.message), file=sys.stderr)
        return 2
