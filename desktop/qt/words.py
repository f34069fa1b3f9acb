"""The words for states, once: what the customer list, the panes, the dashboard's grid and the
notices call a health severity, a failed health read, a service status and where a GDAP
relationship stands.

The states are decided in `desktop.domain` (no Qt); this module only says them, translated
(context "Words"). Exports write the states' stable English values instead (desktop.services).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Final

from PySide6.QtCore import QCoreApplication, QObject

from desktop.domain.customer_health import Failure, HealthSummary
from desktop.domain.enums import HEALTH_STATUS, Severity
from desktop.domain.gdap import role_names
from desktop.qt.models.table import QT_TRANSLATE_NOOP

# lupdate reads the literal context of each call; a helper around it would hide the texts.
translate = QCoreApplication.translate

_CONTEXT: Final = "Words"
#: Nothing to say yet (not loaded) or at all.
NOTHING: Final = "—"


class Words(QObject):
    """The words with a count in them.

    lupdate keeps the plural forms of `self.tr(text, "", n)` only: a `QCoreApplication.translate`
    whose count is not a literal loses them, or the whole message. The class names the context.
    """

    def not_operational(self, n: int) -> str:
        return self.tr("%n service(s) not operational", "", n)

    def active_issues(self, n: int) -> str:
        return self.tr("%n active issue(s)", "", n)

    def expires_in(self, days: int) -> str:
        return self.tr("Expires in %n day(s)", "", days)

    def extends_by(self, days: int) -> str:
        return self.tr("Extends automatically by %n day(s)", "", days)


@functools.cache
def _words() -> Words:
    return Words()


# -- a customer's health ------------------------------------------------------------------------

_SEVERITY: Final = {
    Severity.OK: QT_TRANSLATE_NOOP("Words", "OK"),
    Severity.ADVISORY: QT_TRANSLATE_NOOP("Words", "Advisory"),
    Severity.DEGRADED: QT_TRANSLATE_NOOP("Words", "Degraded"),
    Severity.DOWN: QT_TRANSLATE_NOOP("Words", "Down"),
}
_FAILURE: Final = {
    Failure.NO_ACCESS: QT_TRANSLATE_NOOP("Words", "No access"),
    # GDAP: the app is not consented in this customer yet (one click allows it).
    Failure.NOT_CONSENTED: QT_TRANSLATE_NOOP("Words", "Not allowed"),
    Failure.ERROR: QT_TRANSLATE_NOOP("Words", "Error"),
}


def severity_word(severity: Severity) -> str:
    """A service's or a customer's health in a word; UNKNOWN has none."""
    source = _SEVERITY.get(severity)
    return NOTHING if source is None else translate(_CONTEXT, source)


def severity_words() -> dict[Severity, str]:
    """Every severity's word, translated now: for a model that words thousands of cells."""
    return {severity: severity_word(severity) for severity in _SEVERITY}


def failure_word(failure: Failure) -> str:
    """Why a customer's health is not known, in a word or two (its tooltip says the rest)."""
    return translate(_CONTEXT, _FAILURE[failure])


def health_word(summary: HealthSummary | None) -> str:
    """A customer's health in a word: its worst service, or why it is not known."""
    if summary is None:
        return NOTHING
    if summary.failure is not None:
        return failure_word(summary.failure)
    return severity_word(summary.worst)


def health_count_word(summary: HealthSummary | None) -> str:
    """The list's cell: the word, and how many services it stands for when more than one is hurt
    ("Degraded (3)"), so the list shows at a glance how hurt a customer is."""
    word = health_word(summary)
    if summary is None or summary.failure is not None or not summary.worst.hurts:
        return word
    if summary.degraded <= 1:
        return word
    return f"{word} ({summary.degraded})"


def health_words() -> list[str]:
    """Every word `health_word` says, to size a column by."""
    return [
        *severity_words().values(),
        *(f"{word} (99)" for word in severity_words().values()),
        *map(failure_word, Failure),
    ]


def not_operational(n: int) -> str:
    return _words().not_operational(n)


def active_issues(n: int) -> str:
    return _words().active_issues(n)


# -- a service's status, as Graph sends it --------------------------------------------------------

