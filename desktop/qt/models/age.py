"""How old a figure is, in words: every cached figure on screen shows its age (issue 6)."""

from __future__ import annotations

import functools
import math
import time

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, QObject


class Age(QObject):
    """The ages with a count in them.

    lupdate keeps the plural forms of `self.tr(text, "", n)` only: a `QCoreApplication.translate`
    whose count is not a literal loses them, or the whole message. The class names the context.
    """

    def minutes(self, n: int) -> str:
        return self.tr("%n min ago", "", n)

    def hours(self, n: int) -> str:
        return self.tr("%n h ago", "", n)


# 0001-01-01 and 9999-12-31 23:59:59 UTC, in seconds since 1970.
_FIRST_SECOND = -62135596800.0
_LAST_SECOND = 253402300799.0


@functools.cache
def _texts() -> Age:
    return Age()


def age_text(fetched: float, now: float | None = None) -> str:
    """ "just now", "5 min ago", "3 h ago", or the local date and time for anything older;
    "—" for a time no clock can show (NaN or infinite: a tampered cache row)."""
    if not math.isfinite(fetched):
        return "—"
    # Within what QDateTime takes: the years 1 to 9999 (a tampered cache row may say 1e20).
    fetched = min(max(fetched, _FIRST_SECOND), _LAST_SECOND)
    seconds = max(0.0, (time.time() if now is None else now) - fetched)
    if seconds < 60:
        return QCoreApplication.translate("Age", "just now")
    if seconds < 3600:
        return _texts().minutes(int(seconds // 60))
    if seconds < 24 * 3600:
        return _texts().hours(int(seconds // 3600))
    when = QDateTime.fromSecsSinceEpoch(int(fetched))
    return QLocale().toString(when, QLocale.FormatType.ShortFormat)
