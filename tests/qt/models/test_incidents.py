"""Service health issues: the active/resolved × incident/advisory filter, active first, dates."""

from __future__ import annotations

import itertools
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt

from desktop.domain.enums import Severity
from desktop.domain.health import HealthIssue
from desktop.qt.dates import date_text
from desktop.qt.models.incidents import (
    CLASSIFICATION,
    ID,
    LAST_UPDATE,
    SERVICE,
    STATUS,
    TITLE,
    IssueTableModel,
    classification_label,
)
from desktop.qt.models.table import RecordRole, SortRole, StatusRole
from tests.qt.models.support import Signals, c_locale, check_model

ASC, DESC = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder
T0 = datetime(2026, 11, 20, 9, 30, tzinfo=timezone.utc)


def issue(
    issue_id: str,
    *,
    resolved: bool = False,
    classification: str = "incident",
    hours_ago: float | None = 0,
    status: str = "serviceDegradation",
    title: str = "",
) -> HealthIssue:
    data: dict[str, Any] = {
        "id": issue_id,
        "title": title or f"Issue {issue_id}",
        "service": "Exchange Online",
        "classification": classification,
        "status": status,
        "isResolved": resolved,
    }
    if hours_ago is not None:
        modified = T0 - timedelta(hours=hours_ago)
        data["lastModifiedDateTime"] = modified.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    return HealthIssue.from_json(data)


ISSUES = [
    issue("EX1", resolved=True, hours_ago=1, status="serviceRestored"),
    issue("EX2", hours_ago=5),
    issue("MO3", classification="advisory", hours_ago=2, status="investigating"),
    issue("SP4", classification="Advisory", resolved=True, hours_ago=0, status="resolved"),
    issue("TM5", hours_ago=None, status="serviceInterruption"),  # never updated
    issue("EX6", hours_ago=0.5),
    issue("IN7", classification="unknownFutureValue", hours_ago=3),  # a kind not known yet
    issue("EX8", resolved=True, hours_ago=None, status="falsePositive"),
]


def ids(model: IssueTableModel) -> list[str]:
    return [i.id for i in model.records()]


def test_active_first_then_newest_first_with_undated_last(qapp):
    model = IssueTableModel()
    model.set_rows(ISSUES)
    assert model.sort_state()[0] == -1
    assert ids(model) == ["EX6", "MO3", "IN7", "EX2", "TM5", "SP4", "EX1", "EX8"]


@pytest.mark.parametrize(
    ("active", "resolved", "incidents", "advisories"),
    list(itertools.product([True, False], repeat=4)),
)
def test_filter_combinations(qapp, active, resolved, incidents, advisories):
    model = IssueTableModel()
    model.set_rows(ISSUES)
    natural = ids(model)
    model.set_filter(active, resolved, incidents, advisories)

    def shown(i: HealthIssue) -> bool:
        state = resolved if i.is_resolved else active
        kind = advisories if i.classification == "advisory" else incidents
        return state and kind

    expected = [i for i in natural if shown(next(x for x in ISSUES if x.id == i))]
    assert ids(model) == expected
    check_model(model)


def test_filter_examples(qapp):
    model = IssueTableModel()
    model.set_rows(ISSUES)
    model.set_filter(True, False, True, True)  # what the pane shows first: everything active
    assert ids(model) == ["EX6", "MO3", "IN7", "EX2", "TM5"]
    model.set_filter(True, False, True, False)
    assert ids(model) == ["EX6", "IN7", "EX2", "TM5"]  # an unknown kind counts as an incident
    model.set_filter(True, True, False, True)
    assert ids(model) == ["MO3", "SP4"]
    model.set_filter(False, True, True, True)
    assert ids(model) == ["SP4", "EX1", "EX8"]
    model.set_filter(False, False, True, True)
    assert ids(model) == []
    model.set_filter(True, True, True, True)
    assert len(ids(model)) == len(ISSUES)


def test_filter_resets_and_survives_new_rows(qapp):
    model = IssueTableModel()
    model.set_rows(ISSUES)
    signals = Signals.on(model)
    model.set_filter(True, False, True, True)
    assert signals.resets == 1
    model.set_rows([*ISSUES, issue("NEW", resolved=True), issue("NEW2", hours_ago=-1)])
    assert ids(model)[0] == "NEW2"  # newest active first
    assert "NEW" not in ids(model)


