"""How long a call may take: timeouts per attempt, the retry policy, the budget per call, and
Retry-After read as a finite, sane number of seconds. No Qt.

Every duration that comes from a server or a setting passes through `seconds()` before it is
slept, waited on or shown: `Retry-After: 1e20`, `inf` or a date in the year 9999 once reached
a Qt slot as a float no integer could hold (issue 16, item 7).
"""

from __future__ import annotations

import email.utils
import math
import time
from dataclasses import dataclass, fields
from datetime import datetime

# The longest Retry-After believed: one day. Nothing Microsoft throttles for lasts longer, and
# a "try again at" past tomorrow reads as a broken server, not as advice.
MAX_RETRY_AFTER_S = 86_400.0

# One call's total time, every attempt and every wait between them included. Three minutes:
# a throttled tenant (Graph asks 10-60 s, Partner Center up to 120 s) gets one or two waits, and
# a customer of a sweep can no longer hold its slot for ~14 minutes (7 waits of up to 120 s,
# issue 16, item 15). A wait that would end past it is not begun: the call fails at once and
# says when to try again.
CALL_BUDGET_S = 180.0

# One attempt from the start of its connection to the last byte of the answer, headers
# included: a server sending one header byte every 5 s never reached the read timeout and held
# an attempt for hours (issue 16, item 3). 60 s: the slowest real answers (a customer's health
# with every issue and post, a 500-customer page) take a few seconds.
ATTEMPT_S = 60.0

# The most that settings or code may ask of any one timeout: above this a value is a mistake.
_LONGEST_S = 3_600.0


def seconds(value: object, *, most: float, default: float = 0.0) -> float:
    """`value` as seconds in [0, most]: NaN and anything not a number become `default`,
    infinities and huge numbers `most`, negatives 0."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return default
    try:
        number = float(value)
    except OverflowError:  # an int past a float's range
        return most if value > 0 else 0.0
    if math.isnan(number):
        return default
    return min(max(number, 0.0), most)


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Retry-After as seconds in [0, MAX_RETRY_AFTER_S]: a number of seconds or an HTTP date;
    None if absent or unreadable (then the caller backs off on its own)."""
    if not value:
        return None
    value = value.strip()[:64]
    try:
        number = float(value)
    except (ValueError, OverflowError):
        pass
    else:
        return None if math.isnan(number) else seconds(number, most=MAX_RETRY_AFTER_S)
    try:
        when = email.utils.parsedate_to_datetime(value)
        stamp = when.timestamp()
    except (TypeError, ValueError, OverflowError, OSError, IndexError):
        return None
    return seconds(stamp - (time.time() if now is None else now), most=MAX_RETRY_AFTER_S)


def clock_time(epoch: float, now: float | None = None) -> str:
    """When `epoch` is, as the user reads a clock: "14:32" today, "2026-12-09 14:32" later."""
    at = datetime.fromtimestamp(epoch)
    today = datetime.fromtimestamp(time.time() if now is None else now).date()
    return at.strftime("%H:%M") if at.date() == today else at.strftime("%Y-%m-%d %H:%M")


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 8  # tries in all, the first included
    backoff_base_s: float = 0.25
    backoff_cap_s: float = 8.0
    # A Retry-After longer than this is not waited out: the call fails as throttled and says when.
    max_retry_after_s: float = 120.0
    # Every attempt and wait of one call (CALL_BUDGET_S).
    call_budget_s: float = CALL_BUDGET_S

    def __post_init__(self) -> None:
        defaults = _defaults(self)
        attempts = self.attempts if isinstance(self.attempts, int) else 1
        object.__setattr__(self, "attempts", min(max(attempts, 1), 100))
        for name in ("backoff_base_s", "backoff_cap_s", "call_budget_s"):
            value = seconds(getattr(self, name), most=_LONGEST_S, default=defaults[name])
            if name == "call_budget_s" and value <= 0:
                value = defaults[name]  # no time at all would fail every call unasked
            object.__setattr__(self, name, value)
        value = seconds(self.max_retry_after_s, most=MAX_RETRY_AFTER_S, default=120.0)
        object.__setattr__(self, "max_retry_after_s", value)


@dataclass(frozen=True)
class Timeouts:
    connect_s: float = 6.0
    read_s: float = 30.0  # between bytes
    attempt_s: float = ATTEMPT_S  # from the connection's start to the answer's last byte

    def __post_init__(self) -> None:
        for name, default in _defaults(self).items():
            value = seconds(getattr(self, name), most=_LONGEST_S, default=default)
            # Zero would make every socket non-blocking (or every deadline already past).
            object.__setattr__(self, name, value if value > 0 else default)


def _defaults(instance: object) -> dict[str, float]:
    return {f.name: float(f.default) for f in fields(instance)}  # type: ignore[arg-type]
