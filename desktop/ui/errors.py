"""One place that turns any failure into a message a support engineer can act on."""

from __future__ import annotations

import logging
import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale

from desktop.qt.failures import report
from desktop.qt.numbers import finite_seconds
from desktop.services.accounts import AuthError
from desktop.services.backend import (
    MALFORMED,
    OFFLINE,
    ApiError,
    Category,
    ItemFailure,
    category_of,
)
from desktop.services.offline import CACHE_UNREADABLE

log = logging.getLogger(__name__)

# lupdate reads the literal context of each call; a helper around it would hide the texts.
translate = QCoreApplication.translate


# Explained.action: what the message offers beside Retry.
CONSENT = "consent"  # allow Partner Desk in this customer (GDAP application consent)

# Entra roles that read what a tab shows, as Microsoft's Graph reference names them ("least
# privileged" first); English product names in every language (desktop/domain/gdap.py says why).
# Service health and incidents: learn.microsoft.com/graph/api/servicehealth-get.
HEALTH_ROLES = ("Service Support Administrator", "Global Reader")
# The message center: learn.microsoft.com/graph/api/serviceannouncement-list-messages; Message
# Center Reader reads every post but the data privacy ones.
MESSAGE_CENTER_ROLES = ("Message Center Reader", "Global Reader")


def auth_text(error: AuthError) -> str:
    """A sign-in failure's message in the user's language (desktop.auth.errors marks its texts
    with the context "AuthError"), Entra's code after it as sent. A text without a translation
    (one that names what failed, say) is shown as it is."""
    text = translate("AuthError", error.reason)
    return text if error.aadsts is None else f"{text} (AADSTS{error.aadsts})"


# A throttled call's wait (Retry-After) is said in seconds up to this ("Try again in 45
# seconds"), as a time of day beyond it ("Try again at 14:05"): nobody counts 3,600 seconds.
SECONDS_SHOWN_MAX_S = 120
# And below this: Graph asks for seconds, Partner Center for a minute or so; a wait of a day or
# more is a broken or hostile answer, said as such, never a date years away (or an
# OverflowError: `Retry-After: 1e20` or `inf` crashed the health sweep, issue 16). The HTTP
# layer caps what it believes at a day too (desktop.api.timing.MAX_RETRY_AFTER_S).
WAIT_SHOWN_MAX_S = 24 * 3600


@dataclass(frozen=True)
class Explained:
    title: str
    detail: str
    retry: bool
    action: str = ""


def explain(error: BaseException, what: str = "", roles: Sequence[str] = ()) -> Explained:
    """Title, detail and whether Retry makes sense, for `error` while loading `what`;
    `roles`: the Entra roles that read it (HEALTH_ROLES...), named when access is missing.

    Never raises: it runs in slots and in a pane's error path, where an exception left a crash
    dialog or a pane on "Loading…" for good. A failure to explain is logged and said plainly.
    """
    try:
        return _explain(error, what, roles)
    except Exception as bug:  # the bug is here, not in `error`: that one is reported
        report(bug, f"explaining {type(error).__name__} failed")
        return _something_went_wrong(error)


def describe(failure: ItemFailure, what: str = "") -> str:
    """One customer's failure in a sweep, as a title (a cell's tooltip, a list's reason)."""
    return explain(failure.error, what).title


def _unexpected(error: BaseException) -> Explained:
    # Said plainly here, and with its traceback to the crash reporter (once): a bug shown as
    # "something went wrong" in a pane would otherwise never be seen by anyone who can fix it.
    report(error, f"{type(error).__name__} shown as 'Something went wrong'")
    return _something_went_wrong(error)


def _something_went_wrong(error: BaseException) -> Explained:
    return Explained(
        translate("errors", "Something went wrong"),
        translate(
            "errors", "An unexpected error occurred: {0}. The details are in the log."
        ).format(type(error).__name__),
        True,
    )


def retry_text(retry_after: float | None, now: QDateTime | None = None) -> str:
    """What to tell about a throttled call's wait: in seconds, at a time of day, or later."""
    wait = finite_seconds(retry_after, WAIT_SHOWN_MAX_S)
    if wait is None or wait <= 0:
        return translate("errors", "Too many requests for this tenant. Try again later.")
    if wait >= WAIT_SHOWN_MAX_S:
        return translate(
            "errors",
            "Too many requests for this tenant, and the service asked to wait a day or more. "
            "Try again later.",
        )
    if wait <= SECONDS_SHOWN_MAX_S:
        return translate(
            "errors", "Too many requests for this tenant. Try again in {0} seconds."
        ).format(QLocale().toString(max(1, math.ceil(wait))))
    start = now or QDateTime.currentDateTime()
    when = start.addSecs(math.ceil(wait))
    locale = QLocale()
    if when.date() == start.date():
        shown = locale.toString(when.time(), QLocale.FormatType.ShortFormat)
    else:
        shown = locale.toString(when, QLocale.FormatType.ShortFormat)
    return translate("errors", "Too many requests for this tenant. Try again at {0}.").format(shown)


