"""The sandbox's Entra ID over real HTTPS: discovery, device code, auth code with PKCE, refresh,
error bodies, the GDAP and consent rules at customer authorities, and stats."""

from __future__ import annotations

import base64
import hashlib
import html
import re
import time
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import requests

from desktop.config.clouds import CUSTOMER_GRAPH_SCOPES, SANDBOX_CLIENT_ID
from desktop.sandbox import Sandbox, decode_token

from .conftest import NOW
from .helpers import (
    DEVICE_GRANT,
    GRAPH_AUD,
    GRAPH_SCOPE,
    HEALTH,
    OIDC,
    PARTNER,
    PC_AUD,
    PC_SCOPE,
    client,
    refresh,
    sign_in,
    token_request,
)

REDIRECT = "http://localhost:53117"


@pytest.fixture(scope="module")
def manual() -> Iterator[Sandbox]:
    """A sandbox whose user has to approve each sign-in (the CLI's default)."""
    with Sandbox(customers=12, seed=7, now=NOW, auto_approve=False) as sandbox:
        yield sandbox


@pytest.fixture
def mhttp(manual: Sandbox) -> Iterator[requests.Session]:
    with client(manual) as session:
        yield session


def assert_entra_error(resp: requests.Response, error: str, code: int) -> dict[str, Any]:
    """Entra's error body (learn.microsoft.com/entra/identity-platform/reference-error-codes)."""
    assert resp.status_code == 400, resp.text
    body: dict[str, Any] = resp.json()
    assert body["error"] == error
    assert body["error_codes"] == [code]
    description = body["error_description"]
    assert description.startswith(f"AADSTS{code}: ")
    assert f"\r\nTrace ID: {body['trace_id']}\r\n" in description
    assert f"\r\nCorrelation ID: {body['correlation_id']}\r\n" in description
    assert description.endswith(f"\r\nTimestamp: {body['timestamp']}")
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ", body["timestamp"])
    assert body["error_uri"] == f"https://login.microsoftonline.com/error?code={code}"
    assert resp.headers["Cache-Control"].startswith("no-store")
    return body


# -- discovery --------------------------------------------------------------------------------


@pytest.mark.parametrize("tenant", ["organizations", "common", PARTNER])
def test_discovery(sb: Sandbox, http: requests.Session, tenant: str) -> None:
    resp = http.get(f"{sb.url}/{tenant}/v2.0/.well-known/openid-configuration")
    assert resp.status_code == 200
    doc = resp.json()
    base = f"{sb.url}/{tenant}"
    assert doc["authorization_endpoint"] == f"{base}/oauth2/v2.0/authorize"
    assert doc["token_endpoint"] == f"{base}/oauth2/v2.0/token"
    assert doc["device_authorization_endpoint"] == f"{base}/oauth2/v2.0/devicecode"
    assert doc["end_session_endpoint"] == f"{base}/oauth2/v2.0/logout"
    assert doc["jwks_uri"] == f"{base}/discovery/v2.0/keys"
    assert "form_post" in doc["response_modes_supported"]
    placeholder = tenant != PARTNER
    assert doc["issuer"] == f"{sb.url}/{'{tenantid}' if placeholder else PARTNER}/v2.0"
    assert http.get(doc["jwks_uri"]).json() == {"keys": []}


def test_discovery_of_a_customer_by_domain_names_its_tenant_id(
    sb: Sandbox, http: requests.Session
) -> None:
    customer = sb.data.customers[3]
    doc = http.get(f"{sb.url}/{customer.domain}/v2.0/.well-known/openid-configuration").json()
    assert doc["token_endpoint"] == f"{sb.url}/{customer.tenant_id}/oauth2/v2.0/token"
    assert doc["issuer"] == f"{sb.url}/{customer.tenant_id}/v2.0"


def test_unknown_tenant_is_90002(sb: Sandbox, http: requests.Session) -> None:
    resp = http.get(f"{sb.url}/contoso.example/v2.0/.well-known/openid-configuration")
    assert_entra_error(resp, "invalid_request", 90002)
    other = token_request(http, sb, "00000000-0000-0000-0000-000000000001", grant_type="x")
    assert_entra_error(other, "invalid_request", 90002)


