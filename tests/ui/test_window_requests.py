"""The window's escalation paths, drafts, notes, the all-customers list, GDAP and sessions."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel

from desktop.domain.health import HealthIssue
from desktop.domain.service_requests import ServiceRequest
from desktop.qt.models.customers import GDAP
from desktop.qt.models.table import RecordRole
from desktop.sandbox import Sandbox
from desktop.services.accounts import Session
from desktop.services.backend import Backend
from desktop.store import Draft
from desktop.ui.dialogs.new_request import NewRequestDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.widgets.dialogs import TextPrompt
from tests.ui.driving import holder_for
from tests.ui.test_main_window import gdap_row, load, row_of


def top(kind: type) -> object | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, kind) and widget.isVisible():
            return widget
    return None


def activate(qtbot, window: MainWindow) -> None:
    """The main window has the keyboard again (its shortcuts work in the active window)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)


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
    assert window.requests.drafts_button.text() == "Dra&fts (1)"  # Alt+F opens the menu
    actions = window.requests.drafts_button.menu().actions()
    assert len(actions) == 1
    assert issue.service in actions[0].text()
    assert window.holder.session.drafts is not None
    assert window.holder.session.drafts.for_customer(customer.tenant_id)[0].incident_id == issue.id


def test_a_note_is_added_under_the_customer_and_shown(qtbot, window: MainWindow, sandbox: Sandbox):
    tenants = {
        c.tenant_id
        for c in sandbox.data.customers
        if c.has_gdap
        and any(r["status"] in ("open", 1) for r in sandbox.data.service_requests(c.tenant_id))
    }
    row = next(
        r
        for r in range(window.customers.model.rowCount())
        if window.customers.model.record(r).tenant_id in tenants
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
    before = sandbox.stats()["byRoute"]
    task = window.holder.worker.spawn(pane.add_note())
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
    after = sandbox.stats()["byRoute"]
    customer_path = "PATCH /v1/customers/{tenantId}/servicerequests/{id}"
    assert after.get(customer_path, 0) == before.get(customer_path, 0) + 1
    partner_path = "PATCH /v1/servicerequests/{id}"
    assert after.get(partner_path, 0) == before.get(partner_path, 0)


def test_a_request_filed_via_the_web_is_shown_with_its_number(
    qtbot, window: MainWindow, sandbox: Sandbox
):

    customer = load(qtbot, window, gdap_row(window, sandbox))
    store = window.holder.session.drafts
    assert store is not None
    draft = store.save(
        Draft.new(customer.tenant_id, customer.company_name, title="Mail flow stopped")
    )
    store.mark_filed(draft.id, "2412010040001234")
    window.requests.reload()
    pane = window.requests
    qtbot.waitUntil(lambda: pane.filed_label.isVisibleTo(pane), timeout=10000)
    text = pane.filed_label.text()
    assert "Filed via Microsoft's web form, #2412010040001234: Mail flow stopped" in text


def test_a_filing_from_here_is_not_contradicted_by_an_empty_list(
    qtbot, window: MainWindow, sandbox: Sandbox
):

    quiet = {
        c.tenant_id
        for c in sandbox.data.customers
        if c.has_gdap and not sandbox.data.service_requests(c.tenant_id)
    }
    customer = load(qtbot, window, row_of(window, lambda c: c.tenant_id in quiet))
    pane = window.requests
    window.tabs.setCurrentWidget(pane)
    assert pane.model.rowCount() == 0
    assert pane.empty.text() == "Nothing has been filed with Microsoft for this customer."
    store = window.holder.session.drafts
    assert store is not None
    draft = store.save(Draft.new(customer.tenant_id, customer.company_name, title="Mail flow"))
    store.mark_filed(draft.id, "2412010040001234")
    pane.reload()
    qtbot.waitUntil(lambda: pane.filed_label.isVisibleTo(pane), timeout=10000)
    assert "#2412010040001234" in pane.filed_label.text()
    # Not "nothing has been filed" beside the filing: only Partner Center's list is empty.
    assert "Nothing has been filed" not in pane.empty.text()
    assert pane.empty.text() == "No requests in Partner Center's list for this customer."


def test_ctrl_n_offers_the_customers_kept_drafts_first(qtbot, window: MainWindow, sandbox: Sandbox):
    from desktop.ui.drafting import DraftChooser

    customer = load(qtbot, window, gdap_row(window, sandbox))
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: top(NewRequestDialog) is not None, timeout=5000)
    first = top(NewRequestDialog)
    assert isinstance(first, NewRequestDialog)
    qtbot.keyClicks(first.title_edit, "Older draft")
    first.reject()
    store = window.holder.session.drafts
    assert store is not None
    qtbot.waitUntil(lambda: len(store.for_customer(customer.tenant_id)) == 1, timeout=5000)
    latest = store.save(Draft.new(customer.tenant_id, customer.company_name, title="Latest draft"))
    # Ctrl+N again: the kept drafts, the latest selected; Return carries on with it.
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: top(DraftChooser) is not None, timeout=5000)
    chooser = top(DraftChooser)
    assert isinstance(chooser, DraftChooser)
    texts = [chooser.list.item(r).text() for r in range(chooser.list.count())]
    assert texts[0].startswith("Latest draft — ")
    assert texts[1].startswith("Older draft — ")
    assert texts[2] == "A new, blank request"
    assert chooser.findChild(QLabel).text().startswith("2 draft")
    qtbot.keyClick(chooser.list, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: (
            isinstance(top(NewRequestDialog), NewRequestDialog)
            and top(NewRequestDialog).draft.id == latest.id
        ),
        timeout=5000,
    )
    resumed = top(NewRequestDialog)
    assert isinstance(resumed, NewRequestDialog)
    assert resumed.title_edit.text() == "Latest draft"
    # The same draft again is the dialog already open, not a second one.
    assert window.requests_desk.edit_draft(latest) is resumed
    resumed.reject()
    # Or a new one: the last entry.
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: top(DraftChooser) is not None, timeout=5000)
    chooser = top(DraftChooser)
    assert isinstance(chooser, DraftChooser)
    chooser.list.setCurrentRow(chooser.list.count() - 1)
    qtbot.keyClick(chooser.list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: top(NewRequestDialog) is not None, timeout=5000)
    blank = top(NewRequestDialog)
    assert isinstance(blank, NewRequestDialog)
    assert blank.draft.id not in {d.id for d in store.for_customer(customer.tenant_id)}
    assert blank.title_edit.text() == ""
    blank.reject()


@pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")  # offscreen
def test_the_drafts_menu_opens_on_its_first_draft(qtbot, window: MainWindow, sandbox: Sandbox):

    customer = load(qtbot, window, gdap_row(window, sandbox))
    store = window.holder.session.drafts
    assert store is not None
    for title in ("First", "Second"):
        store.save(Draft.new(customer.tenant_id, customer.company_name, title=title))
    pane = window.requests
    window.tabs.setCurrentWidget(pane)
    pane.reload()
    qtbot.waitUntil(lambda: pane.drafts_button.isVisibleTo(pane), timeout=10000)
    menu = pane.drafts_button.menu()
    seen: list[object] = []

    def look_and_close() -> None:
        seen.append(menu.activeAction())
        menu.close()

    # Alt+F (the button's mnemonic) opens the menu, with its first entry highlighted.
    activate(qtbot, window)
    QTimer.singleShot(0, look_and_close)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert seen == [menu.actions()[0]]
    assert menu.actions()[0].text().startswith("Second — ")


def test_all_customers_requests_are_a_sweep_with_the_partners_own_apart(
    qtbot, window: MainWindow, sandbox: Sandbox
):
    before = sandbox.stats()["byRoute"]
    window.show_open_requests()
    view = window._open_requests
    assert view is not None
    with qtbot.waitSignal(view.swept, timeout=30000) as ended:
        pass
    assert ended.args == [False]
    after = sandbox.stats()["byRoute"]
    per_customer = "GET /v1/customers/{tenantId}/servicerequests"
    customers = sandbox.data.customers
    assert after.get(per_customer, 0) - before.get(per_customer, 0) == len(customers)
    # Every readable customer's tickets, read under that customer ...
    readable = [c for c in customers if c.has_gdap]
    expected = {r["id"] for c in readable for r in sandbox.data.service_requests(c.tenant_id)}
    assert {r.id for r in view.model.all_records()} == expected
    # ... the partner's own tickets apart, labelled ...
    qtbot.waitUntil(lambda: view.own_model.all_records() != [], timeout=10000)
    own = {r["id"] for r in sandbox.data.service_requests(sandbox.data.partner_tenant_id)}
    assert {r.id for r in view.own_model.all_records()} == own
    assert not own & expected
    assert "partner tickets" in view.tabs.tabText(1).replace("&", "")
    # ... and the customers refused (no GDAP) listed with why, not dropped.
    blocked = [c for c in customers if not c.has_gdap]
    assert blocked
    assert view.failures.topLevelItemCount() == len(blocked)
    assert str(len(blocked)) in view.tabs.tabText(2)
    assert "of" in view.progress_label.text()
    # Filters, and Enter opens the request's customer.
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


