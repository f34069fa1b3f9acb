"""The customer's service requests (support tickets) and the notes of the selected one."""

from __future__ import annotations

import html
import threading

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QSplitter, QTableView, QWidget

from desktop.models.records import Customer, Parsed, ServiceRequest
from desktop.models.requests import (
    CREATED,
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
from desktop.ui.panes.base import Pane
from desktop.ui.panes.incidents import local_time
from desktop.ui.widgets.html_view import SafeTextBrowser, field_table, history_entry
from desktop.ui.widgets.tables import setup_table, size_columns


class RequestsPane(Pane):
    what = "service requests"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.what = self.tr("service requests")
        self.model = ServiceRequestModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Service requests"))
        setup_table(self.view)  # most recently modified first, as the model sorts
        # The title gets the room; the creation date is in the details.
        size_columns(
            self.view,
            stretch=TITLE,
            contents=[ID, SEVERITY, STATUS, MODIFIED],
            hidden=[CREATED],
        )
        self.view.selectionModel().currentRowChanged.connect(self._show_request)
        self.detail = SafeTextBrowser()
        self.detail.setAccessibleName(self.tr("Service request details"))
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.view)
        splitter.addWidget(self.detail)
        # A handful of requests, but descriptions and notes run long: they get the height.
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 2)
        self.content_layout().addWidget(splitter)

    def fetch(self, customer: Customer, cancel: threading.Event) -> Parsed[ServiceRequest]:
        return self.ctx.backend.requests(customer.tenant_id)

    def present(self, data: Parsed[ServiceRequest]) -> None:
        if not self.ctx.backend.cloud.service_requests:
            self.show_message(
                self.tr("Not available in this cloud"),
                self.tr("Service requests are not offered in the {0}.").format(
                    self.ctx.backend.cloud.name
                ),
            )
            return
        if not data.items:
            self.show_message(
                self.tr("No service requests"),
                self.tr("Nothing has been filed with Microsoft for this customer."),
            )
            return
        self.model.set_rows(data.items)
        self.show_content()
        self.view.selectRow(0)

    def _show_request(self, current: QModelIndex, _previous: QModelIndex) -> None:
        request = current.data(RecordRole)
        if not isinstance(request, ServiceRequest):
            self.detail.clear()
            return
        e = html.escape
        contact = request.contact_name
        if request.contact_email:
            contact = f"{contact} <{request.contact_email}>" if contact else request.contact_email
        rows = [
            (self.tr("Severity"), severity_label(request.severity)),
            (self.tr("Status"), status_text(request.status)),
            (self.tr("Topic"), request.support_topic_name or request.product_name),
            (self.tr("Contact"), contact),
            (self.tr("Created"), local_time(request.created)),
            (self.tr("Last modified"), local_time(request.last_modified)),
            (self.tr("Closed"), local_time(request.last_closed) if request.last_closed else "—"),
        ]
        palette = self.detail.palette()
        notes = (
            "".join(
                history_entry(
                    palette,
                    f"<b>{e(n.created_by or '?')}</b> · {e(local_time(n.created))}",
                    f"<p>{e(n.text).replace(chr(10), '<br>')}</p>",
                )
                for n in sorted(
                    request.notes, key=lambda n: n.created or request.created or 0, reverse=True
                )
            )
            or f"<p><i>{e(self.tr('No notes yet.'))}</i></p>"
        )
        description = e(request.description).replace("\n", "<br>")
        self.detail.setHtml(
            f"<h3>{e(request.id)} — {e(request.title)}</h3>{field_table(palette, ('', rows))}"
            f"<p>{description}</p><h4>{e(self.tr('Notes (newest first)'))}</h4>{notes}"
        )
