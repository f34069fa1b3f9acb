"""Headless exit codes (issue 18, defect 10): a customer without GDAP or consent is a state,
not a failure; `request new` names a malformed or unknown tenant or topic (exit 2) and leaves
no draft behind on a call that failed."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from desktop import cli
from desktop.sandbox import Sandbox
from desktop.sandbox.partner_topics import TOPICS_BY_ID
from desktop.store import DraftStore

HEALTH_PATH = "/graph/v1.0/admin/serviceAnnouncement/healthOverviews"
DESCRIPTION = "Since 09:10 UTC no user can send mail; error 0x800CCC0F."


@pytest.fixture(scope="module")
def states_sandbox():
    """Some customers without GDAP, some without Partner Desk consented."""
    with Sandbox(customers=12, seed=7, consented="some") as sandbox:
        yield sandbox


def export(capsys, sandbox: Sandbox, out: Path, *extra: str) -> tuple[int, list[dict], str]:
    code = cli.main(["export", "health", "--sandbox-url", sandbox.url, "--out", str(out), *extra])
    err = capsys.readouterr().err
    with out.open(encoding="utf-8-sig", newline="") as handle:
        return code, list(csv.DictReader(handle)), err


def test_customers_without_gdap_or_consent_are_states_exit_0(
    capsys, states_sandbox: Sandbox, tmp_path: Path
):
    code, rows, err = export(capsys, states_sandbox, tmp_path / "health.csv")
    errors = [r["error"] for r in rows if r["error"]]
    assert any("GDAP" in e for e in errors)  # the rows still say why
    assert any("not yet allowed" in e for e in errors)
    assert code == 0, err
    assert "without GDAP access or consent" in err
    # The same from the cache alone.
    code, offline_rows, err = export(capsys, states_sandbox, tmp_path / "o.csv", "--offline")
    assert offline_rows == rows
    assert code == 0, err


def test_a_real_failure_still_exits_3(capsys, tmp_path: Path):
    with Sandbox(customers=6, seed=5, consented="all") as sandbox:
        sandbox.inject(HEALTH_PATH, "error", status=500, count=10_000)
        code, rows, err = export(capsys, sandbox, tmp_path / "health.csv")
    assert any("HTTP 500" in r["error"] for r in rows)
    assert code == 3
    assert "failed" in err


def request_new(sandbox: Sandbox, tenant: str, *extra: str) -> list[str]:
    return [
        "request",
        "new",
        "--customer",
        tenant,
        "--title",
        "Exit codes",
        "--severity",
        "moderate",
        "--description",
        DESCRIPTION,
        "--sandbox-url",
        sandbox.url,
        *extra,
    ]


@pytest.mark.parametrize("tenant", ["not-a-guid", "../customers", ""])
def test_a_malformed_tenant_exits_2_and_names_it(capsys, sandbox: Sandbox, tenant: str):
    topic = str(next(iter(TOPICS_BY_ID)))
    with pytest.raises(SystemExit) as usage:
        cli.main(request_new(sandbox, tenant, "--topic", topic))
    assert usage.value.code == 2
    err = capsys.readouterr().err
    assert "--customer" in err
    assert repr(tenant) in err
    assert DraftStore().all() == []


def test_an_unknown_tenant_exits_2_and_names_it(capsys, sandbox: Sandbox):
    stranger = "00000000-0000-4000-8000-000000000001"
    topic = str(next(iter(TOPICS_BY_ID)))
    assert cli.main(request_new(sandbox, stranger, "--topic", topic)) == 2
    assert stranger in capsys.readouterr().err
    assert DraftStore().all() == []


@pytest.mark.parametrize("topic", ["999", "abc"])
def test_an_unknown_topic_exits_2_names_it_and_leaves_no_draft(
    capsys, sandbox: Sandbox, topic: str
):
    tenant = sandbox.data.customers[0].tenant_id
    assert cli.main(request_new(sandbox, tenant, "--topic", topic)) == 2
    err = capsys.readouterr().err
    assert f"--topic {topic}" in err or repr(topic) in err
    assert DraftStore().all() == []
    assert cli.main(["drafts", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_a_create_refused_as_a_bad_request_leaves_no_draft(capsys, sandbox: Sandbox):
    tenant = sandbox.data.customers[0].tenant_id
    topic = str(next(iter(TOPICS_BY_ID)))
    sandbox.inject("/v1/servicerequests/en-US", "error", status=400, count=1)
    assert cli.main(request_new(sandbox, tenant, "--topic", topic)) == 1
    err = capsys.readouterr().err
    assert "not filed" in err
    assert "no draft kept" in err
    assert DraftStore().all() == []
