"""Who signs in to the sandbox, and the tokens Entra gives them.

One user, `sandbox.engineer@contoso-partner.example`, in the partner tenant. Tokens follow
Entra's shapes: access tokens as in learn.microsoft.com/entra/identity-platform/
access-token-claims-reference (v1.0 tokens, which Partner Center and Graph receive), id tokens
as in id-token-claims-reference, `client_info` as MSAL reads it, and the token response of
v2-oauth2-auth-code-flow#successful-response-2. Where the user may get a token for which
scopes follows the GDAP and consent rules of API.md sections 1 and 4 (consent.py holds them).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from desktop.config.clouds import GRAPH_GLOBAL_RESOURCE, PARTNER_CENTER_RESOURCE
from desktop.sandbox import catalog
from desktop.sandbox import entra_wire as w
from desktop.sandbox.consent import NO_GDAP, NO_SERVICE_PRINCIPAL
from desktop.sandbox.customers import Customer
from desktop.sandbox.data import Dataset
from desktop.sandbox.tokens import Signer, b64json, sign_jwt

USER_UPN = "sandbox.engineer@contoso-partner.example"
USER_NAME = "Sandbox Engineer"
# Entra's refresh tokens live 90 days unused (learn.microsoft.com/entra/identity-platform/
# refresh-tokens#token-lifetime); an older one is refused with AADSTS700082.
REFRESH_LIFETIME_S = 90 * 24 * 3600


@dataclass(frozen=True)
class User:
    oid: str
    upn: str
    name: str
    home_tenant: str


def sandbox_user(seed: int, home_tenant: str) -> User:
    """The signed-in partner user; their object id follows from the seed."""
    oid = str(uuid.uuid5(uuid.NAMESPACE_URL, f"partner-desk-sandbox:{seed}:{USER_UPN}"))
    return User(oid, USER_UPN, USER_NAME, home_tenant)


def all_scopes(resource: str) -> tuple[str, ...]:
    """Every delegated permission the sandbox knows for a resource (test tokens carry these)."""
    if resource.rstrip("/") == PARTNER_CENTER_RESOURCE:
        return catalog.PARTNER_CENTER_SCOPES
    return catalog.GRAPH_ROUTE_SCOPES


class TokenIssuer:
    def __init__(
        self,
        data: Dataset,
        key: bytes,
        lifetime_s: int = 3600,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.data = data
        self.user = sandbox_user(data.seed, data.partner_tenant_id)
        # The Graph permissions the app registration holds in the partner tenant (a partner
        # may have registered it without some: a knob for tests).
        self.partner_graph_scopes: tuple[str, ...] = catalog.PARTNER_GRAPH_SCOPES
        self.lifetime_s = lifetime_s
        self._key = key
        self._clock = clock
        # Refresh tokens are opaque to clients (as Entra's): a signed blob, with a key of its
        # own derived from the signing key, so a restart with the same key still redeems them.
        self._refresh = Signer(hmac.new(key, b"refresh-token", hashlib.sha256).digest())

    # -- tokens -------------------------------------------------------------------------------

    def access_token(
        self,
        tenant_id: str,
        audience: str,
        scopes: Sequence[str],
        *,
        client_id: str,
        lifetime_s: int | None = None,
        **extra: Any,
    ) -> str:
        now = int(self._clock())
        user = self.user
        claims: dict[str, Any] = {
            "aud": audience,
            "iss": f"https://sts.windows.net/{tenant_id}/",
            "iat": now,
            "nbf": now,
            "exp": now + (self.lifetime_s if lifetime_s is None else lifetime_s),
            "acr": "1",
            "amr": ["pwd", "mfa"],  # Partner Center requires MFA (API.md section 1)
            "appid": client_id,
            "appidacr": "0",  # a public client
            "azp": client_id,
            "idtyp": "user",
            "name": user.name,
            "oid": user.oid,
            "preferred_username": user.upn,
            "scp": " ".join(scopes),
            "sub": self._pairwise(audience),
            "tid": tenant_id,
            "unique_name": user.upn,
            "upn": user.upn,
            "uti": secrets.token_urlsafe(16),
            "ver": "1.0",
        }
        if tenant_id != user.home_tenant:
            # A GDAP sign-in into a customer: the identity provider is the partner's tenant.
            claims["idp"] = f"https://sts.windows.net/{user.home_tenant}/"
        claims.update(extra)
        return sign_jwt(claims, self._key)

    def _pairwise(self, audience: str) -> str:
        """`sub` is per application (pairwise), unlike `oid`."""
        raw = hashlib.sha256(f"{self.user.oid}|{audience}".encode()).digest()
        return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")

    def id_token(self, issuer_base: str, tenant_id: str, client_id: str, nonce: str | None) -> str:
        now = int(self._clock())
        claims: dict[str, Any] = {
            "aud": client_id,
            "iss": f"{issuer_base}/{tenant_id}/v2.0",
            "iat": now,
            "nbf": now,
            "exp": now + self.lifetime_s,
            "name": self.user.name,
            "oid": self.user.oid,
            "preferred_username": self.user.upn,
            "sub": self._pairwise(client_id),
            "tid": tenant_id,
            "uti": secrets.token_urlsafe(16),
            "ver": "2.0",
        }
        if nonce:
            claims["nonce"] = nonce
        return sign_jwt(claims, self._key)

    def refresh_token(self, client_id: str) -> str:
        issued = int(self._clock())
        return self._refresh.dumps(
            {"k": "rt", "u": self.user.oid, "c": client_id, "t": issued, "n": secrets.token_hex(8)}
        )

    def read_refresh_token(self, token: str, client_id: str) -> w.EntraError | None:
        """None if the refresh token is good for this client, else Entra's refusal."""
        value = self._refresh.loads(token)
        if value is None or value.get("k") != "rt" or value.get("u") != self.user.oid:
            return w.bad_refresh_token()
        if value.get("c") != client_id:
            return w.EntraError(
                400, "invalid_grant", 70000, "Provided grant is invalid or malformed."
            )
        issued = value.get("t")
        if not isinstance(issued, int) or self._clock() - issued > REFRESH_LIFETIME_S:
            when = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(float(issued or 0)))
            return w.EntraError(
                400,
                "invalid_grant",
                700082,
                f"The refresh token has expired due to inactivity. The token was issued on "
                f"{when}.0000000Z and was inactive for 90.00:00:00.",
            )
        return None

    # -- who gets what -----------------------------------------------------------------------

    def allowed(
        self, realm: Customer, ask: w.Ask, client_id: str
    ) -> tuple[str, ...] | w.EntraError:
        """The scopes granted to the user for `ask` in `realm`, or Entra's refusal."""
        if realm.index < 0:  # the partner's own tenant: the app registration's permissions
            granted: tuple[str, ...] = (
                catalog.PARTNER_CENTER_SCOPES
                if ask.resource == PARTNER_CENTER_RESOURCE
                else self.partner_graph_scopes
            )
        else:
            state = self.data.consents.state(realm.tenant_id)
            if state == NO_GDAP:
                return w.user_not_in_tenant(
                    self.user.upn, self.user.home_tenant, realm.company_name, client_id
                )
            if state == NO_SERVICE_PRINCIPAL:
                return w.app_not_found(client_id, realm.company_name)
            in_effect = self.data.consents.granted(realm.tenant_id)
            # Consent grants Graph permissions only; Partner Center has no grant in customers.
            granted = (in_effect or ()) if ask.resource == GRAPH_GLOBAL_RESOURCE else ()
        if not granted or not ask.named <= set(granted):
            return w.consent_required(client_id, catalog.APP_DISPLAY_NAME)
        return granted

    def token_response(
        self,
        realm: Customer,
        ask: w.Ask,
        granted: tuple[str, ...],
        *,
        client_id: str,
        issuer_base: str,
        nonce: str | None,
        client_info: bool,
    ) -> dict[str, Any]:
        """The token endpoint's 200 body: refresh token with offline_access, id token with
        openid, client_info when asked for (MSAL sends client_info=1)."""
        body: dict[str, Any] = {
            "token_type": "Bearer",
            "scope": ask.scope_text(granted),
            "expires_in": self.lifetime_s,
            "ext_expires_in": self.lifetime_s,
            "access_token": self.access_token(
                realm.tenant_id, ask.resource, granted, client_id=client_id
            ),
        }
        if "offline_access" in ask.oidc:
            body["refresh_token"] = self.refresh_token(client_id)
        if "openid" in ask.oidc:
            body["id_token"] = self.id_token(issuer_base, realm.tenant_id, client_id, nonce)
        if client_info:
            body["client_info"] = b64json({"uid": self.user.oid, "utid": self.user.home_tenant})
        return body
