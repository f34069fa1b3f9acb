"""A tampering proxy: a loopback server in front of the sandbox that forwards every call (sign-in
included) and may rewrite the answers, as a TLS-intercepting proxy or a compromised endpoint
would. It logs each request's method and path as they reached it, so a test sees what left
the client. Real HTTP on both sides; nothing in the client is mocked."""

from __future__ import annotations

import contextlib
import http.client
import socket
import ssl
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

from desktop.sandbox import Sandbox

# (method, path with query, answer's status, answer's body) -> the body to send instead
Rewrite = Callable[[str, str, int, bytes], bytes]

_HOP_BY_HOP = {
    "connection",
    "keep-alive",
    "proxy-connection",
    "transfer-encoding",
    "content-length",
    "content-encoding",
    "upgrade",
    "te",
    "trailer",
}


def _server_context(sandbox: Sandbox) -> ssl.SSLContext | None:
    """The sandbox's own certificate, for the proxy's side: the client pins the sandbox's CA,
    which it fetches through the proxy (`/_sandbox/ca.pem`). None for a plain-HTTP sandbox."""
    certificates = getattr(sandbox, "_certificates", None)
    return certificates.server_context() if certificates is not None else None


class TamperingProxy:
    def __init__(self, sandbox: Sandbox, rewrite: Rewrite | None = None) -> None:
        self.sandbox = sandbox
        self.rewrite = rewrite
        self.log: list[tuple[str, str]] = []
        self._lock = threading.Lock()
        upstream = urlsplit(sandbox.url)
        self._upstream = (upstream.scheme, upstream.hostname or "127.0.0.1", upstream.port)
        self._server_ssl = _server_context(sandbox)
        self._client_ssl: ssl.SSLContext | None = None
        if upstream.scheme == "https":
            self._client_ssl = ssl.create_default_context(cadata=sandbox.ca_pem.decode("ascii"))
        self._server = _Server(("127.0.0.1", 0), _Handler, self)
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name="tampering-proxy",
            daemon=True,
        )

    @property
    def url(self) -> str:
        scheme = "https" if self._server_ssl is not None else "http"
        return f"{scheme}://127.0.0.1:{self._server.server_address[1]}"

    def paths(self) -> list[str]:
        """The path (without the query) of every request that reached the proxy, in order."""
        with self._lock:
            return [path.split("?", 1)[0] for _method, path in self.log]

    def __enter__(self) -> TamperingProxy:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(5)

    # -- called by the handler ---------------------------------------------------------------

    def forward(
        self, method: str, path: str, headers: list[tuple[str, str]], body: bytes
    ) -> tuple[int, list[tuple[str, str]], bytes]:
        with self._lock:
            self.log.append((method, path))
        scheme, host, port = self._upstream
        connection: http.client.HTTPConnection
        if scheme == "https":
            connection = http.client.HTTPSConnection(
                host, port, context=self._client_ssl, timeout=30
            )
        else:
            connection = http.client.HTTPConnection(host, port, timeout=30)
        try:
            connection.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
            for key, value in headers:
                connection.putheader(key, value)
            connection.putheader("Content-Length", str(len(body)))
            connection.endheaders(body)
            answer = connection.getresponse()
            data = answer.read()
            kept = [(k, v) for k, v in answer.getheaders() if k.lower() not in _HOP_BY_HOP]
            status = answer.status
        finally:
            connection.close()
        if self.rewrite is not None:
            data = self.rewrite(method, path, status, data)
        return status, kept, data


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], handler: Any, proxy: TamperingProxy) -> None:
        self.proxy = proxy
        super().__init__(address, handler)

    def finish_request(self, request: Any, client_address: Any) -> None:
        context = self.proxy._server_ssl
        if context is None:
            super().finish_request(request, client_address)
            return
        wrapped = context.wrap_socket(request, server_side=True, do_handshake_on_connect=False)
        try:
            wrapped.do_handshake()
            super().finish_request(wrapped, client_address)
        except (ssl.SSLError, OSError):
            pass  # a client that gave up on the handshake or hung up
        finally:
            wrapped.close()

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client hanging up mid-answer is not the test's business


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _relay(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        headers = [
            (k, v)
            for k, v in self.headers.items()
            # The client's Host is kept: the sandbox names itself by it in its links.
            if k.lower() not in _HOP_BY_HOP and k.lower() != "accept-encoding"
        ]
        try:
            status, answer_headers, data = self.server.proxy.forward(
                self.command, self.path, headers, body
            )
        except (OSError, http.client.HTTPException):
            with contextlib.suppress(OSError):
                self.send_error(502)
            return
        self.send_response(status)
        for key, value in answer_headers:
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        with contextlib.suppress(OSError, socket.timeout):
            self.wfile.write(data)

    do_GET = do_POST = do_PATCH = do_DELETE = do_PUT = _relay  # noqa: N815 (http.server's names)