def test_instance_discovery(sb: Sandbox, http: requests.Session) -> None:
    resp = http.get(
        f"{sb.url}/common/discovery/instance",
        params={"authorization_endpoint": f"{sb.url}/organizations/oauth2/v2.0/authorize"},
    )
    body = resp.json()
    assert body["tenant_discovery_endpoint"] == (
        f"{sb.url}/organizations/v2.0/.well-known/openid-configuration"
    )
    assert body["metadata"][0]["aliases"] == ["127.0.0.1"]


# -- device code ------------------------------------------------------------------------------


def test_device_code_pending_then_approved_at_devicelogin(
    manual: Sandbox, mhttp: requests.Session
) -> None:
    flow = mhttp.post(
        f"{manual.url}/organizations/oauth2/v2.0/devicecode",
        data={"client_id": SANDBOX_CLIENT_ID, "scope": f"{PC_SCOPE} {OIDC}"},
    ).json()
    assert re.fullmatch(r"[A-Z]{8}", flow["user_code"])
    assert flow["verification_uri"] == f"{manual.url}/devicelogin"
    assert (flow["expires_in"], flow["interval"]) == (900, 5)
    assert flow["message"] == (
        f"To sign in, use a web browser to open the page {manual.url}/devicelogin and enter "
        f"the code {flow['user_code']} to authenticate."
    )
    poll = {"grant_type": DEVICE_GRANT, "device_code": flow["device_code"]}
    assert_entra_error(
        token_request(mhttp, manual, "organizations", **poll), "authorization_pending", 70016
    )
    page = mhttp.get(f"{manual.url}/devicelogin")
    assert page.headers["Content-Type"].startswith("text/html")
    assert 'action="/devicelogin"' in page.text
    wrong = mhttp.post(f"{manual.url}/devicelogin", data={"code": "NOTACODE"})
    assert wrong.status_code == 400
    assert "didn" in html.unescape(wrong.text)
    typed = f"{flow['user_code'][:4].lower()}-{flow['user_code'][4:]}"  # as people type it
    done = mhttp.post(f"{manual.url}/devicelogin", data={"code": typed})
    assert done.status_code == 200
    assert "You have signed in to Partner Desk (sandbox)" in done.text
    assert "close this window" in done.text
    tokens = token_request(mhttp, manual, "organizations", **poll)
    assert tokens.status_code == 200
    assert decode_token(tokens.json()["access_token"])["aud"] == PC_AUD  # type: ignore[index]
    again = token_request(mhttp, manual, "organizations", **poll)  # used up
    assert_entra_error(again, "bad_verification_code", 70018)


def test_device_code_expires(manual: Sandbox, mhttp: requests.Session) -> None:
    flow = mhttp.post(
        f"{manual.url}/organizations/oauth2/v2.0/devicecode",
        data={"client_id": SANDBOX_CLIENT_ID, "scope": PC_SCOPE},
    ).json()
    manual.expire_device_codes()
    poll = {"grant_type": DEVICE_GRANT, "device_code": flow["device_code"]}
    assert_entra_error(
        token_request(mhttp, manual, "organizations", **poll), "expired_token", 70019
    )
    late = mhttp.post(f"{manual.url}/devicelogin", data={"code": flow["user_code"]})
    assert late.status_code == 400
    assert "expired" in late.text


def test_auto_approve_answers_the_first_poll(sb: Sandbox, http: requests.Session) -> None:
    body = sign_in(http, sb)
    assert body["token_type"] == "Bearer"
    assert body["expires_in"] == body["ext_expires_in"] == 3600
    assert body["scope"].split()[0] == PC_SCOPE
    client_info = base64.urlsafe_b64decode(body["client_info"] + "==")
    assert b'"utid":"' + PARTNER.encode() in client_info
    assert http.get(sb.url + "/v1/customers?size=1", headers=bearer(body)).status_code == 200


