"""The dashboard's health grid: customers x services.

It fills as a sweep streams results in, and keeps only what the dashboard shows: a status per
(customer, service). Its rows are made off the GUI thread (desktop.qt.models.grid_rows); the
incidents that touch the customers now are desktop.qt.models.incidents_now.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Final

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QObject,
    Qt,
    Signal,
)

from desktop.domain.customers import Customer
from desktop.domain.enums import Severity
from desktop.domain.health import ServiceHealth
from desktop.qt.models.grid_rows import GridRow, grid_row
from desktop.qt.models.table import (
    Index,
    RecordRole,
    SortRole,
    StatusRole,
    delegate_entries,
    fill_span,
    plain_tooltip,
    table_index,
)
from desktop.qt.text_limits import elide
from desktop.qt.words import (
    NOTHING,
    active_issues,
    failure_word,
    severity_word,
    severity_words,
    status_word,
)

NAME, AFFECTED = 0, 1
FIRST_SERVICE: Final = 2


class HealthGridModel(QAbstractTableModel):
    """Rows: customers; columns: Customer, Affected, then one per service (in name order).

    `StatusRole` on a service cell is its `Severity` (None when the customer lacks the
    service), on Affected the customer's worst (UNKNOWN when not known). Sorting by Affected
    ("most affected") puts the customers with the most degraded services first.

    Signals:
        in_order(bool): whether the rows are in the order of `sort` (False once a batch is
            appended or updated during a sweep; True again after `resort`). A view shows its
            sort arrow only then.
    """

    in_order = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ordered = True
        self._rows: list[GridRow] = []
        self._row_of: dict[str, int] = {}
        self._hurt = 0  # rows with a degraded or down service, kept as rows come and go
        self._services: list[tuple[str, str]] = []  # (id, name), by name
        self._sort: tuple[int, Qt.SortOrder] = (AFFECTED, Qt.SortOrder.DescendingOrder)
        self._badges: dict[Severity, Any] = {}
        # Translated once per sweep, not once per painted cell.
        self._words = severity_words()

    def set_badges(self, badges: dict[Severity, Any]) -> None:
        """Icons per `Severity` for `DecorationRole`, drawn by the view's default (C++) delegate.

        A Python delegate stalled every repaint of the grid (one call into Python per cell);
        a cached icon per severity costs a dictionary lookup.
        """
        self._badges = dict(badges)

    # -- filling -----------------------------------------------------------------------------

    def clear(self) -> None:
        self.beginResetModel()
        self._words = severity_words()
        self._rows.clear()
        self._row_of.clear()
        self._hurt = 0
        self._services.clear()
        self.endResetModel()
        self._set_ordered(True)

    def _set_ordered(self, ordered: bool) -> None:
        if ordered != self.ordered:
            self.ordered = ordered
            self.in_order.emit(ordered)

    def add(self, results: Iterable[tuple[Customer, list[ServiceHealth] | None, int, str]]) -> None:
        """(customer, health or None, active issue count, error) per customer of a batch."""
        names: dict[str, str] = {}
        rows: list[GridRow] = []
        for result in results:
            names.update((item.service_id, item.service) for item in result[1] or ())
            rows.append(grid_row(*result))
        self.add_rows(rows, names)

    def add_rows(self, rows: Iterable[GridRow], names: Mapping[str, str]) -> None:
        """Rows made by `grid_row` (on the sweep's threads); `names`: service id -> name, for
        the services not seen before.

        New customers are appended (the order is applied by `resort`, when the user asks or
        the sweep ends: rows must not jump while someone reads them); known ones update.
        """
        fresh: list[GridRow] = []
        changed: list[int] = []
        known = {sid for sid, _ in self._services}
        new_services: dict[str, str] = {}
        for row in rows:
            if not known.issuperset(row.statuses):
                for service_id in row.statuses:
                    if service_id not in known and service_id not in new_services:
                        new_services[service_id] = elide(names.get(service_id) or service_id)
            at = self._row_of.get(row.customer.tenant_id)
            self._hurt += bool(row.affected)
            if at is None:
                fresh.append(row)
            else:
                self._hurt -= bool(self._rows[at].affected)
                self._rows[at] = row
                changed.append(at)
        arriving = sorted(new_services.items(), key=lambda kv: kv[1].casefold())
        if arriving and not self._services:
            # The first answer brings every service at once: one insertion, not twenty (each
            # made the views lay out their columns again).
            last = FIRST_SERVICE + len(arriving) - 1
            self.beginInsertColumns(QModelIndex(), FIRST_SERVICE, last)
            self._services.extend(arriving)
            self.endInsertColumns()
            arriving = []
        for service_id, name in arriving:
            position = self._service_position(name)
            column = FIRST_SERVICE + position
            self.beginInsertColumns(QModelIndex(), column, column)
            self._services.insert(position, (service_id, name))
            self.endInsertColumns()
        if fresh:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(fresh) - 1)
            for offset, row in enumerate(fresh):
                self._row_of[row.customer.tenant_id] = start + offset
            self._rows.extend(fresh)
            self.endInsertRows()
        if fresh or changed:
            self._set_ordered(False)  # the order is applied by `resort`
        if changed:
            # One signal for the span: a sweep again over known rows changed hundreds at a
            # time, and one signal per row held the GUI thread (docs/PERFORMANCE.md).
            last = self.columnCount() - 1
            self.dataChanged.emit(self.index(min(changed), 0), self.index(max(changed), last))

    def _service_position(self, name: str) -> int:
        key = name.casefold()
        for i, (_sid, existing) in enumerate(self._services):
            if existing.casefold() > key:
                return i
        return len(self._services)

    # -- reading -----------------------------------------------------------------------------

    def row(self, row: int) -> GridRow:
        return self._rows[row]

    def services(self) -> list[tuple[str, str]]:
        return list(self._services)

    def service_id(self, column: int) -> str | None:
        i = column - FIRST_SERVICE
        return self._services[i][0] if 0 <= i < len(self._services) else None

    def row_of(self, tenant_id: str) -> int | None:
        return self._row_of.get(tenant_id)

    def counts(self) -> tuple[int, int]:
        """(customers with a degraded or down service, customers answered).

        Kept as rows arrive: counting every row on every progress update cost the GUI thread
        time twice a second during a sweep.
        """
        return self._hurt, len(self._rows)

    # -- Qt ----------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else FIRST_SERVICE + len(self._services)

    def index(
        self,
        row: int,
        column: int,
        parent: Index = QModelIndex(),  # noqa: B008
    ) -> QModelIndex:
        """One call into Python per painted cell where Qt's makes two (see `table_index`)."""
        columns = FIRST_SERVICE + len(self._services)
        return table_index(self, row, column, parent, len(self._rows), columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if section == NAME:
                return QCoreApplication.translate("HealthGridModel", "Customer")
            if section == AFFECTED:
                return QCoreApplication.translate("HealthGridModel", "Affected")
            i = section - FIRST_SERVICE
            if 0 <= i < len(self._services):
                return self._services[i][1]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == RecordRole:
            return row.customer
        if column == NAME:
            if role == Qt.ItemDataRole.DisplayRole:
                return elide(row.customer.company_name or row.customer.domain)
            if role == Qt.ItemDataRole.ToolTipRole:
                return plain_tooltip(elide(row.customer.company_name or row.customer.domain))
            if role == SortRole:
                return row.name_key
            return None
        if column == AFFECTED:
            if role == Qt.ItemDataRole.DisplayRole:
                if row.failure is not None:
                    return failure_word(row.failure)
                if not row.affected:  # "OK" (or "Advisory"), not "0 services"
                    return self._words.get(row.worst, NOTHING)
                return self.tr("%n service(s)", "", row.affected)
            if role == Qt.ItemDataRole.ToolTipRole:
                return plain_tooltip(row.error) or active_issues(row.issues)
            if role in (StatusRole, SortRole):
                return row.summary
            if role == Qt.ItemDataRole.DecorationRole:
                return self._badges.get(row.summary)
            return None
        service = self.service_id(column)
        if service is None:
            return None
        found = row.severity(service)
        if role == Qt.ItemDataRole.DisplayRole:
            return "" if found is None else self._words.get(found, NOTHING)
        if role == Qt.ItemDataRole.ToolTipRole:
            status = row.statuses.get(service)
            if not status:
                return None
            return plain_tooltip(
                f"{self._services[column - FIRST_SERVICE][1]}: {status_word(status)}"
            )
        if role in (StatusRole, SortRole):
            return found
        if role == Qt.ItemDataRole.DecorationRole:
            return None if found is None else self._badges.get(found)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            name = self._services[column - FIRST_SERVICE][1]
            # Not "—": a screen reader read "Dynamics 365 Apps: dash" (or nothing at all).
            word = self.tr("no data") if found is None else severity_word(found)
            return f"{name}: {word}"
        return None

    def multiData(
        self,
        index: Index,
        roleDataSpan: QModelRoleDataSpan | QModelRoleData,  # noqa: N803
    ) -> None:
        """A painted service cell in one call into Python: its word and its badge.

        The grid repaints 500 cells twice a second during a sweep, and each call from C++ into
        Python waits for the GIL the sweep's threads hold; `data()` per role waited seven times
        per cell, and the repaints stalled.
        """
        column = index.column()
        entries = delegate_entries(roleDataSpan) if column >= FIRST_SERVICE else None
        if entries is not None:
            display, decoration, _alignment = entries
            row = index.row()
            i = column - FIRST_SERVICE
            found = None
            if 0 <= row < len(self._rows) and i < len(self._services):
                found = self._rows[row].severity(self._services[i][0])
            # Set even when empty: the delegate hands the previous cell's span over again.
            if found is None:
                display.setData("")
                decoration.setData(None)
            else:
                display.setData(self._words.get(found, NOTHING))
                decoration.setData(self._badges.get(found))
            return
        fill_span(self.data, index, roleDataSpan)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = (column, order)
        self.resort()

    def resort(self) -> None:
        column, order = self._sort
        descending = order == Qt.SortOrder.DescendingOrder
        name = operator.attrgetter("name_key")
        primary: Callable[[GridRow], Any]
        if column == AFFECTED:
            primary = operator.attrgetter("most")
        else:
            service = self.service_id(column) or ""

            def primary(row: GridRow) -> Any:
                found = row.severity(service)
                return -2 if found is None else found

        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        old = [(p, self._rows[p.row()].customer.tenant_id, p.column()) for p in persistent]
        # Two stable passes with plain keys: names (A to Z inside a descending order, Z to A
        # inside an ascending one), then the column. One pass with a reversed-name object per
        # row compared in Python stalled the end of a big sweep.
        if column == NAME:
            self._rows.sort(key=name, reverse=descending)
        else:
            self._rows.sort(key=name, reverse=not descending)
            self._rows.sort(key=primary, reverse=descending)
        self._row_of = {r.customer.tenant_id: i for i, r in enumerate(self._rows)}
        for index, tenant, col in old:
            self.changePersistentIndex(index, self.index(self._row_of[tenant], col))
        self.layoutChanged.emit()
        self._set_ordered(True)
