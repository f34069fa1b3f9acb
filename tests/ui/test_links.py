"""Every link: opened only when the browser really started (else said so, with the link to copy),
Copy link and Open in a private window from its menu, Ctrl+C in the portals list, and nothing
outside the allow-list ever reaching the opener, private window included.

The launcher is the app's own (`system_browser`), running fake programs on PATH
(tests/browsers.py): a real subprocess and its real exit status, never a real browser."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent, QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QLineEdit, QMenu, QWidget

from desktop.domain.customers import PortalLink
from desktop.qt.models.portals import portal_name
from desktop.qt.session import SessionHolder, system_browser
from desktop.sandbox import Sandbox
from desktop.ui.panes.portals import PortalsPane
from desktop.ui.widgets.announce import announcements
from desktop.ui.widgets.html_view import SafeTextBrowser
from desktop.ui.widgets.link_actions import LaunchFailedDialog, wire_text_links
from tests.browsers import FakeDesktop
from tests.ui.test_new_request import fill, open_dialog, ran

pytestmark = pytest.mark.skipif(
    sys.platform in ("win32", "darwin"), reason="the fakes stand in for xdg-open, xdg-settings"
)


@pytest.fixture
def launcher():
    """The app's real launcher (conftest's `holder` takes it): the fakes decide its verdict."""
    return system_browser


@pytest.fixture
def pane(qtbot, holder: SessionHolder, sandbox: Sandbox) -> PortalsPane:
    """The portals of a customer with GDAP, loaded from the sandbox."""
    with_gdap = {c.tenant_id for c in sandbox.data.customers if c.has_gdap}
    customers = holder.session.backend.customers().items
    customer = next(c for c in customers if c.tenant_id in with_gdap)
    portals = PortalsPane(holder)
    qtbot.addWidget(portals)
    portals.show()
    with qtbot.waitSignal(portals.settled, timeout=20000):
        portals.set_customer(customer)
    assert portals.state == "ready"
    return portals


def row_of(pane: PortalsPane, portal_id: str) -> int:
    return next(
        r for r in range(pane.model.rowCount()) if pane.model.record(r).portal_id == portal_id
    )


def said(qtbot, pane: PortalsPane, coro) -> str:
    """The status line the pane gave; a screen reader was told the same (issue 21: opening a
    portal was silent), assertively when the link did not open."""
    messages: list[str] = []
    spoken: list[tuple[str, bool]] = []
    pane.status_message.connect(messages.append)

    def heard(_widget: QWidget, text: str, loud: bool) -> None:
        spoken.append((text, loud))

    announcements().made.connect(heard)
    try:
        task = pane.holder.worker.spawn(coro)
        qtbot.waitUntil(task.done, timeout=10000)
    finally:
        announcements().made.disconnect(heard)
    assert task.exception() is None
    assert spoken == [(messages[-1], "was not opened" in messages[-1])]
    return messages[-1]


def shown_link_boxes() -> list[str]:
    """The links shown to copy in open windows: read-only boxes of visible dialogs."""
    return [
        box.text()
        for window in QApplication.topLevelWidgets()
        if isinstance(window, QDialog) and window.isVisible()
        for box in window.findChildren(QLineEdit)
        if box.window() is window and box.isReadOnly() and box.text().startswith("https://")
    ]


def close_dialogs() -> None:
    for window in QApplication.topLevelWidgets():
        if isinstance(window, QDialog) and window.isVisible():
            window.close()


def test_a_failed_launch_says_so_and_offers_the_link(qtbot, pane, tmp_path, monkeypatch) -> None:
    fake = FakeDesktop(tmp_path).install(monkeypatch, code=3)  # xdg-open: no browser
    link = pane.model.record(row_of(pane, "exchange"))
    message = said(qtbot, pane, pane.open_link(link))
    assert fake.opened() == [[link.url]]
    assert message == f"{portal_name(link)} was not opened: the browser did not start."
    assert shown_link_boxes() == [link.url]
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, LaunchFailedDialog))
    QGuiApplication.clipboard().clear()
    qtbot.mouseClick(dialog.copy, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == link.url
    close_dialogs()


def test_a_launch_that_worked_says_opened(qtbot, pane, tmp_path, monkeypatch) -> None:
    fake = FakeDesktop(tmp_path).install(monkeypatch, code=0)
    link = pane.model.record(row_of(pane, "exchange"))
    message = said(qtbot, pane, pane.open_link(link))
    assert fake.opened() == [[link.url]]
    assert message == f"Opened {portal_name(link)} in your browser."
    assert shown_link_boxes() == []


def test_ctrl_c_in_the_portals_list_copies_the_link(qtbot, pane) -> None:
    row = row_of(pane, "entra")
    pane.view.setFocus()
    pane.view.selectRow(row)
    QGuiApplication.clipboard().clear()
    qtbot.keyClick(pane.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == pane.model.record(row).url


def open_menu(view: QWidget, pos: QPoint) -> QMenu:
    """The context menu a right click at `pos` (in `view`) opens."""
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, view.mapToGlobal(pos))
    QApplication.sendEvent(view, event)
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu), "no context menu opened"
    return menu


def action(menu: QMenu, text: str):
    found = [a for a in menu.actions() if a.text().replace("&", "") == text]
    assert found, f"no {text!r} in {[a.text() for a in menu.actions()]}"
    return found[0]


@pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")  # offscreen
def test_the_portal_menu_copies_and_opens_privately(
    qtbot, pane, holder: SessionHolder, tmp_path, monkeypatch
) -> None:
    fake = FakeDesktop(tmp_path).install(monkeypatch).with_default(monkeypatch, "firefox.desktop")
    task = holder.worker.spawn(holder.detect_browser())
    qtbot.waitUntil(task.done, timeout=10000)
    row = row_of(pane, "exchange")
    link = pane.model.record(row)
    rect = pane.view.visualRect(pane.view.model().index(row, 0))
    menu = open_menu(pane.view.viewport(), rect.center())
    QGuiApplication.clipboard().clear()
    action(menu, "Copy link").trigger()
    assert QGuiApplication.clipboard().text() == link.url
    private = action(menu, "Open in a private window")
    assert private.isEnabled()
    messages: list[str] = []
    pane.status_message.connect(messages.append)
    private.trigger()
    menu.close()
    qtbot.waitUntil(lambda: bool(messages), timeout=10000)
    assert fake.browser_calls() == [["--new-window", "--private-window", link.url]]
    assert fake.opened() == []
    assert messages == [f"Opened {portal_name(link)} in a private window."]


def test_no_private_window_without_a_known_browser(qtbot, pane, tmp_path, monkeypatch) -> None:
    FakeDesktop(tmp_path).install(monkeypatch).with_default(
        monkeypatch, "org.gnome.Epiphany.desktop"
    )
    task = pane.holder.worker.spawn(pane.holder.detect_browser())
    qtbot.waitUntil(task.done, timeout=10000)
    menu = pane.link_menu(pane.model.index(row_of(pane, "exchange"), 0))
    # Greyed out, and saying why.
    unknown = "Open in a private window (your default browser is not one we know)"
    assert not action(menu, unknown).isEnabled()
    assert action(menu, "Copy link").isEnabled()


def test_a_disallowed_link_never_reaches_the_opener(
    qtbot, pane, holder: SessionHolder, tmp_path, monkeypatch
) -> None:
    fake = FakeDesktop(tmp_path).install(monkeypatch).with_default(monkeypatch, "firefox.desktop")
    task = holder.worker.spawn(holder.detect_browser())
    qtbot.waitUntil(task.done, timeout=10000)
    forged = PortalLink("x", "Lighthouse", "", "https://lighthouse.microsoft.com")
    evil = PortalLink("y", "Evil", "", "https://evil.example/admin")
    for private in (False, True):
        for link in (forged, evil):
            message = said(qtbot, pane, pane.open_link(link, private=private))
            assert "was not opened" in message
        for url in ("http://admin.microsoft.com/", "https://evil.example/", "javascript:x"):
            task = holder.worker.spawn(holder.open_link(url, private=private))
            qtbot.waitUntil(task.done, timeout=10000)
            assert task.result().refused
    assert fake.opened() == []
    assert fake.browser_calls() == []
    assert shown_link_boxes() == []


POST = (
    '<p>See <a href="https://admin.microsoft.com/Adminportal/Home#/servicehealth">'
    "the health page</a> now.</p>"
)


@pytest.fixture
def post(qtbot, holder: SessionHolder) -> tuple[SafeTextBrowser, list[str]]:
    view = SafeTextBrowser()
    messages: list[str] = []
    wire_text_links(view, holder, messages.append)
    qtbot.addWidget(view)
    view.resize(600, 200)
    view.show()
    view.setHtml(POST)
    return view, messages


def link_pos(view: SafeTextBrowser) -> QPoint:
    cursor = view.document().find("health page")
    return view.cursorRect(cursor).center()


@pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")  # offscreen
def test_a_link_in_a_post_has_copy_link_and_private_window(
    qtbot, post, holder: SessionHolder, tmp_path, monkeypatch
) -> None:
    view, messages = post
    fake = (
        FakeDesktop(tmp_path)
        .install(monkeypatch)
        .with_default(monkeypatch, "google-chrome.desktop")
    )
    task = holder.worker.spawn(holder.detect_browser())
    qtbot.waitUntil(task.done, timeout=10000)
    menu = open_menu(view.viewport(), link_pos(view))
    QGuiApplication.clipboard().clear()
    action(menu, "Copy link").trigger()
    url = "https://admin.microsoft.com/Adminportal/Home#/servicehealth"
    assert QGuiApplication.clipboard().text() == url
    action(menu, "Open in a private window").trigger()
    menu.close()
    qtbot.waitUntil(lambda: bool(messages), timeout=10000)
    assert fake.browser_calls() == [["--new-window", "--incognito", url]]
    assert messages == ["Opened in a private window."]


def test_a_link_in_a_post_that_does_not_open_is_offered(qtbot, post, tmp_path, monkeypatch) -> None:
    view, messages = post
    fake = FakeDesktop(tmp_path).install(monkeypatch, code=3)
    pos = link_pos(view)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.waitUntil(lambda: bool(messages), timeout=10000)
    url = "https://admin.microsoft.com/Adminportal/Home#/servicehealth"
    assert fake.opened() == [[url]]
    assert messages == ["The link was not opened: the browser did not start."]
    assert shown_link_boxes() == [url]
    close_dialogs()


def test_microsofts_form_that_does_not_open_says_so(
    qtbot, holder: SessionHolder, sandbox: Sandbox, tmp_path, monkeypatch
) -> None:
    fake = FakeDesktop(tmp_path).install(monkeypatch, code=3)
    dialog = open_dialog(qtbot, holder, sandbox)
    fill(qtbot, dialog, "A form that does not open")
    ran(qtbot, dialog, dialog.open_form())
    [[url]] = fake.opened()
    assert "is open in your browser" not in dialog.status.text()
    assert "did not open: the browser did not start" in dialog.status.text()
    assert shown_link_boxes() == [url]
    close_dialogs()


def test_links_in_the_dashboards_posts_open(qtbot, window, tmp_path, monkeypatch) -> None:
    """The dashboard's incident and partner-level posts: their links opened nothing before."""
    fake = FakeDesktop(tmp_path).install(monkeypatch, code=0)
    qtbot.waitUntil(lambda: not window.sweep.running, timeout=30000)
    dashboard = window.show_dashboard()
    url = "https://admin.microsoft.com/Adminportal/Home#/servicehealth"
    for view in (dashboard.detail, dashboard.partner.detail):
        view.setHtml(POST)
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=link_pos(view))
    qtbot.waitUntil(lambda: len(fake.opened()) == 2, timeout=10000)
    assert fake.opened() == [[url], [url]]
    # No customer here: a SharePoint link is refused, and the line beside the counts says so.
    dashboard.detail.setHtml('<a href="https://contoso.sharepoint.com/x">SharePoint</a>')
    cursor = dashboard.detail.document().find("SharePoint")
    pos = dashboard.detail.cursorRect(cursor).center()
    qtbot.mouseClick(dashboard.detail.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.waitUntil(lambda: "was not opened" in dashboard.summary.text(), timeout=10000)
    assert len(fake.opened()) == 2
    dashboard.close()


@pytest.mark.parametrize("language", ["zh_TW"], indirect=True)
def test_the_failed_launch_without_a_name_reads_whole_in_chinese(qtbot, language) -> None:
    """ "the link" set into the sentence read "開啟 連結：", the space left for a Latin name."""
    unnamed = LaunchFailedDialog("https://admin.microsoft.com/", "")
    named = LaunchFailedDialog("https://admin.microsoft.com/", "Microsoft 365 admin center")
    for dialog in (unnamed, named):
        qtbot.addWidget(dialog)
    said = {d: next(label.text() for label in d.findChildren(QLabel)) for d in (unnamed, named)}
    assert "開啟連結：" in said[unnamed]
    assert "開啟 Microsoft 365 admin center：" in said[named]
