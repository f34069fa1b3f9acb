"""Signed JWTs (the sandbox's Entra tokens) and signed opaque tokens (paging, refresh tokens).

Access and id tokens are JWTs signed HS256 with the sandbox's signing key: a client can read them
like Entra's (base64url JSON), the sandbox can tell its own from a forged or edited one, and a
restarted sandbox given the same key still accepts the tokens it issued before. Entra signs RS256
with keys published at `jwks_uri`; a symmetric key keeps the sandbox dependency-free and fast,
and no client is meant to validate an access token itself (learn.microsoft.com/entra/
identity-platform/access-tokens: "clients must treat access tokens as opaque strings").
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import time
from collections.abc import Mapping
from typing import Any

JWT_ALGORITHM = "HS256"


def _b64encode(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def _b64decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def b64json(value: Mapping[str, Any]) -> str:
    """base64url (no padding) of compact JSON: JWT segments and Entra's `client_info`."""
    return _b64encode(json.dumps(value, separators=(",", ":")).encode("utf-8"))


def key_id(key: bytes) -> str:
    """A short public name for a signing key (the JWT header's `kid`): tells apart tokens of
    two sandboxes without revealing the key."""
    return hashlib.sha256(b"kid:" + key).hexdigest()[:16]


def sign_jwt(claims: Mapping[str, Any], key: bytes) -> str:
    header = {"typ": "JWT", "alg": JWT_ALGORITHM, "kid": key_id(key)}
    signing_input = f"{b64json(header)}.{b64json(claims)}"
    mac = hmac.new(key, signing_input.encode("ascii"), hashlib.sha256).digest()
    return f"{signing_input}.{_b64encode(mac)}"


def _parts(token: str) -> tuple[dict[str, Any], dict[str, Any], str, str] | None:
    parts = token.split(".")
    if len(parts) != 3 or not token.isascii():
        return None
    try:
        header = json.loads(_b64decode(parts[0]))
        payload = json.loads(_b64decode(parts[1]))
    except (ValueError, binascii.Error):
        return None
    if not isinstance(header, dict) or not isinstance(payload, dict):
        return None
    return header, payload, f"{parts[0]}.{parts[1]}", parts[2]


def verify_jwt(token: str, key: bytes) -> dict[str, Any] | None:
    """The claims of a token this key signed (HS256), else None. `alg: none` and any other
    algorithm are refused outright: the header never chooses how a token is checked."""
    found = _parts(token)
    if found is None:
        return None
    header, payload, signing_input, signature = found
    if header.get("alg") != JWT_ALGORITHM:
        return None
    expected = hmac.new(key, signing_input.encode("ascii"), hashlib.sha256).digest()
    return payload if hmac.compare_digest(_b64encode(expected), signature) else None


def decode_token(token: str) -> dict[str, Any] | None:
    """The payload of a well-formed JWT, NOT verified: for showing what a token says."""
    found = _parts(token)
    return None if found is None else found[1]


def mint_token(
    tenant_id: str,
    audience: str,
    *,
    key: bytes,
    lifetime_s: int = 3600,
    issued_at: int | None = None,
    **claims: Any,
) -> str:
    """A bare signed token for `tenant_id` and `audience` (plus `claims`). The sandbox's own
    tokens carry Entra's full claim set: see `Sandbox.issue_token`."""
    iat = int(time.time()) if issued_at is None else issued_at
    payload = {
        "tid": tenant_id,
        "aud": audience,
        "iat": iat,
        "nbf": iat,
        "exp": iat + lifetime_s,
        **claims,
    }
    return sign_jwt(payload, key)


class Signer:
    """Opaque tokens (continuation, skip, refresh) that a client cannot forge or edit unnoticed."""

    def __init__(self, secret: bytes) -> None:
        self._secret = secret

    def _mac(self, body: str) -> str:
        digest = hmac.new(self._secret, body.encode("ascii"), hashlib.sha256).digest()
        return _b64encode(digest[:12])

    def dumps(self, value: dict[str, Any]) -> str:
        body = _b64encode(json.dumps(value, separators=(",", ":")).encode("utf-8"))
        return f"{body}.{self._mac(body)}"

    def loads(self, token: str) -> dict[str, Any] | None:
        body, dot, mac = token.partition(".")
        if not dot or not token.isascii() or not hmac.compare_digest(mac, self._mac(body)):
            return None
        try:
            value = json.loads(_b64decode(body))
        except (ValueError, binascii.Error):
            return None
        return value if isinstance(value, dict) else None
