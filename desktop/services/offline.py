"""`--offline`: a Backend that answers from the local cache alone, never the network. No Qt.

It is what the last live run saw (sweeps, exports and the customer list write the cache), so
the window opens and works with Microsoft unreachable or the sandbox stopped: the customer
list, every customer's health and issues, planned changes (the message center) where
swept, requests where they were fetched, and the admin
portals (built from the cloud's templates, which need no network). Everything else raises an
`ApiError` of kind `offline` that the panes explain ("Not available offline"), rather than a
network error that would invite a retry that cannot succeed. A list whose cached copy cannot
be read (the file was damaged or changed outside Partner Desk) raises one of code
`CACHE_UNREADABLE` instead, which the panes explain as such: never a traceback.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator

from desktop.api.errors import OFFLINE, ApiError
from desktop.config.clouds import CloudProfile
from desktop.domain.customers import Customer, CustomerDetail, PortalLink
from desktop.domain.gdap import AccessAssignment, GdapRelationship
from desktop.domain.health import HealthIssue, ServiceHealth
from desktop.domain.parsing import Parsed
from desktop.domain.partner_incidents import PartnerIncidents
from desktop.domain.service_messages import ServiceMessage
from desktop.domain.service_requests import ServiceRequest, SupportTopic
from desktop.services.backend import Backend
from desktop.store.cache import CUSTOMERS, HEALTH, ISSUES, MESSAGES, REQUESTS, Cache

# The code of the ApiError for a cached list that cannot be read (desktop.ui.errors words it).
CACHE_UNREADABLE = "cache_unreadable"


class _NoTokens:
    """Offline, nothing signs in: a call that would need a token fails as offline."""

    home_tenant = ""

    def token(self, scope: str, tenant: str | None = None) -> str:
        raise _missing("A sign-in")

    def invalidate(self, scope: str, tenant: str | None, token: str) -> None:
        return None

    def forget_tenant(self, tenant: str) -> None:
        return None


def _missing(what: str) -> ApiError:
    return ApiError(f"{what} is not in the offline cache", kind=OFFLINE)


def _unreadable(what: str) -> ApiError:
    return ApiError(
        f"{what} in the offline cache could not be read (the cache file was damaged or changed "
        "outside Partner Desk)",
        code=CACHE_UNREADABLE,
        kind=OFFLINE,
    )


class OfflineBackend(Backend):
    """Reads `source` of `cache`; `cloud` gives the link policy and the portal templates."""

    def __init__(self, cache: Cache, source: str, cloud: CloudProfile) -> None:
        # The HTTP session is built but never used: every call below is answered locally.
        super().__init__(cloud, _NoTokens(), concurrency=8)
        self.cache = cache
        self.source = source

    def customers(
        self, cid: str | None = None, cancel: threading.Event | None = None
    ) -> Parsed[Customer]:
        customers, fetched = self.cache.customers(self.source)
        if fetched is None:
            raise self._absent(CUSTOMERS, None, "The customer list")
        return Parsed(items=customers)

    def customer_pages(
        self, cid: str | None = None, cancel: threading.Event | None = None
    ) -> Iterator[tuple[Parsed[Customer], int | None]]:
        parsed = self.customers()
        yield parsed, len(parsed.items)

    def customer_detail(self, tenant_id: str, cid: str | None = None) -> CustomerDetail:
        raise _missing("The company profile")

    def _absent(self, kind: str, tenant_id: str | None, what: str) -> ApiError:
        """Why `what` cannot be shown: its cached copy is unreadable, or there is none."""
        entry = self.cache.entry(self.source, kind, tenant_id)
        return _unreadable(what) if entry is not None and entry.unreadable else _missing(what)

    def _health(self, tenant_id: str, *shown: str) -> tuple[list[ServiceHealth], list[HealthIssue]]:
        """The cached health and issues; `shown`: which of the two the caller shows (HEALTH,
        ISSUES), each of which must not be an unreadable copy passed off as an empty list."""
        found = self.cache.health(self.source, tenant_id)
        for kind in shown:
            empty = found is None or not found[0 if kind == HEALTH else 1]
            what = "This customer's service health" if kind == HEALTH else "This customer's issues"
            if empty and (error := self._absent(kind, tenant_id, what)).code == CACHE_UNREADABLE:
                raise error
        if found is None:
            raise _missing("This customer's service health")
        return found[0], found[1]

    def health(
        self, tenant_id: str, cid: str | None = None, cancel: threading.Event | None = None
    ) -> Parsed[ServiceHealth]:
        return Parsed(items=self._health(tenant_id, HEALTH)[0])

    def issues(
        self,
        tenant_id: str,
        cid: str | None = None,
        active_only: bool = False,
        cancel: threading.Event | None = None,
    ) -> Parsed[HealthIssue]:
        issues = self._health(tenant_id, ISSUES)[1]
        return Parsed(items=[i for i in issues if i.active] if active_only else issues)

    def health_and_issues(
        self, tenant_id: str, cid: str | None = None, cancel: threading.Event | None = None
    ) -> tuple[Parsed[ServiceHealth], Parsed[HealthIssue]]:
        health, issues = self._health(tenant_id, HEALTH, ISSUES)
        return Parsed(items=health), Parsed(items=issues)

    def issue(self, tenant_id: str, issue_id: str, cid: str | None = None) -> HealthIssue:
        for issue in self._health(tenant_id, ISSUES)[1]:
            if issue.id == issue_id:
                return issue
        raise _missing(f"Issue {issue_id}")

    def messages(
        self, tenant_id: str, cid: str | None = None, cancel: threading.Event | None = None
    ) -> Parsed[ServiceMessage]:
        found = self.cache.entry(self.source, MESSAGES, tenant_id)
        if found is None or found.items is None:
            what = "This customer's planned changes"
            raise _unreadable(what) if found is not None and found.unreadable else _missing(what)
        return Parsed(items=found.items)

    def gdap_relationship(
        self, tenant_id: str, cid: str | None = None, refresh: bool = False
    ) -> GdapRelationship | None:
        raise _missing("The GDAP relationship")

    def gdap_relationships(
        self, cid: str | None = None, refresh: bool = False
    ) -> dict[str, GdapRelationship]:
        raise _missing("The GDAP relationships")

    def gdap_all(self, cid: str | None = None, refresh: bool = False) -> Parsed[GdapRelationship]:
        raise _missing("The GDAP relationships")

    def access_assignments(
        self, relationship_id: str, cid: str | None = None
    ) -> Parsed[AccessAssignment]:
        raise _missing("The relationship's security groups")

    def my_group_names(self, cid: str | None = None, refresh: bool = False) -> dict[str, str]:
        raise _missing("The names of your groups")

    def partner_incidents(self, cid: str | None = None) -> PartnerIncidents:
        raise _missing("The partner-level incidents")

    def incident_report(
        self,
        tenant_id: str,
        issue_id: str,
        cid: str | None = None,
        cancel: threading.Event | None = None,
    ) -> bytes:
        raise _missing("The post-incident review")

    def support_topics(self, cid: str | None = None) -> Parsed[SupportTopic]:
        raise _missing("The support topics")

    def add_note(
        self, request_id: str, text: str, cid: str | None = None, tenant_id: str | None = None
    ) -> ServiceRequest:
        raise _missing("Adding a note (it needs Partner Center)")

    def requests(self, tenant_id: str | None, cid: str | None = None) -> Parsed[ServiceRequest]:
        requests, fetched = self.cache.requests(self.source, tenant_id)
        if fetched is None:
            raise self._absent(REQUESTS, tenant_id, "The service requests")
        return Parsed(items=requests)

    def service_request(
        self, request_id: str, cid: str | None = None, tenant_id: str | None = None
    ) -> ServiceRequest:
        raise _missing(f"Service request {request_id}")

    def portals(
        self,
        customer: Customer,
        detail: CustomerDetail | None = None,
        cid: str | None = None,
        include_microsoft: bool = False,
    ) -> list[PortalLink]:
        cached = self.cache.portals(self.source, customer.tenant_id)
        if cached:
            return cached
        # The templates alone: no call is made without Microsoft's links.
        return super().portals(customer, detail, cid)
