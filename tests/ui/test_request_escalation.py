"""The New service request dialog keeps what the user chose and says what it assumes (issue 18,
defect 6): a restored draft keeps its topic, an escalation's severity follows the incident's
classification and status, the template's sections must be filled in, and the dialog shows
which contact Microsoft will use."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timezone

import pytest

from desktop.domain.customers import Customer
from desktop.domain.health import HealthIssue
from desktop.sandbox.partner_topics import TOPICS_BY_ID
from desktop.services.filing import validate
from desktop.store import Draft
from desktop.ui.dialogs.new_request import NewRequestDialog, escalation_draft
from desktop.ui.drafting import severity_note as note
from tests.ui import test_new_request as base
from tests.ui.conftest import Launcher

make_ctx = base.make_ctx  # the fixture: a sandbox, a worker and a draft store per test
ran = base.ran

TOPICS = [str(t) for t in TOPICS_BY_ID]
CUSTOMER = Customer(
    "11111111-2222-4333-8444-555555555555", "Asesoría Ñandú", "asesoria.example", ""
)


def issue(classification: str, status: str, resolved: bool = False) -> HealthIssue:
    return HealthIssue(
        id="EX226792",
        title="Mail delayed",
        service="Exchange Online",
        feature="Mail flow",
        feature_group="E-Mail timely delivery",
        classification=classification,
        origin="Microsoft",
        status=status,
        start=datetime(2026, 12, 1, tzinfo=timezone.utc),
        end=None,
        last_modified=None,
        is_resolved=resolved,
        impact="Users may be unable to send or receive email.",
    )


@pytest.mark.parametrize(
    ("classification", "status", "resolved", "severity"),
    [
        ("incident", "serviceInterruption", False, "critical"),
        ("incident", "serviceDegradation", False, "moderate"),
        ("incident", "investigating", False, "moderate"),
        ("advisory", "serviceDegradation", False, "minimal"),
        ("incident", "serviceRestored", True, "minimal"),
        ("incident", "postIncidentReviewPublished", True, "minimal"),
    ],
)
def test_an_escalations_severity_follows_the_incident(
    qapp, classification: str, status: str, resolved: bool, severity: str
):
    draft = escalation_draft(CUSTOMER, issue(classification, status, resolved))
    assert draft.severity == severity


def open_draft(qtbot, holder, draft: Draft, **kwargs) -> NewRequestDialog:
    assert holder.session.drafts is not None
    dialog = NewRequestDialog(holder, holder.session.drafts, draft, **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.topics_loaded, timeout=10000)
    return dialog


def test_the_user_can_change_the_suggested_severity_and_it_is_kept(qtbot, make_ctx):
    holder, _sandbox = make_ctx()
    down = issue("incident", "serviceInterruption")
    dialog = open_draft(qtbot, holder, escalation_draft(CUSTOMER, down), severity_note=note(down))
    assert "interrupted" in dialog.severity_source.text().lower()
    dialog.severity.setCurrentIndex(dialog.severity.findData("minimal"))
    assert dialog.current().severity == "minimal"


def test_a_restored_draft_keeps_the_topic_saved_last(qtbot, make_ctx):
    holder, sandbox = make_ctx()
    store = holder.session.drafts
    customer = sandbox.data.customers[0]
    first = store.save(
        Draft.new(
            customer.tenant_id,
            customer.company_name,
            title="Topic kept",
            description="Partner Center shows no invoices since Monday.",
            topic_id=TOPICS[0],
            topic_name="Exchange Online",
        )
    )
    # Changed since (in another window, or by `drafts resume --topic`): the copy a list held
    # on to is older than the store's.
    store.save(replace(first, topic_id=TOPICS[2], topic_name="Azure", severity="minimal"))
    dialog = open_draft(qtbot, holder, first)
    qtbot.waitUntil(lambda: dialog.topic.currentData() == TOPICS[2], timeout=5000)
    assert dialog.service.currentText() == "Azure"
    assert dialog.severity.currentData() == "minimal"
    dialog.reject()  # closing saves: what is stored is still the user's last choice
    qtbot.waitUntil(lambda: store.get(first.id).updated > first.updated, timeout=5000)
    kept = store.get(first.id)
    assert (kept.topic_id, kept.topic_name, kept.severity) == (TOPICS[2], "Azure", "minimal")


def test_an_untouched_template_section_refuses_with_its_name(qtbot, make_ctx, launcher: Launcher):
    draft = escalation_draft(CUSTOMER, issue("incident", "serviceDegradation"))
    problems = validate(draft)
    assert [p.field for p in problems] == ["description"]
    assert "What we see at the customer" in problems[0].message
    holder, sandbox = make_ctx(retired_create=True)
    customer = sandbox.data.customers[0]
    draft = escalation_draft(
        Customer(customer.tenant_id, customer.company_name, customer.domain, ""),
        issue("incident", "serviceDegradation"),
    )
    dialog = open_draft(qtbot, holder, draft)
    ran(qtbot, dialog, dialog.open_form())
    assert launcher.opened == []
    assert dialog.errors["description"].isVisibleTo(dialog)
    assert "What we see at the customer" in dialog.errors["description"].text()
    # Filled in, it goes.
    text = dialog.description.toPlainText()
    for heading, placeholder in dialog.sections:
        text = text.replace(placeholder, f"Answered for {heading}")
    dialog.description.setPlainText(text)
    ran(qtbot, dialog, dialog.open_form())
    assert len(launcher.opened) == 1


def test_the_dialog_shows_which_contact_will_be_used(qtbot, make_ctx):
    holder, sandbox = make_ctx()
    holder.switch(replace(holder.session, account="ada@partner.example"))
    customer = sandbox.data.customers[0]
    dialog = open_draft(qtbot, holder, Draft.new(customer.tenant_id, customer.company_name))
    assert dialog.contact_used.text() == "Contact: ada@partner.example (from your account)"
    qtbot.keyClicks(dialog.contact_name, "Grace Hopper")
    qtbot.keyClicks(dialog.contact_email, "grace@contoso.example")
    assert dialog.contact_used.text() == "Contact: Grace Hopper, grace@contoso.example"
    assert dialog.current().contact_email == "grace@contoso.example"
