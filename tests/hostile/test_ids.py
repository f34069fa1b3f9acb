"""Ids in request paths (issue 16, item 4): a customer, request or issue id `..` must never turn
`/customers/{id}/servicerequests` into the partner's own list. Records refuse ids of a form
Microsoft does not issue (an item error, the rest kept); the clients refuse them before sending
and encode every id as one segment that is never `.` or `..`."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from desktop.api.errors import ApiError
from desktop.cli import main
from desktop.domain.customers import Customer
from desktop.domain.gdap import GdapRelationship
from desktop.domain.health import HealthIssue
from desktop.domain.parsing import RecordError, parse_list
from desktop.domain.service_messages import ServiceMessage
from desktop.domain.service_requests import ServiceRequest
from desktop.sandbox import Sandbox
from desktop.services.backend import Backend

from .tampering import TamperingProxy

TENANT = "3b33e682-00c3-41ee-9dd2-a548adf56438"
PARTNER = "8777b240-c6f0-4469-9e98-a3205431b836"
# Ids no Microsoft service issues, each of which would name another resource in a path, or an
# odd one: dot segments (plain and percent-encoded), slashes, whitespace, digits of another
# script, a GUID with a newline after it (a `$` regex lets that through).
BAD = [
    "..",
    ".",
    "...",
    "%2e%2e",
    "../servicerequests",
    "a/b",
    "x?y=1",
    "x#y",
    " ",
    "EX1 ",
    "١٢٣",
    TENANT + "\n",
    TENANT + "/..",
    "A" * 65,
]

# (what, a good item as Microsoft writes it, the key its id is under)
RECORDS: dict[str, tuple[Callable[[Any], Any], dict[str, Any]]] = {
    "customer": (
        Customer.from_json,
        {"id": TENANT, "companyProfile": {"companyName": "Contoso", "domain": "c.onmicrosoft.com"}},
    ),
    "request": (ServiceRequest.from_json, {"id": "616122292874576", "title": "Mail stuck"}),
    "issue": (HealthIssue.from_json, {"id": "EX226792", "title": "Mail delayed"}),
    "message": (ServiceMessage.from_json, {"id": "MC172851", "title": "Plan for change"}),
    "relationship": (
        GdapRelationship.from_json,
        {"id": f"5d027261-d21f-4aa9-b7db-7fa1f56fb163-{PARTNER}", "customer": None},
    ),
}


@pytest.mark.parametrize("kind", RECORDS)
@pytest.mark.parametrize("bad", BAD, ids=repr)
def test_an_impossible_id_is_an_item_error_and_the_rest_is_kept(kind: str, bad: str) -> None:
    parser, good = RECORDS[kind]
    assert parser(good)  # Microsoft's own form reads
    with pytest.raises(RecordError):
        parser({**good, "id": bad})
    parsed = parse_list([good, {**good, "id": bad}, good], parser)
    assert len(parsed.items) == 2
    assert [e.index for e in parsed.errors] == [1]
    str(parsed.errors[0]).encode("utf-8")  # shown in warnings and error columns


def test_a_relationships_customer_must_be_a_tenant_id() -> None:
    _, good = RECORDS["relationship"]
    with pytest.raises(RecordError):
        GdapRelationship.from_json({**good, "customer": {"tenantId": "..", "displayName": "X"}})


def test_microsofts_own_ids_read() -> None:
    """Every id in Microsoft's published examples (tests/wire/examples) keeps reading."""
    examples = Path(__file__).parent.parent / "wire" / "examples"
    readers = {
        "customers.json": Customer.from_json,
        "customer.json": Customer.from_json,
        "customer_service_requests.json": ServiceRequest.from_json,
        "service_request.json": ServiceRequest.from_json,
        "issues.json": HealthIssue.from_json,
        "issue.json": HealthIssue.from_json,
        "messages.json": ServiceMessage.from_json,
        "delegated_admin_relationships.json": GdapRelationship.from_json,
    }
    for path in examples.rglob("*.json"):
        reader = readers.get(path.name)
        if reader is None:
            continue
        body = json.loads(path.read_text(encoding="utf-8"))
        items = body.get("items") or body.get("value") if isinstance(body, dict) else None
        parsed = parse_list(items if items is not None else [body], reader)
        assert parsed.errors == [], (path.name, parsed.errors)


