"""Answers that arrive but cannot be used: truncated or malformed JSON, HTML instead of JSON,
bodies cut by a reset, bytes that are not HTTP. Each ends as data or a readable error."""

from __future__ import annotations

import gzip
from collections.abc import Iterator

import pytest

from desktop.api.errors import MALFORMED, NETWORK
from desktop.domain.customers import Customer
from desktop.sandbox import Sandbox
from desktop.services.backend import Backend
from desktop.services.export import collect, render

from .conftest import (
    FAST_RETRY,
    HEALTH,
    assert_clear,
    assert_complete,
    make_backend,
    run_sweep,
)
from .rawserver import RawServer, Script, answer, raw_bytes, reset_after

TENANTS = [
    Customer("3f2f1c2e-1111-4222-8333-44445555666" + str(i), f"Customer {i}", f"c{i}.example", "")
    for i in range(3)
]


def test_truncated_json_is_retried(
    sb: Sandbox, backend: Backend, customers: list[Customer]
) -> None:
    sb.inject(HEALTH, "malformed", count=len(customers))
    assert_complete(run_sweep(backend, customers), customers)
    assert sb.stats()["faults"] == len(customers)


def test_json_that_stays_truncated_says_it_could_not_be_read(
    sb: Sandbox, backend: Backend, customers: list[Customer]
) -> None:
    sb.inject(HEALTH, "malformed", count=len(customers) * FAST_RETRY.attempts)
    run = run_sweep(backend, customers)
    assert set(run.failed()) == {c.tenant_id for c in customers}
    for error in run.failed().values():
        explained = assert_clear(error, "could not be read")
        assert explained.retry
        assert getattr(error, "kind", None) == MALFORMED
    assert_complete(run_sweep(backend, customers), customers)


def serve(script: Script) -> Iterator[tuple[RawServer, Backend]]:
    with RawServer(script) as server:
        backend = make_backend(server.url)
        try:
            yield server, backend
        finally:
            backend.close()


# (answer, kind, words the user reads)
UNUSABLE: list[tuple[str, Script, str, str]] = [
    (
        "a captive portal's HTML page with 200",
        answer(
            200,
            b"<html><head><title>Sign in to Hotel Wi-Fi</title></head><body><h1>Welcome</h1>"
            b"<script>location='https://evil.example'</script></body></html>",
            "text/html; charset=utf-8",
        ),
        MALFORMED,
        "HTML page",
    ),
    ("invalid UTF-8", answer(200, b'{"value": [{"id": "\xff\xfe"}]}'), MALFORMED,
     "could not be read"),
    ("a JSON array, not a collection", answer(200, b"[1, 2]"), MALFORMED, "collection"),
    ("a collection whose value is text", answer(200, b'{"value": "x"}'), MALFORMED,
     "collection"),
    ("an object without value", answer(200, b'{"status": "ok"}'), MALFORMED, "collection"),
    ("an empty body", answer(200, b""), MALFORMED, "collection"),
    ("a body shorter than its Content-Length", answer(200, b'{"value": [', length=500), NETWORK,
     "cut off"),
    ("a reset mid-body",
     reset_after(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 99\r\n\r\n"
                 b'{"val'), NETWORK, "reset"),
    ("bytes that are not HTTP", raw_bytes(b"\x00\x01 SSH-2.0-OpenSSH\r\n\r\n"), NETWORK,
     "connection"),
    ("a connection closed without a byte", raw_bytes(b""), NETWORK, "without answering"),
    ("a gzip body that is not gzip",
     answer(200, b"plain text", headers=[("Content-Encoding", "gzip")]), MALFORMED,
     "could not be read"),
    ("an HTML 500 page", answer(500, b"<html><body><h1>500 - Internal error</h1>"
                                     b"<img src='https://evil.example/x.png'></body></html>",
                                "text/html"), "http", "HTML page"),
]  # fmt: skip


@pytest.mark.parametrize(("script", "kind", "words"), [u[1:] for u in UNUSABLE],
                         ids=[u[0] for u in UNUSABLE])  # fmt: skip
def test_an_unusable_answer_is_a_readable_error_for_every_customer(
    script: Script, kind: str, words: str
) -> None:
    for server, backend in serve(script):
        run = run_sweep(backend, TENANTS)
        assert set(run.failed()) == {c.tenant_id for c in TENANTS}
        for error in run.failed().values():
            explained = assert_clear(error, words)
            assert getattr(error, "kind", None) == kind
            assert "<" not in explained.title + explained.detail  # no markup shown
            assert "evil.example" not in explained.detail
        # Retried as a read may be: each customer asked up to the retry budget, not forever.
        assert len(TENANTS) <= len(server.requests) <= len(TENANTS) * FAST_RETRY.attempts


def test_gzip_answers_are_read() -> None:
    body = gzip.compress(b'{"value": [{"id": "Exchange", "status": "serviceDegradation"}]}')
    for _server, backend in serve(answer(200, body, headers=[("Content-Encoding", "gzip")])):
        run = run_sweep(backend, TENANTS[:1])
        (outcome,) = run.outcomes.values()
        assert outcome.value is not None
        assert [h.status for h in outcome.value[0].items] == ["serviceDegradation"]


def test_bad_items_are_item_errors_and_good_ones_are_kept() -> None:
    body = (
        b'{"value": [1, null, {"status": "serviceOperational"}, {"id": ["x"]},'
        b' {"id": "Exchange", "status": "serviceDegradation"}]}'
    )
    for _server, backend in serve(answer(200, body)):
        (outcome,) = run_sweep(backend, TENANTS[:1]).outcomes.values()
        assert outcome.value is not None
        health, _ = outcome.value
        assert [h.service_id for h in health.items] == ["Exchange"]
        assert [e.index for e in health.errors] == [0, 1, 2, 3]


def test_an_error_message_with_a_lone_surrogate_can_be_exported(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """JSON may escape half a surrogate pair ("\\ud800"): valid JSON, invalid Unicode. The
    message reaches the export's error column and must still write as UTF-8."""
    body = b'{"error": {"code": "BadThing", "message": "bad \\ud800 thing"}}'
    for _server, backend in serve(answer(400, body)):
        rows, failed = collect(backend, "health", TENANTS[:1])
        assert failed == 1
        for fmt in ("csv", "json"):
            path = tmp_path / f"health.{fmt}"
            path.write_text(render(rows, "health", fmt), encoding="utf-8")
            assert "bad \ufffd thing" in path.read_text(encoding="utf-8")
