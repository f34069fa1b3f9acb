"""The HTTP server: one pipeline for every API call (latency, faults, auth, throttle, route)."""

from __future__ import annotations

import contextlib
import json
import socket
import socketserver
import sys
import threading
import time
import traceback
import uuid
from collections.abc import Callable
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, cast
from urllib.parse import parse_qs, unquote

from desktop.clouds import PARTNER_CENTER_RESOURCE
from desktop.sandbox import graph, partner_center
from desktop.sandbox import responses as r
from desktop.sandbox.faults import Faults, Injection, Throttle
from desktop.sandbox.routing import Call, Route, State, match
from desktop.sandbox.tokens import decode_token

GRAPH_RESOURCE = "https://graph.microsoft.com"
ROUTES: list[Route] = partner_center.ROUTES + graph.ROUTES
_MALFORMED_FALLBACK = r.dumps({"id": "0", "status": "accepted", "items": [{"id": "0"}]})


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
        self, state: State, faults: Faults, throttle: Throttle | None, latency_s: float
    ) -> None:
        self.state = state
        self.faults = faults
        self.throttle = throttle
        self.latency_s = latency_s

    # -- control endpoints (no auth, no latency, no faults, not counted) ----------------

    def control(self, call: Call) -> r.Response:
        stats, data = self.state.stats, self.state.data
        name = call.path[len("/_sandbox/") :].rstrip("/")
        handlers: dict[tuple[str, str], Callable[[], r.Response]] = {
            ("GET", "stats"): lambda: r.json_response(200, stats.snapshot()),
            ("GET", "info"): lambda: r.json_response(
                200,
                {
                    "partnerTenantId": data.partner_tenant_id,
                    "customers": len(data.customers),
                    "seed": data.seed,
                    "now": data.now.isoformat(),
                },
            ),
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
        claims = decode_token(token.strip())
        if claims is None:
            return self._unauthorized(call, "The access token could not be decoded.")
        exp = claims.get("exp")
        if not isinstance(exp, (int, float)) or isinstance(exp, bool) or exp <= time.time():
            return self._unauthorized(call, "The access token has expired.")
        wanted = GRAPH_RESOURCE if call.family == "graph" else PARTNER_CENTER_RESOURCE
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
            if found.access == "partner" and not partner:
                return r.graph_error(
                    403,
                    "Delegated admin relationships can only be read by the partner tenant.",
                    call.request_id,
                    "Forbidden",
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


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "PartnerDeskSandbox/1.0"
    sys_version = ""
    # Headers and body go out in one write, and without Nagle's delay on the rare split.
    disable_nagle_algorithm = True

    def log_message(self, format: str, *args: Any) -> None:
        return

    def do_GET(self) -> None:
        self._serve()

    def do_POST(self) -> None:
        self._serve()

    def do_PATCH(self) -> None:
        self._serve()

    def do_PUT(self) -> None:
        self._serve()

    def do_DELETE(self) -> None:
        self._serve()

    def _serve(self) -> None:
        server = cast(SandboxServer, self.server)
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if length < 0 or "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            self.close_connection = True
            self._write(r.json_response(400, {"error": "a Content-Length is required"}), None)
            return
        body = self.rfile.read(length) if length else b""
        path, _, query = self.path.partition("?")
        headers = {k.lower(): v for k, v in self.headers.items()}
        call = Call(
            method=self.command,
            raw_path=self.path,
            path=path.rstrip("/") or "/",
            query={k.lower(): v[0] for k, v in parse_qs(query, keep_blank_values=True).items()},
            headers=headers,
            body=body,
            base_url=f"http://{headers.get('host') or server.default_host}",
            request_id=str(uuid.uuid4()),
        )
        if call.path.startswith("/_sandbox/"):
            call.family = "control"
            self._write(server.app.control(call), call)
            return
        stats = server.app.state.stats
        stats.begin()
        try:
            self._write(server.app.handle(call), call)
        finally:
            stats.end()

    def _write(self, response: r.Response, call: Call | None) -> None:
        if response.drop:
            self.close_connection = True
            with contextlib.suppress(OSError):
                self.connection.shutdown(socket.SHUT_RDWR)
            return
        extra: list[tuple[str, str]] = []
        if call is not None:
            extra.append(("request-id", call.request_id))
            echoed = (
                ("client-request-id",)
                if call.family == "graph"
                else ("MS-CorrelationId", "MS-RequestId")
            )
            for name in echoed:
                value = call.header(name)
                if value:
                    extra.append((name, value))
        lines = [
            f"HTTP/1.1 {response.status} {r.reason(response.status)}",
            f"Date: {formatdate(usegmt=True)}",
            f"Server: {self.server_version}",
            f"Content-Type: {response.content_type}",
            f"Content-Length: {len(response.body)}",
        ]
        for name, value in extra + response.headers:
            lines.append(f"{name}: {value.replace(chr(13), ' ').replace(chr(10), ' ')}")
        if self.close_connection:
            lines.append("Connection: close")
        head = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1", "replace")
        body = response.body
        if response.slow_s <= 0 or not body:
            self.wfile.write(head + body)
            return
        self.wfile.write(head)
        pieces = max(1, min(len(body), 20))
        step = -(-len(body) // pieces)
        stats = cast(SandboxServer, self.server).app.state.stats
        try:
            for start in range(0, len(body), step):
                stats.wait(response.slow_s / pieces)
                self.wfile.write(body[start : start + step])
        except OSError:  # the client hung up mid-body (its deadline): tests ask whether it did
            stats.add("trickle_cut")
            self.close_connection = True
            return
        stats.add("trickled")


class SandboxServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    request_queue_size = 512

    def __init__(self, host: str, port: int, app: App) -> None:
        self.app = app
        self.address_family = socket.AF_INET6 if ":" in host else socket.AF_INET
        self._open: set[socket.socket] = set()
        self._open_lock = threading.Lock()
        super().__init__((host, port), _Handler)
        bound_host = "127.0.0.1" if host in ("0.0.0.0", "") else host  # noqa: S104
        bound_host = "[::1]" if bound_host == "::" else bound_host
        bound_host = (
            f"[{bound_host}]" if ":" in bound_host and "[" not in bound_host else bound_host
        )
        self.default_host = f"{bound_host}:{self.server_address[1]}"

    def server_bind(self) -> None:
        # HTTPServer.server_bind does a reverse DNS lookup (getfqdn), slow on some networks.
        socketserver.TCPServer.server_bind(self)
        self.server_name = str(self.server_address[0])
        self.server_port = int(self.server_address[1])

    def process_request(self, request: Any, client_address: Any) -> None:
        with self._open_lock:
            self._open.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self._open_lock:
            self._open.discard(request)
        super().shutdown_request(request)

    def close_connections(self) -> None:
        """End idle keep-alive connections so that their threads finish."""
        with self._open_lock:
            sockets = list(self._open)
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    def handle_error(self, request: Any, client_address: Any) -> None:
        if isinstance(sys.exc_info()[1], OSError):
            return  # the client went away (or a fault closed the connection on purpose)
        super().handle_error(request, client_address)
