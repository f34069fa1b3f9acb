"""HttpSession against the real sandbox: headers, retries, Retry-After, faults, error shapes."""

from __future__ import annotations

import threading

import pytest

from desktop.api.errors import MALFORMED, NETWORK, TIMEOUT, ApiError
from desktop.api.graph import GraphClient
from desktop.api.http import HttpSession, RetryPolicy, Timeouts, parse_retry_after
from desktop.api.partner_center import PartnerCenterClient
from desktop.config.clouds import sandbox_profile
from desktop.sandbox import Sandbox
from tests.tokens import IssuedTokens


class Clients:
    def __init__(self, sb: Sandbox, **session_kwargs: object) -> None:
        self.sleeps: list[float] = []
        cloud = sandbox_profile(sb.url)
        self.tokens = IssuedTokens(sb)
        session_kwargs.setdefault("pinned", {sb.url + "/": sb.ca_pem})
        self.session = HttpSession(sleep=self.sleeps.append, **session_kwargs)  # type: ignore[arg-type]
        self.pc = PartnerCenterClient(
            self.session, cloud.partner_center, self.tokens, cloud.partner_center_scope
        )
        self.graph = GraphClient(self.session, cloud.graph, self.tokens, cloud.graph_scope)


@pytest.fixture
def clients(fresh_sandbox: Sandbox):
    c = Clients(fresh_sandbox)
    yield c
    c.session.close()


def first_gdap_tenant(sb: Sandbox) -> str:
    return next(c.tenant_id for c in sb.data.customers if c.has_gdap)


HEALTH = "/graph/v1.0/admin/serviceAnnouncement/healthOverviews"


def test_retry_after_is_honoured_then_the_call_succeeds(fresh_sandbox, clients):
    tenant = first_gdap_tenant(fresh_sandbox)
    fresh_sandbox.inject(HEALTH, "error", status=429, shape="graph", count=2, retry_after=3)
    health = clients.graph.health_overviews(tenant, "cid")
    assert health.items
    # Waited what the server asked, twice, before the third try.
    assert len(clients.sleeps) == 2
    assert all(3 <= s < 3.5 for s in clients.sleeps)


def test_too_long_retry_after_fails_fast_as_throttled(fresh_sandbox, clients):
    fresh_sandbox.inject(HEALTH, "error", status=429, shape="graph", count=1, retry_after=3600)
    with pytest.raises(ApiError) as info:
        clients.graph.health_overviews(first_gdap_tenant(fresh_sandbox), "cid")
    assert info.value.throttled
    assert info.value.retry_after == 3600
    assert clients.sleeps == []


@pytest.mark.parametrize("kind", ["drop", "malformed"])
def test_dropped_and_malformed_answers_are_retried(fresh_sandbox, clients, kind):
    fresh_sandbox.inject(HEALTH, kind, count=2)
    assert clients.graph.health_overviews(first_gdap_tenant(fresh_sandbox), "cid").items
    assert len(clients.sleeps) == 2


def test_backoff_grows_and_is_capped(fresh_sandbox):
    c = Clients(fresh_sandbox, retry=RetryPolicy(attempts=6, backoff_base_s=1, backoff_cap_s=4))
    fresh_sandbox.inject(HEALTH, "error", status=503, shape="graph", count=10)
    with pytest.raises(ApiError) as info:
        c.graph.health_overviews(first_gdap_tenant(fresh_sandbox), "cid")
    c.session.close()
    assert info.value.status == 503
    assert len(c.sleeps) == 5  # six tries, five waits
    # Equal jitter: each wait lies in [cap/2, cap] of its exponential step 1, 2, 4, 4, 4.
    for wait, step in zip(c.sleeps, [1, 2, 4, 4, 4], strict=False):
        assert step / 2 <= wait <= step


def test_errors_give_up_after_the_attempts(fresh_sandbox):
    c = Clients(fresh_sandbox, retry=RetryPolicy(attempts=3))
    fresh_sandbox.inject(HEALTH, "drop", count=5)
    with pytest.raises(ApiError) as info:
        c.graph.health_overviews(first_gdap_tenant(fresh_sandbox), "cid")
    c.session.close()
    assert info.value.kind == NETWORK
    assert "closed the connection" in info.value.message or "cut off" in info.value.message