def bearer(body: dict[str, Any]) -> dict[str, str]:
    return {"Authorization": f"Bearer {body['access_token']}"}


def test_token_claims_are_shaped_as_entra_s(sb: Sandbox, http: requests.Session) -> None:
    body = sign_in(http, sb)
    access = decode_token(body["access_token"])
    assert access is not None
    assert access["aud"] == PC_AUD
    assert access["iss"] == f"https://sts.windows.net/{PARTNER}/"
    assert access["tid"] == PARTNER
    assert access["scp"] == "user_impersonation"
    assert access["appid"] == access["azp"] == SANDBOX_CLIENT_ID
    assert (
        access["upn"] == access["preferred_username"] == "sandbox.engineer@contoso-partner.example"
    )
    assert access["ver"] == "1.0"
    assert access["exp"] - access["iat"] == 3600
    assert access["nbf"] <= time.time() + 1
    assert {"oid", "name", "uti"} <= set(access)
    header = base64.urlsafe_b64decode(body["access_token"].split(".")[0] + "==")
    assert b'"alg":"HS256"' in header
    ident = decode_token(body["id_token"])
    assert ident is not None
    assert ident["aud"] == SANDBOX_CLIENT_ID
    assert ident["iss"] == f"{sb.url}/{PARTNER}/v2.0"
    assert ident["tid"] == PARTNER
    assert ident["oid"] == access["oid"]
    assert {"sub", "preferred_username", "name", "iat", "exp"} <= set(ident)


def test_partner_graph_token_has_the_partner_scopes(sb: Sandbox, http: requests.Session) -> None:
    rt = sign_in(http, sb)["refresh_token"]
    resp = refresh(http, sb, PARTNER, rt)
    assert resp.status_code == 200, resp.text
    claims = decode_token(resp.json()["access_token"])
    assert claims is not None
    assert claims["aud"] == GRAPH_AUD
    assert claims["scp"] == (
        "ServiceHealth.Read.All ServiceMessage.Read.All DelegatedAdminRelationship.Read.All "
        "User.Read"
    )
    assert f"{GRAPH_AUD}/.default" in resp.json()["scope"].split()


# -- refresh at customer authorities (GDAP and consent) -------------------------------------


@pytest.mark.parametrize(
    ("state", "error", "code"),
    [
        ("no_gdap", "invalid_grant", 50020),
        ("no_service_principal", "unauthorized_client", 700016),
        ("no_grant", "invalid_grant", 65001),
    ],
)
def test_refresh_at_a_customer_is_refused_by_consent_state(
    sb: Sandbox, http: requests.Session, state: str, error: str, code: int
) -> None:
    customer = sb.customers_in_consent_state(state)[0]
    rt = sign_in(http, sb)["refresh_token"]
    body = assert_entra_error(refresh(http, sb, customer.tenant_id, rt), error, code)
    assert customer.company_name in body["error_description"] or state == "no_grant"
    assert body.get("suberror") == ("consent_required" if code == 65001 else None)


def test_refresh_at_a_consented_customer(sb: Sandbox, http: requests.Session) -> None:
    customer = next(
        c
        for c in sb.customers_in_consent_state("consented")
        if not sb.consent_outdated(c.tenant_id)
    )
    rt = sign_in(http, sb)["refresh_token"]
    resp = refresh(http, sb, customer.tenant_id, rt)
    assert resp.status_code == 200, resp.text
    body = resp.json()
    claims = decode_token(body["access_token"])
    assert claims is not None
    assert (claims["tid"], claims["aud"], claims["scp"]) == (
        customer.tenant_id,
        GRAPH_AUD,
        " ".join(CUSTOMER_GRAPH_SCOPES),
    )
    assert body["refresh_token"] != rt  # rotated, as Entra does
    assert http.get(sb.url + HEALTH, headers=bearer(body)).status_code == 200
    # Partner Center has no grant in a customer; a Graph permission not granted is refused too.
    assert_entra_error(refresh(http, sb, customer.tenant_id, rt, PC_SCOPE), "invalid_grant", 65001)
    sites = f"{GRAPH_AUD}/Sites.Read.All"
    assert_entra_error(refresh(http, sb, customer.tenant_id, rt, sites), "invalid_grant", 65001)


