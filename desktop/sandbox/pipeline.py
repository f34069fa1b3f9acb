"""The API pipeline: control endpoints, and for every API call latency, faults, auth, throttle,
route. Entra's endpoints (entra.py) bypass it: sign-in is not an API call."""

from __future__ import annotations

import json
import time
import traceback
from collections.abc import Callable
from urllib.parse import unquote

from desktop.config.clouds import GRAPH_GLOBAL_RESOURCE, PARTNER_CENTER_RESOURCE, SANDBOX_CLIENT_ID
from desktop.sandbox import consent_api, graph, partner_center
from desktop.sandbox import responses as r
from desktop.sandbox.canned import CannedAnswers
from desktop.sandbox.consent import NO_GRANT, NO_SERVICE_PRINCIPAL
from desktop.sandbox.faults import Faults, Injection, Throttle
from desktop.sandbox.routing import Call, Route, State, match
from desktop.sandbox.tokens import key_id, verify_jwt

ROUTES: list[Route] = partner_center.ROUTES + consent_api.ROUTES + graph.ROUTES
_MALFORMED_FALLBACK = r.dumps({"id": "0", "status": "accepted", "items": [{"id": "0"}]})
PEM = "application/x-pem-file"
# Graph's answer when the token lacks the route's permission: 403 with Graph's error body
# (https://learn.microsoft.com/graph/errors, https://learn.microsoft.com/graph/resolve-auth-errors).
INSUFFICIENT = (
    "Either the signed-in user does not have sufficient privileges, or you need to consent to "
    "one of the permissions on this API."
)


