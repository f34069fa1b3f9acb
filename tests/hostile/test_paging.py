"""Lists that never end (issue 16, item 2): a next link or continuation token sent again, a
cycle of links, fresh links forever, more items or bytes than any real list. Each list ends
with a readable error within its budget (desktop/api/paging.py) instead of paging on for
10,000 pages and gigabytes.

The sandbox serves the looping pages over HTTPS to a signed-in backend (`serve_canned`);
`RawServer` serves the lists that must go on for thousands of pages.
"""

from __future__ import annotations

import json
import re
import socket
from collections.abc import Callable, Iterator

import pytest

from desktop.api.errors import MALFORMED, TOO_LARGE, ApiError
from desktop.api.paging import MAX_LIST_BYTES, MAX_LIST_ITEMS, MAX_PAGES
from desktop.sandbox import Canned, Sandbox
from desktop.services.backend import Backend
from tests.faults.conftest import CUSTOMERS, HEALTH, assert_clear, make_backend
from tests.faults.rawserver import RawServer

TENANT = "3f2f1c2e-1111-4222-8333-444455556666"


@pytest.fixture
def sb() -> Iterator[Sandbox]:
    with Sandbox(customers=4, seed=3, consented="all") as sandbox:
        yield sandbox


@pytest.fixture
def backend(sb: Sandbox) -> Iterator[Backend]:
    b = make_backend(sb)
    yield b
    b.close()


def gdap_tenant(sb: Sandbox) -> str:
    return next(c.tenant_id for c in sb.data.customers if sb.data.graph_allowed(c.tenant_id))


def graph_page(next_link: str | None, items: int = 1) -> dict[str, object]:
    page: dict[str, object] = {
        "value": [{"id": f"Service{i}", "service": "Exchange Online",
                   "status": "serviceOperational", "issues": []} for i in range(items)]
    }  # fmt: skip
    if next_link:
        page["@odata.nextLink"] = next_link
    return page


def test_a_graph_next_link_that_points_to_itself_ends_the_list(
    sb: Sandbox, backend: Backend
) -> None:
    same = f"{sb.url}{HEALTH}?$expand=issues&$skiptoken=again"
    sb.serve_canned(Canned.of_json(HEALTH, graph_page(same), count=50))
    with pytest.raises(ApiError) as caught:
        backend.health_and_issues(gdap_tenant(sb))
    assert caught.value.kind == MALFORMED
    assert "same next page twice" in caught.value.message
    assert_clear(caught.value, "same next page")
    assert sb.canned_pending() == 50 - 2  # the first page, its one repeat, nothing more


def test_a_cycle_of_graph_next_links_ends_the_list(sb: Sandbox, backend: Backend) -> None:
    a = f"{sb.url}{HEALTH}?$skiptoken=A"
    b = f"{sb.url}{HEALTH}?$skiptoken=B"
    sb.serve_canned(Canned.of_json(f"{HEALTH}?$skiptoken=A", graph_page(b), count=20))
    sb.serve_canned(Canned.of_json(f"{HEALTH}?$skiptoken=B", graph_page(a), count=20))
    sb.serve_canned(Canned.of_json(HEALTH, graph_page(a), count=1))  # the first page
    with pytest.raises(ApiError) as caught:
        backend.health_and_issues(gdap_tenant(sb))
    assert "same next page twice" in caught.value.message
    assert sb.canned_pending() == 40 - 2  # first page, A, B, then A again is refused


def test_a_repeated_partner_center_continuation_token_ends_the_list(
    sb: Sandbox, backend: Backend
) -> None:
    """Partner Center's next page is the same URI with a continuation token in a header: the
    same token again is the same page again."""
    page = {
        "totalCount": 1000,
        "items": [],
        "links": {"next": {"uri": "/v1/customers?size=500", "method": "GET",
                           "headers": [{"key": "MS-ContinuationToken", "value": "c2FtZQ=="}]}},
    }  # fmt: skip
    sb.serve_canned(Canned.of_json(CUSTOMERS, page, count=50))
    with pytest.raises(ApiError) as caught:
        backend.customers()
    assert caught.value.kind == MALFORMED
    assert_clear(caught.value, "same next page")
    assert sb.canned_pending() == 50 - 2  # the first page, the token's page; not again


