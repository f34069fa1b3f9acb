"""Service health issues of one tenant: active first, newest first, filterable by kind."""

from __future__ import annotations

import math
from typing import Final

from PySide6.QtCore import QObject

from desktop.domain.enums import severity
from desktop.domain.health import HealthIssue
from desktop.qt.models.table import (
    QT_TRANSLATE_NOOP,
    Column,
    RecordTableModel,
    date_column,
    labelled,
    text_column,
)
from desktop.qt.words import status_word

ID, TITLE, SERVICE, CLASSIFICATION, STATUS, LAST_UPDATE = range(6)

_CONTEXT: Final = "IssueTableModel"
classification_label = labelled(
    {
        "incident": QT_TRANSLATE_NOOP("IssueTableModel", "Incident"),
        "advisory": QT_TRANSLATE_NOOP("IssueTableModel", "Advisory"),
        "unknownFutureValue": QT_TRANSLATE_NOOP("IssueTableModel", "Unknown"),
    },
    _CONTEXT,
)


def _natural(issue: HealthIssue) -> tuple[bool, float, str]:
    updated = issue.last_modified
    return (issue.is_resolved, -updated.timestamp() if updated else math.inf, issue.id)


class IssueTableModel(RecordTableModel[HealthIssue]):
    """Issues, active ones first and then by last update, newest first (sort column -1).

    Roles: `RecordRole` gives the HealthIssue; on the Status column `StatusRole` and `SortRole`
    give its `Severity`. Anything not classified "advisory" counts as an incident, so an issue
    of a kind Microsoft adds later is not hidden.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            (
                text_column(QT_TRANSLATE_NOOP("RecordTableModel", "ID"), lambda i: i.id),
                text_column(QT_TRANSLATE_NOOP("RecordTableModel", "Title"), lambda i: i.title),
                text_column(QT_TRANSLATE_NOOP("RecordTableModel", "Service"), lambda i: i.service),
                text_column(
                    QT_TRANSLATE_NOOP("RecordTableModel", "Classification"),
                    lambda i: classification_label(i.classification),
                ),
                Column(
                    QT_TRANSLATE_NOOP("RecordTableModel", "Status"),
                    lambda i: status_word(i.status),
                    lambda i: severity(i.status),
                    status=lambda i: severity(i.status),
                ),
                date_column(
                    QT_TRANSLATE_NOOP("RecordTableModel", "Last update"), lambda i: i.last_modified
                ),
            ),
            parent,
            key=lambda i: i.id,
            natural_key=_natural,
        )

    def set_filter(
        self,
        show_active: bool,
        show_resolved: bool,
        show_incidents: bool,
        show_advisories: bool,
        service: str = "",
    ) -> None:
        """Which issues to show: by state (active, resolved), by kind (incident, advisory) and,
        when `service` is given, that service's only."""

        def accept(issue: HealthIssue) -> bool:
            if service and issue.service != service:
                return False
            state = show_resolved if issue.is_resolved else show_active
            advisory = issue.classification == "advisory"
            return state and (show_advisories if advisory else show_incidents)

        if show_active and show_resolved and show_incidents and show_advisories and not service:
            self.set_predicate(None)
        else:
            self.set_predicate(accept)
