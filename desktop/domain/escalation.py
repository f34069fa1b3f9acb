"""The severity an escalated Microsoft incident starts with. No Qt, no I/O.

Escalating a service-health issue used to start every incident at "critical" (and every
advisory at "moderate"), whatever Microsoft said of it (issue 18). The suggestion now follows
the issue's own `classification` and `status` (Graph serviceHealthIssue, API.md section 3) and
Partner Center's severities as the request form defines them (API.md section 2, the meanings in
desktop.services.filing.SEVERITIES: critical = a service down or unusable, no workaround;
moderate = a feature impaired or degraded; minimal = a question or minor problem):

| the issue                                                      | severity |
|----------------------------------------------------------------|----------|
| resolved (`isResolved`), or status serviceRestored,            | minimal  |
| postIncidentReviewPublished, resolved, resolvedExternal,       |          |
| mitigated, mitigatedExternal, falsePositive                    |          |
| classification advisory (Microsoft: "limited impact")          | minimal  |
| incident, status serviceInterruption (the service is down)     | critical |
| any other incident (serviceDegradation, investigating,         | moderate |
| restoringService, extendedRecovery, ... and unknown values)    |          |

It is only where the draft starts: the dialog says where it came from and the user chooses.
"""

from __future__ import annotations

from typing import Final

CRITICAL, MODERATE, MINIMAL = "critical", "moderate", "minimal"

# Statuses that say the impact is over (or never was): nothing urgent is left to escalate.
_OVER: Final = frozenset(
    {
        "serviceRestored",
        "postIncidentReviewPublished",
        "resolved",
        "resolvedExternal",
        "mitigated",
        "mitigatedExternal",
        "falsePositive",
    }
)


def suggested_severity(classification: str, status: str, is_resolved: bool = False) -> str:
    """Partner Center's severity for escalating an issue of this classification and status
    (compared case-insensitively: Graph sends PascalCase though it documents camelCase)."""
    over = {s.casefold() for s in _OVER}
    if is_resolved or status.casefold() in over:
        return MINIMAL
    if classification.casefold() == "advisory":
        return MINIMAL  # Microsoft's word for limited impact; a new value counts as incident
    if status.casefold() == "serviceinterruption":
        return CRITICAL
    return MODERATE


__all__ = ["CRITICAL", "MINIMAL", "MODERATE", "suggested_severity"]
