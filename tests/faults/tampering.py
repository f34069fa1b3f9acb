"""A tampering proxy in front of the sandbox: every call is forwarded as sent, and a test may
rewrite or swallow the answer of the calls it names, after the sandbox has carried them out
(a create that landed and whose answer was lost or garbled on the way back).

It stands where an attacker, a TLS-intercepting proxy or a broken middlebox would: in front of
an HTTPS sandbox it speaks TLS with a CA of its own, and publishes that CA where the sandbox
publishes its own (`/_sandbox/ca.pem`), so the app pins it as it would the sandbox's. Sign-in
goes through it too (the sandbox builds its Entra's URLs from the Host header, kept as sent).
"""

from __future__ import annotations

import contextlib
import http.client
import re
import socket
import ssl
import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

# Headers that belong to one connection, not to the message: never forwarded as they are.
_HOP = {"connection", "keep-alive", "transfer-encoding", "proxy-connection", "content-length"}


@dataclass(frozen=True)
class Answer:
    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes


# What a rule does to an answer; None swallows it (the connection closes without a byte).
Change = Callable[[Answer], Answer | None]


def drop(_answer: Answer) -> None:
    """The answer is lost: the call was carried out, the client hears nothing."""
    return None


def body(data: bytes) -> Change:
    """The same status and headers, another body."""
    return lambda answer: replace(answer, body=data)


def unavailable(retry_after_s: int = 3600) -> Change:
    """503 Service Unavailable with a Retry-After (long by default: longer than the app waits,
    so it fails the call at once instead of waiting, and the test stays short)."""
    text = b'{"code": "3000", "description": "The service is unavailable."}'
    headers = (("Content-Type", "application/json"), ("Retry-After", str(retry_after_s)))
    return lambda _answer: Answer(503, headers, text)


@dataclass
class _Rule:
    method: str
    path: str | re.Pattern[str]
    change: Change
    count: int

    def matches(self, method: str, path: str) -> bool:
        if method != self.method:
            return False
        if isinstance(self.path, str):
            return path.startswith(self.path)
        return self.path.search(path) is not None


@dataclass
class Seen:
    """One call as the proxy saw it: method, path as sent, status given (0: swallowed)."""

    method: str
    path: str
    status: int


@dataclass
class TamperingProxy:
    upstream: str
    upstream_ca: bytes | None = None
    log: list[Seen] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._rules: list[_Rule] = []
        self._lock = threading.Lock()
        parts = urlsplit(self.upstream)
        self._tls = parts.scheme == "https"
        self._host = parts.hostname or "127.0.0.1"
        self._port = parts.port or (443 if self._tls else 80)
        self.ca_pem: bytes | None = None
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    @classmethod
    def before(cls, sandbox: Any) -> TamperingProxy:
        """In front of `sandbox`: TLS before an HTTPS one (trusting its CA upstream)."""
        url = str(sandbox.url)
        return cls(url, sandbox.ca_pem if url.startswith("https:") else None)

    @property
    def url(self) -> str:
        assert self._server is not None
        host, port = self._server.server_address[:2]
        return f"{'https' if self._tls else 'http'}://{host}:{port}"

    def tamper(
        self, method: str, path: str | re.Pattern[str], change: Change, count: int = 1
    ) -> None:
        """The next `count` calls of `method` whose path (as sent, query included) starts
        with `path` (or, a pattern, matches it) are answered with `change` of the sandbox's
        answer."""
        with self._lock:
            self._rules.append(_Rule(method.upper(), path, change, count))

    def clear(self) -> None:
        with self._lock:
            self._rules.clear()

    def calls(self, method: str, path_prefix: str) -> list[Seen]:
        with self._lock:
            return [s for s in self.log if s.method == method and s.path.startswith(path_prefix)]

    def __enter__(self) -> TamperingProxy:
        server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        server.daemon_threads = True
        server.proxy = self  # type: ignore[attr-defined]
        if self._tls:
            import trustme

            ca = trustme.CA()
            self.ca_pem = ca.cert_pem.bytes()
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            ca.issue_cert("127.0.0.1", "localhost").configure_cert(context)
            server.socket = context.wrap_socket(
                server.socket, server_side=True, do_handshake_on_connect=False
            )
        self._server = server
        self._thread = threading.Thread(target=server.serve_forever, name="proxy", daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(5)

    # -- the handler's side ------------------------------------------------------------------

    def _take(self, method: str, path: str) -> Change | None:
        with self._lock:
            for index, rule in enumerate(self._rules):
                if rule.matches(method, path):
                    rule.count -= 1
                    if rule.count <= 0:
                        del self._rules[index]
                    return rule.change
        return None

    def _forward(self, method: str, path: str, headers: Any, data: bytes) -> Answer:
        connection: http.client.HTTPConnection
        if self._tls:
            assert self.upstream_ca is not None
            context = ssl.create_default_context(cadata=self.upstream_ca.decode("ascii"))
            connection = http.client.HTTPSConnection(
                self._host, self._port, timeout=30, context=context
            )
        else:
            connection = http.client.HTTPConnection(self._host, self._port, timeout=30)
        try:
            connection.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
            for name, value in headers.items():
                if name.lower() not in _HOP:
                    connection.putheader(name, value)
            connection.putheader("Content-Length", str(len(data)))
            connection.putheader("Connection", "close")
            connection.endheaders(data)
            response = connection.getresponse()
            content = response.read()
            kept = tuple((k, v) for k, v in response.getheaders() if k.lower() not in _HOP)
            return Answer(response.status, kept, content)
        finally:
            connection.close()

    def _record(self, method: str, path: str, status: int) -> None:
        with self._lock:
            self.log.append(Seen(method, path, status))


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    timeout = 15  # an idle kept-alive connection closes after this long

    def setup(self) -> None:
        with contextlib.suppress(AttributeError):
            self.request.do_handshake()  # TLS: in this connection's thread, not the acceptor's
        super().setup()

    def log_message(self, format: str, *args: Any) -> None:
        return None

    def _relay(self) -> None:
        proxy: TamperingProxy = self.server.proxy  # type: ignore[attr-defined]
        length = int(self.headers.get("Content-Length") or 0)
        data = self.rfile.read(length) if length else b""
        if self.path.startswith("/_sandbox/ca.pem") and proxy.ca_pem is not None:
            answer: Answer | None = Answer(
                200, (("Content-Type", "application/x-pem-file"),), proxy.ca_pem
            )
        else:
            answer = proxy._forward(self.command, self.path, self.headers, data)
            change = proxy._take(self.command, self.path)
            if change is not None:
                answer = change(answer)
        proxy._record(self.command, self.path, 0 if answer is None else answer.status)
        if answer is None:
            self.close_connection = True
            with contextlib.suppress(OSError):
                self.request.shutdown(socket.SHUT_RDWR)
            return
        self.send_response_only(answer.status)
        for name, value in answer.headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(answer.body)))
        self.end_headers()
        self.wfile.write(answer.body)

    do_GET = do_POST = do_PATCH = do_PUT = do_DELETE = _relay  # noqa: N815 - the base's names
