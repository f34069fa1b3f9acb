"""HTTPS: a throwaway CA per sandbox, pinned by clients; handshakes off the accept loop."""

from __future__ import annotations

import socket
import ssl
import time

import pytest
import requests

from desktop.sandbox import Sandbox

from .helpers import ca_file, client, pc


def test_url_is_https_and_the_ca_is_served(sb: Sandbox, http: requests.Session) -> None:
    assert sb.url.startswith("https://127.0.0.1:")
    assert sb.tls
    resp = http.get(sb.url + "/_sandbox/ca.pem")
    assert resp.status_code == 200
    assert resp.headers["Content-Type"] == "application/x-pem-file"
    assert resp.content == sb.ca_pem
    assert sb.ca_pem.startswith(b"-----BEGIN CERTIFICATE-----")
    assert b"PRIVATE KEY" not in resp.content


def test_a_client_without_the_ca_is_refused(sb: Sandbox) -> None:
    with requests.Session() as session:
        session.trust_env = False  # the default trust store only
        with pytest.raises(requests.exceptions.SSLError):
            session.get(sb.url + "/_sandbox/info", timeout=5)
    with (
        Sandbox(customers=1) as other,
        client(other) as session,
        pytest.raises(requests.exceptions.SSLError),  # another sandbox's CA
    ):
        session.get(sb.url + "/_sandbox/info", timeout=5)


@pytest.mark.parametrize("name", ["127.0.0.1", "localhost", "::1"])
def test_the_certificate_names_every_loopback_name(sb: Sandbox, name: str) -> None:
    context = ssl.create_default_context(cafile=ca_file(sb))
    port = int(sb.url.rsplit(":", 1)[1])
    with (
        socket.create_connection(("127.0.0.1", port), timeout=5) as raw,
        context.wrap_socket(raw, server_hostname=name) as tls,
    ):
        assert tls.version() in ("TLSv1.2", "TLSv1.3")


def test_the_certificate_names_nothing_else(sb: Sandbox) -> None:
    context = ssl.create_default_context(cafile=ca_file(sb))
    port = int(sb.url.rsplit(":", 1)[1])
    with (
        socket.create_connection(("127.0.0.1", port), timeout=5) as raw,
        pytest.raises(ssl.SSLCertVerificationError),
    ):
        context.wrap_socket(raw, server_hostname="login.microsoftonline.com")


def test_plain_http_on_the_https_port_is_refused_and_the_server_carries_on(
    sb: Sandbox, http: requests.Session
) -> None:
    with requests.Session() as plain, pytest.raises(requests.ConnectionError):
        plain.get(sb.url.replace("https://", "http://") + "/_sandbox/info", timeout=5)
    assert http.get(sb.url + "/_sandbox/info").ok


def test_a_silent_client_does_not_block_the_others(sb: Sandbox, http: requests.Session) -> None:
    port = int(sb.url.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port), timeout=5):  # connects, never says hello
        started = time.monotonic()
        assert http.get(sb.url + "/_sandbox/info", timeout=5).ok
        assert time.monotonic() - started < 3  # a liveness bound, not a measure


def test_restart_keeps_the_port_the_ca_and_the_key() -> None:
    sb = Sandbox(customers=3, seed=5).start()
    try:
        url, pem = sb.url, sb.ca_pem
        with client(sb) as http:
            headers = pc(sb)
            assert http.get(url + "/v1/customers", headers=headers).ok
            sb.stop()
            sb.start()
            assert (sb.url, sb.ca_pem) == (url, pem)
            assert http.get(url + "/v1/customers", headers=headers).ok
    finally:
        sb.stop()


def test_tls_can_be_turned_off() -> None:
    with Sandbox(customers=1, tls=False) as sb, requests.Session() as http:
        http.trust_env = False
        assert sb.url.startswith("http://127.0.0.1:")
        assert not sb.tls
        with pytest.raises(RuntimeError):
            _ = sb.ca_pem
        assert http.get(sb.url + "/_sandbox/ca.pem").status_code == 404
        assert http.get(sb.url + "/v1/customers", headers=pc(sb)).ok


def test_construction_with_a_fresh_ca_is_quick() -> None:
    started = time.perf_counter()
    Sandbox(customers=0)
    assert time.perf_counter() - started < 2  # ECDSA: milliseconds; a generous guard
