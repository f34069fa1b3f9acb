"""Microsoft Graph routes (`/graph/v1.0/...`): service health, message center, GDAP, SharePoint
root site.

Service health answers for the tenant named in the token, never for one named in the URL, as
Graph does: the client must hold one token per customer.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any
from urllib.parse import quote, urlencode

from desktop.sandbox import odata
from desktop.sandbox import responses as r
from desktop.sandbox.data import GRAPH_CONTEXT
from desktop.sandbox.routing import Call, Route, State, route

BASE = "/graph/v1.0"
SA = f"{BASE}/admin/serviceAnnouncement"
TR = f"{BASE}/tenantRelationships"
_SAFE = "$'"  # keeps nextLinks readable: $filter=status eq 'active', as Graph writes them
_MAXPAGESIZE = re.compile(r"odata\.maxpagesize\s*=\s*(\d+)", re.IGNORECASE)

ISSUE_FIELDS: odata.Fields = {
    "isResolved": "bool",
    "service": "enum",
    "classification": "enum",
    "status": "enum",
    "id": "text",
    "feature": "text",
    "featureGroup": "text",
    "origin": "enum",
    "lastModifiedDateTime": "datetime",
    "startDateTime": "datetime",
    "endDateTime": "datetime",
}
# What the messages collection filters on; `details` "doesn't support filters" (resource page).
MESSAGE_FIELDS: odata.Fields = {
    "id": "text",
    "title": "text",
    "category": "enum",
    "severity": "enum",
    "isMajorChange": "bool",
    "lastModifiedDateTime": "datetime",
    "startDateTime": "datetime",
    "endDateTime": "datetime",
    "actionRequiredByDateTime": "datetime",
}
OVERVIEW_FIELDS: odata.Fields = {"service": "enum", "status": "enum", "id": "text"}
RELATIONSHIP_FIELDS: odata.Fields = {
    "status": "enum",
    "customer/tenantId": "enum",
    "displayName": "text",
    "id": "text",
}
GDAP_CUSTOMER_FIELDS: odata.Fields = {"tenantId": "enum", "displayName": "text"}


def _bad(call: Call, message: str) -> r.Response:
    return r.graph_error(400, message, call.request_id)


def _not_found(call: Call, what: str) -> r.Response:
    return r.graph_error(404, f"{what} was not found.", call.request_id)


def _entity(context: str, body: bytes) -> r.Response:
    """An entity with @odata.context in front of its already serialised JSON object."""
    return r.Response(
        200, b'{"@odata.context":' + r.dumps(GRAPH_CONTEXT + context) + b"," + body[1:]
    )


def _filtered(
    call: Call, records: list[dict[str, Any]], fields: odata.Fields
) -> list[int] | r.Response:
    text = call.query.get("$filter")
    if not text:
        return list(range(len(records)))
    try:
        clauses = odata.parse(text, fields)
    except ValueError as exc:
        return _bad(call, f"Invalid filter clause: {exc}")
    return [i for i, rec in enumerate(records) if odata.matches(rec, clauses)]


def _page(
    state: State,
    call: Call,
    items: list[bytes],
    *,
    kind: str,
    context: str,
    default: int,
    maximum: int,
    top_max: int,
) -> r.Response:
    """One page of a collection; @odata.nextLink is absolute, like Graph's."""
    headers: list[tuple[str, str]] = []
    size: int | None = None
    prefer = _MAXPAGESIZE.search(call.header("Prefer") or "")
    if prefer:
        size = min(max(int(prefer.group(1)), 1), maximum)
        headers.append(("Preference-Applied", f"odata.maxpagesize={size}"))
    top_text = call.query.get("$top")
    if top_text is not None:
        if not top_text.isdigit() or not 1 <= int(top_text) <= top_max:
            return _bad(call, f"The $top value must be an integer between 1 and {top_max}.")
        size = min(size or int(top_text), int(top_text))
    offset = 0
    skiptoken, skip = call.query.get("$skiptoken"), call.query.get("$skip")
    if skiptoken is not None:
        saved = state.signer.loads(skiptoken)
        if saved is None or saved.get("k") != kind:
            return _bad(call, "The $skiptoken is invalid or has expired.")
        offset, size = int(saved["o"]), size or int(saved["s"])
    elif skip is not None:
        if not skip.isdigit():
            return _bad(call, "The $skip value must be a non-negative integer.")
        offset = int(skip)
    size = size or default
    parts = [b'{"@odata.context":', r.dumps(GRAPH_CONTEXT + context)]
    if offset + size < len(items):
        query: list[tuple[str, str]] = []
        if call.query.get("$filter"):
            query.append(("$filter", call.query["$filter"]))
        if top_text is not None:
            query.append(("$top", top_text))
        query.append(("$skiptoken", state.signer.dumps({"k": kind, "o": offset + size, "s": size})))
        link = f"{call.base_url}{call.path}?{urlencode(query, safe=_SAFE, quote_via=quote)}"
        parts += [b',"@odata.nextLink":', r.dumps(link)]
    parts += [b',"value":[', b",".join(items[offset : offset + size]), b"]}"]
    return r.Response(200, b"".join(parts), headers=headers)


