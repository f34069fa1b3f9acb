"""Filing a service request: validation, the web form first, the API create as a fallback
(exactly once over dropped connections), and any refusal of it leading to the web form."""

from __future__ import annotations

import time
from dataclasses import replace

import pytest

from desktop.config.clouds import CHINA, GERMANY, GLOBAL, USGOV, USGOV_DOD, sandbox_profile
from desktop.sandbox import Sandbox
from desktop.services.backend import ApiError, Backend
from desktop.services.filing import (
    CreateRetiredError,
    clipboard_text,
    is_retired,
    request_body,
    request_number,
    validate,
    web_form,
)
from desktop.services.submission import submit
from desktop.store import Draft, DraftStore

DOMAIN = "contoso.onmicrosoft.com"


def good_draft(tenant: str, title: str = "Mailboxes cannot send") -> Draft:
    return Draft.new(
        tenant,
        "Contoso",
        title=title,
        severity="critical",
        topic_id="32444667",
        topic_name="Exchange Online",
        description="Since 09:10 UTC no user can send mail; Outlook shows error 0x800CCC0F.",
        contact_name="Ada Lovelace",
        contact_email="ada@contoso.example",
        cc="ops@contoso.example; noc@contoso.example",
        incident_id="EX123456",
        customer_domain=DOMAIN,
    )


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"title": ""}, "title", "Enter a title"),
        ({"title": "x" * 256}, "title", "255 at most"),
        ({"title": "bad\x07bell"}, "title", "control"),
        ({"severity": "urgent"}, "severity", "critical, moderate or minimal"),
        ({"description": "too short"}, "description", "at least 20"),
        ({"contact_email": "ada@"}, "contact", "not an e-mail"),
        ({"cc": "ops@contoso.example, nope"}, "cc", "nope"),
        ({"cc": " ".join(f"u{i}@c.example" for i in range(11))}, "cc", "10 at most"),
    ],
)
def test_each_bad_field_has_its_reason(change, field, words):
    problems = validate(replace(good_draft("t"), **change))
    assert [p.field for p in problems] == [field]
    assert words in problems[0].message


def test_only_the_api_needs_a_support_topic():
    draft = replace(good_draft("t"), topic_id="")
    assert validate(draft) == []  # the web forms ask for their own
    problems = validate(draft, for_api=True)
    assert [p.field for p in problems] == ["topic"]
    assert "support topic" in problems[0].message


def test_the_create_body_is_a_partner_ticket_naming_the_customer():
    draft = good_draft("t")
    body = request_body(draft)
    assert body["Title"] == "Mailboxes cannot send"
    assert body["Severity"] == "critical"
    assert body["SupportTopicId"] == "32444667"  # a string, as Microsoft's example sends it
    assert "Organization" not in body  # the API files the partner's own tickets only
    assert body["Description"].startswith("Customer: Contoso (t)\nService: Exchange Online\n")
    assert "EX123456" in body["Description"]
    assert body["PrimaryContact"]["Email"] == "ada@contoso.example"
    assert body["EmailCcList"] == ["ops@contoso.example", "noc@contoso.example"]


def test_the_clipboard_text_carries_everything_the_form_asks_for():
    text = clipboard_text(good_draft("t"))
    for part in (
        "Title: Mailboxes cannot send",
        "Severity: critical",
        f"Customer: Contoso ({DOMAIN}, t)",
        "Service: Exchange Online",
        "Related Microsoft incident: EX123456",
        "0x800CCC0F",
    ):
        assert part in text


def test_the_web_form_is_the_customers_admin_center_or_azure_portal():
    draft = good_draft("9b0c2c2e-1111-4a4a-8888-123456789abc")
    m365 = web_form(GLOBAL, draft)
    assert m365.url == f"https://admin.cloud.microsoft/?delegatedOrg={DOMAIN}#/support"
    azure = web_form(sandbox_profile("https://127.0.0.1:1"), replace(draft, topic_name="Azure"))
    assert azure.url == (
        f"https://portal.azure.com/{DOMAIN}/#view/Microsoft_Azure_Support/NewSupportRequestV3Blade"
    )
    entra = web_form(GLOBAL, replace(draft, topic_name="Azure Active Directory"))
    assert entra.form_id == "support-m365"  # Entra ID is a Microsoft 365 admin center ticket


def test_the_web_form_in_other_clouds():
    draft = good_draft("t")
    gcch = web_form(USGOV, draft)
    assert gcch.url == "https://portal.office365.us/adminportal/home#/support"
    assert "direct sign-in" in gcch.note
    assert web_form(USGOV_DOD, draft).url == "https://portal.apps.mil/adminportal/home#/support"
    gov_azure = web_form(USGOV, replace(draft, topic_name="Azure Virtual Machines"))
    assert gov_azure.url is not None
    assert gov_azure.url.startswith(f"https://portal.azure.us/{DOMAIN}/")
    china = web_form(CHINA, draft)
    assert china.url is None
    assert "no such support form" in china.reason
    assert web_form(CHINA, replace(draft, topic_name="Azure")).url is not None
    assert web_form(GERMANY, draft).url is None


