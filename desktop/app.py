"""Composition root: command line, then either a headless command or the Qt application.

Headless commands (`export`, `clouds`, ...) never import Qt, so scripts and CI pay nothing for it.
The GUI imports Qt, qasync and the UI only when it starts.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    from desktop import cli

    if args and args[0] in cli.COMMANDS:
        try:
            return cli.main(args)
        except BrokenPipeError:
            # `partner-desk clouds | head`: the reader left; that is not an error of ours.
            sys.stderr.close()
            return 0
    if args and args[0] in ("-h", "--help", "--version") and len(args) == 1:
        from desktop.gui import build_parser

        build_parser().parse_args(args)
        return 0
    from desktop.gui import run

    return run(args)
