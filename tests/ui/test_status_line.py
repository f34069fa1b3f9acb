"""Status-bar lines that do not outlive the customer they were about."""

from __future__ import annotations

from desktop.domain.customers import PortalLink
from desktop.sandbox import Sandbox
from desktop.ui.main_window import MainWindow
from tests.ui.test_main_window import load
from tests.ui.test_portals_translated import customer_row, portal_row


def test_a_status_line_goes_with_the_customer_it_was_about(
    qtbot, window: MainWindow, sandbox: Sandbox, launcher
) -> None:
    load(qtbot, window, customer_row(window, sandbox, sharepoint_listed=True))
    pane = window.portals
    link = pane.model.record(portal_row(window, "m365"))
    assert isinstance(link, PortalLink)
    task = window.holder.worker.spawn(pane.open_link(link))
    qtbot.waitUntil(task.done, timeout=5000)
    bar = window.statusBar()
    assert bar.currentMessage() == "Opened Microsoft 365 admin center in your browser."
    # Another customer: the line about the first one goes.
    load(qtbot, window, customer_row(window, sandbox, sharepoint_listed=False))
    assert bar.currentMessage() == ""
    # The customer list's own state stays until it changes.
    window.show_status("Showing the list as of 5 minutes ago; refreshing…", lasting=True)
    load(qtbot, window, customer_row(window, sandbox, sharepoint_listed=True))
    assert bar.currentMessage() == "Showing the list as of 5 minutes ago; refreshing…"
