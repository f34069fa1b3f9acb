"""`partner-desk request new`: files one request, or says why not (exit 2) or where (exit 4);
`request filed` records Microsoft's number for a kept draft."""

from __future__ import annotations

import json

import pytest

from desktop import cli
from desktop.sandbox import Sandbox
from desktop.sandbox.partner_topics import TOPICS_BY_ID
from desktop.store import DraftStore

TOPIC = str(next(iter(TOPICS_BY_ID)))
DESCRIPTION = "Since 09:10 UTC no user can send mail; error 0x800CCC0F."


def args(sandbox: Sandbox, *extra: str) -> list[str]:
    return [
        "request",
        "new",
        "--customer",
        sandbox.data.customers[0].tenant_id,
        "--title",
        "CLI filed",
        "--severity",
        "moderate",
        "--description",
        DESCRIPTION,
        "--sandbox-url",
        sandbox.url,
        *extra,
    ]


def test_files_a_partner_ticket_and_prints_its_id(sandbox: Sandbox, capsys):
    assert cli.main(args(sandbox, "--topic", TOPIC)) == 0
    created = json.loads(capsys.readouterr().out)
    assert created["id"].isdigit()
    assert created["partnerTicket"] is True
    assert DraftStore().all() == []  # confirmed, so no draft is left
    store = DraftStore()
    assert [f.number for f in store.filed_for(sandbox.data.customers[0].tenant_id)] == [
        created["id"]
    ]
    own = sandbox.data.service_requests(sandbox.data.partner_tenant_id)
    assert own[0]["id"] == created["id"]
    assert sandbox.data.customers[0].company_name in own[0]["description"]


def test_without_a_topic_it_lists_them(sandbox: Sandbox, capsys):
    assert cli.main(args(sandbox)) == 2
    assert "--topic" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("extra", "words"),
    [
        (["--contact-email", "nope"], "contact"),
        (["--cc", "a@b.example x"], "cc"),
    ],
)
def test_validation_errors_exit_2(sandbox: Sandbox, capsys, extra, words):
    assert cli.main(args(sandbox, "--topic", TOPIC, *extra)) == 2
    assert words in capsys.readouterr().err


def test_a_retired_create_exits_4_with_the_customers_web_form(capsys):
    with Sandbox(customers=3, seed=5, retired_create=True, consented="all") as sandbox:
        customer = sandbox.data.customers[0]
        assert cli.main(args(sandbox, "--service", "Exchange Online")) == 4
        out = json.loads(capsys.readouterr().out)
        assert out["url"] == (
            f"https://admin.cloud.microsoft/?delegatedOrg={customer.domain}#/support"
        )
        assert "CLI filed" in out["text"]
        assert DESCRIPTION in out["text"]
        store = DraftStore()
        assert [d.id for d in store.all()] == [out["draft"]]  # kept for the web form
        assert cli.main(args(sandbox, "--service", "Azure")) == 4
        azure = json.loads(capsys.readouterr().out)
        assert azure["url"].startswith(f"https://portal.azure.com/{customer.domain}/#view/")


def test_a_kept_draft_is_marked_filed_with_microsofts_number(capsys):
    with Sandbox(customers=3, seed=5, retired_create=True, consented="all") as sandbox:
        assert cli.main(args(sandbox)) == 4
        draft = json.loads(capsys.readouterr().out)["draft"]
    filed = ["request", "filed", "--draft", draft, "--number"]
    assert cli.main([*filed, "12ab"]) == 2
    assert "digits" in capsys.readouterr().err
    assert len(DraftStore().all()) == 1  # a bad number changes nothing
    assert cli.main([*filed, "#2412 0100 4000 1234"]) == 0
    assert json.loads(capsys.readouterr().out)["number"] == "2412010040001234"
    assert DraftStore().all() == []
    assert DraftStore().filed_all()[0].title == "CLI filed"
    assert cli.main([*filed, "2412010040001234"]) == 1  # filed already


def test_a_stranger_is_refused(sandbox: Sandbox, capsys):
    argv = args(sandbox, "--topic", TOPIC)
    argv[argv.index("--customer") + 1] = "00000000-0000-0000-0000-000000000000"
    assert cli.main(argv) == 2
    assert "not a customer" in capsys.readouterr().err
