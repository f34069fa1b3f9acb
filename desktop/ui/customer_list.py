"""The customer list: search-as-you-type, sortable columns, a health column that fills in."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.models.customers import CustomerTableModel, HealthSummary
from desktop.models.records import Customer
from desktop.models.table import RecordRole, StatusRole
from desktop.ui.widgets.status import StatusDelegate


def _summary_rank(value: Any) -> int | None:
    if isinstance(value, HealthSummary):
        return -1 if value.error else value.worst_rank
    if isinstance(value, int):
        return value
    return None


class SearchField(QLineEdit):
    """Down arrow moves into the list, so typing then choosing never needs the mouse.

    Signals:
        move_down(): the user pressed Down in the search field.
    """

    move_down = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down:
            self.move_down.emit()
            return
        super().keyPressEvent(event)


class CustomerList(QWidget):
    """Search field, table and count.

    Signals:
        current_changed(object): the current customer (Customer) or None.
    """

    current_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = CustomerTableModel(self)
        self.search = SearchField()
        self.search.setPlaceholderText(self.tr("Search name, domain or tenant ID (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search customers"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.search.move_down.connect(self._focus_list)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Customers"))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.verticalHeader().hide()
        # Uniform heights let the view skip measuring 50,000 rows.
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 8)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.setWordWrap(False)
        self.view.setAlternatingRowColors(True)
        self.view.setTabKeyNavigation(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.view.setColumnWidth(0, 230)
        self.view.setColumnWidth(1, 200)
        self.view.setColumnWidth(2, 90)
        self.view.setColumnWidth(3, 120)
        self.view.setItemDelegateForColumn(4, StatusDelegate(StatusRole, _summary_rank, self.view))
        self.view.selectionModel().currentRowChanged.connect(self._current)
        self.model.modelReset.connect(self._restore_current)
        self.model.layoutChanged.connect(self._restore_current)
        self.count = QLabel()
        self.count.setAccessibleName(self.tr("Customer count"))
        self._current_tenant: str | None = None
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count)
        self._update_count()

    def set_customers(self, customers: list[Customer]) -> None:
        self.model.set_rows(customers)
        self._update_count()

    def _filter(self, text: str) -> None:
        self.model.set_filter(text)
        self._update_count()

    def _update_count(self) -> None:
        total, shown = self.model.total(), self.model.visible()
        if total == shown:
            self.count.setText(self.tr("%n customer(s)", "", total))
        else:
            self.count.setText(self.tr("%1 of %n customer(s)", "", total).replace("%1", str(shown)))

    def _focus_list(self) -> None:
        self.view.setFocus()
        if not self.view.currentIndex().isValid() and self.model.rowCount():
            self.view.selectRow(0)

    def _current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        customer = current.data(RecordRole) if current.isValid() else None
        tenant = customer.tenant_id if isinstance(customer, Customer) else None
        if tenant != self._current_tenant:
            self._current_tenant = tenant
            self.current_changed.emit(customer)

    def _restore_current(self) -> None:
        # Filtering or sorting keeps the chosen customer chosen while it is still listed.
        if self._current_tenant is None:
            return
        row = self.model.row_of(self._current_tenant)
        if row is not None:
            QTimer.singleShot(0, lambda r=row: self.view.selectRow(r))

    def select_row(self, row: int) -> None:
        self.view.setFocus()
        self.view.selectRow(row)

    def current_customer(self) -> Customer | None:
        value = self.view.currentIndex().data(RecordRole)
        return value if isinstance(value, Customer) else None
