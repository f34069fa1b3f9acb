"""Service health of one tenant: every service with its status in plain words, worst first."""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QCoreApplication, QObject, Qt

from desktop.domain.enums import HEALTH_STATUS, health_rank
from desktop.domain.health import ServiceHealth
from desktop.qt.models.table import QT_TRANSLATE_NOOP, Column, RecordTableModel, text_column

SERVICE, STATUS = range(2)

_CONTEXT: Final = "ServiceHealthModel"
# Graph's documented serviceHealthStatus values (API.md section 3), in words a customer uses.
_STATUS_LABELS: Final = {
    "serviceOperational": QT_TRANSLATE_NOOP("ServiceHealthModel", "Operational"),
    "serviceDegradation": QT_TRANSLATE_NOOP("ServiceHealthModel", "Degraded"),
    "serviceInterruption": QT_TRANSLATE_NOOP("ServiceHealthModel", "Interrupted"),
    "restoringService": QT_TRANSLATE_NOOP("ServiceHealthModel", "Restoring service"),
    "extendedRecovery": QT_TRANSLATE_NOOP("ServiceHealthModel", "Extended recovery"),
    "investigating": QT_TRANSLATE_NOOP("ServiceHealthModel", "Investigating"),
    "verifyingService": QT_TRANSLATE_NOOP("ServiceHealthModel", "Verifying fix"),
    "serviceRestored": QT_TRANSLATE_NOOP("ServiceHealthModel", "Restored"),
    "postIncidentReviewPublished": QT_TRANSLATE_NOOP(
        "ServiceHealthModel", "Post-incident report published"
    ),
    "falsePositive": QT_TRANSLATE_NOOP("ServiceHealthModel", "False positive"),
    "investigationSuspended": QT_TRANSLATE_NOOP("ServiceHealthModel", "Investigation suspended"),
    "resolved": QT_TRANSLATE_NOOP("ServiceHealthModel", "Resolved"),
    "mitigated": QT_TRANSLATE_NOOP("ServiceHealthModel", "Mitigated"),
    "mitigatedExternal": QT_TRANSLATE_NOOP("ServiceHealthModel", "Mitigated (external)"),
    "resolvedExternal": QT_TRANSLATE_NOOP("ServiceHealthModel", "Resolved (external)"),
    "confirmed": QT_TRANSLATE_NOOP("ServiceHealthModel", "Confirmed"),
    "reported": QT_TRANSLATE_NOOP("ServiceHealthModel", "Reported"),
    "unknownFutureValue": QT_TRANSLATE_NOOP("ServiceHealthModel", "Unknown"),
}


def status_label(status: str) -> str:
    """A health or issue status in plain words; a status Microsoft added later is shown as sent."""
    source = _STATUS_LABELS.get(HEALTH_STATUS(status))
    return status if source is None else QCoreApplication.translate(_CONTEXT, source)


class ServiceHealthModel(RecordTableModel[ServiceHealth]):
    """Services and their status, worst first (Status descending, then by name).

    Roles: `RecordRole` gives the ServiceHealth; on the Status column `StatusRole` gives the
    status string as sent (rank it with `health_rank`) and `SortRole` the health rank.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            (
                text_column(QT_TRANSLATE_NOOP("RecordTableModel", "Service"), lambda h: h.service),
                Column(
                    QT_TRANSLATE_NOOP("RecordTableModel", "Status"),
                    lambda h: status_label(h.status),
                    lambda h: health_rank(h.status),
                    tooltip=lambda h: h.status,
                    status=lambda h: h.status,
                ),
            ),
            parent,
            key=lambda h: h.service_id,
            sort=(STATUS, Qt.SortOrder.DescendingOrder),
            tie_column=SERVICE,
        )
