"""The whole mission without a mouse: keys only (QTest.keyClick/keyClicks), no mouse events.

Every key goes to the widget that has the keyboard focus, as a real key press does; shortcuts
and mnemonics are dispatched by Qt from there. Find a customer (Ctrl+F, type, Down), open each
tab (Alt+O/H/I/P/S), open a portal (Enter), escalate an incident (Alt+E) and file the service
request (Ctrl+Enter opens Microsoft's form; Alt+Q, the number and Return mark it filed), then the
dashboard (Ctrl+D): stop its sweep (Esc), run it again (Alt+C), stop it (Alt+S), and open a
customer from its grid (Tab, Enter).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from desktop.domain.customers import PortalLink
from desktop.domain.health import HealthIssue
from desktop.qt.models.table import RecordRole
from desktop.qt.worker import Worker
from desktop.sandbox import Sandbox
from desktop.services.backend import Backend
from desktop.store import DraftStore
from desktop.ui.dialogs.new_request import NewRequestDialog
from desktop.ui.main_window import MainWindow
from tests.ui.driving import holder_for

Key = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture(scope="module")
def slow_sandbox() -> Iterator[Sandbox]:
    """Slow enough that a sweep is still running when Esc arrives."""
    with Sandbox(customers=40, seed=7, latency_ms=40, consented="all") as sb:
        yield sb


@pytest.fixture
def keyboard_window(qtbot, qloop, slow_sandbox: Sandbox, launcher) -> Iterator[MainWindow]:
    worker = Worker()
    backend = Backend.for_sandbox(slow_sandbox.url, concurrency=4)
    drafts = DraftStore()  # the test's own data folder (tests/conftest.py)
    holder = holder_for(worker, backend, launcher, mode="sandbox", drafts=drafts)
    window = MainWindow(holder)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.directory.loaded, timeout=20000):
        holder.worker.spawn(window.load_customers())
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    yield window
    window.cancel_sweep()
    if window.sweep.dashboard is not None:
        window.sweep.dashboard.stop_sweep()
    window.close()
    worker.shutdown(wait=True)
    backend.close()
    drafts.close()


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """A key press where the keyboard focus is, as the user's keyboard sends it."""
    QTest.keyClick(focused(), key, modifier)


def tab_until(target: QWidget, limit: int = 12) -> None:
    for _ in range(limit):
        if focused() is target:
            return
        press(Key.Key_Tab)
    assert focused() is target, f"Tab never reached {target!r}; stopped at {focused()!r}"