def endless(
    page: Callable[[int, str], bytes], stop_after: int
) -> Callable[[socket.socket, bytes], None]:
    """A RawServer script for Graph's health: page N links to page N+1, `stop_after` pages
    in all (then a last page: only a reader without a budget gets there)."""

    def script(conn: socket.socket, head: bytes) -> None:
        found = re.search(rb"skiptoken=(\d+)", head)
        number = int(found.group(1)) if found else 0
        host = re.search(rb"\r\nHost: ([^\r]+)", head)
        assert host is not None
        base = f"http://{host.group(1).decode()}/graph{HEALTH.removeprefix('/graph')}"
        nxt = f"{base}?$skiptoken={number + 1}" if number + 1 < stop_after else ""
        body = page(number, nxt)
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                     b"Connection: close\r\nContent-Length: " + str(len(body)).encode()
                     + b"\r\n\r\n" + body)  # fmt: skip

    return script


def served(script: Callable[[socket.socket, bytes], None]) -> Iterator[tuple[RawServer, Backend]]:
    with RawServer(script) as server:
        backend = make_backend(server.url)
        try:
            yield server, backend
        finally:
            backend.close()


def test_fresh_next_links_forever_end_at_the_page_budget() -> None:
    def page(_number: int, nxt: str) -> bytes:
        return json.dumps(graph_page(nxt or None)).encode()

    for server, backend in served(endless(page, stop_after=MAX_PAGES + 500)):
        with pytest.raises(ApiError) as caught:
            backend.health_and_issues(TENANT)
        assert caught.value.kind == MALFORMED
        assert_clear(caught.value, "kept sending more pages")
        assert len(server.requests) == MAX_PAGES


def test_a_list_past_the_item_budget_is_refused_before_its_items_are_kept() -> None:
    half = MAX_LIST_ITEMS // 2 + 1  # two pages of this are one item past the budget

    def page(_number: int, nxt: str) -> bytes:
        data = b'{"value": [' + b",".join([b"{}"] * half) + b"]"
        return data + (f', "@odata.nextLink": "{nxt}"}}' if nxt else "}").encode()

    for server, backend in served(endless(page, stop_after=3)):
        with pytest.raises(ApiError) as caught:
            backend.health_and_issues(TENANT)
        assert caught.value.kind == TOO_LARGE
        assert_clear(caught.value, f"more than {MAX_LIST_ITEMS:,} items")
        assert len(server.requests) == 2


def test_a_list_past_the_byte_budget_is_refused() -> None:
    """Pages just under the answer budget each, forever: the list's own budget ends it."""
    pad = b"a" * (60 * 1024 * 1024)

    def page(_number: int, nxt: str) -> bytes:
        link = f', "@odata.nextLink": "{nxt}"' if nxt else ""
        return b'{"value": []' + link.encode() + b', "pad": "' + pad + b'"}'

    pages = MAX_LIST_BYTES // len(pad) + 1  # the first page past the budget
    for server, backend in served(endless(page, stop_after=pages + 2)):
        with pytest.raises(ApiError) as caught:
            backend.health_and_issues(TENANT)
        assert caught.value.kind == TOO_LARGE
        assert_clear(caught.value, "larger than 256 MB")
        assert len(server.requests) == pages


def test_real_paging_still_reads_every_page(sb: Sandbox, backend: Backend) -> None:
    """The sandbox pages its customers (continuation tokens): the budget leaves them be."""
    listed = backend.pc.customers("cid", size=1)
    assert len(listed.items) == len(sb.data.customers)