# -- service announcements ---------------------------------------------------------------------


def _expand(call: Call) -> bool | r.Response:
    value = call.query.get("$expand")
    if value is None:
        return False
    if value.strip().lower() == "issues":
        return True
    return _bad(call, f"Parsing OData Select and Expand failed: could not find '{value}'.")


def health_overviews(state: State, call: Call) -> r.Response:
    expand = _expand(call)
    if isinstance(expand, r.Response):
        return expand
    overviews = state.data.health_overviews(call.tenant_id, expand)
    chosen = _filtered(call, overviews, OVERVIEW_FIELDS)
    if isinstance(chosen, r.Response):
        return chosen
    key = ("overviews", call.tenant_id, str(expand))
    items = state.cache.get(key)
    if items is None:
        items = state.cache.setdefault(key, [r.dumps(o) for o in overviews])
    context = "admin/serviceAnnouncement/healthOverviews"
    if expand:
        context += "(issues())"
    return r.Response(
        200,
        b"".join(
            (
                b'{"@odata.context":',
                r.dumps(GRAPH_CONTEXT + context),
                b',"value":[',
                b",".join(items[i] for i in chosen),
                b"]}",
            )
        ),
    )


def health_overview(state: State, call: Call) -> r.Response:
    expand = _expand(call)
    if isinstance(expand, r.Response):
        return expand
    wanted = call.params[0].lower()
    for overview in state.data.health_overviews(call.tenant_id, expand):
        if wanted in (str(overview["id"]).lower(), str(overview["service"]).lower()):
            return _entity("admin/serviceAnnouncement/healthOverviews/$entity", r.dumps(overview))
    return _not_found(call, f"Service health overview '{call.params[0]}'")


def issues(state: State, call: Call) -> r.Response:
    seen = state.data.issue_objects(call.tenant_id)
    chosen = _filtered(call, [i.graph for i in seen], ISSUE_FIELDS)
    if isinstance(chosen, r.Response):
        return chosen
    return _page(
        state,
        call,
        [seen[i].graph_json for i in chosen],
        kind="issues",
        context="admin/serviceAnnouncement/issues",
        default=100,
        maximum=1000,
        top_max=1000,
    )


def issue(state: State, call: Call) -> r.Response:
    found = state.data.issue(call.tenant_id, call.params[0])
    if found is None:
        return _not_found(call, f"Service health issue '{call.params[0]}'")
    return _entity("admin/serviceAnnouncement/issues/$entity", found.graph_json)


