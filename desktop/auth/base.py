"""The token-provider contract and its per-(tenant, scope) cache. No Qt.

Partner Center calls use the partner's own token; Graph service-health calls use a token for the
*customer* tenant, acquired by the same account through GDAP (API.md section 1). Providers cache
one token per (tenant, scope) and serialise acquisition per key, so a sweep of 1,000 customers on
32 threads acquires each tenant's token once and never stampedes the token endpoint.
"""

from __future__ import annotations

import base64
import enum
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

# Refusals that asking again within a minute would not change (no GDAP relationship, the app
# not consented in that tenant): remembered that long per (tenant, scope), as MSAL itself does
# for a refused token request. `forget_tenant` (after a consent) drops them at once.
LASTING_REFUSALS = frozenset({"no_gdap", "not_consented"})
REFUSAL_MEMORY_S = 60.0


class Category(str, enum.Enum):
    """What a failure means for the user, decided where it is raised (`AuthError` here,
    `ApiError` in desktop.api.errors): the presenter (desktop.ui.errors) and the sweeps read
    it, never the error's text or address."""

    NO_ACCESS = "no_access"  # no GDAP role or relationship covers the user
    NOT_CONSENTED = "not_consented"  # Partner Desk is not allowed in the customer yet
    CONSENT_OUTDATED = "consent_outdated"  # allowed, but before it needed what it asks now
    OFFLINE = "offline"  # the service could not be reached (or --offline has no copy)
    THROTTLED = "throttled"  # Microsoft asked for fewer requests
    CANCELLED = "cancelled"  # the user stopped it: nothing to say
    FAILED = "failed"  # anything else the service or sign-in refused


# AuthError.code → its category (codes not listed: FAILED).
_AUTH_CATEGORIES = {
    "no_gdap": Category.NO_ACCESS,
    "not_consented": Category.NOT_CONSENTED,
    "consent_outdated": Category.CONSENT_OUTDATED,
    "offline": Category.OFFLINE,
    "cancelled": Category.CANCELLED,
}


# AuthError.code of failures that signing in again (or later) may get past.
_RETRY_CODES = frozenset({"offline", "timeout", "expired", "conditional_access", "mfa"})


class AuthError(Exception):
    """Signing in or getting a token failed; `message` is for the user, `code` for logic.

    `aadsts`: Entra's code, when it gave one (`message` ends with it); `reason`: `message`
    without it, the text a translation is looked up by."""

    def __init__(
        self,
        message: str,
        code: str = "",
        next_step: str = "",
        *,
        aadsts: int | None = None,
        reason: str = "",
    ) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.next_step = next_step
        self.aadsts = aadsts
        self.reason = reason or message

    @property
    def category(self) -> Category:
        return _AUTH_CATEGORIES.get(self.code, Category.FAILED)

    @property
    def retryable(self) -> bool:
        return self.code in _RETRY_CODES


class TokenProvider(Protocol):
    @property
    def home_tenant(self) -> str: ...

    def token(self, scope: str, tenant: str | None = None) -> str:
        """A bearer token for `scope` in `tenant` (None: the signed-in account's home tenant)."""
        ...

    def invalidate(self, scope: str, tenant: str | None, token: str) -> None:
        """Forget `token` after the API refused it, so the next call acquires a fresh one."""
        ...

    def forget_tenant(self, tenant: str) -> None:
        """Start afresh for `tenant` (after the app was consented there)."""
        ...


class FailedSignIn:
    """The provider of a sign-in that failed: every token request says why, so the window
    still opens and each pane explains instead of the app stopping."""

    def __init__(self, error: AuthError, home_tenant: str = "") -> None:
        self.error = error
        self._home_tenant = home_tenant

    @property
    def home_tenant(self) -> str:
        return self._home_tenant

    def token(self, scope: str, tenant: str | None = None) -> str:
        raise self.error

    def invalidate(self, scope: str, tenant: str | None, token: str) -> None:
        return None

    def forget_tenant(self, tenant: str) -> None:
        return None


@dataclass(frozen=True)
class _Cached:
    token: str
    expires_at: float


