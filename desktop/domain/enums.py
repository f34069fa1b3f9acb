"""The wire's enumerations in their documented spelling, and how bad a health status is.
No Qt, no I/O. Unknown values are kept as sent (`desktop.domain.parsing.Enum`).
"""

from __future__ import annotations

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


# How bad a health status is, for sorting and colour: 0 fine, 1 advisory/recovering, 2 degraded,
# 3 down. Unknown statuses rank 1 so they are noticed but not alarming.
_SEVERITY_RANK = {
    "serviceOperational": 0,
    "serviceRestored": 0,
    "postIncidentReviewPublished": 0,
    "falsePositive": 0,
    "resolved": 0,
    "resolvedExternal": 0,
    "mitigated": 0,
    "mitigatedExternal": 0,
    "investigationSuspended": 0,
    "investigating": 1,
    "verifyingService": 1,
    "confirmed": 1,
    "reported": 1,
    "restoringService": 2,
    "serviceDegradation": 2,
    "extendedRecovery": 2,
    "serviceInterruption": 3,
}


def health_rank(status: str) -> int:
    return _SEVERITY_RANK.get(HEALTH_STATUS(status), 1)
