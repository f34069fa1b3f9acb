"""Canned answers (tests only): how tests/wire serves Microsoft's published examples."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import requests

from desktop.sandbox import Canned, Sandbox

from .helpers import HEALTH, PARTNER, client, graph, pc

BODY = b'{\n  "value": [ {"id": "Exchange", "service": "Exchange Online", "status": "X"} ]\n}\n'


@pytest.fixture
def fresh() -> Iterator[Sandbox]:
    with Sandbox(customers=4, seed=3, consented="all") as sandbox:
        yield sandbox


@pytest.fixture
def http(fresh: Sandbox) -> Iterator[requests.Session]:
    with client(fresh) as session:
        yield session


def _customer(sb: Sandbox) -> str:
    return next(c.tenant_id for c in sb.data.customers if sb.data.graph_allowed(c.tenant_id))


def test_served_word_for_word_with_its_status_and_headers(fresh: Sandbox, http):
    fresh.serve_canned(Canned(HEALTH, BODY, 429, headers=[("Retry-After", "57")]))
    tenant = _customer(fresh)
    got = http.get(fresh.url + HEALTH + "?$expand=issues", headers=graph(fresh, tenant))
    assert (got.status_code, got.content, got.headers["Retry-After"]) == (429, BODY, "57")
    assert fresh.canned_pending() == 0
    again = http.get(fresh.url + HEALTH, headers=graph(fresh, tenant))
    assert again.status_code == 200
    assert again.content != BODY  # once only: then the sandbox's own answer


def test_only_to_a_caller_whose_token_is_accepted(fresh: Sandbox, http):
    fresh.serve_canned(Canned("/v1/customers", BODY))
    assert http.get(fresh.url + "/v1/customers").status_code == 401
    forged = {"Authorization": "Bearer not-a-token"}
    assert http.get(fresh.url + "/v1/customers", headers=forged).status_code == 401
    assert fresh.canned_pending() == 1  # still waiting for a real caller
    got = http.get(fresh.url + "/v1/customers?size=5", headers=pc(fresh, PARTNER))
    assert got.content == BODY
    assert fresh.canned_pending() == 0


def test_first_matching_prefix_wins_for_count_calls_and_clear_forgets(fresh: Sandbox, http):
    fresh.serve_canned(Canned("/v1/customers/", b'{"a": 1}', count=2))
    fresh.serve_canned(Canned("/v1/customers", b'{"b": 2}'))
    headers = pc(fresh, PARTNER)
    answers = [http.get(fresh.url + "/v1/customers/x", headers=headers).json() for _ in range(2)]
    assert answers == [{"a": 1}, {"a": 1}]
    assert fresh.canned_pending() == 1
    fresh.clear_canned()
    listed = http.get(fresh.url + "/v1/customers", headers=headers).json()
    assert listed != {"b": 2}
    assert "items" in listed


def test_canned_answers_refuse_nonsense():
    with pytest.raises(ValueError, match="path_prefix"):
        Canned("v1/customers", b"{}")
    with pytest.raises(ValueError, match="status"):
        Canned("/v1/customers", b"{}", status=99)
    with pytest.raises(ValueError, match="count"):
        Canned("/v1/customers", b"{}", count=0)