def test_a_hostile_domain_never_makes_a_link():
    form = web_form(GLOBAL, replace(good_draft("t"), customer_domain="evil.example/#@x"))
    assert form.url is None
    assert form.reason


@pytest.mark.parametrize(
    ("typed", "number"),
    [
        ("2412010040001234", "2412010040001234"),
        ("#2412 0100 4000 1234", "2412010040001234"),
        ("  30012345 ", "30012345"),
        ("1234-5678", "12345678"),
        ("12345", None),
        ("12345678901234567", None),
        ("ABC123456", None),
        ("١٢٣٤٥٦٧", None),  # digits, but not the ones Microsoft prints
        ("", None),
    ],
)
def test_request_numbers(typed, number):
    assert request_number(typed) == number


@pytest.mark.parametrize(
    ("status", "message", "refused"),
    [
        (410, "Gone", True),
        (404, "Not found", True),
        (405, "Method not allowed", True),
        (400, "This API is deprecated.", True),
        (403, "Creating service requests is not supported for this partner.", True),
        (400, "The API has been decommissioned.", True),
        (400, "Title is required.", False),
        (403, "The user lacks the role.", False),
        (500, "The API has been decommissioned.", False),  # a server fault, not a refusal
        (None, "connection reset", False),
    ],
)
def test_what_counts_as_a_refusal_of_create(status, message, refused):
    assert is_retired(ApiError(message, status=status)) is refused


def file_with(sandbox: Sandbox, tmp_path, title: str):
    backend = Backend.for_sandbox(sandbox.url)
    store = DraftStore(tmp_path / "drafts.sqlite3")
    tenant = sandbox.data.customers[0].tenant_id
    draft = store.save(good_draft(tenant, title))
    return backend, store, tenant, draft


def test_a_drop_after_commit_still_files_exactly_one(tmp_path):
    with Sandbox(customers=5, seed=3, drop_after_commit=1, consented="all") as sandbox:
        backend, store, tenant, draft = file_with(sandbox, tmp_path, "Exactly once please")
        created = submit(backend, store, draft.id)
        # The create API files the partner's own ticket: found in the partner's list.
        mine = [r for r in backend.requests(None).items if r.title == "Exactly once please"]
        assert len(mine) == 1
        assert created.id == mine[0].id
        assert store.get(draft.id) is None  # confirmed: the draft is gone ...
        filed = store.filed_for(tenant)  # ... and its filing is on record
        assert [(f.number, f.channel) for f in filed] == [(created.id, "api")]
        assert sandbox.stats()["creates"] == 1
        backend.close()


def test_a_crash_mid_submit_does_not_file_twice(tmp_path):
    with Sandbox(customers=5, seed=3, consented="all") as sandbox:
        backend, store, _tenant, draft = file_with(sandbox, tmp_path, "Crash in the middle")
        # The first attempt landed, then the app died before it heard back.
        started = store.begin_submission(draft.id)
        backend.pc.create_request(request_body(started), "cid", started.request_id)
        time.sleep(1.1)  # the restart comes later
        created = submit(backend, store, draft.id)
        mine = [r for r in backend.requests(None).items if r.title == "Crash in the middle"]
        assert [r.id for r in mine] == [created.id]
        assert sandbox.stats()["creates"] == 1
        backend.close()


def test_a_retired_create_keeps_the_draft_and_hands_over_to_the_customers_form(tmp_path):
    with Sandbox(customers=5, seed=3, retired_create=True, consented="all") as sandbox:
        backend, store, _tenant, draft = file_with(sandbox, tmp_path, "Retired API")
        with pytest.raises(CreateRetiredError) as caught:
            submit(backend, store, draft.id)
        assert caught.value.web_url == (
            f"https://admin.cloud.microsoft/?delegatedOrg={DOMAIN}#/support"
        )
        assert "decommissioned" in caught.value.detail
        assert "Retired API" in caught.value.text
        assert "0x800CCC0F" in caught.value.text
        assert store.get(draft.id) is not None
        assert store.filed_all() == []
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


def test_a_note_appears_after_patch_under_the_customer(sandbox: Sandbox, backend: Backend):
    tenant = next(
        c.tenant_id
        for c in sandbox.data.customers
        if c.has_gdap
        and any(r["status"] in ("open", 1) for r in sandbox.data.service_requests(c.tenant_id))
    )
    request = next(r for r in backend.requests(tenant).items if r.is_open)
    text = "Customer confirms the fix works — 確認しました."
    updated = backend.add_note(request.id, text, tenant_id=tenant)
    assert updated.id == request.id
    assert any(n.text == text for n in updated.notes)
    again = backend.pc.service_request(request.id, "cid", tenant)
    assert len(again.notes) == len(request.notes) + 1
