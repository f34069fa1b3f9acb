"""Scripted faults, random faults, throttling, latency, stats and concurrency."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from desktop.sandbox import Sandbox

from .helpers import HEALTH, ISSUES, PARTNER, ca_file, client, graph, pc

CUSTOMERS = "/v1/customers"


@pytest.fixture
def fresh() -> Iterator[Sandbox]:
    with Sandbox(customers=8, seed=3) as sandbox:
        yield sandbox


@pytest.fixture
def http(fresh: Sandbox) -> Iterator[requests.Session]:
    """Here a session trusts the test's own fresh sandbox (the module one is unused)."""
    with client(fresh) as session:
        yield session


@pytest.mark.parametrize(
    ("shape", "content_type", "key"),
    [
        ("pc", "application/json", "source"),
        ("pc2", "application/json", "isRetryable"),
        ("problem", "application/problem+json", "title"),
        ("throttle", "application/json", "statusCode"),
        ("graph", "application/json", "error"),
        ("html", "text/html", None),
    ],
)
def test_injected_error_shapes(
    fresh: Sandbox, http: requests.Session, shape: str, content_type: str, key: str | None
) -> None:
    fresh.inject(CUSTOMERS, "error", status=502, shape=shape, count=2, retry_after=7)
    for _ in range(2):
        resp = http.get(fresh.url + CUSTOMERS + "?size=2", headers=pc(fresh))
        assert resp.status_code == 502
        assert resp.headers["Content-Type"].startswith(content_type)
        assert resp.headers["Retry-After"] == "7"
        if key is None:
            assert b"<h1>502 Bad Gateway</h1>" in resp.content
        else:
            assert key in resp.json()
    assert http.get(fresh.url + CUSTOMERS, headers=pc(fresh)).status_code == 200
    assert fresh.stats()["faults"] == 2


def test_injection_matches_the_path_prefix_only(fresh: Sandbox, http: requests.Session) -> None:
    fresh.inject(HEALTH, "error", status=503, shape="graph")
    tid = fresh.data.customers[0].tenant_id
    assert http.get(fresh.url + CUSTOMERS, headers=pc(fresh)).status_code == 200
    assert http.get(fresh.url + ISSUES, headers=graph(fresh, PARTNER)).status_code == 200
    resp = http.get(fresh.url + HEALTH, headers=graph(fresh, tid))
    assert resp.status_code == 503
    assert resp.json()["error"]["code"]


def test_injected_drop(fresh: Sandbox, http: requests.Session) -> None:
    fresh.inject(CUSTOMERS, "drop")
    with pytest.raises(requests.ConnectionError):
        http.get(fresh.url + CUSTOMERS, headers=pc(fresh))
    assert http.get(fresh.url + CUSTOMERS, headers=pc(fresh)).status_code == 200


def test_injected_malformed_body(fresh: Sandbox, http: requests.Session) -> None:
    fresh.inject(CUSTOMERS, "malformed")
    resp = http.get(fresh.url + CUSTOMERS, headers=pc(fresh))
    assert resp.status_code == 200
    assert resp.headers["Content-Type"].startswith("application/json")
    assert int(resp.headers["Content-Length"]) == len(resp.content) > 0
    resp.content.decode("utf-8")  # cut on a character boundary
    with pytest.raises(requests.JSONDecodeError):
        resp.json()


def test_injected_slow_body_and_delay(fresh: Sandbox, http: requests.Session) -> None:
    for kind in ("slow", "delay"):
        fresh.inject(CUSTOMERS, kind, delay_s=0.3)
        before = fresh.stats()["waitedS"]
        resp = http.get(fresh.url + CUSTOMERS, headers=pc(fresh))
        assert resp.status_code == 200
        assert resp.json()["totalCount"] == 8
        # The sandbox waited what it was told while serving (counted, not timed).
        assert fresh.stats()["waitedS"] - before == pytest.approx(0.3)
    # Read to the end: the slow body went out whole (tests/faults asks when it did not).
    assert (fresh.stats()["trickled"], fresh.stats()["trickleCut"]) == (1, 0)


