"""Composition root: command line, then either a headless command or the Qt application.

Headless commands (`export`, `clouds`, ...) never import Qt, so scripts and CI pay nothing for it.
The GUI imports Qt, qasync and the UI only when it starts.
"""

from __future__ import annotations

import gc
import logging
import os
import sys
import threading
from collections.abc import Sequence

# The headless commands (`desktop.cli.COMMANDS`, kept equal by a test): named here so a GUI
# start does not import the CLI and what only it needs (the export, filing).
HEADLESS = ("export", "consent", "clouds", "request", "drafts")


def main(argv: Sequence[str] | None = None) -> int:
    if getattr(sys, "frozen", False):
        # The bundled app started as the sweep engine's process (desktop.services.engine):
        # multiprocessing runs the child's work and exits here, before anything else starts.
        import multiprocessing

        multiprocessing.freeze_support()
    _give_streams()
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
        from desktop.gui_args import build_parser

        build_parser().parse_args(args)
        return 0
    # Start-up makes objects that live as long as the app; the cyclic collector walked them
    # over and over meanwhile for nothing. Once the window has painted, the GUI thread collects
    # (`desktop.qt.heap`: never a sweep's thread).
    gc.disable()
    from desktop.gui import run

    return _leave(run(args))


def _give_streams() -> None:
    """A windowed executable (PyInstaller's windowed `partner-desk.exe`, `pythonw`) starts with
    `sys.stdout` and `sys.stderr` set to None: the first `write` or `flush` on them raised,
    so `partner-desk.exe clouds` crashed and closing with calls in flight failed in `_leave`.

    Started from a console (`cmd`, PowerShell), the process attaches to that console so a
    headless command's output shows where it was typed; otherwise the streams go nowhere.
    """
    if sys.stdout is not None and sys.stderr is not None:
        return
    target = os.devnull
    if sys.platform == "win32":
        import ctypes

        attach_parent_process = -1  # AttachConsole's documented value for "my parent's"
        if ctypes.windll.kernel32.AttachConsole(attach_parent_process):
            target = "CONOUT$"
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(target, "w", encoding="utf-8", errors="replace"))  # noqa: SIM115


def _leave(code: int) -> int:
    """Exit now, even with HTTP calls still blocked in their threads.

    Python joins every thread pool's threads at exit, so a read held by a silent server kept
    the closed app alive until its timeout (5.65 s for a 5 s hold in tests/faults; up to 30 s
    by default). By now the window is gone, the stores are closed and the worker has waited
    its bounded while: nothing those calls return is wanted.
    """
    main = threading.main_thread()
    stragglers = [t for t in threading.enumerate() if t is not main and not t.daemon]
    if not stragglers:
        return code
    logging.getLogger(__name__).info("leaving %d call(s) in flight", len(stragglers))
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
