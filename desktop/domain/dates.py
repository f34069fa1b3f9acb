"""The rules for showing a moment: which instant a value stands for, and how old a figure is
said to be. No Qt: `desktop.qt.dates` writes them in the user's locale and time zone."""

from __future__ import annotations

import math
from datetime import datetime, timezone
from enum import Enum
from typing import Final

# 0001-01-01 and 9999-12-31 23:59:59 UTC, in seconds since 1970: what a calendar shows.
FIRST_SECOND: Final = -62135596800.0
LAST_SECOND: Final = 253402300799.0


def shown_seconds(value: object) -> float | None:
    """The instant to show for `value` (a datetime, or seconds since 1970), in seconds since
    1970 within the years 1-9999; None when there is nothing to show (no value, or a number
    no clock can show: NaN or infinite, as a tampered cache row may hold). A datetime without
    a zone is UTC, as the records' are."""
    if isinstance(value, datetime):
        moment = value if value.tzinfo else value.replace(tzinfo=timezone.utc)
        seconds = moment.timestamp()
    elif isinstance(value, int | float) and not isinstance(value, bool):
        seconds = float(value)
        if not math.isfinite(seconds):
            return None
    else:
        return None
    return min(max(seconds, FIRST_SECOND), LAST_SECOND)


class AgeUnit(Enum):
    """How an age is said: "just now", in minutes, in hours, or as the date and time."""

    NOW = "now"
    MINUTES = "minutes"
    HOURS = "hours"
    DATE = "date"


def age(fetched: float, now: float) -> tuple[AgeUnit, int]:
    """How old a figure fetched at `fetched` is at `now` (seconds since 1970), and the count
    to say with the unit (0 for NOW and DATE). Never negative: a clock set back is "just now"."""
    seconds = max(0.0, now - fetched)
    if seconds < 60:
        return AgeUnit.NOW, 0
    if seconds < 3600:
        return AgeUnit.MINUTES, int(seconds // 60)
    if seconds < 24 * 3600:
        return AgeUnit.HOURS, int(seconds // 3600)
    return AgeUnit.DATE, 0
