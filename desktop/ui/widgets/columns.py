"""A record table's columns, by the record model's column numbers, shown or not.

A hidden column is not a hidden header section: Qt's accessible table counts those, and a
screen reader said "250 rows, 7 columns" where 3 showed (issue 21). The view's model is a
`ShownColumns` proxy leaving hidden columns out, so the view's column numbers change as columns
come and go. `Columns` speaks the record model's numbers and keeps, for each of its columns,
what the view would forget when the column leaves: its width, its place among the others, its
resize mode, its delegate; it puts them back when the column shows again. Its saved state is a
`QHeaderView.saveState` of every column (hidden ones hidden), as the view's header saved
before: layouts saved by earlier versions restore.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QByteArray, QObject, Qt
from PySide6.QtWidgets import QAbstractItemDelegate, QHeaderView, QTableView

from desktop.qt.models.shown_columns import ShownColumns

Mode = QHeaderView.ResizeMode


class Columns(QObject):
    """The columns of `view`, whose model becomes a `ShownColumns` over its record model."""

    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        source = view.model()
        self.view = view
        self.source = source
        self.proxy = ShownColumns(source, self)
        self._count = source.columnCount()
        self._order = list(range(self._count))  # every column, in the order shown
        self._widths: dict[int, int] = {}
        self._modes: dict[int, Mode] = {}
        self._delegates: dict[int, QAbstractItemDelegate] = {}
        self._applying = False
        view.setModel(self.proxy)
        header = view.horizontalHeader()
        header.sectionResized.connect(self._resized)
        header.sectionMoved.connect(self._moved)

    # -- which columns show ------------------------------------------------------------------

    def is_shown(self, column: int) -> bool:
        return 0 <= column < self._count and column not in self.proxy.hidden()

    def shown(self) -> list[int]:
        """The shown columns, in the order they are shown."""
        return [c for c in self._order if self.is_shown(c)]

    def order(self) -> list[int]:
        """Every column, shown or not, in the order they show."""
        return list(self._order)

    def set_shown(self, column: int, shown: bool = True) -> None:
        hidden = set(self.proxy.hidden())
        if shown:
            hidden.discard(column)
        else:
            hidden.add(column)
        self.set_hidden(hidden)

    def set_hidden(self, columns: Iterable[int]) -> None:
        """Hide these columns, show the others (one stays, whatever is asked)."""
        hidden = {c for c in columns if 0 <= c < self._count}
        if len(hidden) == self._count and self._order:
            hidden.discard(self._order[0])
        if frozenset(hidden) == self.proxy.hidden():
            return
        self._applying = True
        try:
            self.proxy.set_hidden(hidden)
            self._restore_columns()
        finally:
            self._applying = False

    def view_column(self, column: int) -> int:
        """The view's column number of the record model's `column`; -1 while hidden."""
        return self.proxy.column_of(column)

    def source_column(self, view_column: int) -> int:
        return self.proxy.source_column(view_column)

    def title(self, column: int) -> str:
        return str(self.source.headerData(column, Qt.Orientation.Horizontal) or "")

    # -- what each column keeps --------------------------------------------------------------

    def set_width(self, column: int, width: int) -> None:
        self._widths[column] = width
        at = self.view_column(column)
        if at >= 0:
            self.view.horizontalHeader().resizeSection(at, width)

    def width(self, column: int) -> int:
        at = self.view_column(column)
        if at >= 0:
            return self.view.horizontalHeader().sectionSize(at)
        return self._widths.get(column, self.view.horizontalHeader().defaultSectionSize())

    def has_width(self, column: int) -> bool:
        """A width was set or dragged for `column` (else it has the header's default)."""
        return column in self._widths

    def set_mode(self, column: int, mode: Mode) -> None:
        self._modes[column] = mode
        at = self.view_column(column)
        if at >= 0:
            self.view.horizontalHeader().setSectionResizeMode(at, mode)

    def mode(self, column: int) -> Mode:
        at = self.view_column(column)
        if at >= 0:
            return self.view.horizontalHeader().sectionResizeMode(at)
        return self._modes.get(column, Mode.Interactive)

    def set_delegate(self, column: int, delegate: QAbstractItemDelegate) -> None:
        self._delegates[column] = delegate
        self._restore_delegates()

    def size_hint(self, column: int) -> int:
        """The width of the column's text in the rows laid out; -1 while hidden."""
        at = self.view_column(column)
        return self.view.sizeHintForColumn(at) if at >= 0 else -1

    def header_hint(self, column: int) -> int:
        at = self.view_column(column)
        return self.view.horizontalHeader().sectionSizeHint(at) if at >= 0 else -1

    def fit(self, column: int) -> None:
        """Fitted to its text (shown columns)."""
        at = self.view_column(column)
        if at >= 0:
            self.view.resizeColumnToContents(at)

    def move(self, column: int, before: int | None = None) -> None:
        """Show `column` before the column `before` (None: last), shown or not."""
        order = [c for c in self._order if c != column]
        order.insert(order.index(before) if before in order else len(order), column)
        self._order = order
        self._applying = True
        try:
            self._restore_order()
        finally:
            self._applying = False

    # -- sorting ------------------------------------------------------------------------------

    def sort_indicator(self) -> tuple[int, Qt.SortOrder]:
        """The sort shown, in the record model's columns (-1: none, or a hidden column's)."""
        header = self.view.horizontalHeader()
        return self.source_column(header.sortIndicatorSection()), header.sortIndicatorOrder()

    def set_sort_indicator(self, column: int, order: Qt.SortOrder) -> None:
        """Show (and, where the view sorts, sort by) the record model's `column`."""
        at = self.view_column(column) if column >= 0 else -1
        self.view.horizontalHeader().setSortIndicator(at, order)

    # -- saved layout -------------------------------------------------------------------------

    def save_state(self) -> QByteArray:
        """Widths, order, visibility and sort of every column: a `QHeaderView.saveState` over
        the record model, as the view's header gave before columns left its model."""
        header = self._full_header()
        for column in range(self._count):
            header.resizeSection(column, self.width(column))
        for place, column in enumerate(self._order):
            header.moveSection(header.visualIndex(column), place)
        for column in range(self._count):
            header.setSectionHidden(column, not self.is_shown(column))
        source = self.source.sort_state() if hasattr(self.source, "sort_state") else None
        column, order = source if source is not None else self.sort_indicator()
        header.setSortIndicator(column, order)
        return header.saveState()

    def restore_state(self, state: QByteArray) -> tuple[int, Qt.SortOrder] | None:
        """The layout of `save_state` (or of an earlier version's header); returns the sort it
        held, or None when `state` is not one (nothing changes then). Never hides every
        column. The caller sorts: the record model may sort in its own way."""
        header = self._full_header()
        if not header.restoreState(state) or header.count() != self._count:
            return None
        self._order = sorted(range(self._count), key=header.visualIndex)
        for column in range(self._count):
            if not header.isSectionHidden(column) and header.sectionSize(column) > 0:
                self._widths[column] = header.sectionSize(column)
        hidden = [c for c in range(self._count) if header.isSectionHidden(c)]
        if len(hidden) == self._count:
            hidden = list(self.proxy.hidden())  # a layout showing nothing: keep what shows
        self.set_hidden(hidden)
        self._applying = True
        try:
            self._restore_columns()  # the widths, also of columns shown before and after
        finally:
            self._applying = False
        column = header.sortIndicatorSection()
        return (column if 0 <= column < self._count else -1), header.sortIndicatorOrder()

    def _full_header(self) -> QHeaderView:
        header = QHeaderView(Qt.Orientation.Horizontal)
        header.setModel(self.source)
        mine = self.view.horizontalHeader()
        header.setStretchLastSection(mine.stretchLastSection())
        header.setDefaultSectionSize(mine.defaultSectionSize())
        return header

    # -- keeping them ---------------------------------------------------------------------------

    def _resized(self, logical: int, _old: int, new: int) -> None:
        if not self._applying and new > 0:
            self._widths[self.source_column(logical)] = new

    def _moved(self, _logical: int, _old: int, _new: int) -> None:
        if self._applying:
            return
        header = self.view.horizontalHeader()
        shown = [self.source_column(header.logicalIndex(v)) for v in range(header.count())]
        mine = iter(shown)
        # The shown columns take the places of the shown columns, in their new order; the
        # hidden ones keep theirs.
        self._order = [next(mine) if self.is_shown(c) else c for c in self._order]

    def _restore_columns(self) -> None:
        header = self.view.horizontalHeader()
        for column in self.shown():
            at = self.view_column(column)
            mode = self._modes.get(column)
            if mode is not None:
                header.setSectionResizeMode(at, mode)
            width = self._widths.get(column)
            if width is not None and header.sectionResizeMode(at) in (Mode.Interactive, Mode.Fixed):
                header.resizeSection(at, width)
        self._restore_order()
        self._restore_delegates()
        state = self.proxy.sort_state()
        if state is not None:
            # The record model's sort, where its column now is (none while it is hidden);
            # not sorting again.
            blocked = header.blockSignals(True)
            header.setSortIndicator(*state)
            header.blockSignals(blocked)

    def _restore_order(self) -> None:
        header = self.view.horizontalHeader()
        for place, column in enumerate(self.shown()):
            at = header.visualIndex(self.view_column(column))
            if at != place:
                header.moveSection(at, place)

    def _restore_delegates(self) -> None:
        for at in range(self.proxy.columnCount()):
            delegate = self._delegates.get(self.source_column(at))
            if delegate is not None or self.view.itemDelegateForColumn(at) is not None:
                self.view.setItemDelegateForColumn(at, delegate)  # type: ignore[arg-type]


def columns_of(view: QTableView) -> Columns | None:
    """The `Columns` of a view set up with them (`setup_table`)."""
    return view.findChild(Columns, options=Qt.FindChildOption.FindDirectChildrenOnly)