def incident_report(state: State, call: Call) -> r.Response:
    """The post-incident review of an issue whose status is PostIncidentReviewPublished.

    learn.microsoft.com/graph/api/servicehealthissue-incidentreport: "a file stream in the
    response body" (`Edm.Stream`); the page's example body is a placeholder. An issue without
    a published review, or one the tenant does not see, is an error: Graph's error body, 404.
    No Content-Disposition: nothing documents one, so the client must not need it.
    """
    found = state.data.issue(call.tenant_id, call.params[0])
    if found is None:
        return _not_found(call, f"Service health issue '{call.params[0]}'")
    if not found.has_report:
        return _not_found(call, f"The post-incident review of '{found.id}'")
    return r.Response(200, found.report(), r.OCTET)


def messages(state: State, call: Call) -> r.Response:
    """Message center posts of the token's tenant, paged like issues (Prefer:
    odata.maxpagesize, at most 1000, default 100: serviceannouncement-list-messages)."""
    seen = state.data.messages_of(call.tenant_id)
    chosen = _filtered(call, [m.graph for m in seen], MESSAGE_FIELDS)
    if isinstance(chosen, r.Response):
        return chosen
    return _page(
        state,
        call,
        [seen[i].graph_json for i in chosen],
        kind="messages",
        context="admin/serviceAnnouncement/messages",
        default=100,
        maximum=1000,
        top_max=1000,
    )


def message(state: State, call: Call) -> r.Response:
    # "returns an error if the message does not exist for the tenant" (serviceupdatemessage-get)
    found = state.data.message(call.tenant_id, call.params[0])
    if found is None:
        return _not_found(call, f"Service update message '{call.params[0]}'")
    return _entity("admin/serviceAnnouncement/messages/$entity", found.graph_json)


def site_root(state: State, call: Call) -> r.Response:
    site = state.data.site_root(call.tenant_id)
    return _not_found(call, "Site") if site is None else r.json_response(200, site)


# -- GDAP ------------------------------------------------------------------------------------


def _cached_list(
    state: State, name: str, make: Callable[[], list[dict[str, Any]]]
) -> tuple[list[dict[str, Any]], list[bytes]]:
    key = (name,)
    found = state.cache.get(key)
    if found is None:
        records = make()
        found = state.cache.setdefault(key, (records, [r.dumps(x) for x in records]))
    return found  # type: ignore[no-any-return]


def relationships(state: State, call: Call) -> r.Response:
    records, encoded = _cached_list(state, "gdap", state.data.delegated_admin_relationships)
    chosen = _filtered(call, records, RELATIONSHIP_FIELDS)
    if isinstance(chosen, r.Response):
        return chosen
    return _page(
        state,
        call,
        [encoded[i] for i in chosen],
        kind="gdap",
        context="tenantRelationships/delegatedAdminRelationships",
        default=100,
        maximum=300,
        top_max=300,
    )


def relationship(state: State, call: Call) -> r.Response:
    found = state.data.relationship(call.params[0])
    if found is None:
        return _not_found(call, f"Delegated admin relationship '{call.params[0]}'")
    return _entity("tenantRelationships/delegatedAdminRelationships/$entity", r.dumps(found))


def access_assignments(state: State, call: Call) -> r.Response:
    """learn.microsoft.com/graph/api/delegatedadminrelationship-list-accessassignments: the
    published example's shape and context; `$top` up to 300."""
    found = state.data.access_assignments(call.params[0])
    if found is None:
        return _not_found(call, f"Delegated admin relationship '{call.params[0]}'")
    return _page(
        state,
        call,
        [r.dumps(a) for a in found],
        kind="gdapaa",
        context=f"tenantRelationships/delegatedAdminRelationships('{call.params[0]}')"
        "/accessAssignments",
        default=100,
        maximum=300,
        top_max=300,
    )


def my_groups(state: State, call: Call) -> r.Response:
    """learn.microsoft.com/graph/api/user-list-transitivememberof for the signed-in user
    (`/me`, delegated User.Read): directoryObjects, each with its `@odata.type`. Only the
    partner's own tenant has the user; a customer token gets Graph's answer for a partner-only
    route."""
    return _page(
        state,
        call,
        [r.dumps(g) for g in state.data.my_groups()],
        kind="memberof",
        context="directoryObjects",
        default=100,
        maximum=999,
        top_max=999,
    )