def test_inject_over_http(fresh: Sandbox, http: requests.Session) -> None:
    ok = http.post(
        fresh.url + "/_sandbox/inject",
        json={"path_prefix": CUSTOMERS, "kind": "error", "status": 429, "shape": "throttle",
              "retry_after": 2},
    )  # fmt: skip
    assert ok.status_code == 200
    resp = http.get(fresh.url + CUSTOMERS, headers=pc(fresh))
    assert resp.status_code == 429
    assert resp.headers["Retry-After"] == "2"
    assert resp.json()["message"] == "Rate limit is exceeded. Try again in 2 seconds."
    for bad in ({"path_prefix": "/v1", "kind": "explode"}, {"kind": "drop"},
                {"path_prefix": "/v1", "kind": "error", "shape": "xml"}):  # fmt: skip
        assert http.post(fresh.url + "/_sandbox/inject", json=bad).status_code == 400
    with pytest.raises(ValueError, match="kind"):
        fresh.inject("/v1", "explode")


def test_fault_rate_one_gives_only_faults() -> None:
    with Sandbox(customers=5, seed=7, fault_rate=1.0) as sb, client(sb) as http:
        seen = set()
        for i in range(60):
            on_graph = i % 2 == 1
            path, headers = (HEALTH, graph(sb, PARTNER)) if on_graph else (CUSTOMERS, pc(sb))
            try:
                resp = http.get(sb.url + path, headers=headers)
            except requests.ConnectionError:
                seen.add("drop")
                continue
            if resp.status_code in (429, 503):
                body = resp.json()
                if on_graph:
                    assert body["error"]["code"] in ("TooManyRequests", "serviceNotAvailable")
                elif resp.status_code == 429:
                    assert body["message"] == "Rate limit is exceeded. Try again in 1 seconds."
                else:
                    assert body["source"] == "PartnerFD"
                if resp.status_code == 429:
                    assert resp.headers["Retry-After"] == "1"
                seen.add(str(resp.status_code))
            else:
                assert resp.status_code == 200
                with pytest.raises(json.JSONDecodeError):
                    json.loads(resp.content)
                seen.add("malformed")
        assert seen == {"drop", "429", "503", "malformed"}
        assert sb.stats()["faults"] == 60
        sb.set_fault_rate(0.0)
        assert http.get(sb.url + CUSTOMERS, headers=pc(sb)).json()["totalCount"] == 5


def test_graph_throttle_window_is_per_tenant() -> None:
    with (
        Sandbox(customers=6, seed=7, throttle=True, throttle_limit=3, throttle_window_s=0.6) as sb,
        client(sb) as http,
    ):
        for _ in range(3):
            assert http.get(sb.url + HEALTH, headers=graph(sb, PARTNER)).status_code == 200
        limited = http.get(sb.url + HEALTH, headers=graph(sb, PARTNER))
        assert limited.status_code == 429
        assert limited.json()["error"]["code"] == "TooManyRequests"
        assert int(limited.headers["Retry-After"]) >= 1
        other = next(c.tenant_id for c in sb.data.customers if c.has_gdap)
        assert http.get(sb.url + HEALTH, headers=graph(sb, other)).status_code == 200
        assert http.get(sb.url + CUSTOMERS, headers=pc(sb)).status_code == 200  # Graph only
        assert sb.stats()["throttled"] == 1
        time.sleep(0.65)
        assert http.get(sb.url + HEALTH, headers=graph(sb, PARTNER)).status_code == 200


def test_throttle_retry_after_counts_down() -> None:
    with (
        Sandbox(customers=2, seed=7, throttle=True, throttle_limit=1, throttle_window_s=30) as sb,
        client(sb) as http,
    ):
        http.get(sb.url + HEALTH, headers=graph(sb, PARTNER))
        wait = int(http.get(sb.url + HEALTH, headers=graph(sb, PARTNER)).headers["Retry-After"])
        assert 29 <= wait <= 30


