"""Partner Center routes (`/v1/...`)."""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import quote

from desktop.sandbox import partner_topics, tickets
from desktop.sandbox import responses as r
from desktop.sandbox.customers import Customer
from desktop.sandbox.routing import Call, Route, State, int_param, route

COLLECTION = {"objectType": "Collection"}
# The create and support-topic APIs were announced as decommissioned on 31 August 2020 (API.md
# section 2): a sandbox started with `retired_create` refuses them as Microsoft does now. The
# body is Partner Center's error shape ({"code", "description", "data", "source"}).
RETIRED = (
    "This API has been decommissioned. Service requests are created in Partner Center "
    "(Service requests > Customer request > New request), which hands over to the Azure portal "
    "or the Microsoft 365 admin center."
)
_LOCALE = re.compile(r"^[a-z]{2,3}(?:-[a-z0-9]{2,8}){0,2}$", re.IGNORECASE)


def _link(uri: str, headers: list[dict[str, str]] | None = None) -> dict[str, object]:
    return {"uri": uri, "method": "GET", "headers": headers or []}


def _collection(items: list[Any], self_uri: str) -> r.Response:
    return r.json_response(
        200,
        {
            "totalCount": len(items),
            "items": items,
            "links": {"self": _link(self_uri)},
            "attributes": COLLECTION,
        },
    )


def _paged_body(total: int, items: list[bytes], links: dict[str, object], extra: bytes) -> bytes:
    return b"".join(
        (
            b'{"totalCount":',
            str(total).encode(),
            b',"items":[',
            b",".join(items),
            b'],"links":',
            r.dumps(links),
            extra,
            b',"attributes":{"objectType":"Collection"}}',
        )
    )


def get_field(obj: dict[str, Any], name: str) -> Any:
    """A field by name, case-insensitively: clients send PascalCase or camelCase."""
    lowered = name.lower()
    return next((v for k, v in obj.items() if k.lower() == lowered), None)


