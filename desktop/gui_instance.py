"""The GUI's single instance (desktop.qt.single_instance): hand the command line to a running
Partner Desk and leave, or be the one that listens; then act on what later starts send.

Not for runs that drive themselves (the self-test, the start-up probes, scenarios): benches
and tests start many of those at once on purpose.

On Windows a run the user drives also holds a named mutex, `APP_MUTEX`, for as long as it runs:
the installer's `AppMutex` (installer/windows/partner-desk.iss) finds it, so setup and the
uninstaller ask for Partner Desk to be closed instead of replacing files in use. Elsewhere it
is nothing.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from typing import Any, Final

log = logging.getLogger(__name__)

# The installer's AppMutex names (partner-desk.iss, `AppMutexName`): this session's namespace,
# and the global one, where an uninstall for all users run from another session looks.
APP_MUTEX: Final = "PartnerDesk.Running"
APP_MUTEX_NAMES: Final = (APP_MUTEX, f"Global\\{APP_MUTEX}")
_mutexes: list[int] = []  # handles kept open until the process ends (Windows closes them)


def hold_app_mutex() -> list[int]:
    """Windows: create the installer's named mutexes (once per process) and keep them; their
    handles. A name that cannot be made (the global one, under some terminal-server policies) is
    logged and left out. Elsewhere: nothing, and no ctypes loaded."""
    if sys.platform != "win32" or _mutexes:
        return _mutexes
    import ctypes
    from ctypes import wintypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    create = kernel32.CreateMutexW
    create.argtypes = (wintypes.LPVOID, wintypes.BOOL, wintypes.LPCWSTR)
    create.restype = wintypes.HANDLE
    for name in APP_MUTEX_NAMES:
        # Not owned (bInitialOwner False): only its existence is the signal, as Inno Setup asks.
        handle = create(None, False, name)
        if handle:
            _mutexes.append(handle)
        else:
            log.info("mutex %s not created (error %d)", name, ctypes.get_last_error())
    return _mutexes


class Claim:
    """This start's place: `handed_over` (another Partner Desk took the command line: leave),
    else `listener` (None when listening failed: the app runs without the hand-over)."""

    def __init__(self, handed_over: bool, listener: Any = None) -> None:
        self.handed_over = handed_over
        self.listener = listener
        self._pending: list[list[str]] = []
        self._window: Any = None
        if listener is not None:
            listener.received.connect(self._received)

    def attach(self, window: Any) -> None:
        """The window that later starts' command lines act on (those that came before it
        existed, too)."""
        self._window = window
        pending, self._pending = self._pending, []
        for argv in pending:
            act_on(window, argv)

    def close(self) -> None:
        if self.listener is not None:
            self.listener.close()

    def _received(self, argv: list[str]) -> None:
        if self._window is None:
            self._pending.append(argv)
        else:
            act_on(self._window, argv)


def claim(worker: Any, argv: Sequence[str]) -> Claim:
    """Hand `argv` to a running Partner Desk, or listen for later starts. The socket is tried
    on the worker (a connect may wait); the GUI thread only listens, running Qt's events
    meanwhile (start-up, before the asyncio loop exists: desktop.gui_frame)."""
    from desktop.qt.single_instance import Listener, hand_over, server_name

    hold_app_mutex()
    name = server_name()
    if worker.result_of(worker.run(hand_over, name, list(argv))):
        return Claim(True)
    listener = Listener(name)
    listening = listener.listen()
    if listening is None:  # in use: another start at this moment, or a crashed one's socket
        if worker.result_of(worker.run(hand_over, name, list(argv))):
            listener.deleteLater()
            return Claim(True)
        listening = listener.listen(remove_stale=True)
    if not listening:
        listener.deleteLater()
        return Claim(False)
    return Claim(False, listener)


def say_handed_over(args: argparse.Namespace) -> None:
    """The second start's last words, on stderr (it opens no window)."""
    what = f" to open {args.open_customer}" if args.open_customer else ""
    print(
        f"partner-desk: Partner Desk is already running; its window was brought forward{what}.",
        file=sys.stderr,
        flush=True,
    )


def act_on(window: Any, argv: list[str]) -> None:
    """A later start's command line: the window forward, and what it asked for."""
    from desktop.gui_args import build_parser

    try:
        args = build_parser().parse_args(argv)
    except SystemExit:  # not ours to parse (another version?): the window forward all the same
        log.warning("a later start's command line was not understood")
        args = None
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()
    if args is not None and args.open_customer:
        window.open_customer(args.open_customer)


__all__ = ["APP_MUTEX", "Claim", "act_on", "claim", "hold_app_mutex", "say_handed_over"]
