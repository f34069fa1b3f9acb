"""The sandbox's throwaway certificate authority: HTTPS on loopback without a committed key.

A fresh CA and a server certificate (ECDSA P-256: a few milliseconds, where RSA takes tenths of
a second) are made in memory for each Sandbox. Clients trust that one CA, never "any
certificate": the app pins `Sandbox.ca_pem`, or fetches `GET /_sandbox/ca.pem` over loopback.
"""

from __future__ import annotations

import ipaddress
import ssl
from dataclasses import dataclass

import trustme

LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1")
_WILDCARDS = ("", "0.0.0.0", "::")  # noqa: S104 (names, not a bind)


def _identity(host: str) -> str:
    host = host.strip("[]")
    try:
        return str(ipaddress.ip_address(host))
    except ValueError:
        return host.lower()


@dataclass(frozen=True)
class Certificates:
    ca_pem: bytes
    leaf: trustme.LeafCert

    def server_context(self) -> ssl.SSLContext:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.minimum_version = ssl.TLSVersion.TLSv1_2
        self.leaf.configure_cert(context)
        return context


def make_certificates(host: str) -> Certificates:
    """A new CA and a certificate for the loopback names plus `host` (the bound address)."""
    names = list(LOOPBACK_NAMES)
    if host not in _WILDCARDS and _identity(host) not in names:
        names.append(_identity(host))
    ca = trustme.CA(key_type=trustme.KeyType.ECDSA, organization_name="Partner Desk sandbox")
    leaf = ca.issue_cert(*names, key_type=trustme.KeyType.ECDSA)
    return Certificates(ca.cert_pem.bytes(), leaf)
