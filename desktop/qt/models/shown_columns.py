"""The columns of a record model that a view shows, and only those: a column proxy.

Qt's accessible table (what AT-SPI, UI Automation and macOS read) counts the columns of the
view's model, hidden sections included: a screen reader said "250 rows, 7 columns" for a list
showing 3 (issue 21). PySide6 cannot supply an accessible table of its own, so a view's model
is this proxy, which leaves hidden columns out.

It never filters nor sorts rows (row n is the record model's row n; `sort` sorts the record
model), and it costs no call into Python per cell beyond the record model's own: a view asks
the proxy's `multiData` once per painted cell, which asks the record model directly (Qt's
proxy would ask the record model for an index, then for each role: eight calls into Python per
cell where the record model alone takes two).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

Index = QModelIndex | QPersistentModelIndex


class ShownColumns(QSortFilterProxyModel):
    """`source` without the columns set hidden (`set_hidden`), rows as they are."""

    def __init__(self, source: QAbstractItemModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setDynamicSortFilter(False)  # rows are the record model's, in its order
        self._hidden: frozenset[int] = frozenset()
        self._sources: list[int] = list(range(source.columnCount()))
        self._sorting = True
        self._source = source  # for good: the calls per cell skip asking for it
        self.setSourceModel(source)

    # -- which columns --------------------------------------------------------------------------

    def hidden(self) -> frozenset[int]:
        return self._hidden

    def set_hidden(self, columns: Iterable[int]) -> None:
        """Leave out these columns of the record model (the others show, in its order)."""
        hidden = frozenset(columns)
        if hidden == self._hidden:
            return
        # Columns go and come one by one, and the header moves the sort indicator along: the
        # view would sort again by wherever it lands (or by nothing, when its column goes).
        self._sorting = False
        try:
            self.beginFilterChange()
            self._hidden = hidden
            count = self._source.columnCount()
            self._sources = [c for c in range(count) if c not in hidden]
            self.endFilterChange(QSortFilterProxyModel.Direction.Columns)
        finally:
            self._sorting = True

    def source_column(self, column: int) -> int:
        """The record model's column shown as `column`; -1 for none."""
        return self._sources[column] if 0 <= column < len(self._sources) else -1

    def column_of(self, source_column: int) -> int:
        """Where the record model's `source_column` shows; -1 when hidden."""
        try:
            return self._sources.index(source_column)
        except ValueError:
            return -1

    def filterAcceptsColumn(self, source_column: int, source_parent: Index) -> bool:
        return source_column not in self._hidden

    # -- cells ----------------------------------------------------------------------------------

    def multiData(
        self,
        index: Index,
        roleDataSpan: QModelRoleDataSpan | QModelRoleData,  # noqa: N803
    ) -> None:
        """Every role of a cell from the record model at once (Qt's proxy asks role by role)."""
        if not index.isValid():
            return
        source, column = self._source, index.column()
        sources = self._sources
        if 0 <= column < len(sources):
            source.multiData(source.index(index.row(), sources[column]), roleDataSpan)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        source = self._source
        return source.data(source.index(index.row(), self.source_column(index.column())), role)

    # -- sorting is the record model's ------------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if self._sorting:
            self._source.sort(self.source_column(column), order)

    def sort_state(self) -> tuple[int, Qt.SortOrder] | None:
        """The record model's sort in this model's columns (-1 while its column is hidden), for
        `horizontalHeader().setSortIndicator`; None if the record model does not say."""
        state = getattr(self._source, "sort_state", None)
        if state is None:
            return None
        column, order = state()
        return (self.column_of(column) if column >= 0 else -1), order
