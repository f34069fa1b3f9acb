"""Signing in to the sandbox's Entra over TLS with the real MSAL library, and GDAP consent.

Nothing here is stubbed: the sandbox serves Entra, Partner Center and Graph over TLS with a CA
it made at start, and the app's own code (MsalProvider, HttpSession, desktop.services.consent)
talks to it exactly as it talks to Microsoft.
"""

from __future__ import annotations

import base64
import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop.api.errors import ApiError
from desktop.auth import AuthError
from desktop.auth import sandbox as sandbox_auth
from desktop.config.clouds import GLOBAL, SANDBOX_PARTNER_TENANT_ID
from desktop.domain.customers import Customer
from desktop.sandbox import Sandbox
from desktop.services import consent
from desktop.services.backend import Backend


def claims(token: str) -> dict[str, Any]:
    payload = token.split(".")[1]
    data: dict[str, Any] = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    return data


def token_requests(sb: Sandbox) -> dict[str, int]:
    counts: dict[str, int] = sb.stats()["tokenRequests"]
    return counts


@pytest.fixture(scope="module")
def sb() -> Iterator[Sandbox]:
    with Sandbox(customers=40, seed=7, consented="some") as sandbox:
        yield sandbox


@pytest.fixture
def tokens_dir(tmp_path: Path) -> Path:
    return tmp_path / "sandbox-tokens"


def signed_in(sb: Sandbox, tokens_dir: Path, **kwargs: Any) -> Backend:
    return Backend.for_sandbox(sb.url, ca_pem=sb.ca_pem, token_dir=tokens_dir, **kwargs)


def customers_in(sb: Sandbox, state: str, can_consent: bool | None = None) -> list[Customer]:
    found = []
    for c in sb.data.customers:
        if sb.consent_state(c.tenant_id) != state:
            continue
        if can_consent is not None and sb.can_consent(c.tenant_id) != can_consent:
            continue
        found.append(Customer(c.tenant_id, c.company_name, c.domain, "reseller"))
    assert found, f"the sample data has no customer in state {state}"
    return found


def test_device_code_sign_in_then_silent_next_start(sb: Sandbox, tokens_dir: Path) -> None:
    before = token_requests(sb)
    first = signed_in(sb, tokens_dir)
    after_first = token_requests(sb)
    assert after_first["device_code"] == before["device_code"] + 1
    account = first.tokens.account  # type: ignore[attr-defined]
    assert account.username == "sandbox.engineer@contoso-partner.example"
    assert first.tokens.home_tenant == SANDBOX_PARTNER_TENANT_ID
    assert first.customers().items
    first.close()
    # The next start: the same token cache, no device code, no token request at all (the
    # access token of the first start is still valid).
    second = signed_in(sb, tokens_dir)
    assert second.customers().items
    after_second = token_requests(sb)
    assert after_second["device_code"] == after_first["device_code"]
    second.close()


def test_the_cache_file_is_private_and_holds_no_key(sb: Sandbox, tokens_dir: Path) -> None:
    signed_in(sb, tokens_dir).close()
    files = list(tokens_dir.glob("tokens-*.json"))
    assert len(files) == 1
    assert files[0].stat().st_mode & 0o077 == 0


def test_per_tenant_tokens_name_their_tenant(sb: Sandbox, tokens_dir: Path) -> None:
    backend = signed_in(sb, tokens_dir)
    consented = customers_in(sb, "consented")[:2]
    seen = set()
    for customer in consented:
        token = backend.tokens.token(GLOBAL.graph_scope, customer.tenant_id)
        seen.add(claims(token)["tid"])
        assert backend.health(customer.tenant_id).items
    assert seen == {c.tenant_id for c in consented}
    partner = claims(backend.tokens.token(GLOBAL.partner_center_scope))
    assert partner["tid"] == SANDBOX_PARTNER_TENANT_ID
    assert partner["aud"] == GLOBAL.partner_center
    backend.close()


