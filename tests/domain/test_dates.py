"""The rules for showing a moment (desktop.domain.dates): which instant a value stands for, and
how old a figure is said to be. desktop.qt.dates writes them in the user's locale."""

from __future__ import annotations

import math
from datetime import datetime, timedelta, timezone

import pytest

from desktop.domain.dates import FIRST_SECOND, LAST_SECOND, AgeUnit, age, shown_seconds

T0 = datetime(2026, 3, 4, 5, 6, 7, tzinfo=timezone.utc)


def test_the_instant_of_a_value() -> None:
    assert shown_seconds(T0) == T0.timestamp()
    # The same instant from another offset; a datetime without a zone is UTC, as records are.
    assert shown_seconds(T0.astimezone(timezone(timedelta(hours=9)))) == T0.timestamp()
    assert shown_seconds(T0.replace(tzinfo=None)) == T0.timestamp()
    assert shown_seconds(1234.5) == 1234.5
    assert shown_seconds(7) == 7.0


@pytest.mark.parametrize("nothing", [None, "", "2026-03-04", True, math.nan, math.inf, -math.inf])
def test_nothing_to_show(nothing: object) -> None:
    assert shown_seconds(nothing) is None


def test_what_no_calendar_shows_is_cut_to_the_years_one_to_9999() -> None:
    assert shown_seconds(1e20) == LAST_SECOND
    assert shown_seconds(-1e20) == FIRST_SECOND
    assert shown_seconds(datetime(1, 1, 1, tzinfo=timezone.utc)) == FIRST_SECOND


@pytest.mark.parametrize(
    ("seconds", "said"),
    [
        (0, (AgeUnit.NOW, 0)),
        (59.9, (AgeUnit.NOW, 0)),
        (60, (AgeUnit.MINUTES, 1)),
        (3599, (AgeUnit.MINUTES, 59)),
        (3600, (AgeUnit.HOURS, 1)),
        (24 * 3600 - 1, (AgeUnit.HOURS, 23)),
        (24 * 3600, (AgeUnit.DATE, 0)),
        (-500, (AgeUnit.NOW, 0)),  # a clock set back: never "in the future"
    ],
)
def test_how_old_a_figure_is(seconds: float, said: tuple[AgeUnit, int]) -> None:
    assert age(1000.0, 1000.0 + seconds) == said
