"""The window's escalation paths, drafts, notes, the all-customers list, GDAP and sessions."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.accounts import Session
from desktop.backend import Backend
from desktop.models.customers import GDAP
from desktop.models.records import HealthIssue, ServiceRequest
from desktop.models.table import RecordRole
from desktop.sandbox import Sandbox
from desktop.ui.main_window import MainWindow
from desktop.ui.new_request import NewRequestDialog
from desktop.ui.widgets.dialogs import TextPrompt
from tests.ui.test_main_window import gdap_row, load


def top(kind: type) -> object | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, kind) and widget.isVisible():
            return widget
    return None


def test_ctrl_n_opens_a_request_for_the_selected_customer(qtbot, window: MainWindow, sandbox):
    customer = load(qtbot, window, gdap_row(window, sandbox))
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: top(NewRequestDialog) is not None, timeout=5000)
    dialog = top(NewRequestDialog)
    assert isinstance(dialog, NewRequestDialog)
    assert dialog.draft.tenant_id == customer.tenant_id
    assert customer.company_name in dialog.windowTitle()
    dialog.close()


def test_escalate_fills_the_incident_into_a_draft_listed_under_the_customer(
    qtbot, window: MainWindow, sandbox
):
    customer = load(qtbot, window, gdap_row(window, sandbox))
    pane = window.incidents
    window.tabs.setCurrentWidget(pane)
    pane.view.selectRow(0)
    issue = pane.view.currentIndex().data(RecordRole)
    assert isinstance(issue, HealthIssue)
    pane.escalate_button.click()
    qtbot.waitUntil(lambda: top(NewRequestDialog) is not None, timeout=5000)
    dialog = top(NewRequestDialog)
    assert isinstance(dialog, NewRequestDialog)
    assert issue.id in dialog.description.toPlainText()
    assert issue.title in dialog.title_edit.text()
    dialog.reject()  # "Keep as draft"
    qtbot.waitUntil(lambda: window.requests.state == "ready", timeout=10000)
    qtbot.waitUntil(
        lambda: window.requests.drafts_button.isVisibleTo(window.requests), timeout=10000
    )
    assert "Drafts" in window.requests.drafts_button.text()
    actions = window.requests.drafts_button.menu().actions()
    assert len(actions) == 1
    assert issue.service in actions[0].text()
    assert window.ctx.drafts is not None
    assert window.ctx.drafts.for_customer(customer.tenant_id)[0].incident_id == issue.id


def test_a_note_is_added_and_shown(qtbot, window: MainWindow, sandbox: Sandbox):
    backend = window.ctx.backend
    row = next(
        r
        for r in range(window.customers.model.rowCount())
        if any(
            q.status == "open"
            for q in backend.requests(window.customers.model.record(r).tenant_id).items
        )
    )
    load(qtbot, window, row)
    pane = window.requests
    window.tabs.setCurrentWidget(pane)
    open_row = next(
        r
        for r in range(pane.model.rowCount())
        if pane.model.index(r, 0).data(RecordRole).status == "open"
    )
    pane.view.selectRow(open_row)
    assert pane.note_button.isEnabled()
    task = window.ctx.worker.spawn(pane.add_note())
    qtbot.waitUntil(lambda: top(TextPrompt) is not None, timeout=5000)
    prompt = top(TextPrompt)
    assert isinstance(prompt, TextPrompt)
    qtbot.keyClicks(prompt.edit, "Rebooted the connector; still failing.")
    prompt.ok.click()
    qtbot.waitUntil(task.done, timeout=10000)
    assert task.exception() is None
    request = pane.view.currentIndex().data(RecordRole)
    assert isinstance(request, ServiceRequest)
    assert any(n.text == "Rebooted the connector; still failing." for n in request.notes)
    assert "Rebooted the connector" in pane.detail.toPlainText()


def test_requests_of_all_customers_filter_and_open_the_customer(qtbot, window: MainWindow, sandbox):
    window.show_open_requests()
    view = window._open_requests
    assert view is not None
    qtbot.waitUntil(lambda: view.model.all_records() != [], timeout=10000)
    shown = [view.model.record(r) for r in range(view.model.rowCount())]
    assert shown
    assert all(r.is_open for r in shown)
    view.severity.setCurrentIndex(view.severity.findData("critical"))
    assert all(view.model.record(r).severity == "critical" for r in range(view.model.rowCount()))
    view.status.setCurrentIndex(view.status.findData(""))
    view.severity.setCurrentIndex(0)
    assert view.model.rowCount() == len(view.model.all_records())
    view.view.selectRow(0)
    request = view.view.currentIndex().data(RecordRole)
    view._open()
    qtbot.waitUntil(
        lambda: (
            window.current_customer() is not None
            and window.current_customer().tenant_id == request.organization_id
        ),
        timeout=5000,
    )


def test_gdap_fills_the_customer_list(qtbot, window: MainWindow, sandbox: Sandbox):
    model = window.customers.model
    qtbot.waitUntil(
        lambda: (
            model.gdap(model.record(0).tenant_id) is not None
            or any(model.index(r, GDAP).data() != "—" for r in range(model.rowCount()))
        ),
        timeout=10000,
    )
    texts = {model.index(r, GDAP).data() for r in range(model.rowCount())}
    assert "No GDAP" in texts  # marked, not hidden
    assert any(t.startswith("Active") for t in texts)
    assert model.rowCount() == len(sandbox.data.customers)


def test_a_new_session_replaces_what_is_shown(qtbot, window: MainWindow, sandbox):
    load(qtbot, window, 0)
    with Sandbox(customers=7, seed=21, consented="all") as other:
        backend = Backend.for_sandbox(other.url)
        with qtbot.waitSignal(window.customers_loaded, timeout=20000) as loaded:
            window.use_session(Session(backend=backend, mode="external sandbox"))
        assert loaded.args == [7]
        assert window.customers.model.rowCount() == 7
        assert window.current_customer() is None
        assert "external" in window.mode_label.text()
        window.cancel_sweep()
        qtbot.waitUntil(lambda: window._health_sweep is None, timeout=10000)
        backend.close()