def test_stats_count_api_requests_only(fresh: Sandbox, http: requests.Session) -> None:
    assert http.post(fresh.url + "/_sandbox/reset-stats").status_code == 200
    http.get(fresh.url + CUSTOMERS, headers=pc(fresh))
    http.get(fresh.url + CUSTOMERS + "?size=1", headers=pc(fresh))
    http.get(fresh.url + HEALTH, headers=graph(fresh, PARTNER))
    http.get(fresh.url + CUSTOMERS)  # a 401 is still a request
    http.get(fresh.url + "/_sandbox/info")
    stats = http.get(fresh.url + "/_sandbox/stats").json()
    assert stats == fresh.stats()
    assert stats["requests"] == 4
    assert stats["faults"] == 0
    assert stats["creates"] == 0
    assert stats["byRoute"] == {
        "GET /v1/customers": 3,
        "GET /graph/v1.0/admin/serviceAnnouncement/healthOverviews": 1,
    }
    info = http.get(fresh.url + "/_sandbox/info").json()
    assert info["partnerTenantId"] == PARTNER
    assert info["customers"] == 8
    assert info["seed"] == 3


def test_latency_applies_to_api_requests() -> None:
    with Sandbox(customers=2, seed=7, latency_ms=3000) as sb, client(sb) as http:
        # An API call waits out its latency; the control routes answer meanwhile.
        answered = threading.Event()

        def api_call() -> None:
            requests.get(sb.url + CUSTOMERS, headers=pc(sb), timeout=30, verify=ca_file(sb))
            answered.set()

        caller = threading.Thread(target=api_call, daemon=True)
        caller.start()
        deadline = time.monotonic() + 10  # a liveness guard, not a measure
        while not sb.stats()["inFlight"]:  # the API call has arrived and waits
            assert time.monotonic() < deadline, "the API call never reached the sandbox"
            time.sleep(0.01)
        assert http.get(sb.url + "/_sandbox/info").ok
        assert not answered.is_set()
        caller.join(30)
    with Sandbox(customers=2, seed=7, latency_ms=120) as sb, client(sb) as http:
        assert http.get(sb.url + "/_sandbox/info").ok  # control routes wait for nothing
        assert sb.stats()["waitedS"] == 0
        http.get(sb.url + CUSTOMERS, headers=pc(sb))
        assert sb.stats()["waitedS"] == pytest.approx(0.12)  # the latency was honoured


def test_64_concurrent_keep_alive_connections() -> None:
    # 100 ms answers: the 64 TLS handshakes (client and server share this process's GIL) ramp
    # up for tens of milliseconds, so a 50 ms answer could end before the last one began.
    with Sandbox(customers=64, seed=7, latency_ms=100) as sb:
        tenants = [c.tenant_id for c in sb.data.customers if c.has_gdap]

        def worker(i: int) -> list[int]:
            with client(sb) as session:
                headers = graph(sb, tenants[i % len(tenants)])
                return [session.get(sb.url + HEALTH, headers=headers).status_code
                        for _ in range(4)]  # fmt: skip

        with ThreadPoolExecutor(64) as pool:
            results = list(pool.map(worker, range(64)))
        assert all(code == 200 for codes in results for code in codes)
        stats = sb.stats()
        assert stats["requests"] == 256
        # Served side by side, not one after another (each answer waits 100 ms).
        assert stats["maxInFlight"] >= 32
        assert stats["inFlight"] == 0


def test_stop_is_idempotent_and_frees_the_port() -> None:
    sb = Sandbox(customers=1).start()
    url = sb.url
    sb.stop()
    sb.stop()
    with pytest.raises(requests.ConnectionError), client(sb) as session:
        session.get(url + "/_sandbox/info", timeout=2)
    with pytest.raises(RuntimeError):
        _ = sb.url
