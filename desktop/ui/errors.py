"""One place that turns any failure into a message a support engineer can act on."""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale

from desktop.qt.numbers import finite_seconds
from desktop.services.accounts import AuthError
from desktop.services.backend import ApiError

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

# A sign-in failure's Entra code, kept as sent after the translated message.
_CODE_AT_END = re.compile(r"^(?P<text>.+) (?P<code>\(AADSTS\d+\))(?P<end>\.?)$", re.DOTALL)


def auth_text(message: str) -> str:
    """A message or next step of desktop.auth.errors in the user's language (marked there
    with the context "AuthError"); "(AADSTS50076)" at its end stays as it is. A text without
    a translation (one that names what failed, say) is shown as it is."""
    found = _CODE_AT_END.match(message)
    if found is None:
        whole = message
        return translate("AuthError", whole)
    text = found["text"]
    translated = translate("AuthError", text)
    return f"{translated} {found['code']}{found['end']}"


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
    except Exception:
        log.exception("could not explain %s", type(error).__name__)
        return _unexpected(error)


def _unexpected(error: BaseException) -> Explained:
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
    if isinstance(error, AuthError):
        # Sign-in trouble: Microsoft's reason in plain words and the next step.
        if error.code == "not_consented":
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
        if error.code == "consent_outdated":  # Backend.CONSENT_OUTDATED
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
        if error.code == "offline":  # the same words as an API call's network failure
            return Explained(
                translate("errors", "Could not reach the service"),
                translate("errors", "Check the network connection, then retry. ({0})").format(
                    error.message
                ),
                True,
            )
        if error.code == "no_gdap":
            code = _CODE_AT_END.match(error.message)
            detail = translate(
                "errors",
                "Your account has no access to this customer's tenant: no GDAP relationship "
                "covers you.",
            )
            if code is not None:
                detail += f" {code['code']}"
            return Explained(
                translate("errors", "No GDAP access to this customer's {0}").format(
                    what or translate("errors", "data")
                ),
                detail + "\n" + _ask_for_roles(roles),
                False,
            )
        return Explained(
            auth_text(error.message),
            auth_text(error.next_step),
            error.code in ("offline", "timeout", "expired", "conditional_access", "mfa"),
        )
    if not isinstance(error, ApiError):
        return _unexpected(error)
    if error.kind == "offline" and error.code == "cache_unreadable":  # CACHE_UNREADABLE
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
    if error.kind == "offline":
        return Explained(
            translate("errors", "Not available offline"),
            translate(
                "errors",
                "Partner Desk was started with --offline and the local cache has no {0} for "
                "this. Start it without --offline to load it.",
            ).format(what or translate("errors", "data")),
            False,
        )
    reference = (
        "\n" + translate("errors", "Request id: {0}").format(error.request_id)
        if error.request_id
        else ""
    )
    status = error.status
    if status == 403 and "graph" in error.url.lower():
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
    if status in (401,):
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
    if error.throttled:
        return Explained(
            translate("errors", "Microsoft is throttling requests"),
            retry_text(error.retry_after) + reference,
            True,
        )
    if error.kind in ("network", "timeout"):
        return Explained(
            translate("errors", "Could not reach the service"),
            translate("errors", "Check the network connection, then retry. ({0})").format(
                error.message
            ),
            True,
        )
    if error.kind == "malformed":
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
