"""The operating system's trust store, proven with a real handshake (issue 20).

A CA added to the machine's store is trusted by both of the app's clients (the API session and
MSAL's); a CA that is not is refused with the app's "certificate not trusted" classification.
On this (Linux) machine the store is OpenSSL's, which `truststore` loads as the ssl module's
defaults; SSL_CERT_FILE and SSL_CERT_DIR move it to a temporary folder for a child process (a
fresh default context), so the test adds its CA the way update-ca-certificates does (one more
PEM in the bundle) without touching the real /etc/ssl.
"""

from __future__ import annotations

import json
import os
import ssl
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import trustme

from desktop.api.failures import UNTRUSTED

SYSTEM_BUNDLE = Path("/etc/ssl/certs/ca-certificates.crt")  # Debian's, when present

pytestmark = pytest.mark.skipif(
    sys.platform != "linux",
    reason="SSL_CERT_FILE moves OpenSSL's store only: on Windows and macOS truststore asks the "
    "system's certificate store or Keychain, where adding a CA needs an administrator",
)


class _Hello(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = b"hello"
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def https_server() -> Iterator[object]:
    """Starts an HTTPS server on loopback with a certificate from the CA given; yields the
    starter, and stops every server it started."""
    started: list[tuple[ThreadingHTTPServer, threading.Thread]] = []

    def start(ca: trustme.CA) -> str:
        server = ThreadingHTTPServer(("127.0.0.1", 0), _Hello)
        server.daemon_threads = True
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        ca.issue_cert("127.0.0.1", "localhost").configure_cert(context)
        server.socket = context.wrap_socket(server.socket, server_side=True)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        started.append((server, thread))
        return f"https://127.0.0.1:{server.server_address[1]}/"

    yield start
    for server, thread in started:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def test_a_ca_in_the_system_store_is_trusted_and_another_is_refused(
    https_server, tmp_path: Path
) -> None:
    added, foreign = trustme.CA(), trustme.CA()
    trusted_url = https_server(added)
    refused_url = https_server(foreign)
    # The machine's store with one CA added, as update-ca-certificates would write it.
    bundle = tmp_path / "ca-certificates.crt"
    system = SYSTEM_BUNDLE.read_bytes() if SYSTEM_BUNDLE.is_file() else b""
    bundle.write_bytes(system + b"\n" + added.cert_pem.bytes())
    hashed = tmp_path / "certs"
    hashed.mkdir()  # no hashed folder beside it: the bundle is the whole store
    env = {k: v for k, v in os.environ.items() if k not in ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE")}
    env.update(SSL_CERT_FILE=str(bundle), SSL_CERT_DIR=str(hashed))
    done = subprocess.run(
        [sys.executable, "-m", "tests.auth.trust_child", trusted_url, refused_url],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert done.returncode == 0, done.stderr[-3000:]
    results = json.loads(done.stdout.splitlines()[-1])
    assert results[trusted_url] == {"api": "200", "sign_in": "200"}
    assert results[refused_url] == {"api": UNTRUSTED, "sign_in": "untrusted_certificate"}
