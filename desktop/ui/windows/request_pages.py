"""A page of the all-customers requests window: a table of requests over the selected one's
details (fields, description, notes), which follow the selection."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from desktop.domain.service_requests import ServiceRequest
from desktop.qt.models.requests import (
    CREATED,
    CUSTOMER,
    ID,
    MODIFIED,
    SEVERITY,
    STATUS,
    TITLE,
    ServiceRequestModel,
)
from desktop.qt.models.table import RecordRole
from desktop.ui.widgets.columns import columns_of
from desktop.ui.widgets.html_view import SafeTextBrowser
from desktop.ui.widgets.request_detail import request_html
from desktop.ui.widgets.tables import RecordTable, setup_table, size_columns

# The widest a column other than the title gets, in average characters: a long company name
# is elided (its tooltip has it whole) rather than squeezing the title to a few letters.
_COLUMN_MAX_CHARS = 30


def matching(query: str, status: str, severity: str) -> Callable[[ServiceRequest], bool]:
    """Which requests to show: `status` ("active": open or needing attention; "": any) and
    `severity` ("": any), and `query`'s words in the number, the title or the customer's name.
    A number alone names one request: the filters would only hide it (a customer calls about
    the ticket closed yesterday)."""
    query = query.strip().casefold()
    by_number = query.isdigit()

    def accept(request: ServiceRequest) -> bool:
        if by_number:
            return query in request.id
        if query and not any(
            query in text.casefold()
            for text in (request.id, request.title, request.organization_name)
        ):
            return False
        if status == "active" and not request.is_open:
            return False
        if status not in ("", "active") and request.status != status:
            return False
        return not severity or request.severity == severity

    return accept


class RequestPage(QWidget):
    """`view` (the table) above `detail` (the selected request). `with_customer`: the
    customers' requests, the customer's column first; else (the partner's own tickets) none."""

    def __init__(
        self,
        model: ServiceRequestModel,
        name: str,
        description: str,
        detail_name: str,
        with_customer: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self._with_customer = with_customer
        self.view = RecordTable()
        self.view.setModel(model)
        self.view.setAccessibleName(name)
        self.view.setAccessibleDescription(description)
        setup_table(self.view)
        size_columns(
            self.view,
            stretch=TITLE,
            contents=[ID, SEVERITY, STATUS, MODIFIED, CUSTOMER],
            hidden=[CREATED] if with_customer else [CREATED, CUSTOMER],
        )
        if with_customer:
            # Whose request it is, read first: the window lists every customer's.
            columns = columns_of(self.view)
            assert columns is not None
            columns.move(CUSTOMER, before=columns.order()[0])
        # Fitted to contents, but never wider than this: the title keeps the room.
        self.view.horizontalHeader().setMaximumSectionSize(
            self.view.fontMetrics().averageCharWidth() * _COLUMN_MAX_CHARS
        )
        self.detail = SafeTextBrowser()
        self.detail.setAccessibleName(detail_name)
        self.view.selectionModel().currentRowChanged.connect(self._show)
        model.modelReset.connect(self._show_current)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.view)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    def current(self) -> ServiceRequest | None:
        request = self.view.currentIndex().data(RecordRole)
        return request if isinstance(request, ServiceRequest) else None

    def _show_current(self) -> None:
        self._show(self.view.currentIndex(), QModelIndex())

    def _show(self, current: QModelIndex, _previous: QModelIndex) -> None:
        request = current.data(RecordRole)
        if not isinstance(request, ServiceRequest):
            self.detail.clear()
            return
        customer = (
            (request.organization_name or request.organization_id) if self._with_customer else ""
        )
        self.detail.setHtml(request_html(request, self.detail.palette(), customer))
