"""The health grid's rows (desktop.qt.models.dashboard): a customer's status per service, and
the sort keys made as the row arrives.

Plain Python, no Qt: the dashboard makes its rows on the sweep's threads (desktop.qt.health_board),
so the GUI thread only inserts them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol, TypeVar

from desktop.domain.customer_health import Failure, HealthSummary
from desktop.domain.customers import Customer
from desktop.domain.enums import Severity, severity
from desktop.domain.health import HealthIssue, ServiceHealth
from desktop.qt.text_limits import elide


class Checked(Protocol):
    """What a sweep learned of a customer (desktop.services.health_sweep.Checked, which this
    layer may not import): what a grid row is made of."""

    @property
    def health(self) -> list[ServiceHealth]: ...

    @property
    def active(self) -> list[HealthIssue]: ...


@dataclass
class GridRow:
    customer: Customer
    statuses: dict[str, str] = field(default_factory=dict)  # service id -> Graph status
    severities: dict[str, Severity] = field(default_factory=dict)  # service id -> its severity
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
        return self.severities.get(service_id)

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
    for item in health or ():
        row.statuses[item.service_id] = item.status
        row.severities[item.service_id] = severity(item.status)
    row.name_key = elide(customer.company_name or customer.domain).casefold()
    if error or failure is not None:
        summary = HealthSummary.failed(failure or Failure.ERROR, error)
        row.failure = summary.failure
    else:
        summary = HealthSummary.of(row.severities.values(), issues)
        row.most = (summary.degraded, summary.worst, issues)
    row.affected, row.worst = summary.degraded, summary.worst
    return row


C = TypeVar("C", bound=Checked)


def swept_row(customer: Customer, checked: C) -> tuple[C, GridRow]:
    """A sweep's outcome for the health board: the check and its grid row, both made where the
    sweep runs (its threads, or the engine's process, which pickles this function by name)."""
    return checked, grid_row(customer, checked.health, len(checked.active), "")