def test_tokens_are_acquired_once_per_tenant_under_concurrency(
    sb: Sandbox, tokens_dir: Path
) -> None:
    backend = signed_in(sb, tokens_dir, concurrency=8)
    consented = customers_in(sb, "consented")[:6]
    before = token_requests(sb)["refresh_token"]
    outcomes = list(
        backend.sweep(consented * 4, lambda c, cid, cancel: backend.health(c.tenant_id, cid))
    )
    assert all(o.ok for o in outcomes)
    assert token_requests(sb)["refresh_token"] - before == len(consented)
    backend.close()


def test_refresh_when_the_access_token_runs_out(tokens_dir: Path) -> None:
    # Tokens that live 4 minutes are inside MSAL's and our 5-minute refresh margin: every
    # acquisition redeems the refresh token, as an expired one would.
    with Sandbox(customers=6, seed=3, consented="all", token_lifetime_s=240) as short:
        backend = signed_in(short, tokens_dir)
        before = token_requests(short)["refresh_token"]
        backend.customers()
        backend.tokens.clear()  # type: ignore[attr-defined]
        backend.customers()
        assert token_requests(short)["refresh_token"] > before
        backend.close()


def test_sign_out_forgets_the_account(sb: Sandbox, tokens_dir: Path) -> None:
    backend = signed_in(sb, tokens_dir)
    provider: Any = backend.tokens
    provider.sign_out()
    assert provider.account is None
    assert provider.cached_accounts() == []
    with pytest.raises(AuthError) as caught:
        provider.token(GLOBAL.partner_center_scope)
    assert caught.value.code == "signed_out"
    # Signing in again takes a new device code.
    before = token_requests(sb)["device_code"]
    signed_in(sb, tokens_dir).close()
    assert token_requests(sb)["device_code"] == before + 1


@pytest.mark.parametrize("state", ["no_grant", "no_service_principal"])
def test_not_consented_then_allowed_then_health_loads(tokens_dir: Path, state: str) -> None:
    with Sandbox(customers=40, seed=7, consented="some") as fresh:
        backend = signed_in(fresh, tokens_dir)
        customer = customers_in(fresh, state, can_consent=True)[0]
        with pytest.raises(AuthError) as caught:
            backend.health(customer.tenant_id)
        assert caught.value.code == "not_consented"
        code = "65001" if state == "no_grant" else "700016"
        assert f"AADSTS{code}" in caught.value.message
        assert "not yet allowed" in caught.value.message
        outcome = consent.allow(backend, customer)
        assert outcome.result == consent.ALLOWED, outcome.reason
        assert backend.health(customer.tenant_id).items
        # Again: nothing to do, no write.
        assert consent.allow(backend, customer).result == consent.ALREADY
        backend.close()


def test_consent_refused_names_the_roles(sb: Sandbox, tokens_dir: Path) -> None:
    backend = signed_in(sb, tokens_dir)
    customer = customers_in(sb, "no_grant", can_consent=False)[0]
    outcome = consent.allow(backend, customer)
    assert outcome.result == consent.REFUSED
    assert outcome.why == "roles"
    for role in ("Global Administrator", "Privileged Role Administrator", "Cloud Application"):
        assert role in outcome.reason
    backend.close()


def test_no_gdap_is_refused_without_a_consent_call(sb: Sandbox, tokens_dir: Path) -> None:
    backend = signed_in(sb, tokens_dir)
    customer = customers_in(sb, "no_gdap")[0]
    consents_before = sb.stats()["byRoute"].get("add_application_consent", 0)
    outcome = consent.allow(backend, customer)
    assert outcome.result == consent.REFUSED
    assert outcome.why == "no_gdap"
    assert sb.stats()["byRoute"].get("add_application_consent", 0) == consents_before
    backend.close()


def test_consent_waits_for_entra_to_catch_up(tokens_dir: Path) -> None:
    with Sandbox(customers=30, seed=7, consented="none", consent_delay_s=0.4) as slow:
        backend = signed_in(slow, tokens_dir)
        customer = customers_in(slow, "no_grant", can_consent=True)[0]
        waits: list[float] = []

        def sleep(seconds: float) -> bool:
            waits.append(seconds)
            threading.Event().wait(seconds)
            return False

        outcome = consent.allow(backend, customer, sleep=sleep)
        assert outcome.result == consent.ALLOWED
        assert waits, "the token was retried after the consent"
        assert backend.health(customer.tenant_id).items
        backend.close()


