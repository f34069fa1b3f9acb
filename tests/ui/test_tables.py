"""AppendingTable: rows added below a full viewport repaint nothing; otherwise as QTableView."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QTableView

from desktop.ui.widgets.tables import AppendingTable


class Growing(QAbstractTableModel):
    def __init__(self, rows: int, columns: int = 3) -> None:
        super().__init__()
        self.rows = rows
        self.columns = columns

    def rowCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.rows

    def columnCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.columns

    def data(self, index: Any, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{index.row()}:{index.column()}"
        return None

    def grow(self, more: int) -> None:
        self.beginInsertRows(QModelIndex(), self.rows, self.rows + more - 1)
        self.rows += more
        self.endInsertRows()

    def widen(self, more: int) -> None:
        self.beginInsertColumns(QModelIndex(), self.columns, self.columns + more - 1)
        self.columns += more
        self.endInsertColumns()


class Counting(AppendingTable):
    def __init__(self) -> None:
        super().__init__()
        self.paints = 0

    def paintEvent(self, event: QPaintEvent) -> None:
        self.paints += 1
        super().paintEvent(event)


def shown(qtbot, view: QTableView, model: Growing) -> QTableView:
    view.setModel(model)
    view.resize(300, 200)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_rows_added_below_a_full_viewport_repaint_nothing_but_scroll(qtbot):
    model = Growing(100)
    view = shown(qtbot, Counting(), model)
    qtbot.waitUntil(lambda: view.paints > 0)
    qtbot.wait(50)
    view.paints = 0
    bar = view.verticalScrollBar()
    before = bar.maximum()
    model.grow(50)
    qtbot.wait(50)
    assert view.paints == 0
    assert bar.maximum() > before  # the scroll bar knows of the new rows
    view.scrollToBottom()  # and they are there to see
    qtbot.waitUntil(lambda: view.rowAt(view.viewport().height() - 1) == 149, timeout=2000)


def test_it_looks_like_a_table_view_after_rows_arrive(qtbot):
    fast, plain = Growing(5), Growing(5)
    ours = shown(qtbot, AppendingTable(), fast)
    theirs = shown(qtbot, QTableView(), plain)
    for model in (fast, plain):
        model.grow(3)  # the viewport is not full yet: these must be painted
        model.grow(200)  # and these fill it
    qtbot.wait(50)
    assert ours.grab().toImage() == theirs.grab().toImage()
    assert ours.verticalScrollBar().maximum() == theirs.verticalScrollBar().maximum()


def test_rows_arriving_on_screen_are_painted_once(qtbot):
    # The dashboard's first batch: Qt painted the grid with it, then once more a turn later
    # (its delayed layout), each paint a call into Python per cell while the sweep held the GIL.
    model = Growing(0, columns=0)
    view = shown(qtbot, Counting(), model)
    qtbot.waitUntil(lambda: view.paints > 0)
    qtbot.wait(50)
    view.paints = 0
    model.widen(3)  # the first answer brings the columns with the rows
    model.grow(150)
    qtbot.waitUntil(lambda: view.paints > 0)
    qtbot.wait(100)
    assert view.paints == 1
    assert view.rowAt(0) == 0
    assert view.rowAt(view.viewport().height() - 1) > 0
