"""Microsoft's published response examples, served by the real sandbox to the real clients.

Each example in `examples/` is the body Microsoft publishes for a call the app makes (its source
in `examples/SOURCES.md`). A test hands it to the sandbox as a canned answer for that call's
path (`Sandbox.serve_canned`), calls the production client (signed in through the sandbox's
Entra, over HTTPS on loopback), and checks every field the app shows against the example.
`sb.canned_pending() == 0` afterwards proves the client asked for that path.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest

from desktop.api.http import HttpSession, RetryPolicy
from desktop.sandbox import Canned, Sandbox
from desktop.services.backend import Backend

EXAMPLES = Path(__file__).parent / "examples"
GRAPH = "/graph/v1.0"
ANNOUNCEMENTS = GRAPH + "/admin/serviceAnnouncement"
RELATIONSHIPS = GRAPH + "/tenantRelationships"


def example_bytes(name: str) -> bytes:
    return (EXAMPLES / name).read_bytes()


def example(name: str) -> Any:
    return json.loads(example_bytes(name))


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=timezone.utc)


def serve(
    sb: Sandbox,
    path: str,
    name: str,
    *,
    status: int = 200,
    headers: list[tuple[str, str]] | None = None,
) -> None:
    """The example file `name`, byte for byte, as the answer to the next call on `path`."""
    sb.serve_canned(Canned(path, example_bytes(name), status, headers=list(headers or [])))


def serve_json(sb: Sandbox, path: str, value: Any) -> None:
    """A body the test built (say, an example with its next link moved to the sandbox)."""
    sb.serve_canned(Canned.of_json(path, value))


@pytest.fixture(scope="module")
def sb() -> Iterator[Sandbox]:
    with Sandbox(customers=4, seed=5, consented="all") as sandbox:
        yield sandbox


@pytest.fixture(scope="module")
def backend(sb: Sandbox) -> Iterator[Backend]:
    # One try per call: the throttling example says "Retry-After: 57", not worth waiting for.
    session = HttpSession(
        pool_size=2, retry=RetryPolicy(attempts=1), pinned={sb.url + "/": sb.ca_pem}
    )
    b = Backend.for_sandbox(sb.url, ca_pem=sb.ca_pem, concurrency=2, session=session)
    yield b
    b.close()


@pytest.fixture(autouse=True)
def _no_leftovers(sb: Sandbox) -> Iterator[None]:
    """A test that failed half-way leaves no canned answer for the next one."""
    yield
    sb.clear_canned()


@pytest.fixture(scope="module")
def tenant(sb: Sandbox, backend: Backend) -> str:
    """A customer whose Graph the partner may read (GDAP, app consented): service health is
    called with a token for the customer's tenant, as against Microsoft."""
    for customer in sb.data.customers:
        if sb.data.graph_allowed(customer.tenant_id):
            return customer.tenant_id
    raise AssertionError("the sandbox has no customer with GDAP")
