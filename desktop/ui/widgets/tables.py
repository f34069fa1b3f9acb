"""What every record table shares: compact uniform rows, the model's own sort, a column menu."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QAbstractItemModel, QItemSelectionModel, QPoint, Qt, Signal
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableView, QWidget

from desktop.qt.text_limits import TEXT_CHARS, elide
from desktop.ui.widgets.columns import Columns, columns_of

Mode = QHeaderView.ResizeMode


class RecordTable(QTableView):
    """A table that says why it is empty ("no customer matches…") instead of staying blank.

    Signals:
        painted(): the rows are on screen (after each paint).
    """

    painted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._placeholder = ""
        self._hint = ""  # the accessible description while there are rows

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        if model is not None:
            for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved):
                signal.connect(self._describe)
        self._describe()

    def setAccessibleDescription(self, description: str) -> None:
        """What Enter does on a row: said while there are rows; the placeholder otherwise."""
        self._hint = description
        self._describe()

    def set_placeholder(self, text: str) -> None:
        """Shown while the model has no rows; "" for none. (It may hold server text, an
        error's: cut to what a paint lays out at once.) A screen reader reads it as the
        table's description then: an empty table has no header to read (Qt exposes none)."""
        self._placeholder = elide(text, TEXT_CHARS)
        self.viewport().update()
        self._describe()

    def _describe(self, *_: object) -> None:
        model = self.model()
        empty = bool(self._placeholder) and model is not None and not model.rowCount()
        description = self._placeholder if empty else self._hint
        if super().accessibleDescription() != description:
            super().setAccessibleDescription(description)

    def placeholder(self) -> str:
        return self._placeholder

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        self.painted.emit()
        model = self.model()
        if not self._placeholder or model is None or model.rowCount():
            return
        painter = QPainter(self.viewport())
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        line = self.fontMetrics().height()
        painter.drawText(
            self.viewport().rect().adjusted(line, line, -line, -line),
            int(Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap),
            self._placeholder,
        )


class AppendingTable(QTableView):
    """A table whose model grows at the end while someone reads it (a sweep streaming rows in).

    Qt lays out and repaints the whole viewport whenever rows are inserted, even below what is
    shown. Here rows added below a full viewport only update the scroll bars: nothing on
    screen changed. (Each repaint of the dashboard's grid, 600 cells, is as many calls into
    Python, each waiting for the GIL the sweep holds: the longest stalls of a big sweep.)
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        header = self.verticalHeader()
        # The view's own handler (QTableView::rowCountChanged) is connected in C++; it is the
        # signal's only receiver, and ours does what it does unless nothing visible changed.
        header.sectionCountChanged.disconnect()
        header.sectionCountChanged.connect(self._row_count_changed)

    def _row_count_changed(self, old: int, new: int) -> None:
        if new > old:
            self.updateGeometries()  # the scroll bars' range
            bottom = self.rowAt(self.viewport().height() - 1)
            if bottom < 0 or bottom >= old:
                # Rows arrived on screen: paint them with this turn's other changes. Qt's
                # delayed layout would paint the whole viewport once more in the next turn.
                self.viewport().update()
        else:
            self.scheduleDelayedItemsLayout()


def setup_table(view: QTableView, sortable: bool = True, columns: bool = True) -> None:
    """Whole-row single selection, one row height everywhere, sorting as the model has it;
    with `columns`, columns shown and hidden by the record model's numbers (`Columns`).

    Call after `setModel`, before using the view's selection model: with `columns` the view's
    model becomes a proxy showing only the shown columns (`columns_of(view)`), the only way a
    screen reader is told how many there are (issue 21).
    """
    if columns and columns_of(view) is None:
        Columns(view)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setTabKeyNavigation(False)  # Tab leaves the table: keyboard users move between panes
    rows = view.verticalHeader()
    rows.hide()
    # Uniform heights let the view skip measuring rows (50,000 customers), and every table
    # in the window then has the same density as the customer list.
    rows.setSectionResizeMode(Mode.Fixed)
    rows.setDefaultSectionSize(view.fontMetrics().height() + 8)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    if sortable:
        # Enabling sorting sorts by the header's indicator, which defaults to column 0
        # descending; show (and keep) the order the model chose instead.
        state = getattr(view.model(), "sort_state", None)
        sort = state() if state is not None else None
        if sort is not None:
            header.setSortIndicator(*sort)
        view.setSortingEnabled(True)
    header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    header.customContextMenuRequested.connect(lambda pos: _column_menu(view, pos))
    # Details follow the current row; a screen reader's "select" (AT-SPI selects a row or
    # toggles a cell) selects without moving it, and showed the row chosen with another's
    # details, or none.
    view.selectionModel().selectionChanged.connect(lambda *_: _current_follows_selection(view))


def _current_follows_selection(view: QTableView) -> None:
    selection = view.selectionModel()
    chosen = selection.selectedIndexes()
    current = view.currentIndex()
    if chosen and not any(index.row() == current.row() for index in chosen):
        at = chosen[0].siblingAtColumn(max(current.column(), 0))
        selection.setCurrentIndex(at, QItemSelectionModel.SelectionFlag.NoUpdate)


def size_columns(
    view: QTableView,
    stretch: int,
    contents: Iterable[int] = (),
    hidden: Iterable[int] = (),
) -> None:
    """One column takes the spare width, `contents` fit their text, `hidden` start hidden.

    For short tables only: fitting to contents measures every row on each change.
    Columns are the record model's (`setup_table` with its columns).
    """
    header = view.horizontalHeader()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(Mode.Interactive)
    columns = columns_of(view)
    if columns is None:
        raise TypeError("size_columns: the view is set up without its columns")
    columns.set_mode(stretch, Mode.Stretch)
    for column in contents:
        columns.set_mode(column, Mode.ResizeToContents)
    columns.set_hidden(hidden)


def _column_menu(view: QTableView, pos: QPoint) -> None:
    """Right-click on the header: show or hide columns (never the last one shown)."""
    header = view.horizontalHeader()
    columns = columns_of(view)
    menu = QMenu(view)
    if columns is None:  # a table whose columns are its model's (the dashboard's grid)
        _section_menu(view, menu)
    else:
        shown = columns.shown()

        def toggle(column: int, on: bool) -> None:
            assert columns is not None
            columns.set_shown(column, on)
            if on and columns.mode(column) == Mode.Interactive and not columns.has_width(column):
                columns.fit(column)  # a column hidden from the start never had a width

        for column in columns.order():
            action = menu.addAction(columns.title(column))
            action.setCheckable(True)
            action.setChecked(column in shown)
            action.setEnabled(shown != [column])
            action.toggled.connect(lambda on, c=column: toggle(c, on))
    menu.exec(header.mapToGlobal(pos))


def _section_menu(view: QTableView, menu: QMenu) -> None:
    header = view.horizontalHeader()
    model = view.model()
    shown = [c for c in range(model.columnCount()) if not header.isSectionHidden(c)]

    def toggle(column: int, on: bool) -> None:
        header.setSectionHidden(column, not on)
        if on and header.sectionResizeMode(column) == Mode.Interactive:
            # A column hidden from the start never had a width of its own.
            view.resizeColumnToContents(column)

    for column in range(model.columnCount()):
        action = menu.addAction(str(model.headerData(column, Qt.Orientation.Horizontal)))
        action.setCheckable(True)
        action.setChecked(column in shown)
        action.setEnabled(shown != [column])
        action.toggled.connect(lambda on, c=column: toggle(c, on))
