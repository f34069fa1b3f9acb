"""Sign-in failures turned into a plain message and the next step. No Qt.

MSAL reports failures as a dict (`error`, `error_description`, `error_codes`); Entra's codes
(AADSTS…) say what actually went wrong. The codes worth a message are listed in API.md
section 4; Microsoft's reference is https://login.microsoftonline.com/error?code=NNNNN. The
description is kept out of the message: it may quote request details, and the trace and
correlation ids in it are only useful in the log.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from desktop.auth.base import AuthError

_AADSTS = re.compile(r"AADSTS(\d+)")

# The translation context of this module's texts: the window shows them translated
# (desktop.ui.errors), the command line and the log as they are.
TR_CONTEXT = "AuthError"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate knows
    """Marks `text` for lupdate; this module has no Qt, so the UI translates it where shown."""
    return text


# code -> (AuthError.code, message, next step)
_BY_AADSTS: dict[int, tuple[str, str, str]] = {
    50173: (
        "expired",
        QT_TRANSLATE_NOOP(
            "AuthError", "Your sign-in is no longer valid: the session was revoked or has expired."
        ),
        QT_TRANSLATE_NOOP("AuthError", "Sign in again."),
    ),
    700082: (
        "expired",
        QT_TRANSLATE_NOOP("AuthError", "Your sign-in has expired after a long time without use."),
        QT_TRANSLATE_NOOP("AuthError", "Sign in again."),
    ),
    70043: (
        "conditional_access",
        QT_TRANSLATE_NOOP(
            "AuthError",
            "Your organisation's conditional access policy requires you to sign in again "
            "(sign-in frequency).",
        ),
        QT_TRANSLATE_NOOP("AuthError", "Sign in again; this is expected from time to time."),
    ),
    65001: (
        "consent",
        QT_TRANSLATE_NOOP("AuthError", "Partner Desk has no consent in this tenant."),
        QT_TRANSLATE_NOOP(
            "AuthError",
            "An administrator must grant consent to the Partner Desk app registration. For a "
            "customer tenant, check that the app is consented for GDAP access in Partner Center.",
        ),
    ),
    65004: (
        "cancelled",
        QT_TRANSLATE_NOOP("AuthError", "Consent was declined."),
        QT_TRANSLATE_NOOP("AuthError", "Sign in again and accept the permissions."),
    ),
    50076: (
        "mfa",
        QT_TRANSLATE_NOOP("AuthError", "Multi-factor authentication is required."),
        QT_TRANSLATE_NOOP(
            "AuthError",
            "Sign in interactively and complete the MFA prompt; Partner Center always requires "
            "MFA.",
        ),
    ),
    50079: (
        "mfa",
        QT_TRANSLATE_NOOP(
            "AuthError", "Your account must register for multi-factor authentication first."
        ),
        QT_TRANSLATE_NOOP(
            "AuthError",
            "Register MFA for your account (https://aka.ms/mfasetup), then sign in again.",
        ),
    ),
    50020: (
        "no_gdap",
        # The window says this in its own words, naming the roles of what it was loading
        # (desktop.ui.errors); these are the command line's.
        "Your account has no access to this customer's tenant: no GDAP relationship covers you.",
        "Ask for a GDAP relationship with this customer that includes a security group you "
        "belong to (for service health: Service Support Administrator or Global Reader).",
    ),
    90002: (
        "wrong_cloud",
        QT_TRANSLATE_NOOP("AuthError", "The tenant was not found in this Microsoft cloud."),
        QT_TRANSLATE_NOOP(
            "AuthError",
            "Check the cloud in the account menu: US Government and China tenants sign in to "
            "their own clouds, GCC (moderate) tenants to the global cloud.",
        ),
    ),
    50049: (
        "wrong_cloud",
        QT_TRANSLATE_NOOP(
            "AuthError", "This sign-in address is not a valid Microsoft cloud instance."
        ),
        QT_TRANSLATE_NOOP(
            "AuthError", "Choose the cloud your partner tenant lives in from the account menu."
        ),
    ),
    700016: (
        "app_not_found",
        QT_TRANSLATE_NOOP(
            "AuthError",
            "The application (client) id is not registered in your partner tenant in this cloud.",
        ),
        QT_TRANSLATE_NOOP(
            "AuthError",
            "Check the client id in Settings: app registrations are per cloud, so register the "
            "app in your partner tenant in the cloud you sign in to (see the README's first-run "
            "guide).",
        ),
    ),
    50126: (
        "bad_credentials",
        QT_TRANSLATE_NOOP("AuthError", "The user name or password is wrong."),
        QT_TRANSLATE_NOOP("AuthError", "Sign in again with the right account."),
    ),
    50034: (
        "no_such_user",
        QT_TRANSLATE_NOOP("AuthError", "This account does not exist in the tenant."),
        QT_TRANSLATE_NOOP("AuthError", "Sign in with your Partner Center account."),
    ),
    53003: (
        "conditional_access",
        QT_TRANSLATE_NOOP("AuthError", "A conditional access policy blocked the sign-in."),
        QT_TRANSLATE_NOOP(
            "AuthError",
            "Ask your administrator which policy applies (device compliance, location, ...).",
        ),
    ),
}

# In a customer tenant (a GDAP token), 65001 and 700016 both mean the Partner Desk app is not
# consented there yet: no grant, or no service principal at all. The partner's own consent call
# fixes both (API.md sections 1, 2 "Application consents", 4).
NOT_CONSENTED = "not_consented"
# Consented in the customer, but with fewer Graph permissions than Partner Desk asks for now
# (consented before it read the message center): consent again (desktop.services.consent).
CONSENT_OUTDATED = "consent_outdated"
_CUSTOMER_CONSENT_CODES = frozenset({65001, 700016})
_NOT_CONSENTED_MESSAGE = QT_TRANSLATE_NOOP(
    "AuthError", "Partner Desk is not yet allowed in this customer"
)
_NOT_CONSENTED_NEXT = QT_TRANSLATE_NOOP(
    "AuthError",
    "Allow it in this customer: 'Allow in this customer' on the customer's tab, Account > "
    "Allow Partner Desk in all customers, or 'partner-desk consent --customer TENANT'. It needs "
    "a GDAP role in the customer that can consent to apps (Global Administrator, Privileged "
    "Role Administrator or Cloud Application Administrator).",
)

_BY_ERROR: dict[str, tuple[str, str, str]] = {
    "access_denied": (
        "cancelled",
        QT_TRANSLATE_NOOP("AuthError", "Sign-in was cancelled."),
        QT_TRANSLATE_NOOP("AuthError", "Sign in again when ready."),
    ),
    "authorization_declined": (
        "cancelled",
        QT_TRANSLATE_NOOP("AuthError", "Sign-in was declined."),
        QT_TRANSLATE_NOOP("AuthError", "Sign in again."),
    ),
    "expired_token": (
        "device_code_expired",
        QT_TRANSLATE_NOOP("AuthError", "The sign-in code expired before it was used."),
        QT_TRANSLATE_NOOP(
            "AuthError",
            "Start the device code sign-in again and enter the new code within 15 minutes.",
        ),
    ),
    "invalid_grant": (
        "expired",
        QT_TRANSLATE_NOOP("AuthError", "Your sign-in is no longer valid."),
        QT_TRANSLATE_NOOP("AuthError", "Sign in again."),
    ),
    "interaction_required": (
        "interaction_required",
        QT_TRANSLATE_NOOP("AuthError", "Microsoft needs you to sign in again interactively."),
        QT_TRANSLATE_NOOP("AuthError", "Sign in again."),
    ),
}


def aadsts_codes(result: Mapping[str, Any]) -> list[int]:
    """The AADSTS codes of an MSAL error result: `error_codes`, else those in the text."""
    codes: list[int] = []
    raw = result.get("error_codes")
    if isinstance(raw, list):
        for code in raw:
            try:
                codes.append(int(code))
            except (TypeError, ValueError):
                continue
    if not codes:
        codes = [int(found) for found in _AADSTS.findall(str(result.get("error_description", "")))]
    return codes


def from_msal_result(
    result: Mapping[str, Any], doing: str = "Sign-in", *, customer_tenant: bool = False
) -> AuthError:
    """An `AuthError` for an MSAL error dict; unknown codes keep Microsoft's code for support.

    `customer_tenant`: the token was asked for a customer's tenant (GDAP), where a missing
    consent has its own remedy.
    """
    for code in aadsts_codes(result):
        if customer_tenant and code in _CUSTOMER_CONSENT_CODES:
            return not_consented(code)
        if code in _BY_AADSTS:
            kind, message, next_step = _BY_AADSTS[code]
            return AuthError(
                f"{message} (AADSTS{code})", kind, next_step, aadsts=code, reason=message
            )
    error = str(result.get("error") or "unknown_error")
    if error in _BY_ERROR:
        kind, message, next_step = _BY_ERROR[error]
        return AuthError(message, kind, next_step)
    codes = aadsts_codes(result)
    suffix = f" (AADSTS{codes[0]})" if codes else f" ({error})"
    return AuthError(
        f"{doing} failed{suffix}.",
        error,
        QT_TRANSLATE_NOOP(
            "AuthError",
            "Try again; if it keeps failing, the log has Microsoft's full answer for support.",
        ),
    )


def not_consented(code: int = 65001) -> AuthError:
    return AuthError(
        f"{_NOT_CONSENTED_MESSAGE} (AADSTS{code}).",
        NOT_CONSENTED,
        _NOT_CONSENTED_NEXT,
        aadsts=code,
        reason=_NOT_CONSENTED_MESSAGE,
    )


def offline(doing: str = "Sign-in") -> AuthError:
    return AuthError(
        f"{doing} failed: the sign-in service could not be reached.",
        "offline",
        QT_TRANSLATE_NOOP("AuthError", "Check the network connection (and proxy), then try again."),
    )


def untrusted_certificate(doing: str = "Sign-in") -> AuthError:
    return AuthError(
        f"{doing} stopped: the sign-in service's certificate is not trusted.",
        "untrusted_certificate",
        QT_TRANSLATE_NOOP(
            "AuthError",
            "Behind a proxy that inspects TLS, point REQUESTS_CA_BUNDLE at your organisation's "
            "CA bundle. For a sandbox, check that its address is the one it printed.",
        ),
    )


# Said once, after a sign-in that went to the browser because the Windows broker failed
# (desktop.auth.broker); the next sign-ins go to the browser without a word.
BROWSER_INSTEAD_OF_BROKER = QT_TRANSLATE_NOOP(
    "AuthError",
    "Signed in through the browser: the Windows account broker refused this app registration. "
    "Partner Desk uses the browser for it from now on. To use the broker, add the redirect URI "
    "ms-appx-web://Microsoft.AAD.BrokerPlugin/<client id> to the app registration (see the "
    "sign-in dialog's help).",
)


def broker_kept_the_sign_in() -> AuthError:
    return AuthError(
        QT_TRANSLATE_NOOP(
            "AuthError",
            "The Windows account broker keeps this sign-in to itself, and customer tenants need "
            "Partner Desk's own.",
        ),
        "interaction_required",
        QT_TRANSLATE_NOOP(
            "AuthError", "Sign in again: Partner Desk signs in through the browser from now on."
        ),
    )


def cancelled() -> AuthError:
    return AuthError(
        QT_TRANSLATE_NOOP("AuthError", "Sign-in was cancelled."),
        "cancelled",
        QT_TRANSLATE_NOOP("AuthError", "Sign in again when ready."),
    )


def timed_out() -> AuthError:
    return AuthError(
        QT_TRANSLATE_NOOP("AuthError", "Sign-in did not finish in the browser in time."),
        "timeout",
        QT_TRANSLATE_NOOP(
            "AuthError",
            "Sign in again; if the browser cannot reach this computer, use the device code "
            "instead.",
        ),
    )


def closed_cloud(note: str) -> AuthError:
    return AuthError(
        note,
        "closed_cloud",
        QT_TRANSLATE_NOOP("AuthError", "Choose another cloud from the account menu."),
    )


def not_configured() -> AuthError:
    return AuthError(
        QT_TRANSLATE_NOOP("AuthError", "No application (client) id is set for signing in."),
        "not_configured",
        QT_TRANSLATE_NOOP(
            "AuthError",
            "Register Partner Desk as a public client app in your partner tenant and enter its "
            "client id in Settings (the README's first-run guide lists the steps).",
        ),
    )


def signed_out() -> AuthError:
    return AuthError(
        QT_TRANSLATE_NOOP("AuthError", "You are not signed in."),
        "signed_out",
        QT_TRANSLATE_NOOP("AuthError", "Sign in from the account menu."),
    )
