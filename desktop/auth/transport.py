"""TLS trust for one server: a CA pinned for the sandbox, the system's trust for the rest. No Qt.

The sandbox serves Entra, Partner Center and Graph over TLS with a CA it makes at start (MSAL
accepts only https authorities). Partner Desk trusts that CA for the sandbox's own address
and nowhere else: a `PinnedAdapter` mounted for that origin only, so a call to Microsoft is
never checked against it. Both the API calls (`desktop.api.http`) and MSAL's own HTTP client
use it, so the custom-CA path that corporate proxies need runs in every test.
"""

from __future__ import annotations

import ipaddress
import os
import socket
import ssl
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from desktop.config.limits import waiting

if TYPE_CHECKING:
    import requests

# MSAL calls without a timeout when handed an HTTP client; ours adds one (connect, read).
MSAL_TIMEOUT_S = (6.0, 30.0)
CA_FETCH_TIMEOUT_S = 5.0
MSAL_POOL_SIZE = 256  # the largest sweep concurrency `--concurrency` accepts
CA_MAX_BYTES = 64 * 1024


def is_loopback(host: str | None) -> bool:
    if not host:
        return False
    if host.lower() in ("localhost", "localhost."):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def certificate_rejected(exc: BaseException) -> bool:
    """Whether a failed TLS connection failed on the server's certificate, not on the link.

    `requests` raises one `SSLError` for every failure inside TLS. Only a verification
    failure (untrusted CA, wrong host name, expired) is the certificate's fault and fails the
    same way on every retry; an EOF or reset in the handshake is a server going away and
    should read as "could not reach". The cause sits in `args`, urllib3's `reason`, or the
    exception chain, depending on which layer raised it, so all are walked.
    """
    seen: set[int] = set()
    pending: list[object] = [exc]
    while pending:
        item = pending.pop()
        if not isinstance(item, BaseException) or id(item) in seen:
            continue
        seen.add(id(item))
        if isinstance(item, ssl.SSLCertVerificationError):
            return True
        pending.extend(item.args)
        pending.extend((getattr(item, "reason", None), item.__cause__, item.__context__))
    # A verification failure that reached us only as text (a wrapper that kept no cause).
    return "CERTIFICATE_VERIFY_FAILED" in str(exc)


