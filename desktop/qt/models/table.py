"""The table model every entity model is built on: declared columns, roles, filtering, sorting.

A model holds every record in load order and an array of record indices for what is visible, in
display order. Sorting reorders that array with per-column keys computed once; filtering narrows
it. Neither goes through `QSortFilterProxyModel`, which calls Python `data()` once per row and
is far too slow at tens of thousands of rows.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import Any, Final, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QObject,
    QPersistentModelIndex,
    Qt,
    SignalInstance,
)

from desktop.qt.models.columns import (
    ACCESSIBLE_ROLE,
    ALIGNMENT_ROLE,
    DECORATION_ROLE,
    DELEGATE_ROLES,
    DISPLAY_ROLE,
    QT_TRANSLATE_NOOP,
    TOOLTIP_ROLE,
    TR_CONTEXT,
    Column,
    RecordRole,
    SortRole,
    StatusRole,
    cut_text,
    date_column,
    delegate_entries,
    fill_span,
    labelled,
    plain_tooltip,
    text_column,
)

R = TypeVar("R")
# The declarations' names, for the models that import them from here.
__all__ = [
    "DELEGATE_ROLES",
    "QT_TRANSLATE_NOOP",
    "TR_CONTEXT",
    "Column",
    "RecordRole",
    "RecordTableModel",
    "SortRole",
    "StatusRole",
    "date_column",
    "delegate_entries",
    "fill_span",
    "labelled",
    "plain_tooltip",
    "table_index",
    "text_column",
]
_VERTICAL_SORT: Final = QAbstractItemModel.LayoutChangeHint.VerticalSortHint
Order = Qt.SortOrder
Index = QModelIndex | QPersistentModelIndex


def _with_hint(signal: SignalInstance) -> SignalInstance:
    """The overload of a layout signal that carries a hint; PySide emits the bare one otherwise.

    (The stubs do not declare overload indexing, hence `Any`.)
    """
    overloads: Any = signal
    chosen: SignalInstance = overloads[
        "QList<QPersistentModelIndex>", "QAbstractItemModel::LayoutChangeHint"
    ]
    return chosen


_MAX_RUNS = 8


def _ranges(rows: Iterable[int]) -> list[tuple[int, int]]:
    """Sorted rows grouped into (first, last) runs, so one dataChanged covers each run."""
    runs: list[tuple[int, int]] = []
    for row in sorted(rows):
        if runs and runs[-1][1] + 1 >= row:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs


def table_index(
    model: QAbstractTableModel, row: int, column: int, parent: Index, rows: int, columns: int
) -> QModelIndex:
    """A flat table's `index()` in Python, from sizes the model knows without asking itself.

    Qt's own asks `rowCount` and `columnCount`, each a call from C++ into Python, for every
    cell a view paints; a model overriding `index()` with this makes one call of the three.
    """
    if parent.isValid() or not (0 <= row < rows and 0 <= column < columns):
        return QModelIndex()
    return model.createIndex(row, column)


class RecordTableModel(QAbstractTableModel, Generic[R]):
    """A flat table of frozen records described by `Column`s.

    Partial updates (`update_rows`, `replace_records`) emit `dataChanged` for the changed rows
    only and never move rows, so a row does not jump away from the user's cursor; sort again
    (`resort`) to place them. `set_rows` and filter changes reset the model.

    `key` names a record for `replace_records` and `row_of_key`; `natural_key` orders column -1
    (no sort column, as with a cleared sort indicator; load order without it); ties in a column
    sort keep the order of `tie_column` ascending, else load order, so sorts are stable.
    """

    def __init__(
        self,
        columns: Sequence[Column[R]],
        parent: QObject | None = None,
        *,
        key: Callable[[R], Hashable] | None = None,
        natural_key: Callable[[R], Any] | None = None,
        sort: tuple[int, Qt.SortOrder] = (-1, Order.AscendingOrder),
        tie_column: int | None = None,
    ) -> None:
        super().__init__(parent)
        self._columns: tuple[Column[R], ...] = tuple(columns)
        self._key = key
        self._natural_key = natural_key
        self._tie_column = tie_column
        self._sort_column, self._sort_order = sort
        self._accept: Callable[[R], bool] | None = None
        self._all: list[R] = []
        self._order: list[int] = []  # every record index, in the current sort order
        self._visible: list[int] = []  # record index of each row
        self._keys: dict[int, list[Any]] = {}
        self._orders: dict[tuple[int, bool], list[int]] = {}
        self._pos: list[int] | None = None  # row of each record index, -1 if hidden
        self._by_key: dict[Hashable, int] | None = None

    # --- Qt model interface ------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def index(
        self,
        row: int,
        column: int,
        parent: Index = QModelIndex(),  # noqa: B008
    ) -> QModelIndex:
        """One call into Python per painted cell where Qt's makes two (see `table_index`)."""
        return table_index(self, row, column, parent, len(self._visible), len(self._columns))

    def data(self, index: Index, role: int = DISPLAY_ROLE) -> Any:
        if not index.isValid():
            return None
        column = self._columns[index.column()]
        record = self._all[self._visible[index.row()]]
        if role == DISPLAY_ROLE:
            return cut_text(column.display(record))
        if role == RecordRole:
            return record
        if role == SortRole:
            return column.sort_key(record)
        if role == ALIGNMENT_ROLE:
            return column.alignment
        function: Callable[[R], Any] | None
        if role == TOOLTIP_ROLE:
            return None if column.tooltip is None else plain_tooltip(column.tooltip(record))
        if role == StatusRole:
            function = column.status
        elif role == DECORATION_ROLE:
            function = column.decoration
        elif role == ACCESSIBLE_ROLE:
            function = column.accessible
            return None if function is None else cut_text(function(record))
        else:
            return None
        return None if function is None else function(record)

    def multiData(
        self,
        index: Index,
        roleDataSpan: QModelRoleDataSpan | QModelRoleData,  # noqa: N803
    ) -> None:
        """Every role a cell is asked for at once: one call into Python per painted cell."""
        if not index.isValid():
            return
        entries = delegate_entries(roleDataSpan) if type(self).data is _BASE_DATA else None
        if entries is not None:
            display, decoration, alignment = entries
            column = self._columns[index.column()]
            record = self._all[self._visible[index.row()]]
            display.setData(cut_text(column.display(record)))
            alignment.setData(column.alignment)
            decorate = column.decoration
            decoration.setData(None if decorate is None else decorate(record))
            return
        fill_span(self.data, index, roleDataSpan)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = DISPLAY_ROLE
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            if role == DISPLAY_ROLE:
                return QCoreApplication.translate(TR_CONTEXT, self._columns[section].header)
            if role == ALIGNMENT_ROLE:
                return self._columns[section].alignment
            return None
        if orientation == Qt.Orientation.Vertical and role == DISPLAY_ROLE:
            # Rows are not numbered on screen (the vertical header is hidden), but Qt still
            # exposes it to a screen reader, which read "1", "2", … as each row's header.
            return None
        return super().headerData(section, orientation, role)

    def sort(self, column: int, order: Qt.SortOrder = Order.AscendingOrder) -> None:
        """Stable sort by `column` (-1: natural order), keeping selection and current row."""
        if not -1 <= column < len(self._columns):
            return
        _with_hint(self.layoutAboutToBeChanged).emit([], _VERTICAL_SORT)
        persistent = self.persistentIndexList()
        old_visible = self._visible
        self._sort_column, self._sort_order = column, order
        self._order = self._ordered(column, order)
        self._visible = self._filtered(self._order)
        self._pos = None
        if persistent:
            pos = self._positions()
            moved: list[QModelIndex] = []
            for index in persistent:
                row = pos[old_visible[index.row()]]
                moved.append(self.index(row, index.column()) if row >= 0 else QModelIndex())
            self.changePersistentIndexList(persistent, moved)
        _with_hint(self.layoutChanged).emit([], _VERTICAL_SORT)

    # --- records -----------------------------------------------------------------------------

    def set_rows(self, records: Iterable[R]) -> None:
        """Replace every record; the current sort and filter apply to the new ones."""
        self.beginResetModel()
        self._all = list(records)
        self._keys.clear()
        self._orders.clear()
        self._by_key = None
        self._rows_replaced()
        self._order = self._ordered(self._sort_column, self._sort_order)
        self._visible = self._filtered(self._order)
        self._pos = None
        self.endResetModel()

    def record(self, row: int) -> R:
        return self._all[self._visible[row]]

    def records(self) -> list[R]:
        """The visible records, in display order."""
        everything = self._all
        return [everything[i] for i in self._visible]

    def all_records(self) -> list[R]:
        """Every record, filtered out or not, in load order."""
        return list(self._all)

    def record_of_key(self, key: Hashable) -> R | None:
        """The record with this `key`, filtered out or not; None if absent."""
        index = self._index_of_key(key)
        return None if index is None else self._all[index]

    def row_of_key(self, key: Hashable) -> int | None:
        """The row of the record with this `key`, None if absent or filtered out."""
        index = self._index_of_key(key)
        if index is None:
            return None
        row = self._positions()[index]
        return row if row >= 0 else None

    def update_rows(
        self,
        replace: Callable[[R], R | None],
        roles: Sequence[int] = (),
        columns: tuple[int, int] | None = None,
    ) -> int:
        """Replace each record for which `replace` returns a different one; returns how many.

        Emits `dataChanged` (with `roles`; empty means all) for visible changed rows, grouped
        into runs, over `columns` (first, last) when the caller knows only those changed: the
        views repaint only those cells. Rows keep their place and filter membership until the
        next sort or filter.
        """
        changed: list[int] = []
        for i, old in enumerate(self._all):
            new = replace(old)
            if new is not None and new != old:
                self._all[i] = new
                changed.append(i)
        if changed:
            self._by_key = None
            self._rows_updated(changed)
            for column in range(len(self._columns)):
                self._keys_changed(column, changed)
            self._orders.clear()  # the natural order may depend on anything in a record
            first, last = columns if columns is not None else (0, len(self._columns) - 1)
            self._emit_changed(changed, first, last, roles)
        return len(changed)

    def append_records(self, records: Iterable[R]) -> int:
        """Add records below the rows shown, unsorted; returns how many of them are shown.

        Like the partial updates, nothing moves under the user's cursor and the selection
        stays (a reset would drop it); `resort` places the new rows.
        """
        new = list(records)
        if not new:
            return 0
        start = len(self._all)
        indices = list(range(start, start + len(new)))
        self._all.extend(new)
        self._rows_added(indices)
        for column, keys in self._keys.items():
            keys.extend(map(self._columns[column].sort_key, new))
        self._orders.clear()
        # New lists, not extended ones: without a filter `_visible` is `_order`, and `_order`
        # may be a cached sort.
        self._order = [*self._order, *indices]
        shown = self._filtered(indices)
        if self._by_key is not None and self._key is not None:
            record_key = self._key
            for i in indices:
                self._by_key[record_key(self._all[i])] = i
        self._pos = None
        if shown:
            first = len(self._visible)
            self.beginInsertRows(QModelIndex(), first, first + len(shown) - 1)
            self._visible = [*self._visible, *shown]
            self._pos = None
            self.endInsertRows()
        return len(shown)

    def replace_records(
        self,
        records: Iterable[R],
        roles: Sequence[int] = (),
        columns: tuple[int, int] | None = None,
    ) -> int:
        """Replace the records with the same key (`key` is required); unknown ones are ignored.

        `roles` and `columns` narrow the signal as in `update_rows`.
        """
        if self._key is None:
            raise TypeError(f"{type(self).__name__} has no record key")
        key = self._key
        by_key = {key(r): r for r in records}
        return self.update_rows(lambda old: by_key.get(key(old)), roles, columns)

    def set_predicate(self, accept: Callable[[R], bool] | None) -> None:
        """Show only records for which `accept` is true (None: all); resets the model."""
        self._accept = accept
        self._refilter()

    def sort_state(self) -> tuple[int, Qt.SortOrder]:
        """The current sort, for `horizontalHeader().setSortIndicator(*model.sort_state())`."""
        return self._sort_column, self._sort_order

    def resort(self) -> None:
        """Sort again with the current column, placing rows changed since the last sort."""
        self.sort(self._sort_column, self._sort_order)

    # --- for subclasses ----------------------------------------------------------------------

    def _rows_replaced(self) -> None:
        """Called by `set_rows` after storing the new records, before sorting and filtering."""

    def _rows_updated(self, indices: list[int]) -> None:
        """Called by `update_rows` with the record indices it replaced, before signalling."""

    def _rows_added(self, indices: list[int]) -> None:
        """Called by `append_records` with the new record indices, before filtering them."""

    def _filtered(self, candidates: list[int]) -> list[int]:
        """The record indices of `candidates` (in their order) that pass the filter."""
        accept = self._accept
        if accept is None:
            return candidates
        everything = self._all
        return [i for i in candidates if accept(everything[i])]

    def _refilter(self) -> None:
        self._set_visible(self._filtered(self._order))

    def _set_visible(self, visible: list[int]) -> None:
        # A reset, not layoutChanged: no slower, and it also drops the persistent indexes a big
        # selection would otherwise make us remap in Python.
        self.beginResetModel()
        self._visible = visible
        self._pos = None
        self.endResetModel()

    def _keys_changed(self, column: int, indices: Iterable[int]) -> None:
        """Sort keys of `column` for these record indices are stale: refresh them."""
        keys = self._keys.get(column)
        if keys is not None:
            sort_key = self._columns[column].sort_key
            for i in indices:
                keys[i] = sort_key(self._all[i])
        if column == self._tie_column:
            self._orders.clear()  # every column's ties are broken by this one
        else:
            self._orders.pop((column, False), None)
            self._orders.pop((column, True), None)

    def _emit_changed(
        self, indices: Iterable[int], first: int, last: int, roles: Sequence[int] = ()
    ) -> None:
        """`dataChanged` for the visible rows of these record indices, one per run of rows."""
        pos = self._positions()
        rows = [pos[i] for i in indices if pos[i] >= 0]
        runs = _ranges(rows)
        if len(runs) > _MAX_RUNS:
            # A sweep batch touches rows all over a sorted list: one signal over their span
            # instead of one per row (each crosses into Qt and the views, and they add up).
            # Views repaint what is visible either way.
            runs = [(runs[0][0], runs[-1][1])]
        roles = list(roles)
        for top, bottom in runs:
            self.dataChanged.emit(self.index(top, first), self.index(bottom, last), roles)

    def _positions(self) -> list[int]:
        if self._pos is None:
            pos = [-1] * len(self._all)
            for row, i in enumerate(self._visible):
                pos[i] = row
            self._pos = pos
        return self._pos

    def _index_of_key(self, key: Hashable) -> int | None:
        if self._key is None:
            raise TypeError(f"{type(self).__name__} has no record key")
        if self._by_key is None:
            record_key = self._key
            self._by_key = {record_key(r): i for i, r in enumerate(self._all)}
        return self._by_key.get(key)

    def _column_keys(self, column: int) -> list[Any]:
        keys = self._keys.get(column)
        if keys is None:
            keys = self._keys[column] = list(map(self._columns[column].sort_key, self._all))
        return keys

    def _ordered(self, column: int, order: Qt.SortOrder) -> list[int]:
        """Every record index sorted by `column`, cached until records or keys change."""
        descending = order == Order.DescendingOrder and column >= 0
        cached = self._orders.get((column, descending))
        if cached is not None:
            return cached
        if column < 0:
            result = list(range(len(self._all)))
            if self._natural_key is not None:
                natural = list(map(self._natural_key, self._all))
                result.sort(key=natural.__getitem__)
        else:
            keys = self._column_keys(column)
            tie = self._tie_column
            base = (
                self._ordered(tie, Order.AscendingOrder)
                if tie is not None and tie != column
                else range(len(self._all))
            )
            # None goes last in both directions: a missing date is never "the newest".
            result = [i for i in base if keys[i] is not None]
            result.sort(key=keys.__getitem__, reverse=descending)
            if len(result) < len(self._all):
                result += [i for i in base if keys[i] is None]
        self._orders[(column, descending)] = result
        return result


_BASE_DATA: Final = RecordTableModel.data
