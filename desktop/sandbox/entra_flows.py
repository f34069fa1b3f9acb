"""The pending sign-ins of the sandbox's Entra: device codes and authorization codes.

Device code flow: learn.microsoft.com/entra/identity-platform/v2-oauth2-device-code (the codes,
their 15-minute life, and the polling errors authorization_pending, expired_token,
bad_verification_code). Authorization codes: v2-oauth2-auth-code-flow (about 10 minutes,
single use, bound to the client and redirect URI, PKCE per RFC 7636).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import string
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from desktop.sandbox import entra_wire as w

DEVICE_CODE_LIFETIME_S = 900
AUTH_CODE_LIFETIME_S = 600
_KEEP_EXPIRED_S = 3600  # how long an expired code still answers expired_token, not unknown


@dataclass
class _DeviceFlow:
    device_code: str
    user_code: str
    client_id: str
    scope: str
    expires_at: float
    approved: bool = False


@dataclass
class _AuthCode:
    client_id: str
    redirect_uri: str
    scope: str
    challenge: str
    method: str
    nonce: str
    expires_at: float
    used: bool = False


def pkce_ok(challenge: str, method: str, verifier: str) -> bool:
    """RFC 7636 section 4.6: S256 compares base64url(sha256(verifier)); plain, the verifier."""
    if method == "S256":
        digest = hashlib.sha256(verifier.encode("utf-8")).digest()
        verifier = base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")
    return hmac.compare_digest(verifier.encode("utf-8"), challenge.encode("utf-8"))


def _user_code() -> str:
    return "".join(secrets.choice(string.ascii_uppercase) for _ in range(8))


class Flows:
    """Thread-safe store of device codes and authorization codes."""

    def __init__(self, clock: Callable[[], float] = time.time) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._devices: dict[str, _DeviceFlow] = {}
        self._user_codes: dict[str, str] = {}
        self._codes: dict[str, _AuthCode] = {}

    def _forget_old(self, now: float) -> None:
        for code, flow in list(self._devices.items()):
            if flow.expires_at + _KEEP_EXPIRED_S < now:
                del self._devices[code]
                self._user_codes.pop(flow.user_code, None)
        for code, grant in list(self._codes.items()):
            if grant.expires_at + _KEEP_EXPIRED_S < now:
                del self._codes[code]

    # -- device codes -------------------------------------------------------------------------

    def new_device_flow(self, client_id: str, scope: str, approved: bool) -> tuple[str, str]:
        """(device_code, user_code) for a new device flow, approved already or not."""
        now = self._clock()
        with self._lock:
            self._forget_old(now)
            user_code = _user_code()
            while user_code in self._user_codes:
                user_code = _user_code()
            flow = _DeviceFlow(
                secrets.token_urlsafe(48),
                user_code,
                client_id,
                scope,
                now + DEVICE_CODE_LIFETIME_S,
                approved,
            )
            self._devices[flow.device_code] = flow
            self._user_codes[user_code] = flow.device_code
        return flow.device_code, user_code

    def approve(self, typed: str) -> str | None:
        """The user entered a code at /devicelogin: None if it signed them in, else why not."""
        wanted = "".join(ch for ch in typed.upper() if ch.isalnum())
        with self._lock:
            flow = self._devices.get(self._user_codes.get(wanted, ""))
            if flow is None:
                return "That code didn't work. Check the code and try again."
            if flow.expires_at <= self._clock():
                return "That code has expired. Go back to the app and start signing in again."
            flow.approved = True
        return None

    def redeem_device_code(self, device_code: str, client_id: str) -> str | w.EntraError:
        """The scope the flow asked for, once the user approved it; else Entra's polling error."""
        with self._lock:
            flow = self._devices.get(device_code)
            if flow is None or flow.client_id != client_id:
                return w.EntraError(
                    400,
                    "bad_verification_code",
                    70018,
                    "Invalid verification code: the device code is not known or was already "
                    "used. Start signing in again.",
                )
            if flow.expires_at <= self._clock():
                return w.EntraError(400, "expired_token", 70019, "Verification code expired.")
            if not flow.approved:
                return w.EntraError(
                    400,
                    "authorization_pending",
                    70016,
                    "OAuth 2.0 device flow error. Authorization is pending. Continue polling.",
                )
            del self._devices[device_code]
            self._user_codes.pop(flow.user_code, None)
            return flow.scope

    def expire_device_codes(self) -> None:
        with self._lock:
            for flow in self._devices.values():
                flow.expires_at = min(flow.expires_at, self._clock() - 1)

    # -- authorization codes ----------------------------------------------------------------

    def new_auth_code(
        self,
        client_id: str,
        redirect_uri: str,
        scope: str,
        challenge: str,
        method: str,
        nonce: str,
    ) -> str:
        code = secrets.token_urlsafe(48)
        now = self._clock()
        with self._lock:
            self._forget_old(now)
            self._codes[code] = _AuthCode(
                client_id,
                redirect_uri,
                scope,
                challenge,
                method,
                nonce,
                now + AUTH_CODE_LIFETIME_S,
            )
        return code

    def redeem_auth_code(self, form: dict[str, str]) -> tuple[str, str] | w.EntraError:
        """(scope, nonce) for a good code redemption, else Entra's refusal. A code is used up
        by its first redemption by its client, good or bad, as a leaked code should be."""
        with self._lock:
            grant = self._codes.get(form.get("code", ""))
            if grant is None or grant.expires_at <= self._clock():
                return w.EntraError(
                    400,
                    "invalid_grant",
                    70008,
                    "The provided authorization code or refresh token has expired due to "
                    "inactivity. Send a new interactive authorization request for this user "
                    "and resource.",
                )
            if grant.used:
                return w.EntraError(
                    400,
                    "invalid_grant",
                    54005,
                    "OAuth2 Authorization code was already redeemed, please retry with a new "
                    "valid code or use an existing refresh token.",
                )
            if grant.client_id != form.get("client_id"):
                return w.EntraError(
                    400, "invalid_grant", 70000, "Provided grant is invalid or malformed."
                )
            grant.used = True
        if grant.redirect_uri != form.get("redirect_uri", ""):
            return w.EntraError(
                400,
                "invalid_grant",
                70000,
                "Provided grant is invalid or malformed. The redirect_uri does not match the "
                "one the authorization code was issued for.",
            )
        if grant.challenge and not pkce_ok(
            grant.challenge, grant.method, form.get("code_verifier", "")
        ):
            return w.EntraError(
                400,
                "invalid_grant",
                501481,
                "The Code_Verifier does not match the code_challenge supplied in the "
                "authorization request.",
            )
        return form.get("scope") or grant.scope, grant.nonce
