"""How old a figure is, in words: every cached figure on screen shows its age (issue 6)."""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale

_CONTEXT = "Age"


def age_text(fetched: float, now: float | None = None) -> str:
    """ "just now", "5 min ago", "3 h ago", or the local date and time for anything older."""
    seconds = max(0.0, (time.time() if now is None else now) - fetched)
    if seconds < 60:
        return QCoreApplication.translate("Age", "just now")
    if seconds < 3600:
        return QCoreApplication.translate("Age", "%n min ago", None, int(seconds // 60))
    if seconds < 24 * 3600:
        return QCoreApplication.translate("Age", "%n h ago", None, int(seconds // 3600))
    when = QDateTime.fromSecsSinceEpoch(int(fetched))
    return QLocale().toString(when, QLocale.FormatType.ShortFormat)
