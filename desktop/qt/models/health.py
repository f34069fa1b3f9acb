"""Service health of one tenant: every service with its status in plain words, worst first."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt

from desktop.domain.enums import severity
from desktop.domain.health import ServiceHealth
from desktop.qt.models.table import QT_TRANSLATE_NOOP, Column, RecordTableModel, text_column
from desktop.qt.words import status_word

SERVICE, STATUS = range(2)


class ServiceHealthModel(RecordTableModel[ServiceHealth]):
    """Services and their status, worst first (Status descending, then by name).

    Roles: `RecordRole` gives the ServiceHealth; on the Status column `StatusRole` and
    `SortRole` give its `Severity`, and the tooltip the status as sent.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            (
                text_column(QT_TRANSLATE_NOOP("RecordTableModel", "Service"), lambda h: h.service),
                Column(
                    QT_TRANSLATE_NOOP("RecordTableModel", "Status"),
                    lambda h: status_word(h.status),
                    lambda h: severity(h.status),
                    tooltip=lambda h: h.status,
                    status=lambda h: severity(h.status),
                ),
            ),
            parent,
            key=lambda h: h.service_id,
            sort=(STATUS, Qt.SortOrder.DescendingOrder),
            tie_column=SERVICE,
        )
