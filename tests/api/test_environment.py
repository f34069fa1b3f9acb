"""What the environment may change about a call: proxies, and nothing else.

`HttpSession` reads proxies once per host instead of letting `requests` read the environment
on every call. These tests pin what that must keep (a proxy named in the environment is used)
and what it fixes (loopback never goes through a proxy; ~/.netrc never replaces the bearer).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from desktop.api.http import Auth, HttpSession
from desktop.config.clouds import sandbox_profile
from desktop.sandbox import Sandbox
from tests.tokens import IssuedTokens

_PROXY_VARIABLES = ("http_proxy", "https_proxy", "all_proxy", "no_proxy")


class ForwardProxy:
    """An HTTP forward proxy on loopback that answers every request itself.

    `seen` holds each request line's target: a proxy is sent the absolute URL.
    """

    def __init__(self) -> None:
        self.seen: list[str] = []
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                proxy.seen.append(self.path)
                body = json.dumps({"value": [{"via": "proxy"}]}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *_args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> ForwardProxy:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def proxy(monkeypatch: pytest.MonkeyPatch) -> Iterator[ForwardProxy]:
    for name in _PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.upper(), raising=False)
    with ForwardProxy() as forward:
        monkeypatch.setenv("HTTP_PROXY", forward.url)
        yield forward


def test_a_proxy_named_in_the_environment_carries_the_call(proxy: ForwardProxy) -> None:
    # `.invalid` never resolves: the answer can only have come through the proxy.
    url = "http://graph.invalid/v1.0/admin/serviceAnnouncement/healthOverviews"
    with HttpSession() as session:
        for _ in range(2):  # the second call uses what the first looked up
            reply = session.call("GET", url, auth=None, correlation_id="cid")
            assert reply.body == {"value": [{"via": "proxy"}]}
    assert proxy.seen == [url, url]


def test_loopback_never_goes_through_a_proxy(proxy: ForwardProxy, sandbox: Sandbox) -> None:
    # No NO_PROXY: `requests` alone would have sent the embedded sandbox's calls to the proxy.
    cloud = sandbox_profile(sandbox.url)
    auth = Auth(IssuedTokens(sandbox), cloud.partner_center_scope)
    with HttpSession(pinned={sandbox.url + "/": sandbox.ca_pem}) as session:
        reply = session.call("GET", sandbox.url + "/v1/customers", auth=auth, correlation_id="c")
    assert reply.body["items"]
    assert proxy.seen == []


def test_a_netrc_entry_does_not_replace_the_bearer_token(
    tmp_path, monkeypatch: pytest.MonkeyPatch, sandbox: Sandbox
) -> None:
    netrc = tmp_path / "netrc"
    netrc.write_text("machine 127.0.0.1 login someone password secret\n", encoding="utf-8")
    netrc.chmod(0o600)
    monkeypatch.setenv("NETRC", str(netrc))
    cloud = sandbox_profile(sandbox.url)
    auth = Auth(IssuedTokens(sandbox), cloud.partner_center_scope)
    with HttpSession(pinned={sandbox.url + "/": sandbox.ca_pem}) as session:
        # The sandbox refuses anything but a bearer token (401, as Partner Center does).
        reply = session.call("GET", sandbox.url + "/v1/customers", auth=auth, correlation_id="c")
    assert reply.status == 200
