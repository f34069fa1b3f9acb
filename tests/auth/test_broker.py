"""The Windows account broker and the browser when it fails, with a fake broker (the native
pymsalruntime) under MSAL's real broker code, and the loopback Entra for the browser."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.auth import AuthError, broker, errors
from desktop.auth.msal_provider import MsalProvider
from desktop.config.clouds import GLOBAL
from desktop.config.settings import Settings
from desktop.services.accounts import Accounts
from tests.auth.fake_broker import FakeBroker, Response_Status
from tests.auth.fake_entra import (
    CLIENT_ID,
    USERNAME,
    FakeBrowser,
    FakeEntra,
    LoopbackHttp,
    claims_of,
)

OTHER_CLIENT = "99999999-2222-3333-4444-555555555555"


@pytest.fixture
def fake_broker(monkeypatch: pytest.MonkeyPatch) -> FakeBroker:
    return FakeBroker().install(monkeypatch)


def provider(http: LoopbackHttp, client_id: str = CLIENT_ID) -> MsalProvider:
    """As the app makes it: the broker wherever it is available (here: the fake)."""
    return MsalProvider(GLOBAL, client_id, http_client=http)


def test_without_the_brokers_redirect_uri_sign_in_goes_to_the_browser(
    fake_broker: FakeBroker, http: LoopbackHttp, browser: FakeBrowser, entra: FakeEntra
) -> None:
    signing_in = provider(http)
    account = signing_in.sign_in_interactive(timeout_s=20)
    assert account.username == USERNAME
    # The broker was asked once, refused (AADSTS50011), and the browser signed the user in.
    assert len(fake_broker.sign_ins) == 1
    assert fake_broker.sign_ins[0].client_id == CLIENT_ID
    assert len(browser.opened) == 1
    assert [g[1] for g in entra.state.grants] == ["authorization_code"]
    # The user is told once, in words, why the browser was used.
    assert signing_in.sign_in_note == errors.BROWSER_INSTEAD_OF_BROKER
    assert "ms-appx-web://Microsoft.AAD.BrokerPlugin/" in signing_in.sign_in_note
    assert broker.failed_before(CLIENT_ID)
    # A customer's token comes from the browser sign-in's refresh token, without the broker.
    customer = "cccccccc-0000-4000-8000-000000000003"
    assert claims_of(signing_in.token(GLOBAL.graph_scope, customer))["tid"] == customer


def test_a_broker_failure_is_remembered_per_client_id(
    fake_broker: FakeBroker, http: LoopbackHttp, browser: FakeBrowser
) -> None:
    provider(http).sign_in_interactive(timeout_s=20)
    # The next start: straight to the browser, without a word.
    later = provider(http)
    later.sign_in_interactive(timeout_s=20)
    assert len(fake_broker.sign_ins) == 1
    assert len(browser.opened) == 2
    assert later.sign_in_note == ""
    # Another app registration still tries the broker (here the user closes its window).
    fake_broker.redirect_registered = True
    fake_broker.status = Response_Status.Status_UserCanceled
    with pytest.raises(AuthError) as caught:
        provider(http, OTHER_CLIENT).sign_in_interactive(timeout_s=20)
    assert caught.value.code == "cancelled"
    assert [p.client_id for p in fake_broker.sign_ins] == [CLIENT_ID, OTHER_CLIENT]


def test_closing_the_brokers_window_is_a_cancel_not_a_fallback(
    fake_broker: FakeBroker, http: LoopbackHttp, browser: FakeBrowser
) -> None:
    fake_broker.redirect_registered = True
    fake_broker.status = Response_Status.Status_UserCanceled
    with pytest.raises(AuthError) as caught:
        provider(http).sign_in_interactive(timeout_s=20)
    assert caught.value.code == "cancelled"
    assert browser.opened == []
    assert not broker.failed_before(CLIENT_ID)


def test_another_broker_failure_also_goes_to_the_browser(
    fake_broker: FakeBroker, http: LoopbackHttp, browser: FakeBrowser
) -> None:
    fake_broker.redirect_registered = True
    fake_broker.status = Response_Status.Status_IncorrectConfiguration
    signing_in = provider(http)
    assert signing_in.sign_in_interactive(timeout_s=20).username == USERNAME
    assert len(browser.opened) == 1
    assert signing_in.sign_in_note == errors.BROWSER_INSTEAD_OF_BROKER


def test_a_broker_that_works_signs_in_without_the_browser(
    fake_broker: FakeBroker, http: LoopbackHttp, browser: FakeBrowser, entra: FakeEntra
) -> None:
    fake_broker.redirect_registered = True
    signing_in = provider(http)
    assert signing_in.sign_in_interactive(timeout_s=20).username == USERNAME
    assert browser.opened == []
    assert entra.state.grants == []
    assert signing_in.sign_in_note == ""
    assert claims_of(signing_in.token(GLOBAL.partner_center_scope))["aud"] == GLOBAL.partner_center


def test_after_a_broker_sign_in_customer_tokens_lead_to_the_browser_not_a_dead_end(
    fake_broker: FakeBroker, http: LoopbackHttp, browser: FakeBrowser, entra: FakeEntra
) -> None:
    """The broker keeps the refresh token to itself; customer tenants' tokens go without the
    broker (API.md section 1), so they have nothing to redeem. Saying "you are not signed in"
    sent the user to a broker sign-in that ended the same way."""
    fake_broker.redirect_registered = True
    customer = "cccccccc-0000-4000-8000-000000000003"
    first = provider(http)
    first.sign_in_interactive(timeout_s=20)
    with pytest.raises(AuthError) as caught:
        first.token(GLOBAL.graph_scope, customer)
    assert caught.value.code == "interaction_required"
    assert "browser" in caught.value.next_step
    # Signing in again goes to the browser, whose sign-in gives customers their tokens.
    again = provider(http)
    again.sign_in_interactive(timeout_s=20)
    assert len(fake_broker.sign_ins) == 1
    assert len(browser.opened) == 1
    assert claims_of(again.token(GLOBAL.graph_scope, customer))["tid"] == customer


def test_the_session_carries_the_note_once(
    fake_broker: FakeBroker, tmp_path: Path, http: LoopbackHttp, browser: FakeBrowser
) -> None:
    accounts = Accounts(
        Settings(
            cloud="global",
            client_id=CLIENT_ID,
            allow_plaintext_token_cache=False,
            use_windows_broker=True,
        ),
        tmp_path,
        http,
    )
    session = accounts.sign_in_interactive("global", CLIENT_ID, "organizations")
    assert session.account == USERNAME
    assert session.sign_in_note == errors.BROWSER_INSTEAD_OF_BROKER
    again = accounts.sign_in_interactive("global", CLIENT_ID, "organizations")
    assert again.sign_in_note == ""
    assert len(fake_broker.sign_ins) == 1


def test_the_broker_is_off_unless_the_settings_turn_it_on(
    fake_broker: FakeBroker, tmp_path: Path, http: LoopbackHttp, browser: FakeBrowser
) -> None:
    # A broker sign-in leaves customers without tokens (above): by default the browser signs in.
    accounts = Accounts(
        Settings(cloud="global", client_id=CLIENT_ID, allow_plaintext_token_cache=False),
        tmp_path,
        http,
    )
    session = accounts.sign_in_interactive("global", CLIENT_ID, "organizations")
    assert session.account == USERNAME
    assert fake_broker.sign_ins == []
    assert len(browser.opened) == 1
    assert session.sign_in_note == ""
