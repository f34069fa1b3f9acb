"""The UI language reaches Partner Center as X-Locale, and the app runs in each language.

The sandbox does not record the headers it receives, so a recording proxy on loopback sits in
front of it: every request (sign-in included) passes through unchanged and its X-Locale is
written down. Like the sandbox, the proxy speaks TLS with a CA of its own, which it publishes
at /_sandbox/ca.pem for the app to pin; it checks the sandbox's certificate on the way on.
"""

from __future__ import annotations

import http.client
import os
import ssl
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest
import trustme

from desktop.sandbox import Sandbox
from desktop.services.backend import Backend

_HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "content-length", "host"}


class RecordingProxy:
    """Forwards to the sandbox; `seen` holds (method, path, X-Locale or None) per request."""

    def __init__(self, sandbox: Sandbox) -> None:
        self.target = urlsplit(sandbox.url)
        self.seen: list[tuple[str, str, str | None]] = []
        authority = trustme.CA()
        upstream_tls = ssl.create_default_context(cadata=sandbox.ca_pem.decode("ascii"))
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _forward(self) -> None:
                if self.path == "/_sandbox/ca.pem":  # the proxy's own CA, to pin
                    pem = authority.cert_pem.bytes()
                    self.send_response(200)
                    self.send_header("Content-Type", "application/x-pem-file")
                    self.send_header("Content-Length", str(len(pem)))
                    self.end_headers()
                    self.wfile.write(pem)
                    return
                proxy.seen.append((self.command, self.path, self.headers.get("X-Locale")))
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else None
                upstream = http.client.HTTPSConnection(
                    proxy.target.hostname, proxy.target.port, timeout=30, context=upstream_tls
                )
                try:
                    headers = {
                        k: v for k, v in self.headers.items() if k.lower() not in _HOP_BY_HOP
                    }
                    headers["Host"] = self.headers.get("Host", "")  # links keep pointing here
                    upstream.request(self.command, self.path, body=body, headers=headers)
                    answer = upstream.getresponse()
                    data = answer.read()
                    answer.close()
                finally:
                    upstream.close()
                self.send_response(answer.status)
                for name, value in answer.getheaders():
                    if name.lower() not in _HOP_BY_HOP:
                        self.send_header(name, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = do_PATCH = do_PUT = do_DELETE = _forward  # noqa: N815

            def log_message(self, *_args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        authority.issue_cert("127.0.0.1").configure_cert(context)
        self.server.socket = context.wrap_socket(self.server.socket, server_side=True)
        self.url = f"https://127.0.0.1:{self.server.server_address[1]}"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> RecordingProxy:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def locales(self, path_prefix: str = "/v1/") -> set[str | None]:
        """The X-Locale values of the requests to Partner Center (paths under /v1/)."""
        return {locale for _m, path, locale in self.seen if path.startswith(path_prefix)}


@pytest.fixture
def proxy(sandbox: Sandbox) -> Iterator[RecordingProxy]:
    with RecordingProxy(sandbox) as recording:
        yield recording


def test_a_backend_sends_its_locale_to_partner_center(proxy: RecordingProxy) -> None:
    backend = Backend.for_sandbox(proxy.url, locale="de-DE")
    try:
        customers = backend.customers().items
        backend.customer_detail(customers[0].tenant_id)
    finally:
        backend.close()
    assert len(proxy.seen) >= 2
    assert proxy.locales() == {"de-DE"}


def test_the_proxy_would_see_another_locale(proxy: RecordingProxy) -> None:
    """The check above can fail: a backend built without a locale says en-US."""
    backend = Backend.for_sandbox(proxy.url)
    try:
        backend.customers()
    finally:
        backend.close()
    assert proxy.locales() == {"en-US"}


def _run_app(*args: str, home: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PARTNER_DESK_HOME": home, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )


@pytest.mark.slow
@pytest.mark.parametrize(("lang", "wire"), [("de", "de-DE"), ("zh_TW", "zh-TW")])
def test_the_app_runs_in_the_language_and_tells_partner_center(
    proxy: RecordingProxy, tmp_path, lang: str, wire: str
) -> None:
    """`partner-desk --lang X --self-test` against the sandbox, through the proxy: the window
    loads every tab in that language (the self-test checks the catalogues are in use) and
    every Partner Center call carries the matching X-Locale."""
    done = _run_app("--lang", lang, "--self-test", "--sandbox-url", proxy.url, home=str(tmp_path))
    assert done.returncode == 0, done.stderr[-3000:]
    assert "\nself-test ok" in f"\n{done.stdout}", done.stdout
    assert proxy.locales() == {wire}


def test_the_language_setting_is_used_when_no_flag_is_given(
    proxy: RecordingProxy, tmp_path
) -> None:
    from desktop.config import settings

    settings.save(settings.Settings(language="zh_TW"), tmp_path / "config" / "settings.json")
    done = _run_app("--self-test", "--sandbox-url", proxy.url, home=str(tmp_path))
    assert done.returncode == 0, done.stderr[-3000:]
    assert proxy.locales() == {"zh-TW"}