def origin_of(url: str) -> str:
    """`https://127.0.0.1:8400/x` → `https://127.0.0.1:8400/` (the prefix adapters mount on)."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}/"


def ca_context(ca_pem: bytes) -> ssl.SSLContext:
    """A client context that trusts `ca_pem` and nothing else (hostname checked)."""
    context = ssl.create_default_context(cadata=ca_pem.decode("ascii"))
    context.check_hostname = True
    context.verify_mode = ssl.CERT_REQUIRED
    return context


def pinned_adapter(ca_pem: bytes, pool_size: int = 10) -> Any:
    """A `requests` adapter whose connections trust `ca_pem` only (mount it for one origin)."""
    return _trust_adapter(ca_context(ca_pem), pool_connections=2, pool_size=pool_size)


def ca_bundle_override() -> str | None:
    """The CA bundle the user named (`REQUESTS_CA_BUNDLE`, `CURL_CA_BUNDLE`), if any."""
    return os.environ.get("REQUESTS_CA_BUNDLE") or os.environ.get("CURL_CA_BUNDLE") or None


def system_trust_adapter(pool_connections: int = 8, pool_size: int = 10) -> Any | None:
    """A `requests` adapter that checks certificates against the operating system's trust
    store (Windows' certificate store, the macOS Keychain, the distribution's CAs), or None
    when the user named a CA bundle, which then wins as `requests` documents.

    certifi's bundle, which `requests` uses otherwise, lacks the root a corporate TLS
    inspection proxy (Zscaler, Netskope) installs through group policy or MDM: every sign-in
    and call failed behind one, and the `REQUESTS_CA_BUNDLE` workaround never reaches an app
    started from the Start menu, the Finder or the Dock (issue 20). truststore gives the
    platform's own verification; it is used per adapter, not injected into `ssl` globally,
    because the sandbox's pin must trust its one CA and nothing else, which a system-store
    context cannot promise on macOS and Windows (it adds loaded CAs to the system's).
    """
    if ca_bundle_override():
        return None
    import truststore

    context = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    return _trust_adapter(context, pool_connections=pool_connections, pool_size=pool_size)


def _trust_adapter(context: ssl.SSLContext, pool_connections: int, pool_size: int) -> Any:
    """A `requests` adapter whose connections, proxied or not, verify with `context` only."""
    from requests.adapters import HTTPAdapter

    class TrustAdapter(HTTPAdapter):
        def __init__(self) -> None:
            self._context = context
            super().__init__(
                pool_connections=pool_connections, pool_maxsize=pool_size, max_retries=0
            )

        def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
            # requests uses the pool manager's own context instead of certifi's bundle when
            # one is set (requests.adapters._urllib3_request_context).
            kwargs["ssl_context"] = self._context
            super().init_poolmanager(*args, **kwargs)

        def proxy_manager_for(self, proxy: str, **proxy_kwargs: Any) -> Any:
            # Through a proxy's tunnel the TLS to the server is ours: the same context (the
            # case a corporate proxy makes, where certifi's bundle fails).
            proxy_kwargs.setdefault("ssl_context", self._context)
            return super().proxy_manager_for(proxy, **proxy_kwargs)

        def build_connection_pool_key_attributes(
            self, request: Any, verify: Any, cert: Any = None
        ) -> Any:
            # Whatever verify says (REQUESTS_CA_BUNDLE included): this context, required.
            host, pool = super().build_connection_pool_key_attributes(request, True, cert)
            kwargs: dict[str, Any] = dict(pool)
            for name in ("ca_certs", "ca_cert_dir", "ssl_context"):
                kwargs.pop(name, None)
            kwargs["cert_reqs"] = "CERT_REQUIRED"
            return host, kwargs

        def cert_verify(self, conn: Any, url: str, verify: Any, cert: Any) -> None:
            # requests would name certifi's bundle here, and urllib3 would load it into the
            # context: the context's own trust and nothing else.
            conn.cert_reqs = "CERT_REQUIRED"
            conn.ca_certs = None
            conn.ca_cert_dir = None

    return TrustAdapter()


class _MsalHttp:
    """MSAL's HTTP client: `requests` with a timeout, no environment lookups for loopback."""

    def __init__(self, session: requests.Session) -> None:
        self._session = session
        self._closed = False

    def _open(self) -> requests.Session:
        if self._closed:
            # A token request still under way after its owner closed: no new connection that
            # nobody would close (MsalProvider reports it as no connection).
            import requests

            raise requests.exceptions.ConnectionError("the sign-in client was closed")
        return self._session

    def get(self, url: str, **kwargs: Any) -> Any:
        kwargs.setdefault("timeout", MSAL_TIMEOUT_S)
        with waiting():  # the network, not the CPU: the gate is free meanwhile
            return self._open().get(url, **kwargs)

    def post(self, url: str, **kwargs: Any) -> Any:
        kwargs.setdefault("timeout", MSAL_TIMEOUT_S)
        with waiting():
            return self._open().post(url, **kwargs)

    def close(self) -> None:
        self._closed = True
        self._session.close()


def msal_http_client(authority_host: str, ca_pem: bytes | None) -> _MsalHttp:
    """The HTTP client MSAL uses for `authority_host`: the sandbox's CA pinned to its origin.

    Loopback never goes through a proxy (nothing behind one can reach this machine's loopback)
    and never reads ~/.netrc; other hosts keep `requests`' handling of the environment.
    """
    import requests
    from requests.adapters import HTTPAdapter

    session = requests.Session()
    # A sweep's threads ask for their customers' tokens at once: room for all of them, or
    # urllib3 drops (and warns about) every connection past its default ten.
    adapter = system_trust_adapter(pool_size=MSAL_POOL_SIZE)
    session.mount("https://", adapter or HTTPAdapter(pool_maxsize=MSAL_POOL_SIZE, max_retries=0))
    if is_loopback(urlsplit(authority_host).hostname):
        session.trust_env = False
    if ca_pem is not None:
        session.mount(origin_of(authority_host), pinned_adapter(ca_pem, MSAL_POOL_SIZE))
    return _MsalHttp(session)


class CertificateError(Exception):
    """The sandbox's CA could not be fetched, or what came back is no certificate."""


def fetch_loopback_ca(url: str) -> bytes:
    """The CA certificate a sandbox on loopback publishes at `/_sandbox/ca.pem`, to pin.

    Only for loopback: whoever can answer on this machine's loopback could also read the app's
    files, so trusting what the port says is no weaker than the plain endpoint the issue asks
    for. The certificate is pinned for that origin only, and the connection that fetches it
    carries nothing secret. Blocks: worker threads only.
    """
    parts = urlsplit(url)
    host = parts.hostname
    if parts.scheme != "https" or not is_loopback(host):
        raise CertificateError(f"only a sandbox on this computer's loopback can be pinned: {url}")
    assert host is not None
    # Nothing to verify yet (this is how the certificate is learnt): the context checks no
    # certificate, and the connection sends no token. A bare socket, closed on every path
    # (http.client left one for the collector to close now and then).
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    request = (
        f"GET /_sandbox/ca.pem HTTP/1.1\r\nHost: {parts.netloc}\r\n"
        "Accept: application/x-pem-file\r\nConnection: close\r\n\r\n"
    ).encode("ascii")
    answer = b""
    try:
        with (
            socket.create_connection((host, parts.port or 443), CA_FETCH_TIMEOUT_S) as raw,
            context.wrap_socket(raw, server_hostname=host) as tls,
        ):
            tls.sendall(request)
            while len(answer) <= CA_MAX_BYTES + 4096:
                chunk = tls.recv(65536)
                if not chunk:
                    break
                answer += chunk
    except OSError as error:
        raise CertificateError(f"could not fetch the sandbox's certificate: {error}") from None
    head, _, body = answer.partition(b"\r\n\r\n")
    status_line = head.split(b"\r\n", 1)[0].split()
    status = int(status_line[1]) if len(status_line) > 1 and status_line[1].isdigit() else 0
    if status != 200 or len(body) > CA_MAX_BYTES or b"BEGIN CERTIFICATE" not in body:
        raise CertificateError(f"{url} published no CA certificate (HTTP {status})")
    try:
        ca_context(body)
    except (ssl.SSLError, ValueError, UnicodeDecodeError) as error:
        raise CertificateError(f"{url} published an unreadable certificate: {error}") from None
    return body
