"""The ``pos-app`` console script: a sub-command runs in the core's CLI; no sub-command opens the till."""

from __future__ import annotations

import importlib
import sys

from pos_app.cli import build_parser, global_parser, run


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    window_args, rest = global_parser(add_help=False).parse_known_args(argv)
    if rest or any(a in ("-h", "--help") for a in argv):  # a sub-command (or help): the whole command line
        args = build_parser().parse_args(argv)
    else:  # the till window: no sub-command module loaded (they cost a start ~50 ms)
        args = window_args
    if getattr(args, "func", None) is not None:
        return run(args)
    _core_of_the_log_in_screen()
    from ui.app import run as run_gui

    return run_gui(args)


# The Qt-free modules the log-in screen uses, imported before PySide6: PySide's import hook reads the source of
# every module that imports anything once PySide6 is loaded (``inspect.getsource``, looking for its
# ``__feature__``): ~5 ms of the start for these.  Only where they load changes; what loads does not.
LOG_IN_CORE = ("db.connection", "db.migrate", "pos_app.events", "pos_app.people.users", "pos_app.selling.tills",
               "pos_app.thai.keyboard", "pos_app.trust.idle", "pos_app.trust.lock")


def _core_of_the_log_in_screen() -> None:
    for name in LOG_IN_CORE:
        importlib.import_module(name)


if __name__ == "__main__":
    sys.exit(main())