def test_the_mission_by_keyboard_alone(qtbot, keyboard_window: MainWindow, slow_sandbox, launcher):
    window = keyboard_window
    data = slow_sandbox.data
    target = max(
        (c for c in data.customers if c.has_gdap),
        key=lambda c: sum(1 for i in data.issue_objects(c.tenant_id) if i.active),
    )

    # Find the customer: Ctrl+F, type part of its domain, Down into the list.
    press(Key.Key_F, CTRL)
    assert focused() is window.customers.search
    QTest.keyClicks(focused(), target.domain.split(".")[0])
    press(Key.Key_Down)
    assert focused() is window.customers.view
    assert window.customers.current_customer().tenant_id == target.tenant_id
    qtbot.waitUntil(
        lambda: all(p.customer is not None and p.state == "ready" for p in window.panes()),
        timeout=20000,
    )

    # Each tab by its mnemonic; the cursor lands in the tab's view.
    for key, pane in (
        (Key.Key_O, window.overview),
        (Key.Key_H, window.health),
        (Key.Key_I, window.incidents),
        (Key.Key_P, window.portals),
        (Key.Key_S, window.requests),
    ):
        press(key, ALT)
        assert window.tabs.currentWidget() is pane
        qtbot.waitUntil(lambda pane=pane: focused() is pane.view, timeout=2000)

    # A portal: Alt+P, Down to Exchange, Enter.
    press(Key.Key_P, ALT)
    qtbot.waitUntil(lambda: focused() is window.portals.view, timeout=2000)
    for _ in range(window.portals.model.rowCount()):
        link = window.portals.view.currentIndex().data(RecordRole)
        if isinstance(link, PortalLink) and link.portal_id == "exchange":
            break
        press(Key.Key_Down)
    press(Key.Key_Return)
    qtbot.waitUntil(lambda: bool(launcher.opened), timeout=5000)
    assert launcher.opened == [
        f"https://admin.cloud.microsoft/exchange?delegatedOrg={target.domain}"
    ]

    # Escalate the first active incident: Alt+I, Alt+E, then the form by keys.
    press(Key.Key_I, ALT)
    qtbot.waitUntil(lambda: focused() is window.incidents.view, timeout=2000)
    issue = window.incidents.view.currentIndex().data(RecordRole)
    assert isinstance(issue, HealthIssue)
    press(Key.Key_E, ALT)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeWindow(), NewRequestDialog), timeout=5000)
    dialog = QApplication.activeWindow()
    assert isinstance(dialog, NewRequestDialog)
    assert issue.id in dialog.description.toPlainText()
    # Its description's sections are to be filled in (issue 18): Alt+D, then typed over.
    press(Key.Key_D, ALT)  # &Description
    assert focused() is dialog.description
    press(Key.Key_A, CTRL)
    for line in (
        f"Microsoft incident {issue.id} hits this customer.",
        "What we see at the customer:",
        "Mail waits 20 minutes in the queue.",
        "Who is affected:",
        "All 40 users.",
        "What was tried:",
        "Restarted Outlook; no change.",
    ):
        QTest.keyClicks(focused(), line)
        press(Key.Key_Return)
    press(Key.Key_E, ALT)  # Contact &e-mail
    assert focused() is dialog.contact_email
    QTest.keyClicks(focused(), "ops@contoso.example")
    # Ctrl+Enter: the text to the clipboard, Microsoft's form for this customer in the browser.
    opened = len(launcher.opened)
    press(Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: len(launcher.opened) == opened + 1, timeout=10000)
    assert launcher.opened[-1].startswith("https://admin.cloud.microsoft/?delegatedOrg=")
    assert target.domain in launcher.opened[-1]
    qtbot.waitUntil(lambda: focused() is dialog.number, timeout=5000)  # then the number
    press(Key.Key_Q, ALT)  # Microsoft's re&quest number
    assert focused() is dialog.number
    QTest.keyClicks(focused(), "2412010040001234")
    with qtbot.waitSignal(dialog.filed, timeout=20000) as filed:
        press(Key.Key_Return)
    recorded = filed.args[0]
    assert recorded.number == "2412010040001234"
    assert recorded.title == dialog.draft.title
    assert window.holder.session.drafts is not None
    assert window.holder.session.drafts.filed_for(target.tenant_id) == [recorded]
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)

    # The dashboard: Ctrl+D shows what the list's sweep found, Alt+C checks everyone again,
    # Esc stops it.
    qtbot.waitUntil(lambda: not window.sweep.running, timeout=60000)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    press(Key.Key_D, CTRL)
    qtbot.waitUntil(lambda: window.sweep.dashboard is not None, timeout=5000)
    dashboard = window.sweep.dashboard
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dashboard, timeout=5000)
    assert not dashboard.running
    assert dashboard.grid.rowCount() == len(window.customers.model.all_records())
    press(Key.Key_C, ALT)
    qtbot.waitUntil(lambda: dashboard.running, timeout=2000)
    with qtbot.waitSignal(dashboard.sweep_done, timeout=10000) as stopped:
        press(Key.Key_Escape)
    assert stopped.args == [True]
    assert not dashboard.running
    # Run it again (Alt+C), stop it with its button's mnemonic (Alt+S). A mnemonic "animates"
    # its button: the click comes 100 ms later.
    press(Key.Key_C, ALT)
    qtbot.waitUntil(lambda: dashboard.running, timeout=2000)
    with qtbot.waitSignal(dashboard.sweep_done, timeout=10000) as stopped:
        press(Key.Key_S, ALT)
    assert stopped.args == [True]
    # Run it to the end, then open a customer from the grid: Tab to it, Enter.
    with qtbot.waitSignal(dashboard.sweep_done, timeout=60000) as finished:
        press(Key.Key_C, ALT)
    assert finished.args == [False]
    tab_until(dashboard.grid_view)
    press(Key.Key_Down)
    chosen = dashboard.grid_view.currentIndex().data(RecordRole)
    press(Key.Key_Return)
    qtbot.waitUntil(lambda: window.customers.current_tenant == chosen.tenant_id, timeout=5000)
