"""Filing a service request: validation, exactly once over dropped connections, retired create."""

from __future__ import annotations

import pytest

from desktop.backend import ApiError, Backend
from desktop.filing import CreateRetiredError, request_body, submit, validate
from desktop.sandbox import Sandbox
from desktop.store import Draft, DraftStore


def good_draft(tenant: str, title: str = "Mailboxes cannot send") -> Draft:
    return Draft.new(
        tenant,
        "Contoso",
        title=title,
        severity="critical",
        topic_id="32444671",
        topic_name="Exchange Online",
        description="Since 09:10 UTC no user can send mail; Outlook shows error 0x800CCC0F.",
        contact_name="Ada Lovelace",
        contact_email="ada@contoso.example",
        cc="ops@contoso.example; noc@contoso.example",
    )


def topic_id(sandbox: Sandbox) -> str:
    from desktop.sandbox.partner_topics import TOPICS_BY_ID

    return str(next(iter(TOPICS_BY_ID)))


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"title": ""}, "title", "Enter a title"),
        ({"title": "x" * 256}, "title", "255 at most"),
        ({"title": "bad\x07bell"}, "title", "control"),
        ({"severity": "urgent"}, "severity", "critical, moderate or minimal"),
        ({"topic_id": ""}, "topic", "support topic"),
        ({"description": "too short"}, "description", "at least 20"),
        ({"contact_email": "ada@"}, "contact", "not an e-mail"),
        ({"cc": "ops@contoso.example, nope"}, "cc", "nope"),
        ({"cc": " ".join(f"u{i}@c.example" for i in range(11))}, "cc", "10 at most"),
    ],
)
def test_each_bad_field_has_its_reason(change, field, words):
    from dataclasses import replace

    problems = validate(replace(good_draft("t"), **change))
    assert [p.field for p in problems] == [field]
    assert words in problems[0].message


def test_a_good_draft_has_no_problems_and_a_documented_body():
    draft = good_draft("t")
    assert validate(draft) == []
    body = request_body(draft)
    assert body["Title"] == "Mailboxes cannot send"
    assert body["Severity"] == "critical"
    assert body["SupportTopicId"] == 32444671
    assert body["PrimaryContact"]["Email"] == "ada@contoso.example"
    assert body["EmailCcList"] == ["ops@contoso.example", "noc@contoso.example"]


def file_with(sandbox: Sandbox, tmp_path, title: str):
    backend = Backend.for_sandbox(sandbox.url)
    store = DraftStore(tmp_path / "drafts.sqlite3")
    tenant = sandbox.data.customers[0].tenant_id
    draft = store.save(
        Draft(**{**good_draft(tenant, title).__dict__, "topic_id": topic_id(sandbox)})
    )
    return backend, store, tenant, draft


def test_a_drop_after_commit_still_files_exactly_one(tmp_path):
    with Sandbox(customers=5, seed=3, drop_after_commit=1, consented="all") as sandbox:
        backend, store, tenant, draft = file_with(sandbox, tmp_path, "Exactly once please")
        created = submit(backend, store, draft.id)
        mine = [r for r in backend.requests(tenant).items if r.title == "Exactly once please"]
        assert len(mine) == 1
        assert created.id == mine[0].id
        assert store.get(draft.id) is None  # confirmed: the draft is gone
        assert sandbox.stats()["creates"] == 1
        backend.close()


def test_a_crash_mid_submit_does_not_file_twice(tmp_path):
    with Sandbox(customers=5, seed=3, consented="all") as sandbox:
        backend, store, tenant, draft = file_with(sandbox, tmp_path, "Crash in the middle")
        # The first attempt landed, then the app died before it heard back.
        started = store.begin_submission(draft.id)
        backend.pc.create_request(request_body(started), "cid", started.request_id)
        import time

        time.sleep(1.1)  # the restart comes later
        created = submit(backend, store, draft.id)
        mine = [r for r in backend.requests(tenant).items if r.title == "Crash in the middle"]
        assert [r.id for r in mine] == [created.id]
        backend.close()


def test_a_retired_create_keeps_the_draft_and_hands_over(tmp_path):
    with Sandbox(customers=5, seed=3, retired_create=True, consented="all") as sandbox:
        backend, store, _tenant, draft = file_with(sandbox, tmp_path, "Retired API")
        with pytest.raises(CreateRetiredError) as caught:
            submit(backend, store, draft.id)
        assert caught.value.web_url.startswith("https://partner.microsoft.com/")
        assert "Retired API" in caught.value.text
        assert "0x800CCC0F" in caught.value.text
        assert store.get(draft.id) is not None
        backend.close()


def test_other_errors_keep_the_draft(tmp_path):
    with Sandbox(customers=5, seed=3, consented="all") as sandbox:
        backend, store, _tenant, draft = file_with(sandbox, tmp_path, "Bad topic")
        store.save(Draft(**{**draft.__dict__, "topic_id": "1"}))
        with pytest.raises(ApiError) as caught:
            submit(backend, store, draft.id)
        assert caught.value.status == 400
        assert store.get(draft.id) is not None
        backend.close()


def test_a_note_appears_after_patch(sandbox: Sandbox, backend: Backend):
    request = next(r for r in backend.requests(None).items if r.is_open)
    updated = backend.add_note(request.id, "Customer confirms the fix works — 確認しました.")
    assert updated.id == request.id
    assert any(n.text == "Customer confirms the fix works — 確認しました." for n in updated.notes)
    again = backend.pc.service_request(request.id, "cid")
    assert len(again.notes) == len(request.notes) + 1
