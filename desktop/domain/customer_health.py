"""A customer's health from its records, derived once: the worst severity of its services, how
many are hurt, how many issues are active, or why it is not known. No Qt, no I/O.

The customer list, the dashboard's grid, the overview pane and the cached summaries all read a
customer's health through `summarise` (or `HealthSummary.of` for severities already at hand),
so "degraded or down" (`Severity.hurts`) and "worst" are decided here and nowhere else. The
words for these states are in `desktop.qt.words`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import Enum

from desktop.domain.enums import Severity, severity
from desktop.domain.health import HealthIssue, ServiceHealth


class Failure(str, Enum):
    """Why a customer's health is not known."""

    NO_ACCESS = "no_access"  # no GDAP role that reads it (a 403)
    NOT_CONSENTED = "not_consented"  # the app is not allowed in the customer yet
    ERROR = "error"  # anything else: worth a retry


@dataclass(frozen=True)
class HealthSummary:
    """One customer's health: its worst service, how many are hurt, how many issues are active.

    A `failure` means the figures are meaningless; `error` then says why in words (a tooltip).
    An `error` given without a `failure` is an ERROR. `fetched`: when this was learned (epoch
    seconds), None when unknown; cached figures show their age.
    """

    worst: Severity
    degraded: int  # services degraded or down
    incidents: int  # active issues
    error: str = ""
    failure: Failure | None = None
    fetched: float | None = None

    def __post_init__(self) -> None:
        # Plain ints and strings (a test, a caller's literal) become the enums they stand for.
        if type(self.worst) is not Severity:
            object.__setattr__(self, "worst", _severity(self.worst))
        if self.failure is None and self.error:
            object.__setattr__(self, "failure", Failure.ERROR)
        elif self.failure is not None and type(self.failure) is not Failure:
            object.__setattr__(self, "failure", Failure(self.failure))

    @classmethod
    def of(
        cls, severities: Iterable[Severity], incidents: int, fetched: float | None = None
    ) -> HealthSummary:
        """The summary of services of these severities (none: OK) with `incidents` active."""
        found = list(severities)
        return cls(
            worst=max(found, default=Severity.OK),
            degraded=sum(1 for s in found if s.hurts),
            incidents=incidents,
            fetched=fetched,
        )

    @classmethod
    def failed(cls, failure: Failure, error: str, fetched: float | None = None) -> HealthSummary:
        return cls(Severity.UNKNOWN, 0, 0, error, failure, fetched)

    @classmethod
    def from_figures(cls, figures: Mapping[str, int], fetched: float | None) -> HealthSummary:
        """A summary the cache kept (`figures`)."""
        return cls(
            worst=_severity(figures.get("worst", 0)),
            degraded=int(figures.get("degraded", 0)),
            incidents=int(figures.get("incidents", 0)),
            fetched=fetched,
        )

    def figures(self) -> dict[str, int]:
        """What the cache keeps of a summary (`from_figures` reads it back)."""
        return {"worst": int(self.worst), "degraded": self.degraded, "incidents": self.incidents}

    @property
    def severity(self) -> Severity:
        """What its badge shows: the worst service, UNKNOWN when the health is not known."""
        return Severity.UNKNOWN if self.failure is not None else self.worst


def summarise(
    health: Iterable[ServiceHealth], issues: Iterable[HealthIssue], fetched: float | None = None
) -> HealthSummary:
    """The one derivation of a customer's health from its service health and issues."""
    return HealthSummary.of(
        (severity(h.status) for h in health), sum(1 for i in issues if i.active), fetched
    )


def _severity(value: object) -> Severity:
    """A severity from a number kept elsewhere (a cache row): out of range is the nearest."""
    number = int(value) if isinstance(value, int) else Severity.UNKNOWN
    return Severity(min(max(number, Severity.UNKNOWN), Severity.DOWN))