def test_bad_refresh_tokens(sb: Sandbox, http: requests.Session) -> None:
    rt = sign_in(http, sb)["refresh_token"]
    tampered = rt[:-2] + ("AA" if not rt.endswith("AA") else "BB")
    for bad in (tampered, "not-a-token", rt + "x"):
        assert_entra_error(refresh(http, sb, PARTNER, bad), "invalid_grant", 9002313)
    with Sandbox(customers=1, seed=7) as other, client(other) as session:
        assert_entra_error(refresh(session, other, PARTNER, rt), "invalid_grant", 9002313)


def test_a_restarted_sandbox_with_the_same_key_accepts_old_tokens() -> None:
    key = b"k" * 32
    with Sandbox(customers=3, seed=7, signing_key=key) as first, client(first) as http:
        body = sign_in(http, first)
    with Sandbox(customers=3, seed=7, signing_key=key) as second, client(second) as http:
        assert http.get(second.url + "/v1/customers", headers=bearer(body)).status_code == 200
        assert refresh(http, second, PARTNER, body["refresh_token"]).status_code == 200
    with Sandbox(customers=3, seed=7) as third, client(third) as http:
        assert http.get(third.url + "/v1/customers", headers=bearer(body)).status_code == 401


# -- request errors -----------------------------------------------------------------------------


def test_unknown_client_is_700016(sb: Sandbox, http: requests.Session) -> None:
    resp = token_request(
        http,
        sb,
        "organizations",
        client_id="11111111-2222-3333-4444-555555555555",
        grant_type=DEVICE_GRANT,
        device_code="x",
    )
    body = assert_entra_error(resp, "unauthorized_client", 700016)
    assert (
        "Application with identifier '11111111-2222-3333-4444-555555555555' was not found"
        in (body["error_description"])
    )
    device = http.post(
        f"{sb.url}/organizations/oauth2/v2.0/devicecode",
        data={"client_id": "nope", "scope": PC_SCOPE},
    )
    assert_entra_error(device, "unauthorized_client", 700016)


@pytest.mark.parametrize(
    ("scope", "error", "code"),
    [
        ("https://management.azure.com/.default", "invalid_scope", 70011),
        (f"{GRAPH_AUD}/user_impersonation", "invalid_scope", 70011),
        (f"{PC_AUD}/Sites.Read.All", "invalid_scope", 70011),
        (f"{GRAPH_AUD}/.default {GRAPH_AUD}/Sites.Read.All", "invalid_scope", 70011),
        (f"{GRAPH_AUD}/.default {PC_SCOPE}", "invalid_request", 28000),
        ("", "invalid_request", 900144),
    ],
)
def test_unsupported_scopes(
    sb: Sandbox, http: requests.Session, scope: str, error: str, code: int
) -> None:
    resp = http.post(
        f"{sb.url}/organizations/oauth2/v2.0/devicecode",
        data={"client_id": SANDBOX_CLIENT_ID, "scope": scope},
    )
    assert_entra_error(resp, error, code)


def test_error_body_echoes_the_client_request_id(sb: Sandbox, http: requests.Session) -> None:
    resp = http.post(
        f"{sb.url}/organizations/oauth2/v2.0/token",
        data={"client_id": SANDBOX_CLIENT_ID, "grant_type": "password"},
        headers={"client-request-id": "7d8a1c0e-1111-4222-8333-944444444444"},
    )
    body = assert_entra_error(resp, "unsupported_grant_type", 70003)
    assert body["correlation_id"] == "7d8a1c0e-1111-4222-8333-944444444444"
    assert resp.headers["client-request-id"] == body["correlation_id"]
    assert resp.headers["x-ms-request-id"] == body["trace_id"]
    wrong_method = http.get(f"{sb.url}/organizations/oauth2/v2.0/token")
    assert_entra_error(wrong_method, "invalid_request", 900561)


