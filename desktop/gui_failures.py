"""What went wrong with nobody to catch it, in the GUI: from Qt slots, coroutines and threads.

desktop.gui installs these hooks at start-up; a scenario (the self-test) reads the messages.
Kept apart from desktop.gui so that the composition root stays a size one can read (issue 17:
no module in desktop/ over 500 lines).
"""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the loop is made after the window's first paint (desktop.gui_frame)
    import asyncio

# Named as before this class left desktop.gui: the log file reads as it did.
log = logging.getLogger("desktop.gui")


class Failures:
    """Exceptions nobody caught, from slots, coroutines and threads: logged and counted."""

    def __init__(self) -> None:
        self.messages: list[str] = []
        # Attached once the window has painted: shows the user a dialog with redacted details
        # (not in scenarios).
        self.reporter: Any = None
        self._early: list[tuple[str, BaseException | None]] = []  # before the reporter

    def attach(self, reporter: Any) -> None:
        """Report through `reporter` from now on, starting with what failed before it."""
        self.reporter = reporter
        early, self._early = self._early, []
        for text, error in early:
            reporter.record(text, error)

    def record(self, text: str, error: BaseException | None) -> None:
        self.messages.append(f"{text}: {error!r}" if error else text)
        if self.reporter is not None:
            self.reporter.record(text, error)  # logs (redacted) and shows the dialog
        else:
            log.error("unhandled: %s", text, exc_info=error)
            self._early.append((text, error))

    def thread_hook(self, args: threading.ExceptHookArgs) -> None:
        name = args.thread.name if args.thread is not None else "a thread"
        self.record(f"an error in {name}", args.exc_value)

    def loop_handler(self, _loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        self.record(
            str(context.get("message", "error in the event loop")), context.get("exception")
        )

    def excepthook(self, kind: type[BaseException], value: BaseException, tb: Any) -> None:
        self.record(f"{kind.__name__} in a Qt slot", value)
