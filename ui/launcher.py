"""The ``pos-app`` console script: a sub-command runs in the core's CLI; no sub-command opens the till."""

from __future__ import annotations

import sys

from pos_app.cli import build_parser, run


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(sys.argv[1:] if argv is None else argv)
    if getattr(args, "func", None) is not None:
        return run(args)
    from ui.app import run as run_gui

    return run_gui(args)


if __name__ == "__main__":
    sys.exit(main())