# -- auth code with PKCE ------------------------------------------------------------------------


def pkce() -> tuple[str, str]:
    verifier = base64.urlsafe_b64encode(b"v" * 40).rstrip(b"=").decode()
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest())
    return verifier, challenge.rstrip(b"=").decode()


def authorize(
    http: requests.Session, sb: Sandbox, challenge: str, mode: str = "query", **extra: str
) -> requests.Response:
    params = {
        "client_id": SANDBOX_CLIENT_ID,
        "response_type": "code",
        "redirect_uri": REDIRECT,
        "scope": f"{PC_SCOPE} {OIDC}",
        "state": "st-1",
        "nonce": "n-1",
        "code_challenge": challenge,
        "code_challenge_method": "S256",
        "response_mode": mode,
        **extra,
    }
    return http.get(f"{sb.url}/organizations/oauth2/v2.0/authorize", params=params,
                    allow_redirects=False)  # fmt: skip


def redeem(http: requests.Session, sb: Sandbox, code: str, verifier: str) -> requests.Response:
    return token_request(
        http,
        sb,
        "organizations",
        grant_type="authorization_code",
        code=code,
        redirect_uri=REDIRECT,
        code_verifier=verifier,
        scope=f"{PC_SCOPE} {OIDC}",
    )


def test_auth_code_with_pkce_in_query_mode(sb: Sandbox, http: requests.Session) -> None:
    verifier, challenge = pkce()
    resp = authorize(http, sb, challenge)
    assert resp.status_code == 302
    location = urlsplit(resp.headers["Location"])
    assert f"{location.scheme}://{location.netloc}" == REDIRECT
    query = {k: v[0] for k, v in parse_qs(location.query).items()}
    assert query["state"] == "st-1"
    tokens = redeem(http, sb, query["code"], verifier)
    assert tokens.status_code == 200, tokens.text
    assert decode_token(tokens.json()["id_token"])["nonce"] == "n-1"  # type: ignore[index]
    assert_entra_error(redeem(http, sb, query["code"], verifier), "invalid_grant", 54005)


def test_auth_code_with_a_bad_verifier(sb: Sandbox, http: requests.Session) -> None:
    _, challenge = pkce()
    location = authorize(http, sb, challenge).headers["Location"]
    code = parse_qs(urlsplit(location).query)["code"][0]
    assert_entra_error(redeem(http, sb, code, "wrong-verifier"), "invalid_grant", 501481)


def test_auth_code_form_post_and_manual_sign_in(manual: Sandbox, mhttp: requests.Session) -> None:
    verifier, challenge = pkce()
    page = authorize(mhttp, manual, challenge, "form_post")
    assert page.status_code == 200
    assert "Sign in as sandbox.engineer@contoso-partner.example" in page.text
    fields = dict(re.findall(r'name="([^"]+)" value="([^"]*)"', page.text))
    action = re.search(r'action="([^"]+)"', page.text).group(1)  # type: ignore[union-attr]
    posted = mhttp.post(manual.url + html.unescape(action),
                        data={**{k: html.unescape(v) for k, v in fields.items()},
                              "sandbox_approve": "1"})  # fmt: skip
    assert posted.status_code == 200
    assert "document.forms[0].submit()" in posted.text
    assert f'action="{REDIRECT}"' in posted.text
    answer = dict(re.findall(r'name="([^"]+)" value="([^"]*)"', posted.text))
    assert answer["state"] == "st-1"
    assert redeem(mhttp, manual, answer["code"], verifier).status_code == 200


@pytest.mark.parametrize("redirect", ["https://evil.example/cb", "http://evil.example:80", ""])
def test_authorize_refuses_a_non_loopback_redirect(
    sb: Sandbox, http: requests.Session, redirect: str
) -> None:
    resp = authorize(http, sb, pkce()[1], redirect_uri=redirect)
    assert resp.status_code == 400
    assert "Location" not in resp.headers
    assert "AADSTS50011" in resp.text