def truncate(body: bytes) -> bytes:
    """Half of a JSON body, cut at a UTF-8 character boundary: a JSON parse error, not a
    decode error. Any proper prefix of an object or array is invalid JSON."""
    body = body or _MALFORMED_FALLBACK
    cut = max(1, len(body) // 2)
    while cut > 1 and body[cut] & 0xC0 == 0x80:
        cut -= 1
    return body[:cut]


class App:
    def __init__(
        self,
        state: State,
        faults: Faults,
        throttle: Throttle | None,
        latency_s: float,
        signing_key: bytes,
        ca_pem: bytes | None = None,
    ) -> None:
        self.state = state
        self.faults = faults
        self.throttle = throttle
        self.latency_s = latency_s
        self.signing_key = signing_key
        self.ca_pem = ca_pem
        # Consents live as long as this object: a token older than it cannot prove one.
        self.born = int(time.time())
        # Tests only: Microsoft's published examples, served word for word (canned.py).
        self.canned = CannedAnswers()

    # -- control endpoints (no auth, no latency, no faults, not counted) ----------------

    def control(self, call: Call) -> r.Response:
        stats, data = self.state.stats, self.state.data
        name = call.path[len("/_sandbox/") :].rstrip("/")
        handlers: dict[tuple[str, str], Callable[[], r.Response]] = {
            ("GET", "stats"): lambda: r.json_response(200, stats.snapshot()),
            # The API calls received (most recent last), with the request ids each one sent.
            ("GET", "requests"): lambda: r.json_response(200, {"value": stats.request_log()}),
            ("GET", "info"): lambda: r.json_response(
                200,
                {
                    "partnerTenantId": data.partner_tenant_id,
                    "customers": len(data.customers),
                    "seed": data.seed,
                    "now": data.now.isoformat(),
                    "tls": self.ca_pem is not None,
                    "clientId": SANDBOX_CLIENT_ID,
                    # Names the key without giving it away: a client keeps the sign-in of
                    # each key apart, so tokens of an earlier key are never sent here.
                    "keyId": key_id(self.signing_key),
                },
            ),
            # The CA to pin, for a client on loopback that did not start the sandbox itself.
            ("GET", "ca.pem"): self._ca,
            ("POST", "inject"): lambda: self._inject(call),
            ("POST", "reset-stats"): self._reset_stats,
            ("POST", "fault-rate"): lambda: self._fault_rate(call),
        }
        handler = handlers.get((call.method, name))
        if handler is not None:
            return handler()
        if any(n == name for _, n in handlers):
            return r.json_response(405, {"error": f"method {call.method} not allowed"})
        return r.json_response(404, {"error": f"unknown sandbox endpoint {call.path}"})

    def _ca(self) -> r.Response:
        if self.ca_pem is None:
            return r.json_response(404, {"error": "the sandbox serves plain HTTP (no CA)"})
        return r.Response(200, self.ca_pem, PEM)

    def _reset_stats(self) -> r.Response:
        self.state.stats.reset()
        return r.json_response(200, self.state.stats.snapshot())

    def _inject(self, call: Call) -> r.Response:
        try:
            injection = Injection.from_json(json.loads(call.body or b"{}"))
        except ValueError as exc:
            return r.json_response(400, {"error": str(exc)})
        self.faults.inject(injection)
        return r.json_response(200, {"injected": injection.to_json()})

    def _fault_rate(self, call: Call) -> r.Response:
        try:
            value = json.loads(call.body or b"{}")
            self.faults.set_rate(float(value["rate"]))
        except (ValueError, KeyError, TypeError) as exc:
            return r.json_response(400, {"error": f"expected {{'rate': 0..1}}: {exc}"})
        return r.json_response(200, {"rate": self.faults.rate})

    # -- API calls ---------------------------------------------------------------------------

    def handle(self, call: Call) -> r.Response:
        entry = self.state.stats.log_request(call)
        response = self._serve(call)
        self.state.stats.log_status(entry, 0 if response.drop else response.status)
        return response

    def _serve(self, call: Call) -> r.Response:
        lowered = call.path.lower()
        call.family = "graph" if lowered == "/graph" or lowered.startswith("/graph/") else "pc"
        found, params, allowed = match(ROUTES, call.method, call.path)
        self.state.stats.count(found.name if found else "unmatched")
        if self.latency_s > 0:
            self.state.stats.wait(self.latency_s)

        injection = self.faults.take(call.raw_path)
        random_kind = None if injection is not None else self.faults.roll()
        slow_s, malformed = 0.0, False
        if injection is not None or random_kind is not None:
            self.state.stats.add("faults")
        if injection is not None:
            if injection.kind == "error":
                return injection.error_response(call.path, call.request_id)
            if injection.kind == "drop":
                return r.Response(0, drop=True)
            if injection.kind == "delay":
                self.state.stats.wait(injection.delay_s)
            slow_s = injection.delay_s if injection.kind == "slow" else 0.0
            malformed = injection.kind == "malformed"
        elif random_kind == "throttle":
            return self._throttled(call, 1)
        elif random_kind == "unavailable":
            return r.family_error(
                call.family,
                503,
                "The service is temporarily unavailable. Please retry.",
                call.request_id,
            )
        elif random_kind == "drop":
            return r.Response(0, drop=True)
        elif random_kind == "malformed":
            malformed = True

        if malformed and call.method != "GET":
            # A write is not carried out when its answer is garbled: only drop_after_commit
            # simulates "done, but the client never heard".
            return r.Response(200, truncate(_MALFORMED_FALLBACK))
        response = self._answer(call, found, params, allowed)
        if malformed:
            response = r.Response(200, truncate(response.body), r.JSON, response.headers)
        response.slow_s = slow_s
        return response

    def _throttled(self, call: Call, seconds: int) -> r.Response:
        headers = [("Retry-After", str(seconds))]
        if call.family == "graph":
            message = f"Too many requests. Retry after {seconds} seconds."
            return r.graph_error(429, message, call.request_id, "TooManyRequests", headers)
        return r.throttle_body(429, seconds, headers)

    def _unauthorized(self, call: Call, why: str) -> r.Response:
        challenge = f'Bearer realm="sandbox", error="invalid_token", error_description="{why}"'
        return r.family_error(
            call.family, 401, why, call.request_id, headers=[("WWW-Authenticate", challenge)]
        )

    def _authenticate(self, call: Call) -> r.Response | None:
        scheme, _, token = (call.header("Authorization") or "").strip().partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            return self._unauthorized(call, "The request has no bearer access token.")
        claims = verify_jwt(token.strip(), self.signing_key)
        if claims is None:  # unsigned (alg none), edited, or signed with another key
            return self._unauthorized(call, "The access token's signature is invalid.")
        exp, nbf = claims.get("exp"), claims.get("nbf", 0)
        if not isinstance(exp, (int, float)) or isinstance(exp, bool) or exp <= time.time():
            return self._unauthorized(call, "The access token has expired.")
        if not isinstance(nbf, (int, float)) or nbf > time.time() + 300:  # Entra's 5 min skew
            return self._unauthorized(call, "The access token is not valid yet.")
        wanted = GRAPH_GLOBAL_RESOURCE if call.family == "graph" else PARTNER_CENTER_RESOURCE
        audience = claims.get("aud")
        if not isinstance(audience, str) or audience.rstrip("/") != wanted:
            return self._unauthorized(call, f"The access token is not valid for {wanted}.")
        tid = claims.get("tid")
        if not isinstance(tid, str) or not tid:
            return self._unauthorized(call, "The access token names no tenant.")
        call.tenant_id, call.claims = tid.lower(), claims
        return None

    def _answer(
        self, call: Call, found: Route | None, params: tuple[str, ...], allowed: list[str]
    ) -> r.Response:
        denied = self._authenticate(call)
        if denied is not None:
            return denied
        data = self.state.data
        partner = call.tenant_id == data.partner_tenant_id
        if call.family == "pc" and not partner:
            return r.pc_error(
                403,
                "The caller's tenant is not a partner tenant: Partner Center "
                "answers only for the signed-in partner.",
            )
        canned = self.canned.take(call.raw_path)
        if canned is not None:
            return canned
        if found is None:
            if allowed:
                return r.family_error(
                    call.family,
                    405,
                    f"The requested resource does not support http method '{call.method}'.",
                    call.request_id,
                    headers=[("Allow", ", ".join(allowed))],
                )
            return r.family_error(
                call.family, 404, f"No resource matches {call.path}.", call.request_id
            )
        if call.family == "graph":
            granted = str(call.claims.get("scp") or "").split()
            if found.needs and found.needs not in granted:
                return r.graph_error(
                    403,
                    f"{INSUFFICIENT} API requires '{found.needs}'; the token has "
                    f"'{' '.join(granted)}'.",
                    call.request_id,
                    "Authorization_RequestDenied" if found.access == "partner" else "Forbidden",
                )
            if found.access == "partner" and not partner:
                return r.graph_error(
                    403,
                    "Delegated admin relationships can only be read by the partner tenant.",
                    call.request_id,
                    "Forbidden",
                )
            issued = call.claims.get("iat")
            if (
                found.access == "tenant"
                and not partner
                and isinstance(issued, int)
                and issued < self.born
                and data.consents.state(call.tenant_id) in (NO_SERVICE_PRINCIPAL, NO_GRANT)
            ):
                # A sandbox simplification: an embedded sandbox started again (same signing
                # key) has forgotten the consents of its last run, while the app still holds
                # that run's tokens. Such a token is refused, so the app asks Entra again and
                # is told (AADSTS65001) what matches the customer's state now.
                return self._unauthorized(
                    call, "The application is no longer consented in this tenant."
                )
            if found.access == "tenant" and not data.graph_allowed(call.tenant_id):
                return r.graph_error(
                    403,
                    f"Access denied: the signed-in partner user has no delegated admin "
                    f"(GDAP) role in tenant {call.tenant_id} that allows this request. Ask the "
                    "customer to approve a GDAP relationship with a suitable role.",
                    call.request_id,
                    "Forbidden",
                )
            if self.throttle is not None:
                wait = self.throttle.check(call.tenant_id)
                if wait is not None:
                    self.state.stats.add("throttled")
                    return self._throttled(call, wait)
        call.params = tuple(unquote(p) for p in params)
        try:
            return found.handler(self.state, call)
        except Exception:
            traceback.print_exc()
            return r.family_error(
                call.family, 500, "An unexpected error occurred.", call.request_id
            )
