"""The ``pos-app`` command line.  Each room registers its own sub-commands in a module here.

A sub-command module defines ``register(subparsers)`` which adds its parser(s) and sets
``func=<callable(args) -> int>`` on them.  :func:`run` turns any :class:`TranslatedError` into a clean
message and exit code 2, never a traceback.  ``pos-app`` with no sub-command starts the till window; that
dispatch lives in ``ui.launcher`` because the core never imports the UI.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from resources.i18n import TranslatedError, _, set_language

# Sub-command modules, in the order they appear in --help.
COMMANDS = ("app", "promptpay", "receipt", "printer", "trust", "export")


def global_parser(add_help: bool = True) -> argparse.ArgumentParser:
    """The options before any sub-command (``--lang``, ``--database``, ``--till``): all the till window
    takes, so starting it needs no sub-command module loaded."""
    parser = argparse.ArgumentParser(prog="pos-app", description="Community shop till and books "
                                     "(with no command: start the till window)", add_help=add_help)
    parser.add_argument("--lang", choices=("th", "en"),
                        help="language of messages and screens (default Thai)")
    parser.add_argument("--database", help="SQLite file path or postgresql:// URL (default: POS_DATABASE_URL "
                        "or shop.sqlite3 in the user data directory)")
    parser.add_argument("--till", help="the till this computer is (its code, e.g. T1)")
    return parser


def build_parser() -> argparse.ArgumentParser:
    parser = global_parser()
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


def run(args: argparse.Namespace) -> int:
    if args.lang:
        set_language(args.lang)
    try:
        return int(args.func(args))
    except TranslatedError as err:
        print(_("Error: {message}").format(message=err.message), file=sys.stderr)
        return 2


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "func", None) is None:
        parser.print_help()
        return 2
    return run(args)
