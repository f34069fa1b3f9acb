"""`partner-desk drafts list|show|resume|discard`: the drafts kept on this machine, in a table
a person can read, each named by its id or a prefix of it, with exit codes."""

from __future__ import annotations

import json

import pytest

from desktop import cli
from desktop.sandbox import Sandbox
from desktop.sandbox.partner_topics import TOPICS_BY_ID
from desktop.store import Draft, DraftStore

TOPIC = str(next(iter(TOPICS_BY_ID)))
DESCRIPTION = "Since 09:10 UTC no user can send mail; error 0x800CCC0F.\nSecond line."


def keep(tenant: str = "t1", title: str = "Mail flow stopped", **values) -> Draft:
    values.setdefault("customer_name", "Contoso")
    store = DraftStore()
    try:
        return store.save(Draft.new(tenant, title=title, description=DESCRIPTION, **values))
    finally:
        store.close()


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def test_no_drafts(capsys) -> None:
    assert run(capsys, "drafts", "list") == (0, "No drafts kept.\n", "")
    code, out, _ = run(capsys, "drafts", "list", "--json")
    assert (code, json.loads(out)) == (0, [])


def test_the_list_is_a_table_with_short_ids_and_where_each_stands(capsys) -> None:
    plain = keep(title="Teams calls drop")
    sent = keep(title="x" * 80)
    landed = keep(tenant="t2", title="Mail flow stopped", customer_name="Fabrikam \x1b[31mRED")
    store = DraftStore()
    store.begin_submission(sent.id)
    store.begin_submission(landed.id)
    store.mark_landed(landed.id)
    store.close()
    code, out, _ = run(capsys, "drafts", "list")
    assert code == 0
    header, *rows = out.splitlines()
    assert header.split() == ["ID", "UPDATED", "STATE", "CUSTOMER", "TITLE"]
    assert len(rows) == 3
    by_id = {row[:8]: row for row in rows}
    assert set(by_id) == {plain.id[:8], sent.id[:8], landed.id[:8]}
    assert "not sent" in by_id[plain.id[:8]]
    assert "sent, not confirmed" in by_id[sent.id[:8]]
    assert "filed, number unknown" in by_id[landed.id[:8]]
    assert "\x1b" not in out  # a name from the API cannot drive the terminal
    assert "x" * 80 not in out
    assert "…" in by_id[sent.id[:8]]
    # Columns line up: every row's TITLE starts where the header's does.
    start = header.index("TITLE")
    assert all(row[start - 2 : start] == "  " for row in rows)
    code, out, _ = run(capsys, "drafts", "list", "--json")
    listed = {d["id"]: d for d in json.loads(out)}
    assert listed[landed.id]["state"] == "filed, number unknown"
    assert listed[landed.id]["landed"] is not None


def test_show_names_a_draft_by_a_prefix_and_prints_it_in_full(capsys) -> None:
    draft = keep(severity="critical", topic_name="Exchange Online", contact_email="a@b.example")
    code, out, _ = run(capsys, "drafts", "show", draft.id[:6].upper())
    assert code == 0
    assert f"Draft:         {draft.id}" in out
    assert "Severity:      critical" in out
    assert "State:         not sent" in out
    assert out.rstrip().endswith("error 0x800CCC0F.\nSecond line.")


def test_unknown_and_ambiguous_ids(capsys) -> None:
    store = DraftStore()
    for suffix in ("1", "2"):
        store.save(Draft(id=f"abcd000{suffix}-0000-4000-8000-000000000000", tenant_id="t1"))
    store.close()
    code, _, err = run(capsys, "drafts", "show", "ffff")
    assert code == 1
    assert "no draft ffff" in err
    code, _, err = run(capsys, "drafts", "show", "abcd")
    assert code == 2
    assert "names 2 drafts" in err
    assert run(capsys, "drafts", "show", "abcd0002")[0] == 0
    with pytest.raises(SystemExit) as usage:
        cli.main(["drafts", "frobnicate"])
    assert usage.value.code == 2


def test_discard_keeps_what_may_already_be_with_microsoft_unless_forced(capsys) -> None:
    unsent = keep(title="Never sent")
    sent = keep(title="Sent once")
    store = DraftStore()
    store.begin_submission(sent.id)
    store.close()
    code, out, _ = run(capsys, "drafts", "discard", unsent.id[:8])
    assert code == 0
    assert "Never sent" in out
    code, _, err = run(capsys, "drafts", "discard", sent.id[:8])
    assert code == 2
    assert "may already be with Microsoft" in err
    assert "--force" in err
    assert [d.id for d in DraftStore().all()] == [sent.id]
    assert run(capsys, "drafts", "discard", sent.id, "--force")[0] == 0
    assert DraftStore().all() == []


def test_resume_files_a_kept_draft(capsys) -> None:
    with Sandbox(customers=3, seed=5) as sandbox:
        customer = sandbox.data.customers[0]
        draft = keep(customer.tenant_id, "Resumed from the list", topic_id=TOPIC)
        code, out, err = run(capsys, "drafts", "resume", draft.id[:8], "--sandbox-url", sandbox.url)
        assert code == 0, err
        created = json.loads(out)["id"]
        own = sandbox.data.service_requests(sandbox.data.partner_tenant_id)
        assert [r["id"] for r in own if r["title"] == "Resumed from the list"] == [created]
    assert DraftStore().all() == []


def test_resume_without_a_topic_lists_them_and_a_retired_api_hands_over(capsys) -> None:
    with Sandbox(customers=3, seed=5) as sandbox:
        draft = keep(sandbox.data.customers[0].tenant_id, "No topic yet")
        code, _, err = run(capsys, "drafts", "resume", draft.id, "--sandbox-url", sandbox.url)
        assert code == 2
        assert "--topic" in err
        sandbox.set_retired_create(True)
        code, out, _ = run(capsys, "drafts", "resume", draft.id, "--sandbox-url", sandbox.url)
        assert code == 4
        assert json.loads(out)["draft"] == draft.id
    assert [d.id for d in DraftStore().all()] == [draft.id]


def test_request_filed_takes_a_prefix_and_a_landed_draft_counts_as_the_apis(capsys) -> None:
    draft = keep()
    store = DraftStore()
    store.begin_submission(draft.id)
    store.mark_landed(draft.id)
    store.close()
    code, out, _ = run(
        capsys, "request", "filed", "--draft", draft.id[:8], "--number", "2412010040001234"
    )
    assert code == 0
    assert json.loads(out)["draft"] == draft.id
    assert [(f.number, f.channel) for f in DraftStore().filed_all()] == [
        ("2412010040001234", "api")
    ]


@pytest.mark.parametrize("command", ["list", "show x", "discard x"])
def test_a_drafts_file_that_cannot_be_opened_is_one_line(capsys, tmp_path, monkeypatch, command):
    home = tmp_path / "home"
    monkeypatch.setenv("PARTNER_DESK_HOME", str(home))
    home.mkdir()
    (home / "data").write_text("a file where the data folder should be")
    code, _out, err = run(capsys, "drafts", *command.split())
    assert code == 1
    # The folder, named before any store is opened (issue 18: one line naming the path).
    assert err.startswith(f"partner-desk: cannot write to the data folder {home / 'data'} (")
    assert len(err.strip().splitlines()) == 1
