"""How old a figure is, in words: every cached figure on screen shows its age (issue 6)."""

from __future__ import annotations

import functools
import time

from PySide6.QtCore import QCoreApplication, QObject

from desktop.domain.dates import AgeUnit, age, shown_seconds
from desktop.qt.dates import date_text


class Age(QObject):
    """The ages with a count in them.

    lupdate keeps the plural forms of `self.tr(text, "", n)` only: a `QCoreApplication.translate`
    whose count is not a literal loses them, or the whole message. The class names the context.
    """

    def minutes(self, n: int) -> str:
        return self.tr("%n min ago", "", n)

    def hours(self, n: int) -> str:
        return self.tr("%n h ago", "", n)


@functools.cache
def _texts() -> Age:
    return Age()


def age_text(fetched: float, now: float | None = None) -> str:
    """ "just now", "5 min ago", "3 h ago", or the local date and time for anything older;
    "—" for a time no clock can show (NaN or infinite: a tampered cache row)."""
    seconds = shown_seconds(fetched)
    if seconds is None:
        return "—"
    unit, count = age(seconds, time.time() if now is None else now)
    if unit is AgeUnit.NOW:
        return QCoreApplication.translate("Age", "just now")
    if unit is AgeUnit.MINUTES:
        return _texts().minutes(count)
    if unit is AgeUnit.HOURS:
        return _texts().hours(count)
    return date_text(seconds)
