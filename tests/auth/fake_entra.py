"""A Microsoft Entra token service on loopback, enough for MSAL's public-client flows.

MSAL talks to it through `LoopbackHttp`, an HTTP client (MSAL accepts one) that sends every
request for `https://login.microsoftonline.com/...` (or another cloud's host) to this server
instead, keeping the original host in a header. MSAL itself runs unchanged: tenant discovery,
auth code with PKCE, device code polling, refresh tokens, id-token checks.

`FakeBrowser` plays the user in the browser: registered with `webbrowser` as the preferred
browser, it follows MSAL's authorize URL to the redirect on localhost, as a real browser would.
"""

from __future__ import annotations

import base64
import html
import json
import re
import threading
import time
import uuid
import webbrowser
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import requests

CLIENT_ID = "11111111-2222-3333-4444-555555555555"
PARTNER_TENANT = "aaaaaaaa-0000-4000-8000-000000000001"
USER_OID = "bbbbbbbb-0000-4000-8000-000000000002"
USERNAME = "agent@partner.example"


def _b64(data: dict[str, Any]) -> str:
    raw = json.dumps(data, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def jwt(claims: dict[str, Any]) -> str:
    return f"{_b64({'alg': 'none', 'typ': 'JWT'})}.{_b64(claims)}."


def claims_of(token: str) -> dict[str, Any]:
    payload = token.split(".")[1]
    data: dict[str, Any] = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    return data


@dataclass
class Failure:
    status: int
    error: str
    aadsts: int
    description: str = ""

    def body(self) -> dict[str, Any]:
        text = self.description or f"AADSTS{self.aadsts}: simulated failure."
        if not text.startswith("AADSTS"):
            text = f"AADSTS{self.aadsts}: {text}"
        return {
            "error": self.error,
            "error_description": f"{text}\r\nTrace ID: {uuid.uuid4()}\r\nCorrelation ID: x",
            "error_codes": [self.aadsts],
            "timestamp": "2026-11-25 10:00:00Z",
        }


@dataclass
class EntraState:
    expires_in: int = 3600
    authorize_error: tuple[str, str] | None = None  # (error, description) for the redirect
    fail_tenants: dict[str, Failure] = field(default_factory=dict)
    fail_all_tokens: Failure | None = None
    device_polls_before_ok: int = 1
    token_delay_s: float = 0.0
    # What happened, for assertions.
    grants: list[tuple[str, str, str]] = field(default_factory=list)  # (tenant, grant, scope)
    per_tenant: Counter[str] = field(default_factory=Counter)
    discovery: Counter[str] = field(default_factory=Counter)
    issued: list[str] = field(default_factory=list)
    refresh_tokens: set[str] = field(default_factory=set)
    codes: dict[str, dict[str, str]] = field(default_factory=dict)
    codes_issued: list[str] = field(default_factory=list)
    device_polls: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:  # keep test output quiet
        pass

    @property
    def state(self) -> EntraState:
        return self.server.state

    def _host(self) -> str:
        return self.headers.get("X-Original-Host", "login.microsoftonline.com")

    def _json(self, status: int, body: dict[str, Any]) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        parts = url.path.strip("/").split("/")
        tenant = parts[0]
        if url.path == "/common/discovery/instance":
            # Instance metadata: which hosts are aliases of one cloud (MSAL groups accounts).
            host = self._host()
            self._json(
                200,
                {
                    "tenant_discovery_endpoint": f"https://{host}/common/v2.0/.well-known/"
                    "openid-configuration",
                    "metadata": [
                        {"preferred_network": host, "preferred_cache": host, "aliases": [host]}
                    ],
                },
            )
            return
        if url.path.endswith("/v2.0/.well-known/openid-configuration"):
            with self.state.lock:
                self.state.discovery[tenant] += 1
            base = f"https://{self._host()}/{tenant}"
            self._json(
                200,
                {
                    "issuer": f"{base}/v2.0",
                    "authorization_endpoint": f"{base}/oauth2/v2.0/authorize",
                    "token_endpoint": f"{base}/oauth2/v2.0/token",
                    "device_authorization_endpoint": f"{base}/oauth2/v2.0/devicecode",
                    "end_session_endpoint": f"{base}/oauth2/v2.0/logout",
                },
            )
            return
        if url.path.endswith("/oauth2/v2.0/authorize"):
            query = {k: v[0] for k, v in parse_qs(url.query).items()}
            redirect = query["redirect_uri"]
            if self.state.authorize_error:
                error, description = self.state.authorize_error
                params = {"error": error, "error_description": description}
            else:
                code = uuid.uuid4().hex
                with self.state.lock:
                    self.state.codes[code] = {"nonce": query.get("nonce", ""), "tenant": tenant}
                    self.state.codes_issued.append(code)
                params = {"code": code}
            params["state"] = query.get("state", "")
            # MSAL asks for response_mode=form_post: the answer is a form the browser posts
            # to the localhost redirect, as Entra's auto-submitting page does.
            inputs = "".join(
                f'<input type="hidden" name="{html.escape(k)}" value="{html.escape(v)}">'
                for k, v in params.items()
            )
            page = (
                f'<html><body><form method="post" action="{html.escape(redirect)}">{inputs}'
                "</form></body></html>"
            ).encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(page)))
            self.end_headers()
            self.wfile.write(page)
            return
        self._json(404, {"error": "not_found"})

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", "0"))
        form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
        path = urlsplit(self.path).path
        tenant = path.strip("/").split("/")[0]
        if path.endswith("/oauth2/v2.0/devicecode"):
            self._json(
                200,
                {
                    "device_code": uuid.uuid4().hex,
                    "user_code": "FAKE-CODE",
                    "verification_uri": "https://microsoft.com/devicelogin",
                    "expires_in": 900,
                    "interval": 1,
                    "message": "To sign in, use a web browser to open the page "
                    "https://microsoft.com/devicelogin and enter the code FAKE-CODE.",
                },
            )
            return
        if path.endswith("/oauth2/v2.0/token"):
            self._token(tenant, form)
            return
        self._json(404, {"error": "not_found"})

    def _token(self, tenant: str, form: dict[str, str]) -> None:
        state = self.state
        grant = form.get("grant_type", "")
        scope = " ".join(s for s in form.get("scope", "").split() if "/" in s)
        with state.lock:
            state.grants.append((tenant, grant, scope))
            state.per_tenant[tenant] += 1
        if state.token_delay_s:
            time.sleep(state.token_delay_s)
        failure = state.fail_tenants.get(tenant) or state.fail_all_tokens
        if failure:
            self._json(failure.status, failure.body())
            return
        nonce = ""
        if grant == "authorization_code":
            with state.lock:
                code = state.codes.pop(form.get("code", ""), None)
            if code is None:
                self._json(400, Failure(400, "invalid_grant", 70008).body())
                return
            nonce = code["nonce"]
        elif grant == "refresh_token":
            if form.get("refresh_token") not in state.refresh_tokens:
                self._json(400, Failure(400, "invalid_grant", 700082).body())
                return
        elif grant == "urn:ietf:params:oauth:grant-type:device_code":
            with state.lock:
                state.device_polls += 1
                pending = state.device_polls <= state.device_polls_before_ok
            if pending:
                body = Failure(400, "authorization_pending", 70016).body()
                self._json(400, body)
                return
        else:
            self._json(400, {"error": "unsupported_grant_type"})
            return
        self._json(200, self._issue(tenant, scope, nonce))

    def _issue(self, tenant: str, scope: str, nonce: str) -> dict[str, Any]:
        state = self.state
        now = int(time.time())
        realm = PARTNER_TENANT if tenant in ("organizations", "common") else tenant
        resource = scope.rsplit("/", 1)[0] if scope else ""
        access = jwt(
            {
                "aud": resource,
                "tid": realm,
                "oid": USER_OID,
                "exp": now + 3600,
                "upn": USERNAME,
                "uti": uuid.uuid4().hex,
            }
        )
        refresh = f"rt-{uuid.uuid4().hex}"
        id_claims = {
            "iss": f"https://{self._host()}/{tenant}/v2.0",
            "sub": USER_OID,
            "aud": CLIENT_ID,
            "exp": now + 3600,
            "iat": now,
            "oid": USER_OID,
            "tid": PARTNER_TENANT,
            "preferred_username": USERNAME,
            "name": "Agent Smith",
        }
        if nonce:
            id_claims["nonce"] = nonce
        with state.lock:
            state.issued.append(access)
            state.refresh_tokens.add(refresh)
        return {
            "token_type": "Bearer",
            "scope": scope,
            "expires_in": state.expires_in,
            "ext_expires_in": state.expires_in,
            "access_token": access,
            "refresh_token": refresh,
            "id_token": jwt(id_claims),
            "client_info": _b64({"uid": USER_OID, "utid": PARTNER_TENANT}),
        }


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    # A sweep's threads discover their tenants at once: socketserver's backlog of 5 refused
    # connections that Entra would have taken.
    request_queue_size = 128
    state: EntraState