def test_slow_body_past_the_deadline_is_a_timeout(fresh_sandbox):
    c = Clients(
        fresh_sandbox,
        retry=RetryPolicy(attempts=1),
        timeouts=Timeouts(connect_s=2, read_s=2, attempt_s=0.3),
    )
    fresh_sandbox.inject(HEALTH, "slow", count=1, delay_s=1.5)
    with pytest.raises(ApiError) as info:
        c.graph.health_overviews(first_gdap_tenant(fresh_sandbox), "cid")
    c.session.close()
    assert info.value.kind == TIMEOUT


def test_no_answer_within_the_read_timeout_is_a_timeout(fresh_sandbox):
    c = Clients(
        fresh_sandbox,
        retry=RetryPolicy(attempts=1),
        timeouts=Timeouts(connect_s=2, read_s=0.3, attempt_s=5),
    )
    fresh_sandbox.inject(HEALTH, "delay", count=1, delay_s=1.5)
    with pytest.raises(ApiError) as info:
        c.graph.health_overviews(first_gdap_tenant(fresh_sandbox), "cid")
    c.session.close()
    assert info.value.kind == TIMEOUT


@pytest.mark.parametrize(
    ("shape", "status", "code", "fragment"),
    [
        ("pc", 400, "3000", ""),
        ("pc2", 409, "600061", ""),
        ("problem", 412, "", ""),
        ("throttle", 429, "429", "Rate limit"),
        ("graph", 404, "", ""),
        ("html", 502, "", "HTML page"),
    ],
)
def test_every_error_shape_is_parsed(fresh_sandbox, shape, status, code, fragment):
    c = Clients(fresh_sandbox, retry=RetryPolicy(attempts=1))
    fresh_sandbox.inject("/v1/customers", "error", status=status, shape=shape, count=1)
    with pytest.raises(ApiError) as info:
        c.pc.customers("cid")
    c.session.close()
    error = info.value
    assert error.status == status
    assert error.message
    assert error.message != "None"
    if code:
        assert error.code == code
    if fragment:
        assert fragment in error.message
    assert error.request_id
    assert "Bearer" not in str(error)
    assert "eyJ" not in str(error)


def test_401_refreshes_the_token_once(fresh_sandbox, clients):
    fresh_sandbox.inject("/v1/customers", "error", status=401, shape="pc", count=1)
    before = clients.tokens.acquisitions
    assert clients.pc.customers("cid").items
    assert clients.tokens.acquisitions == before + 2  # first token, then a fresh one


def test_expired_tokens_are_refused_and_replaced(fresh_sandbox):
    # Tokens that expired a minute ago, as the sandbox sees them.
    c = Clients(fresh_sandbox)
    c.tokens = IssuedTokens(fresh_sandbox, lifetime_s=-60)
    c.pc.auth = c.pc.auth.__class__(c.tokens, c.pc.auth.scope)
    with pytest.raises(ApiError) as info:
        c.pc.customers("cid")
    c.session.close()
    assert info.value.status == 401


def test_writes_are_not_resent_after_a_drop(fresh_sandbox, clients):
    fresh_sandbox.inject("/v1/servicerequests", "drop", count=1)
    with pytest.raises(ApiError) as info:
        clients.pc.add_note("123", "hello", "cid")
    assert info.value.ambiguous
    assert clients.sleeps == []


def test_cancel_stops_a_retry_wait(fresh_sandbox):
    session = HttpSession(pinned={fresh_sandbox.url + "/": fresh_sandbox.ca_pem})
    cancel = threading.Event()
    tokens = IssuedTokens(fresh_sandbox)
    cloud = sandbox_profile(fresh_sandbox.url)
    graph = GraphClient(session, cloud.graph, tokens, cloud.graph_scope)
    fresh_sandbox.inject(HEALTH, "error", status=429, shape="graph", count=1, retry_after=30)
    threading.Timer(0.2, cancel.set).start()
    with pytest.raises(ApiError) as info:
        graph.health_overviews(first_gdap_tenant(fresh_sandbox), "cid", cancel=cancel)
    session.close()
    assert info.value.kind == "cancelled"


def test_retry_after_accepts_seconds_and_dates():
    assert parse_retry_after("57") == 57
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412470) == 10
    assert parse_retry_after("soon") is None
    assert parse_retry_after(None) is None


def test_malformed_json_in_a_success_is_reported_when_retries_run_out(fresh_sandbox):
    c = Clients(fresh_sandbox, retry=RetryPolicy(attempts=1))
    fresh_sandbox.inject(HEALTH, "malformed", count=1)
    with pytest.raises(ApiError) as info:
        c.graph.health_overviews(first_gdap_tenant(fresh_sandbox), "cid")
    c.session.close()
    assert info.value.kind == MALFORMED
