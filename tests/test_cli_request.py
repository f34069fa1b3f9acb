"""`partner-desk request new`: files one request, or says why not (exit 2) or where (exit 4)."""

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


def test_files_a_request_and_prints_its_id(sandbox: Sandbox, capsys):
    assert cli.main(args(sandbox, "--topic", TOPIC)) == 0
    created = json.loads(capsys.readouterr().out)
    assert created["id"].isdigit()
    assert DraftStore().all() == []  # confirmed, so no draft is left


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


def test_a_retired_create_exits_4_with_the_web_form(capsys):
    with Sandbox(customers=3, seed=5, retired_create=True, consented="all") as sandbox:
        assert cli.main(args(sandbox)) == 4
    out = json.loads(capsys.readouterr().out)
    assert out["url"].startswith("https://partner.microsoft.com/")
    assert len(DraftStore().all()) == 1  # the draft is kept for the web form