# Graph's documented serviceHealthStatus values (API.md section 3), in words a customer uses.
_STATUS: Final = {
    "serviceOperational": QT_TRANSLATE_NOOP("Words", "Operational"),
    "serviceDegradation": QT_TRANSLATE_NOOP("Words", "Degraded"),
    "serviceInterruption": QT_TRANSLATE_NOOP("Words", "Interrupted"),
    "restoringService": QT_TRANSLATE_NOOP("Words", "Restoring service"),
    "extendedRecovery": QT_TRANSLATE_NOOP("Words", "Extended recovery"),
    "investigating": QT_TRANSLATE_NOOP("Words", "Investigating"),
    "verifyingService": QT_TRANSLATE_NOOP("Words", "Verifying fix"),
    "serviceRestored": QT_TRANSLATE_NOOP("Words", "Restored"),
    "postIncidentReviewPublished": QT_TRANSLATE_NOOP("Words", "Post-incident report published"),
    "falsePositive": QT_TRANSLATE_NOOP("Words", "False positive"),
    "investigationSuspended": QT_TRANSLATE_NOOP("Words", "Investigation suspended"),
    "resolved": QT_TRANSLATE_NOOP("Words", "Resolved"),
    "mitigated": QT_TRANSLATE_NOOP("Words", "Mitigated"),
    "mitigatedExternal": QT_TRANSLATE_NOOP("Words", "Mitigated (external)"),
    "resolvedExternal": QT_TRANSLATE_NOOP("Words", "Resolved (external)"),
    "confirmed": QT_TRANSLATE_NOOP("Words", "Confirmed"),
    "reported": QT_TRANSLATE_NOOP("Words", "Reported"),
    "unknownFutureValue": QT_TRANSLATE_NOOP("Words", "Unknown"),
}


def status_word(status: str) -> str:
    """A health or issue status in plain words; a status Microsoft added later is shown as sent."""
    source = _STATUS.get(HEALTH_STATUS(status))
    return status if source is None else translate(_CONTEXT, source)


# -- GDAP -----------------------------------------------------------------------------------------

_GDAP_STATUS: Final = {
    "active": QT_TRANSLATE_NOOP("Words", "Active"),
    "expiring": QT_TRANSLATE_NOOP("Words", "Expiring"),
    "expired": QT_TRANSLATE_NOOP("Words", "Expired"),
    "terminated": QT_TRANSLATE_NOOP("Words", "Terminated"),
    "terminating": QT_TRANSLATE_NOOP("Words", "Terminating"),
    "terminationRequested": QT_TRANSLATE_NOOP("Words", "Termination requested"),
    "approvalPending": QT_TRANSLATE_NOOP("Words", "Awaiting approval"),
    "approved": QT_TRANSLATE_NOOP("Words", "Approved"),
    "activating": QT_TRANSLATE_NOOP("Words", "Activating"),
    "created": QT_TRANSLATE_NOOP("Words", "Created"),
}


def gdap_status_word(status: str) -> str:
    """A relationship's status in words. Graph's `unknownFutureValue` (a status newer than the
    app) and any status the app does not know read "Other status", never the raw value."""
    source = _GDAP_STATUS.get(status)
    if source is None:
        return translate("Words", "Other status")
    return translate(_CONTEXT, source)


def gdap_status_words() -> list[str]:
    """Every status word, to size a column by."""
    return [*map(gdap_status_word, _GDAP_STATUS), gdap_status_word("")]


def no_gdap_word() -> str:
    """A customer with no relationship at all."""
    return translate("Words", "No GDAP")


def no_gdap_explained() -> str:
    return translate(
        "Words",
        "No active GDAP relationship: health, incidents and delegated admin portals of this "
        "customer are not available to you.",
    )


def expiry_word(days: int) -> str:
    """When a relationship to renew ends (`desktop.domain.gdap.expires_in`): "Expires today",
    never "in 0 days"."""
    if days <= 0:
        return translate("Words", "Expires today")
    return _words().expires_in(days)


def extension_word(days: int) -> str:
    """What Microsoft adds at the end by itself (`desktop.domain.gdap.extension_days`)."""
    return _words().extends_by(days)


def roles_text(ids: Iterable[str]) -> str:
    """Role names, comma-separated (English Microsoft names: see domain/gdap.py)."""
    names = role_names(ids)
    return ", ".join(names) if names else NOTHING
