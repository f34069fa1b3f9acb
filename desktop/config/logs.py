"""Logging: a rotating file in the log dir, every record redacted, readable by the user alone.
No Qt.

(Qt's own messages are routed into this logger by the GUI at start-up.)

The log names customers and what was done for them: like the stores, it is made 0600 (on Linux
and macOS; `desktop.config.paths`), rotated files too. A log folder that cannot be written does
not stop the app: records go to stderr instead and `file_problem()` says why, for the window to
show.
"""

from __future__ import annotations

import io
import logging
import logging.handlers
import os
import sys
from pathlib import Path
from typing import cast

from desktop.config.log_hold import release, set_levels
from desktop.config.paths import PRIVATE_FILE, log_dir, reason, tighten
from desktop.config.redact import RedactingFilter

FORMAT = "%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s"
LOG_NAME = "partner-desk.log"
# Each log file is rotated at 2 MB and three old ones are kept: 8 MB at most on disk.
LOG_MAX_BYTES = 2_000_000
LOG_BACKUPS = 3

_problem: str | None = None


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log file created 0600 (POSIX), never the process's umask default (0644).

    A record that cannot be written (disk full, the folder made read-only meanwhile) costs one
    line on stderr, once, instead of a traceback per record."""

    _complained = False

    def _open(self) -> io.TextIOWrapper:
        if os.name != "posix":
            return super()._open()
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_APPEND | os.O_CREAT, PRIVATE_FILE)
        tighten(Path(self.baseFilename))  # made 0644 by an older version
        stream = os.fdopen(fd, self.mode, encoding=self.encoding, errors=self.errors)
        return cast(io.TextIOWrapper, stream)

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging's name
        if not self._complained:
            self._complained = True
            error = sys.exc_info()[1]
            why = reason(error) if isinstance(error, OSError) else type(error).__name__
            name = self.baseFilename
            sys.stderr.write(f"partner-desk: the log file {name} cannot be written ({why})\n")


def file_problem() -> str | None:
    """Why there is no log file this run (the log folder cannot be written), else None."""
    return _problem


def setup_logging(level: int = logging.INFO, to_stderr: bool = False) -> Path:
    """Install the handlers once; returns the log file's path. The records held since
    `desktop.config.log_hold.hold` (the GUI's start-up) go to them first."""
    global _problem
    root = logging.getLogger()
    try:
        path = log_dir() / LOG_NAME
    except OSError as error:
        path = Path(error.filename or LOG_NAME) / LOG_NAME
    if any(getattr(h, "_partner_desk", False) for h in root.handlers):
        return path
    handlers: list[logging.Handler] = []
    try:
        file = PrivateRotatingFileHandler(
            path, maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8", delay=True
        )
        # Opened now, not at the first record: a folder that cannot be written is known here.
        file.stream = file._open()
        handlers.append(file)
        _problem = None
    except OSError as error:
        _problem = f"the log folder {path.parent} cannot be written ({reason(error)})"
        to_stderr = True
    if to_stderr:
        handlers.append(logging.StreamHandler())
    for handler in handlers:
        handler.setFormatter(logging.Formatter(FORMAT))
        # On the handler, not the logger: records from every library pass through it.
        handler.addFilter(RedactingFilter())
        handler._partner_desk = True  # type: ignore[attr-defined]
    set_levels(level)
    release(handlers)
    if _problem is not None:
        logging.getLogger(__name__).warning("no log file: %s", _problem)
    return path
