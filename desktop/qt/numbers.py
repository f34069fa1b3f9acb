"""Numbers clamped before Qt takes them. No Qt: plain numbers in, plain numbers out.

Qt's integers are C ints: `QLocale.toString` takes 64 bits, `tr(text, "", n)` and
`QTimer.start(ms)` 32, and PySide raises OverflowError past them (with a RuntimeWarning first)
in whatever slot was running: a `Retry-After: 1e20` from a server ended the customer list's
health sweep in a crash dialog (issue 16). `float("inf")` and NaN convert to no integer at all.
Every number from an answer, a file or a computation on them goes through one of these before
it is shown or scheduled.
"""

from __future__ import annotations

import math
from typing import Final

# The largest int every Qt API we call takes (C int, 32 bits): `tr`'s %n, QTimer intervals
# (milliseconds: ~24.8 days), QDateTime.addSecs is wider but needs no more.
QT_INT_MAX: Final = 2**31 - 1


def qt_int(value: float | int | None, low: int = -QT_INT_MAX, high: int = QT_INT_MAX) -> int:
    """`value` as an int within [low, high] (both within Qt's int): infinities give the bound
    on their side, NaN and None 0 (or the bound nearest to it)."""
    low, high = max(low, -QT_INT_MAX), min(high, QT_INT_MAX)
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return min(max(0, low), high)
    if value >= high:  # inf included
        return high
    if value <= low:
        return low
    return int(value)


def timer_ms(value: float | int | None) -> int:
    """A QTimer interval: a finite int of milliseconds, 0 up to Qt's limit (~24.8 days)."""
    return qt_int(value, 0, QT_INT_MAX)


def finite_seconds(value: float | int | None, high: float) -> float | None:
    """A wait in seconds within [0, high]; None when there is none or it is NaN. Negative waits
    are 0 ("now"), an infinite one is `high`."""
    if value is None:
        return None
    try:
        seconds = float(value)
    except OverflowError:  # an int past float's range: longer than any bound
        return high
    if math.isnan(seconds):
        return None
    return min(max(seconds, 0.0), high)
