"""End to end with the real MSAL library: device code sign-in at /organizations, then per-customer
Graph tokens from the refresh token (GDAP), as the app does against Microsoft."""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Iterator

import msal
import pytest
import requests

from desktop.config.clouds import CUSTOMER_GRAPH_SCOPES, PARTNER_CENTER_RESOURCE, SANDBOX_CLIENT_ID
from desktop.sandbox import Sandbox, decode_token

from .conftest import NOW
from .helpers import GRAPH_SCOPE, HEALTH, ca_file


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(customers=40, seed=7, now=NOW) as sb:
        yield sb


@pytest.fixture
def session(sandbox: Sandbox) -> Iterator[requests.Session]:
    """MSAL's HTTP client: trusts the sandbox's CA only, ignores proxies from the environment."""
    with requests.Session() as s:
        s.verify = ca_file(sandbox)
        s.trust_env = False
        yield s


def app_for(
    sandbox: Sandbox, session: requests.Session, tenant: str, cache: msal.TokenCache | None = None
) -> msal.PublicClientApplication:
    return msal.PublicClientApplication(
        SANDBOX_CLIENT_ID,
        authority=f"{sandbox.url}/{tenant}",
        instance_discovery=False,
        http_client=session,
        token_cache=cache,
    )


def test_msal_device_flow_then_customer_tokens(sandbox: Sandbox, session: requests.Session) -> None:
    home = app_for(sandbox, session, "organizations")
    flow = home.initiate_device_flow(scopes=[f"{PARTNER_CENTER_RESOURCE}/user_impersonation"])
    assert flow["user_code"] in flow["message"]
    result = home.acquire_token_by_device_flow(flow)  # auto-approve: the first poll answers
    assert "access_token" in result, result
    assert result["id_token_claims"]["preferred_username"] == (
        "sandbox.engineer@contoso-partner.example"
    )
    customers = session.get(
        sandbox.url + "/v1/customers?size=1",
        headers={"Authorization": f"Bearer {result['access_token']}"},
    )
    assert customers.status_code == 200
    (account,) = home.get_accounts()

    # One application per authority sharing the cache: MSAL ignores acquire_token_silent's
    # `authority` (it warns "We haven't decided how/if this method will accept authority").
    consented = next(
        c.tenant_id
        for c in sandbox.customers_in_consent_state("consented")
        if not sandbox.consent_outdated(c.tenant_id)
    )
    customer_app = app_for(sandbox, session, consented, home.token_cache)
    (same,) = customer_app.get_accounts()
    assert same["home_account_id"] == account["home_account_id"]
    token = customer_app.acquire_token_silent([GRAPH_SCOPE], same)
    assert token is not None
    assert "access_token" in token, token
    claims = decode_token(token["access_token"])
    assert claims is not None
    assert (claims["tid"], claims["scp"]) == (consented, " ".join(CUSTOMER_GRAPH_SCOPES))
    health = session.get(
        sandbox.url + HEALTH, headers={"Authorization": f"Bearer {token['access_token']}"}
    )
    assert health.status_code == 200
    cached = customer_app.acquire_token_silent([GRAPH_SCOPE], same)
    assert cached is not None
    assert cached["token_source"] == "cache"

    unconsented = next(
        c.tenant_id
        for c in sandbox.customers_in_consent_state("no_grant")
        if sandbox.can_consent(c.tenant_id)
    )
    other_app = app_for(sandbox, session, unconsented, home.token_cache)
    (again,) = other_app.get_accounts()
    assert other_app.acquire_token_silent([GRAPH_SCOPE], again) is None
    error = other_app.acquire_token_silent_with_error([GRAPH_SCOPE], again)
    assert error is not None
    assert error["error"] == "invalid_grant"
    assert error["error_codes"] == [65001]
    assert error["suberror"] == "consent_required"
    assert error["classification"] == "consent_required"
    assert error["error_description"].startswith("AADSTS65001: ")
    stats = sandbox.stats()
    assert stats["deviceCodes"] == 1
    assert stats["tokenRequests"]["device_code"] == 1
    assert stats["tokenRequests"]["refresh_token"] >= 2


def test_msal_auth_code_flow_with_pkce(sandbox: Sandbox, session: requests.Session) -> None:
    """What acquire_token_interactive does, without a browser: MSAL builds the authorize URL
    (PKCE, state, nonce), the sandbox answers with its form_post page, MSAL redeems the code."""
    app = app_for(sandbox, session, "organizations")
    flow = app.initiate_auth_code_flow(
        [f"{PARTNER_CENTER_RESOURCE}/user_impersonation"],
        redirect_uri="http://localhost:53117",
        response_mode="form_post",
    )
    page = session.get(flow["auth_uri"], allow_redirects=False)
    assert page.status_code == 200
    fields = dict(re.findall(r'name="([^"]+)" value="([^"]*)"', page.text))
    answer = {k: html.unescape(v) for k, v in fields.items()}
    result = app.acquire_token_by_auth_code_flow(flow, answer)
    assert "access_token" in result, result
    # MSAL sends sha256(nonce) and refuses an id token that does not echo it.
    expected = hashlib.sha256(flow["nonce"].encode("ascii")).hexdigest()
    assert result["id_token_claims"]["nonce"] == expected
    assert app.get_accounts()
