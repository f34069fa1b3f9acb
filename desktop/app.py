"""Composition root: command line, then either a headless command or the Qt application.

Headless commands (`export`, `clouds`, ...) never import Qt, so scripts and CI pay nothing for it.
The GUI imports Qt, qasync and the UI only when it starts.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

# The headless commands (`desktop.cli.COMMANDS`, kept equal by a test): named here so a GUI
# start does not import the CLI and what only it needs (the export, filing).
HEADLESS = ("export", "clouds", "request")


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in HEADLESS:
        from desktop import cli

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
