"""Service requests filed with Microsoft for one customer, severity and status in words."""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QObject, Qt

from desktop.domain.enums import SR_SEVERITY, SR_STATUS
from desktop.domain.service_requests import ServiceRequest
from desktop.qt.models.table import (
    QT_TRANSLATE_NOOP,
    Column,
    RecordTableModel,
    date_column,
    labelled,
    text_column,
)

ID, TITLE, SEVERITY, STATUS, CREATED, MODIFIED, CUSTOMER = range(7)

_CONTEXT: Final = "ServiceRequestModel"
_severity = labelled(
    {
        "critical": QT_TRANSLATE_NOOP("ServiceRequestModel", "Critical (A)"),
        "moderate": QT_TRANSLATE_NOOP("ServiceRequestModel", "Moderate (B)"),
        "minimal": QT_TRANSLATE_NOOP("ServiceRequestModel", "Minimal (C)"),
        "unknown": QT_TRANSLATE_NOOP("ServiceRequestModel", "Unknown"),
    },
    _CONTEXT,
)
_status = labelled(
    {
        "open": QT_TRANSLATE_NOOP("ServiceRequestModel", "Open"),
        "closed": QT_TRANSLATE_NOOP("ServiceRequestModel", "Closed"),
        "attention_needed": QT_TRANSLATE_NOOP("ServiceRequestModel", "Needs attention"),
        "none": QT_TRANSLATE_NOOP("ServiceRequestModel", "None"),
    },
    _CONTEXT,
)
# Most urgent first when sorted ascending; values Microsoft adds later go last.
_SEVERITY_ORDER: Final = {"critical": 0, "moderate": 1, "minimal": 2}
_STATUS_ORDER: Final = {"attention_needed": 0, "open": 1, "closed": 2, "none": 3}


def severity_label(severity: str | int) -> str:
    """Partner Center severity (a name or its number) in words, e.g. 1 → "Critical (A)"."""
    return _severity(SR_SEVERITY(severity))


def status_text(status: str | int) -> str:
    """Partner Center request status (a name or its number) in words."""
    return _status(SR_STATUS(status))


class ServiceRequestModel(RecordTableModel[ServiceRequest]):
    """Service requests, most recently modified first.

    Roles: `RecordRole` gives the ServiceRequest; dates sort as datetimes with missing ones
    last. No column has a `StatusRole`: a request's severity is not a service's health.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            (
                text_column(QT_TRANSLATE_NOOP("RecordTableModel", "ID"), lambda r: r.id),
                text_column(QT_TRANSLATE_NOOP("RecordTableModel", "Title"), lambda r: r.title),
                Column(
                    QT_TRANSLATE_NOOP("RecordTableModel", "Severity"),
                    lambda r: severity_label(r.severity),
                    lambda r: _SEVERITY_ORDER.get(r.severity),
                ),
                Column(
                    QT_TRANSLATE_NOOP("RecordTableModel", "Status"),
                    lambda r: status_text(r.status),
                    lambda r: _STATUS_ORDER.get(r.status),
                ),
                date_column(QT_TRANSLATE_NOOP("RecordTableModel", "Created"), lambda r: r.created),
                date_column(
                    QT_TRANSLATE_NOOP("RecordTableModel", "Last modified"),
                    lambda r: r.last_modified,
                ),
                # For the partner-wide list; the per-customer pane hides it.
                text_column(
                    QT_TRANSLATE_NOOP("RecordTableModel", "Customer"),
                    lambda r: r.organization_name or r.organization_id,
                ),
            ),
            parent,
            key=lambda r: r.id,
            sort=(MODIFIED, Qt.SortOrder.DescendingOrder),
            tie_column=ID,
        )
