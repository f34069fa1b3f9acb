"""The all-customers requests window's "Could not be read" page: the customers whose requests
could not be read, why (as desktop.ui.errors says it), and Enter opens one."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from desktop.qt.models.table import plain_tooltip

_TENANT = Qt.ItemDataRole.UserRole
# Spelt out at each call, in the context where the words were first translated (the
# window's): lupdate reads only literal contexts and texts.
translate = QCoreApplication.translate


@dataclass(frozen=True)
class Unread:
    """A customer whose requests could not be read, and why (as desktop.ui.errors says it)."""

    name: str
    why: str
    detail: str = ""


class UnreadPage(QWidget):
    """Signals:
    open_customer(str): the tenant id of the customer the user opened (Enter, double-click).
    """

    open_customer = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._failed: Mapping[str, Unread] = {}
        self.failures = QTreeWidget()
        self.failures.setRootIsDecorated(False)
        self.failures.setUniformRowHeights(True)
        self.failures.setHeaderLabels(
            [translate("OpenRequestsWindow", "Customer"), translate("OpenRequestsWindow", "Why")]
        )
        self.failures.setAccessibleName(
            translate("OpenRequestsWindow", "Customers whose requests could not be read")
        )
        self.failures.setAccessibleDescription(
            translate("OpenRequestsWindow", "Enter opens the customer in the main window.")
        )
        self.failures.itemActivated.connect(self._open)
        self.failures.currentItemChanged.connect(self._explain)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.failures, 1)
        layout.addWidget(self.detail)

    def show_failed(self, failed: Mapping[str, Unread]) -> None:
        """These customers (by tenant id), by name; the one chosen before stays chosen."""
        self._failed = dict(failed)
        current = self.failures.currentItem()
        tenant = current.data(0, _TENANT) if current is not None else None
        self.failures.clear()
        for key, unread in sorted(self._failed.items(), key=lambda kv: kv[1].name.casefold()):
            item = QTreeWidgetItem([unread.name, unread.why])
            item.setData(0, _TENANT, key)
            for column in (0, 1):
                item.setToolTip(column, plain_tooltip(f"{unread.why}\n{unread.detail}".strip()))
            self.failures.addTopLevelItem(item)
            if key == tenant:
                self.failures.setCurrentItem(item)
        first = self.failures.topLevelItem(0)
        if self.failures.currentItem() is None and first is not None:
            self.failures.setCurrentItem(first)
        self.failures.resizeColumnToContents(0)
        self._explain(self.failures.currentItem())

    def _explain(self, item: QTreeWidgetItem | None, _previous: object = None) -> None:
        unread = self._failed.get(item.data(0, _TENANT)) if item is not None else None
        self.detail.setText(
            translate("OpenRequestsWindow", "{0}: {1}").format(unread.why, unread.detail)
            if unread and unread.detail
            else ""
        )

    def _open(self, item: QTreeWidgetItem) -> None:
        tenant = item.data(0, _TENANT)
        if tenant:
            self.open_customer.emit(str(tenant))
