"""Export rows and formats, and the `partner-desk export` command against the sandbox."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest

from desktop.domain.customers import Customer
from desktop.sandbox import Sandbox
from desktop.services.backend import Backend
from desktop.services.export import COLUMNS, collect, neutralise, render


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ('=HYPERLINK("http://evil")', '\'=HYPERLINK("http://evil")'),
        ("+Plus IT Services", "'+Plus IT Services"),
        ("-2+3", "'-2+3"),
        ("@Home Networks Ltd", "'@Home Networks Ltd"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("Contoso", "Contoso"),
        ("a=b", "a=b"),
        ("", ""),
    ],
)
def test_formula_cells_are_neutralised(cell, expected):
    assert neutralise(cell) == expected


def test_csv_and_json_carry_the_same_columns():
    rows = [{"tenantId": "t", "companyName": "=1+1", "domain": "d", "relationship": "reseller"}]
    text = render(rows, "customers", "csv")
    parsed = list(csv.reader(io.StringIO(text)))
    assert parsed[0] == list(COLUMNS["customers"])
    assert parsed[1][1] == "'=1+1"
    data = json.loads(render(rows, "customers", "json"))
    assert list(data[0]) == list(COLUMNS["customers"])
    assert data[0]["companyName"] == "=1+1"  # JSON is data, not a spreadsheet: kept as sent


def test_health_rows_and_error_rows(sandbox: Sandbox, backend: Backend):
    customers = backend.customers().items
    rows, failed = collect(backend, "health", customers)
    blocked = {c.tenant_id for c in sandbox.data.customers if not c.has_gdap}
    assert failed == len(blocked)
    error_rows = [r for r in rows if r["error"]]
    assert {r["tenantId"] for r in error_rows} == blocked
    assert all(r["service"] == "" and r["status"] == "" for r in error_rows)
    # No GDAP relationship: Entra issues no token for that tenant (AADSTS50020).
    assert all("AADSTS50020" in r["error"] and "GDAP" in r["error"] for r in error_rows)
    ok = [r for r in rows if not r["error"]]
    assert {r["status"] for r in ok} >= {"serviceOperational"}
    # Rows follow the customer list, not the order answers arrived in.
    order = {c.tenant_id: i for i, c in enumerate(customers)}
    assert [order[r["tenantId"]] for r in rows] == sorted(order[r["tenantId"]] for r in rows)


def test_incident_rows_use_documented_casing(backend: Backend):
    customers = backend.customers().items[:15]
    rows, _ = collect(backend, "incidents", customers)
    ok = [r for r in rows if not r["error"]]
    assert ok
    assert {r["classification"] for r in ok} <= {"incident", "advisory"}
    from desktop.domain.enums import HEALTH_STATUS

    # Documented values in lower camelCase; values we do not know are kept as sent.
    assert all(r["status"][0].islower() for r in ok if HEALTH_STATUS.known(r["status"]))
    assert {type(r["isResolved"]) for r in ok} == {bool}


def test_request_rows_say_whose_and_refusals_are_rows(sandbox: Sandbox, backend: Backend):
    customers = backend.customers().items[:10]
    rows, failed = collect(backend, "requests", customers)
    assert {r["status"] for r in rows if r["id"]} <= {"open", "closed", "attention_needed", "none"}
    assert {r["owner"] for r in rows} == {"customer", "partner"}
    mine = [r for r in rows if r["owner"] == "customer"]
    own = [r for r in rows if r["owner"] == "partner"]
    # Customers' first (in list order), then the partner's own tickets with Microsoft.
    assert rows == mine + own
    partner = sandbox.data.partner
    assert {(r["tenantId"], r["companyName"]) for r in own} == {
        (partner.tenant_id, partner.company_name)
    }
    assert [r["id"] for r in own] == [
        t["id"] for t in sandbox.data.service_requests(partner.tenant_id)
    ]
    # A customer without GDAP is refused its tickets: an error row, not a crash.
    blocked = {c.tenant_id for c in sandbox.data.customers if not c.has_gdap}
    refused = [r for r in mine if r["error"]]
    assert {r["tenantId"] for r in refused} == blocked & {c.tenant_id for c in customers}
    assert refused
    assert all("GDAP" in r["error"] and r["id"] == "" for r in refused)
    assert failed == len(refused)
    listed = {
        r["id"]
        for c in customers
        if c.tenant_id not in blocked
        for r in sandbox.data.service_requests(c.tenant_id)
    }
    assert {r["id"] for r in mine if r["id"]} == listed


def test_portal_rows(backend: Backend):
    customers = backend.customers().items[:10]
    portal_rows, _ = collect(backend, "portals", customers)
    assert len({r["portal"] for r in portal_rows}) >= 12
    assert all(r["url"].startswith("https://") or r["error"] for r in portal_rows)


def test_faults_give_exactly_the_rows_of_a_fault_free_run():
    with Sandbox(customers=40, seed=3, consented="all") as sb:
        b = Backend.for_sandbox(sb.url, concurrency=8)
        customers = b.customers().items
        clean, clean_failed = collect(b, "health", customers)
        sb.set_fault_rate(0.2)
        faulty, faulty_failed = collect(b, "health", customers)
        sb.set_fault_rate(0.0)
        stats = sb.stats()
        b.close()
    assert stats["faults"] > 0
    assert faulty == clean
    assert faulty_failed == clean_failed


def run_cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        capture_output=True,
        text=True,
        timeout=120,
        encoding="utf-8",
    )


def test_cli_export_against_an_external_sandbox(sandbox: Sandbox, tmp_path):
    out = tmp_path / "health.csv"
    result = run_cli("export", "health", "--sandbox-url", sandbox.url, "--out", str(out))
    assert result.returncode == 0, result.stderr  # no GDAP access: a state, not a failure
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == list(COLUMNS["health"])
    assert {r["tenantId"] for r in rows} == {c.tenant_id for c in sandbox.data.customers}
    assert "without GDAP access or consent" in result.stderr


def test_cli_export_customers_json_on_stdout(sandbox: Sandbox):
    result = run_cli("export", "customers", "--format", "json", "--sandbox-url", sandbox.url)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert len(data) == len(sandbox.data.customers)
    names = {d["companyName"] for d in data}
    assert any(not n.isascii() for n in names)


def test_cli_export_embedded_sandbox():
    result = run_cli("export", "customers", "--customers", "5")
    assert result.returncode == 0, result.stderr
    assert len(list(csv.reader(io.StringIO(result.stdout)))) == 6


@pytest.mark.parametrize(
    "args",
    [
        ["export"],
        ["export", "weather"],
        ["export", "health", "--format", "xml"],
        ["export", "health", "--concurrency", "0"],
    ],
)
def test_cli_usage_errors_exit_2(args):
    result = run_cli(*args)
    assert result.returncode == 2
    assert "usage" in result.stderr


def test_cli_unreachable_server_exits_1():
    result = run_cli("export", "customers", "--sandbox-url", "https://127.0.0.1:9")
    assert result.returncode == 1
    assert "sign-in failed" in result.stderr
    assert "Traceback" not in result.stderr


def test_cli_plain_http_sandbox_says_tls_is_needed():
    result = run_cli("export", "customers", "--sandbox-url", "http://127.0.0.1:9")
    assert result.returncode == 1
    assert "needs https" in result.stderr
    assert "https://127.0.0.1:9" in result.stderr


def test_customers_with_formula_names_are_neutralised_in_csv():
    rows = [
        {
            "tenantId": "t",
            "companyName": "@Home Networks Ltd",
            "domain": "h.onmicrosoft.com",
            "relationship": "reseller",
        }
    ]
    assert "'@Home Networks Ltd" in render(rows, "customers", "csv")
    assert Customer("t", "@Home", "d", "none").company_name == "@Home"
