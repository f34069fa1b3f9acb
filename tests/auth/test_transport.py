"""TLS failures sorted by cause: a certificate the app must not trust, or a link that broke.

CI once read a sandbox stopped mid-sweep as "the certificate is not trusted": the server shut
the socket during the TLS handshake, `requests` raised its one `SSLError` for it, and both the
sign-in and the API classifiers took every `SSLError` for distrust.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from typing import Any

import pytest
import requests

from desktop.api.errors import NETWORK
from desktop.api.failures import UNTRUSTED, failed
from desktop.auth.base import AuthError
from desktop.auth.msal_provider import MsalProvider
from desktop.auth.transport import certificate_rejected, pinned_adapter, system_trust_adapter
from desktop.sandbox import Sandbox


@pytest.fixture
def cut_handshake() -> Iterator[str]:
    """An https address whose server accepts, then closes its side before the handshake."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            conn.shutdown(socket.SHUT_WR)  # EOF to the client's hello: SSLEOFError there
            conn.recv(4096)
            conn.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"https://127.0.0.1:{listener.getsockname()[1]}/"
    stop.set()
    listener.close()
    thread.join(timeout=5)


def _raised(fn) -> requests.exceptions.RequestException:  # type: ignore[no-untyped-def]
    with pytest.raises(requests.exceptions.RequestException) as caught:
        fn()
    return caught.value


def test_a_handshake_cut_short_is_no_certificate_failure(cut_handshake: str) -> None:
    error = _raised(lambda: requests.get(cut_handshake, timeout=5))
    assert isinstance(error, requests.exceptions.SSLError)  # what requests calls it...
    assert not certificate_rejected(error)  # ... but the certificate was never seen


def test_another_servers_ca_is_a_certificate_failure() -> None:
    with Sandbox(customers=1, seed=1) as sb, Sandbox(customers=1, seed=2) as other:
        session = requests.Session()
        session.mount(sb.url + "/", pinned_adapter(other.ca_pem))
        error = _raised(lambda: session.get(sb.url + "/_sandbox/ca.pem", timeout=5))
        session.close()
    assert certificate_rejected(error)


def test_sign_in_reads_a_cut_handshake_as_no_connection(cut_handshake: str) -> None:
    with pytest.raises(AuthError) as caught:
        MsalProvider._call(lambda: requests.get(cut_handshake, timeout=5), "Getting a token")
    assert caught.value.code == "offline"
    assert "certificate" not in caught.value.message


def test_an_api_call_reads_a_cut_handshake_as_a_connection_failure(cut_handshake: str) -> None:
    error = failed(_raised(lambda: requests.get(cut_handshake, timeout=5)), False, "r", "u")
    assert error.kind == NETWORK
    assert error.name != UNTRUSTED
    assert error.message == "Connection failed: the server closed the secure connection"


def test_calls_to_microsoft_are_checked_against_the_systems_trust_store(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # certifi's bundle lacks the root a corporate TLS-inspection proxy installs in the OS
    # store (issue 20): both the API session and MSAL's client verify with the platform's own.
    import truststore

    from desktop.api.connections import prepared
    from desktop.auth.transport import msal_http_client

    monkeypatch.delenv("REQUESTS_CA_BUNDLE", raising=False)
    monkeypatch.delenv("CURL_CA_BUNDLE", raising=False)
    api = prepared(requests.Session(), 4, {})
    msal = msal_http_client("https://login.microsoftonline.com/common", None)
    for session in (api, msal._session):
        adapter: Any = session.get_adapter("https://graph.microsoft.com/v1.0/")
        assert isinstance(adapter._context, truststore.SSLContext)
        session.close()


def test_a_ca_bundle_the_user_names_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.api.connections import prepared

    monkeypatch.setenv("REQUESTS_CA_BUNDLE", "/etc/ssl/certs/ca-certificates.crt")
    api = prepared(requests.Session(), 4, {})
    assert not hasattr(api.get_adapter("https://graph.microsoft.com/"), "_context")
    assert api.verify == "/etc/ssl/certs/ca-certificates.crt"
    api.close()


def test_the_system_store_does_not_trust_a_sandboxs_own_ca(monkeypatch: pytest.MonkeyPatch) -> None:
    # A real handshake through the system-trust adapter: a CA made at start by the sandbox is
    # in no system store, so the connection fails on the certificate (and says so).
    monkeypatch.delenv("REQUESTS_CA_BUNDLE", raising=False)
    monkeypatch.delenv("CURL_CA_BUNDLE", raising=False)
    with Sandbox(customers=1, seed=3) as sb:
        session = requests.Session()
        session.mount("https://", system_trust_adapter())
        error = _raised(lambda: session.get(sb.url + "/_sandbox/ca.pem", timeout=5))
        session.close()
    assert certificate_rejected(error)
