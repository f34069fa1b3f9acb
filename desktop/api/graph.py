"""Microsoft Graph client: service communications and GDAP (API.md section 3). No Qt.

Service-health calls carry a token for the *customer* tenant; GDAP calls the partner's own.
Collections page by `@odata.nextLink`, an absolute URL, until it is absent.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Mapping
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from desktop.api import paths
from desktop.api.errors import GRAPH, MALFORMED, REVIEW_NOT_PUBLISHED, ApiError
from desktop.api.http import Auth, HttpSession, Reply, parse_gated
from desktop.api.paging import PageBudget, split_link
from desktop.auth import TokenProvider
from desktop.domain.customers import ServiceManagementLink
from desktop.domain.gdap import AccessAssignment, DirectoryGroup, GdapRelationship
from desktop.domain.health import HealthIssue, ServiceHealth
from desktop.domain.parsing import ItemError, Parsed, field_of, format_time
from desktop.domain.service_messages import ServiceMessage

ANNOUNCEMENTS = "/v1.0/admin/serviceAnnouncement"
# A post-incident review is a Word document of a few hundred KB; past this it is not one, and
# holding it in memory (it is written to disk whole) would not be reasonable either.
MAX_REPORT_BYTES = 50_000_000


def odata_string(value: str) -> str:
    """A string literal for `$filter`: quotes doubled, so data cannot end the literal."""
    return "'" + value.replace("'", "''") + "'"


class IssueVersions:
    """Parses each version of an issue once: one `HealthIssue` per (id, lastModifiedDateTime).
    (With `parser=ServiceMessage.from_json`, the same for message center posts: one post
    reaches every tenant it concerns, thousands of copies in a sweep.)

    A Microsoft incident comes in every tenant it touches, post history and all, and a sweep
    of 10,000 customers parsed the same few dozen issues tens of thousands of times (11 % of
    its CPU, py-spy), holding the GIL the window needs, and kept a copy per tenant. An issue
    changes only with its `lastModifiedDateTime`, so a copy with the same id and stamp is
    the one already parsed. Without a stamp, or if it will not parse, an issue is parsed as
    it comes. Thread-safe: at worst two threads parse the same version at once.
    """

    def __init__(self, limit: int = 4096, parser: Any = HealthIssue.from_json) -> None:
        self._known: dict[tuple[str, str], Any] = {}
        self._limit = limit
        self._parser = parser

    def __len__(self) -> int:
        return len(self._known)

    def parse(self, data: Any) -> Any:
        if not isinstance(data, Mapping):
            return self._parser(data)
        issue_id, stamp = field_of(data, "id"), field_of(data, "lastModifiedDateTime")
        if not (isinstance(issue_id, str) and isinstance(stamp, str) and issue_id and stamp):
            return self._parser(data)
        key = (issue_id, stamp)
        known = self._known.get(key)
        if known is None:
            known = self._parser(data)
            if len(self._known) >= self._limit:
                self._known = {}  # a long-running app: forget the old versions
            self._known[key] = known
        return known


class GraphClient:
    def __init__(self, session: HttpSession, root: str, tokens: TokenProvider, scope: str) -> None:
        self.session = session
        self.root = root.rstrip("/")
        self.tokens = tokens
        self.scope = scope
        self.issue_versions = IssueVersions()
        self.message_versions = IssueVersions(parser=ServiceMessage.from_json)

    def _auth(self, tenant: str | None) -> Auth:
        if tenant is not None:
            # The tenant names the authority a token is asked at ({authority}/{tenant}/...):
            # only a tenant id, as a path segment would be (api/paths.py).
            paths.tenant(tenant)
        return Auth(self.tokens, self.scope, tenant)

    def _get(
        self,
        url: str,
        tenant: str | None,
        cid: str,
        params: Mapping[str, str] | None = None,
        headers: Mapping[str, str] | None = None,
        cancel: threading.Event | None = None,
    ) -> Any:
        return self._reply(url, tenant, cid, params, headers, cancel).body

    def _reply(
        self,
        url: str,
        tenant: str | None,
        cid: str,
        params: Mapping[str, str] | None = None,
        headers: Mapping[str, str] | None = None,
        cancel: threading.Event | None = None,
    ) -> Reply:
        try:
            return self.session.call(
                "GET",
                url,
                auth=self._auth(tenant),
                correlation_id=cid,
                params=params,
                headers=headers,
                cancel=cancel,
            )
        except ApiError as error:
            error.service = GRAPH  # what its 403 means (ApiError.category)
            raise

    def _pages(
        self,
        path: str,
        tenant: str | None,
        cid: str,
        params: Mapping[str, str] | None = None,
        page_size: int | None = None,
        cancel: threading.Event | None = None,
    ) -> Iterator[list[Any]]:
        url = self.root + path
        headers = {"Prefer": f"odata.maxpagesize={page_size}"} if page_size else None
        budget = PageBudget("Graph")  # pages, items, bytes, no link twice
        while True:
            reply = self._reply(url, tenant, cid, params, headers, cancel)
            body = reply.body
            if not isinstance(body, Mapping):
                raise ApiError(
                    "Graph sent something other than a collection.", kind=MALFORMED, url=url
                )
            value = body.get("value")
            if not isinstance(value, list):
                # OData always sends `value` ([] when empty). Without it this is not Graph's
                # answer (a proxy's, say): "no services, no issues" would read as all healthy.
                raise ApiError(
                    "Graph sent something other than a collection.", kind=MALFORMED, url=url
                )
            budget.took(len(value), reply.size, url)
            yield value
            nxt = body.get("@odata.nextLink")
            if not isinstance(nxt, str) or not nxt:
                return
            if not _under(nxt, self.root):
                # A token for this tenant goes only to the Graph root we were configured with.
                raise ApiError(
                    f"Graph's next link points elsewhere: {nxt[:80]}", kind=MALFORMED, url=nxt
                )
            budget.follow(nxt)
            url, params = nxt, None

    def _collect(self, pages: Iterator[list[Any]], parser: Any) -> Parsed[Any]:
        result: Parsed[Any] = Parsed()
        offset = 0
        for items in pages:
            page = parse_gated(items, parser)
            result.items.extend(page.items)
            result.errors.extend(
                ItemError(e.index + offset, e.reason, e.item_id) for e in page.errors
            )
            offset += len(items)
        return result

    # -- service health -----------------------------------------------------------------------

    def health_overviews(
        self, tenant: str, cid: str, cancel: threading.Event | None = None
    ) -> Parsed[ServiceHealth]:
        return self._collect(
            self._pages(f"{ANNOUNCEMENTS}/healthOverviews", tenant, cid, cancel=cancel),
            ServiceHealth.from_json,
        )

    def health_with_issues(
        self, tenant: str, cid: str, cancel: threading.Event | None = None
    ) -> tuple[Parsed[ServiceHealth], Parsed[HealthIssue]]:
        """healthOverviews with `$expand=issues`: one call for a customer's whole picture."""
        health: Parsed[ServiceHealth] = Parsed()
        issues: Parsed[HealthIssue] = Parsed()
        for items in self._pages(
            f"{ANNOUNCEMENTS}/healthOverviews", tenant, cid, {"$expand": "issues"}, cancel=cancel
        ):
            page = parse_gated(items, ServiceHealth.from_json)
            health.items.extend(page.items)
            health.errors.extend(page.errors)
            for item in items:
                raw = item.get("issues") if isinstance(item, Mapping) else None
                if isinstance(raw, list):
                    parsed = parse_gated(raw, self.issue_versions.parse)
                    issues.items.extend(parsed.items)
                    issues.errors.extend(parsed.errors)
        return health, issues

    def issues(
        self,
        tenant: str,
        cid: str,
        *,
        active_only: bool = False,
        service: str | None = None,
        modified_since: datetime | None = None,
        page_size: int | None = None,
        cancel: threading.Event | None = None,
    ) -> Parsed[HealthIssue]:
        clauses = []
        if active_only:
            clauses.append("isResolved eq false")
        if service:
            clauses.append(f"service eq {odata_string(service)}")
        if modified_since is not None:
            clauses.append(f"lastModifiedDateTime ge {format_time(modified_since)}")
        params = {"$filter": " and ".join(clauses)} if clauses else None
        return self._collect(
            self._pages(f"{ANNOUNCEMENTS}/issues", tenant, cid, params, page_size, cancel),
            self.issue_versions.parse,
        )

    def issue(self, tenant: str, issue_id: str, cid: str) -> HealthIssue:
        body = self._get(f"{self.root}{ANNOUNCEMENTS}/issues/{paths.issue(issue_id)}", tenant, cid)
        if not isinstance(body, Mapping):
            raise ApiError("Graph sent no issue.", kind=MALFORMED)
        return HealthIssue.from_json(body)

    # -- message center (ServiceMessage.Read.All) -------------------------------------------------

    def messages(
        self,
        tenant: str,
        cid: str,
        *,
        page_size: int | None = None,
        cancel: threading.Event | None = None,
    ) -> Parsed[ServiceMessage]:
        """Every message center post of the tenant, all pages (`@odata.nextLink`)."""
        return self._collect(
            self._pages(f"{ANNOUNCEMENTS}/messages", tenant, cid, None, page_size, cancel),
            self.message_versions.parse,
        )

    def message(self, tenant: str, message_id: str, cid: str) -> ServiceMessage:
        body = self._get(
            f"{self.root}{ANNOUNCEMENTS}/messages/{paths.message(message_id)}", tenant, cid
        )
        if not isinstance(body, Mapping):
            raise ApiError("Graph sent no message.", kind=MALFORMED)
        return ServiceMessage.from_json(body)

    def incident_report(
        self,
        tenant: str,
        issue_id: str,
        cid: str,
        cancel: threading.Event | None = None,
        max_bytes: int | None = None,
    ) -> bytes:
        """The post-incident review of an issue: the document's bytes (a .docx).

        learn.microsoft.com/graph/api/servicehealthissue-incidentreport: a file stream, and
        an error while the issue has no review (its status is not PostIncidentReviewPublished).
        A 404 becomes ApiError kind REVIEW_NOT_PUBLISHED; an answer past `max_bytes` (default
        MAX_REPORT_BYTES) fails as TOO_LARGE without being read to its end. The Accept header
        is the one Microsoft's own SDKs send for this call (msgraph-sdk-java
        IncidentReportRequestBuilder).
        """
        url = f"{self.root}{ANNOUNCEMENTS}/issues/{paths.issue(issue_id)}/incidentReport"
        try:
            reply = self.session.call(
                "GET",
                url,
                auth=self._auth(tenant),
                correlation_id=cid,
                headers={"Accept": "application/octet-stream, application/json"},
                cancel=cancel,
                expect_json=False,
                max_bytes=MAX_REPORT_BYTES if max_bytes is None else max_bytes,
            )
        except ApiError as error:
            error.service = GRAPH
            if error.status != 404:
                raise
            raise ApiError(
                f"Microsoft has not published the post-incident review of {issue_id} yet. "
                f"({error.message})",
                status=404,
                code=error.code,
                kind=REVIEW_NOT_PUBLISHED,
                request_id=error.request_id,
                correlation_id=error.correlation_id,
                url=error.url,
                service=GRAPH,
            ) from error
        body = reply.body
        if not isinstance(body, bytes) or not body:
            raise ApiError("Graph sent an empty review.", kind=MALFORMED, url=url)
        return body

    # -- GDAP (partner token) --------------------------------------------------------------------

    def gdap_relationships(
        self, cid: str, active_only: bool = False, cancel: threading.Event | None = None
    ) -> Parsed[GdapRelationship]:
        """Every relationship, in every status (pending invitations with `customer: null`
        included): the rules of domain/gdap.py decide what counts."""
        params = {"$top": "300"}
        if active_only:
            params["$filter"] = "status eq 'active'"
        return self._collect(
            self._pages(
                "/v1.0/tenantRelationships/delegatedAdminRelationships",
                None,
                cid,
                params,
                cancel=cancel,
            ),
            GdapRelationship.from_json,
        )

    def access_assignments(self, relationship_id: str, cid: str) -> Parsed[AccessAssignment]:
        """Which of the partner's security groups hold which of the relationship's roles
        (learn.microsoft.com/graph/api/delegatedadminrelationship-list-accessassignments)."""
        path = (
            "/v1.0/tenantRelationships/delegatedAdminRelationships/"
            f"{paths.relationship(relationship_id)}/accessAssignments"
        )
        return self._collect(
            self._pages(path, None, cid, {"$top": "300"}), AccessAssignment.from_json
        )

    def my_groups(self, cid: str) -> Parsed[DirectoryGroup]:
        """The signed-in user's groups in the partner tenant, with names: `me/transitiveMemberOf`
        needs only User.Read (learn.microsoft.com/graph/api/user-list-transitivememberof).
        Reading any other group (`groups/{id}`) would need GroupMember.Read.All, which Partner
        Desk does not ask for; so other groups are shown by id. Without query parameters: this
        API accepts them only as advanced queries (ConsistencyLevel: eventual)."""
        return self._collect(
            self._pages("/v1.0/me/transitiveMemberOf", None, cid), DirectoryGroup.from_json
        )

    def service_management_links(self, tenant: str, cid: str) -> Parsed[ServiceManagementLink]:
        path = (
            "/v1.0/tenantRelationships/delegatedAdminCustomers/"
            f"{paths.tenant(tenant)}/serviceManagementDetails"
        )
        return self._collect(self._pages(path, None, cid), ServiceManagementLink.from_json)


def _under(url: str, root: str) -> bool:
    a, b = split_link("Graph", url), urlsplit(root)
    return (a.scheme, a.netloc.lower()) == (b.scheme, b.netloc.lower()) and a.path.startswith(
        b.path
    )
