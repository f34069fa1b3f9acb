"""Answers that used to end in a traceback instead of a message (issue 16, item 13, its network
part): JSON nested 200,000 deep (RecursionError), a next link Python cannot even take apart
(`http://[::1`: ValueError), a continuation header no HTTP library can send, a Content-Length
of 5,000 digits. Each is now one readable `ApiError`.

Served by the sandbox over HTTPS to a signed-in backend (`serve_canned`), through the same
sweep the health column runs; `RawServer` for header bytes the sandbox would not send.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest

from desktop.api.errors import MALFORMED, ApiError
from desktop.domain.customers import Customer
from desktop.sandbox import Canned, Sandbox
from desktop.services.backend import Backend
from tests.faults.conftest import CUSTOMERS, HEALTH, assert_clear, make_backend, run_sweep
from tests.faults.rawserver import RawServer

TENANTS = [Customer("3f2f1c2e-1111-4222-8333-444455556660", "Customer 0", "c0.example", "")]
DEEP = b"[" * 200_000 + b"]" * 200_000
DEEP_OBJECT = b'{"a":' * 200_000 + b"1" + b"}" * 200_000


@pytest.fixture
def sb() -> Iterator[Sandbox]:
    with Sandbox(customers=4, seed=3, consented="all") as sandbox:
        yield sandbox


@pytest.fixture
def backend(sb: Sandbox) -> Iterator[Backend]:
    b = make_backend(sb)
    yield b
    b.close()


def gdap_customers(sb: Sandbox, backend: Backend) -> list[Customer]:
    listed = backend.customers().items
    return [c for c in listed if sb.data.graph_allowed(c.tenant_id)][:1]


@pytest.mark.parametrize("body", [DEEP, DEEP_OBJECT], ids=["arrays", "objects"])
def test_json_nested_200000_deep_is_a_readable_error(
    sb: Sandbox, backend: Backend, body: bytes
) -> None:
    customers = gdap_customers(sb, backend)
    sb.serve_canned(Canned(HEALTH, body, count=3))
    run = run_sweep(backend, customers)
    (error,) = run.failed().values()
    assert getattr(error, "kind", None) == MALFORMED, repr(error)
    assert_clear(error, "nested too deeply")


def test_an_error_body_nested_200000_deep_still_reports_the_status(
    sb: Sandbox, backend: Backend
) -> None:
    customers = gdap_customers(sb, backend)
    sb.serve_canned(Canned(HEALTH, DEEP, status=400))
    run = run_sweep(backend, customers)
    (error,) = run.failed().values()
    assert isinstance(error, ApiError), repr(error)
    assert error.status == 400
    assert_clear(error)


@pytest.mark.parametrize("link", ["http://[::1", "https://[::1]:99999/graph/x", "http://[fe80::1%"])
def test_a_graph_next_link_that_is_no_address_is_a_readable_error(
    sb: Sandbox, backend: Backend, link: str
) -> None:
    customers = gdap_customers(sb, backend)
    page = {"value": [], "@odata.nextLink": link}
    sb.serve_canned(Canned.of_json(HEALTH, page))
    run = run_sweep(backend, customers)
    (error,) = run.failed().values()
    assert getattr(error, "kind", None) == MALFORMED, repr(error)
    assert_clear(error, "next link")


@pytest.mark.parametrize("uri", ["http://[::1", "http://[::1]:0x50/v1/customers"])
def test_a_partner_center_next_link_that_is_no_address_is_a_readable_error(
    sb: Sandbox, backend: Backend, uri: str
) -> None:
    page = {"totalCount": 2, "items": [], "links": {"next": {"uri": uri}}}
    sb.serve_canned(Canned.of_json(CUSTOMERS, page))
    with pytest.raises(ApiError) as caught:
        backend.customers()
    assert caught.value.kind == MALFORMED
    assert_clear(caught.value, "next link")


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("MS-ContinuationToken", "abc\r\nX-Injected: 1"),
        ("MS-ContinuationToken", "jeton-\u20ac"),
        ("MS-ContinuationToken", " leading-space"),
        ("Bad Header", "abc"),
        ("MS-ContinuationToken", "x" * 100_000),
    ],
    ids=["CRLF", "euro sign", "leading space", "space in the name", "100 KB"],
)
def test_a_continuation_header_that_cannot_be_sent_is_a_readable_error(
    sb: Sandbox, backend: Backend, key: str, value: str
) -> None:
    page = {
        "totalCount": 2,
        "items": [],
        "links": {"next": {"uri": "/v1/customers?size=1",
                           "headers": [{"key": key, "value": value}]}},
    }  # fmt: skip
    sb.serve_canned(Canned.of_json(CUSTOMERS, page))
    with pytest.raises(ApiError) as caught:
        backend.customers()
    assert caught.value.kind == MALFORMED
    assert_clear(caught.value, "header")
    assert sb.stats()["requests"] <= 2  # the first page, not a retried second one


@pytest.mark.parametrize(
    "length", ["9" * 5000, "\u00b2", "1_000"], ids=["5000 digits", "superscript two", "underscores"]
)
def test_a_content_length_that_is_no_number_is_a_readable_answer(length: str) -> None:
    """int() refuses strings past 4,300 digits and "²" (which passes str.isdigit): neither
    may escape as a ValueError."""
    answer = (
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n"
        f"Content-Length: {length}\r\n\r\n"
    ).encode() + b'{"value": []}'

    def send(conn: socket.socket, _head: bytes) -> None:
        conn.sendall(answer)

    with RawServer(send) as server:
        backend = make_backend(server.url)
        try:
            run = run_sweep(backend, TENANTS)
        finally:
            backend.close()
    for error in run.failed().values():
        assert_clear(error)
