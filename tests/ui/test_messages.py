"""Planned changes in the window: a customer's tab, the consent that predates the message
center, and the dashboard's tab fed by one sweep (cached for the next start)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette

from desktop.auth.errors import from_msal_result
from desktop.domain.service_messages import PlannedChange, ServiceMessage
from desktop.qt.health_board import HealthBoard
from desktop.qt.message_sweep import PlannedChanges
from desktop.qt.models.messages import ACTION_BY, TITLE
from desktop.qt.models.table import RecordRole
from desktop.qt.worker import Worker
from desktop.sandbox import Sandbox
from desktop.services.backend import Backend
from desktop.store import Cache
from desktop.ui.errors import MESSAGE_CENTER_ROLES, explain
from desktop.ui.main_window import MainWindow
from desktop.ui.panes.messages import FITTED, message_html
from desktop.ui.widgets.columns import columns_of
from desktop.ui.windows.dashboard import DashboardWindow
from tests.ui.conftest import Launcher
from tests.ui.driving import holder_for
from tests.ui.test_main_window import load, row_of


def test_a_customers_planned_changes_action_dates_first(
    qtbot, qtmodeltester, window: MainWindow, sandbox: Sandbox
) -> None:
    target = max(
        (c for c in sandbox.data.customers if c.has_gdap),
        key=lambda c: len(sandbox.data.messages_of(c.tenant_id)),
    )
    load(qtbot, window, row_of(window, lambda c: c.tenant_id == target.tenant_id))
    pane = window.messages
    assert pane.state == "ready", pane.error
    qtmodeltester.check(pane.model)
    shown = [pane.model.record(r) for r in range(pane.model.rowCount())]
    assert {m.id for m in shown} == {m.id for m in sandbox.data.messages_of(target.tenant_id)}
    dated = [m for m in shown if m.action_required_by is not None]
    assert dated
    assert shown[: len(dated)] == dated
    assert [m.action_required_by for m in dated] == sorted(m.action_required_by for m in dated)  # type: ignore[type-var]
    # The first (soonest) one is selected, its body shown sanitized with its facts.
    first = shown[0]
    text = pane.detail.toPlainText()
    assert first.id in text
    assert first.title in text
    assert "What you need to do to prepare" in text
    assert "<script" not in pane.detail.toHtml().lower()
    assert "Major" in pane.model.index(0, 4).data()  # MAJOR column says so in words
    # "Major changes only" narrows the list and the count says so.
    qtbot.mouseClick(pane.major_only, Qt.MouseButton.LeftButton)
    assert 0 < pane.model.rowCount() < len(shown)
    assert all(pane.model.record(r).is_major_change for r in range(pane.model.rowCount()))
    assert " of " in pane.count.text()


@pytest.fixture(scope="module")
def some() -> Iterator[Sandbox]:
    with Sandbox(customers=24, seed=7, consented="some") as sandbox:
        yield sandbox


@pytest.fixture
def some_window(qtbot, qloop, some: Sandbox, launcher: Launcher) -> Iterator[MainWindow]:
    worker = Worker()
    backend = Backend.for_sandbox(some.url, ca_pem=some.ca_pem, concurrency=8)
    holder = holder_for(worker=worker, backend=backend, mode="sandbox", launcher=launcher)
    win = MainWindow(holder)
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.directory.loaded, timeout=20000):
        worker.spawn(win.load_customers())
    yield win
    win.cancel_sweep()
    win.close()
    worker.shutdown(wait=True)
    backend.close()


def test_a_customer_consented_before_the_message_center_is_allowed_again(
    qtbot, some: Sandbox, some_window: MainWindow
) -> None:
    # Consented with OLD_SCOPES in the sample data: every token for it lacks the new scope.
    tenant = next(
        c.tenant_id
        for c in some.data.customers
        if some.consent_outdated(c.tenant_id) and some.can_consent(c.tenant_id)
    )
    load(qtbot, some_window, row_of(some_window, lambda c: c.tenant_id == tenant))
    pane = some_window.messages
    assert some_window.health.state == "ready"  # health still reads with the old consent
    assert pane.state == "error"
    panel = pane._message
    assert panel.title.text() == "Partner Desk needs to be allowed again in this customer"
    assert "ServiceMessage.Read.All" in panel.detail.text()
    assert panel.action.isVisibleTo(pane)
    assert panel.action.text() == "Allow in this customer"
    qtbot.mouseClick(panel.action, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: pane.state == "ready", timeout=30000)
    assert pane.model.rowCount() == len(some.data.messages_of(tenant))
    assert not some.consent_outdated(tenant)


def test_the_dashboards_planned_changes(qtbot, qtmodeltester, qloop, sandbox: Sandbox) -> None:
    worker = Worker()
    backend = Backend.for_sandbox(sandbox.url, ca_pem=sandbox.ca_pem, concurrency=8)
    cache = Cache()
    holder = holder_for(worker=worker, backend=backend, cache=cache, source="sandbox:planned")
    customers = backend.customers().items
    try:
        dashboard = DashboardWindow(holder, HealthBoard(holder, lambda: customers, refresh_min=0))
        qtbot.addWidget(dashboard)
        dashboard.show()
        board = dashboard.planned
        dashboard.tabs.setCurrentWidget(dashboard.planned_view)  # the first look reads them
        qtbot.waitUntil(lambda: board.read_at is not None and not board.running, timeout=60000)
        view = dashboard.planned_view
        qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=5000)
        qtmodeltester.check(view.model)
        gdap = [c for c in sandbox.data.customers if c.has_gdap]
        expected = {m.id for c in gdap for m in sandbox.data.messages_of(c.tenant_id)}
        rows: list[PlannedChange] = [view.model.record(r) for r in range(view.model.rowCount())]
        assert [c.message.id for c in rows if c.message.id in expected] == [
            c.message.id for c in rows
        ]
        assert {c.message.id for c in rows} == expected  # each message once
        dated = [c for c in rows if c.message.action_required_by is not None]
        assert rows[: len(dated)] == dated  # action dates first
        assert len(board.failures) == len(sandbox.data.no_gdap_customers())
        # The selected change lists the customers it concerns, by name.
        top = view.view.currentIndex().data(RecordRole)
        assert isinstance(top, PlannedChange)
        told = sandbox.data.tenants_told(top.message.id)
        told = [c for c in told if c.has_gdap]  # the others cannot be read
        assert set(top.tenants) == {c.tenant_id for c in told}
        names = [view.customers.item(i).text() for i in range(view.customers.count())]
        assert sorted(names, key=str.casefold) == names
        assert set(names) == {c.company_name for c in told}
        assert view.model.index(0, 5).data() == str(len(told))
        # Enter on a name opens that customer in the main window.
        opened: list[str] = []
        dashboard.show_customer.connect(opened.append)
        view.customers.setCurrentRow(0)
        view.customers.itemActivated.emit(view.customers.item(0))
        assert opened == [view._tenants[0]]
        # The table is published again twice a second while a read runs: the same selected
        # post with the same customers rebuilds neither its page nor its customer list.
        shown = view.customers.count()
        with qtbot.assertNotEmitted(view.detail.textChanged):
            view.refresh()
        assert view.customers.count() == shown

        # The next start shows them from the cache before any sweep.
        again = PlannedChanges(holder, lambda: customers)
        with qtbot.waitSignal(again.changed, timeout=10000):
            worker.spawn(again.show_cached())
        assert {c.message.id for c in again.changes()} == expected
        assert again.read_at is not None
        cached = {c.message.id: sorted(c.tenants) for c in again.changes()}
        assert cached == {c.message.id: sorted(c.tenants) for c in board.changes()}
        dashboard.close()
    finally:
        worker.shutdown(wait=True)
        backend.close()
        cache.close()


def test_the_board_gives_one_notice_per_major_change_due(qtbot, qloop, sandbox: Sandbox) -> None:
    worker = Worker()
    backend = Backend.for_sandbox(sandbox.url, ca_pem=sandbox.ca_pem, concurrency=8)
    cache = Cache()
    holder = holder_for(worker=worker, backend=backend, cache=cache, source="sandbox:board")
    customers = backend.customers().items
    try:
        board = PlannedChanges(holder, lambda: customers)
        board.days_for = lambda: 3650  # every future action date counts
        given: list[list[object]] = []
        board.notices.connect(given.append)
        board.start()
        qtbot.waitUntil(lambda: bool(given), timeout=60000)
        (notices,) = given
        majors = {
            c.message.id: c.tenants
            for c in board.changes()
            if c.message.is_major_change
            and c.message.action_required_by is not None
            and c.message.action_required_by > sandbox.data.clock()
        }
        assert {n.issue_id: n.tenants for n in notices} == majors  # type: ignore[attr-defined]
        assert all(isinstance(c.message, ServiceMessage) for c in board.changes())
    finally:
        worker.shutdown(wait=True)
        backend.close()
        cache.close()


def test_the_notice_setting_in_the_dialog(qtbot) -> None:
    from desktop.config.settings import Settings
    from desktop.ui.dialogs.notice_settings import NoticeSettingsDialog

    dialog = NoticeSettingsDialog(Settings(), ["Exchange Online"], [("Every customer", "")])
    qtbot.addWidget(dialog)
    assert dialog.major_days.value() == 14
    dialog.major_days.setValue(0)
    assert dialog.major_days.text() == "Never"
    assert dialog.chosen().notify_major_days == 0
    dialog.major_days.setValue(30)
    assert dialog.chosen().notify_major_days == 30


def test_the_title_keeps_its_room_and_the_count_adds_up(
    qtbot, window: MainWindow, sandbox: Sandbox
) -> None:
    """At 1366x768 (the German walk) long categories and headers squeezed the title to a few
    letters; "9 of 17 shown · 11 with an action date" counted dates the filter hid."""
    window.resize(1366, 740)
    target = max(
        (c for c in sandbox.data.customers if c.has_gdap),
        key=lambda c: len(sandbox.data.messages_of(c.tenant_id)),
    )
    window.tabs.setCurrentWidget(window.messages)
    load(qtbot, window, row_of(window, lambda c: c.tenant_id == target.tenant_id))
    pane = window.messages
    columns = columns_of(pane.view)
    assert columns is not None
    width = pane.view.viewport().width()
    qtbot.waitUntil(lambda: columns.width(TITLE) >= 0.39 * width, timeout=5000)
    assert all(columns.is_shown(c) for c in FITTED)
    assert sum(columns.width(c) for c in FITTED) <= 0.61 * width + 1
    char = pane.view.fontMetrics().averageCharWidth()
    assert all(columns.width(c) >= 5 * char for c in FITTED)  # none squeezed away
    pane.major_only.setChecked(True)
    shown = [pane.model.record(r) for r in range(pane.model.rowCount())]
    assert 0 < len(shown) < len(pane.model.all_records())
    due = sum(1 for m in shown if m.action_required_by is not None)
    assert f"{len(shown)} of {len(pane.model.all_records())} shown" in pane.count.text()
    assert f" · {due} with an action date" in pane.count.text()


def test_a_passed_action_date_says_so_in_the_post_too(
    qtbot, window: MainWindow, sandbox: Sandbox
) -> None:
    now = sandbox.data.clock()

    def has_passed(customer) -> bool:
        return any(
            m.action_by is not None and m.action_by < now
            for m in sandbox.data.messages_of(customer.tenant_id)
        )

    target = next(c for c in sandbox.data.customers if c.has_gdap and has_passed(c))
    load(qtbot, window, row_of(window, lambda c: c.tenant_id == target.tenant_id))
    pane = window.messages
    row = next(
        r
        for r in range(pane.model.rowCount())
        if (when := pane.model.record(r).action_required_by) is not None and when < now
    )
    pane.view.selectRow(row)
    assert pane.model.index(row, ACTION_BY).data().endswith("(passed)")
    assert "(passed)" in pane.model.index(row, ACTION_BY).data(Qt.ItemDataRole.ToolTipRole)
    facts = pane.detail.toPlainText().split("\n")
    label = facts.index("Action required by")
    assert facts[label + 1].endswith("(passed)"), facts[label : label + 2]


def test_each_link_of_a_post_shows_once(qtbot, window: MainWindow, sandbox: Sandbox) -> None:
    target = next(c for c in sandbox.data.customers if c.has_gdap)
    load(qtbot, window, row_of(window, lambda c: c.tenant_id == target.tenant_id))
    pane = window.messages
    assert pane.model.rowCount()
    for row in range(pane.model.rowCount()):
        pane.view.selectRow(row)
        links = re.findall(r'href="([^"]+)"', pane.detail.toHtml())
        assert links, "every sandbox post links Microsoft's article"
        assert len(links) == len(set(links)), links


def test_a_post_whose_details_repeat_its_body_link_lists_it_once(qapp, backend: Backend) -> None:
    page = "https://learn.microsoft.com/microsoft-365/admin/manage/message-center"
    other = "https://learn.microsoft.com/exchange/permissions-exo/application-rbac"
    message = ServiceMessage.from_json(
        {
            "id": "MC1",
            "title": "A change",
            "body": {"contentType": "Html", "content": f'<p>See <a href="{page}">{page}</a></p>'},
            "details": [
                {"name": "ExternalLink", "value": page},
                {"name": "ExternalLink", "value": other},
                {"name": "ExternalLink", "value": other},
            ],
        }
    )
    shown = message_html(backend, QPalette(), message)
    assert re.findall(r'href="([^"]+)"', shown) == [page, other]


def test_the_tab_shows_that_it_loads(qtbot, some: Sandbox, some_window: MainWindow) -> None:
    """While Graph answers (and, for a customer whose consent predates the message center,
    while the token is checked), the tab says it is loading, never shows an empty pane."""
    tenant = next(c.tenant_id for c in some.data.customers if some.consent_outdated(c.tenant_id))
    customer = next(c for c in some_window.customers.model.all_records() if c.tenant_id == tenant)
    pane = some_window.messages
    some_window.tabs.setCurrentWidget(pane)
    pane.set_customer(customer)
    assert pane.state == "loading"
    assert pane._stack.currentWidget() is pane._loading
    assert pane._loading.isVisible()
    assert pane._loading.text() == "Loading…"
    qtbot.waitUntil(lambda: pane.state == "error", timeout=20000)
    assert pane._message.isVisible()
    assert pane._message.title.text()


def test_without_gdap_each_tab_names_the_roles_it_needs(
    qtbot, window: MainWindow, sandbox: Sandbox
) -> None:
    blocked = {c.tenant_id for c in sandbox.data.customers if not c.has_gdap}
    load(qtbot, window, row_of(window, lambda c: c.tenant_id in blocked))
    planned = window.messages._message
    assert window.messages.state == "error"
    assert "GDAP" in planned.title.text()
    assert "Message Center Reader, Global Reader" in planned.detail.text()
    assert "Service Support Administrator" not in planned.detail.text()
    health = window.health._message.detail.text()
    assert "Service Support Administrator, Global Reader" in health


@pytest.mark.parametrize("language", ["zh_TW"], indirect=True)
def test_without_gdap_the_explanation_is_translated(
    language, qtbot, window: MainWindow, sandbox: Sandbox
) -> None:
    blocked = {c.tenant_id for c in sandbox.data.customers if not c.has_gdap}
    load(qtbot, window, row_of(window, lambda c: c.tenant_id in blocked))
    message = window.messages._message
    assert message.title.text().startswith("沒有此客戶")
    detail = message.detail.text()
    assert "Message Center Reader, Global Reader" in detail  # Microsoft's role names
    assert "GDAP" in detail
    for english in ("Your ", "Ask ", "account", "relationship"):
        assert english not in detail
    # A token refused by Entra (AADSTS50020) is explained in the same words, its code kept.
    refused = explain(from_msal_result({"error_codes": [50020]}), "x", MESSAGE_CENTER_ROLES)
    assert "(AADSTS50020)" in refused.detail
    assert "Message Center Reader" in refused.detail
    for english in ("Your ", "Ask ", "account", "relationship"):
        assert english not in refused.detail


@pytest.mark.parametrize("language", ["zh_TW"], indirect=True)
def test_chinese_says_overdue_for_a_passed_action_date(
    language, qtbot, window: MainWindow, sandbox: Sandbox
) -> None:
    now = sandbox.data.clock()
    target = next(
        c
        for c in sandbox.data.customers
        if c.has_gdap
        and any(m.action_by and m.action_by < now for m in sandbox.data.messages_of(c.tenant_id))
    )
    load(qtbot, window, row_of(window, lambda c: c.tenant_id == target.tenant_id))
    pane = window.messages
    texts = [pane.model.index(r, ACTION_BY).data() for r in range(pane.model.rowCount())]
    assert any(t.endswith("(已逾期)") for t in texts)
    assert not any("已過期" in t for t in texts)


@pytest.mark.parametrize("language", ["zh_TW"], indirect=True)
def test_chinese_counts_customers_read_and_unread_alike(
    language, qtbot, qloop, sandbox: Sandbox
) -> None:
    """ "已讀取 118 位客戶 · 132 個無法讀取" mixed measure words for the same customers."""
    worker = Worker()
    backend = Backend.for_sandbox(sandbox.url, ca_pem=sandbox.ca_pem, concurrency=8)
    cache = Cache()
    holder = holder_for(worker=worker, backend=backend, cache=cache, source="sandbox:zh")
    customers = backend.customers().items
    try:
        dashboard = DashboardWindow(holder, HealthBoard(holder, lambda: customers, refresh_min=0))
        qtbot.addWidget(dashboard)
        dashboard.show()
        board = dashboard.planned
        dashboard.tabs.setCurrentWidget(dashboard.planned_view)
        qtbot.waitUntil(lambda: board.read_at is not None and not board.running, timeout=60000)
        assert board.failures
        text = dashboard.planned_view.status.text()
        assert f"已讀取 {len(board.index)} 位客戶" in text
        assert f"{len(board.failures)} 位無法讀取" in text
        dashboard.close()
    finally:
        worker.shutdown(wait=True)
        backend.close()
        cache.close()
