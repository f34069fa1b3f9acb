"""Entra ID's wire shapes: its error bodies and how it reads the `scope` parameter.

Error body: https://learn.microsoft.com/entra/identity-platform/reference-error-codes ("Handling
error codes in your application") and the error responses of
https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow: `error`,
`error_description` ("AADSTSnnnn: text" then trace, correlation and timestamp lines),
`error_codes`, `timestamp`, `trace_id`, `correlation_id`, `error_uri`, and `suberror` where
Entra sends one (consent_required with 65001; MSAL copies it into `classification`:
https://learn.microsoft.com/entra/msal/python/advanced/msal-error-handling-python).
The AADSTS numbers and texts are those of the error reference above.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone

from desktop.config.clouds import GRAPH_GLOBAL_RESOURCE, PARTNER_CENTER_RESOURCE
from desktop.sandbox import responses as r

# The OpenID Connect scopes Entra accepts beside one resource's scopes
# (learn.microsoft.com/entra/identity-platform/scopes-oidc#openid-connect-scopes).
OIDC_SCOPES = frozenset({"openid", "profile", "offline_access", "email"})
RESOURCES = (PARTNER_CENTER_RESOURCE, GRAPH_GLOBAL_RESOURCE)
DEFAULT = ".default"
IMPERSONATION = "user_impersonation"
_PERMISSION = re.compile(r"^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z0-9]+)+$")  # e.g. Sites.Read.All


def _entra_time(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%SZ")  # Entra writes "2026-11-20 12:00:00Z"


@dataclass(frozen=True)
class EntraError:
    status: int
    error: str  # the OAuth 2.0 error code: invalid_grant, unauthorized_client, ...
    code: int  # the AADSTS number
    message: str  # the text after "AADSTSnnnn: "
    suberror: str | None = None

    def body(self, correlation_id: str | None, trace_id: str) -> dict[str, object]:
        now = _entra_time(datetime.now(timezone.utc))
        correlation = correlation_id or str(uuid.uuid4())
        body: dict[str, object] = {
            "error": self.error,
            "error_description": (
                f"AADSTS{self.code}: {self.message}\r\nTrace ID: {trace_id}\r\n"
                f"Correlation ID: {correlation}\r\nTimestamp: {now}"
            ),
            "error_codes": [self.code],
            "timestamp": now,
            "trace_id": trace_id,
            "correlation_id": correlation,
            "error_uri": f"https://login.microsoftonline.com/error?code={self.code}",
        }
        if self.suberror:
            body["suberror"] = self.suberror
        return body

    def response(self, correlation_id: str | None, trace_id: str) -> r.Response:
        return r.json_response(self.status, self.body(correlation_id, trace_id))


def tenant_not_found(name: str) -> EntraError:
    return EntraError(
        400,
        "invalid_request",
        90002,
        f"Tenant '{name}' not found. Check to make sure you have the correct tenant ID and are "
        "signing into the correct cloud. Check with your subscription administrator, this may "
        "happen if there are no active subscriptions for the tenant.",
    )


def missing_parameter(name: str) -> EntraError:
    return EntraError(
        400,
        "invalid_request",
        900144,
        f"The request body must contain the following parameter: '{name}'.",
    )


def app_not_found(client_id: str, directory: str) -> EntraError:
    return EntraError(
        400,
        "unauthorized_client",
        700016,
        f"Application with identifier '{client_id}' was not found in the directory "
        f"'{directory}'. This can happen if the application has not been installed by the "
        "administrator of the tenant or consented to by any user in the tenant. You may have "
        "sent your authentication request to the wrong tenant.",
    )


def consent_required(client_id: str, app_name: str) -> EntraError:
    return EntraError(
        400,
        "invalid_grant",
        65001,
        f"The user or administrator has not consented to use the application with ID "
        f"'{client_id}' named '{app_name}'. Send an interactive authorization request for this "
        "user and resource.",
        suberror="consent_required",
    )


def user_not_in_tenant(upn: str, home_tid: str, directory: str, client_id: str) -> EntraError:
    return EntraError(
        400,
        "invalid_grant",
        50020,
        f"User account '{upn}' from identity provider 'https://sts.windows.net/{home_tid}/' "
        f"does not exist in tenant '{directory}' and cannot access the application "
        f"'{client_id}'(Partner Desk) in that tenant. The account needs to be added as an "
        "external user in the tenant first. Sign out and sign in again with a different Azure "
        "Active Directory user account.",
    )


def invalid_scope(scope: str, why: str = "") -> EntraError:
    return EntraError(
        400,
        "invalid_scope",
        70011,
        "The provided request must include a 'scope' input parameter. The provided value for "
        f"the input parameter 'scope' is not valid. The scope {scope} is not valid.{why}",
    )


def bad_refresh_token() -> EntraError:
    return EntraError(
        400, "invalid_grant", 9002313, "Invalid request. Request is malformed or invalid."
    )


@dataclass(frozen=True)
class Ask:
    """What a `scope` parameter asks for: one resource, its permissions, and OIDC scopes."""

    resource: str
    permissions: tuple[str, ...]  # (".default",), ("user_impersonation",) or Graph names
    oidc: frozenset[str]

    @property
    def named(self) -> frozenset[str]:
        """The permissions asked for by name (what `.default` and impersonation do not say)."""
        return frozenset(p for p in self.permissions if p not in (DEFAULT, IMPERSONATION))

    def scope_text(self, granted: tuple[str, ...]) -> str:
        """The response's `scope`: what was granted, resource-qualified, plus `.default` when
        asked for so that MSAL finds the token again under the scope it asked with."""
        names = [f"{self.resource}/{g}" for g in granted]
        if DEFAULT in self.permissions:
            names.append(f"{self.resource}/{DEFAULT}")
        return " ".join([*names, *sorted(self.oidc - {"offline_access"})])


def parse_scope(text: str) -> Ask | EntraError:
    """Entra's reading of `scope` (learn.microsoft.com/entra/identity-platform/
    scopes-oidc#the-default-scope): OIDC scopes plus the scopes of ONE resource, `.default`
    alone or named permissions. Nothing but OIDC scopes means Microsoft Graph."""
    words = text.split()
    if not words:
        return missing_parameter("scope")
    oidc = frozenset(w.lower() for w in words if w.lower() in OIDC_SCOPES)
    resource_scopes = [w for w in words if w.lower() not in OIDC_SCOPES]
    resources: set[str] = set()
    permissions: list[str] = []
    for scope in resource_scopes:
        base, _, permission = scope.rpartition("/")
        resource = base.rstrip("/").lower()
        if resource not in RESOURCES or not permission:
            return invalid_scope(scope)
        if resource == PARTNER_CENTER_RESOURCE and permission not in (DEFAULT, IMPERSONATION):
            return invalid_scope(scope)
        graph_name = resource == GRAPH_GLOBAL_RESOURCE and permission != DEFAULT
        if graph_name and not _PERMISSION.match(permission):
            return invalid_scope(scope)
        resources.add(resource)
        permissions.append(permission)
    if len(resources) > 1:
        return EntraError(
            400,
            "invalid_request",
            28000,
            "Provided value for the input parameter scope is not valid because it contains "
            "more than one resource. Scope " + " ".join(resource_scopes) + " is not valid.",
        )
    if DEFAULT in permissions and len(permissions) > 1:
        return invalid_scope(text, " The .default scope can't be combined with other scopes.")
    resource = resources.pop() if resources else GRAPH_GLOBAL_RESOURCE
    return Ask(resource, tuple(permissions) or (DEFAULT,), oidc)


# fmt: off
CLAIMS_SUPPORTED = [
    "sub", "iss", "cloud_instance_name", "cloud_instance_host_name", "cloud_graph_host_name",
    "msgraph_host", "aud", "exp", "iat", "auth_time", "acr", "nonce", "preferred_username",
    "name", "tid", "ver", "at_hash", "c_hash", "email",
]
# fmt: on


def discovery_document(base_url: str, tenant_path: str, issuer_tenant: str) -> dict[str, object]:
    """Entra's OpenID configuration, field for field (https://learn.microsoft.com/entra/
    identity-platform/v2-protocols-oidc#sample-response), for the sandbox at `base_url`."""
    base = f"{base_url}/{tenant_path}"
    return {
        "token_endpoint": f"{base}/oauth2/v2.0/token",
        "token_endpoint_auth_methods_supported": [
            "client_secret_post",
            "private_key_jwt",
            "client_secret_basic",
        ],
        "jwks_uri": f"{base}/discovery/v2.0/keys",
        "response_modes_supported": ["query", "fragment", "form_post"],
        "subject_types_supported": ["pairwise"],
        # Entra signs RS256; the sandbox HS256 with its own key (tokens.py says why).
        "id_token_signing_alg_values_supported": ["HS256"],
        "response_types_supported": ["code", "id_token", "code id_token", "id_token token"],
        "scopes_supported": ["openid", "profile", "email", "offline_access"],
        "issuer": f"{base_url}/{issuer_tenant}/v2.0",
        "request_uri_parameter_supported": False,
        "userinfo_endpoint": "https://graph.microsoft.com/oidc/userinfo",
        "authorization_endpoint": f"{base}/oauth2/v2.0/authorize",
        "device_authorization_endpoint": f"{base}/oauth2/v2.0/devicecode",
        "http_logout_supported": True,
        "frontchannel_logout_supported": True,
        "end_session_endpoint": f"{base}/oauth2/v2.0/logout",
        "claims_supported": CLAIMS_SUPPORTED,
        "kerberos_endpoint": f"{base}/kerberos",
        "tenant_region_scope": "EU",
        "cloud_instance_name": "microsoftonline.com",
        "cloud_graph_host_name": "graph.windows.net",
        "msgraph_host": "graph.microsoft.com",
        "rbac_url": "https://pas.windows.net",
    }
