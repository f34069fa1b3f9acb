"""The dataset: deterministic per seed whatever the access order, realistic, and fast."""

from __future__ import annotations

from collections import Counter

from desktop.sandbox import Sandbox, decode_token, mint_token
from desktop.sandbox.data import Dataset
from desktop.sandbox.tokens import Signer, verify_jwt

from .conftest import NOW
from .helpers import GDAP, HEALTH, ISSUES, PARTNER, client, graph, pc


def payloads(data: Dataset, tid: str) -> tuple[object, ...]:
    return (
        data.health_overviews(tid, expand=True),
        data.issues(tid),
        data.service_requests(tid),
        data.customer_detail(tid),
        data.site_root(tid),
        data.relationships(tid),
        data.managed_services(tid),
        data.service_incidents(tid),
    )


def test_same_seed_same_data_in_any_order() -> None:
    one, two = Dataset(80, seed=5, now=NOW), Dataset(80, seed=5, now=NOW)
    assert one.customers == two.customers
    forward = {c.tenant_id: payloads(one, c.tenant_id) for c in one.customers}
    backward = {c.tenant_id: payloads(two, c.tenant_id) for c in reversed(two.customers)}
    assert forward == backward
    assert one.delegated_admin_relationships() == two.delegated_admin_relationships()
    assert one.tickets.everything() == two.tickets.everything()


def test_same_seed_same_answers_over_http() -> None:
    def fetch(sb: Sandbox, order: list[int]) -> dict[str, bytes]:
        out = {}
        with client(sb) as http:
            for i in order:
                tid = sb.data.customers[i].tenant_id
                if sb.data.customers[i].has_gdap:
                    out[tid + "h"] = http.get(sb.url + HEALTH, headers=graph(sb, tid)).content
                    out[tid + "i"] = http.get(sb.url + ISSUES, headers=graph(sb, tid)).content
                url = sb.url + f"/v1/customers/{tid}/servicerequests"
                out[tid + "r"] = http.get(url, headers=pc(sb)).content
            out["list"] = http.get(sb.url + "/v1/customers", headers=pc(sb)).content
        return out

    with Sandbox(customers=20, seed=9, now=NOW) as a, Sandbox(customers=20, seed=9, now=NOW) as b:
        assert fetch(a, list(range(20))) == fetch(b, list(reversed(range(20))))


def test_other_seed_other_data() -> None:
    one, two = Dataset(30, seed=1, now=NOW), Dataset(30, seed=2, now=NOW)
    assert {c.tenant_id for c in one.customers}.isdisjoint(c.tenant_id for c in two.customers)
    assert [i.id for i in one.pool] != [i.id for i in two.pool]


def test_default_dataset_facts() -> None:
    data = Dataset(250, seed=7, now=NOW)
    customers = data.customers
    assert len(data.no_gdap_customers()) >= 10
    assert len({c.domain for c in customers}) == 250
    assert len({c.tenant_id for c in customers}) == 250
    assert all(c.domain.endswith(".onmicrosoft.com") and c.domain.isascii() for c in customers)
    names = [c.company_name for c in customers]
    assert "@Home Networks Ltd" in names
    assert "+Plus IT Services" in names
    assert sum(len(n) >= 60 for n in names) >= 2
    cultures = Counter(c.culture for c in customers)
    assert {"zh-TW", "ja-JP", "de-DE", "en-US", "fr-FR", "es-ES"} <= set(cultures)
    assert any("股份有限公司" in n for n in names)
    assert any("株式会社" in n for n in names)
    assert any(any(ch in n for ch in "äöüß") for n in names)
    relationships = Counter(c.relationship for c in customers)
    assert relationships.most_common(1)[0][0] == "reseller"
    assert len(relationships) >= 5
    assert any(
        o["status"] == "ServiceMaintenance"
        for c in data.customers
        for o in data.health_overviews(c.tenant_id)
    )
    seen = [len(data.issues(c.tenant_id)) for c in customers]
    assert 3 <= sum(seen) / len(seen) <= 15
    assert 40 <= len(data.pool) <= 60
    statuses = {i.status for i in data.pool}
    assert {"ServiceInterruption", "ServiceRestored", "PostIncidentReviewPublished"} <= statuses
    ids = [r["id"] for c in customers for r in data.service_requests(c.tenant_id)]
    assert len(ids) == len(set(ids))
    legacy = [r for c in customers for r in data.service_requests(c.tenant_id)
              if isinstance(r["severity"], int)]  # fmt: skip
    assert 0.08 <= len(legacy) / len(ids) <= 0.3


def test_ten_thousand_customers_build() -> None:
    # How fast is bench/ territory (bench/startup.py and bench/dashboard.py build 10,000).
    data = Dataset(10_000, seed=7)
    assert len(data.customers) == 10_000
    assert len({c.domain for c in data.customers}) == 10_000


def test_gdap_ending_soon_and_auto_extend_variants() -> None:
    data = Dataset(250, seed=7, now=NOW)
    active = [r for r in data.delegated_admin_relationships() if r["status"] == "active"]
    # Graph documents P0D and PT0S alike as "no auto-extension": both come.
    assert {r["autoExtendDuration"] for r in active} == {"P180D", "PT0S", "P0D"}
    soon = [r for r in active if str(r["endDateTime"]) < "2026-12-20"]
    assert soon


def test_tokens_round_trip_and_signer_detects_tampering() -> None:
    token = mint_token(PARTNER, "https://graph.microsoft.com", key=b"k" * 32, name="Ann")
    claims = decode_token(token)
    assert claims is not None
    assert claims["tid"] == PARTNER
    assert claims["name"] == "Ann"
    assert verify_jwt(token, b"k" * 32) == claims
    assert verify_jwt(token, b"j" * 32) is None
    head, body, signature = token.split(".")
    assert verify_jwt(f"{head}.{body}.", b"k" * 32) is None
    assert verify_jwt(f"{head}.{body}x.{signature}", b"k" * 32) is None
    assert "=" not in token
    assert decode_token("a.b") is None
    assert decode_token("!!.??.") is None
    signer = Signer(b"secret")
    opaque = signer.dumps({"o": 5})
    assert signer.loads(opaque) == {"o": 5}
    assert signer.loads(opaque[:-1] + ("A" if opaque[-1] != "A" else "B")) is None
    assert Signer(b"other").loads(opaque) is None
    assert signer.loads("ünïcode.token") is None


def test_gdap_paths_exist() -> None:
    assert GDAP.endswith("tenantRelationships")