def _explain(error: BaseException, what: str, roles: Sequence[str]) -> Explained:
    category = category_of(error)
    if category is None:
        return _unexpected(error)
    if category is Category.NOT_CONSENTED:
        return Explained(
            translate("errors", "Partner Desk is not yet allowed in this customer"),
            translate(
                "errors",
                "Microsoft gives Partner Desk no access to this customer's tenant until "
                "consent is granted for the app there (GDAP). Granting it takes a GDAP role "
                "in this customer that can consent to apps: Global Administrator, "
                "Privileged Role Administrator or Cloud Application Administrator.",
            ),
            False,
            CONSENT,
        )
    if category is Category.CONSENT_OUTDATED:
        return Explained(
            translate("errors", "Partner Desk needs to be allowed again in this customer"),
            translate(
                "errors",
                "Partner Desk was allowed in this customer before it read the message "
                "center, so its consent there lacks that permission (ServiceMessage.Read.All). "
                "Service health still works. Allowing it again replaces the old consent; it "
                "takes a GDAP role in this customer that can consent to apps: Global "
                "Administrator, Privileged Role Administrator or Cloud Application "
                "Administrator.",
            ),
            False,
            CONSENT,
        )
    if isinstance(error, AuthError):
        return _sign_in(error, category, what, roles)
    assert isinstance(error, ApiError)
    if category is Category.OFFLINE:
        return _unreachable(error, what)
    reference = (
        "\n" + translate("errors", "Request id: {0}").format(error.request_id)
        if error.request_id
        else ""
    )
    if category is Category.NO_ACCESS:
        return Explained(
            translate("errors", "No GDAP access to this customer's {0}").format(
                what or translate("errors", "data")
            ),
            translate(
                "errors",
                "Your partner account has no delegated admin role in this customer's tenant "
                "for this.",
            )
            + "\n"
            + _ask_for_roles(roles)
            + reference,
            False,
        )
    if category is Category.THROTTLED:
        return Explained(
            translate("errors", "Microsoft is throttling requests"),
            retry_text(error.retry_after) + reference,
            True,
        )
    status = error.status
    if status == 401:
        return Explained(
            translate("errors", "Sign-in needed"),
            translate("errors", "The service did not accept your sign-in. Sign in again and retry.")
            + reference,
            True,
        )
    if status == 403:
        return Explained(
            translate("errors", "Access denied"),
            translate("errors", "Partner Center refused this for your account: {0}").format(
                error.message
            )
            + reference,
            False,
        )
    if status == 404:
        return Explained(translate("errors", "Not found"), error.message + reference, False)
    if error.kind == MALFORMED:
        return Explained(
            translate("errors", "The service sent an answer that could not be read"),
            error.message + reference,
            True,
        )
    return Explained(
        translate("errors", "The service reported an error"),
        f"{error}",
        status is None or status >= 500,
    )


def _sign_in(error: AuthError, category: Category, what: str, roles: Sequence[str]) -> Explained:
    """Sign-in trouble: Microsoft's reason in plain words and the next step."""
    if category is Category.OFFLINE:  # the same words as an API call's network failure
        return _could_not_reach(error.message)
    if category is Category.NO_ACCESS:
        detail = translate(
            "errors",
            "Your account has no access to this customer's tenant: no GDAP relationship "
            "covers you.",
        )
        if error.aadsts is not None:
            detail += f" (AADSTS{error.aadsts})"
        return Explained(
            translate("errors", "No GDAP access to this customer's {0}").format(
                what or translate("errors", "data")
            ),
            detail + "\n" + _ask_for_roles(roles),
            False,
        )
    return Explained(auth_text(error), translate("AuthError", error.next_step), error.retryable)


def _unreachable(error: ApiError, what: str) -> Explained:
    """No answer: the network, or --offline and the local cache has no (readable) copy."""
    if error.kind == OFFLINE and error.code == CACHE_UNREADABLE:
        return Explained(
            translate("errors", "The cached copy could not be read"),
            translate(
                "errors",
                "The {0} kept in the local cache could not be read: the cache file was damaged "
                "or changed outside Partner Desk. Start Partner Desk without --offline to load "
                "it again.",
            ).format(what or translate("errors", "data")),
            False,
        )
    if error.kind == OFFLINE:
        return Explained(
            translate("errors", "Not available offline"),
            translate(
                "errors",
                "Partner Desk was started with --offline, and the local cache has no saved copy "
                "of the {0}. Start it without --offline to load it.",
            ).format(what or translate("errors", "data")),
            False,
        )
    return _could_not_reach(error.message)


def _could_not_reach(message: str) -> Explained:
    return Explained(
        translate("errors", "Could not reach the service"),
        translate("errors", "Check the network connection, then retry. ({0})").format(message),
        True,
    )


def _ask_for_roles(roles: Sequence[str]) -> str:
    """The next step when GDAP gives no access: a relationship whose roles read it."""
    if not roles:
        return translate(
            "errors",
            "Ask the customer to approve a GDAP relationship with a role that can read this, "
            "and make sure your account is in the security group assigned to it in Partner "
            "Center.",
        )
    return translate(
        "errors",
        "Ask the customer to approve a GDAP relationship that includes one of these roles: {0}. "
        "Make sure your account is in the security group assigned to it in Partner Center.",
    ).format(", ".join(roles))
