"""The HTTP(S) server: parses requests, hands Entra's paths to entra.py and everything else to
the API pipeline (pipeline.py), and writes the answers. TLS is set up per connection, in that
connection's own thread, so a client slow to shake hands never holds up the others."""

from __future__ import annotations

import contextlib
import socket
import socketserver
import ssl
import sys
import threading
import uuid
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, cast
from urllib.parse import parse_qs

from desktop.sandbox import responses as r
from desktop.sandbox.entra import Entra, is_entra_path
from desktop.sandbox.pipeline import App
from desktop.sandbox.routing import Call

HANDSHAKE_TIMEOUT_S = 10.0


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
            base_url=f"{server.scheme}://{headers.get('host') or server.default_host}",
            request_id=str(uuid.uuid4()),
        )
        if call.path.startswith("/_sandbox/"):
            call.family = "control"
            self._write(server.app.control(call), call)
            return
        if is_entra_path(call.path):
            call.family = "entra"
            self._write(server.entra.handle(call), call)
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
                # The socket's own shutdown, under TLS too: close without a TLS goodbye.
                socket.socket.shutdown(self.connection, socket.SHUT_RDWR)
            return
        extra: list[tuple[str, str]] = []
        if call is not None:
            extra.append(("request-id", call.request_id))
            echoed = (
                ("client-request-id",)
                if call.family in ("graph", "entra")
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

    def __init__(
        self,
        host: str,
        port: int,
        app: App,
        entra: Entra,
        tls: ssl.SSLContext | None = None,
    ) -> None:
        self.app = app
        self.entra = entra
        self.tls = tls
        self.scheme = "https" if tls is not None else "http"
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

    def finish_request(self, request: Any, client_address: Any) -> None:
        """Runs in the connection's own thread: the TLS handshake happens here, never in the
        accept loop, so one slow or silent client cannot stop the server accepting others."""
        if self.tls is None:
            super().finish_request(request, client_address)
            return
        try:
            request.settimeout(HANDSHAKE_TIMEOUT_S)
            secure = self.tls.wrap_socket(request, server_side=True)  # shakes hands
            secure.settimeout(None)
        except (OSError, ValueError):
            return  # not TLS (a plain HTTP client), or it gave up: nothing to answer
        with self._open_lock:
            self._open.discard(request)  # wrap_socket detached it: track the TLS socket
            self._open.add(secure)
        try:
            super().finish_request(secure, client_address)
        finally:
            self.shutdown_request(secure)

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
                # socket.socket's shutdown even for a TLS socket: SSLSocket.shutdown would drop
                # its TLS state under the thread still reading from it.
                socket.socket.shutdown(sock, socket.SHUT_RDWR)

    def handle_error(self, request: Any, client_address: Any) -> None:
        if isinstance(sys.exc_info()[1], OSError):
            return  # the client went away (or a fault closed the connection on purpose)
        super().handle_error(request, client_address)
