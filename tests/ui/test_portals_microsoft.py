"""The portals tab with Microsoft's own links: Lighthouse opens from Microsoft's answer; the same
address from anywhere else does not."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.domain.customers import PortalLink
from desktop.sandbox import Sandbox
from desktop.ui.main_window import MainWindow
from tests.ui.test_main_window import gdap_row, load


def test_lighthouse_from_microsofts_answer_opens(
    qtbot, window: MainWindow, sandbox: Sandbox, launcher
) -> None:
    load(qtbot, window, gdap_row(window, sandbox))
    pane = window.portals
    links = [pane.model.record(r) for r in range(pane.model.rowCount())]
    row = next(r for r, link in enumerate(links) if link.name == "Microsoft 365 Lighthouse")
    assert links[row].from_microsoft
    window.tabs.setCurrentWidget(pane)
    pane.view.setFocus()
    pane.view.selectRow(row)
    assert "Microsoft's own link" in pane.note.text()
    qtbot.keyClick(pane.view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(launcher.opened), timeout=5000)
    assert launcher.opened == ["https://lighthouse.microsoft.com"]


def test_the_same_address_not_from_microsoft_is_refused(
    qtbot, window: MainWindow, sandbox: Sandbox, launcher
) -> None:
    load(qtbot, window, gdap_row(window, sandbox))
    pane = window.portals
    forged = PortalLink("x", "Lighthouse", "", "https://lighthouse.microsoft.com")
    messages: list[str] = []
    pane.status_message.connect(messages.append)
    task = window.holder.worker.spawn(pane.open_link(forged))
    qtbot.waitUntil(task.done, timeout=2000)
    assert task.exception() is None
    assert "Microsoft's own answer" in messages[0]
    assert launcher.opened == []
