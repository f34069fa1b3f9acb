"""Signing in to a sandbox: the same MSAL code as for Microsoft's clouds. No Qt.

The sandbox emulates Entra ID over TLS (DESIGN.md "Sign-in and consent"): Partner Desk signs in
to it with `MsalProvider` like to any cloud, as the sandbox's app registration
(`SANDBOX_CLIENT_ID`). The embedded sandbox approves device codes as they are issued, so the
default start asks nothing; later starts are silent from the token cache.

Its tokens are kept apart from real accounts, in a plain file readable only by the user: they
are worth nothing outside a sandbox on this machine, and an OS keychain prompt for a demo
would only confuse. One file per sandbox *identity* (its signing key), so a sandbox that was
restarted with a new key starts a fresh sign-in instead of sending tokens it no longer accepts.
The embedded sandbox's key is kept in the data folder (`signing_key`) for that reason.
"""

from __future__ import annotations

import hashlib
import logging
import os
import secrets
import stat
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.auth.base import AuthError
from desktop.auth.transport import CertificateError, fetch_loopback_ca, is_loopback
from desktop.config.clouds import SANDBOX_CLIENT_ID, sandbox_profile

if TYPE_CHECKING:
    from desktop.auth.msal_provider import DeviceCode, MsalProvider

log = logging.getLogger(__name__)

SIGNING_KEY_BYTES = 32
_KEY_FILE = "signing.key"


def _private_dir(directory: Path) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    if os.name == "posix":
        os.chmod(directory, stat.S_IRWXU)
    return directory


def signing_key(directory: Path) -> bytes:
    """The embedded sandbox's token-signing key, made once and kept (0600) in `directory`."""
    path = _private_dir(directory) / _KEY_FILE
    try:
        key = path.read_bytes()
        if len(key) == SIGNING_KEY_BYTES:
            return key
        log.warning("the sandbox's signing key was damaged; making a new one")
    except FileNotFoundError:
        pass
    key = secrets.token_bytes(SIGNING_KEY_BYTES)
    temporary = path.with_name(f".{_KEY_FILE}.{secrets.token_hex(4)}")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.write(fd, key)
    finally:
        os.close(fd)
    os.replace(temporary, path)
    return key


def key_identity(key: bytes) -> str:
    """What names a sandbox's token cache: a digest of its signing key, never the key. The
    sandbox publishes the same digest as `keyId` (and as its tokens' `kid`)."""
    return hashlib.sha256(b"kid:" + key).hexdigest()[:16]


def sandbox_ca(url: str) -> bytes | None:
    """The CA to pin for the sandbox at `url`: fetched from it on loopback; None elsewhere
    (a sandbox on another host must have a certificate the system trusts). Blocks."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    if parts.scheme != "https":
        secure = "https://" + url.split("://", 1)[-1]
        raise AuthError(
            f"Signing in to a sandbox needs https, not {url}.",
            "sandbox_plain_http",
            f"Use {secure}, as `python -m desktop.sandbox` prints it (unless it was started "
            "with --no-tls, which no sign-in can use).",
        )
    if not is_loopback(parts.hostname):
        return None
    try:
        return fetch_loopback_ca(url)
    except CertificateError as error:
        raise AuthError(str(error), "offline", "Check that the sandbox is running.") from None


def sandbox_identity(url: str, ca_pem: bytes | None) -> str:
    """The sandbox's `keyId` from `/_sandbox/info`, else a digest of its address. Blocks."""
    from desktop.auth.transport import msal_http_client

    client = msal_http_client(url, ca_pem)
    try:
        reply = client.get(url.rstrip("/") + "/_sandbox/info")
        info = reply.json() if reply.status_code == 200 else {}
        key_id = info.get("keyId") if isinstance(info, dict) else None
    except (OSError, ValueError) as error:  # requests' errors are OSErrors
        log.info("the sandbox's identity could not be read: %s", type(error).__name__)
        key_id = None
    finally:
        client.close()
    if isinstance(key_id, str) and key_id.isalnum() and len(key_id) <= 64:
        return key_id
    return hashlib.sha256(url.rstrip("/").lower().encode()).hexdigest()[:16]


def token_cache(directory: Path, identity: str) -> Any:
    """The sandbox's MSAL token cache: a private file per sandbox identity."""
    from desktop.auth.cache import _private_file, _steady_cache

    try:
        location = _private_dir(directory) / f"tokens-{identity}.json"
        return _steady_cache(_private_file(location))
    except OSError as error:
        # A data folder that cannot be written (read-only, full): signed in for this run only.
        import msal

        log.warning("the sandbox's sign-in is kept in memory: %s", error.strerror or error)
        return msal.SerializableTokenCache()


def sign_in(
    url: str,
    *,
    ca_pem: bytes | None,
    directory: Path,
    identity: str | None = None,
    on_device_code: Callable[[DeviceCode], None] | None = None,
    cancel: threading.Event | None = None,
    silent: bool = False,
) -> MsalProvider:
    """A provider signed in to the sandbox at `url`: silently from the cache when it can,
    else by device code (approved at once by an embedded or `--auto-approve` sandbox; shown
    through `on_device_code` otherwise), unless `silent` (the sweep engine's process, which
    has nobody to show a code to): then AuthError. Blocks: worker threads only."""
    from desktop.auth.msal_provider import MsalProvider

    identity = identity or sandbox_identity(url, ca_pem)
    provider = MsalProvider(
        sandbox_profile(url),
        SANDBOX_CLIENT_ID,
        tenant="organizations",
        token_cache=token_cache(directory, identity),
        use_broker=False,
        ca_pem=ca_pem,
    )
    try:
        try:
            if provider.restore() is not None:
                return provider
        except AuthError as error:  # a revoked or expired session: sign in again
            if error.code in ("offline", "untrusted_certificate"):
                raise
            log.info("the sandbox's saved sign-in did not work (%s): signing in again", error.code)
        if silent:
            raise AuthError("No saved sign-in to the sandbox.", "interaction_required")
        code = provider.start_device_flow()
        if on_device_code is not None:
            on_device_code(code)
        provider.complete_device_flow(code, cancel)
    except BaseException:
        provider.close()
        raise
    return provider
