"""The wire's enumerations in their documented spelling, and how bad a health status is.
No Qt, no I/O. Unknown values are kept as sent (`desktop.domain.parsing.Enum`).
"""

from __future__ import annotations

import functools
from enum import IntEnum
from typing import Final

from desktop.domain.parsing import Enum

# Graph service health status (API.md section 3), documented lower camelCase.
HEALTH_STATUS = Enum(
    (
        "serviceOperational",
        "investigating",
        "restoringService",
        "verifyingService",
        "serviceRestored",
        "postIncidentReviewPublished",
        "serviceDegradation",
        "serviceInterruption",
        "extendedRecovery",
        "falsePositive",
        "investigationSuspended",
        "resolved",
        "mitigatedExternal",
        "mitigated",
        "resolvedExternal",
        "confirmed",
        "reported",
        "unknownFutureValue",
    )
)


CLASSIFICATION = Enum(("advisory", "incident", "unknownFutureValue"))


POST_TYPE = Enum(("regular", "quick", "strategic", "unknownFutureValue"))


RELATIONSHIP = Enum(("none", "reseller", "advisor", "syndication", "microsoft_support", "unknown"))


SR_SEVERITY = Enum(
    ("unknown", "critical", "moderate", "minimal"),
    {0: "unknown", 1: "critical", 2: "moderate", 3: "minimal"},
)


SR_STATUS = Enum(
    ("none", "open", "closed", "attention_needed"),
    {0: "none", 1: "open", 2: "closed", 3: "attention_needed"},
)


PC_INCIDENT_STATUS = Enum(("normal", "information", "warning", "critical"))


GDAP_STATUS = Enum(
    (
        "activating",
        "active",
        "approvalPending",
        "approved",
        "created",
        "expired",
        "expiring",
        "terminated",
        "terminating",
        "terminationRequested",
        "unknownFutureValue",
    )
)


class Severity(IntEnum):
    """How bad a service's health is, worst last: what a badge's colour and shape say and what
    the lists sort by. UNKNOWN: no figure at all (not accessible, failed)."""

    UNKNOWN = -1
    OK = 0
    ADVISORY = 1  # under investigation, recovering: worth watching, not alarming
    DEGRADED = 2
    DOWN = 3

    @property
    def hurts(self) -> bool:
        """Degraded or down: a service that counts as hurt everywhere it is counted."""
        return self >= Severity.DEGRADED


# Unknown statuses are ADVISORY, so they are noticed but not alarming.
_SEVERITY: Final = {
    "serviceOperational": Severity.OK,
    "serviceRestored": Severity.OK,
    "postIncidentReviewPublished": Severity.OK,
    "falsePositive": Severity.OK,
    "resolved": Severity.OK,
    "resolvedExternal": Severity.OK,
    "mitigated": Severity.OK,
    "mitigatedExternal": Severity.OK,
    "investigationSuspended": Severity.OK,
    "investigating": Severity.ADVISORY,
    "verifyingService": Severity.ADVISORY,
    "confirmed": Severity.ADVISORY,
    "reported": Severity.ADVISORY,
    "restoringService": Severity.DEGRADED,
    "serviceDegradation": Severity.DEGRADED,
    "extendedRecovery": Severity.DEGRADED,
    "serviceInterruption": Severity.DOWN,
}


@functools.lru_cache(maxsize=256)
def severity(status: str) -> Severity:
    """The severity of a Graph health or issue status (any spelling the tolerant enum reads).

    Cached: a sweep asks for a handful of distinct statuses tens of thousands of times, and
    the tolerant parse of each is what the grid's rows cost (docs/PERFORMANCE.md, "Severities")."""
    return _SEVERITY.get(HEALTH_STATUS(status), Severity.ADVISORY)
