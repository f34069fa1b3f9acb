"""The dashboard's "Incidents now" model: the Microsoft issues active across customers.

It keeps one copy of each active issue with the tenants it touches (the same Microsoft incident
appears in thousands of tenants; keeping every copy of its post history would grow memory with
every customer swept). The grid of customers x services is desktop.qt.models.dashboard.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from PySide6.QtCore import QLocale, QObject, Qt

from desktop.domain.health import HealthIssue
from desktop.qt.models.incidents import classification_label
from desktop.qt.models.table import (
    QT_TRANSLATE_NOOP,
    Column,
    RecordTableModel,
    date_column,
    text_column,
)


@dataclass(frozen=True)
class ActiveIssue:
    """One active Microsoft issue and the customers it touches right now."""

    issue: HealthIssue
    tenants: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        return self.issue.id


class IncidentsNowModel(RecordTableModel[ActiveIssue]):
    """Active issues across customers, most customers touched first."""

    ID, TITLE, SERVICE, CLASSIFICATION, CUSTOMERS, UPDATED = range(6)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            (
                text_column(QT_TRANSLATE_NOOP("RecordTableModel", "ID"), lambda a: a.issue.id),
                text_column(
                    QT_TRANSLATE_NOOP("RecordTableModel", "Title"), lambda a: a.issue.title
                ),
                text_column(
                    QT_TRANSLATE_NOOP("RecordTableModel", "Service"), lambda a: a.issue.service
                ),
                text_column(
                    QT_TRANSLATE_NOOP("RecordTableModel", "Classification"),
                    lambda a: classification_label(a.issue.classification),
                ),
                Column(
                    QT_TRANSLATE_NOOP("RecordTableModel", "Customers"),
                    lambda a: QLocale().toString(len(a.tenants)),
                    lambda a: len(a.tenants),
                    alignment=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                ),
                date_column(
                    QT_TRANSLATE_NOOP("RecordTableModel", "Last update"),
                    lambda a: a.issue.last_modified,
                ),
            ),
            parent,
            key=lambda a: a.issue.id,
            sort=(self.CUSTOMERS, Qt.SortOrder.DescendingOrder),
            tie_column=self.ID,
        )
        self._issues: dict[str, HealthIssue] = {}
        # Per issue, its tenants in arrival order (a dict: a tenant added again counts once).
        self._tenants: dict[str, dict[str, None]] = {}
        self._dirty: set[str] = set()  # issues added to since the last `publish`

    def clear(self) -> None:
        self._issues.clear()
        self._tenants.clear()
        self._dirty.clear()
        self.set_rows([])

    def add(self, tenant_id: str, issues: Iterable[HealthIssue]) -> None:
        """Record the active issues of one customer (call `publish` once per batch)."""
        for issue in issues:
            if not issue.active:
                continue
            known = self._issues.get(issue.id)
            if known is None or _stamp(issue) > _stamp(known):
                # The post history is only needed for the detail view: keep the newest copy.
                self._issues[issue.id] = issue
            self._tenants.setdefault(issue.id, {})[tenant_id] = None
            self._dirty.add(issue.id)

    def publish(self) -> None:
        """Show what `add` gathered since the last call: new issues below, known ones in place.

        Only the issues touched since then are rebuilt. Rebuilding all of them (and comparing
        each with its old row) stalled the GUI thread twice a second in a big sweep; and new
        issues are appended, not reset in, so the incident being read stays selected while the
        sweep goes on.
        """
        if not self._dirty:
            return
        dirty, self._dirty = self._dirty, set()
        fresh: list[ActiveIssue] = []
        recounted: list[ActiveIssue] = []  # only more customers: one cell changes
        updated: list[ActiveIssue] = []  # a newer copy of the issue: the whole row
        for issue_id in sorted(dirty):
            issue = self._issues[issue_id]
            active = ActiveIssue(issue, tuple(self._tenants[issue_id]))
            shown = self.record_of_key(issue_id)
            if shown is None:
                fresh.append(active)
            else:
                (recounted if shown.issue is issue else updated).append(active)
        if recounted:
            # The views repaint the count's cells, not the rows: a sweep recounts most issues
            # twice a second, and every painted cell is a call into Python that waits for
            # the sweep's GIL.
            self.replace_records(recounted, columns=(self.CUSTOMERS, self.CUSTOMERS))
        if updated:
            self.replace_records(updated)
        if fresh and not self.all_records():
            self.set_rows(fresh)  # the first ones: sorted, nothing to keep in place yet
        elif fresh:
            self.append_records(fresh)

    def tenants_of(self, issue_id: str) -> tuple[str, ...]:
        return tuple(self._tenants.get(issue_id, ()))


def _stamp(issue: HealthIssue) -> float:
    return issue.last_modified.timestamp() if issue.last_modified else 0.0


def with_tenants(active: ActiveIssue, tenants: Iterable[str]) -> ActiveIssue:
    return replace(active, tenants=tuple(tenants))
