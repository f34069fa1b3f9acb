"""Logging: a rotating file in the log dir, every record redacted. No Qt.

(Qt's own messages are routed into this logger by the GUI at start-up.)
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from desktop.paths import log_dir
from desktop.redact import RedactingFilter

FORMAT = "%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s"


def setup_logging(level: int = logging.INFO, to_stderr: bool = False) -> Path:
    """Install the handlers once; returns the log file's path."""
    path = log_dir() / "partner-desk.log"
    root = logging.getLogger()
    if any(getattr(h, "_partner_desk", False) for h in root.handlers):
        return path
    handlers: list[logging.Handler] = [
        logging.handlers.RotatingFileHandler(
            path, maxBytes=2_000_000, backupCount=3, encoding="utf-8", delay=True
        )
    ]
    if to_stderr:
        handlers.append(logging.StreamHandler())
    for handler in handlers:
        handler.setFormatter(logging.Formatter(FORMAT))
        # On the handler, not the logger: records from every library pass through it.
        handler.addFilter(RedactingFilter())
        handler._partner_desk = True  # type: ignore[attr-defined]
        root.addHandler(handler)
    root.setLevel(level)
    # urllib3 logs full URLs at DEBUG and nothing we need at INFO.
    logging.getLogger("urllib3").setLevel(logging.WARNING)
    # MSAL at DEBUG dumps whole token responses (masked, but still): INFO says what we need.
    logging.getLogger("msal").setLevel(max(level, logging.INFO))
    return path
