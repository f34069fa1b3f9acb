"""Who the app works as: the sandbox, or a signed-in partner account in one cloud. No Qt.

The UI's one door to sign-in (it never imports desktop.auth): every method that talks to
Microsoft blocks, so the UI calls them through the worker. A sign-in is a `Session`
(desktop.services.session) without the local stores, which the window's holder adds.

msal is imported only by `_provider`, i.e. only once somebody signs in or a saved account is
restored: start-up in the sandbox never pays for it.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.auth import AuthError
from desktop.config.clouds import CLOUDS, get_cloud
from desktop.config.paths import data_dir, planned
from desktop.config.settings import Settings
from desktop.services.backend import Backend, Recipe
from desktop.services.session import Session
from desktop.store.cache import account_source

if TYPE_CHECKING:
    from desktop.auth.cache import CacheAtRest
    from desktop.auth.msal_provider import DeviceCode, MsalProvider

log = logging.getLogger(__name__)

__all__ = ["Accounts", "AuthError", "Session", "cloud_names"]


def restored_backend(
    *,
    cloud_id: str,
    client_id: str,
    tenant: str,
    account: str,
    folder: Path,
    allow_plaintext: bool,
    locale: str,
    concurrency: int,
) -> Backend:
    """The signed-in account's backend, restored silently from its token cache (the sweep
    engine's process: desktop.services.engine); AuthError when that needs the user."""
    settings = Settings(
        cloud=cloud_id,
        client_id=client_id,
        tenant=tenant,
        account=account,
        allow_plaintext_token_cache=allow_plaintext,
        concurrency=concurrency,
    )
    session = Accounts(settings, cache_dir=folder, locale=locale).restore()
    if session is None:
        raise AuthError("The saved sign-in could not be restored.", "interaction_required")
    return session.backend


def cloud_names() -> dict[str, str]:
    """Cloud id → name, for menus; the closed Germany cloud is listed so it can explain itself."""
    return {cloud.id: cloud.name for cloud in CLOUDS.values()}


class Accounts:
    def __init__(
        self,
        settings: Settings,
        cache_dir: Path | None = None,
        http_client: Any = None,
        locale: str = "en-US",
    ) -> None:
        self.settings = settings
        # The UI language, sent to Partner Center as X-Locale (desktop.config.i18n.wire_locale).
        self.locale = locale
        self._cache_dir = cache_dir
        self._http_client = http_client  # tests: MSAL's HTTP goes to a loopback Entra
        self._cache: CacheAtRest | None = None
        self._provider_key: tuple[str, str, str] | None = None
        self._msal: MsalProvider | None = None
        self._lock = threading.Lock()

    # -- the token store ---------------------------------------------------------------------

    def secure_store_available(self) -> bool:
        """Whether the OS credential store works here (blocks briefly: worker thread)."""
        cache = self._token_cache(allow_plaintext=False)
        from desktop.auth.cache import Protection

        return cache.protection is Protection.ENCRYPTED

    def _token_cache(self, allow_plaintext: bool) -> CacheAtRest:
        from desktop.auth.cache import Protection, open_token_cache

        with self._lock:
            if self._cache is None or (
                self._cache.protection is Protection.MEMORY and allow_plaintext
            ):
                self._cache = open_token_cache(self._folder(), lambda: allow_plaintext)
            return self._cache

    def _folder(self) -> Path:
        """Where the token cache is kept; named even when it cannot be made (a read-only or
        full disk), and the cache then lives in memory (desktop.auth.cache)."""
        if self._cache_dir is not None:
            return self._cache_dir
        try:
            return data_dir()
        except OSError:
            return planned("data")

    # -- sign-in -----------------------------------------------------------------------------

    def _provider(self, cloud_id: str, client_id: str, tenant: str) -> MsalProvider:
        from desktop.auth.msal_provider import MsalProvider

        key = (cloud_id, client_id.strip().lower(), tenant.strip().lower() or "organizations")
        cache = self._token_cache(bool(self.settings.allow_plaintext_token_cache))
        if self._msal is None or self._provider_key != key:
            self._msal = MsalProvider(
                get_cloud(cloud_id),
                client_id,
                tenant=key[2],
                token_cache=cache.cache,
                http_client=self._http_client,
                # Opt-in (Settings.use_windows_broker): None lets the provider use it where it
                # works and was not refused before; False keeps every sign-in in the browser.
                use_broker=None if self.settings.use_windows_broker else False,
            )
            self._provider_key = key
        return self._msal

    def _session(self, provider: MsalProvider, sign_in_note: str = "") -> Session:
        account = provider.account
        cache = self._token_cache(bool(self.settings.allow_plaintext_token_cache))
        from desktop.auth.cache import Protection

        backend = Backend(
            provider.cloud,
            provider,
            concurrency=self.settings.concurrency,
            locale=self.locale,
        )
        # The sweep engine's process signs in silently from the same token cache file; a cache
        # only in memory (or a test's loopback HTTP client) keeps the sweeps in this process.
        if (
            account is not None
            and cache.protection is not Protection.MEMORY
            and self._http_client is None
        ):
            backend.recipe = Recipe(
                restored_backend,
                (
                    ("cloud_id", provider.cloud.id),
                    ("client_id", self._provider_key[1] if self._provider_key else ""),
                    ("tenant", self._provider_key[2] if self._provider_key else ""),
                    ("account", account.username),
                    ("folder", self._folder()),
                    ("allow_plaintext", bool(self.settings.allow_plaintext_token_cache)),
                    ("locale", self.locale),
                    ("concurrency", self.settings.concurrency),
                ),
            )
        return Session(
            backend=backend,
            mode=provider.cloud.id,
            account=account.username if account else "",
            storage_note="" if cache.protection is Protection.ENCRYPTED else cache.description,
            sign_in_note=sign_in_note,
            source=account_source(provider.cloud.id, provider.home_tenant),
        )

    def restore(self) -> Session | None:
        """The saved account, signed in silently; None when there is none (or it needs a UI)."""
        s = self.settings
        if s.cloud == "sandbox" or not s.client_id or not s.account:
            return None
        provider = self._provider(s.cloud, s.client_id, s.tenant)
        if provider.restore(s.account) is None:
            return None
        return self._session(provider)

    def sign_in_interactive(
        self, cloud_id: str, client_id: str, tenant: str, window_handle: int | None = None
    ) -> Session:
        provider = self._provider(cloud_id, client_id, tenant)
        provider.sign_in_interactive(window_handle=window_handle)
        return self._session(provider, provider.sign_in_note)

    def start_device_flow(self, cloud_id: str, client_id: str, tenant: str) -> DeviceCode:
        return self._provider(cloud_id, client_id, tenant).start_device_flow()

    def complete_device_flow(self, code: DeviceCode, cancel: threading.Event) -> Session:
        if self._msal is None:
            raise AuthError("Start the device code sign-in first.", "internal")
        self._msal.complete_device_flow(code, cancel)
        return self._session(self._msal)

    def sign_out(self) -> None:
        """Forget the account and its tokens; the settings keep cloud and client id."""
        if self._msal is not None:
            self._msal.sign_out()
            log.info("signed out of %s", self._msal.cloud.id)
        self._msal = None
        self._provider_key = None