class CachingProvider:
    """Per-(tenant, scope) token cache with one lock per key around acquisition.

    Subclasses implement `_acquire`. Tokens are refreshed a few minutes before they expire, like
    MSAL does, so a long sweep never sends a token that expires in flight.
    """

    REFRESH_MARGIN_S = 300.0

    def __init__(self, home_tenant: str, clock: Callable[[], float] = time.time) -> None:
        self._home_tenant = home_tenant
        self._clock = clock
        self._cache: dict[tuple[str, str], _Cached] = {}
        self._locks: dict[tuple[str, str], threading.Lock] = {}
        self._refused: dict[tuple[str, str], tuple[AuthError, float]] = {}
        self._guard = threading.Lock()
        self.acquisitions = 0  # how many tokens were minted or fetched (tests and diagnostics)

    @property
    def home_tenant(self) -> str:
        return self._home_tenant

    def _key(self, scope: str, tenant: str | None) -> tuple[str, str]:
        return ((tenant or self._home_tenant).lower(), scope)

    def token(self, scope: str, tenant: str | None = None) -> str:
        key = self._key(scope, tenant)
        cached = self._cache.get(key)
        if cached and cached.expires_at - self.REFRESH_MARGIN_S > self._clock():
            return cached.token
        with self._guard:
            lock = self._locks.setdefault(key, threading.Lock())
        with lock:
            cached = self._cache.get(key)  # another thread may have acquired it meanwhile
            if cached and cached.expires_at - self.REFRESH_MARGIN_S > self._clock():
                return cached.token
            refused = self._refused.get(key)
            if refused is not None and refused[1] > self._clock():
                raise refused[0]
            try:
                token, expires_at = self._acquire(scope, key[0])
            except AuthError as error:
                if error.code in LASTING_REFUSALS:
                    # A sweep asks for each customer's token more than once (health, then
                    # issues; the list, then the dashboard): Entra's answer stands meanwhile.
                    self._refused[key] = (error, self._clock() + REFUSAL_MEMORY_S)
                raise
            self._refused.pop(key, None)
            self.acquisitions += 1
            self._cache[key] = _Cached(token, expires_at)
            return token

    def store(self, scope: str, tenant: str | None, token: str, expires_at: float) -> None:
        """Keep a token obtained elsewhere (e.g. by the sign-in itself) for later calls."""
        with self._guard:
            self._cache[self._key(scope, tenant)] = _Cached(token, expires_at)

    def invalidate(self, scope: str, tenant: str | None, token: str) -> None:
        key = self._key(scope, tenant)
        with self._guard:
            cached = self._cache.get(key)
            if cached and cached.token == token:
                del self._cache[key]

    def forget_tenant(self, tenant: str) -> None:
        """Drop every token held for `tenant`: the next call acquires afresh."""
        key = tenant.lower()
        with self._guard:
            for cached in [k for k in self._cache if k[0] == key]:
                del self._cache[cached]
            for refused in [k for k in self._refused if k[0] == key]:
                del self._refused[refused]

    def clear(self) -> None:
        with self._guard:
            self._cache.clear()
            self._refused.clear()

    def _acquire(self, scope: str, tenant: str) -> tuple[str, float]:
        raise NotImplementedError


def resource_of(scope: str) -> str:
    """`https://graph.microsoft.com/.default` → `https://graph.microsoft.com` (the token's aud)."""
    for suffix in ("/.default", "/user_impersonation"):
        if scope.endswith(suffix):
            return scope[: -len(suffix)]
    return scope


def granted_scopes(token: str) -> frozenset[str] | None:
    """The delegated permissions (`scp`) an access token carries, lower-cased; None when the
    token cannot be read (not a JWT, or no `scp`).

    Read without verifying: only to tell a customer whose consent predates a permission the
    app needs now (Graph's 403 then means "consent again", not "no GDAP role"). The service
    that receives the token is what checks it. MSAL gives no granted scopes for a token it
    serves from its cache, so the token itself is the one place that says.
    """
    parts = token.split(".")
    if len(parts) != 3:
        return None
    try:
        payload = base64.urlsafe_b64decode(parts[1] + "=" * (-len(parts[1]) % 4))
        claims = json.loads(payload)
    except (ValueError, UnicodeDecodeError):
        return None
    scp = claims.get("scp") if isinstance(claims, dict) else None
    if not isinstance(scp, str):
        return None
    return frozenset(s.lower() for s in scp.split())