@pytest.mark.parametrize(
    ("value", "segment"),
    [
        ("..", "%2E%2E"),
        (".", "%2E"),
        ("....", "%2E%2E%2E%2E"),
        ("a.b", "a.b"),
        ("../x", "..%2Fx"),  # one segment: the slash is encoded
        ("EX226792", "EX226792"),
        (TENANT, TENANT),
        ("a b?c#d%", "a%20b%3Fc%23d%25"),
    ],
)
def test_a_path_segment_is_never_a_dot_segment(value: str, segment: str) -> None:
    from desktop.domain.ids import path_segment

    assert path_segment(value) == segment
    with pytest.raises(ValueError, match="empty"):
        path_segment("")


# -- nothing leaves the client for an impossible id ------------------------------------------------


def _calls(backend: Backend, tenant: str, bad: str) -> list[Callable[[], object]]:
    return [
        lambda: backend.customer_detail(bad),
        lambda: backend.requests(bad),
        lambda: backend.health(bad),
        lambda: backend.health_and_issues(bad),
        lambda: backend.messages(bad),
        lambda: backend.issue(tenant, bad),
        lambda: backend.issue(bad, "EX226792"),
        lambda: backend.incident_report(tenant, bad),
        lambda: backend.service_request(bad, tenant_id=tenant),
        lambda: backend.service_request("616122292874576", tenant_id=bad),
        lambda: backend.add_note(bad, "note", tenant_id=tenant),
        lambda: backend.add_note("616122292874576", "note", tenant_id=bad),
        lambda: backend.access_assignments(bad),
        lambda: backend.graph.message(tenant, bad, "cid"),
        lambda: backend.graph.service_management_links(bad, "cid"),
        lambda: backend.pc.managed_services(bad, "cid"),
    ]


@pytest.mark.parametrize("bad", ["..", ".", "../servicerequests", "%2e%2e"])
def test_the_clients_refuse_an_impossible_id_before_sending(
    sandbox: Sandbox, backend: Backend, bad: str
) -> None:
    tenant = backend.customers().items[0].tenant_id
    backend.tokens.token(backend.cloud.graph_scope, tenant)  # its sign-in is not the test's
    before = len(sandbox.request_log())
    for call in _calls(backend, tenant, bad):
        with pytest.raises(ApiError) as caught:
            call()
        assert caught.value.kind == "malformed"
        assert "Nothing was sent" in caught.value.message
    assert sandbox.request_log()[before:] == []


# -- end to end: a customer list that names a customer `..` ---------------------------------------


def _dot_customer(method: str, path: str, status: int, body: bytes) -> bytes:
    """The customer list, with one more customer whose id is `..` (a copy of the first)."""
    if method != "GET" or status != 200 or not path.split("?", 1)[0].endswith("/v1/customers"):
        return body
    listing = json.loads(body)
    items = listing.get("items") or []
    if items:
        clone = json.loads(json.dumps(items[0]))
        clone["id"] = ".."
        profile = clone.get("companyProfile") or {}
        profile["tenantId"] = ".."
        profile["companyName"] = "Dot Dot Ltd"
        clone["companyProfile"] = profile
        items.append(clone)
        listing["items"] = items
        if isinstance(listing.get("totalCount"), int):
            listing["totalCount"] += 1
    return json.dumps(listing).encode("utf-8")


def _export_requests(url: str, out: Path) -> tuple[int, list[dict[str, str]]]:
    code = main(["export", "requests", "--format", "csv", "--sandbox-url", url, "--out", str(out)])
    with out.open(encoding="utf-8", newline="") as f:
        return code, list(csv.DictReader(f))


PARTNER_WIDE = "/v1/servicerequests"


def test_a_customer_named_dot_dot_never_reads_the_partners_list(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The partner-wide list is asked for exactly as often as without the `..` customer (the
    export's own tickets), and no row is exported under `..`."""
    with Sandbox(customers=3, seed=11, consented="all") as sb:
        with TamperingProxy(sb) as honest:
            code, rows = _export_requests(honest.url, tmp_path / "honest.csv")
            assert code in (0, 3)
            baseline = honest.paths().count(PARTNER_WIDE)
        capsys.readouterr()
        with TamperingProxy(sb, _dot_customer) as proxy:
            code, rows = _export_requests(proxy.url, tmp_path / "tampered.csv")
            paths = proxy.paths()
    assert code in (0, 3)
    assert paths.count(PARTNER_WIDE) == baseline
    assert not any("/customers/../" in p or "%2E" in p.upper() for p in paths), paths
    assert not [r for r in rows if r.get("tenantId") == ".."]
    # The customer list said which item it could not read, in one line.
    err = capsys.readouterr().err
    assert "not a tenant id" in err
    assert "Traceback" not in err