def test_the_requests_sweep_is_cached_and_can_be_stopped(qtbot, qloop, tmp_path):
    with Sandbox(customers=12, seed=4, consented="all") as sandbox:
        _cached_and_stopped(qtbot, sandbox, tmp_path)


def _cached_and_stopped(qtbot, sandbox: Sandbox, tmp_path) -> None:
    from desktop.qt.worker import Worker
    from desktop.store import Cache, sandbox_source
    from desktop.store.cache import REQUESTS
    from desktop.ui.windows.open_requests import OpenRequestsWindow

    worker = Worker()
    backend = Backend.for_sandbox(sandbox.url, ca_pem=sandbox.ca_pem, concurrency=4)
    cache = Cache(tmp_path / "cache.sqlite3")
    source = sandbox_source(sandbox.url)
    holder = holder_for(worker=worker, backend=backend, cache=cache, source=source)
    customers = backend.customers().items
    try:
        view = OpenRequestsWindow(holder, lambda: customers)
        qtbot.addWidget(view)
        with qtbot.waitSignal(view.swept, timeout=30000):
            worker.spawn(view.load())
        entries = cache.entries(source, REQUESTS)
        gdap = {c.tenant_id for c in sandbox.data.customers if c.has_gdap}
        assert {t for t, e in entries.items() if e.items is not None and t} == gdap
        assert {t for t, e in entries.items() if e.failing} == (
            {c.tenant_id for c in customers} - gdap
        )
        qtbot.waitUntil(lambda: cache.entry(source, REQUESTS, None) is not None, timeout=10000)
        # A second window opens on the cache before any answer (the sandbox is slowed down).
        again = OpenRequestsWindow(holder, lambda: customers)
        qtbot.addWidget(again)
        sandbox.inject("/v1/customers/", kind="delay", delay_s=5.0, count=len(customers))
        worker.spawn(again.load())
        qtbot.waitUntil(lambda: again.model.all_records() != [], timeout=10000)
        assert again.running
        assert {r.id for r in again.model.all_records()} == {r.id for r in view.model.all_records()}
        with qtbot.waitSignal(again.swept, timeout=30000) as ended:
            again.cancel()
        assert ended.args == [True]
        assert "Stopped" in again.progress_label.text()
    finally:
        worker.shutdown(wait=True)
        backend.close()
        cache.close()


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
        with qtbot.waitSignal(window.directory.loaded, timeout=20000) as loaded:
            window.holder.switch(Session(backend=backend, mode="external sandbox"))
        assert loaded.args == [7]
        assert window.customers.model.rowCount() == 7
        assert window.current_customer() is None
        assert "external" in window.status.mode_label.text()
        window.cancel_sweep()
        qtbot.waitUntil(lambda: not window.sweep.board.running, timeout=10000)
        backend.close()
