"""An emulated Microsoft Entra ID token service at the sandbox's root, enough for MSAL.

    GET  /{tenant}/v2.0/.well-known/openid-configuration     OpenID discovery
    POST /{tenant}/oauth2/v2.0/devicecode                     device code flow, step 1
    GET  /devicelogin  POST /devicelogin                      where the user enters the code
    GET|POST /{tenant}/oauth2/v2.0/authorize                  auth code flow with PKCE
    POST /{tenant}/oauth2/v2.0/token                          device_code, authorization_code,
                                                              refresh_token grants

`{tenant}` is organizations, common, the partner tenant, or a customer tenant (by id or by its
onmicrosoft domain); a customer authority issues tokens under the GDAP and consent rules of
identity.py. Entra calls are not API calls: no API latency, faults or throttling, and they are
counted apart (stats `tokenRequests`, `deviceCodes`).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

from desktop.config.clouds import SANDBOX_CLIENT_ID
from desktop.sandbox import entra_pages as pages
from desktop.sandbox import entra_wire as w
from desktop.sandbox import responses as r
from desktop.sandbox.customers import Customer
from desktop.sandbox.entra_flows import DEVICE_CODE_LIFETIME_S, Flows
from desktop.sandbox.identity import TokenIssuer
from desktop.sandbox.routing import Call, Stats

DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code"
GRANTS = {
    DEVICE_GRANT: "device_code",
    "refresh_token": "refresh_token",
    "authorization_code": "authorization_code",
}
# learn.microsoft.com/entra/identity-platform/v2-oauth2-device-code#device-authorization-response
DEVICE_POLL_INTERVAL_S = 5
_ENTRA_SEGMENTS = ("v2.0", "oauth2", "discovery")
_LOOPBACK = ("localhost", "127.0.0.1", "::1")
_ANY_TENANT = ("organizations", "common")
_NO_STORE = [("Cache-Control", "no-store, no-cache"), ("Pragma", "no-cache")]


def is_entra_path(path: str) -> bool:
    segments = path.strip("/").split("/")
    if path.lower() == "/devicelogin":
        return True
    return len(segments) >= 2 and segments[1].lower() in _ENTRA_SEGMENTS


def _form(call: Call) -> dict[str, str]:
    try:
        text = call.body.decode("utf-8")
    except UnicodeDecodeError:
        return {}
    return {k: v[0] for k, v in parse_qs(text, keep_blank_values=True).items()}


_WORKING_ENDPOINTS = frozenset(
    {"oauth2/v2.0/token", "oauth2/v2.0/devicecode", "oauth2/v2.0/authorize"}
)


class Entra:
    def __init__(
        self,
        issuer: TokenIssuer,
        stats: Stats,
        *,
        auto_approve: bool = True,
        latency_s: float = 0.0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.issuer = issuer
        self.data = issuer.data
        self.stats = stats
        self.auto_approve = auto_approve
        self.latency_s = latency_s
        self._clock = clock
        self.flows = Flows(clock)

    # -- dispatch ---------------------------------------------------------------------------

    def handle(self, call: Call) -> r.Response:
        segments = call.path.strip("/").split("/")
        rest = "/".join(segments[1:]).lower()
        if self.latency_s > 0 and rest in _WORKING_ENDPOINTS:
            # The token service's own work. Discovery documents are static and served from a
            # CDN at Entra: they take no token latency here, so a sweep's ideal time counts the
            # token requests alone, as issue 14 defines it.
            self.stats.wait(self.latency_s)
        if call.path.lower() == "/devicelogin":
            return self._device_login(call)
        form = _form(call) if call.method == "POST" else {}
        if rest == "oauth2/v2.0/token" and call.method == "POST":
            counted = GRANTS.get(form.get("grant_type", ""))
            if counted:
                self.stats.count_token(counted)
        elif rest == "oauth2/v2.0/devicecode" and call.method == "POST":
            self.stats.add("device_codes")
        if segments[0].lower() == "common" and rest == "discovery/instance":
            return self._instance_discovery(call)
        realm = self._realm(segments[0])
        if realm is None:
            return self._error(call, w.tenant_not_found(segments[0]))
        routes: dict[str, Callable[[], r.Response]] = {
            "v2.0/.well-known/openid-configuration": lambda: self._discovery(call, segments[0]),
            "discovery/v2.0/keys": lambda: self._json(200, {"keys": []}),
            "oauth2/v2.0/devicecode": lambda: self._device_code(call, form, realm),
            "oauth2/v2.0/token": lambda: self._token(call, form, realm),
            "oauth2/v2.0/authorize": lambda: self._authorize(call, form, realm, segments[0]),
            "oauth2/v2.0/logout": pages.signed_out,
        }
        handler = routes.get(rest)
        if handler is None:
            return self._json(404, {"error": "not_found", "error_description": call.path})
        posts_only = rest in ("oauth2/v2.0/devicecode", "oauth2/v2.0/token")
        gets_only = rest not in ("oauth2/v2.0/authorize",) and not posts_only
        if (posts_only and call.method != "POST") or (gets_only and call.method != "GET"):
            return self._error(
                call,
                w.EntraError(
                    400,
                    "invalid_request",
                    900561,
                    f"The endpoint only accepts {'POST' if posts_only else 'GET'} requests. "
                    f"Received a {call.method} request.",
                ),
            )
        return handler()

    def _realm(self, name: str) -> Customer | None:
        if name.lower() in _ANY_TENANT:
            return self.data.partner
        return self.data.tenant_by_name(name)

    def _json(self, status: int, body: object) -> r.Response:
        return r.json_response(status, body, _NO_STORE)

    def _error(self, call: Call, error: w.EntraError) -> r.Response:
        response = error.response(call.header("client-request-id"), call.request_id)
        response.headers += [*_NO_STORE, ("x-ms-request-id", call.request_id)]
        return response

    # -- discovery --------------------------------------------------------------------------

    def _discovery(self, call: Call, segment: str) -> r.Response:
        """learn.microsoft.com/entra/identity-platform/v2-protocols-oidc#find-your-apps-
        openid-configuration-document-uri. organizations and common name the issuer with a
        {tenantid} placeholder, as Entra does; a domain name resolves to the tenant id."""
        realm = self._realm(segment)
        assert realm is not None
        any_tenant = segment.lower() in _ANY_TENANT
        path = segment.lower() if any_tenant else realm.tenant_id
        issuer_tid = "{tenantid}" if any_tenant else realm.tenant_id
        return self._json(200, w.discovery_document(call.base_url, path, issuer_tid))

    def _instance_discovery(self, call: Call) -> r.Response:
        """What MSAL asks when instance_discovery is on: which hosts are one cloud."""
        endpoint = urlsplit(call.query.get("authorization_endpoint", ""))
        tenant = (endpoint.path.strip("/").split("/") or ["common"])[0] or "common"
        host = urlsplit(call.base_url).hostname or "127.0.0.1"
        return self._json(
            200,
            {
                "tenant_discovery_endpoint": (
                    f"{call.base_url}/{tenant}/v2.0/.well-known/openid-configuration"
                ),
                "api-version": "1.1",
                "metadata": [
                    {"preferred_network": host, "preferred_cache": host, "aliases": [host]}
                ],
            },
        )

    # -- checks shared by the endpoints -----------------------------------------------------------

    def _client(self, client_id: str, realm: Customer) -> w.EntraError | None:
        if not client_id:
            return w.missing_parameter("client_id")
        if client_id != SANDBOX_CLIENT_ID:
            return w.app_not_found(client_id, realm.company_name)
        return None

    # -- device code flow (learn.microsoft.com/entra/identity-platform/v2-oauth2-device-code) ---

    def _device_code(self, call: Call, form: dict[str, str], realm: Customer) -> r.Response:
        client_id = form.get("client_id", "")
        refused = self._client(client_id, realm)
        ask = w.parse_scope(form.get("scope", ""))
        if refused is None and isinstance(ask, w.EntraError):
            refused = ask
        if refused is not None:
            return self._error(call, refused)
        device_code, user_code = self.flows.new_device_flow(
            client_id, form.get("scope", ""), self.auto_approve
        )
        uri = f"{call.base_url}/devicelogin"
        return self._json(
            200,
            {
                "user_code": user_code,
                "device_code": device_code,
                "verification_uri": uri,
                "expires_in": DEVICE_CODE_LIFETIME_S,
                "interval": DEVICE_POLL_INTERVAL_S,
                "message": f"To sign in, use a web browser to open the page {uri} and enter "
                f"the code {user_code} to authenticate.",
            },
        )

    def _device_login(self, call: Call) -> r.Response:
        if call.method == "GET":
            return pages.device_code_form()
        if call.method != "POST":
            return r.Response(405, b"", r.HTML, [("Allow", "GET, POST")])
        problem = self.flows.approve(_form(call).get("code", ""))
        if problem is not None:
            return pages.device_code_form(problem, 400)
        return pages.device_code_done(self.issuer.user.upn)

    # -- token endpoint ---------------------------------------------------------------------------

    def _token(self, call: Call, form: dict[str, str], realm: Customer) -> r.Response:
        """The token endpoint: device_code (v2-oauth2-device-code#authenticating-the-user),
        authorization_code (v2-oauth2-auth-code-flow#redeem-a-code-for-an-access-token) and
        refresh_token grants, all under https://learn.microsoft.com/entra/identity-platform/."""
        client_id = form.get("client_id", "")
        refused = self._client(client_id, realm)
        if refused is not None:
            return self._error(call, refused)
        grant = form.get("grant_type", "")
        if not grant:
            return self._error(call, w.missing_parameter("grant_type"))
        found: tuple[str, str] | w.EntraError
        if grant == DEVICE_GRANT:
            device_code = form.get("device_code") or form.get("code") or ""
            scope = self.flows.redeem_device_code(device_code, client_id) if device_code else ""
            found = (scope, "") if isinstance(scope, str) else scope
            if not device_code:
                found = w.missing_parameter("device_code")
        elif grant == "authorization_code":
            code = form.get("code")
            found = self.flows.redeem_auth_code(form) if code else w.missing_parameter("code")
        elif grant == "refresh_token":
            found = self._refresh_grant(form)
        else:
            found = w.EntraError(
                400,
                "unsupported_grant_type",
                70003,
                f"The app requested an unsupported grant type '{grant}'.",
            )
        if isinstance(found, w.EntraError):
            return self._error(call, found)
        scope, nonce = found
        ask = w.parse_scope(scope)
        if isinstance(ask, w.EntraError):
            return self._error(call, ask)
        granted = self.issuer.allowed(realm, ask, client_id)
        if isinstance(granted, w.EntraError):
            return self._error(call, granted)
        body = self.issuer.token_response(
            realm,
            ask,
            granted,
            client_id=client_id,
            issuer_base=call.base_url,
            nonce=nonce or None,
            client_info=form.get("client_info") == "1",
        )
        return self._json(200, body)

    def _refresh_grant(self, form: dict[str, str]) -> tuple[str, str] | w.EntraError:
        """https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow
        #refresh-the-access-token. Entra's refresh tokens are good at any tenant the user can
        reach: at a customer authority that is how a GDAP partner gets that customer's Graph
        token (identity.py applies the GDAP and consent rules)."""
        token = form.get("refresh_token", "")
        if not token:
            return w.missing_parameter("refresh_token")
        refused = self.issuer.read_refresh_token(token, form.get("client_id", ""))
        if refused is not None:
            return refused
        scope = form.get("scope", "")
        return (scope, "") if scope else w.missing_parameter("scope")

    # -- authorization endpoint (v2-oauth2-auth-code-flow#request-an-authorization-code) ------

    def _authorize(
        self, call: Call, form: dict[str, str], realm: Customer, segment: str
    ) -> r.Response:
        params: dict[str, Any] = dict(form) if call.method == "POST" else dict(call.query)
        client_id, redirect_uri = params.get("client_id", ""), params.get("redirect_uri", "")
        correlation = call.header("client-request-id") or call.request_id
        refused = self._client(client_id, realm)
        target = urlsplit(redirect_uri)
        if refused is None and not (target.scheme == "http" and target.hostname in _LOOPBACK):
            # Partner Desk is a public client with the loopback redirect only (RFC 8252).
            refused = w.EntraError(
                400,
                "invalid_request",
                50011,
                f"The redirect URI '{redirect_uri}' specified in the request does not match "
                f"the redirect URIs configured for the application '{client_id}'. Make sure "
                "the redirect URI sent in the request matches one added to your application "
                "in the Azure portal.",
            )
        if refused is not None:  # never sent to an unverified redirect: shown to the user
            return pages.error_page(refused, call.request_id, correlation)
        mode = params.get("response_mode") or "query"
        state = params.get("state", "")
        method = params.get("code_challenge_method") or "plain"
        problem: w.EntraError | None = None
        ask = w.parse_scope(params.get("scope", ""))
        if params.get("response_type") != "code":
            problem = w.EntraError(
                400,
                "unsupported_response_type",
                700054,
                "response_type 'code' is the only one enabled for this application.",
            )
        elif isinstance(ask, w.EntraError):
            problem = ask
        elif method not in ("S256", "plain") or mode not in ("query", "fragment", "form_post"):
            problem = w.EntraError(
                400, "invalid_request", 9002313, "Invalid request. Request is malformed or invalid."
            )
        if problem is not None:
            body = problem.body(correlation, call.request_id)
            fields = {"error": problem.error, "error_description": str(body["error_description"])}
            return self._deliver(redirect_uri, mode, {**fields, "state": state})
        if not self.auto_approve and params.get("sandbox_approve") != "1":
            action = f"/{segment}/oauth2/v2.0/authorize"
            fields = {k: str(v) for k, v in params.items() if k != "sandbox_approve"}
            return pages.sign_in(action, fields, self.issuer.user.upn)
        code = self.flows.new_auth_code(
            client_id,
            redirect_uri,
            params.get("scope", ""),
            params.get("code_challenge", ""),
            method,
            params.get("nonce", ""),
        )
        return self._deliver(redirect_uri, mode, {"code": code, "state": state})

    def _deliver(self, redirect_uri: str, mode: str, fields: dict[str, str]) -> r.Response:
        if mode == "form_post":
            return pages.form_post(redirect_uri, fields)
        separator = "#" if mode == "fragment" else ("&" if "?" in redirect_uri else "?")
        location = f"{redirect_uri}{separator}{urlencode(fields)}"
        return r.Response(302, b"", r.HTML, [("Location", location), *_NO_STORE])
