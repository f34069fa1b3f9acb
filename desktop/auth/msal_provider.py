"""Signing in to Microsoft's clouds with MSAL, and tokens per customer tenant. No Qt.

One `MsalProvider` per (cloud, client id). The partner signs in once (interactive in the system
browser, device code as the fallback, the Windows broker where available); every later token
comes silently from the shared token cache:

- Partner Center: the partner's own tenant, scope `{pc}/user_impersonation`.
- Graph for a customer: the same account with authority `{authority_host}/{customerTenantId}`
  (GDAP, API.md section 1). Entra refresh tokens are not tied to a tenant, so MSAL redeems the
  partner's refresh token at the customer's authority; one `PublicClientApplication` per
  authority tenant shares one token cache.

`CachingProvider` holds one token per (tenant, scope) with a lock per key: a sweep of 1,000
customers on 32 threads makes one acquisition per tenant, never a prompt and never a stampede.
Every method here blocks on the network: call them from worker threads only.

This module imports msal at the top; nothing imports it until a real account is used.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import msal
import requests

from desktop.auth import broker, errors
from desktop.auth.base import AuthError, CachingProvider
from desktop.auth.transport import certificate_rejected, msal_http_client
from desktop.config.clouds import CloudProfile
from desktop.config.limits import cpu_work

log = logging.getLogger(__name__)

INTERACTIVE_TIMEOUT_S = 300


@dataclass(frozen=True)
class Account:
    """The signed-in user as the UI shows it; `home_account_id` is MSAL's key for it."""

    username: str
    home_account_id: str
    tenant_id: str
    name: str = ""

    @classmethod
    def from_msal(cls, account: Mapping[str, Any]) -> Account:
        home = str(account.get("home_account_id") or "")
        return cls(
            username=str(account.get("username") or ""),
            home_account_id=home,
            # home_account_id is "{object id}.{home tenant id}"
            tenant_id=home.rsplit(".", 1)[-1] if "." in home else str(account.get("realm", "")),
            name=str(account.get("name") or ""),
        )


@dataclass(frozen=True)
class DeviceCode:
    """What the device-code dialog shows; `flow` goes back to `complete_device_flow`."""

    user_code: str
    verification_uri: str
    message: str
    expires_at: float
    flow: Mapping[str, Any]


def broker_available() -> bool:
    """The Windows broker (WAM) needs Windows and the pymsalruntime package (msal[broker])."""
    return broker.available()


