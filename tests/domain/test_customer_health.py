"""A customer's health from its records, derived once (desktop.domain.customer_health): the
severity of each status, the worst, what counts as hurt, and why a health may be unknown."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.customer_health import Failure, HealthSummary, summarise
from desktop.domain.enums import HEALTH_STATUS, Severity, severity
from desktop.domain.health import HealthIssue, ServiceHealth

GRAPH = "https://graph.microsoft.com"
PARTNER_CENTER = "https://api.partnercenter.microsoft.com/v1/customers"


def health(*statuses: str) -> list[ServiceHealth]:
    return [ServiceHealth(f"s{n}", f"Service {n}", status) for n, status in enumerate(statuses)]


def issue(issue_id: str, resolved: bool) -> HealthIssue:
    return HealthIssue.from_json({"id": issue_id, "title": issue_id, "isResolved": resolved})


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ("serviceOperational", Severity.OK),
        ("serviceRestored", Severity.OK),
        ("falsePositive", Severity.OK),
        ("investigating", Severity.ADVISORY),
        ("verifyingService", Severity.ADVISORY),
        ("restoringService", Severity.DEGRADED),
        ("serviceDegradation", Severity.DEGRADED),
        ("extendedRecovery", Severity.DEGRADED),
        ("serviceInterruption", Severity.DOWN),
        # Any spelling the enum reads; a status newer than the app: noticed, not alarming.
        ("SERVICEINTERRUPTION", Severity.DOWN),
        ("serviceMaintenance", Severity.ADVISORY),
        ("unknownFutureValue", Severity.ADVISORY),
        ("", Severity.ADVISORY),
    ],
)
def test_the_severity_of_a_status(status: str, expected: Severity) -> None:
    assert severity(status) is expected
    assert ServiceHealth("x", "X", status).severity is expected


def test_every_documented_status_has_a_severity_and_only_degraded_or_down_hurt() -> None:
    for status in HEALTH_STATUS.documented:
        assert severity(status) in Severity
    assert [s for s in Severity if s.hurts] == [Severity.DEGRADED, Severity.DOWN]


def test_summarise_takes_the_worst_and_counts_the_hurt_and_the_active() -> None:
    summary = summarise(
        health("serviceOperational", "investigating", "serviceDegradation", "restoringService"),
        [issue("EX1", False), issue("EX2", True), issue("TM3", False)],
        fetched=12.5,
    )
    assert summary == HealthSummary(Severity.DEGRADED, 2, 2, fetched=12.5)
    assert summary.severity is summary.worst is Severity.DEGRADED
    assert summary.failure is None
    # Nothing reported: fine, not unknown (the cache's summaries say the same).
    assert summarise([], []) == HealthSummary(Severity.OK, 0, 0)


@given(st.lists(st.sampled_from([*HEALTH_STATUS.documented, "newStatus"]), max_size=30))
def test_the_summary_of_severities_is_the_summary_of_their_statuses(statuses: list[str]) -> None:
    summary = summarise(health(*statuses), [])
    found = [severity(s) for s in statuses]
    assert summary == HealthSummary.of(found, 0)
    assert summary.worst == max(found, default=Severity.OK)
    assert summary.degraded == sum(1 for s in found if s >= Severity.DEGRADED)


def test_a_failed_read_has_no_figures_and_says_why() -> None:
    failed = HealthSummary.failed(Failure.NO_ACCESS, "No GDAP access", fetched=3.0)
    assert failed.failure is Failure.NO_ACCESS
    assert failed.severity is Severity.UNKNOWN
    assert (failed.error, failed.fetched) == ("No GDAP access", 3.0)
    # An error given without its kind is an ERROR; plain values become the enums.
    plain = HealthSummary(-1, 0, 0, "timed out")
    assert plain.failure is Failure.ERROR
    assert plain.worst is Severity.UNKNOWN
    assert HealthSummary(2, 1, 0, "x", "not_consented").failure is Failure.NOT_CONSENTED
    assert HealthSummary(9, 0, 0).worst is Severity.DOWN  # out of range: the nearest


def test_figures_round_trip_through_the_cache_form() -> None:
    summary = HealthSummary(Severity.DOWN, 3, 1)
    assert summary.figures() == {"worst": 3, "degraded": 3, "incidents": 1}
    back = HealthSummary.from_figures(summary.figures(), 8.0)
    assert back == HealthSummary(Severity.DOWN, 3, 1, fetched=8.0)
    # A tampered row (whole numbers, but out of range) still reads as a severity.
    assert HealthSummary.from_figures({"worst": 999_999}, None).worst is Severity.DOWN
    assert HealthSummary.from_figures({}, None) == HealthSummary(Severity.OK, 0, 0)
