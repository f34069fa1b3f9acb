"""The real window against the real sandbox: search, tabs, incidents, portals, errors."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.domain.customers import Customer, PortalLink
from desktop.domain.health import HealthIssue
from desktop.qt.models.table import RecordRole
from desktop.sandbox import Sandbox
from desktop.ui.main_window import MainWindow
from tests.ui.driving import select_row


def row_of(window: MainWindow, predicate) -> int:
    model = window.customers.model
    for row in range(model.rowCount()):
        customer = model.index(row, 0).data(RecordRole)
        if predicate(customer):
            return row
    raise AssertionError("no such customer")


def load(qtbot, window: MainWindow, row: int) -> Customer:
    select_row(window, row)
    qtbot.waitUntil(
        lambda: all(p.state in ("ready", "error") for p in window.panes()), timeout=20000
    )
    return window.customers.current_customer()


def gdap_row(window: MainWindow, sandbox: Sandbox, busiest: bool = False) -> int:
    with_gdap = {c.tenant_id: c for c in sandbox.data.customers if c.has_gdap}
    if busiest:
        target = max(with_gdap, key=lambda t: len(sandbox.data.issues(t)))
        return row_of(window, lambda c: c.tenant_id == target)
    return row_of(window, lambda c: c.tenant_id in with_gdap)


def test_the_list_loads_and_search_narrows_it(qtbot, window: MainWindow, sandbox: Sandbox):
    model = window.customers.model
    assert model.rowCount() == len(sandbox.data.customers)
    target = sandbox.data.customers[5]
    window.focus_search()
    qtbot.keyClicks(window.customers.search, target.domain[:6])
    assert 0 < model.rowCount() < len(sandbox.data.customers)
    shown = [model.index(r, 0).data(RecordRole) for r in range(model.rowCount())]
    assert target.tenant_id in {c.tenant_id for c in shown}
    needle = target.domain[:6].lower()
    assert all(needle in (c.company_name + c.domain + c.tenant_id).lower() for c in shown)
    assert "of" in window.customers.count.text()
    window.customers.search.clear()
    assert model.rowCount() == len(sandbox.data.customers)


def test_the_selection_loads_every_tab(qtbot, window: MainWindow, sandbox: Sandbox):
    customer = load(qtbot, window, gdap_row(window, sandbox))
    assert [p.state for p in window.panes()] == ["ready"] * 6, [
        (type(p).__name__, p.error) for p in window.panes()
    ]
    assert window.header.title.text() == customer.company_name
    assert window.health.model.rowCount() >= 10
    assert customer.company_name in window.overview.view.toPlainText()


def test_an_incident_opens_with_its_posts(qtbot, window: MainWindow, sandbox: Sandbox):
    customer = load(qtbot, window, gdap_row(window, sandbox, busiest=True))
    pane = window.incidents
    pane.filters["resolved"].setChecked(True)
    assert pane.model.rowCount() == len(sandbox.data.issues(customer.tenant_id))
    pane.view.selectRow(0)
    issue = pane.view.currentIndex().data(RecordRole)
    assert isinstance(issue, HealthIssue)
    text = pane.detail.toPlainText()
    assert issue.id in text
    assert issue.title in text
    assert len(issue.posts) >= 1
    newest = issue.posts_newest_first()[0]
    from desktop.api.sanitize import html_to_text

    first_line = html_to_text(newest.content).splitlines()[0][:30]
    assert first_line in text
    html = pane.detail.toHtml().lower()
    assert "<img" not in html
    assert "onclick" not in html
    assert "<script" not in html


def test_a_portal_click_reaches_the_browser(qtbot, window: MainWindow, sandbox: Sandbox, launcher):
    customer = load(qtbot, window, gdap_row(window, sandbox))
    pane = window.portals
    links = [pane.model.record(r) for r in range(pane.model.rowCount())]
    assert {link.portal_id for link in links} >= {"m365", "exchange", "entra", "sharepoint"}
    row = next(r for r, link in enumerate(links) if link.portal_id == "exchange")
    window.tabs.setCurrentWidget(pane)
    pane.view.setFocus()
    pane.view.selectRow(row)
    qtbot.keyClick(pane.view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(launcher.opened), timeout=5000)
    assert launcher.opened == [
        f"https://admin.cloud.microsoft/exchange?delegatedOrg={customer.domain}"
    ]


def test_a_refused_portal_says_why(qtbot, window: MainWindow, sandbox: Sandbox, launcher):
    load(qtbot, window, gdap_row(window, sandbox))
    pane = window.portals
    refused = PortalLink("x", "Broken", "", None, "not an admin portal")
    messages: list[str] = []
    pane.status_message.connect(messages.append)
    task = window.holder.worker.spawn(pane.open_link(refused))
    qtbot.waitUntil(task.done, timeout=2000)
    assert task.exception() is None
    assert "not an admin portal" in messages[0]
    assert launcher.opened == []


def test_a_403_customer_shows_the_gdap_message(qtbot, window: MainWindow, sandbox: Sandbox):
    blocked = {c.tenant_id for c in sandbox.data.customers if not c.has_gdap}
    load(qtbot, window, row_of(window, lambda c: c.tenant_id in blocked))
    assert window.health.state == "error"
    message = window.health._message
    assert "GDAP" in message.title.text()
    assert "Service Support Administrator" in message.detail.text()
    assert not message.retry.isVisibleTo(window.health)
    # The rest of the window keeps working: profile and portals still load.
    assert window.overview.state == "ready", window.overview.error
    assert window.portals.state == "ready", window.portals.error


def test_the_health_column_fills(qtbot, window: MainWindow, sandbox: Sandbox):
    if window.sweep.board.running:
        with qtbot.waitSignal(window.sweep.board.finished, timeout=30000):
            pass
    model = window.customers.model
    filled = [model.health(c.tenant_id) for c in sandbox.data.customers]
    assert all(s is not None for s in filled)
    assert sum(1 for s in filled if s.error) == sum(
        1 for c in sandbox.data.customers if not c.has_gdap
    )


@pytest.mark.usefixtures("qloop")
def test_every_model_passes_the_model_tester(qtbot, qtmodeltester, window, sandbox):
    load(qtbot, window, gdap_row(window, sandbox, busiest=True))
    window.incidents.filters["resolved"].setChecked(True)
    for model in (
        window.customers.model,
        window.health.model,
        window.incidents.model,
        window.portals.model,
        window.requests.model,
    ):
        qtmodeltester.check(model)
