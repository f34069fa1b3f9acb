"""Partner Center REST client (`{pc_base}/v1/...`, API.md section 2). No Qt.

Calls are made with the partner's own token. Collections page by `links.next`, whose `headers`
(the `MS-ContinuationToken`) must be copied onto the next request.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterator, Mapping, Sequence
from typing import Any
from urllib.parse import urlsplit

from desktop.api import paths
from desktop.api.errors import MALFORMED, ApiError
from desktop.api.http import Auth, HttpSession, Reply, parse_gated, parsing
from desktop.api.paging import PageBudget, split_link
from desktop.auth import TokenProvider
from desktop.domain.customers import Customer, CustomerDetail, ManagedService
from desktop.domain.parsing import Parsed, field_of
from desktop.domain.partner_incidents import PartnerIncidents, parse_partner_incidents
from desktop.domain.service_requests import ServiceRequest, SupportTopic

# A continuation header: an HTTP token for its name, printable ASCII for its value (Partner
# Center's tokens are base64), and short. Anything else cannot be sent (http.client raises)
# or is not Partner Center's.
_HEADER_NAME = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]{1,128}")
_HEADER_VALUE = re.compile(r"(?:[\x21-\x7e](?:[\x20-\x7e]{0,8190}[\x21-\x7e])?)?")


class PartnerCenterClient:
    def __init__(
        self,
        session: HttpSession,
        base_url: str,
        tokens: TokenProvider,
        scope: str,
    ) -> None:
        self.session = session
        self.base = base_url.rstrip("/")
        self.api = self.base + "/v1"
        self.auth = Auth(tokens, scope, None)

    # -- plumbing ----------------------------------------------------------------------------

    def _get(
        self,
        path_or_url: str,
        cid: str,
        params: Mapping[str, str] | None = None,
        headers: Mapping[str, str] | None = None,
        cancel: threading.Event | None = None,
    ) -> Any:
        return self._reply(path_or_url, cid, params, headers, cancel).body

    def _reply(
        self,
        path_or_url: str,
        cid: str,
        params: Mapping[str, str] | None = None,
        headers: Mapping[str, str] | None = None,
        cancel: threading.Event | None = None,
    ) -> Reply:
        url = path_or_url if "://" in path_or_url else self.api + path_or_url
        return self.session.call(
            "GET",
            url,
            auth=self.auth,
            correlation_id=cid,
            params=params,
            headers=headers,
            cancel=cancel,
        )

    def _pages(
        self,
        path: str,
        cid: str,
        params: Mapping[str, str] | None = None,
        cancel: threading.Event | None = None,
    ) -> Iterator[tuple[list[Any], int | None]]:
        """Each page's raw items and the collection's totalCount, following `links.next`
        within a `PageBudget` (pages, items, bytes, no link twice)."""
        url: str | None = self.api + path
        headers: dict[str, str] | None = None
        budget = PageBudget("Partner Center")
        while url is not None:
            reply = self._reply(url, cid, params, headers, cancel)
            body = reply.body
            if not isinstance(body, Mapping):
                raise ApiError(
                    "Partner Center sent something other than a collection.",
                    kind=MALFORMED,
                    url=url,
                )
            items = field_of(body, "items")
            total = field_of(body, "totalCount")
            if items is None and total == 0:
                items = []  # an empty collection may leave its items out
            if not isinstance(items, list):
                # Not Partner Center's answer (a proxy's, say): an empty list would pass for
                # "no customers" or "no requests".
                raise ApiError(
                    "Partner Center sent something other than a collection.",
                    kind=MALFORMED,
                    url=url,
                )
            budget.took(len(items), reply.size, url)
            yield items, (total if isinstance(total, int) and not isinstance(total, bool) else None)
            url, headers = self._next(body)
            params = None  # the next link carries the query itself
            if url is not None:
                budget.follow(url, headers)

    def _next(self, body: Mapping[str, Any]) -> tuple[str | None, dict[str, str] | None]:
        links = field_of(body, "links")
        nxt = field_of(links, "next") if isinstance(links, Mapping) else None
        if not isinstance(nxt, Mapping):
            return None, None
        uri = field_of(nxt, "uri")
        if not isinstance(uri, str) or not uri:
            return None, None
        if "://" in uri:
            url = uri
        elif uri.startswith("/v1/"):
            url = self.base + uri
        else:
            url = self.api + (uri if uri.startswith("/") else "/" + uri)
        if not _same_origin(url, self.base):
            # Never send the partner's token to a host a response named.
            raise ApiError(
                f"Partner Center's next link points elsewhere: {url[:80]}", kind=MALFORMED, url=url
            )
        headers: dict[str, str] = {}
        raw_headers = field_of(nxt, "headers") or []
        for pair in raw_headers[:32] if isinstance(raw_headers, list) else []:
            if isinstance(pair, Mapping):
                key, value = field_of(pair, "key"), field_of(pair, "value")
                if (
                    isinstance(key, str)
                    and isinstance(value, str)
                    and key.lower()
                    not in (
                        "authorization",
                        "host",
                    )
                ):
                    if not (_HEADER_NAME.fullmatch(key) and _HEADER_VALUE.fullmatch(value)):
                        raise ApiError(
                            "Partner Center's next link asks for a header that cannot be "
                            f"sent: {key[:40]!r}",
                            kind=MALFORMED,
                            url=url,
                        )
                    headers[key] = value
        return url, headers

    def _collect(
        self,
        path: str,
        parser: Any,
        cid: str,
        params: Mapping[str, str] | None = None,
        cancel: threading.Event | None = None,
    ) -> Parsed[Any]:
        result: Parsed[Any] = Parsed()
        offset = 0
        for items, _total in self._pages(path, cid, params, cancel):
            page = parse_gated(items, parser)
            result.items.extend(page.items)
            for error in page.errors:
                result.errors.append(type(error)(error.index + offset, error.reason, error.item_id))
            offset += len(items)
        return result

    # -- customers ---------------------------------------------------------------------------

    def customer_pages(
        self,
        cid: str,
        size: int = 500,
        search: tuple[str, str] | None = None,
        cancel: threading.Event | None = None,
    ) -> Iterator[tuple[Parsed[Customer], int | None]]:
        """Customers page by page (to show the list as it arrives), with totalCount.

        `search` is (`"CompanyName"` or `"Domain"`, prefix): Partner Center's starts_with filter.
        """
        params = {"size": str(size)}
        if search is not None:
            field, value = search
            params["filter"] = json.dumps(
                {"Field": field, "Value": value, "Operator": "starts_with"}, ensure_ascii=False
            )
        for items, total in self._pages("/customers", cid, params, cancel):
            yield parse_gated(items, Customer.from_json), total

    def customers(
        self, cid: str, size: int = 500, cancel: threading.Event | None = None
    ) -> Parsed[Customer]:
        result: Parsed[Customer] = Parsed()
        for page, _total in self.customer_pages(cid, size, cancel=cancel):
            result.items.extend(page.items)
            result.errors.extend(page.errors)
        return result

    def customer(self, tenant_id: str, cid: str) -> CustomerDetail:
        body = self._get(f"/customers/{paths.tenant(tenant_id)}", cid)
        if not isinstance(body, Mapping):
            raise ApiError("Partner Center sent no customer.", kind=MALFORMED)
        return CustomerDetail.from_json(body)

    def managed_services(self, tenant_id: str, cid: str) -> Parsed[ManagedService]:
        return self._collect(
            f"/customers/{paths.tenant(tenant_id)}/managedservices",
            ManagedService.from_json,
            cid,
        )

    # -- service incidents --------------------------------------------------------------------

    def service_incidents(self, cid: str, tenant_id: str | None = None) -> PartnerIncidents:
        """Partner-level incidents, or one customer's, with the message center notices that
        come with them; either of Partner Center's shapes (domain/partner_incidents.py)."""
        path = (
            "/serviceincidents/office"
            if tenant_id is None
            else (f"/customers/{paths.tenant(tenant_id)}/serviceincidents/office")
        )
        result = PartnerIncidents()
        offset = 0
        for items, _total in self._pages(path, cid):
            with parsing():
                result.extend(parse_partner_incidents(items), offset)
            offset += len(items)
        return result

    # -- service requests ----------------------------------------------------------------------

    def service_requests(
        self, cid: str, tenant_id: str | None = None, size: int = 200
    ) -> Parsed[ServiceRequest]:
        """One customer's requests, or (None) the partner's OWN tickets with Microsoft: the
        partner list never holds customers' tickets (API.md section 2)."""
        path = (
            "/servicerequests"
            if tenant_id is None
            else (f"/customers/{paths.tenant(tenant_id)}/servicerequests")
        )
        return self._collect(
            path, ServiceRequest.from_json, cid, {"offset": "0", "size": str(size)}
        )

    def _request_path(self, request_id: str, tenant_id: str | None) -> str:
        """Where one request lives (API.md section 2): a customer's under the customer
        (SDK `GetServiceRequestCustomer` / `UpdateServiceRequestCustomer`,
        `customers/{0}/servicerequests/{1}`), the partner's own on the partner path. A
        customer's ticket on the partner path is "not found"."""
        rid = paths.request(request_id)
        if tenant_id is None:
            return f"/servicerequests/{rid}"
        return f"/customers/{paths.tenant(tenant_id)}/servicerequests/{rid}"

    def service_request(
        self, request_id: str, cid: str, tenant_id: str | None = None
    ) -> ServiceRequest:
        """One request: `tenant_id` names its customer; None for one of the partner's own."""
        body = self._get(self._request_path(request_id, tenant_id), cid)
        if not isinstance(body, Mapping):
            raise ApiError("Partner Center sent no service request.", kind=MALFORMED)
        return ServiceRequest.from_json(body)

    def add_note(
        self, request_id: str, text: str, cid: str, tenant_id: str | None = None
    ) -> ServiceRequest | None:
        """PATCH `{"NewNote": {"Text": ...}}` to the request (under its customer when
        `tenant_id` is given)."""
        reply = self.session.call(
            "PATCH",
            self.api + self._request_path(request_id, tenant_id),
            auth=self.auth,
            correlation_id=cid,
            json_body={"NewNote": {"Text": text}},
        )
        # 200 carries the request; 204 means "done, fetch it yourself".
        return ServiceRequest.from_json(reply.body) if isinstance(reply.body, Mapping) else None

    def create_request(
        self, body: Mapping[str, Any], cid: str, request_id: str, locale: str = "en-US"
    ) -> Reply:
        """POST a new request with a caller-chosen request id, reused by the caller on retry.

        It files a PARTNER ticket (the API never filed customers' tickets) and was announced
        as decommissioned in 2020: callers treat it as a fallback (desktop.services.filing)."""
        return self.session.call(
            "POST",
            f"{self.api}/servicerequests/{paths.locale(locale)}",
            auth=self.auth,
            correlation_id=cid,
            json_body=dict(body),
            request_id=request_id,
        )

    def support_topics(self, cid: str) -> Parsed[SupportTopic]:
        return self._collect("/servicerequests/supporttopics", SupportTopic.from_json, cid)

    def add_application_consent(
        self,
        tenant_id: str,
        application_id: str,
        display_name: str,
        grants: Mapping[str, Sequence[str]],
        cid: str,
    ) -> bool:
        """Consent the partner's app in a customer tenant (API.md section 2 "Application
        consents"): True when created, False when a consent already existed (409). Other
        refusals (403: the user's GDAP roles there cannot consent) raise `ApiError`.

        `grants`: resource application id (Graph is 00000003-0000-0000-c000-000000000000) →
        the delegated scopes, sent comma-separated as Partner Center expects.
        """
        try:
            self.session.call(
                "POST",
                f"{self.api}/customers/{paths.tenant(tenant_id)}/applicationconsents",
                auth=self.auth,
                correlation_id=cid,
                json_body={
                    "applicationId": application_id,
                    "displayName": display_name,
                    "applicationGrants": [
                        {"enterpriseApplicationId": resource, "scope": ",".join(scopes)}
                        for resource, scopes in grants.items()
                    ],
                },
            )
        except ApiError as error:
            if error.status == 409:
                return False
            raise
        return True

    def remove_application_consent(self, tenant_id: str, application_id: str, cid: str) -> None:
        """Withdraw the app's consent in a customer (to post it again with other scopes)."""
        self.session.call(
            "DELETE",
            f"{self.api}/customers/{paths.tenant(tenant_id)}/applicationconsents/"
            f"{paths.application(application_id)}",
            auth=self.auth,
            correlation_id=cid,
            expect_json=False,
        )


def _same_origin(url: str, base: str) -> bool:
    a, b = split_link("Partner Center", url), urlsplit(base)
    return (a.scheme, a.netloc.lower()) == (b.scheme, b.netloc.lower())
