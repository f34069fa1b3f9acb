"""Application consent per customer tenant: the app's service principal, its Graph grant, and
whether the partner's GDAP roles there let the partner consent (API.md sections 1, 2, 4).

What Entra does at a customer authority follows from it (desktop/sandbox/entra.py): no active
GDAP relationship, AADSTS50020; no service principal, AADSTS700016; a service principal without
the grant, AADSTS65001. Partner Center's application consent API (consent_api.py) changes it.
"""

from __future__ import annotations

import random
import threading
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from desktop.config.clouds import CUSTOMER_GRAPH_SCOPES
from desktop.sandbox.customers import Customer

CONSENTED = "consented"
NO_SERVICE_PRINCIPAL = "no_service_principal"
NO_GRANT = "no_grant"
NO_GDAP = "no_gdap"
STATES = (CONSENTED, NO_SERVICE_PRINCIPAL, NO_GRANT, NO_GDAP)
MODES = ("all", "none", "some")
# With consented="some": the share of GDAP customers consented, and of the others the share
# whose GDAP roles cannot consent (no Global, Privileged Role or Cloud Application Administrator).
CONSENTED_SHARE = 0.7
REFUSED_SHARE = 1 / 3
# What Partner Desk asked customers to consent to before it read the message center: a
# customer consented then still has only this grant, so its tokens lack ServiceMessage.Read.All
# (Graph answers 403 for messages, health still works) until the app consents again. With
# consented="some", this share of the consented customers is in that state.
OLD_SCOPES: tuple[str, ...] = ("ServiceHealth.Read.All",)
OUTDATED_SHARE = 0.2
# The first customers of the list (by company name) that must show each kind: the app's
# self-test and its screenshots open them.
HEAD = 10


@dataclass
class _Tenant:
    has_gdap: bool
    can_consent: bool
    service_principal: bool = False
    scopes: tuple[str, ...] = ()  # the Graph grant; () = none
    effective_at: float = 0.0  # clock() from which the grant counts (consent takes a while)
    display_name: str = ""


def _kind(tenant: _Tenant) -> str:
    """consented / to_consent (the partner can fix it) / refused (its roles cannot)."""
    if not tenant.has_gdap:
        return "no_gdap"
    if tenant.service_principal and tenant.scopes:
        return "consented"
    return "to_consent" if tenant.can_consent else "refused"


