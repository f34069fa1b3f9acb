"""RecordTableModel: roles, headers, stable sorting with missing values last, filtering, updates."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QDate, QDateTime, QLocale, QPersistentModelIndex, Qt, QTime

from desktop.qt.dates import date_text
from desktop.qt.models.table import (
    Column,
    RecordRole,
    RecordTableModel,
    SortRole,
    StatusRole,
    _ranges,
    date_column,
    labelled,
    text_column,
)
from tests.qt.models.support import Signals, c_locale, check_model

ASC, DESC = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder
DISPLAY = int(Qt.ItemDataRole.DisplayRole)
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class Item:
    key: str
    name: str
    score: int | None = None
    when: datetime | None = None


NAME, SCORE, WHEN = range(3)
T0 = datetime(2026, 3, 4, 5, 6, 7, tzinfo=timezone.utc)


def score_text(item: Item) -> str:
    return "" if item.score is None else str(item.score)


def make_model(
    *,
    natural_key: Callable[[Item], Any] | None = None,
    sort: tuple[int, Qt.SortOrder] = (-1, ASC),
    tie_column: int | None = None,
) -> RecordTableModel[Item]:
    return RecordTableModel(
        [
            text_column(
                "Name",
                lambda i: i.name,
                tooltip=lambda i: f"About {i.name}",
                accessible=lambda i: f"Name: {i.name}",
            ),
            Column(
                "Score", score_text, lambda i: i.score, status=lambda i: i.score, alignment=RIGHT
            ),
            date_column("When", lambda i: i.when),
        ],
        key=lambda i: i.key,
        natural_key=natural_key,
        sort=sort,
        tie_column=tie_column,
    )


def items(*names: str) -> list[Item]:
    return [Item(f"k{n}", name, n, T0 + timedelta(days=n)) for n, name in enumerate(names)]


def column_values(model: RecordTableModel[Item], column: int, role: int = DISPLAY) -> list[Any]:
    return [model.index(row, column).data(role) for row in range(model.rowCount())]


def keys(model: RecordTableModel[Item]) -> list[str]:
    return [i.key for i in model.records()]


# --- the Qt model contract ---------------------------------------------------------------------


def test_model_tester_empty_filled_sorted_filtered_updated(qtmodeltester):
    model = make_model(tie_column=NAME)
    qtmodeltester.check(model)  # stays attached: every later signal is checked again
    model.set_rows([*items("b", "A", "c", "a"), Item("none", "z")])
    for column in (-1, NAME, SCORE, WHEN):
        model.sort(column, DESC)
        model.sort(column, ASC)
    model.set_predicate(lambda i: i.name != "c")
    model.update_rows(lambda i: replace(i, score=7) if i.key == "k0" else None)
    model.resort()
    model.set_predicate(lambda i: False)
    model.set_rows([])
    check_model(model)


def test_model_tester_with_a_selection_during_sort(qtmodeltester):
    model = make_model()
    model.set_rows(items("d", "c", "b", "a"))
    qtmodeltester.check(model)
    held = [QPersistentModelIndex(model.index(row, 1)) for row in range(4)]
    model.sort(NAME, ASC)
    assert [model.record(i.row()).name for i in held] == ["d", "c", "b", "a"]
    assert [i.column() for i in held] == [1] * 4
    check_model(model)


def test_children_and_invalid_parents():
    model = make_model()
    model.set_rows(items("a"))
    top = model.index(0, 0)
    assert model.rowCount(top) == 0
    assert model.columnCount(top) == 0
    assert model.columnCount() == 3
    assert not model.index(0, 0, top).isValid()
    assert model.data(model.index(5, 0)) is None  # an invalid index has no data


# --- roles and headers -------------------------------------------------------------------------


def test_roles_of_a_row(qapp):
    model = make_model()
    record = Item("k", "Contoso", 3, T0)
    model.set_rows([record])
    name, score, when = (model.index(0, c) for c in range(3))
    assert name.data() == "Contoso"
    assert name.data(SortRole) == "contoso"  # text columns sort without regard to case
    assert name.data(Qt.ItemDataRole.ToolTipRole) == "About Contoso"
    assert name.data(Qt.ItemDataRole.AccessibleTextRole) == "Name: Contoso"
    assert name.data(StatusRole) is None  # the column declares no status
    assert name.data(Qt.ItemDataRole.DecorationRole) is None
    assert name.data(Qt.ItemDataRole.FontRole) is None  # roles no column knows
    assert name.data(Qt.ItemDataRole.TextAlignmentRole) == LEFT
    assert score.data() == "3"
    assert score.data(SortRole) == 3
    assert score.data(StatusRole) == 3
    assert score.data(Qt.ItemDataRole.TextAlignmentRole) == RIGHT
    assert score.data(Qt.ItemDataRole.ToolTipRole) is None
    assert when.data(SortRole) == T0
    for index in (name, score, when):
        assert index.data(RecordRole) is record


def test_header_data(qapp):
    model = make_model()
    horizontal, vertical = Qt.Orientation.Horizontal, Qt.Orientation.Vertical
    assert [model.headerData(c, horizontal) for c in range(3)] == ["Name", "Score", "When"]
    assert model.headerData(1, horizontal, Qt.ItemDataRole.TextAlignmentRole) == RIGHT
    assert model.headerData(0, horizontal, Qt.ItemDataRole.ToolTipRole) is None
    model.set_rows(items("a", "b"))
    # No row numbers: the views hide the vertical header, and Qt still exposed "1", "2", …
    # to a screen reader as each row's header (issue 21).
    assert model.headerData(1, vertical) is None


def test_labelled_shows_unknown_values_as_sent(qapp):
    label = labelled({"open": "Open"}, "Test")
    assert label("open") == "Open"
    assert label("escalatedToMars") == "escalatedToMars"
    assert label("") == ""


# --- dates -------------------------------------------------------------------------------------


def local_text(value: datetime, locale: QLocale, form: QLocale.FormatType) -> str:
    """What Qt should show: the instant in local time (as Python computes it), in `locale`."""
    local = value.astimezone()
    qt_local = QDateTime(
        QDate(local.year, local.month, local.day), QTime(local.hour, local.minute, local.second)
    )
    return locale.toString(qt_local, form)


def test_dates_render_in_local_time_and_missing_ones_are_empty(qapp):
    model = make_model()
    model.set_rows([Item("a", "a", when=T0), Item("b", "b")])
    with c_locale() as locale:
        short, long = QLocale.FormatType.ShortFormat, QLocale.FormatType.LongFormat
        assert model.index(0, WHEN).data() == local_text(T0, locale, short)
        assert "2026" in model.index(0, WHEN).data()
        assert model.index(0, WHEN).data(Qt.ItemDataRole.ToolTipRole) == local_text(
            T0, locale, long
        )
        assert model.index(1, WHEN).data() == ""
        assert model.index(1, WHEN).data(Qt.ItemDataRole.ToolTipRole) == ""
        assert date_text(None) == ""


@pytest.fixture
def time_zone() -> Iterator[Callable[[str], None]]:
    if not hasattr(time, "tzset"):
        pytest.skip("time.tzset is POSIX only")
    previous = os.environ.get("TZ")

    def use(zone: str) -> None:
        os.environ["TZ"] = zone
        time.tzset()

    yield use
    if previous is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = previous
    time.tzset()


@pytest.mark.parametrize(
    ("zone", "shown"),
    [
        ("UTC", "4 03 2026 05:06"),
        ("Asia/Kolkata", "4 03 2026 10:36"),
        ("EST5EDT", "4 03 2026 00:06"),
    ],
)
def test_dates_follow_the_local_time_zone(qapp, time_zone, zone: str, shown: str):
    time_zone(zone)
    with c_locale():
        assert date_text(T0) == shown


def test_date_from_another_offset_is_the_same_instant(qapp):
    tokyo = T0.astimezone(timezone(timedelta(hours=9)))
    assert date_text(tokyo) == date_text(T0)
    assert date_text(tokyo, QLocale.FormatType.LongFormat) == date_text(
        T0, QLocale.FormatType.LongFormat
    )


# --- sorting -----------------------------------------------------------------------------------


def test_text_sorts_ignore_case_and_keep_load_order_for_ties(qapp):
    model = make_model()
    model.set_rows(items("b", "A", "a", "B", "c"))
    model.sort(NAME, ASC)
    assert column_values(model, NAME) == ["A", "a", "b", "B", "c"]
    model.sort(NAME, DESC)
    assert column_values(model, NAME) == ["c", "b", "B", "A", "a"]  # ties stay in load order
    assert model.sort_state() == (NAME, DESC)


def test_missing_values_sort_last_in_both_directions(qapp):
    model = make_model()
    model.set_rows(
        [
            Item("a", "a", 2, T0),
            Item("b", "b", None, None),
            Item("c", "c", 1, T0 - timedelta(days=400)),
            Item("d", "d", 3, T0 + timedelta(hours=1)),
            Item("e", "e", None, None),
        ]
    )
    model.sort(SCORE, ASC)
    assert keys(model) == ["c", "a", "d", "b", "e"]
    model.sort(SCORE, DESC)
    assert keys(model) == ["d", "a", "c", "b", "e"]
    model.sort(WHEN, ASC)
    assert keys(model) == ["c", "a", "d", "b", "e"]
    model.sort(WHEN, DESC)
    assert keys(model) == ["d", "a", "c", "b", "e"]
    assert column_values(model, WHEN, SortRole)[-2:] == [None, None]
    assert column_values(model, WHEN)[-2:] == ["", ""]


def test_sort_minus_one_is_natural_order_or_load_order(qapp):
    plain = make_model(sort=(NAME, ASC))
    plain.set_rows(items("c", "a", "b"))
    assert column_values(plain, NAME) == ["a", "b", "c"]
    plain.sort(-1, DESC)  # no natural key: load order, whatever the direction
    assert column_values(plain, NAME) == ["c", "a", "b"]

    natural = make_model(natural_key=lambda i: -(i.score or 0))
    natural.set_rows(items("c", "a", "b"))
    assert column_values(natural, NAME) == ["b", "a", "c"]
    natural.sort(NAME, ASC)
    natural.sort(-1, DESC)
    assert column_values(natural, NAME) == ["b", "a", "c"]


def test_ties_follow_the_tie_column(qapp):
    model = make_model(tie_column=NAME)
    model.set_rows([Item("1", "b", 1), Item("2", "a", 1), Item("3", "c", 0), Item("4", "A", 1)])
    model.sort(SCORE, ASC)
    assert keys(model) == ["3", "2", "4", "1"]
    model.sort(SCORE, DESC)
    assert keys(model) == ["2", "4", "1", "3"]  # descending keeps ties in ascending name order


def test_sort_emits_a_layout_change_and_ignores_unknown_columns(qapp):
    model = make_model()
    model.set_rows(items("b", "a"))
    signals = Signals.on(model)
    model.sort(NAME, ASC)
    assert (signals.layouts, signals.resets) == (1, 0)
    model.sort(3, ASC)
    model.sort(-2, ASC)
    assert signals.layouts == 1
    assert model.sort_state() == (NAME, ASC)


def test_set_rows_applies_the_current_sort_and_filter(qapp):
    model = make_model(sort=(NAME, DESC))
    model.set_predicate(lambda i: i.name != "b")
    signals = Signals.on(model)
    model.set_rows(items("a", "b", "c"))
    assert column_values(model, NAME) == ["c", "a"]
    assert signals.resets == 1
    assert [i.name for i in model.all_records()] == ["a", "b", "c"]


def reference_order(
    records: list[Item], column: int, descending: bool, tie: Callable[[Item], Any] | None
) -> list[int]:
    """Record indices as the model documents it: stable, ties by `tie`, missing values last."""
    key: Callable[[Item], Any] = {
        NAME: lambda i: i.name.casefold(),
        SCORE: lambda i: i.score,
        WHEN: lambda i: i.when,
    }[column]
    indices = list(range(len(records)))
    if tie is not None:
        indices = sorted(indices, key=lambda n: tie(records[n]))
    present = [n for n in indices if key(records[n]) is not None]
    missing = [n for n in indices if key(records[n]) is None]
    return sorted(present, key=lambda n: key(records[n]), reverse=descending) + missing


some_items = st.lists(
    st.builds(
        Item,
        key=st.just(""),
        name=st.text("aAbBäÄ ", max_size=3),
        score=st.none() | st.integers(-2, 2),
        when=st.none() | st.sampled_from([T0, T0 - timedelta(days=1), T0 + timedelta(hours=1)]),
    ),
    max_size=12,
).map(lambda found: [replace(item, key=f"k{n}") for n, item in enumerate(found)])


@settings(max_examples=60, deadline=None)
@given(
    records=some_items,
    column=st.sampled_from([NAME, SCORE, WHEN]),
    descending=st.booleans(),
    with_tie=st.booleans(),
    hidden=st.sets(st.integers(0, 11)),
)
def test_sort_and_filter_match_a_reference(qapp, records, column, descending, with_tie, hidden):
    model = make_model(tie_column=NAME if with_tie else None)
    model.set_rows(records)
    model.sort(column, DESC if descending else ASC)
    tie = (lambda i: i.name.casefold()) if with_tie else None
    expected = reference_order(records, column, descending, tie)
    assert model.records() == [records[n] for n in expected]

    model.set_predicate(lambda i: int(i.key[1:]) not in hidden)
    assert model.records() == [records[n] for n in expected if n not in hidden]
    values = column_values(model, column, SortRole)
    present = [v for v in values if v is not None]
    assert values == present + [None] * (len(values) - len(present))  # missing ones last
    assert present == sorted(present, reverse=descending)
    check_model(model)


# --- filtering, lookup and updates -------------------------------------------------------------


def test_predicate_resets_and_lookups_follow_it(qapp):
    model = make_model(sort=(NAME, ASC))
    model.set_rows(items("c", "a", "b"))
    signals = Signals.on(model)
    model.set_predicate(lambda i: i.name != "a")
    assert signals.resets == 1
    assert [i.name for i in model.records()] == ["b", "c"]
    assert model.record(0).name == "b"
    assert [i.name for i in model.all_records()] == ["c", "a", "b"]  # load order, hidden too
    assert model.row_of_key("k0") == 1
    assert model.row_of_key("k1") is None  # filtered out
    assert model.row_of_key("nope") is None
    model.set_predicate(None)
    assert model.rowCount() == 3
    assert model.row_of_key("k1") == 0


def test_lookups_by_key_need_a_key(qapp):
    model: RecordTableModel[Item] = RecordTableModel([text_column("Name", lambda i: i.name)])
    model.set_rows(items("a"))
    with pytest.raises(TypeError):
        model.row_of_key("k0")
    with pytest.raises(TypeError):
        model.replace_records([])


def test_update_rows_signals_runs_of_changed_rows_and_moves_nothing(qapp):
    model = make_model(sort=(SCORE, ASC))
    records = items(*"abcdefgh")  # score = position
    model.set_rows(records)
    signals = Signals.on(model)
    bump = {"k1", "k2", "k3", "k6"}
    count = model.update_rows(
        lambda i: replace(i, score=-(i.score or 0)) if i.key in bump else None,
        [SortRole],
    )
    assert count == 4
    assert (signals.resets, signals.layouts) == (0, 0)
    assert signals.changed == [(1, 0, 3, 2, [SortRole]), (6, 0, 6, 2, [SortRole])]
    assert keys(model) == [r.key for r in records]  # rows stay where they were...
    assert column_values(model, SCORE) == ["0", "-1", "-2", "-3", "4", "5", "-6", "7"]
    model.resort()  # ...until sorted again
    assert keys(model) == ["k6", "k3", "k2", "k1", "k0", "k4", "k5", "k7"]


def test_update_rows_counts_real_changes_only(qapp):
    model = make_model()
    model.set_rows(items("a", "b"))
    signals = Signals.on(model)
    assert model.update_rows(lambda i: i) == 0
    assert model.update_rows(lambda i: replace(i)) == 0  # equal is not a change
    assert model.update_rows(lambda i: None) == 0
    assert signals.changed == []


def test_update_of_a_hidden_row_is_stored_without_a_signal(qapp):
    model = make_model()
    model.set_rows(items("a", "b"))
    model.set_predicate(lambda i: i.name == "a" or (i.score or 0) > 5)
    signals = Signals.on(model)
    assert model.update_rows(lambda i: replace(i, score=9) if i.key == "k1" else None) == 1
    assert signals.changed == []
    assert model.rowCount() == 1  # filter membership holds until the filter runs again
    assert model.all_records()[1].score == 9
    model.resort()
    assert keys(model) == ["k0", "k1"]


def test_resort_drops_selected_rows_that_no_longer_pass_the_filter(qapp):
    model = make_model(sort=(NAME, ASC))
    model.set_rows(items("a", "b", "c"))
    model.set_predicate(lambda i: (i.score or 0) < 5)
    held_b = QPersistentModelIndex(model.index(1, 0))
    held_c = QPersistentModelIndex(model.index(2, 2))
    model.update_rows(lambda i: replace(i, score=9) if i.key == "k1" else None)
    assert model.rowCount() == 3
    model.resort()
    assert keys(model) == ["k0", "k2"]
    assert not held_b.isValid()
    assert (held_c.row(), held_c.column()) == (1, 2)


def test_replace_records_by_key(qapp):
    model = make_model(sort=(NAME, ASC))
    model.set_rows(items("a", "b"))
    signals = Signals.on(model)
    count = model.replace_records([Item("k1", "B2", 5), Item("unknown", "x")])
    assert count == 1
    assert model.record(1) == Item("k1", "B2", 5)
    assert [(top, bottom) for top, _, bottom, _, _ in signals.changed] == [(1, 1)]
    assert model.row_of_key("k1") == 1


def test_ranges_group_rows_into_runs():
    assert _ranges([]) == []
    assert _ranges([5, 1, 2, 3, 9, 2]) == [(1, 3), (5, 5), (9, 9)]
    assert _ranges([4, 5, 7, 6]) == [(4, 7)]


def test_a_scattered_update_is_one_signal_over_its_span_and_a_few_runs_stay_apart():
    from desktop.domain.customers import Customer
    from desktop.qt.models.customers import HEALTH, CustomerTableModel, HealthSummary

    model = CustomerTableModel()
    people = [Customer(f"t{n:03}", f"C{n:03}", "d", "reseller") for n in range(100)]
    model.set_rows(people)
    spans: list[tuple[int, int, int, int]] = []
    model.dataChanged.connect(
        lambda a, b, _roles: spans.append((a.row(), b.row(), a.column(), b.column()))
    )
    model.set_health_many({f"t{n:03}": HealthSummary(0, 0, 0) for n in (3, 4, 50)})
    assert spans == [(3, 4, HEALTH, HEALTH), (50, 50, HEALTH, HEALTH)]
    spans.clear()
    model.set_health_many({f"t{n:03}": HealthSummary(1, 0, 0) for n in range(0, 100, 10)})
    assert spans == [(0, 90, HEALTH, HEALTH)]  # ten runs: one signal over the span