def test_authorize_sends_scope_errors_to_the_app(sb: Sandbox, http: requests.Session) -> None:
    resp = authorize(http, sb, pkce()[1], scope="https://management.azure.com/.default")
    query = parse_qs(urlsplit(resp.headers["Location"]).query)
    assert query["error"] == ["invalid_scope"]
    assert query["error_description"][0].startswith("AADSTS70011: ")
    assert query["state"] == ["st-1"]


# -- stats and latency ----------------------------------------------------------------------------


def test_stats_count_entra_apart(manual: Sandbox, mhttp: requests.Session) -> None:
    manual.reset_stats()
    flow = mhttp.post(
        f"{manual.url}/organizations/oauth2/v2.0/devicecode",
        data={"client_id": SANDBOX_CLIENT_ID, "scope": f"{PC_SCOPE} {OIDC}"},
    ).json()
    poll = {"grant_type": DEVICE_GRANT, "device_code": flow["device_code"]}
    token_request(mhttp, manual, "organizations", **poll)  # pending
    mhttp.post(f"{manual.url}/devicelogin", data={"code": flow["user_code"]})
    rt = token_request(mhttp, manual, "organizations", **poll).json()["refresh_token"]
    refresh(mhttp, manual, PARTNER, rt)
    refresh(mhttp, manual, PARTNER, "garbage")
    token_request(mhttp, manual, "organizations", grant_type="authorization_code", code="x")
    mhttp.get(f"{manual.url}/organizations/v2.0/.well-known/openid-configuration")
    stats = mhttp.get(manual.url + "/_sandbox/stats").json()
    assert stats["tokenRequests"] == {
        "device_code": 2,
        "refresh_token": 2,
        "authorization_code": 1,
    }
    assert stats["deviceCodes"] == 1
    assert (stats["requests"], stats["byRoute"], stats["waitedS"]) == (0, {}, 0)
    mhttp.post(manual.url + "/_sandbox/reset-stats")
    after = manual.stats()
    assert after["tokenRequests"] == dict.fromkeys(after["tokenRequests"], 0)
    assert after["deviceCodes"] == 0


def test_token_latency_is_waited_and_counted() -> None:
    with Sandbox(customers=2, seed=7, token_latency_ms=40, latency_ms=5) as sb, client(sb) as http:
        # Discovery is a static document (Entra serves it from a CDN): no token latency.
        http.get(f"{sb.url}/organizations/v2.0/.well-known/openid-configuration")
        assert sb.stats()["waitedS"] == 0
        sign_in(http, sb)  # devicecode + token
        assert sb.stats()["waitedS"] == pytest.approx(0.08)
        assert sb.stats()["requests"] == 0  # and no API latency on Entra calls
        http.get(sb.url + "/v1/customers", headers={"Authorization": "Bearer x"})
        assert sb.stats()["waitedS"] == pytest.approx(0.085)


def test_graph_scope_for_a_tenant_by_default_scope(sb: Sandbox, http: requests.Session) -> None:
    body = sign_in(http, sb, GRAPH_SCOPE)
    claims = decode_token(body["access_token"])
    assert claims is not None
    assert claims["aud"] == GRAPH_AUD


def test_refresh_at_a_customer_consented_with_the_old_scopes(
    sb: Sandbox, http: requests.Session
) -> None:
    """Consented before the message center: Entra still issues a token (`.default` gives what
    was granted), without ServiceMessage.Read.All."""
    customer = next(
        c for c in sb.customers_in_consent_state("consented") if sb.consent_outdated(c.tenant_id)
    )
    rt = sign_in(http, sb)["refresh_token"]
    resp = refresh(http, sb, customer.tenant_id, rt)
    assert resp.status_code == 200, resp.text
    claims = decode_token(resp.json()["access_token"])
    assert claims is not None
    assert claims["scp"] == "ServiceHealth.Read.All"
    # Asking for the new permission by name is refused: it was never consented there.
    named = refresh(http, sb, customer.tenant_id, rt, scope=f"{GRAPH_AUD}/ServiceMessage.Read.All")
    assert named.status_code == 400
    assert "AADSTS65001" in named.json()["error_description"]
