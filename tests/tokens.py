"""Tokens for tests of the HTTP layer that are not about signing in.

`IssuedTokens` asks the sandbox's test-only door (`Sandbox.issue_token`) for tokens signed with
its key: the HTTP session, the clients and their retries meet real tokens that the sandbox
checks, without a sign-in round trip in every test. Sign-in itself is tested through MSAL
(tests/auth/test_sandbox_sign_in.py).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from desktop.auth import CachingProvider, resource_of
from desktop.config.clouds import SANDBOX_PARTNER_TENANT_ID
from desktop.sandbox import Sandbox


class IssuedTokens(CachingProvider):
    def __init__(
        self,
        sandbox: Sandbox,
        *,
        lifetime_s: int = 3600,
        clock: Callable[[], float] = time.time,
    ) -> None:
        super().__init__(SANDBOX_PARTNER_TENANT_ID, clock)
        self.sandbox = sandbox
        self.lifetime_s = lifetime_s

    def _acquire(self, scope: str, tenant: str) -> tuple[str, float]:
        token = self.sandbox.issue_token(tenant, resource_of(scope), lifetime_s=self.lifetime_s)
        return token, self._clock() + self.lifetime_s
