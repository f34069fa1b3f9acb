"""Application consent: the sample states, Partner Center's consent API, its delay, Graph's
permission checks, and which tokens the API accepts at all."""

from __future__ import annotations

import base64
import json
import time
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
import requests

from desktop.config.clouds import SANDBOX_CLIENT_ID
from desktop.sandbox import Sandbox, mint_token
from desktop.sandbox.catalog import CONSENT_ROLES
from desktop.sandbox.data import Dataset

from .conftest import NOW
from .helpers import (
    GDAP,
    GRAPH_AUD,
    HEALTH,
    PARTNER,
    PC_AUD,
    client,
    graph,
    mint,
    pc,
    refresh,
    sign_in,
)

GRAPH_APP = "00000003-0000-0000-c000-000000000000"
CONSENT_IDS = {role_id for role_id, _ in CONSENT_ROLES}


def consent_body(**override: Any) -> dict[str, Any]:
    return {
        "applicationId": SANDBOX_CLIENT_ID,
        "displayName": "Partner Desk",
        "applicationGrants": [
            {"enterpriseApplicationId": GRAPH_APP, "scope": "ServiceHealth.Read.All"}
        ],
        **override,
    }


@pytest.fixture
def fresh() -> Iterator[Sandbox]:
    """A sandbox of its own: these tests change consents."""
    with Sandbox(customers=40, seed=7, now=NOW) as sandbox:
        yield sandbox


@pytest.fixture
def fhttp(fresh: Sandbox) -> Iterator[requests.Session]:
    with client(fresh) as session:
        yield session


def consents_url(sb: Sandbox, tid: str) -> str:
    return f"{sb.url}/v1/customers/{tid}/applicationconsents"


def first(sb: Sandbox, state: str, can: bool) -> str:
    return next(
        c.tenant_id
        for c in sb.customers_in_consent_state(state)
        if sb.can_consent(c.tenant_id) is can
    )


# -- sample data ---------------------------------------------------------------------------------


def kind(data: Dataset, tid: str) -> str:
    state = data.consents.state(tid)
    if state in ("consented", "no_gdap"):
        return state
    return "to_consent" if data.consents.can_consent(tid) else "refused"


def test_default_consent_mix_and_the_first_ten() -> None:
    data = Dataset(250, seed=7, now=NOW)
    head = {kind(data, c.tenant_id) for c in data.customers[:10]}
    assert {"consented", "to_consent", "refused"} <= head  # the self-test and screenshots
    gdap = [c for c in data.customers if c.has_gdap]
    states = Counter(data.consents.state(c.tenant_id) for c in gdap)
    assert 0.6 <= states["consented"] / len(gdap) <= 0.8
    assert states["no_service_principal"] >= 10
    assert states["no_grant"] >= 10
    unconsented = [c for c in gdap if data.consents.state(c.tenant_id) != "consented"]
    refused = [c for c in unconsented if not data.consents.can_consent(c.tenant_id)]
    assert 0.2 <= len(refused) / len(unconsented) <= 0.45
    assert all(data.consents.state(c.tenant_id) == "no_gdap" for c in data.no_gdap_customers())
    again = Dataset(250, seed=7, now=NOW)
    assert [kind(again, c.tenant_id) for c in again.customers] == [
        kind(data, c.tenant_id) for c in data.customers
    ]


@pytest.mark.parametrize("seed", [1, 2, 3, 11])
def test_every_seed_shows_each_kind_first(seed: int) -> None:
    data = Dataset(60, seed=seed, now=NOW)
    assert {"consented", "to_consent", "refused"} <= {
        kind(data, c.tenant_id) for c in data.customers[:10]
    }


def test_all_and_none() -> None:
    every = Dataset(30, seed=7, now=NOW, consented="all")
    nothing = Dataset(30, seed=7, now=NOW, consented="none")
    for c in every.customers:
        assert every.consents.state(c.tenant_id) == ("consented" if c.has_gdap else "no_gdap")
        assert nothing.consents.state(c.tenant_id) != "consented"
    with pytest.raises(ValueError, match="consented"):
        Dataset(3, consented="most")


