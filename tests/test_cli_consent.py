"""`partner-desk consent` and what it changes for `partner-desk export` (issue 14's walk)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator

import pytest

from desktop import cli
from desktop.sandbox import Sandbox


@pytest.fixture
def some() -> Iterator[Sandbox]:
    """Consented customers, customers to consent, refusals and customers without GDAP."""
    with Sandbox(customers=30, seed=7, consented="some") as sandbox:
        yield sandbox


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[dict[str, str]], str]:
    code = cli.main(list(argv))
    captured = capsys.readouterr()
    rows = json.loads(captured.out) if captured.out.strip() else []
    return code, rows, captured.err


def device_codes(sb: Sandbox) -> int:
    return int(sb.stats()["tokenRequests"]["device_code"])


def test_export_consent_export(some: Sandbox, capsys: pytest.CaptureFixture[str]) -> None:
    url = ["--sandbox-url", some.url, "--format", "json"]
    code, rows, err = run(capsys, "export", "health", *url)
    assert code == cli.EXIT_OK  # not consented, no GDAP: states, said in the rows (issue 18)
    # The sandbox approved the device code itself: nothing asked the user to open a browser.
    assert "To sign in" not in err
    states = {c.tenant_id: some.consent_state(c.tenant_id) for c in some.data.customers}
    unconsented = {t for t, s in states.items() if s in ("no_grant", "no_service_principal")}
    assert unconsented, "the sample has customers to consent"
    needing = {r["tenantId"] for r in rows if "Consent needed" in r["error"]}
    assert needing == unconsented
    for row in rows:
        if row["tenantId"] in unconsented:
            assert "not yet allowed" in row["error"]
            assert f"partner-desk consent --customer {row['tenantId']}" in row["error"]
    assert device_codes(some) == 1
    # Consented before the message center: health reads, messages say "consent again".
    outdated = {t for t in states if some.consent_outdated(t)}
    assert outdated, "the sample has customers consented with the old scopes"
    assert not {r["tenantId"] for r in rows if r["error"]} & outdated
    code, messages, _ = run(capsys, "export", "messages", *url)
    assert code == cli.EXIT_OK
    again = {r["tenantId"] for r in messages if "Consent again" in r["error"]}
    assert again == outdated
    for row in messages:
        if row["tenantId"] in outdated:
            assert f"partner-desk consent --customer {row['tenantId']}" in row["error"]

    code, consents, err = run(capsys, "consent", "--all", *url)
    results = {r["tenantId"]: r for r in consents}
    assert set(results) == set(states)
    refused = {t for t, r in results.items() if r["result"] == "refused"}
    assert all(r["result"] in ("allowed", "already", "refused") for r in consents)
    # Customers consented with the old scopes are consented again (DELETE, then POST).
    assert {t for t, r in results.items() if r["result"] == "allowed"} == {
        t for t in unconsented if some.can_consent(t)
    } | outdated
    assert not any(some.consent_outdated(t) for t in states)
    assert all(r["reason"] for r in consents if r["result"] == "refused")
    assert code == (cli.EXIT_PARTIAL if refused else cli.EXIT_OK)
    assert "allowed" in err

    code, rows, _ = run(capsys, "export", "health", *url)
    assert not [r for r in rows if "Consent needed" in r["error"]]
    still = {r["tenantId"] for r in rows if "not yet allowed" in r["error"]}
    # What is left was refused (the user's roles cannot consent), and the row says so.
    assert still <= refused
    assert all("Consent was refused" in r["error"] for r in rows if r["tenantId"] in still)
    code, messages, _ = run(capsys, "export", "messages", *url)
    assert not [r for r in messages if "Consent again" in r["error"]]
    assert {r["tenantId"] for r in messages if r["error"]} <= refused | {
        t for t, s in states.items() if s == "no_gdap"
    }
    # Three runs, one sign-in: the later ones were silent from the token cache.
    assert device_codes(some) == 1


def test_consent_one_customer(some: Sandbox, capsys: pytest.CaptureFixture[str]) -> None:
    tenant = next(
        c.tenant_id
        for c in some.data.customers
        if some.consent_state(c.tenant_id) == "no_grant" and some.can_consent(c.tenant_id)
    )
    code, rows, _ = run(
        capsys, "consent", "--customer", tenant, "--sandbox-url", some.url, "--format", "json"
    )
    assert code == cli.EXIT_OK
    assert rows == [
        {
            "tenantId": tenant,
            "companyName": rows[0]["companyName"],
            "result": "allowed",
            "reason": "",
        }
    ]
    assert rows[0]["companyName"]


def test_consent_refused_exits_3_in_csv(some: Sandbox, capsys: pytest.CaptureFixture[str]) -> None:
    tenant = next(
        c.tenant_id
        for c in some.data.customers
        if some.consent_state(c.tenant_id) == "no_grant" and not some.can_consent(c.tenant_id)
    )
    code = cli.main(["consent", "--customer", tenant, "--sandbox-url", some.url])
    out = capsys.readouterr().out
    assert code == cli.EXIT_PARTIAL
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["result"] for r in rows] == ["refused"]
    assert "Cloud Application Administrator" in rows[0]["reason"]


def test_not_a_customer_is_a_usage_error(some: Sandbox, capsys: pytest.CaptureFixture[str]) -> None:
    code = cli.main(
        ["consent", "--customer", "00000000-0000-4000-8000-000000000000", "--sandbox-url", some.url]
    )
    err = capsys.readouterr().err
    assert code == cli.EXIT_USAGE
    assert "not a customer" in err


def test_consent_needs_a_target(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        cli.main(["consent"])
    assert stopped.value.code == cli.EXIT_USAGE
    assert "--customer" in capsys.readouterr().err


def test_a_tenant_id_must_be_a_guid(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        cli.main(["consent", "--customer", "plusitservices.onmicrosoft.com"])
    assert stopped.value.code == cli.EXIT_USAGE
    assert "not a tenant id" in capsys.readouterr().err
