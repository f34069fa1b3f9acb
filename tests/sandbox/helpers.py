"""Tokens and HTTPS clients for the sandbox tests.

Tokens are signed by the sandbox under test (`Sandbox.issue_token`, the test-only door): the
sandbox refuses unsigned ones. Clients trust that sandbox's own CA from a file, as the app does,
never "any certificate".
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import requests

from desktop.config.clouds import (
    GRAPH_GLOBAL_RESOURCE,
    PARTNER_CENTER_RESOURCE,
    SANDBOX_PARTNER_TENANT_ID,
)
from desktop.sandbox import Sandbox

PARTNER = SANDBOX_PARTNER_TENANT_ID
PC_AUD = PARTNER_CENTER_RESOURCE
GRAPH_AUD = GRAPH_GLOBAL_RESOURCE
HEALTH = "/graph/v1.0/admin/serviceAnnouncement/healthOverviews"
ISSUES = "/graph/v1.0/admin/serviceAnnouncement/issues"
GDAP = "/graph/v1.0/tenantRelationships"

_CA_DIR = Path(tempfile.mkdtemp(prefix="sandbox-ca-"))
atexit.register(shutil.rmtree, _CA_DIR, True)
_CA_FILES: dict[bytes, str] = {}
_CA_LOCK = threading.Lock()  # clients are made in worker threads too


def ca_file(sb: Sandbox) -> str:
    """A file holding the sandbox's CA certificate (PEM), for `verify=`."""
    pem = sb.ca_pem
    with _CA_LOCK:
        if pem not in _CA_FILES:
            path = _CA_DIR / f"ca-{len(_CA_FILES)}.pem"
            path.write_bytes(pem)
            _CA_FILES[pem] = str(path)
        return _CA_FILES[pem]


def client(sb: Sandbox) -> requests.Session:
    """A session that trusts exactly this sandbox's CA and ignores proxy settings."""
    session = requests.Session()
    session.verify = ca_file(sb)
    session.trust_env = False
    return session


def mint(
    sb: Sandbox,
    tid: str,
    aud: str,
    *,
    expires_in: int = 3600,
    scopes: Sequence[str] | None = None,
    **claims: Any,
) -> str:
    return sb.issue_token(tid, aud, scopes=scopes, lifetime_s=expires_in, **claims)


def pc(sb: Sandbox, tid: str = PARTNER, **extra: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {mint(sb, tid, PC_AUD)}", **extra}


def graph(
    sb: Sandbox, tid: str, scopes: Sequence[str] | None = None, **extra: str
) -> dict[str, str]:
    return {"Authorization": f"Bearer {mint(sb, tid, GRAPH_AUD, scopes=scopes)}", **extra}


# -- Entra ---------------------------------------------------------------------------------------

PC_SCOPE = f"{PC_AUD}/user_impersonation"
GRAPH_SCOPE = f"{GRAPH_AUD}/.default"
OIDC = "openid profile offline_access"
DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code"


def token_request(
    http: requests.Session, sb: Sandbox, tenant: str, **form: str
) -> requests.Response:
    """POST /{tenant}/oauth2/v2.0/token with the sandbox's client id unless `form` has one."""
    data = {"client_id": sb.client_id, "client_info": "1", **form}
    return http.post(f"{sb.url}/{tenant}/oauth2/v2.0/token", data=data)


def sign_in(http: requests.Session, sb: Sandbox, scope: str = PC_SCOPE) -> dict[str, Any]:
    """A device code sign-in at /organizations on an auto-approving sandbox: the token body."""
    flow = http.post(
        f"{sb.url}/organizations/oauth2/v2.0/devicecode",
        data={"client_id": sb.client_id, "scope": f"{scope} {OIDC}"},
    ).json()
    resp = token_request(
        http, sb, "organizations", grant_type=DEVICE_GRANT, device_code=flow["device_code"]
    )
    assert resp.status_code == 200, resp.text
    body: dict[str, Any] = resp.json()
    return body


def refresh(
    http: requests.Session, sb: Sandbox, tenant: str, refresh_token: str, scope: str = GRAPH_SCOPE
) -> requests.Response:
    return token_request(
        http,
        sb,
        tenant,
        grant_type="refresh_token",
        refresh_token=refresh_token,
        scope=f"{scope} {OIDC}",
    )