def test_gdap_roles_say_who_can_consent(sb: Sandbox) -> None:
    for customer in sb.data.customers:
        active = [r for r in sb.data.relationships(customer.tenant_id) if r["status"] == "active"]
        assert len(active) == (1 if customer.has_gdap else 0)
        for rel in active:
            details: Any = rel["accessDetails"]
            roles = {role["roleDefinitionId"] for role in details["unifiedRoles"]}
            assert bool(roles & CONSENT_IDS) == sb.can_consent(customer.tenant_id)


# -- the consent API ----------------------------------------------------------------------------


def test_consent_makes_the_customer_token_work(fresh: Sandbox, fhttp: requests.Session) -> None:
    rt = sign_in(fhttp, fresh)["refresh_token"]
    for state in ("no_service_principal", "no_grant"):
        tid = first(fresh, state, True)
        assert refresh(fhttp, fresh, tid, rt).status_code == 400
        resp = fhttp.post(consents_url(fresh, tid), json=consent_body(), headers=pc(fresh))
        assert resp.status_code == 201, resp.text
        assert resp.json() == consent_body()
        assert fresh.consent_state(tid) == "consented"
        token = refresh(fhttp, fresh, tid, rt)
        assert token.status_code == 200
        health = fhttp.get(fresh.url + HEALTH, headers={
            "Authorization": f"Bearer {token.json()['access_token']}"})  # fmt: skip
        assert health.status_code == 200
        again = fhttp.post(consents_url(fresh, tid), json=consent_body(), headers=pc(fresh))
        assert again.status_code == 409
        assert again.json()["source"] == "PartnerFD"


def test_consent_accepts_pascal_case_and_several_scopes(
    fresh: Sandbox, fhttp: requests.Session
) -> None:
    tid = first(fresh, "no_grant", True)
    body = {
        "ApplicationId": SANDBOX_CLIENT_ID.upper(),
        "DisplayName": "Partner Desk",
        "ApplicationGrants": [
            {
                "EnterpriseApplicationId": GRAPH_APP,
                "Scope": "ServiceHealth.Read.All, Sites.Read.All",
            }
        ],
    }
    resp = fhttp.post(consents_url(fresh, tid), json=body, headers=pc(fresh))
    assert resp.status_code == 201, resp.text
    assert resp.json()["applicationGrants"][0]["scope"] == "ServiceHealth.Read.All,Sites.Read.All"
    rt = sign_in(fhttp, fresh)["refresh_token"]
    sites = refresh(fhttp, fresh, tid, rt, f"{GRAPH_AUD}/Sites.Read.All")
    assert sites.status_code == 200
    headers = {"Authorization": f"Bearer {sites.json()['access_token']}"}
    assert fhttp.get(fresh.url + "/graph/v1.0/sites/root", headers=headers).status_code == 200


def test_consent_refused_where_the_roles_cannot(fresh: Sandbox, fhttp: requests.Session) -> None:
    tid = (
        first(fresh, "no_grant", False)
        if any(
            not fresh.can_consent(c.tenant_id) for c in fresh.customers_in_consent_state("no_grant")
        )
        else first(fresh, "no_service_principal", False)
    )
    resp = fhttp.post(consents_url(fresh, tid), json=consent_body(), headers=pc(fresh))
    assert resp.status_code == 403
    description = resp.json()["description"]
    assert "Global Administrator" in description
    assert "Cloud Application Administrator" in description
    no_gdap = fresh.data.no_gdap_customers()[0].tenant_id
    resp = fhttp.post(consents_url(fresh, no_gdap), json=consent_body(), headers=pc(fresh))
    assert resp.status_code == 403
    assert "GDAP" in resp.json()["description"]