def json_object(call: Call) -> dict[str, Any] | None:
    try:
        value = json.loads(call.body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    return value if isinstance(value, dict) else None


def _customer_filter(state: State, text: str) -> list[int] | str:
    """Matching positions, or an error message for a filter Partner Center would refuse."""
    try:
        spec = json.loads(text)
    except ValueError:
        return "The filter is not valid JSON."
    if not isinstance(spec, dict):
        return "The filter must be a JSON object."
    field, value, operator = (get_field(spec, k) for k in ("Field", "Value", "Operator"))
    if not isinstance(field, str) or field.lower() not in ("companyname", "domain"):
        return "Filter field must be CompanyName or Domain."
    if not isinstance(operator, str) or operator.lower() != "starts_with":
        return "Filter operator must be starts_with."
    if not isinstance(value, str):
        return "Filter value must be a string."
    return state.data.search(field.lower(), value)


def customers(state: State, call: Call) -> r.Response:
    size = int_param(call, "size", 200, 1, 500)
    if size is None:
        return r.pc_error(400, "The size parameter must be an integer.")
    seek = call.query.get("seekoperation")
    if seek is not None:
        if seek.lower() != "next":
            return r.pc_error(400, f"Unsupported seek operation '{seek}'.")
        token = call.header("MS-ContinuationToken")
        saved = state.signer.loads(token) if token else None
        if saved is None or saved.get("k") != "customers":
            return r.pc_error(400, "The continuation token is missing or invalid.")
        offset, size, filter_text = int(saved["o"]), int(saved["s"]), saved["f"]
    else:
        offset, filter_text = 0, call.query.get("filter")
    if filter_text:
        found = _customer_filter(state, filter_text)
        if isinstance(found, str):
            return r.pc_error(400, found)
        positions: list[int] | range = found
    else:
        positions = range(len(state.data.customers))
    everything = state.data.customer_items_json()
    page = [everything[i] for i in positions[offset : offset + size]]
    suffix = f"&filter={quote(filter_text, safe='')}" if filter_text else ""
    links: dict[str, object] = {"self": _link(f"/customers?size={size}{suffix}")}
    extra = b""
    if offset + size < len(positions):
        token = state.signer.dumps(
            {"k": "customers", "o": offset + size, "s": size, "f": filter_text}
        )
        links["next"] = _link(
            f"/customers?size={size}&seekOperation=Next{suffix}",
            [{"key": "MS-ContinuationToken", "value": token}],
        )
        extra = b',"continuationToken":' + r.dumps(token)
    return r.Response(200, _paged_body(len(positions), page, links, extra))


def _unknown_customer(tid: str) -> r.Response:
    return r.pc_error(404, f"Customer with tenant id {tid} was not found.")


def customer(state: State, call: Call) -> r.Response:
    detail = state.data.customer_detail(call.params[0])
    return _unknown_customer(call.params[0]) if detail is None else r.json_response(200, detail)


def managed_services(state: State, call: Call) -> r.Response:
    tid = call.params[0]
    found = state.data.managed_services(tid)
    if found is None:
        return _unknown_customer(tid)
    return _collection(found, f"/customers/{tid}/managedservices")


def partner_incidents(state: State, call: Call) -> r.Response:
    return r.json_response(200, state.data.service_incidents(None))


def customer_incidents(state: State, call: Call) -> r.Response:
    found = state.data.service_incidents(call.params[0])
    return _unknown_customer(call.params[0]) if found is None else r.json_response(200, found)


def _request_filter(text: str) -> Any:
    """A predicate for a request list's filter, or an error message. The SDK sends `filter`
    to both lists (PartnerService.json `SearchPartnerServiceRequests`,
    `SearchCustomerServiceRequests`: offset, size, filter)."""
    try:
        spec = json.loads(text)
    except ValueError:
        return "The filter is not valid JSON."
    if not isinstance(spec, dict):
        return "The filter must be a JSON object."
    field, value = get_field(spec, "Field"), get_field(spec, "Value")
    if not isinstance(field, str) or field.lower() not in ("status", "severity"):
        return "Filter field must be Status or Severity."
    names = tickets.STATUSES if field.lower() == "status" else tickets.SEVERITIES
    if not isinstance(value, str) or value.lower() not in names:
        return f"Filter value must be one of {', '.join(names)}."
    key, wanted = field.lower(), value.lower()
    return lambda req: (
        (names[req[key]] if isinstance(req[key], int) else str(req[key]).lower()) == wanted
    )


def _requests_page(state: State, call: Call, base: str, owner: Customer) -> r.Response:
    offset = int_param(call, "offset", 0, 0, 10**9)
    size = int_param(call, "size", 200, 1, 500)
    if offset is None or size is None:
        return r.pc_error(400, "offset and size must be integers.")
    keep = None
    filter_text = call.query.get("filter")
    if filter_text:
        keep = _request_filter(filter_text)
        if isinstance(keep, str):
            return r.pc_error(400, keep)
    total, page = state.data.tickets.page(owner, offset, size, keep)
    suffix = f"&filter={quote(filter_text, safe='')}" if filter_text else ""
    links: dict[str, object] = {"self": _link(f"{base}?offset={offset}&size={size}{suffix}")}
    if offset + size < total:
        links["next"] = _link(f"{base}?offset={offset + size}&size={size}{suffix}")
    return r.Response(200, _paged_body(total, page, links, b""))


def _request_owner(state: State, tid: str) -> Customer | r.Response:
    """The customer whose tickets `tid` names, or the refusal: 404 for a stranger, 403 where
    the partner has no GDAP relationship (a customer's support tickets are handled through
    GDAP, with the Service Support Administrator role: learn.microsoft.com/partner-center/
    customers/gdap-least-privileged-roles-by-task)."""
    owner = state.data.customer(tid)
    if owner is None:
        return _unknown_customer(tid)
    if not owner.has_gdap:
        return r.pc_error(
            403,
            f"The partner has no active GDAP relationship with {owner.company_name}: its "
            "service requests cannot be read or changed.",
        )
    return owner


def partner_requests(state: State, call: Call) -> r.Response:
    """The partner's OWN tickets with Microsoft, never its customers' (API.md section 2)."""
    return _requests_page(state, call, "/servicerequests", state.data.partner)


def customer_requests(state: State, call: Call) -> r.Response:
    tid = call.params[0]
    owner = _request_owner(state, tid)
    if isinstance(owner, r.Response):
        return owner
    return _requests_page(state, call, f"/customers/{tid}/servicerequests", owner)


def _unknown_request(request_id: str) -> r.Response:
    return r.pc_error(404, f"Service request {request_id} was not found.")


def get_request(state: State, call: Call) -> r.Response:
    """`GET /v1/servicerequests/{id}`: one of the partner's own; a customer's is not found."""
    found = state.data.tickets.get(call.params[0], state.data.partner)
    return _unknown_request(call.params[0]) if found is None else r.json_response(200, found)


def customer_get_request(state: State, call: Call) -> r.Response:
    """`GET /v1/customers/{tid}/servicerequests/{id}` (SDK `GetServiceRequestCustomer`)."""
    owner = _request_owner(state, call.params[0])
    if isinstance(owner, r.Response):
        return owner
    found = state.data.tickets.get(call.params[1], owner)
    return _unknown_request(call.params[1]) if found is None else r.json_response(200, found)


def _patch(state: State, call: Call, owner: Customer, request_id: str) -> r.Response:
    """A note and/or a status (learn.microsoft.com/partner-center/developer/
    update-a-service-request: body `{"NewNote": {"Text": ...}}`, 200 with the request)."""
    body = json_object(call)
    if body is None:
        return r.pc_error(400, "The request body must be a JSON object.")
    note = get_field(body, "NewNote")
    text = get_field(note, "Text") if isinstance(note, dict) else None
    status = get_field(body, "Status")
    if status is not None and (
        not isinstance(status, str) or status.lower() not in tickets.STATUSES
    ):
        return r.pc_error(400, f"Status must be one of {', '.join(tickets.STATUSES)}.")
    if text is not None and not isinstance(text, str):
        return r.pc_error(400, "NewNote.Text must be a string.")
    if not (text and text.strip()) and status is None:
        return r.pc_error(400, "NewNote.Text must not be empty.")
    author = str(call.claims.get("name") or call.claims.get("upn") or "Partner agent")
    updated = state.data.tickets.update(
        request_id,
        owner,
        text.strip() if text else None,
        author,
        status.lower() if isinstance(status, str) else None,
    )
    return _unknown_request(request_id) if updated is None else r.json_response(200, updated)


def patch_request(state: State, call: Call) -> r.Response:
    """`PATCH /v1/servicerequests/{id}`: the partner's own only (`UpdateServiceRequestPartner`)."""
    return _patch(state, call, state.data.partner, call.params[0])


def customer_patch_request(state: State, call: Call) -> r.Response:
    """`PATCH /v1/customers/{tid}/servicerequests/{id}` (SDK `UpdateServiceRequestCustomer`)."""
    owner = _request_owner(state, call.params[0])
    if isinstance(owner, r.Response):
        return owner
    return _patch(state, call, owner, call.params[1])


def _contact(value: Any) -> dict[str, str] | None:
    if not isinstance(value, dict):
        return None
    keys = ("contactId", "firstName", "lastName", "email", "phoneNumber")
    return {k: str(get_field(value, k) or "") for k in keys}


def create_request(state: State, call: Call) -> r.Response:
    """`POST /v1/servicerequests/{agent-locale}`: files a PARTNER ticket whatever the body's
    `Organization` says (the API only ever filed partner tickets: API.md section 2). Body and
    answer as learn.microsoft.com/partner-center/developer/create-a-service-request shows them:
    `"SupportTopicId": "32444671"` a string (a number is accepted too), 201 with the request."""
    if state.retired_create:
        return r.pc_error(410, RETIRED, code="3100")
    if not _LOCALE.match(call.params[0]):
        return r.pc_error(404, f"'{call.params[0]}' is not a supported agent locale.")
    body = json_object(call)
    if body is None:
        return r.pc_error(400, "The request body must be a JSON object.")
    title, description = get_field(body, "Title"), get_field(body, "Description") or ""
    if not isinstance(title, str) or not title.strip():
        return r.pc_error(400, "Title is required.")
    if len(title) > 255:
        return r.pc_error(400, "Title must be 255 characters or fewer.")
    if not isinstance(description, str):
        return r.pc_error(400, "Description must be a string.")
    severity = get_field(body, "Severity")
    if isinstance(severity, int) and not isinstance(severity, bool) and 0 <= severity <= 3:
        severity = tickets.SEVERITIES[severity]
    if not isinstance(severity, str) or severity.lower() not in tickets.SEVERITIES:
        return r.pc_error(400, f"Severity must be one of {', '.join(tickets.SEVERITIES)}.")
    topic = get_field(body, "SupportTopicId")
    topic_id = -1
    if isinstance(topic, (int, str)) and not isinstance(topic, bool) and str(topic).isdigit():
        topic_id = int(topic)
    if topic_id not in partner_topics.TOPICS_BY_ID:
        return r.pc_error(400, f"Unknown SupportTopicId {topic!r}.")
    cc = get_field(body, "EmailCcList") or []
    if isinstance(cc, str):
        cc = [part.strip() for part in re.split(r"[;,]", cc) if part.strip()]
    if not isinstance(cc, list) or not all(isinstance(x, str) for x in cc):
        return r.pc_error(400, "EmailCcList must be a list of email addresses.")
    created = state.data.tickets.create(
        title.strip(),
        description,
        severity.lower(),
        topic_id,
        _contact(get_field(body, "PrimaryContact")),
        cc,
        str(get_field(body, "AdditionalInfo") or ""),
    )
    state.stats.add("creates")
    response = r.json_response(201, created, [("Location", f"/v1/servicerequests/{created['id']}")])
    response.drop = state.take_drop_after_commit()
    return response


def support_topics(state: State, call: Call) -> r.Response:
    if state.retired_create:
        return r.pc_error(410, RETIRED, code="3100")
    return _collection(state.data.support_topics(), "/servicerequests/supporttopics")


ROUTES: list[Route] = [
    route("GET", "/v1/customers", customers),
    route("GET", "/v1/customers/{tenantId}", customer),
    route("GET", "/v1/customers/{tenantId}/managedservices", managed_services),
    route("GET", "/v1/customers/{tenantId}/serviceincidents/office", customer_incidents),
    route("GET", "/v1/customers/{tenantId}/servicerequests", customer_requests),
    route("GET", "/v1/customers/{tenantId}/servicerequests/{id}", customer_get_request),
    route("PATCH", "/v1/customers/{tenantId}/servicerequests/{id}", customer_patch_request),
    route("GET", "/v1/serviceincidents/office", partner_incidents),
    route("GET", "/v1/servicerequests", partner_requests),
    route("GET", "/v1/servicerequests/supporttopics", support_topics),
    route("GET", "/v1/servicerequests/{id}", get_request),
    route("PATCH", "/v1/servicerequests/{id}", patch_request),
    route("POST", "/v1/servicerequests/{locale}", create_request),
]