def gdap_customers(state: State, call: Call) -> r.Response:
    records, encoded = _cached_list(state, "gdapc", state.data.delegated_admin_customers)
    chosen = _filtered(call, records, GDAP_CUSTOMER_FIELDS)
    if isinstance(chosen, r.Response):
        return chosen
    return _page(
        state,
        call,
        [encoded[i] for i in chosen],
        kind="gdapc",
        context="tenantRelationships/delegatedAdminCustomers",
        default=100,
        maximum=300,
        top_max=300,
    )


def gdap_customer(state: State, call: Call) -> r.Response:
    found = state.data.customer(call.params[0])
    if found is None or not found.has_gdap:
        return _not_found(call, f"Delegated admin customer '{call.params[0]}'")
    body = {"id": found.tenant_id, "tenantId": found.tenant_id, "displayName": found.company_name}
    return _entity("tenantRelationships/delegatedAdminCustomers/$entity", r.dumps(body))


def management_details(state: State, call: Call) -> r.Response:
    found = state.data.service_management_details(call.params[0])
    if found is None:
        return _not_found(call, f"Delegated admin customer '{call.params[0]}'")
    context = (
        f"tenantRelationships/delegatedAdminCustomers('{call.params[0]}')/serviceManagementDetails"
    )
    return r.json_response(200, {"@odata.context": GRAPH_CONTEXT + context, "value": found})


# The delegated permission each route needs in the token's `scp`, as Graph's reference pages
# list them: learn.microsoft.com/graph/api/serviceannouncement-list-healthoverviews,
# site-get (Sites.Read.All), delegatedadminrelationship-get (DelegatedAdminRelationship.Read.All),
# serviceannouncement-list-messages and serviceupdatemessage-get (ServiceMessage.Read.All),
# user-list-transitivememberof (User.Read for the signed-in user's own memberships).
HEALTH = "ServiceHealth.Read.All"
MESSAGES = "ServiceMessage.Read.All"
SITES = "Sites.Read.All"
GDAP = "DelegatedAdminRelationship.Read.All"
USER = "User.Read"

ROUTES: list[Route] = [
    route("GET", f"{SA}/healthOverviews", health_overviews, "tenant", HEALTH),
    route("GET", f"{SA}/healthOverviews/{{name}}", health_overview, "tenant", HEALTH),
    route("GET", f"{SA}/issues", issues, "tenant", HEALTH),
    route("GET", f"{SA}/issues/{{id}}", issue, "tenant", HEALTH),
    route("GET", f"{SA}/issues/{{id}}/incidentReport", incident_report, "tenant", HEALTH),
    route("GET", f"{SA}/messages", messages, "tenant", MESSAGES),
    route("GET", f"{SA}/messages/{{id}}", message, "tenant", MESSAGES),
    route("GET", f"{BASE}/sites/root", site_root, "tenant", SITES),
    route("GET", f"{TR}/delegatedAdminRelationships", relationships, needs=GDAP),
    route("GET", f"{TR}/delegatedAdminRelationships/{{id}}", relationship, needs=GDAP),
    route(
        "GET",
        f"{TR}/delegatedAdminRelationships/{{id}}/accessAssignments",
        access_assignments,
        needs=GDAP,
    ),
    route("GET", f"{BASE}/me/transitiveMemberOf", my_groups, needs=USER),
    route("GET", f"{TR}/delegatedAdminCustomers", gdap_customers, needs=GDAP),
    route("GET", f"{TR}/delegatedAdminCustomers/{{id}}", gdap_customer, needs=GDAP),
    route(
        "GET",
        f"{TR}/delegatedAdminCustomers/{{id}}/serviceManagementDetails",
        management_details,
        needs=GDAP,
    ),
]
