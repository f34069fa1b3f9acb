"""Service requests: severity and status in words, newest first, missing dates last."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QLocale, Qt

from desktop.domain.service_requests import ServiceRequest
from desktop.qt.dates import date_text
from desktop.qt.models.requests import (
    CREATED,
    ID,
    MODIFIED,
    SEVERITY,
    STATUS,
    TITLE,
    ServiceRequestModel,
    severity_label,
    status_text,
)
from desktop.qt.models.table import RecordRole, SortRole, StatusRole
from tests.qt.models.support import c_locale, check_model

ASC, DESC = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder
T0 = datetime(2026, 11, 20, 9, 30, tzinfo=timezone.utc)


def iso(when: datetime | None) -> str | None:
    return None if when is None else when.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def request(
    request_id: str,
    *,
    severity: Any = "moderate",
    status: Any = "open",
    created: datetime | None = T0,
    modified: datetime | None = T0,
) -> ServiceRequest:
    return ServiceRequest.from_json(
        {
            "Id": request_id,
            "Title": f"Request {request_id}",
            "Severity": severity,
            "Status": status,
            "CreatedDate": iso(created),
            "LastModifiedDate": iso(modified) if modified else "0001-01-01T00:00:00",
        }
    )


DAY = timedelta(days=1)
REQUESTS = [
    request("1001", severity=1, status=1, created=T0 - 9 * DAY, modified=T0 - 2 * DAY),
    request("1002", severity="Minimal", status="Closed", created=T0 - 5 * DAY, modified=T0),
    request("1003", severity=0, status=0, created=None, modified=None),  # never modified
    request("1004", severity=2, status=3, created=T0 - 1 * DAY, modified=T0 - 1 * DAY),
    request("1005", severity="severe", status="escalated", created=T0 - 30 * DAY, modified=None),
    request("1006", severity=3, status=2, created=T0 - 2 * DAY, modified=T0 - 7 * DAY),
]


def ids(model: ServiceRequestModel) -> list[str]:
    return [r.id for r in model.records()]


@pytest.mark.parametrize(
    ("severity", "label"),
    [
        ("critical", "Critical (A)"),
        ("moderate", "Moderate (B)"),
        ("minimal", "Minimal (C)"),
        ("unknown", "Unknown"),
        (1, "Critical (A)"),
        (2, "Moderate (B)"),
        (3, "Minimal (C)"),
        (0, "Unknown"),
        ("1", "Critical (A)"),
        ("Critical", "Critical (A)"),
        ("MINIMAL", "Minimal (C)"),
        ("severe", "severe"),  # a value added later is shown as it came
        (9, "9"),
    ],
)
def test_severity_labels(qapp, severity: str | int, label: str):
    assert severity_label(severity) == label


@pytest.mark.parametrize(
    ("status", "label"),
    [
        ("open", "Open"),
        ("closed", "Closed"),
        ("attention_needed", "Needs attention"),
        ("AttentionNeeded", "Needs attention"),
        ("none", "None"),
        (1, "Open"),
        (2, "Closed"),
        (3, "Needs attention"),
        (0, "None"),
        ("escalated", "escalated"),
    ],
)
def test_status_texts(qapp, status: str | int, label: str):
    assert status_text(status) == label


def test_most_recently_modified_first_with_missing_dates_last(qapp):
    model = ServiceRequestModel()
    model.set_rows(REQUESTS)
    assert model.sort_state() == (MODIFIED, DESC)
    assert ids(model) == ["1002", "1004", "1001", "1006", "1003", "1005"]
    model.sort(MODIFIED, ASC)
    assert ids(model) == ["1006", "1001", "1004", "1002", "1003", "1005"]  # still last
    model.sort(CREATED, ASC)
    assert ids(model) == ["1005", "1001", "1002", "1006", "1004", "1003"]
    model.sort(CREATED, DESC)
    assert ids(model) == ["1004", "1006", "1002", "1001", "1005", "1003"]
    values = [model.index(r, CREATED).data(SortRole) for r in range(model.rowCount())]
    assert values[:-1] == sorted(values[:-1], reverse=True)
    assert values[-1] is None


def test_severity_and_status_sort_most_urgent_first(qapp):
    model = ServiceRequestModel()
    model.set_rows(REQUESTS)
    model.sort(SEVERITY, ASC)
    assert ids(model) == ["1001", "1004", "1002", "1006", "1003", "1005"]  # unknowns last, by id
    model.sort(STATUS, ASC)
    assert ids(model) == ["1004", "1001", "1002", "1006", "1003", "1005"]
    model.sort(STATUS, DESC)
    assert ids(model) == ["1003", "1002", "1006", "1001", "1004", "1005"]


def test_cells_and_roles(qapp):
    model = ServiceRequestModel()
    model.set_rows(REQUESTS)
    row = {r.id: n for n, r in enumerate(model.records())}
    first = row["1001"]
    assert model.index(first, ID).data() == "1001"
    assert model.index(first, TITLE).data() == "Request 1001"
    assert model.index(first, SEVERITY).data() == "Critical (A)"
    assert model.index(first, STATUS).data() == "Open"
    # StatusRole is a service's health severity: a request has none (its words say it all).
    assert model.index(first, SEVERITY).data(StatusRole) is None
    assert model.index(first, STATUS).data(StatusRole) is None
    odd = row["1005"]
    assert model.index(odd, SEVERITY).data() == "severe"
    assert model.index(odd, STATUS).data() == "escalated"
    assert model.index(odd, SEVERITY).data(SortRole) is None
    assert model.index(odd, MODIFIED).data() == ""
    assert model.index(row["1004"], STATUS).data() == "Needs attention"
    for column in range(6):
        assert model.index(first, column).data(RecordRole) is REQUESTS[0]


def test_dates_are_rendered(qapp):
    model = ServiceRequestModel()
    model.set_rows([REQUESTS[1]])
    with c_locale():
        local = T0.astimezone()
        assert model.index(0, MODIFIED).data() == f"{local.day} {local:%m %Y %H:%M}"
        created = (T0 - 5 * DAY).astimezone()
        assert model.index(0, CREATED).data() == f"{created.day} {created:%m %Y %H:%M}"
        tooltip = model.index(0, CREATED).data(Qt.ItemDataRole.ToolTipRole)
        assert tooltip == date_text(T0 - 5 * DAY, QLocale.FormatType.LongFormat)
        assert str(created.year) in tooltip


def test_model_tester(qtmodeltester):
    model = ServiceRequestModel()
    qtmodeltester.check(model)
    model.set_rows(REQUESTS)
    for column in range(-1, 6):
        model.sort(column, ASC)
        model.sort(column, DESC)
    model.replace_records([request("1003", status=2, modified=T0 + DAY)])
    model.resort()
    assert ids(model)[0] == "1003"
    model.set_predicate(lambda r: r.is_open)
    model.set_rows([])
    check_model(model)


dates = st.none() | st.sampled_from([T0, T0 - DAY, T0 + timedelta(minutes=1), T0 - 40 * DAY])


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.builds(
            lambda n, created, modified: request(f"{n:04}", created=created, modified=modified),
            st.integers(0, 9999),
            dates,
            dates,
        ),
        max_size=10,
        unique_by=lambda r: r.id,
    ),
    st.sampled_from([CREATED, MODIFIED]),
    st.booleans(),
)
def test_date_sorts_match_sorted(qapp, records, column, descending):
    model = ServiceRequestModel()
    model.set_rows(records)
    model.sort(column, DESC if descending else ASC)

    def when(r: ServiceRequest) -> datetime | None:
        return r.created if column == CREATED else r.last_modified

    by_id = sorted(records, key=lambda r: r.id)
    dated = sorted((r for r in by_id if when(r)), key=when, reverse=descending)  # type: ignore[arg-type]
    assert model.records() == dated + [r for r in by_id if when(r) is None]
    check_model(model)
