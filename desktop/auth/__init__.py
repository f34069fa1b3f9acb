"""Token providers: who signs each call, per (tenant, scope). No Qt.

Partner Center calls use the partner's own token; Graph service-health calls use a token for the
*customer* tenant, acquired by the same account through GDAP (API.md section 1).

- `base`: the `TokenProvider` contract and the per-(tenant, scope) cache every provider shares.
- `sandbox`: the built-in issuer for the sandbox (no sign-in).
- `msal_provider`: real sign-in to Microsoft's clouds with MSAL. Imported only when a real
  account is used, so start-up in the sandbox never pays for importing msal.
- `errors`: AADSTS codes turned into a message and a next step.
- `cache`: the token cache at rest (msal-extensions: DPAPI, Keychain, libsecret).
"""

from desktop.auth.base import AuthError, CachingProvider, TokenProvider, resource_of
from desktop.auth.sandbox import SandboxTokenIssuer

__all__ = ["AuthError", "CachingProvider", "SandboxTokenIssuer", "TokenProvider", "resource_of"]
