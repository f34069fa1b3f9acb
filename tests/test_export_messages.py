"""`partner-desk export messages`: one row per customer x message center post, error rows for
customers that could not be read, formula cells neutralised."""

from __future__ import annotations

import csv
import io
import json

import pytest

from desktop import cli
from desktop.domain.customers import Customer
from desktop.domain.service_messages import ServiceMessage, action_first_key
from desktop.sandbox import Sandbox
from desktop.services.backend import Backend
from desktop.services.export import COLUMNS, collect, message_rows, render

EXPECTED_COLUMNS = (
    "tenantId",
    "companyName",
    "id",
    "title",
    "category",
    "severity",
    "services",
    "isMajorChange",
    "actionRequiredByDateTime",
    "lastModifiedDateTime",
    "error",
)


def test_the_columns_are_the_issues() -> None:
    assert COLUMNS["messages"] == EXPECTED_COLUMNS


def test_rows_per_customer_and_message_with_error_rows(sandbox: Sandbox, backend: Backend) -> None:
    customers = backend.customers().items
    rows, failed = collect(backend, "messages", customers)
    blocked = {c.tenant_id for c in sandbox.data.customers if not c.has_gdap}
    assert failed == len(blocked)
    errors = [r for r in rows if r["error"]]
    assert {r["tenantId"] for r in errors} == blocked
    assert all(r["id"] == "" and r["isMajorChange"] is None for r in errors)
    for customer in customers:
        if customer.tenant_id in blocked:
            continue
        mine = [r for r in rows if r["tenantId"] == customer.tenant_id]
        held = sorted(
            (
                ServiceMessage.from_json(m.graph)
                for m in sandbox.data.messages_of(customer.tenant_id)
            ),
            key=action_first_key,
        )
        assert [r["id"] for r in mine] == [m.id for m in held]  # action dates first
        assert all(r["companyName"] == customer.company_name for r in mine)
    # Rows follow the customer list; every post of many tenants is there once per tenant.
    order = [c.tenant_id for c in customers]
    seen = [order.index(r["tenantId"]) for r in rows]
    assert seen == sorted(seen)
    shared = sandbox.data.message_pool[0].id
    told = {c.tenant_id for c in sandbox.data.tenants_told(shared)} - blocked
    assert {r["tenantId"] for r in rows if r["id"] == shared} == told


def test_a_row_spells_the_values_as_documented(sandbox: Sandbox, backend: Backend) -> None:
    customer = next(
        c for c in backend.customers().items if sandbox.data.customer(c.tenant_id).has_gdap
    )  # type: ignore[union-attr]
    rows, _ = collect(backend, "messages", [customer])
    dated = next(r for r in rows if r["actionRequiredByDateTime"])
    assert dated["category"] in ("preventOrFixIssue", "planForChange", "stayInformed")
    assert dated["severity"] in ("normal", "high", "critical")
    assert dated["actionRequiredByDateTime"].endswith("Z")
    assert isinstance(dated["isMajorChange"], bool)
    text = render(rows, "messages", "csv")
    parsed = list(csv.DictReader(io.StringIO(text)))
    assert list(parsed[0]) == list(EXPECTED_COLUMNS)
    assert {p["isMajorChange"] for p in parsed} <= {"true", "false"}


def test_formulas_in_titles_and_services_are_neutralised() -> None:
    customer = Customer("t1", "@Contoso", "contoso.onmicrosoft.com", "reseller")
    hostile = ServiceMessage.from_json(
        {
            "id": "MC1",
            "title": '=HYPERLINK("https://evil.example","x")',
            "services": ["+Exchange Online", "SharePoint Online"],
            "category": "PlanForChange",
        }
    )
    rows = message_rows(customer, [hostile]) + message_rows(customer, [], "-failed")
    parsed = list(csv.reader(io.StringIO(render(rows, "messages", "csv"))))
    title, services = parsed[1][3], parsed[1][6]
    assert title.startswith("'=")
    assert services.startswith("'+")
    assert parsed[1][1] == "'@Contoso"
    assert parsed[2][-1] == "'-failed"
    data = json.loads(render(rows, "messages", "json"))
    assert data[0]["title"].startswith("=")  # JSON is data, kept as sent
    assert data[0]["services"] == "+Exchange Online; SharePoint Online"


def test_the_command(capsys: pytest.CaptureFixture[str], sandbox: Sandbox) -> None:
    code = cli.main(["export", "messages", "--sandbox-url", sandbox.url, "--format", "json"])
    rows = json.loads(capsys.readouterr().out)
    assert code == cli.EXIT_OK  # customers without GDAP: error rows, a state (issue 18)
    assert rows
    assert list(rows[0]) == list(EXPECTED_COLUMNS)
    ok = [r for r in rows if not r["error"]]
    assert len({r["id"] for r in ok}) < len(ok)  # the same MC id for many customers
    assert any(r["isMajorChange"] and r["actionRequiredByDateTime"] for r in ok)