class MsalProvider(CachingProvider):
    """Tokens for one cloud and one app registration, from one signed-in account."""

    def __init__(
        self,
        cloud: CloudProfile,
        client_id: str,
        *,
        tenant: str = "organizations",
        token_cache: msal.SerializableTokenCache | None = None,
        http_client: Any = None,
        use_broker: bool | None = None,
        clock: Callable[[], float] = time.time,
        ca_pem: bytes | None = None,
    ) -> None:
        """`ca_pem`: a CA to trust for the authority's own address only (the sandbox's)."""
        if cloud.retired:
            raise errors.closed_cloud(cloud.retired_note)
        if cloud.authority_host is None:
            raise ValueError(f"the {cloud.id} cloud has no sign-in authority")
        if not client_id.strip():
            raise errors.not_configured()
        super().__init__(home_tenant=tenant or "organizations", clock=clock)
        self.cloud = cloud
        self.client_id = client_id.strip()
        self._sign_in_tenant = tenant or "organizations"
        self._msal_cache = token_cache if token_cache is not None else msal.SerializableTokenCache()
        self._own_http: Any = None  # the client made here, closed by `close`
        if http_client is None:
            http_client = self._own_http = msal_http_client(cloud.authority_host, ca_pem)
        self._http_client = http_client
        if use_broker is None:
            # On where it works, unless it failed with this registration before (broker.py).
            use_broker = broker_available() and not broker.failed_before(self.client_id)
        self._use_broker = use_broker
        # Said once to the user when a sign-in went to the browser because the broker failed.
        self.sign_in_note = ""
        self._apps: dict[str, msal.PublicClientApplication] = {}
        self._apps_lock = threading.Lock()
        self._account: dict[str, Any] | None = None
        self._force_refresh: set[tuple[str, str]] = set()

    # -- the signed-in account ---------------------------------------------------------------

    @property
    def account(self) -> Account | None:
        return Account.from_msal(self._account) if self._account else None

    @property
    def partner_center_scope(self) -> str:
        return self.cloud.partner_center_scope

    def cached_accounts(self) -> list[Account]:
        """Accounts in the token cache, without any network call."""
        return [Account.from_msal(a) for a in self._app(self._sign_in_tenant).get_accounts()]

    def restore(self, username: str = "") -> Account | None:
        """Sign in silently from the cache (the last account, or `username`); None if needed.

        Proves the cached sign-in still works by getting a Partner Center token, so a revoked
        session is found at start-up and not in the middle of a sweep.
        """
        app = self._app(self._sign_in_tenant)
        accounts = app.get_accounts(username=username or None)
        if not accounts:
            return None
        result = self._call(
            lambda: app.acquire_token_silent_with_error([self.partner_center_scope], accounts[0]),
            "Signing in",
        )
        if not result:
            return None
        if "access_token" not in result:
            raise errors.from_msal_result(result, "Signing in")
        return self._signed_in(accounts[0], result)

    def sign_in_interactive(
        self,
        login_hint: str = "",
        window_handle: int | None = None,
        timeout_s: int = INTERACTIVE_TIMEOUT_S,
        on_browser: Callable[[], None] | None = None,
    ) -> Account:
        """Sign in in the system browser (or the Windows broker). Blocks until done or timeout.

        A broker failure (no broker redirect URI in the app registration, ...) is tried once
        more in the browser, and remembered for this client id (desktop.auth.broker).
        """
        self.sign_in_note = ""
        app = self._app(self._sign_in_tenant)
        if self._use_broker:
            outcome = self._call(
                lambda: broker.sign_in(
                    app, self.partner_center_scope, login_hint, window_handle, on_browser
                ),
                "Sign-in",
            )
            reason = broker.failure(outcome)
            if reason is None and isinstance(outcome, Mapping):
                if broker.cancelled(outcome):
                    raise errors.cancelled()
                if broker.offline(outcome):
                    raise errors.offline()
                return self._finish(app, outcome)
            log.warning("the Windows broker failed (%s): signing in in the browser", reason)
            broker.remember_failure(self.client_id, reason or "the broker failed")
            self._use_broker = False
            with self._apps_lock:
                self._apps.clear()  # every later application goes without the broker
            self.sign_in_note = errors.BROWSER_INSTEAD_OF_BROKER
            app = self._app(self._sign_in_tenant)
        result = self._call(
            lambda: app.acquire_token_interactive(
                [self.partner_center_scope],
                prompt="select_account",
                login_hint=login_hint or None,
                timeout=timeout_s,
                on_before_launching_ui=(lambda **_: on_browser()) if on_browser else None,
            ),
            "Sign-in",
        )
        return self._finish(app, result)

    def start_device_flow(self) -> DeviceCode:
        """Ask for a device code (for machines whose browser cannot reach localhost)."""
        app = self._app(self._sign_in_tenant)
        flow = self._call(lambda: app.initiate_device_flow([self.partner_center_scope]), "Sign-in")
        if "user_code" not in flow:
            raise errors.from_msal_result(flow, "Starting the device code sign-in")
        return DeviceCode(
            user_code=str(flow["user_code"]),
            verification_uri=str(flow.get("verification_uri", "")),
            message=str(flow.get("message", "")),
            expires_at=float(flow.get("expires_at", 0)),
            flow=flow,
        )

    def complete_device_flow(
        self, code: DeviceCode, cancel: threading.Event | None = None
    ) -> Account:
        """Wait (polling, as MSAL does) until the user entered the code, or cancel/expiry."""
        app = self._app(self._sign_in_tenant)
        flow = dict(code.flow)

        def stop(current: Mapping[str, Any]) -> bool:
            expired = float(current.get("expires_at", 0)) < time.time()
            return expired or (cancel is not None and cancel.is_set())

        result = self._call(
            lambda: app.acquire_token_by_device_flow(flow, exit_condition=stop), "Sign-in"
        )
        if cancel is not None and cancel.is_set():
            raise errors.cancelled()
        return self._finish(app, result)

    def sign_out(self) -> None:
        """Forget the account and every token it has in the cache (all tenants)."""
        account = self._account
        if account is None:
            accounts = self._app(self._sign_in_tenant).get_accounts()
            account = accounts[0] if accounts else None
        if account is not None:
            self._app(self._sign_in_tenant).remove_account(account)
        self._account = None
        self.clear()
        self._flush()

    # -- tokens ------------------------------------------------------------------------------

    def invalidate(self, scope: str, tenant: str | None, token: str) -> None:
        # MSAL would hand back the same cached token: the next acquisition must skip it.
        self._force_refresh.add(self._key(scope, tenant))
        super().invalidate(scope, tenant, token)

    def _acquire(self, scope: str, tenant: str) -> tuple[str, float]:
        if self._account is None:
            raise errors.signed_out()
        force = (tenant, scope) in self._force_refresh
        self._force_refresh.discard((tenant, scope))
        customer = tenant not in (self._home_tenant.lower(), self._sign_in_tenant.lower())
        if customer:
            # A sweep redeems a token per customer: MSAL's Python for each (the application,
            # the answer, the cache) behind the CPU gate; our HTTP client lets the gate go
            # while it waits on the network (one passed in by a test does not: no gate then).
            gated = self._own_http is not None and self._http_client is self._own_http
            with cpu_work() if gated else contextlib.nullcontext():
                refresh_token = self._refresh_token()
                if refresh_token is not None:
                    return self._redeem(refresh_token, scope, tenant)
        app = self._app(tenant)
        result = self._call(
            lambda: app.acquire_token_silent_with_error(
                [scope], self._account, force_refresh=force
            ),
            "Getting a token",
        )
        if not result:
            if self._account.get("account_source") == "broker":
                raise self._broker_kept_the_sign_in()
            # No refresh token at all: the cache was cleared behind our back.
            raise errors.signed_out()
        if "access_token" not in result:
            customer = tenant not in (self._home_tenant.lower(), self._sign_in_tenant.lower())
            raise errors.from_msal_result(result, "Getting a token", customer_tenant=customer)
        expires_in = float(result.get("expires_in") or 0)
        return str(result["access_token"]), self._clock() + expires_in

    def _broker_kept_the_sign_in(self) -> AuthError:
        """Signed in through the broker, which keeps the refresh token to itself: tokens for
        customer tenants (GDAP, which go without the broker: API.md section 1) and for the
        partner's own tenant by id have nothing to redeem. Remembered like a broker failure,
        so the next sign-in goes to the browser instead of ending here again."""
        log.warning("the Windows broker kept the refresh token: the browser is used next time")
        broker.remember_failure(self.client_id, "the broker keeps the refresh token GDAP needs")
        return errors.broker_kept_the_sign_in()

    def _refresh_token(self) -> str | None:
        """The signed-in account's refresh token from MSAL's cache (None with the broker,
        which keeps it to itself)."""
        if self._account is None:
            return None
        query = {"home_account_id": self._account.get("home_account_id")}
        for entry in self._msal_cache.search(
            msal.TokenCache.CredentialType.REFRESH_TOKEN, query=query
        ):
            secret = entry.get("secret")
            if isinstance(secret, str) and secret:
                return secret
        return None

    def _redeem(self, refresh_token: str, scope: str, tenant: str) -> tuple[str, float]:
        """A customer tenant's token: the partner's refresh token redeemed at the customer's
        authority (GDAP, API.md section 1).

        Not through MSAL's silent lookup: a lookup that misses scans every access token in
        the cache (msal/token_cache.py, `search`), so a sweep over n customers cost O(n^2)
        of the GIL. The token still lands in
        MSAL's cache (kept across runs); `preload` reads them all back in one pass.
        """
        # A new application for each redemption, not kept: one kept per tenant lives as long as
        # its token (an hour), and thousands of them filled memory and kept the collector busy.
        app = self._new_app(tenant)
        result = self._call(
            lambda: app.acquire_token_by_refresh_token(refresh_token, [scope]),
            "Getting a token",
        )
        if "access_token" not in result:
            raise errors.from_msal_result(result, "Getting a token", customer_tenant=True)
        expires_in = float(result.get("expires_in") or 0)
        return str(result["access_token"]), self._clock() + expires_in

    def preload(self) -> int:
        """Every unexpired access token in MSAL's cache into ours, in one pass: a sweep after a
        restart then asks MSAL for nothing it already has. Returns how many were taken."""
        if self._account is None:
            return 0
        home = self._account.get("home_account_id")
        now = self._clock()
        taken = 0
        wanted = {
            self.cloud.graph_resource.rstrip("/"): self.cloud.graph_scope,
            self.cloud.partner_center_resource.rstrip("/"): self.cloud.partner_center_scope,
        }
        for entry in self._msal_cache.search(
            msal.TokenCache.CredentialType.ACCESS_TOKEN, query={"home_account_id": home}
        ):
            try:
                expires_at = float(entry.get("expires_on", 0))
                tenant = str(entry.get("realm") or "").lower()
                targets = str(entry.get("target") or "").split()
                secret = str(entry.get("secret") or "")
            except (TypeError, ValueError):
                continue
            # Every scope of a token names one resource: `{resource}/{permission}`.
            resources = {t.rsplit("/", 1)[0].rstrip("/") for t in targets if "/" in t}
            if len(resources) != 1 or not tenant or not secret:
                continue
            scope = wanted.get(resources.pop())
            if scope is None or expires_at - self.REFRESH_MARGIN_S <= now:
                continue
            self.store(scope, tenant, secret, expires_at)
            taken += 1
        return taken

    def close(self) -> None:
        """Write the token cache's last changes; close the HTTP client made for MSAL here."""
        self._flush()
        if self._own_http is not None:
            self._own_http.close()

    def _flush(self) -> None:
        flush = getattr(self._msal_cache, "flush", None)  # a cache at rest writes behind
        if callable(flush):
            flush()

    def forget_tenant(self, tenant: str) -> None:
        """Start afresh for `tenant` after something changed there (the app was consented).

        MSAL remembers a refused token request for 60 s and answers the same request from that
        memory (msal/throttled_http_client.py, "UI required cache"), per application object:
        a new one for the tenant asks Entra again.
        """
        key = tenant.lower()
        with self._apps_lock:
            self._apps.pop(key, None)
        self._force_refresh = {k for k in self._force_refresh if k[0] != key}
        super().forget_tenant(tenant)

    # -- internals ---------------------------------------------------------------------------

    def _app(self, tenant: str) -> msal.PublicClientApplication:
        """One application per authority tenant, all sharing the token cache.

        Made outside the lock: MSAL reads the tenant's discovery document while it builds one,
        and a sweep's threads must not queue behind each other's round trips for it.
        """
        with self._apps_lock:
            app = self._apps.get(tenant)
        if app is not None:
            return app
        app = self._new_app(tenant)
        with self._apps_lock:
            return self._apps.setdefault(tenant, app)

    def _new_app(self, tenant: str) -> msal.PublicClientApplication:
        authority = f"{self.cloud.authority_host}/{tenant}"
        # Our HTTP client (timeouts, pool size, the CPU gate's network waits) or a test's.
        kwargs: dict[str, Any] = {"token_cache": self._msal_cache, "http_client": self._http_client}
        if self.cloud.id == "sandbox":
            # Microsoft's instance discovery knows only Microsoft's hosts, not the sandbox.
            kwargs["instance_discovery"] = False
        if self._use_broker and tenant == self._sign_in_tenant:
            # The broker signs the partner in; customer-tenant (GDAP) tokens through it are
            # reported broken (API.md section 1), so those apps go without it.
            kwargs.update(broker.APP_OPTIONS)
        app: msal.PublicClientApplication = self._call(
            lambda: msal.PublicClientApplication(self.client_id, authority=authority, **kwargs),
            "Getting a token",
        )
        return app

    def _finish(self, app: msal.PublicClientApplication, result: Mapping[str, Any]) -> Account:
        if "access_token" not in result:
            raise errors.from_msal_result(result)
        claims = result.get("id_token_claims") or {}
        username = str(claims.get("preferred_username") or "")
        accounts = app.get_accounts(username=username or None) or app.get_accounts()
        if not accounts:
            raise AuthError("Sign-in returned no account.", "no_account", "Sign in again.")
        return self._signed_in(accounts[0], result)

    def _signed_in(self, account: dict[str, Any], result: Mapping[str, Any]) -> Account:
        self._account = account
        signed = Account.from_msal(account)
        if signed.tenant_id:
            self._home_tenant = signed.tenant_id
        expires_in = float(result.get("expires_in") or 0)
        # Seed our cache with the Partner Center token we just got: no second request for it.
        self.clear()
        self.preload()
        self._cache_token(self.partner_center_scope, signed.tenant_id, result, expires_in)
        self._flush()  # a new sign-in is on disk at once: a crash now must not lose it
        log.info("signed in to %s as %s", self.cloud.id, signed.username or "(unknown user)")
        return signed

    def _cache_token(
        self, scope: str, tenant: str, result: Mapping[str, Any], expires_in: float
    ) -> None:
        if tenant and result.get("access_token"):
            self.store(scope, tenant, str(result["access_token"]), self._clock() + expires_in)

    @staticmethod
    def _call(fn: Callable[[], Any], doing: str) -> Any:
        """Run an MSAL call; network failures become an `AuthError` the user can act on."""
        try:
            return fn()
        except requests.exceptions.SSLError as error:
            if certificate_rejected(error):
                log.warning("%s: the certificate was not trusted (%s)", doing, error)
                raise errors.untrusted_certificate(doing) from None
            # A handshake cut short (the server went away): no connection, not distrust.
            log.warning("%s: the secure connection broke (%s)", doing, type(error).__name__)
            raise errors.offline(doing) from None
        except requests.exceptions.Timeout as error:
            log.warning("%s timed out: %s", doing, type(error).__name__)
            raise errors.offline(doing) from None
        except requests.exceptions.ConnectionError as error:
            log.warning("%s: no connection (%s)", doing, type(error).__name__)
            raise errors.offline(doing) from None
        except ValueError as error:
            # MSAL raises ValueError for an authority it cannot use (wrong cloud or tenant).
            text = str(error)
            log.warning("%s failed: %s", doing, text)
            if "tenant" in text.lower() or "authority" in text.lower():
                raise AuthError(
                    "The sign-in service did not recognise this tenant or cloud.",
                    "wrong_cloud",
                    "Check the cloud and tenant in Settings.",
                ) from None
            raise
