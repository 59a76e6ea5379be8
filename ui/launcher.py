"""The ``pos-app`` console script: a sub-command runs in the core's CLI; no sub-command opens the till."""

from __future__ import annotations

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
    from ui.app import run as run_gui

    return run_gui(args)


if __name__ == "__main__":
    sys.exit(main())
