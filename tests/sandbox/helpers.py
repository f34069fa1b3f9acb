"""Tokens as the app mints them for the sandbox, written independently of the sandbox's own
helper so that the tests pin the wire format."""

from __future__ import annotations

import base64
import json
import time
from typing import Any

from desktop.clouds import PARTNER_CENTER_RESOURCE, SANDBOX_PARTNER_TENANT_ID

PARTNER = SANDBOX_PARTNER_TENANT_ID
PC_AUD = PARTNER_CENTER_RESOURCE
GRAPH_AUD = "https://graph.microsoft.com"
HEALTH = "/graph/v1.0/admin/serviceAnnouncement/healthOverviews"
ISSUES = "/graph/v1.0/admin/serviceAnnouncement/issues"
GDAP = "/graph/v1.0/tenantRelationships"


def _segment(value: dict[str, Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(value).encode()).rstrip(b"=").decode()


def mint(tid: str, aud: str, *, expires_in: int = 3600, **claims: Any) -> str:
    now = int(time.time())
    payload = {"tid": tid, "aud": aud, "iat": now, "exp": now + expires_in, **claims}
    return f"{_segment({'alg': 'none', 'typ': 'JWT'})}.{_segment(payload)}."


def pc(tid: str = PARTNER, **extra: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {mint(tid, PC_AUD)}", **extra}


def graph(tid: str, **extra: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {mint(tid, GRAPH_AUD)}", **extra}
