"""Log records held in memory until the log file is attached (`desktop.config.logs`). No Qt.

The GUI attaches the file once the window's first paint is done: `logging.handlers` and the
file's opening took 8-15 ms before that paint (docs/PERFORMANCE.md, "Start-up"). No record is
lost: those held go to the file's handlers first, in order, and any that still reach the held
handler later are passed on.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence


class Held(logging.Handler):
    """Keeps every record until `pass_on`, then hands each on to the given handlers."""

    def __init__(self) -> None:
        super().__init__(logging.NOTSET)
        self._records: list[logging.LogRecord] = []
        self._targets: Sequence[logging.Handler] | None = None

    def emit(self, record: logging.LogRecord) -> None:  # under the handler's lock
        if self._targets is None:
            self._records.append(record)
            return
        for target in self._targets:
            target.handle(record)

    def pass_on(self, targets: Sequence[logging.Handler]) -> None:
        """The records held so far to `targets`, and every later one."""
        with self.lock:  # type: ignore[union-attr]  # made by Handler.__init__
            self._targets = list(targets)
            records, self._records = self._records, []
            for record in records:
                for target in self._targets:
                    target.handle(record)


def hold(level: int = logging.INFO) -> None:
    """Keep the records from now on, at `level`, until `desktop.config.logs.setup_logging`."""
    root = logging.getLogger()
    if not any(isinstance(h, Held) or getattr(h, "_partner_desk", False) for h in root.handlers):
        root.addHandler(Held())
    set_levels(level)


def release(handlers: Sequence[logging.Handler]) -> None:
    """Put `handlers` on the root logger in the place of the held handler (if any), which
    passes them what it kept."""
    root = logging.getLogger()
    held = [h for h in root.handlers if isinstance(h, Held)]
    for handler in held:
        handler.pass_on(handlers)
    # One new list, not added to and removed from in place: a record logged meanwhile on
    # another thread meets either the held handler (which passes it on) or the new ones, once.
    root.handlers = [h for h in root.handlers if not isinstance(h, Held)] + list(handlers)


def set_levels(level: int) -> None:
    logging.getLogger().setLevel(level)
    # urllib3 logs full URLs at DEBUG and nothing we need at INFO.
    logging.getLogger("urllib3").setLevel(logging.WARNING)
    # MSAL at DEBUG dumps whole token responses (masked, but still): INFO says what we need.
    logging.getLogger("msal").setLevel(max(level, logging.INFO))
