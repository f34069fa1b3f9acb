"""Opening a customer from elsewhere (the dashboard, all requests, a notice) shows that customer,
also when the main list's search hides it (issue 18, defect 1)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.ui.main_window import MainWindow
from tests.ui.driving import select_row


def test_opening_a_customer_the_search_hides_shows_that_customer(qtbot, window: MainWindow):
    model = window.customers.model
    customers = model.all_records()
    first, other = customers[0], customers[-1]
    assert first.company_name != other.company_name
    window.customers.search.setText(first.company_name)
    qtbot.waitUntil(lambda: model.row_of(other.tenant_id) is None, timeout=5000)
    select_row(window, model.row_of(first.tenant_id))
    assert window.current_customer() == first

    window.select_tenant(other.tenant_id)  # as the dashboard's "open customer" does
    qtbot.waitUntil(lambda: window.current_customer() == other, timeout=5000)
    qtbot.wait(100)  # what the search's reset left queued has run
    assert window.current_customer() == other
    assert window.customers.search.text() == ""
    # The search's end is said, and the row is scrolled into view (the last of the list).
    assert "Search cleared" in window.status.currentMessage()
    view = window.customers.view
    row = view.currentIndex().row()
    assert view.visualRect(view.model().index(row, 0)).intersects(view.viewport().rect())
    # The tabs load the customer on screen, not the one before it.
    qtbot.waitUntil(lambda: window.health.customer == other, timeout=5000)


def test_esc_in_the_search_clears_it_and_leaves_the_health_check_running(qtbot, window: MainWindow):
    """Issue 18, defect 14: the window's Esc ("Stop loading") stopped every customer's check."""
    board = window.sweep.board
    qtbot.waitUntil(lambda: not board.running, timeout=30000)
    window.raise_()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    search = window.customers.search
    search.setFocus()
    qtbot.keyClicks(search, "a")
    board.start()
    assert board.running
    qtbot.keyClick(search, Qt.Key.Key_Escape)
    assert search.text() == ""
    assert board.running
    qtbot.keyClick(search, Qt.Key.Key_Escape)  # an empty search: still the field's
    assert board.running
    with qtbot.waitSignal(board.finished, timeout=30000) as ended:
        pass
    assert ended.args == [False]  # it ran to its end, not stopped