class ConsentBook:
    """Thread-safe, mutable consent facts for every customer, seeded deterministically."""

    def __init__(
        self,
        customers: Sequence[Customer],
        seed: int,
        mode: str = "some",
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        """`customers` in list order (by company name): the first ones get every kind."""
        if mode not in MODES:
            raise ValueError(f"consented must be one of {', '.join(MODES)}, not {mode!r}")
        self.mode = mode
        self._clock = clock
        self._lock = threading.Lock()
        self._tenants: dict[str, _Tenant] = {}
        fallback: dict[str, str] = {}
        for c in customers:
            rng = random.Random(f"{seed}:{c.index}:consent")
            consented_roll, kind_roll, role_roll = rng.random(), rng.random(), rng.random()
            fallback[c.tenant_id] = NO_SERVICE_PRINCIPAL if kind_roll < 0.5 else NO_GRANT
            consented = mode == "all" or (mode == "some" and consented_roll < CONSENTED_SHARE)
            tenant = _Tenant(c.has_gdap, c.has_gdap and (consented or role_roll >= REFUSED_SHARE))
            if c.has_gdap:
                self._set(tenant, CONSENTED if consented else fallback[c.tenant_id])
                # A stream of its own: the states drawn above stay what they were.
                outdated = random.Random(f"{seed}:{c.index}:consent-scopes").random()
                if consented and mode == "some" and outdated < OUTDATED_SHARE:
                    tenant.scopes = OLD_SCOPES
            self._tenants[c.tenant_id] = tenant
        if mode == "some":
            self._cover_head(customers[:HEAD], fallback)

    def _cover_head(self, head: Sequence[Customer], fallback: dict[str, str]) -> None:
        """Make the first customers show consented, to-consent and refused, each at least once:
        a customer whose kind is there twice takes a missing kind (the last such one first)."""
        gdap = [self._tenants[c.tenant_id] for c in head if c.has_gdap]
        tids = [c.tenant_id for c in head if c.has_gdap]
        for missing in ("consented", "to_consent", "refused"):
            counts = Counter(_kind(t) for t in gdap)
            if counts[missing] or len(gdap) < 3:
                continue
            donor = next(i for i in reversed(range(len(gdap))) if counts[_kind(gdap[i])] >= 2)
            tenant = gdap[donor]
            tenant.can_consent = missing != "refused"
            self._set(tenant, CONSENTED if missing == "consented" else fallback[tids[donor]])

    @staticmethod
    def _set(tenant: _Tenant, state: str, scopes: Sequence[str] = CUSTOMER_GRAPH_SCOPES) -> None:
        tenant.service_principal = state in (CONSENTED, NO_GRANT)
        tenant.scopes = tuple(scopes) if state == CONSENTED else ()
        tenant.effective_at = 0.0
        tenant.display_name = "Partner Desk" if tenant.service_principal else ""

    def _get(self, tenant_id: str) -> _Tenant | None:
        return self._tenants.get(tenant_id.lower())

    # -- facts ---------------------------------------------------------------------------

    def state(self, tenant_id: str) -> str:
        """One of STATES. A consent still taking effect is `no_grant`, as Entra sees it."""
        with self._lock:
            tenant = self._get(tenant_id)
            if tenant is None or not tenant.has_gdap:
                return NO_GDAP
            if not tenant.service_principal:
                return NO_SERVICE_PRINCIPAL
            if not tenant.scopes or self._clock() < tenant.effective_at:
                return NO_GRANT
            return CONSENTED

    def can_consent(self, tenant_id: str) -> bool:
        """Whether the partner's GDAP roles there let it consent (fixed: the roles are data)."""
        tenant = self._get(tenant_id)
        return tenant is not None and tenant.can_consent

    def granted(self, tenant_id: str) -> tuple[str, ...] | None:
        """The Graph scopes in effect there, or None where tokens are refused."""
        if self.state(tenant_id) != CONSENTED:
            return None
        with self._lock:
            tenant = self._get(tenant_id)
            return None if tenant is None else tenant.scopes

    def outdated(self, tenant_id: str) -> bool:
        """Consented, but with a grant that lacks some of the scopes the app asks for now."""
        granted = self.granted(tenant_id)
        return granted is not None and not set(CUSTOMER_GRAPH_SCOPES) <= set(granted)

    def tenants_in(self, state: str) -> list[str]:
        return [tid for tid in self._tenants if self.state(tid) == state]

    # -- changes -------------------------------------------------------------------------

    def consent(
        self, tenant_id: str, display_name: str, scopes: Sequence[str], delay_s: float = 0.0
    ) -> bool:
        """Create the service principal and the grant; False if both exist already. The grant
        counts only `delay_s` seconds later (Entra catches up: "seconds to minutes")."""
        with self._lock:
            tenant = self._tenants[tenant_id.lower()]
            if tenant.service_principal and tenant.scopes:
                return False
            tenant.service_principal, tenant.scopes = True, tuple(scopes)
            tenant.display_name = display_name
            tenant.effective_at = self._clock() + max(0.0, delay_s)
            return True

    def remove(self, tenant_id: str) -> bool:
        """Delete the service principal and its grant; False if there was none."""
        with self._lock:
            tenant = self._get(tenant_id)
            if tenant is None or not tenant.service_principal:
                return False
            self._set(tenant, NO_SERVICE_PRINCIPAL)
            return True

    def set_state(
        self, tenant_id: str, state: str, scopes: Sequence[str] = CUSTOMER_GRAPH_SCOPES
    ) -> None:
        """Tests: put a GDAP customer in `consented`, `no_service_principal` or `no_grant`."""
        if state not in (CONSENTED, NO_SERVICE_PRINCIPAL, NO_GRANT):
            raise ValueError(f"cannot set consent state {state!r}")
        with self._lock:
            tenant = self._get(tenant_id)
            if tenant is None or not tenant.has_gdap:
                raise ValueError(f"{tenant_id} is not a customer with GDAP")
            self._set(tenant, state, scopes)
