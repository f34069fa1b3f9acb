"""Service health of a tenant: plain-language statuses, worst first, unknown statuses as sent."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt

from desktop.domain.enums import HEALTH_STATUS, Severity, severity
from desktop.domain.health import ServiceHealth
from desktop.qt.models.health import SERVICE, STATUS, ServiceHealthModel
from desktop.qt.models.table import RecordRole, SortRole, StatusRole
from desktop.qt.words import status_word
from tests.qt.models.support import Signals, check_model

ASC, DESC = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder
TOOLTIP = Qt.ItemDataRole.ToolTipRole


def service(name: str, status: str, service_id: str | None = None) -> ServiceHealth:
    return ServiceHealth.from_json({"id": service_id or name, "service": name, "status": status})


SERVICES = [
    service("Exchange Online", "serviceOperational"),
    service("Microsoft Teams", "ServiceDegradation"),  # any casing from the wire
    service("SharePoint Online", "serviceInterruption"),
    service("Microsoft Intune", "serviceOperational"),
    service("Dynamics 365", "investigating"),
    service("Viva Engage", "serviceMaintenance"),  # a value Microsoft added later
    service("azure devops", "restoringService"),
    service("Power BI", "serviceRestored"),
]


def services(model: ServiceHealthModel) -> list[str]:
    return [h.service for h in model.records()]


@pytest.mark.parametrize(
    ("status", "label"),
    [
        ("serviceOperational", "Operational"),
        ("serviceDegradation", "Degraded"),
        ("serviceInterruption", "Interrupted"),
        ("restoringService", "Restoring service"),
        ("extendedRecovery", "Extended recovery"),
        ("verifyingService", "Verifying fix"),
        ("serviceRestored", "Restored"),
        ("postIncidentReviewPublished", "Post-incident report published"),
        ("falsePositive", "False positive"),
        ("mitigatedExternal", "Mitigated (external)"),
        ("unknownFutureValue", "Unknown"),
        ("ServiceDegradation", "Degraded"),
        ("SERVICE_INTERRUPTION", "Interrupted"),
    ],
)
def test_status_labels_in_plain_words(qapp, status: str, label: str):
    assert status_word(status) == label


def test_every_documented_status_has_a_plain_label(qapp):
    for status in HEALTH_STATUS.documented:
        label = status_word(status)
        assert label != status
        assert label[0].isupper()
        assert not re.search(r"[a-z][A-Z]", label), label  # no camelCase shown to a customer


@pytest.mark.parametrize("status", ["serviceMaintenance", "Planned outage", "", "42"])
def test_unknown_statuses_are_shown_as_they_came(qapp, status: str):
    assert status_word(status) == status


def test_worst_first_then_by_name(qapp):
    model = ServiceHealthModel()
    model.set_rows(SERVICES)
    assert model.sort_state() == (STATUS, DESC)
    assert services(model) == [
        "SharePoint Online",  # interrupted (3)
        "azure devops",  # restoring (2), names ignore case
        "Microsoft Teams",  # degraded (2)
        "Dynamics 365",  # investigating (1)
        "Viva Engage",  # unknown status (1): noticed, not alarming
        "Exchange Online",
        "Microsoft Intune",
        "Power BI",
    ]
    model.sort(STATUS, ASC)
    assert services(model)[:3] == ["Exchange Online", "Microsoft Intune", "Power BI"]
    model.sort(SERVICE, ASC)
    assert services(model) == sorted(services(model), key=str.casefold)


def test_cells_and_roles(qapp):
    model = ServiceHealthModel()
    model.set_rows(SERVICES)
    rows = {h.service: row for row, h in enumerate(model.records())}
    teams = model.index(rows["Microsoft Teams"], STATUS)
    assert teams.data() == "Degraded"
    assert teams.data(StatusRole) == teams.data(SortRole) == Severity.DEGRADED
    assert teams.data(TOOLTIP) == "serviceDegradation"  # as sent, normalised
    assert teams.data(RecordRole) is SERVICES[1]
    viva = model.index(rows["Viva Engage"], STATUS)
    assert viva.data() == "serviceMaintenance"
    assert viva.data(SortRole) == 1
    assert model.index(rows["Viva Engage"], SERVICE).data() == "Viva Engage"
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(2)]
    assert headers == ["Service", "Status"]


def test_status_update_repaints_in_place_and_resort_moves(qapp):
    model = ServiceHealthModel()
    model.set_rows(SERVICES)
    before = services(model)
    signals = Signals.on(model)
    assert model.replace_records([service("Power BI", "serviceInterruption")]) == 1
    assert services(model) == before
    assert (signals.resets, signals.layouts) == (0, 0)
    assert signals.changed_rows() == {before.index("Power BI")}
    model.resort()
    assert services(model)[:2] == ["Power BI", "SharePoint Online"]


def test_model_tester(qtmodeltester):
    model = ServiceHealthModel()
    qtmodeltester.check(model)
    model.set_rows(SERVICES)
    model.sort(SERVICE, DESC)
    model.replace_records([service("Exchange Online", "extendedRecovery")])
    model.resort()
    model.set_predicate(lambda h: h.severity > Severity.OK)
    model.set_rows([])
    check_model(model)


statuses = st.sampled_from([*HEALTH_STATUS.documented, "serviceMaintenance", "SERVICEDEGRADATION"])


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.text("abAB äÄ", max_size=4), statuses), max_size=12, unique_by=lambda t: t[0]
    )
)
def test_order_is_rank_descending_then_name(qapp, pairs):
    records = [
        ServiceHealth(service_id=f"id{n}", service=name, status=status)
        for n, (name, status) in enumerate(pairs)
    ]
    model = ServiceHealthModel()
    model.set_rows(records)
    by_name = sorted(records, key=lambda h: h.service.casefold())
    assert model.records() == sorted(by_name, key=lambda h: severity(h.status), reverse=True)
    for row, h in enumerate(model.records()):
        assert model.index(row, STATUS).data() == status_word(h.status)
    check_model(model)
