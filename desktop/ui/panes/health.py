"""Service health: every service of the customer with a status badge and a plain label."""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QWidget

from desktop.models.health import ServiceHealthModel
from desktop.models.records import Customer, Parsed, ServiceHealth, health_rank
from desktop.models.table import StatusRole
from desktop.ui.context import AppContext
from desktop.ui.panes.base import Pane
from desktop.ui.widgets.status import StatusDelegate


def _rank(status: Any) -> int | None:
    return health_rank(status) if isinstance(status, str) and status else None


class HealthPane(Pane):
    what = "service health"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.what = self.tr("service health")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.model = ServiceHealthModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Service health"))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setSortingEnabled(True)
        self.view.verticalHeader().hide()
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.view.setItemDelegateForColumn(1, StatusDelegate(StatusRole, _rank, self.view))
        layout = self.content_layout()
        layout.addWidget(self.summary)
        layout.addWidget(self.view)

    def fetch(self, customer: Customer, cancel: threading.Event) -> Parsed[ServiceHealth]:
        return self.ctx.backend.health(customer.tenant_id, cancel=cancel)

    def present(self, data: Parsed[ServiceHealth]) -> None:
        if not data.items and not data.errors:
            self.show_message(
                self.tr("No services reported"),
                self.tr("Microsoft reports no services for this tenant."),
            )
            return
        self.model.set_rows(data.items)
        degraded = sum(1 for h in data.items if h.rank >= 2)
        watch = sum(1 for h in data.items if h.rank == 1)
        fine = len(data.items) - degraded - watch
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
