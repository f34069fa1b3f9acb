"""Partner Center's incidents and message center notices, shown as partner-level context."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QLabel, QSplitter

from desktop.domain.health import ServiceIncident
from desktop.domain.partner_incidents import MessageCenterNotice, workload_name
from desktop.qt.session import SessionHolder
from desktop.qt.worker import Worker
from desktop.sandbox import Sandbox
from desktop.services.backend import Backend
from desktop.ui.windows.partner_context import PartnerContextPanel, notice_category
from tests.ui.driving import holder_for


def loaded(qtbot, holder: SessionHolder) -> PartnerContextPanel:
    panel = PartnerContextPanel(holder)
    qtbot.addWidget(panel)
    holder.worker.spawn(panel.load())
    qtbot.waitUntil(lambda: panel.list.count() > 0, timeout=10000)
    return panel


def test_incidents_and_notices_are_listed_and_labelled(
    qtbot, holder: SessionHolder, sandbox: Sandbox
) -> None:
    panel = loaded(qtbot, holder)
    labels = " ".join(label.text() for label in panel.findChildren(QLabel))
    assert "partner-level context" in labels
    assert "not any customer's health" in labels
    lines = [panel.list.item(r).text() for r in range(panel.list.count())]
    open_incidents = [i for i in sandbox.data.pool if i.active]
    assert sum(line.startswith("Incident · ") for line in lines) == len(open_incidents)
    notices = [line for line in lines if line.startswith("Message center · ")]
    assert len(notices) == len(sandbox.data.message_center.items)
    # Incidents first, then notices, the nearest "act by" date first.
    kinds = [type(e) for e in panel.entries]
    assert kinds == sorted(kinds, key=lambda k: k is MessageCenterNotice)
    dated = [e.required_by for e in panel.entries if isinstance(e, MessageCenterNotice)]
    known = [d for d in dated if d is not None]
    assert known == sorted(known)
    assert dated[-1] is None


def test_a_notice_shows_its_text_in_paragraphs(qtbot, holder: SessionHolder) -> None:
    panel = loaded(qtbot, holder)
    row = next(r for r, e in enumerate(panel.entries) if isinstance(e, MessageCenterNotice))
    panel.list.setCurrentRow(row)
    notice = panel.entries[row]
    text = panel.detail.toPlainText()
    assert "Message center notice (partner-level)" in text
    assert notice.title in text
    assert notice_category(notice.category) in text
    # Its message is text with blank lines: each paragraph a paragraph of its own (shown as
    # one run-on line, the two would be joined by a space).
    first, second = notice.messages[0].text.split("\n\n")[:2]
    assert f"{first}\n{second.split(chr(10))[0]}" in text


def test_an_incident_shows_its_messages_newest_first(qtbot, holder: SessionHolder) -> None:
    panel = loaded(qtbot, holder)
    row = next(r for r, e in enumerate(panel.entries) if isinstance(e, ServiceIncident))
    panel.list.setCurrentRow(row)
    incident = panel.entries[row]
    assert isinstance(incident, ServiceIncident)
    text = panel.detail.toPlainText()
    assert "Service incident (partner-level)" in text
    assert incident.id in text
    assert workload_name(incident.workload) in text
    # Partner Center's own count, told apart from the dashboard's sweep.
    assert "Customers affected (Partner Center)" in text


@pytest.fixture
def broken_ctx(qloop, fresh_sandbox: Sandbox) -> Iterator[SessionHolder]:
    worker = Worker()
    backend = Backend.for_sandbox(fresh_sandbox.url, ca_pem=fresh_sandbox.ca_pem, concurrency=2)
    yield holder_for(worker=worker, backend=backend, mode="sandbox")
    worker.shutdown(wait=True)
    backend.close()


def test_partner_centers_words_are_microsofts_names_and_translated(
    qtbot, holder: SessionHolder, sandbox: Sandbox
) -> None:
    """Workload ids ("Lync", "OrgLiveID", "MDATP") and raw values ("information", "Prevent Or
    Fix Issues", "Action", "critical") were shown as Partner Center sent them."""
    panel = loaded(qtbot, holder)
    # The first entry is selected and shown at once.
    assert panel.list.currentRow() == 0
    assert panel.entries[0].id in panel.detail.toPlainText()
    lines = [panel.list.item(r).text() for r in range(panel.list.count())]
    raw = ("Lync", "OrgLiveID", "MDATP", "DynamicsCRM", "OneDriveForBusiness")
    for line in lines:
        _kind, service, _rest = line.split(" · ", 2)
        assert service not in raw, line
        assert "(information," not in line
        assert "(warning," not in line
    services = {line.split(" · ")[1] for line in lines}
    workloads = {e.workload for e in panel.entries}
    assert {workload_name(w) for w in workloads} == services
    assert "Microsoft Entra" in services  # OrgLiveID
    assert "Microsoft Teams (Lync)" in services
    assert "SharePoint Online" in services
    # The list gets the larger share, and each line's tooltip has it whole.
    split = panel.list.parentWidget()
    assert isinstance(split, QSplitter)
    panel.resize(900, 300)
    panel.show()
    list_width, detail_width = split.sizes()
    assert list_width > detail_width
    for row in range(len(panel.entries)):
        item = panel.list.item(row)
        assert item.toolTip().startswith(item.text())
    # A notice's category, action and severity in words.
    row = next(
        r
        for r, e in enumerate(panel.entries)
        if isinstance(e, MessageCenterNotice) and e.severity == "critical"
    )
    panel.list.setCurrentRow(row)
    facts = panel.detail.toPlainText().split("\n")
    value = {facts[i]: facts[i + 1] for i in range(len(facts) - 1)}
    assert value["Category"] == "Prevent or fix issue"
    assert value["Action"] == "Action required"
    assert value["Severity"] == "Critical"
    assert value["Service"] == "Microsoft Entra"
    row = next(r for r, e in enumerate(panel.entries) if isinstance(e, ServiceIncident))
    panel.list.setCurrentRow(row)
    facts = panel.detail.toPlainText().split("\n")
    status = facts[facts.index("Status") + 1]
    assert status in ("Normal", "Information", "Warning", "Critical")


def test_nothing_selected_says_what_to_do(qtbot, holder: SessionHolder) -> None:
    panel = loaded(qtbot, holder)
    panel.list.setCurrentRow(-1)
    assert panel.detail.toPlainText() == ""
    assert panel.detail.placeholderText() == "Select an incident or notice to read it."


def test_a_failure_is_a_line_not_a_crash(
    qtbot, broken_ctx: SessionHolder, fresh_sandbox: Sandbox
) -> None:
    fresh_sandbox.inject("/v1/serviceincidents/office", "error", status=403)
    panel = loaded(qtbot, broken_ctx)
    assert panel.entries == []
    assert panel.list.item(0).text().startswith("Access denied")