def test_cells_and_roles(qapp):
    model = IssueTableModel()
    model.set_rows(ISSUES)
    row = {i.id: r for r, i in enumerate(model.records())}
    tm5 = row["TM5"]
    assert model.index(tm5, ID).data() == "TM5"
    assert model.index(tm5, TITLE).data() == "Issue TM5"
    assert model.index(tm5, SERVICE).data() == "Exchange Online"
    assert model.index(tm5, CLASSIFICATION).data() == "Incident"
    assert model.index(tm5, STATUS).data() == "Interrupted"
    assert model.index(tm5, STATUS).data(StatusRole) == Severity.DOWN
    assert model.index(tm5, STATUS).data(SortRole) == Severity.DOWN
    assert model.index(tm5, LAST_UPDATE).data() == ""
    assert model.index(tm5, LAST_UPDATE).data(SortRole) is None
    assert model.index(row["MO3"], CLASSIFICATION).data() == "Advisory"
    assert model.index(row["IN7"], CLASSIFICATION).data() == "Unknown"
    assert model.index(row["EX8"], STATUS).data() == "False positive"
    for column in range(6):
        assert model.index(tm5, column).data(RecordRole) is ISSUES[4]


def test_dates_are_rendered(qapp):
    model = IssueTableModel()
    model.set_rows([issue("A", hours_ago=0)])
    with c_locale():
        cell = model.index(0, LAST_UPDATE)
        assert cell.data() == date_text(T0)
        local = T0.astimezone()
        assert cell.data() == f"{local.day} {local:%m %Y %H:%M}"  # the C locale's short form
        assert "2026" in cell.data(Qt.ItemDataRole.ToolTipRole)
        assert cell.data(SortRole) == T0


def test_unknown_classification_and_status_shown_as_sent(qapp):
    model = IssueTableModel()
    model.set_rows([issue("X", classification="planned", status="serviceMaintenance")])
    assert model.index(0, CLASSIFICATION).data() == "planned"
    assert model.index(0, STATUS).data() == "serviceMaintenance"
    assert classification_label("incident") == "Incident"
    model.set_filter(True, True, True, False)
    assert ids(model) == ["X"]  # not an advisory, so it is an incident


def test_sort_by_last_update_puts_undated_last_both_ways(qapp):
    model = IssueTableModel()
    model.set_rows(ISSUES)
    model.sort(LAST_UPDATE, DESC)
    assert ids(model)[:3] == ["SP4", "EX6", "EX1"]
    assert set(ids(model)[-2:]) == {"TM5", "EX8"}
    model.sort(LAST_UPDATE, ASC)
    assert ids(model)[:2] == ["EX2", "IN7"]
    assert set(ids(model)[-2:]) == {"TM5", "EX8"}
    dates = [model.index(r, LAST_UPDATE).data(SortRole) for r in range(model.rowCount())]
    assert dates[:-2] == sorted(dates[:-2])
    model.sort(-1, ASC)  # a cleared sort indicator: back to active first, newest first
    assert ids(model) == ["EX6", "MO3", "IN7", "EX2", "TM5", "SP4", "EX1", "EX8"]


def test_resolving_an_issue_keeps_its_row_until_resorted(qapp):
    model = IssueTableModel()
    model.set_rows(ISSUES)
    model.set_filter(True, False, True, True)
    before = ids(model)
    signals = Signals.on(model)
    model.replace_records([issue("EX6", resolved=True, hours_ago=0.1, status="serviceRestored")])
    assert ids(model) == before
    assert signals.resets == 0
    assert signals.changed_rows() == {0}
    model.resort()
    assert ids(model) == [i for i in before if i != "EX6"]


def test_model_tester(qtmodeltester):
    model = IssueTableModel()
    qtmodeltester.check(model)
    model.set_rows(ISSUES)
    for combination in itertools.product([True, False], repeat=4):
        model.set_filter(*combination)
    model.set_filter(True, True, True, True)
    for column in range(-1, 6):
        model.sort(column, DESC)
    model.replace_records([issue("EX2", resolved=True)])
    model.set_rows([])
    check_model(model)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.builds(
            lambda n, resolved, kind, hours: issue(
                f"I{n}", resolved=resolved, classification=kind, hours_ago=hours
            ),
            st.integers(0, 99),
            st.booleans(),
            st.sampled_from(["incident", "advisory", "unknownFutureValue"]),
            st.none() | st.sampled_from([0, 1, 2.5, 48]),
        ),
        max_size=10,
        unique_by=lambda i: i.id,
    ),
    st.tuples(st.booleans(), st.booleans(), st.booleans(), st.booleans()),
)
def test_natural_order_and_filter_match_a_reference(qapp, records, flags):
    active, resolved, incidents, advisories = flags
    model = IssueTableModel()
    model.set_rows(records)
    model.set_filter(*flags)
    floor = datetime.min.replace(tzinfo=timezone.utc)

    # active first; newest first (the reverse of the date, hence two passes); undated last; id
    expected = sorted(records, key=lambda i: i.id)
    expected = sorted(expected, key=lambda i: i.last_modified or floor, reverse=True)
    expected = sorted(expected, key=lambda i: (i.is_resolved, i.last_modified is None))
    expected = [
        i
        for i in expected
        if (resolved if i.is_resolved else active)
        and (advisories if i.classification == "advisory" else incidents)
    ]
    assert model.records() == expected
    check_model(model)
