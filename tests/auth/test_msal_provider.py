"""MSAL's real flows against a loopback Entra: interactive, device code, silent, per tenant."""

from __future__ import annotations

import io
import logging
import threading
from concurrent.futures import ThreadPoolExecutor

import msal
import pytest

from desktop.auth import AuthError
from desktop.auth.msal_provider import MsalProvider
from desktop.config.clouds import CHINA, GERMANY, GLOBAL, USGOV
from desktop.config.redact import RedactingFilter
from tests.auth.fake_entra import PARTNER_TENANT, USERNAME, Failure, claims_of

PC_SCOPE = GLOBAL.partner_center_scope
GRAPH_SCOPE = GLOBAL.graph_scope


def signed_in(make_provider, browser, **kwargs) -> MsalProvider:
    provider = make_provider(**kwargs)
    provider.sign_in_interactive(timeout_s=20)
    return provider


def test_interactive_sign_in_goes_through_the_browser(make_provider, browser, entra):
    provider = make_provider()
    account = provider.sign_in_interactive(timeout_s=20)
    assert account.username == USERNAME
    assert account.tenant_id == PARTNER_TENANT
    assert provider.home_tenant == PARTNER_TENANT
    # The browser was sent to the cloud's own authority with PKCE and the right scope.
    assert len(browser.opened) == 1
    assert browser.opened[0].startswith(
        "https://login.microsoftonline.com/organizations/oauth2/v2.0/authorize?"
    )
    assert "code_challenge=" in browser.opened[0]
    assert [g[1] for g in entra.state.grants] == ["authorization_code"]
    # The sign-in's own Partner Center token is reused: no second request for it.
    token = provider.token(PC_SCOPE)
    assert claims_of(token)["aud"] == GLOBAL.partner_center
    assert len(entra.state.grants) == 1


def test_each_national_cloud_signs_in_at_its_own_authority(make_provider, browser):
    provider = make_provider(cloud=USGOV)
    provider.sign_in_interactive(timeout_s=20)
    assert browser.opened[0].startswith("https://login.microsoftonline.us/organizations/")
    china = make_provider(cloud=CHINA)
    china.sign_in_interactive(timeout_s=20)
    assert browser.opened[1].startswith("https://login.chinacloudapi.cn/organizations/")


def test_germany_is_closed_and_says_so(make_provider):
    with pytest.raises(AuthError) as caught:
        make_provider(cloud=GERMANY)
    assert caught.value.code == "closed_cloud"
    assert "29 October 2021" in caught.value.message


def test_no_client_id_explains_the_registration(http):
    with pytest.raises(AuthError) as caught:
        MsalProvider(GLOBAL, "  ", http_client=http, use_broker=False)
    assert caught.value.code == "not_configured"
    assert "client id" in caught.value.next_step


def test_silent_sign_in_from_the_cache_needs_no_browser(make_provider, browser, entra):
    cache = msal.SerializableTokenCache()
    first = make_provider(token_cache=cache)
    first.sign_in_interactive(timeout_s=20)
    # A new session with the same (persisted) cache: no browser, one refresh at most.
    second = make_provider(token_cache=cache)
    account = second.restore()
    assert account is not None
    assert account.username == USERNAME
    assert len(browser.opened) == 1
    assert second.token(PC_SCOPE)


def test_restore_without_a_cached_account_returns_none(make_provider, entra):
    assert make_provider().restore() is None
    assert entra.state.grants == []


def test_device_code_flow(make_provider, entra):
    provider = make_provider()
    code = provider.start_device_flow()
    assert code.user_code == "FAKE-CODE"
    assert code.verification_uri == "https://microsoft.com/devicelogin"
    entra.state.device_polls_before_ok = 1  # the user types the code after the first poll
    account = provider.complete_device_flow(code)
    assert account.username == USERNAME
    grants = [g[1] for g in entra.state.grants]
    assert grants == ["urn:ietf:params:oauth:grant-type:device_code"] * 2


def test_device_code_flow_can_be_cancelled(make_provider, entra):
    provider = make_provider()
    code = provider.start_device_flow()
    entra.state.device_polls_before_ok = 10**9
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(AuthError) as caught:
        provider.complete_device_flow(code, cancel)
    assert caught.value.code == "cancelled"


def test_customer_tokens_come_from_the_customer_authority(make_provider, browser, entra):
    provider = signed_in(make_provider, browser)
    customer = "cccccccc-0000-4000-8000-000000000003"
    token = provider.token(GRAPH_SCOPE, customer)
    claims = claims_of(token)
    assert claims["tid"] == customer
    assert claims["aud"] == "https://graph.microsoft.com"
    tenant, grant, scope = entra.state.grants[-1]
    assert (tenant, grant, scope) == (customer, "refresh_token", GRAPH_SCOPE)


def test_a_sweep_acquires_each_tenant_once(make_provider, browser, entra):
    provider = signed_in(make_provider, browser)
    tenants = [f"dddddddd-0000-4000-8000-{n:012d}" for n in range(40)]
    calls = [tenants[i % len(tenants)] for i in range(1000)]
    with ThreadPoolExecutor(max_workers=32) as pool:
        tokens = list(pool.map(lambda t: provider.token(GRAPH_SCOPE, t), calls))
    assert {claims_of(tok)["tid"] for tok in tokens} == set(tenants)
    # One token request per tenant, however many parallel calls wanted it.
    for tenant in tenants:
        assert entra.state.per_tenant[tenant] == 1
    assert len(browser.opened) == 1