def test_consent_sweep_tallies_every_customer(tokens_dir: Path) -> None:
    with Sandbox(customers=30, seed=7, consented="some") as fresh:
        backend = signed_in(fresh, tokens_dir, concurrency=8)
        customers = backend.customers().items
        results = [consent.from_outcome(o) for o in consent.allow_all(backend, customers)]
        assert len(results) == len(customers)
        counts = consent.tally(results)
        assert counts[consent.ALREADY] > 0
        assert counts[consent.ALLOWED] > 0
        assert counts[consent.REFUSED] > 0
        assert counts[consent.FAILED] == 0
        # A second run: everything that was allowed now is "already"; refusals stay refusals.
        again = consent.tally(
            consent.from_outcome(o) for o in consent.allow_all(backend, customers)
        )
        assert again[consent.ALLOWED] == 0
        assert again[consent.ALREADY] == counts[consent.ALREADY] + counts[consent.ALLOWED]
        assert again[consent.REFUSED] == counts[consent.REFUSED]
        backend.close()


def test_an_untrusted_certificate_is_refused(sb: Sandbox, tokens_dir: Path) -> None:
    with Sandbox(customers=2, seed=1) as other:
        with pytest.raises(AuthError) as caught:
            Backend.for_sandbox(sb.url, ca_pem=other.ca_pem, token_dir=tokens_dir)
        assert caught.value.code == "untrusted_certificate"
        assert "not trusted" in caught.value.message


def test_api_calls_refuse_an_untrusted_certificate(sb: Sandbox, tokens_dir: Path) -> None:
    backend = signed_in(sb, tokens_dir)
    with Sandbox(customers=2, seed=1) as other:
        wrong = Backend(
            backend.cloud,
            backend.tokens,
            pinned={sb.url + "/": other.ca_pem},
            client_id=backend.client_id,
        )
        with pytest.raises(ApiError) as caught:
            wrong.customers()
        assert caught.value.name == "untrusted_certificate"
        wrong.close()
    backend.close()


def test_the_ca_is_fetched_and_pinned_for_a_loopback_sandbox(sb: Sandbox, tokens_dir: Path) -> None:
    assert sandbox_auth.sandbox_ca(sb.url) == sb.ca_pem
    backend = Backend.for_sandbox(sb.url, token_dir=tokens_dir)  # no CA given
    assert backend.customers().items
    backend.close()


def test_plain_http_cannot_sign_in() -> None:
    with pytest.raises(AuthError) as caught:
        sandbox_auth.sandbox_ca("http://127.0.0.1:9")
    assert caught.value.code == "sandbox_plain_http"


def test_the_embedded_key_is_kept(tmp_path: Path) -> None:
    key = sandbox_auth.signing_key(tmp_path / "k")
    assert len(key) == sandbox_auth.SIGNING_KEY_BYTES
    assert sandbox_auth.signing_key(tmp_path / "k") == key
    assert (tmp_path / "k" / "signing.key").stat().st_mode & 0o077 == 0
    assert sandbox_auth.key_identity(key) != sandbox_auth.key_identity(b"x" * 32)


def test_the_pinned_origin_trusts_its_own_ca_only(sb: Sandbox, tokens_dir: Path) -> None:
    # REQUESTS_CA_BUNDLE (set on this machine) and certifi's bundle stay out of the pinned
    # context: the sandbox's address trusts the sandbox's CA and nothing else.
    backend = signed_in(sb, tokens_dir)
    assert backend.customers().items
    adapter: Any = backend.session._session.get_adapter(sb.url + "/")
    assert len(adapter._context.get_ca_certs()) == 1
    backend.close()


def test_customer_tokens_are_kept_across_starts(sb: Sandbox, tokens_dir: Path) -> None:
    consented = customers_in(sb, "consented")[:3]
    first = signed_in(sb, tokens_dir)
    for customer in consented:
        assert first.health(customer.tenant_id).items
    first.close()  # the token cache writes behind: closing writes it
    before = token_requests(sb)
    second = signed_in(sb, tokens_dir)
    for customer in consented:
        assert second.health(customer.tenant_id).items
    assert token_requests(sb) == before  # no device code, no refresh: all from the cache
    second.close()