@pytest.mark.parametrize(
    "body",
    [
        "not json",
        json.dumps(["a"]),
        json.dumps(consent_body(applicationId="11111111-2222-3333-4444-555555555555")),
        json.dumps(consent_body(applicationGrants=[])),
        json.dumps(consent_body(applicationGrants=[{"enterpriseApplicationId": GRAPH_APP}])),
        json.dumps(
            consent_body(applicationGrants=[{"enterpriseApplicationId": GRAPH_APP, "scope": " , "}])
        ),
    ],
)
def test_malformed_consents_are_400(sb: Sandbox, http: requests.Session, body: str) -> None:
    tid = sb.data.customers[0].tenant_id
    headers = pc(sb, **{"Content-Type": "application/json"})
    resp = http.post(consents_url(sb, tid), data=body, headers=headers)
    assert resp.status_code == 400
    assert resp.json()["description"]


def test_consent_for_an_unknown_customer_is_404(sb: Sandbox, http: requests.Session) -> None:
    url = consents_url(sb, "00000000-0000-0000-0000-000000000000")
    assert http.post(url, json=consent_body(), headers=pc(sb)).status_code == 404
    assert http.delete(f"{url}/{SANDBOX_CLIENT_ID}", headers=pc(sb)).status_code == 404


def test_consent_needs_a_partner_center_token(sb: Sandbox, http: requests.Session) -> None:
    tid = first(sb, "no_grant", True)
    graph_token = graph(sb, PARTNER)
    assert (
        http.post(consents_url(sb, tid), json=consent_body(), headers=graph_token).status_code
        == 401
    )
    assert (
        http.post(consents_url(sb, tid), json=consent_body(), headers=pc(sb, tid)).status_code
        == 403
    )
    assert sb.consent_state(tid) == "no_grant"


def test_delete_then_consent_again(fresh: Sandbox, fhttp: requests.Session) -> None:
    tid = first(fresh, "consented", True)
    url = f"{consents_url(fresh, tid)}/{SANDBOX_CLIENT_ID}"
    assert fhttp.delete(url, headers=pc(fresh)).status_code == 204
    assert fresh.consent_state(tid) == "no_service_principal"
    assert fhttp.delete(url, headers=pc(fresh)).status_code == 404
    other = f"{consents_url(fresh, tid)}/11111111-2222-3333-4444-555555555555"
    assert fhttp.delete(other, headers=pc(fresh)).status_code == 404
    created = fhttp.post(consents_url(fresh, tid), json=consent_body(), headers=pc(fresh))
    assert created.status_code == 201
    assert fresh.consent_state(tid) == "consented"


def test_consent_takes_a_while_to_reach_entra() -> None:
    with Sandbox(customers=30, seed=7, consent_delay_s=0.3) as sb, client(sb) as http:
        tid = first(sb, "no_grant", True)
        rt = sign_in(http, sb)["refresh_token"]
        assert (
            http.post(consents_url(sb, tid), json=consent_body(), headers=pc(sb)).status_code == 201
        )
        early = refresh(http, sb, tid, rt)
        assert early.status_code == 400
        assert early.json()["error_codes"] == [65001]
        assert sb.consent_state(tid) == "no_grant"
        assert (
            http.post(consents_url(sb, tid), json=consent_body(), headers=pc(sb)).status_code == 409
        )
        time.sleep(0.35)
        assert refresh(http, sb, tid, rt).status_code == 200
        assert sb.consent_state(tid) == "consented"


