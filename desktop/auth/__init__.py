"""Token providers: who signs each call, per (tenant, scope). No Qt.

Partner Center calls use the partner's own token; Graph service-health calls use a token for the
*customer* tenant, acquired by the same account through GDAP (API.md section 1).

- `base`: the `TokenProvider` contract and the per-(tenant, scope) cache every provider shares.
- `msal_provider`: sign-in with MSAL, to Microsoft's clouds and to the sandbox's emulated Entra
  alike. Imported after the window's first paint, never before.
- `sandbox`: what signing in to a sandbox adds (its pinned CA, its own token cache).
- `transport`: TLS trust pinned to one origin, and MSAL's HTTP client.
- `errors`: AADSTS codes turned into a message and a next step.
- `cache`: the token cache at rest (msal-extensions: DPAPI, Keychain, libsecret).
"""

from desktop.auth.base import (
    AuthError,
    CachingProvider,
    Category,
    FailedSignIn,
    TokenProvider,
    granted_scopes,
    resource_of,
)

__all__ = [
    "AuthError",
    "CachingProvider",
    "Category",
    "FailedSignIn",
    "TokenProvider",
    "granted_scopes",
    "resource_of",
]
