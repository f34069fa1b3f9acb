"""Service health: every service of the customer with a status badge and a plain label."""

from __future__ import annotations

import threading

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QLabel, QTableView, QWidget

from desktop.domain.customers import Customer
from desktop.domain.enums import Severity
from desktop.domain.health import ServiceHealth
from desktop.domain.parsing import Parsed
from desktop.qt.models.health import SERVICE, STATUS, ServiceHealthModel
from desktop.qt.models.table import RecordRole
from desktop.qt.session import SessionHolder
from desktop.ui.errors import HEALTH_ROLES
from desktop.ui.panes.base import Pane
from desktop.ui.widgets.columns import columns_of
from desktop.ui.widgets.status import StatusDelegate
from desktop.ui.widgets.tables import setup_table, size_columns


class HealthPane(Pane):
    """Signals:
    show_incidents(str): the user opened a service (Enter, double-click): show its issues.
    """

    what = "service health"
    roles = HEALTH_ROLES
    show_incidents = Signal(str)

    def __init__(self, holder: SessionHolder, parent: QWidget | None = None) -> None:
        super().__init__(holder, parent)
        self.what = self.tr("service health")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.model = ServiceHealthModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Service health"))
        self.view.setAccessibleDescription(
            self.tr(
                "Every service of the customer with its status, worst first. Enter shows the "
                "service's incidents."
            )
        )
        # Enter (activated) and a double-click, whichever the platform calls activating.
        self.view.activated.connect(self._open_service)
        self.view.doubleClicked.connect(self._open_service)
        setup_table(self.view)  # worst first, as the model sorts
        size_columns(self.view, stretch=STATUS, contents=[SERVICE])
        columns = columns_of(self.view)
        assert columns is not None
        columns.set_delegate(STATUS, StatusDelegate(self.view))
        layout = self.content_layout()
        layout.addWidget(self.summary)
        layout.addWidget(self.view)

    def _open_service(self, index: QModelIndex) -> None:
        health = index.data(RecordRole)
        if isinstance(health, ServiceHealth):
            self.show_incidents.emit(health.service)

    def fetch(self, customer: Customer, cancel: threading.Event) -> Parsed[ServiceHealth]:
        return self.holder.session.backend.health(customer.tenant_id, cancel=cancel)

    def present(self, data: Parsed[ServiceHealth]) -> None:
        if not data.items and not data.errors:
            self.show_message(
                self.tr("No services reported"),
                self.tr("Microsoft reports no services for this tenant."),
            )
            return
        self.model.set_rows(data.items)
        severities = [h.severity for h in data.items]
        degraded = sum(1 for s in severities if s.hurts)
        watch = severities.count(Severity.ADVISORY)
        fine = len(severities) - degraded - watch
        parts = []
        if degraded:
            parts.append(self.tr("%n service(s) degraded or down", "", degraded))
        if watch:
            parts.append(self.tr("%n under investigation", "", watch))
        parts.append(self.tr("%n operational", "", fine))
        if data.errors:
            parts.append(self.tr("%n item(s) could not be read", "", len(data.errors)))
        self.summary.setText(" · ".join(parts))
        self.show_content()
