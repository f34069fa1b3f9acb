"""Unsigned JWTs (the sandbox's access tokens) and signed opaque paging tokens."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import time
from typing import Any


def _b64encode(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def _b64decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def mint_token(
    tenant_id: str,
    audience: str,
    *,
    lifetime_s: int = 3600,
    issued_at: int | None = None,
    **claims: Any,
) -> str:
    """A token the sandbox accepts: `base64url(header).base64url(payload).` (unsigned)."""
    iat = int(time.time()) if issued_at is None else issued_at
    payload = {
        "tid": tenant_id,
        "aud": audience,
        "iat": iat,
        "nbf": iat,
        "exp": iat + lifetime_s,
        **claims,
    }
    header = {"alg": "none", "typ": "JWT"}
    parts = (json.dumps(header).encode(), json.dumps(payload).encode())
    return ".".join(_b64encode(p) for p in parts) + "."


def decode_token(token: str) -> dict[str, Any] | None:
    """The payload of a well-formed token, or None. The signature is not checked: the sandbox
    trusts its callers, it only needs to know which tenant and audience a token is for."""
    parts = token.split(".")
    if len(parts) != 3:
        return None
    try:
        header = json.loads(_b64decode(parts[0]))
        payload = json.loads(_b64decode(parts[1]))
    except (ValueError, binascii.Error):
        return None
    if not isinstance(header, dict) or not isinstance(payload, dict):
        return None
    return payload


class Signer:
    """Opaque tokens (continuation, skip) that a client cannot forge or edit unnoticed."""

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
