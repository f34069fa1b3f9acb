"""The one façade the UI and the CLI use: clients, cloud profile and sweeps. No Qt.

Everything here blocks; the GUI calls it only through the worker's threads. A *sweep* runs one
task per customer with a bounded number in flight and yields each customer's outcome as it
arrives, so tables fill while the sweep runs and a cancel stops it between calls.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Executor
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from desktop.api.errors import (
    CANCELLED,
    MALFORMED,
    OFFLINE,
    REVIEW_NOT_PUBLISHED,
    TOO_LARGE,
    ApiError,
    ItemFailure,
    category_of,
)
from desktop.api.graph import GraphClient
from desktop.api.http import HttpSession, new_correlation_id
from desktop.api.links import (
    check_link,
    check_url,
    invitation_link,
    merge_microsoft_links,
    portal_links,
    sharepoint_from_domain,
    sharepoint_name,
)
from desktop.api.partner_center import PartnerCenterClient
from desktop.api.sanitize import sanitize_html
from desktop.auth import AuthError, Category, TokenProvider, granted_scopes
from desktop.auth.errors import CONSENT_OUTDATED
from desktop.auth.transport import origin_of
from desktop.config.clouds import CUSTOMER_GRAPH_SCOPES, SANDBOX_CLIENT_ID, CloudProfile
from desktop.config.limits import DEFAULT_CONCURRENCY, GUI_CONCURRENCY
from desktop.config.portal_templates import SHAREPOINT_DERIVED, SHAREPOINT_UNKNOWN
from desktop.domain.customers import Customer, CustomerDetail, PortalLink, ServiceManagementLink
from desktop.domain.gdap import (
    AccessAssignment,
    GdapRelationship,
    best_by_customer,
    group_names,
    of_customer,
)
from desktop.domain.health import HealthIssue, ServiceHealth
from desktop.domain.parsing import Parsed
from desktop.domain.partner_incidents import PartnerIncidents
from desktop.domain.service_messages import ServiceMessage
from desktop.domain.service_requests import ServiceRequest, SupportTopic
from desktop.services.sweeping import Outcome, Recipe, sweep

if TYPE_CHECKING:
    from desktop.auth.msal_provider import DeviceCode

T = TypeVar("T")

# The UI reaches the API's errors and their categories through this façade only.
__all__ = [
    "CANCELLED",
    "CONSENT_OUTDATED",
    "DEFAULT_CONCURRENCY",
    "GUI_CONCURRENCY",
    "MALFORMED",
    "OFFLINE",
    "REVIEW_NOT_PUBLISHED",
    "SHAREPOINT_DERIVED",
    "TOO_LARGE",
    "ApiError",
    "Backend",
    "Category",
    "ItemFailure",
    "Outcome",
    "Recipe",
    "category_of",
    "new_correlation_id",
]


class Backend:
    def __init__(
        self,
        cloud: CloudProfile,
        tokens: TokenProvider,
        *,
        concurrency: int = DEFAULT_CONCURRENCY,
        session: HttpSession | None = None,
        locale: str = "en-US",
        pinned: Mapping[str, bytes] | None = None,
        client_id: str = "",
    ) -> None:
        """`pinned`: origin → the only CA trusted there (the sandbox's own); `client_id`: the
        app registration that signs in (what customers consent to)."""
        self.cloud = cloud
        self.tokens = tokens
        self.client_id = client_id or str(getattr(tokens, "client_id", ""))
        self.concurrency = max(1, concurrency)
        self.session = session or HttpSession(
            pool_size=self.concurrency, locale=locale, pinned=pinned
        )
        self.pc = PartnerCenterClient(
            self.session, cloud.partner_center, tokens, cloud.partner_center_scope
        )
        self.graph = GraphClient(self.session, cloud.graph, tokens, cloud.graph_scope)
        self._gdap: Parsed[GdapRelationship] | None = None
        self._gdap_lock = threading.Lock()
        self._my_groups: dict[str, str] | None = None
        # Lower-case tenant id -> the SharePoint name its portal links were built with.
        self._sharepoint_names: dict[str, str] = {}
        # How the sweep engine's process makes the same backend (desktop.services.engine);
        # None: it cannot (a sign-in kept only in memory, a test's own backend), sweeps run here.
        self.recipe: Recipe | None = None

    @classmethod
    def for_sandbox(
        cls,
        url: str,
        *,
        ca_pem: bytes | None = None,
        token_dir: Path | None = None,
        identity: str | None = None,
        on_device_code: Callable[[DeviceCode], None] | None = None,
        cancel: threading.Event | None = None,
        concurrency: int = DEFAULT_CONCURRENCY,
        locale: str = "en-US",
        session: HttpSession | None = None,
        silent: bool = False,
    ) -> Backend:
        """Signed in to the sandbox at `url` through its own Entra, with the same MSAL code as
        a cloud (`desktop.auth.sandbox`). `ca_pem` is the sandbox's CA (fetched and pinned on
        loopback when not given; a `session` passed in must pin it itself). Blocks: worker
        threads only. `silent`: from the token cache only (AuthError when it needs a code)."""
        from desktop.auth import sandbox as sandbox_auth
        from desktop.config.paths import planned

        if ca_pem is None:
            ca_pem = sandbox_auth.sandbox_ca(url)
        # Named, not made: a folder that cannot be made keeps the sign-in in memory.
        directory = token_dir or planned("data") / "sandbox"
        provider = sandbox_auth.sign_in(
            url,
            ca_pem=ca_pem,
            directory=directory,
            identity=identity,
            on_device_code=on_device_code,
            cancel=cancel,
            silent=silent,
        )
        backend = cls(
            provider.cloud,
            provider,
            concurrency=concurrency,
            locale=locale,
            session=session,
            pinned={origin_of(url): ca_pem} if ca_pem else None,
            client_id=SANDBOX_CLIENT_ID,
        )
        if session is None:  # a session passed in (tests' tampering proxies) stays here
            # The engine signs in the same way: silently from the token cache, or by a code
            # only an embedded sandbox (which approves its own) could need.
            backend.recipe = Recipe(
                cls.for_sandbox,
                (
                    ("url", url),
                    ("ca_pem", ca_pem),
                    ("token_dir", directory),
                    ("identity", identity),
                    ("concurrency", concurrency),
                    ("locale", locale),
                    ("silent", identity is None),
                ),
            )
        return backend

    def close(self) -> None:
        self.session.close()
        close_tokens = getattr(self.tokens, "close", None)
        if callable(close_tokens):
            close_tokens()

    # -- policies the UI applies without importing the API layer ---------------------------

    def check_link(self, url: str, customer: Customer | None = None) -> str | None:
        """Why `url` may not be opened in this cloud, or None. For any link that is not a
        portal link of Microsoft's own (see `check_portal`). `customer`: whose page the link
        is on; only that customer's SharePoint opens, and none without one."""
        return check_url(url, self.cloud, self.sharepoint_names(customer))

    def check_portal(self, link: PortalLink, customer: Customer | None = None) -> str | None:
        """Why a portal link may not be opened, by the policy of where it came from, or None:
        Microsoft's own links (Lighthouse, Business Central, ...) open only as such."""
        return check_link(link, self.cloud, self.sharepoint_names(customer))

    def sanitize(
        self, content: str, content_type: str = "html", customer: Customer | None = None
    ) -> str:
        """A post's HTML made safe to show for `customer` (its own SharePoint links stay
        links; without a customer, no SharePoint link does)."""
        return sanitize_html(
            content,
            self.cloud,
            content_type=content_type,
            sharepoint=self.sharepoint_names(customer),
        )

    def sharepoint_names(self, customer: Customer | None) -> tuple[str, ...]:
        """The SharePoint tenant names whose sites and admin center open for `customer`: the
        one its portal links were built with (Microsoft's, once `portals` read it) and its
        initial domain's first label. () without a customer."""
        if customer is None or not self.cloud.sharepoint_domain:
            return ()
        names = [self._sharepoint_names.get(customer.tenant_id.lower())]
        names.append(sharepoint_from_domain(customer))
        return tuple(dict.fromkeys(n for n in names if n))

    # -- single calls (one customer) ------------------------------------------------------

    def customers(
        self, cid: str | None = None, cancel: threading.Event | None = None
    ) -> Parsed[Customer]:
        return self.pc.customers(cid or new_correlation_id(), cancel=cancel)

    def customer_pages(
        self, cid: str | None = None, cancel: threading.Event | None = None
    ) -> Iterator[tuple[Parsed[Customer], int | None]]:
        return self.pc.customer_pages(cid or new_correlation_id(), cancel=cancel)

    def customer_detail(self, tenant_id: str, cid: str | None = None) -> CustomerDetail:
        return self.pc.customer(tenant_id, cid or new_correlation_id())

    def health(
        self, tenant_id: str, cid: str | None = None, cancel: threading.Event | None = None
    ) -> Parsed[ServiceHealth]:
        return self.graph.health_overviews(tenant_id, cid or new_correlation_id(), cancel)

    def issues(
        self,
        tenant_id: str,
        cid: str | None = None,
        active_only: bool = False,
        cancel: threading.Event | None = None,
    ) -> Parsed[HealthIssue]:
        return self.graph.issues(
            tenant_id, cid or new_correlation_id(), active_only=active_only, cancel=cancel
        )

    def health_and_issues(
        self, tenant_id: str, cid: str | None = None, cancel: threading.Event | None = None
    ) -> tuple[Parsed[ServiceHealth], Parsed[HealthIssue]]:
        """One call for a customer's whole picture (healthOverviews with $expand=issues)."""
        return self.graph.health_with_issues(tenant_id, cid or new_correlation_id(), cancel)

    def messages(
        self, tenant_id: str, cid: str | None = None, cancel: threading.Event | None = None
    ) -> Parsed[ServiceMessage]:
        """The customer's message center (planned changes). A 403 from a customer whose
        consent lacks ServiceMessage.Read.All raises AuthError(CONSENT_OUTDATED): the fix is
        to consent again, not a GDAP role."""
        try:
            return self.graph.messages(tenant_id, cid or new_correlation_id(), cancel=cancel)
        except ApiError as error:
            if error.status == 403:
                missing = self.missing_scopes(tenant_id)
                if missing:
                    raise AuthError(
                        "Partner Desk was allowed in this customer before it needed "
                        f"{', '.join(missing)}: its consent there lacks that permission.",
                        CONSENT_OUTDATED,
                        "Allow Partner Desk in this customer again; that replaces the old "
                        "consent with one for every permission it needs.",
                    ) from error
            raise

    def missing_scopes(self, tenant_id: str) -> tuple[str, ...]:
        """The Graph permissions Partner Desk asks customers for that the token it holds for
        `tenant_id` lacks (its consent there is older); () when it has them all or the token
        does not say. Blocks: it may have to get the token first."""
        granted = granted_scopes(self.tokens.token(self.cloud.graph_scope, tenant_id))
        if granted is None:
            return ()
        return tuple(s for s in CUSTOMER_GRAPH_SCOPES if s.lower() not in granted)

    def gdap_relationship(
        self, tenant_id: str, cid: str | None = None, refresh: bool = False
    ) -> GdapRelationship | None:
        """The customer's best GDAP relationship (active first, latest end), or None."""
        return self.gdap_relationships(cid, refresh).get(tenant_id.lower())

    def gdap_relationships(
        self, cid: str | None = None, refresh: bool = False
    ) -> dict[str, GdapRelationship]:
        """Every customer's best GDAP relationship, by lower-case tenant id."""
        return best_by_customer(self.gdap_all(cid, refresh).items)

    def gdap_all(self, cid: str | None = None, refresh: bool = False) -> Parsed[GdapRelationship]:
        """Every GDAP relationship of the partner in every status, and those that would not
        parse. The partner-wide list is read once and kept: it changes rarely and one paged
        call serves every customer. Only clouds with the GDAP APIs have any: elsewhere empty."""
        if not self.cloud.gdap:
            return Parsed()
        with self._gdap_lock:
            if self._gdap is None or refresh:
                self._gdap = self.graph.gdap_relationships(cid or new_correlation_id())
            return Parsed(list(self._gdap.items), list(self._gdap.errors))

    def gdap_of_customer(self, tenant_id: str, cid: str | None = None) -> list[GdapRelationship]:
        """One customer's relationships, every status: active first, then latest end."""
        return of_customer(self.gdap_all(cid).items, tenant_id)

    def access_assignments(
        self, relationship_id: str, cid: str | None = None
    ) -> Parsed[AccessAssignment]:
        return self.graph.access_assignments(relationship_id, cid or new_correlation_id())

    def my_group_names(self, cid: str | None = None, refresh: bool = False) -> dict[str, str]:
        """Names of the signed-in user's own groups (lower-case id -> name), kept once read.
        Raises ApiError (403) where the app lacks User.Read in the partner tenant."""
        if self._my_groups is None or refresh:
            groups = self.graph.my_groups(cid or new_correlation_id())
            self._my_groups = group_names(groups.items)
        return dict(self._my_groups)

    def invitation_link(self, relationship_id: str) -> str | None:
        """The Microsoft 365 admin center page where a customer approves the relationship, or
        None where this cloud has none (or the id is not a relationship id)."""
        return invitation_link(self.cloud, relationship_id)

    def issue(self, tenant_id: str, issue_id: str, cid: str | None = None) -> HealthIssue:
        return self.graph.issue(tenant_id, issue_id, cid or new_correlation_id())

    def incident_report(
        self,
        tenant_id: str,
        issue_id: str,
        cid: str | None = None,
        cancel: threading.Event | None = None,
    ) -> bytes:
        """The post-incident review (.docx) of an issue; ApiError REVIEW_NOT_PUBLISHED on 404."""
        return self.graph.incident_report(
            tenant_id, issue_id, cid or new_correlation_id(), cancel=cancel
        )

    def partner_incidents(self, cid: str | None = None) -> PartnerIncidents:
        """Partner Center's partner-level service incidents and message center notices (none
        in China): partner-level context, never a customer's health."""
        if not self.cloud.service_incidents:
            return PartnerIncidents()
        return self.pc.service_incidents(cid or new_correlation_id())

    def support_topics(self, cid: str | None = None) -> Parsed[SupportTopic]:
        """Support topics for a new request (announced as retired with create: may 404/410)."""
        return self.pc.support_topics(cid or new_correlation_id())

    def add_note(
        self, request_id: str, text: str, cid: str | None = None, tenant_id: str | None = None
    ) -> ServiceRequest:
        """Add a note; the request as it is afterwards (fetched when the PATCH says 204).
        `tenant_id`: the request's customer (None: one of the partner's own tickets)."""
        cid = cid or new_correlation_id()
        updated = self.pc.add_note(request_id, text, cid, tenant_id)
        if updated is not None:
            return updated
        return self.pc.service_request(request_id, cid, tenant_id)

    def requests(self, tenant_id: str | None, cid: str | None = None) -> Parsed[ServiceRequest]:
        """A customer's requests, or (None) the partner's own tickets with Microsoft."""
        if not self.cloud.service_requests:
            return Parsed()
        return self.pc.service_requests(cid or new_correlation_id(), tenant_id)

    def service_request(
        self, request_id: str, cid: str | None = None, tenant_id: str | None = None
    ) -> ServiceRequest:
        return self.pc.service_request(request_id, cid or new_correlation_id(), tenant_id)

    def portals(
        self,
        customer: Customer,
        detail: CustomerDetail | None = None,
        cid: str | None = None,
        include_microsoft: bool = False,
    ) -> list[PortalLink]:
        """The cloud's portal links for a customer, with no call into the customer's tenant:
        they must work where Partner Desk is not (yet) allowed, which is when they are needed.

        With `include_microsoft`, Microsoft's own links (GDAP serviceManagementDetails, else
        Partner Center managedservices) are merged in where they add a service.
        The SharePoint admin center's name is the one in Microsoft's own SharePoint link when
        serviceManagementDetails lists one; else the initial domain's first label, true for
        almost every tenant, labelled as derived: Graph's sites/root would need Sites.Read.All,
        which GDAP admin roles do not give (API.md section 5).
        """
        cid = cid or new_correlation_id()
        management: list[ServiceManagementLink] = []
        if include_microsoft and self.cloud.gdap:
            try:
                management = self.graph.service_management_links(customer.tenant_id, cid).items
            except ApiError:
                management = []  # optional extras: the templates already cover the basics
        sharepoint: str | None = None
        sharepoint_error = ""
        derived = False
        if self.cloud.portal("sharepoint") is not None:
            sharepoint = sharepoint_name(management)
            if sharepoint is None:
                sharepoint = sharepoint_from_domain(customer, detail)
                derived = sharepoint is not None
            if sharepoint is None:
                sharepoint_error = SHAREPOINT_UNKNOWN
            else:
                self._sharepoint_names[customer.tenant_id.lower()] = sharepoint
        links = portal_links(self.cloud, customer, detail, sharepoint, sharepoint_error)
        if derived:
            links = [
                replace(link, note=(link.note + " " + SHAREPOINT_DERIVED).strip())
                if link.portal_id == "sharepoint" and link.url
                else link
                for link in links
            ]
        if not include_microsoft:
            return links
        managed = []
        if not management:
            try:
                managed = self.pc.managed_services(customer.tenant_id, cid).items
            except ApiError:
                managed = []
        return merge_microsoft_links(
            links, self.cloud, managed, management, self.sharepoint_names(customer)
        )

    # -- sweeps -----------------------------------------------------------------------------

    def sweep(
        self,
        customers: Iterable[Customer],
        task: Callable[[Customer, str, threading.Event], T],
        *,
        concurrency: int | None = None,
        cancel: threading.Event | None = None,
        cid: str | None = None,
        pool: Executor | None = None,
    ) -> Iterator[Outcome[T]]:
        """`task(customer, correlation_id, cancel)` for each customer, at most `concurrency`
        (default: the backend's) at once: `desktop.services.sweeping.sweep`."""
        return sweep(
            customers,
            task,
            concurrency=concurrency or self.concurrency,
            cancel=cancel,
            cid=cid or new_correlation_id(),
            pool=pool,
        )