def test_tokens_near_expiry_are_refreshed_silently(make_provider, browser, entra):
    provider = signed_in(make_provider, browser)
    entra.state.expires_in = 200  # inside the 5-minute margin: stale at once
    customer = "eeeeeeee-0000-4000-8000-000000000004"
    first = provider.token(GRAPH_SCOPE, customer)
    second = provider.token(GRAPH_SCOPE, customer)
    assert first != second
    assert entra.state.per_tenant[customer] == 2
    assert all(g[1] == "refresh_token" for g in entra.state.grants[1:])


def test_an_invalidated_token_is_not_served_again(make_provider, browser, entra):
    provider = signed_in(make_provider, browser)
    customer = "ffffffff-0000-4000-8000-000000000005"
    first = provider.token(GRAPH_SCOPE, customer)
    provider.invalidate(GRAPH_SCOPE, customer, first)
    assert provider.token(GRAPH_SCOPE, customer) != first


@pytest.mark.parametrize(
    ("aadsts", "error", "code", "words"),
    [
        (50173, "invalid_grant", "expired", "Sign in again"),
        (700082, "invalid_grant", "expired", "Sign in again"),
        (70043, "invalid_grant", "conditional_access", "Sign in again"),
        # In a customer tenant both mean the app is not consented there yet (API.md 4).
        (65001, "invalid_grant", "not_consented", "not yet allowed"),
        (50076, "interaction_required", "mfa", "MFA"),
        (50079, "interaction_required", "mfa", "Register MFA"),
        (50020, "invalid_grant", "no_gdap", "GDAP relationship"),
        (90002, "invalid_request", "wrong_cloud", "cloud"),
        (700016, "unauthorized_client", "not_consented", "partner-desk consent"),
    ],
)
def test_each_aadsts_error_has_its_message(
    make_provider, browser, entra, aadsts, error, code, words
):
    provider = signed_in(make_provider, browser)
    customer = "12345678-0000-4000-8000-000000000006"
    entra.state.fail_tenants[customer] = Failure(400, error, aadsts)
    with pytest.raises(AuthError) as caught:
        provider.token(GRAPH_SCOPE, customer)
    assert caught.value.code == code
    assert f"AADSTS{aadsts}" in caught.value.message
    assert words in caught.value.message + " " + caught.value.next_step
    # Other tenants keep working.
    assert provider.token(GRAPH_SCOPE, "12345678-0000-4000-8000-000000000007")


def test_an_unknown_client_id_at_the_partner_authority_says_so(make_provider, browser, entra):
    # 700016 at the partner's own authority: the client id is wrong or of another cloud.
    entra.state.fail_all_tokens = Failure(400, "unauthorized_client", 700016)
    with pytest.raises(AuthError) as caught:
        make_provider().sign_in_interactive(timeout_s=20)
    assert caught.value.code == "app_not_found"
    assert "client id" in caught.value.next_step
    assert "partner tenant" in caught.value.next_step


def test_cancel_in_the_browser_is_a_plain_message(make_provider, browser, entra):
    entra.state.authorize_error = ("access_denied", "AADSTS65004: User declined to consent.")
    with pytest.raises(AuthError) as caught:
        make_provider().sign_in_interactive(timeout_s=20)
    assert caught.value.code == "cancelled"


def test_offline_is_a_plain_message(make_provider, http):
    http.offline = True
    with pytest.raises(AuthError) as caught:
        make_provider().start_device_flow()
    assert caught.value.code == "offline"
    assert "network" in caught.value.next_step


def test_sign_out_forgets_the_account_and_its_tokens(make_provider, browser, entra):
    cache = msal.SerializableTokenCache()
    provider = make_provider(token_cache=cache)
    provider.sign_in_interactive(timeout_s=20)
    provider.token(GRAPH_SCOPE, "99999999-0000-4000-8000-000000000008")
    provider.sign_out()
    assert provider.account is None
    assert provider.cached_accounts() == []
    assert "access_token" not in cache.serialize().lower().replace("accesstoken", "")
    with pytest.raises(AuthError) as caught:
        provider.token(GRAPH_SCOPE, "99999999-0000-4000-8000-000000000008")
    assert caught.value.code == "signed_out"
    assert make_provider(token_cache=cache).restore() is None


def test_no_token_reaches_the_log(make_provider, browser, entra):
    """Everything MSAL and we log at DEBUG, through the app's redacting handler."""
    buffer = io.StringIO()
    handler = logging.StreamHandler(buffer)
    handler.addFilter(RedactingFilter())
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    try:
        provider = signed_in(make_provider, browser)
        provider.token(GRAPH_SCOPE, "abababab-0000-4000-8000-000000000009")
        failing = "abababab-0000-4000-8000-00000000000a"
        entra.state.fail_tenants[failing] = Failure(400, "invalid_grant", 50020)
        with pytest.raises(AuthError) as caught:
            provider.token(GRAPH_SCOPE, failing)
    finally:
        root.removeHandler(handler)
        root.setLevel(old_level)
    text = buffer.getvalue() + str(caught.value) + caught.value.next_step
    assert "organizations" in text  # the log did capture the sign-in
    secrets = [*entra.state.issued, *entra.state.refresh_tokens, *entra.state.codes_issued]
    assert len(secrets) >= 5
    for secret in secrets:
        assert secret not in text
        for part in secret.split("."):
            if len(part) > 20:
                assert part not in text  # not even one segment of a JWT
