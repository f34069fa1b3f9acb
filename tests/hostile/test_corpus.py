"""The hostile corpus (corpus.py) through the parsers, the Qt table models and both export
formats: nothing crashes, values arrive intact (or visibly replaced, for invalid Unicode), and
no formula survives into a CSV cell."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt

from desktop.domain.customers import Customer, PortalLink
from desktop.domain.gdap import GdapRelationship
from desktop.domain.health import HealthIssue, ServiceHealth
from desktop.domain.parsing import clean_text
from desktop.domain.service_requests import ServiceRequest
from desktop.services.export import COLUMNS, render

from .corpus import TEXT

VALUES = list(TEXT.values())
IDS = list(TEXT)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\x00")
WHEN = "2026-11-20T12:00:00Z"


@pytest.fixture(autouse=True)
def _big_fields() -> Iterator[None]:
    old = csv.field_size_limit(4 * 1024 * 1024)
    yield
    csv.field_size_limit(old)


# -- records from wire JSON carrying the value in every text field -----------------------------


def customer_json(value: str) -> dict[str, Any]:
    return {
        "id": "3f2f1c2e-1111-4222-8333-444455556666",
        "companyProfile": {"companyName": value, "domain": value},
        "relationshipToPartner": value,
    }


def issue_json(value: str) -> dict[str, Any]:
    return {
        # Ids are not free text: one of another form is an item error (test_ids.py).
        "id": "EX1",
        "title": value,
        "service": value,
        "feature": value,
        "featureGroup": value,
        "classification": value,
        "origin": value,
        "status": value,
        "startDateTime": WHEN,
        "lastModifiedDateTime": WHEN,
        "isResolved": False,
        "impactDescription": value,
        "posts": [{"createdDateTime": WHEN, "postType": value,
                   "description": {"contentType": "html", "content": value}}],
    }  # fmt: skip


def request_json(value: str) -> dict[str, Any]:
    return {
        "id": "2611200000001",
        "title": value,
        "description": value,
        "severity": value,
        "status": value,
        "supportTopicName": value,
        "organization": {"id": value, "name": value},
        "primaryContact": {"firstName": value, "lastName": value, "email": value},
        "productName": value,
        "createdDate": WHEN,
        "notes": [{"createdByName": value, "createdDate": WHEN, "text": value}],
        "emailCcList": [value],
    }


def gdap_json(value: str) -> dict[str, Any]:
    return {
        "id": "5d027261-d21f-4aa9-b7db-7fa1f56fb163-3f2f1c2e-1111-4222-8333-444455556666",
        "displayName": value,
        "customer": {"tenantId": "3f2f1c2e-1111-4222-8333-444455556666", "displayName": value},
        "status": value,
        "duration": value,
        "endDateTime": WHEN,
        "accessDetails": {"unifiedRoles": [{"roleDefinitionId": value}]},
    }


def records(value: str) -> dict[str, Any]:
    return {
        "customer": Customer.from_json(customer_json(value)),
        "health": ServiceHealth.from_json({"id": "Exchange", "service": value, "status": value}),
        "issue": HealthIssue.from_json(issue_json(value)),
        "request": ServiceRequest.from_json(request_json(value)),
        "gdap": GdapRelationship.from_json(gdap_json(value)),
        "portal": PortalLink("m365", value, value, None, value),
    }


@pytest.mark.parametrize("value", VALUES, ids=IDS)
def test_parsers_keep_every_value_intact(value: str) -> None:
    made = records(value)
    clean = clean_text(value)
    assert made["customer"].company_name == clean
    assert made["customer"].domain == clean
    assert made["issue"].title == clean
    assert made["issue"].posts[0].content == clean
    assert made["request"].description == clean
    assert made["request"].notes[0].text == clean
    assert made["gdap"].display_name == clean
    # Back through the wire form (the cache's), unchanged.
    for key in ("customer", "health", "issue", "request"):
        record = made[key]
        again = type(record).from_json(json.loads(json.dumps(record.to_json())))
        assert again == record


# -- exports ------------------------------------------------------------------------------------


def rows_for(value: str) -> dict[str, list[dict[str, Any]]]:
    made = records(clean_text(value))
    c, issue, request = made["customer"], made["issue"], made["request"]
    base = {"tenantId": value, "companyName": value}
    return {
        "customers": [{**base, "domain": value, "relationship": c.relationship}],
        "health": [{**base, "serviceId": value, "service": value, "status": value, "error": value}],
        "incidents": [{**base, "id": issue.id, "title": issue.title, "service": value,
                       "classification": value, "status": issue.status, "isResolved": False,
                       "startDateTime": WHEN, "lastModifiedDateTime": "", "error": value}],
        "requests": [{**base, "id": request.id, "title": request.title, "severity": value,
                      "status": value, "createdDate": WHEN, "lastModifiedDate": "",
                      "error": value}],
        "portals": [{**base, "portal": value, "url": value, "error": value}],
    }  # fmt: skip


@pytest.mark.parametrize("value", VALUES, ids=IDS)
def test_csv_cells_never_start_a_formula(value: str) -> None:
    value = clean_text(value)
    for what, rows in rows_for(value).items():
        text = render(rows, what, "csv")
        text.encode("utf-8")
        parsed = list(csv.reader(io.StringIO(text, newline="")))
        assert parsed[0] == list(COLUMNS[what])
        for cell in parsed[1]:
            assert not cell.startswith(FORMULA_START), (what, cell[:40])
        # Only quotes are added, and only where a formula would have started: at the start,
        # or after a separator another reader splits on (test_csv_separators.py).
        original = [str(rows[0].get(c, "")) for c in COLUMNS[what]]
        for shown, sent in zip(parsed[1], original, strict=True):
            if sent in ("False", "True"):
                continue
            if sent.startswith(FORMULA_START):
                assert shown.startswith("'")
            assert shown.replace("'", "") == sent.replace("'", "")


@pytest.mark.parametrize("value", VALUES, ids=IDS)
def test_json_export_round_trips_the_value(value: str) -> None:
    value = clean_text(value)
    for what, rows in rows_for(value).items():
        text = render(rows, what, "json")
        text.encode("utf-8")
        data = json.loads(text)
        assert data == [{c: rows[0].get(c, "") for c in COLUMNS[what]}]


# -- Qt table models ----------------------------------------------------------------------------

_ROLES = [
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.AccessibleTextRole,
    Qt.ItemDataRole.DecorationRole,
    Qt.ItemDataRole.TextAlignmentRole,
    Qt.ItemDataRole.UserRole,
]


def read_everything(model: QAbstractItemModel) -> list[Any]:
    values = []
    for column in range(model.columnCount()):
        model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        for row in range(model.rowCount()):
            index = model.index(row, column, QModelIndex())
            for role in _ROLES:
                values.append(model.data(index, role))
            assert isinstance(model.data(index, Qt.ItemDataRole.DisplayRole), (str, type(None)))
    for column in range(model.columnCount()):
        model.sort(column, Qt.SortOrder.AscendingOrder)
        model.sort(column, Qt.SortOrder.DescendingOrder)
    return values


def hostile_models(value: str) -> dict[str, QAbstractItemModel]:
    from desktop.domain.customer_health import HealthSummary
    from desktop.qt.models.customers import CustomerTableModel
    from desktop.qt.models.dashboard import HealthGridModel
    from desktop.qt.models.health import ServiceHealthModel
    from desktop.qt.models.incidents import IssueTableModel
    from desktop.qt.models.incidents_now import IncidentsNowModel
    from desktop.qt.models.portals import PortalModel
    from desktop.qt.models.requests import ServiceRequestModel

    made = records(value)
    plain = Customer("3f2f1c2e-1111-4222-8333-000000000000", "Contoso", "contoso.example", "")
    customers = CustomerTableModel()
    customers.set_rows([made["customer"], plain])
    customers.set_health_many(
        {made["customer"].tenant_id: HealthSummary(-1, 0, 0, clean_text(value), "error")}
    )
    customers.set_gdap({made["customer"].tenant_id.lower(): made["gdap"]})
    customers.set_filter(value[:200])
    customers.set_filter("")
    health = ServiceHealthModel()
    health.set_rows([made["health"]])
    issues = IssueTableModel()
    issues.set_rows([made["issue"]])
    requests = ServiceRequestModel()
    requests.set_rows([made["request"]])
    portals = PortalModel()
    portals.set_rows([made["portal"]])
    grid = HealthGridModel()
    grid.add([(made["customer"], [made["health"]], 1, ""), (plain, None, 0, clean_text(value))])
    now = IncidentsNowModel()
    now.add(made["customer"].tenant_id, [made["issue"]])
    now.publish()
    return {
        "customers": customers,
        "health": health,
        "issues": issues,
        "requests": requests,
        "portals": portals,
        "dashboard grid": grid,
        "incidents now": now,
    }


@pytest.mark.parametrize("value", VALUES, ids=IDS)
def test_table_models_show_hostile_values_without_failing(qapp: object, value: str) -> None:
    from tests.qt.models.support import check_model

    for model in hostile_models(value).values():
        assert model.rowCount() >= 1
        read_everything(model)
        check_model(model)


def test_a_customer_name_is_shown_as_sent(qapp: object) -> None:
    value = TEXT["right-to-left override"]
    model = hostile_models(value)["customers"]
    shown = {model.index(r, 0).data() for r in range(model.rowCount())}
    assert value in shown  # the override is data; Qt lays it out, we do not strip it
