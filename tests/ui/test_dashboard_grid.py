"""The dashboard's grid with many services (issue 18, defect 15): the customer column stays
put while the services scroll by, the service headers are readable, the sort arrow is shown
only while the rows are in its order, and a healthy customer reads "OK"."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt

from desktop.domain.enums import Severity
from desktop.qt.models.dashboard import AFFECTED, FIRST_SERVICE, NAME
from desktop.qt.models.table import RecordRole
from desktop.qt.words import severity_word
from desktop.sandbox import Sandbox
from desktop.ui.main_window import MainWindow
from desktop.ui.windows.dashboard import DashboardWindow


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    """Answers slow enough that the grid is published while the sweep still runs."""
    with Sandbox(customers=40, seed=7, consented="all", latency_ms=300) as sb:
        yield sb


def swept_dashboard(qtbot, window: MainWindow) -> DashboardWindow:
    qtbot.waitUntil(lambda: not window.sweep.board.running, timeout=30000)
    dashboard = window.show_dashboard()
    qtbot.waitUntil(lambda: not dashboard.running, timeout=30000)
    dashboard.resize(900, 600)  # narrow: the services run off to the right
    qtbot.waitExposed(dashboard)
    return dashboard


def test_the_customer_column_stays_while_scrolling_right(qtbot, window: MainWindow):
    dashboard = swept_dashboard(qtbot, window)
    view = dashboard.grid_view
    bar = view.horizontalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=5000)
    bar.setValue(bar.maximum())
    # The main view's own customer column has scrolled away...
    assert view.columnViewportPosition(NAME) < 0
    # ...and what sits at the grid's left edge is the frozen customer column, row for row.
    frozen = view.frozen
    assert frozen.isVisible()
    assert frozen.focusPolicy() == Qt.FocusPolicy.NoFocus  # the keyboard stays on the grid
    y = view.rowViewportPosition(2) + 2
    at = view.viewport().mapTo(view, QPoint(4, y))
    assert view.childAt(at) is frozen.viewport()
    left = frozen.indexAt(frozen.viewport().mapFrom(view, at))
    assert left.column() == NAME
    assert left.data(RecordRole) is view.indexAt(QPoint(view.viewport().width() - 4, y)).data(
        RecordRole
    )
    # Its header too: "Customer" over the names, not the services scrolled beneath it.
    top = QPoint(view.frameWidth() + 4, view.horizontalHeader().height() // 2)
    assert view.childAt(top) in (frozen.horizontalHeader(), frozen.horizontalHeader().viewport())
    # Scrolled down, it follows; the selection is one.
    view.verticalScrollBar().setValue(3)
    assert frozen.verticalScrollBar().value() == 3
    view.setFocus()
    view.selectRow(4)
    assert frozen.selectionModel() is view.selectionModel()
    assert frozen.columnWidth(NAME) == view.columnWidth(NAME)
    assert all(frozen.isColumnHidden(c) for c in range(AFFECTED, view.model().columnCount()))


def test_every_service_header_is_readable_whole(qtbot, window: MainWindow):
    dashboard = swept_dashboard(qtbot, window)
    view = dashboard.grid_view
    grid = dashboard.grid
    header = view.horizontalHeader()
    metrics = header.fontMetrics()
    columns = range(FIRST_SERVICE, grid.columnCount())
    services = [grid.headerData(c, Qt.Orientation.Horizontal) for c in columns]
    # Wider than their columns: written across, they would be cut.
    width = header.sectionSize(FIRST_SERVICE)
    assert any(metrics.horizontalAdvance(name) > width for name in services)
    for column, name in enumerate(services, FIRST_SERVICE):
        # The full name in its tooltip, and room for it written upwards.
        assert grid.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) == (
            name
        )
        assert header.height() >= metrics.horizontalAdvance(name), name


def test_the_sort_arrow_shows_only_while_the_rows_follow_it(qtbot, window: MainWindow):
    dashboard = swept_dashboard(qtbot, window)
    header = dashboard.grid_view.horizontalHeader()
    assert header.isSortIndicatorShown()
    assert header.sortIndicatorSection() == AFFECTED
    board = window.sweep.board
    shown_while_streaming: list[bool] = []

    def published() -> None:
        if board.running:
            shown_while_streaming.append(header.isSortIndicatorShown())

    dashboard.feed.published.connect(published)
    with qtbot.waitSignal(dashboard.feed.ended, timeout=30000):
        dashboard.start_sweep()
    assert shown_while_streaming
    assert not any(shown_while_streaming)  # answers came in the order they arrived
    assert header.isSortIndicatorShown()  # sorted again at the end
    grid = dashboard.grid
    most = [grid.row(r).most for r in range(grid.rowCount())]
    assert most == sorted(most, reverse=True)


def test_a_healthy_customer_reads_ok(qtbot, window: MainWindow):
    dashboard = swept_dashboard(qtbot, window)
    grid = dashboard.grid
    healthy = [
        r for r in range(grid.rowCount())
        if grid.row(r).failure is None and grid.row(r).worst == Severity.OK
    ]  # fmt: skip
    assert healthy
    for r in healthy:
        assert grid.index(r, AFFECTED).data() == severity_word(Severity.OK) == "OK"
    hurt = next(r for r in range(grid.rowCount()) if grid.row(r).affected == 1)
    assert grid.index(hurt, AFFECTED).data().startswith("1 service")


def test_the_current_cell_never_hides_under_the_customer_column(qtbot, window: MainWindow):
    dashboard = swept_dashboard(qtbot, window)
    view = dashboard.grid_view
    view.activateWindow()
    view.setFocus()
    qtbot.waitUntil(view.hasFocus, timeout=5000)
    last = view.model().columnCount() - 1
    view.setCurrentIndex(view.model().index(0, last))
    assert view.horizontalScrollBar().value() > 0  # scrolled right to it
    width = view.frozen.columnWidth(NAME)
    qtbot.keyClick(view, Qt.Key.Key_Home)  # the customer: in view, where it always is
    assert view.currentIndex().column() == NAME
    qtbot.keyClick(view, Qt.Key.Key_Right)  # Affected: beside it, not under it
    assert view.currentIndex().column() == AFFECTED
    assert view.visualRect(view.currentIndex()).left() >= width
    qtbot.keyClick(view, Qt.Key.Key_End)
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert view.visualRect(view.currentIndex()).left() >= width
