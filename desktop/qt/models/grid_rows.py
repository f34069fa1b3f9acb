"""The health grid's rows (desktop.qt.models.dashboard): a customer's status per service, and
the sort keys made as the row arrives.

Plain Python, no Qt: the dashboard makes its rows on the sweep's threads (desktop.qt.health_board),
so the GUI thread only inserts them.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from desktop.domain.customer_health import Failure, HealthSummary
from desktop.domain.customers import Customer
from desktop.domain.enums import Severity, severity
from desktop.domain.health import HealthIssue, ServiceHealth
from desktop.domain.sent_once import SentOnce
from desktop.qt.text_limits import elide


class Checked(Protocol):
    """What a sweep learned of a customer (desktop.services.health_sweep.Checked): what a grid
    row and the health board's entry are made of."""

    @property
    def summary(self) -> HealthSummary: ...

    @property
    def health(self) -> list[ServiceHealth]: ...

    @property
    def active(self) -> list[HealthIssue]: ...

    @property
    def notices(self) -> Sequence[Any]: ...  # desktop.services.notices.Notice


@dataclass(slots=True)
class GridRow:
    customer: Customer
    # Service id -> Graph status; a status's severity is looked up (`severity`), not kept per
    # row: a second dict per customer was ~6 MB at 10,000 customers.
    statuses: dict[str, str] = field(default_factory=dict)
    affected: int = 0  # services degraded or down
    worst: Severity = Severity.UNKNOWN
    issues: int = 0  # active issues touching the customer
    error: str = ""  # why its health is not known, in words (a tooltip)
    failure: Failure | None = None
    # Sort keys, made as the row arrives: the sort when a sweep of 10,000 ends then runs
    # in C, not through a Python key function per row.
    name_key: str = ""
    most: tuple[int, int, int] = (-1, -1, -1)  # "most affected": degraded, worst, issues

    def severity(self, service_id: str) -> Severity | None:
        status = self.statuses.get(service_id)
        return None if status is None else severity(status)

    @property
    def summary(self) -> Severity:
        """What the Affected cell's badge shows: the worst service, UNKNOWN when not known."""
        return Severity.UNKNOWN if self.failure is not None else self.worst


def grid_row(
    customer: Customer,
    health: list[ServiceHealth] | None,
    issues: int,
    error: str,
    failure: Failure | None = None,
) -> GridRow:
    """A customer's row of the grid, with its sort keys; `error` (with its `failure`, ERROR
    when not given) when its health could not be read.

    Plain Python, no Qt: the dashboard makes its rows on the sweep's threads, so the GUI
    thread only inserts them (making them there stalled it twice a second during a sweep).
    """
    row = GridRow(customer, issues=issues, error=error)
    intern = sys.intern  # one string per service and status, not one per customer (memory)
    for item in health or ():
        row.statuses[intern(item.service_id)] = intern(item.status)
    row.name_key = elide(customer.company_name or customer.domain).casefold()
    if error or failure is not None:
        summary = HealthSummary.failed(failure or Failure.ERROR, error)
        row.failure = summary.failure
    else:
        summary = HealthSummary.of(map(severity, row.statuses.values()), issues)
        row.most = (summary.degraded, summary.worst, issues)
    row.affected, row.worst = summary.degraded, summary.worst
    return row


@dataclass(frozen=True, slots=True)
class SweptHealth:
    """One customer's check as the health board keeps it: its summary, its grid row and the ids
    of its active issues. The issues and service names this sweep had not delivered before ride
    along once: a Microsoft incident held by 5,000 customers crosses from the engine's process,
    and stays in the window, as one copy, not 5,000 (~100 MB at 10,000 customers)."""

    summary: HealthSummary
    row: GridRow
    issue_ids: tuple[str, ...] = ()
    issues: tuple[HealthIssue, ...] = ()  # copies not delivered before (or newer)
    services: tuple[tuple[str, str], ...] = ()  # (service id, name) not delivered before
    notices: tuple[Any, ...] = ()  # desktop.services.notices.Notice


class SweptRows:
    """A sweep's `then` for the health board: each customer's `SweptHealth`, made where the
    sweep runs (its threads, or the engine's process, which receives this object pickled, with
    nothing delivered yet). Thread-safe: the sweep's threads share one."""

    def __init__(self) -> None:
        self._issues: SentOnce[HealthIssue] = SentOnce()
        self._services: set[str] = set()
        self._lock = threading.Lock()

    def __getstate__(self) -> dict[str, Any]:
        return {}

    def __setstate__(self, _state: dict[str, Any]) -> None:
        self.__init__()  # type: ignore[misc]

    def __call__(self, customer: Customer, checked: Checked) -> SweptHealth:
        ids, fresh = self._issues.compact(checked.active)
        services: list[tuple[str, str]] = []
        with self._lock:
            for item in checked.health:
                if item.service_id not in self._services:
                    self._services.add(item.service_id)
                    services.append((item.service_id, item.service))
        row = grid_row(customer, checked.health, len(checked.active), "")
        return SweptHealth(
            checked.summary, row, ids, fresh, tuple(services), tuple(checked.notices)
        )