# -- Graph permissions and token checks ----------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "needs", "code", "tenant"),
    [
        (HEALTH, "ServiceHealth.Read.All", "Forbidden", "customer"),
        ("/graph/v1.0/admin/serviceAnnouncement/messages", "ServiceMessage.Read.All",
         "Forbidden", "customer"),
        ("/graph/v1.0/sites/root", "Sites.Read.All", "Forbidden", "customer"),
        (GDAP + "/delegatedAdminRelationships", "DelegatedAdminRelationship.Read.All",
         "Authorization_RequestDenied", "partner"),
    ],
)  # fmt: skip
def test_graph_checks_the_token_scopes(
    sb: Sandbox, http: requests.Session, path: str, needs: str, code: str, tenant: str
) -> None:
    tid = (
        PARTNER if tenant == "partner" else sb.customers_in_consent_state("consented")[0].tenant_id
    )
    others = [s for s in ("ServiceHealth.Read.All", "ServiceMessage.Read.All",
                          "DelegatedAdminRelationship.Read.All", "Sites.Read.All")
              if s != needs]  # fmt: skip
    denied = http.get(sb.url + path, headers=graph(sb, tid, others))
    assert denied.status_code == 403
    error = denied.json()["error"]
    assert error["code"] == code
    assert error["message"].startswith(
        "Either the signed-in user does not have sufficient privileges, or you need to consent "
        "to one of the permissions on this API."
    )
    assert error["innerError"]["request-id"] == denied.headers["request-id"]
    assert http.get(sb.url + path, headers=graph(sb, tid, [needs])).status_code == 200


def test_a_consented_customer_token_cannot_read_sites(sb: Sandbox, http: requests.Session) -> None:
    tid = sb.customers_in_consent_state("consented")[0].tenant_id
    rt = sign_in(http, sb)["refresh_token"]
    token = refresh(http, sb, tid, rt).json()["access_token"]
    headers = {"Authorization": f"Bearer {token}"}
    assert http.get(sb.url + "/graph/v1.0/sites/root", headers=headers).status_code == 403
    assert http.get(sb.url + HEALTH, headers=headers).status_code == 200


def _segment(value: dict[str, Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(value).encode()).rstrip(b"=").decode()


def test_unsigned_forged_and_tampered_tokens_are_401(sb: Sandbox, http: requests.Session) -> None:
    now = int(time.time())
    claims = {
        "tid": PARTNER,
        "aud": PC_AUD,
        "iat": now,
        "exp": now + 600,
        "scp": "user_impersonation",
    }
    unsigned = f"{_segment({'alg': 'none', 'typ': 'JWT'})}.{_segment(claims)}."
    forged = mint_token(PARTNER, PC_AUD, key=b"not the sandbox key, not at all")
    good = mint(sb, PARTNER, PC_AUD)
    head, body, signature = good.split(".")
    edited = json.loads(base64.urlsafe_b64decode(body + "=="))
    edited["tid"] = sb.data.customers[0].tenant_id
    tampered = f"{head}.{_segment(edited)}.{signature}"
    relabelled = f"{_segment({'alg': 'none', 'typ': 'JWT'})}.{body}.{signature}"
    for token in (unsigned, forged, tampered, relabelled, good + "x"):
        resp = http.get(sb.url + "/v1/customers", headers={"Authorization": f"Bearer {token}"})
        assert resp.status_code == 401, token
        assert "signature" in resp.json()["description"]
    assert http.get(sb.url + "/v1/customers", headers={"Authorization": f"Bearer {good}"}).ok


def test_a_token_older_than_the_sandbox_proves_no_consent(
    fresh: Sandbox, fhttp: requests.Session
) -> None:
    """An embedded sandbox started again forgets its last run's consents, while the app keeps
    that run's tokens: those are refused for a customer not consented now (the app then asks
    Entra, which says 65001); the partner's own and consented customers' are not."""
    waiting = next(
        c for c in fresh.data.customers if fresh.consent_state(c.tenant_id) == "no_grant"
    )
    consented = next(
        c for c in fresh.data.customers if fresh.consent_state(c.tenant_id) == "consented"
    )
    old = int(time.time()) - 3600
    for customer, expected in ((waiting, 401), (consented, 200)):
        token = fresh.issue_token(customer.tenant_id, GRAPH_AUD, iat=old, nbf=old)
        answer = fhttp.get(fresh.url + HEALTH, headers={"Authorization": f"Bearer {token}"})
        assert answer.status_code == expected, customer
    # Issued by this run (the test-only door has no consent rules): answered.
    assert fhttp.get(fresh.url + HEALTH, headers=graph(fresh, waiting.tenant_id)).status_code == 200
