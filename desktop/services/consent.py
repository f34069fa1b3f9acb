"""Allowing Partner Desk in customer tenants (GDAP application consent). No Qt; blocks.

Under GDAP the partner's app must be consented in each customer tenant before any token for
that tenant is issued (API.md sections 1, 2 "Application consents", 4). For one customer:

1. ask Entra for the customer's Graph token (not the cache): if it comes with every scope
   the app asks for (`CUSTOMER_GRAPH_SCOPES`), the app is already allowed (no write); if it
   comes without some (consented before the app needed them), the consent is replaced: the
   POST answers 409, so it is deleted and posted again;
2. otherwise, when Entra said "not consented" (AADSTS65001/700016), post the consent with the
   partner user's Partner Center token: 201 created, 409 it existed, 403 the user's GDAP roles
   in that customer cannot consent;
3. then ask for the token again with back-off while Entra catches up ("seconds to minutes").

The result is one of `RESULTS`, with a reason for anything but "allowed"/"already". The GUI and
the `consent` command share this, and sweep it with `Backend.sweep`.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor
from dataclasses import dataclass

from desktop.api.errors import CANCELLED, ApiError
from desktop.auth import AuthError, Category
from desktop.auth.errors import NOT_CONSENTED
from desktop.config.clouds import CUSTOMER_GRAPH_SCOPES
from desktop.domain.customers import Customer
from desktop.domain.gdap import consent_role_names
from desktop.services.backend import Backend, Outcome, new_correlation_id

log = logging.getLogger(__name__)

ALLOWED, ALREADY, REFUSED, FAILED = "allowed", "already", "refused", "failed"
RESULTS = (ALLOWED, ALREADY, REFUSED, FAILED)
COLUMNS = ("tenantId", "companyName", "result", "reason")

# Microsoft Graph's application id: the resource the customer grants our scopes on.
GRAPH_APPLICATION_ID = "00000003-0000-0000-c000-000000000000"
APP_DISPLAY_NAME = "Partner Desk"
# Waits between token attempts after a consent was posted. Entra applies a new consent within
# seconds to minutes (API.md section 2): about a minute in all, then the consent is reported
# as made and still being applied rather than as failed.
SETTLE_DELAYS_S = (0.5, 1.0, 2.0, 4.0, 8.0, 15.0, 30.0)

# The Entra roles that can consent to apps, by their English names (domain/gdap.py).
*_FIRST, _LAST = consent_role_names()
CONSENT_ROLES = f"{', '.join(_FIRST)} or {_LAST}"
REFUSED_ROLES = (
    "Your GDAP roles in this customer cannot consent to apps: it takes "
    f"{CONSENT_ROLES}, through a security group you belong to. Ask for such a role in the "
    "customer's GDAP relationship, or ask the customer's administrator to consent."
)
REMOVED_NOT_POSTED = (
    "The old consent (without the newer permissions) was removed, but the new one was not "
    "made: allow Partner Desk in this customer again."
)
NO_GDAP_NEXT = (
    "To allow Partner Desk there, ask the customer to approve a GDAP relationship whose "
    f"roles include {CONSENT_ROLES} for a security group you belong to."
)
STILL_APPLYING = (
    "Consented; Microsoft is still applying it. It usually takes effect within minutes."
)


# Consent.why
ROLES_REFUSED = "roles"
NO_GDAP = "no_gdap"


@dataclass(frozen=True)
class Consent:
    """What allowing Partner Desk in one customer came to."""

    tenant_id: str
    company_name: str
    result: str
    reason: str = ""
    # Why a refusal, for the UI's own words: ROLES_REFUSED (the GDAP roles there cannot
    # consent) or NO_GDAP (no relationship covers the user at all).
    why: str = ""

    @property
    def ok(self) -> bool:
        return self.result in (ALLOWED, ALREADY)

    def row(self) -> dict[str, str]:
        return {
            "tenantId": self.tenant_id,
            "companyName": self.company_name,
            "result": self.result,
            "reason": self.reason,
        }


def _token_problem(backend: Backend, tenant_id: str, fresh: bool = False) -> AuthError | None:
    """None when a Graph token for the customer comes; else why not (Entra's answer).

    `fresh`: asked of Entra now, not served from a cache (a consent withdrawn since a token was
    cached would otherwise read as "already allowed" until that token expires)."""
    scope = backend.cloud.graph_scope
    if fresh:
        backend.tokens.forget_tenant(tenant_id)
        backend.tokens.invalidate(scope, tenant_id, "")  # MSAL: skip its cached access token
    try:
        backend.tokens.token(scope, tenant_id)
    except AuthError as error:
        return error
    return None


def allow(
    backend: Backend,
    customer: Customer,
    cid: str | None = None,
    cancel: threading.Event | None = None,
    sleep: Callable[[float], bool] | None = None,
) -> Consent:
    """Allow Partner Desk in `customer` (idempotent). `sleep(seconds)` waits and returns True
    when cancelled; by default it waits on `cancel`."""
    cid = cid or new_correlation_id()
    cancel = cancel or threading.Event()
    wait = sleep or cancel.wait

    def result(kind: str, reason: str = "", why: str = "") -> Consent:
        return Consent(customer.tenant_id, customer.company_name, kind, reason, why)

    problem = _token_problem(backend, customer.tenant_id, fresh=True)
    replace = False
    if problem is None:
        if not backend.missing_scopes(customer.tenant_id):
            return result(ALREADY)
        # Consented before the app asked for a permission it needs now (the message center):
        # the consent is there, so a POST answers 409 and the scopes change only by deleting
        # it and posting again (API.md section 2 "Application consents").
        replace = True
    elif problem.category is Category.NO_ACCESS:
        return result(REFUSED, f"{problem.message} {NO_GDAP_NEXT}", NO_GDAP)
    elif problem.code != NOT_CONSENTED:
        return result(FAILED, f"{problem.message} {problem.next_step}")
    grants = {GRAPH_APPLICATION_ID: CUSTOMER_GRAPH_SCOPES}
    removed = False
    try:
        created = backend.pc.add_application_consent(
            customer.tenant_id, backend.client_id, APP_DISPLAY_NAME, grants, cid
        )
        if replace and not created:
            backend.pc.remove_application_consent(customer.tenant_id, backend.client_id, cid)
            removed = True
            created = backend.pc.add_application_consent(
                customer.tenant_id, backend.client_id, APP_DISPLAY_NAME, grants, cid
            )
    except ApiError as error:
        if error.kind == CANCELLED:
            raise
        if error.status == 403:
            return result(REFUSED, REFUSED_ROLES, ROLES_REFUSED)
        return result(FAILED, f"{REMOVED_NOT_POSTED} {error.summary}" if removed else error.summary)
    log.info(
        "consent %s in %s",
        "replaced" if removed else "posted" if created else "existed",
        customer.tenant_id,
    )
    for delay in SETTLE_DELAYS_S:
        # A fresh MSAL application for the tenant: MSAL answers a request it saw refused in
        # the last minute from memory (MsalProvider.forget_tenant). After a replacement, a
        # fresh token too: the cached one carries the old scopes.
        backend.tokens.forget_tenant(customer.tenant_id)
        problem = _token_problem(backend, customer.tenant_id, fresh=replace)
        if problem is None and not (replace and backend.missing_scopes(customer.tenant_id)):
            return result(ALLOWED if created else ALREADY)
        if problem is not None and problem.code != NOT_CONSENTED:
            return result(FAILED, f"{problem.message} {problem.next_step}")
        if wait(delay):
            raise ApiError("Cancelled.", kind=CANCELLED)
    return result(ALLOWED, STILL_APPLYING)


def allow_all(
    backend: Backend,
    customers: Iterable[Customer],
    cancel: threading.Event | None = None,
    concurrency: int | None = None,
    pool: Executor | None = None,
) -> Iterator[Outcome[Consent]]:
    """`allow` for every customer as a sweep: outcomes as they complete; errors not caught by
    `allow` (the network, Partner Center down) come as the outcome's error. `pool`: as for
    `Backend.sweep`."""
    return backend.sweep(
        customers,
        lambda customer, cid, stop: allow(backend, customer, cid, stop),
        cancel=cancel,
        concurrency=concurrency,
        pool=pool,
    )


def from_outcome(outcome: Outcome[Consent]) -> Consent:
    """A sweep's outcome as a `Consent` row (an error becomes "failed" with its summary)."""
    if outcome.value is not None:
        return outcome.value
    error = outcome.error
    reason = error.summary if isinstance(error, ApiError) else str(error)
    if isinstance(error, AuthError):
        reason = f"{error.message} {error.next_step}"
    return Consent(outcome.customer.tenant_id, outcome.customer.company_name, FAILED, reason)


def tally(consents: Iterable[Consent]) -> dict[str, int]:
    """How many customers came to each result, every result named (zeros included)."""
    counts = dict.fromkeys(RESULTS, 0)
    for consent in consents:
        counts[consent.result] = counts.get(consent.result, 0) + 1
    return counts
