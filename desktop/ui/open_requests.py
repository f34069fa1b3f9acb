"""Every customer's service requests in one list, filtered by status and severity."""

from __future__ import annotations

import logging

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.models.records import ServiceRequest
from desktop.models.requests import (
    CREATED,
    CUSTOMER,
    ID,
    MODIFIED,
    SEVERITY,
    STATUS,
    TITLE,
    ServiceRequestModel,
    severity_label,
    status_text,
)
from desktop.models.table import RecordRole
from desktop.ui.context import AppContext
from desktop.ui.errors import explain
from desktop.ui.widgets.tables import RecordTable, setup_table, size_columns

log = logging.getLogger(__name__)

_STATUSES = ("open", "attention_needed", "closed")
_SEVERITIES = ("critical", "moderate", "minimal")


class OpenRequestsWindow(QWidget):
    """The partner's requests across customers; double-click shows the customer.

    Signals:
        show_customer(str): the tenant id of the request the user opened.
    """

    show_customer = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Service requests — all customers"))
        self.model = ServiceRequestModel(self)
        self.status = QComboBox()
        self.status.addItem(self.tr("Open or needing attention"), "active")
        for value in _STATUSES:
            self.status.addItem(status_text(value), value)
        self.status.addItem(self.tr("Any status"), "")
        self.severity = QComboBox()
        self.severity.addItem(self.tr("Any severity"), "")
        for value in _SEVERITIES:
            self.severity.addItem(severity_label(value), value)
        self.count = QLabel()
        reload = QPushButton(self.tr("&Reload"))
        reload.clicked.connect(lambda: self.ctx.worker.spawn(self.load()))
        bar = QHBoxLayout()
        for label, combo in (
            (self.tr("&Status:"), self.status),
            (self.tr("S&everity:"), self.severity),
        ):
            caption = QLabel(label)
            caption.setBuddy(combo)
            bar.addWidget(caption)
            bar.addWidget(combo)
            combo.currentIndexChanged.connect(self._filter)
        bar.addStretch(1)
        bar.addWidget(self.count)
        bar.addWidget(reload)
        self.view = RecordTable()
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Service requests of all customers"))
        self.view.setAccessibleDescription(
            self.tr("Enter opens the request's customer in the main window.")
        )
        setup_table(self.view)
        size_columns(
            self.view,
            stretch=TITLE,
            contents=[ID, SEVERITY, STATUS, MODIFIED, CUSTOMER],
            hidden=[CREATED],
        )
        self.view.doubleClicked.connect(self._open)
        self.view.activated.connect(self._open)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view)
        self.resize(1000, 560)
        self._filter()

    async def load(self) -> None:
        self.count.setText(self.tr("Loading…"))
        try:
            parsed = await self.ctx.worker.run(self.ctx.backend.requests, None)
        except Exception as error:
            explained = explain(error, self.tr("service requests"))
            self.count.setText(f"{explained.title}: {explained.detail}")
            return
        self.model.set_rows(parsed.items)
        self._filter()

    def _filter(self) -> None:
        status = self.status.currentData()
        severity = self.severity.currentData()

        def accept(request: ServiceRequest) -> bool:
            if status == "active" and not request.is_open:
                return False
            if status not in ("", "active") and request.status != status:
                return False
            return not severity or request.severity == severity

        self.model.set_predicate(accept)
        self.count.setText(
            self.tr("%1 of %2 shown")
            .replace("%1", QLocale().toString(self.model.rowCount()))
            .replace("%2", QLocale().toString(len(self.model.all_records())))
        )

    def _open(self) -> None:
        request = self.view.currentIndex().data(RecordRole)
        if isinstance(request, ServiceRequest) and request.organization_id:
            self.show_customer.emit(request.organization_id)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.hide()
        event.ignore()  # kept for the next time; the main window owns it
