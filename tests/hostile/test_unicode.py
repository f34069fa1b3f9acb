"""Text that is not valid Unicode (half a surrogate pair, escaped in JSON) never reaches a
file, the cache or the clipboard as such."""

from __future__ import annotations

import json
from pathlib import Path

from desktop.domain.customers import Customer
from desktop.domain.health import HealthIssue
from desktop.domain.parsing import clean_text
from desktop.domain.service_requests import ServiceRequest
from desktop.services.export import COLUMNS, render
from desktop.store.cache import CUSTOMERS, Cache

TENANT = "3f2f1c2e-1111-4222-8333-444455556666"


def test_json_escapes_can_carry_half_a_surrogate_pair() -> None:
    # Valid JSON; Python keeps the half as is, and UTF-8 refuses it.
    name = json.loads('"Contoso \\ud800 Ltd"')
    assert name == "Contoso \ud800 Ltd"


def test_records_read_lone_surrogates_as_replacement_characters() -> None:
    customer = Customer.from_json(
        json.loads(
            '{"id": "'
            + TENANT
            + '", "companyProfile": {"companyName": "A\\ud800B", "domain": "\\udc00"}}'
        )
    )
    issue = HealthIssue.from_json(
        json.loads(
            '{"id": "EX1", "title": "\\udfff", "posts": [{"description": {"content": "\\ud800"}}]}'
        )
    )
    request = ServiceRequest.from_json(json.loads('{"id": "1", "title": "x\\ud83d"}'))
    assert customer.company_name == "A\ufffdB"
    assert customer.domain == "\ufffd"
    assert issue.title == "\ufffd"
    assert issue.posts[0].content == "\ufffd"
    assert request.title == "x\ufffd"
    # A proper pair (escaped in two halves) stays one character.
    paired = Customer.from_json(
        json.loads('{"id": "' + TENANT + '", "companyProfile": {"companyName": "\\ud83d\\ude00"}}')
    )
    assert paired.company_name == "😀"
    assert clean_text("\udc00\ud800") == "\ufffd\ufffd"


def test_a_customer_named_with_half_a_pair_exports_and_caches(tmp_path: Path) -> None:
    customer = Customer.from_json(
        json.loads(
            '{"id": "' + TENANT + '", "companyProfile": {"companyName": "Contoso \\ud800 Ltd"}}'
        )
    )
    rows = [
        {
            "tenantId": customer.tenant_id,
            "companyName": customer.company_name,
            "domain": customer.domain,
            "relationship": customer.relationship,
        }
    ]
    for fmt in ("csv", "json"):
        path = tmp_path / f"customers.{fmt}"
        path.write_text(render(rows, "customers", fmt), encoding="utf-8")
        assert "Contoso \ufffd Ltd" in path.read_text(encoding="utf-8")
    with Cache(tmp_path / "cache.sqlite3") as cache:
        with cache.writer("src") as writer:
            writer.record(CUSTOMERS, None, items=[customer], when=1.0)
        cached, _ = cache.customers("src")
    assert cached == [customer]
    assert COLUMNS["customers"][1] == "companyName"