class FakeEntra:
    def __init__(self) -> None:
        self.state = EntraState()
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.state = self.state
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> FakeEntra:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()


class LoopbackHttp:
    """An HTTP client for MSAL that sends Entra's https URLs to the fake on loopback."""

    def __init__(self, entra: FakeEntra, hosts: tuple[str, ...]) -> None:
        self._entra = entra
        self._hosts = hosts
        self._session = requests.Session()
        self.offline = False

    def _route(self, url: str, headers: dict[str, str] | None) -> tuple[str, dict[str, str]]:
        parts = urlsplit(url)
        if parts.hostname not in self._hosts:
            raise AssertionError(f"a test tried to reach {parts.hostname}")
        if self.offline:
            raise requests.exceptions.ConnectionError("simulated: no network")
        routed = f"{self._entra.url}{parts.path}" + (f"?{parts.query}" if parts.query else "")
        return routed, {**(headers or {}), "X-Original-Host": parts.hostname or ""}

    def get(self, url: str, params: Any = None, headers: Any = None, **kwargs: Any) -> Any:
        routed, headers = self._route(url, headers)
        return self._session.get(routed, params=params, headers=headers, timeout=10)

    def post(
        self, url: str, params: Any = None, data: Any = None, headers: Any = None, **kwargs: Any
    ) -> Any:
        routed, headers = self._route(url, headers)
        return self._session.post(routed, params=params, data=data, headers=headers, timeout=10)

    def close(self) -> None:
        self._session.close()


class FakeBrowser(webbrowser.BaseBrowser):
    """The user in the browser: follows the authorize URL to MSAL's localhost redirect."""

    def __init__(self, entra: FakeEntra) -> None:
        super().__init__("fake")
        self._entra = entra
        self.opened: list[str] = []

    def open(self, url: str, new: int = 0, autoraise: bool = True) -> bool:
        self.opened.append(url)
        # MSAL starts listening on localhost right after this returns: answer from a thread.
        threading.Thread(target=self._sign_in, args=(url,), daemon=True).start()
        return True

    def _sign_in(self, url: str) -> None:
        parts = urlsplit(url)
        page = requests.get(
            f"{self._entra.url}{parts.path}?{parts.query}",
            headers={"X-Original-Host": parts.hostname or ""},
            timeout=10,
        ).text
        action = html.unescape(re.search(r'action="([^"]+)"', page).group(1))  # type: ignore[union-attr]
        fields = {
            html.unescape(k): html.unescape(v)
            for k, v in re.findall(r'name="([^"]*)" value="([^"]*)"', page)
        }
        requests.post(action, data=fields, timeout=10)
