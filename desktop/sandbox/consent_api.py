"""Partner Center's application consent API (API.md section 2 "Application consents").

`POST /v1/customers/{tenantId}/applicationconsents` and `DELETE .../applicationconsents/{appId}`
as documented at learn.microsoft.com/partner-center/developer/control-panel-vendor-apis
("Create application consent", "Delete application consent"): 201 with the consent, 409 when
one exists, 403 when the partner's GDAP roles in that customer cannot consent, 204 on delete.
"""

from __future__ import annotations

from typing import Any

from desktop.config.clouds import SANDBOX_CLIENT_ID
from desktop.sandbox import catalog
from desktop.sandbox import responses as r
from desktop.sandbox.partner_center import get_field, json_object
from desktop.sandbox.routing import Call, Route, State, route

PATH = "/v1/customers/{tenantId}/applicationconsents"
_ROLE_NAMES = ", ".join(name for _, name in catalog.CONSENT_ROLES)


def _refusal(state: State, tid: str) -> r.Response | None:
    """404 for an unknown customer, 403 where the partner may not consent; else None."""
    customer = state.data.customer(tid)
    if customer is None:
        return r.pc_error(404, f"Customer with tenant id {tid} was not found.")
    if not customer.has_gdap:
        return r.pc_error(
            403,
            f"The partner has no active GDAP relationship with {customer.company_name}. "
            f"Application consent needs one of these roles through GDAP: {_ROLE_NAMES}.",
        )
    if not state.data.consents.can_consent(customer.tenant_id):
        return r.pc_error(
            403,
            f"The signed-in user's GDAP roles in {customer.company_name} do not allow "
            f"consenting to applications. One of these roles is needed: {_ROLE_NAMES}.",
        )
    return None


def _grants(value: Any) -> list[tuple[str, str]] | str:
    """[(enterpriseApplicationId, scope)], or why the body is not acceptable."""
    if not isinstance(value, list) or not value:
        return "applicationGrants must be a non-empty list."
    out = []
    for grant in value:
        app = get_field(grant, "enterpriseApplicationId") if isinstance(grant, dict) else None
        scope = get_field(grant, "scope") if isinstance(grant, dict) else None
        if not isinstance(app, str) or not app or not isinstance(scope, str):
            return "Each application grant needs an enterpriseApplicationId and a scope."
        names = [s.strip() for s in scope.split(",") if s.strip()]
        if not names:
            return f"The grant for {app} names no scope."
        out.append((app.lower(), ",".join(names)))
    return out


def create(state: State, call: Call) -> r.Response:
    tid = call.params[0]
    if state.data.customer(tid) is None:
        return r.pc_error(404, f"Customer with tenant id {tid} was not found.")
    body = json_object(call)
    if body is None:
        return r.pc_error(400, "The request body must be a JSON object.")
    app_id, name = get_field(body, "applicationId"), get_field(body, "displayName")
    if not isinstance(app_id, str) or app_id.lower() != SANDBOX_CLIENT_ID:
        return r.pc_error(400, f"Application {app_id!r} is not registered by this partner.")
    if name is not None and not isinstance(name, str):
        return r.pc_error(400, "displayName must be a string.")
    grants = _grants(get_field(body, "applicationGrants"))
    if isinstance(grants, str):
        return r.pc_error(400, grants)
    refused = _refusal(state, tid)
    if refused is not None:
        return refused
    graph = [s for app, scope in grants if app == catalog.GRAPH_APP_ID for s in scope.split(",")]
    display = name or catalog.APP_DISPLAY_NAME
    if not state.data.consents.consent(tid, display, graph, state.consent_delay_s):
        return r.pc_error(
            409,
            f"An application consent for {app_id} already exists in this customer tenant. "
            "Delete it and consent again to change its scopes.",
        )
    answer = {
        "applicationId": app_id.lower(),
        "displayName": display,
        "applicationGrants": [{"enterpriseApplicationId": a, "scope": s} for a, s in grants],
    }
    location = f"/v1/customers/{tid}/applicationconsents/{app_id.lower()}"
    return r.json_response(201, answer, [("Location", location)])


def delete(state: State, call: Call) -> r.Response:
    tid, app_id = call.params
    refused = _refusal(state, tid)
    if refused is not None and refused.status == 404:
        return refused
    if app_id.lower() != SANDBOX_CLIENT_ID or state.data.consents.state(tid) in (
        "no_service_principal",
        "no_gdap",
    ):
        return r.pc_error(404, f"No application consent for {app_id} in customer {tid}.")
    if refused is not None:
        return refused
    state.data.consents.remove(tid)
    return r.Response(204)


ROUTES: list[Route] = [
    route("POST", PATH, create),
    route("DELETE", PATH + "/{applicationId}", delete),
]
