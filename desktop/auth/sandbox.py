"""The sandbox's built-in token issuer: unsigned JWTs shaped like Entra access tokens. No Qt."""

from __future__ import annotations

import base64
import json
import time
import uuid
from collections.abc import Callable

from desktop.auth.base import CachingProvider, resource_of
from desktop.clouds import SANDBOX_PARTNER_TENANT_ID


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


class SandboxTokenIssuer(CachingProvider):
    """The built-in issuer for the sandbox: unsigned JWTs shaped like Entra access tokens.

    Each tenant gets its own token whose `tid` names it and whose `aud` is the API, so the sandbox
    (like Graph) learns the tenant only from the token and per-tenant handling is tested for real.
    """

    def __init__(
        self,
        home_tenant: str = SANDBOX_PARTNER_TENANT_ID,
        lifetime_s: float = 3600.0,
        clock: Callable[[], float] = time.time,
        user: str = "sandbox.engineer@contoso-partner.example",
    ) -> None:
        super().__init__(home_tenant, clock)
        self.lifetime_s = lifetime_s
        self.user = user

    def _acquire(self, scope: str, tenant: str) -> tuple[str, float]:
        now = self._clock()
        expires_at = now + self.lifetime_s
        header = {"alg": "none", "typ": "JWT"}
        payload = {
            "aud": resource_of(scope),
            "iss": f"https://sts.windows.net/{tenant}/",
            "iat": int(now),
            "nbf": int(now),
            "exp": int(expires_at),
            "tid": tenant,
            "oid": str(uuid.uuid5(uuid.NAMESPACE_URL, self.user)),
            "upn": self.user,
            "scp": "user_impersonation" if scope.endswith("user_impersonation") else "",
            "uti": uuid.uuid4().hex,
        }
        token = ".".join(
            (
                _b64url(json.dumps(header, separators=(",", ":")).encode()),
                _b64url(json.dumps(payload, separators=(",", ":")).encode()),
                "",
            )
        )
        return token, expires_at
