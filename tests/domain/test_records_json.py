"""`to_json` is faithful: whatever `from_json` made of loose wire JSON, it reads back equal."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from desktop.auth import AuthError
from desktop.domain.customers import Customer
from desktop.domain.enums import (
    CLASSIFICATION,
    HEALTH_STATUS,
    POST_TYPE,
    RELATIONSHIP,
    SR_SEVERITY,
    SR_STATUS,
)
from desktop.domain.health import HealthIssue, ServiceHealth
from desktop.domain.parsing import Enum, RecordError
from desktop.domain.service_requests import ServiceRequest
from desktop.services.backend import ApiError

text = st.text(max_size=20)
ids = st.text(min_size=1, max_size=12)
# Ids of the forms Microsoft issues (desktop/domain/ids.py): anything else is an item error.
tenant_ids = st.uuids().map(str) | st.uuids().map(lambda u: str(u).upper())
issue_ids = st.from_regex(r"[A-Za-z0-9]{1,12}", fullmatch=True)
request_ids = st.from_regex(r"[0-9]{1,16}", fullmatch=True) | st.integers(0, 10**15)


def loose_casing(name: str) -> st.SearchStrategy[str]:
    """A key as Partner Center or Graph might send it: camelCase, PascalCase or lower case."""
    return st.sampled_from((name, name[0].upper() + name[1:], name.lower()))


def enum_value(enum: Enum) -> st.SearchStrategy[Any]:
    documented = st.sampled_from(enum.documented)
    return st.one_of(
        documented,
        documented.map(str.upper),
        documented.map(lambda v: v.replace("_", "")),
        text,
        st.integers(-1, 5),
        st.none(),
    )


# Aware times in any offset, with and without microseconds, written as either API writes them.
times = st.datetimes(
    min_value=datetime(1900, 1, 2),
    max_value=datetime(2200, 1, 1),
    timezones=st.sampled_from(
        (timezone.utc, timezone(timedelta(hours=5, minutes=30)), timezone(timedelta(hours=-8)))
    ),
)
wire_times = st.one_of(
    st.none(),
    st.just("0001-01-01T00:00:00"),
    times.map(lambda t: t.isoformat()),
    times.map(lambda t: t.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f0Z")),
)


@st.composite
def wire_object(draw: st.DrawFn, fields: dict[str, st.SearchStrategy[Any]]) -> dict[str, Any]:
    """Some of `fields` (each may be missing), each key in a loose casing."""
    data: dict[str, Any] = {}
    for name, values in fields.items():
        if draw(st.booleans()) or name == "id":
            data[draw(loose_casing(name))] = draw(values)
    return data


customers = wire_object(
    {
        "id": tenant_ids,
        "companyProfile": wire_object(
            {"tenantId": st.one_of(tenant_ids, st.none()), "companyName": text, "domain": text}
        ),
        "relationshipToPartner": enum_value(RELATIONSHIP),
    }
)
health = wire_object({"id": text, "service": text, "status": enum_value(HEALTH_STATUS)})
posts = wire_object(
    {
        "createdDateTime": wire_times,
        "postType": enum_value(POST_TYPE),
        "description": st.one_of(
            text,
            wire_object(
                {"contentType": st.sampled_from(("html", "HTML", "text")), "content": text}
            ),
        ),
    }
)
issues = wire_object(
    {
        "id": issue_ids,
        "title": text,
        "service": text,
        "feature": text,
        "featureGroup": text,
        "classification": enum_value(CLASSIFICATION),
        "origin": text,
        "status": enum_value(HEALTH_STATUS),
        "startDateTime": wire_times,
        "endDateTime": wire_times,
        "lastModifiedDateTime": wire_times,
        "isResolved": st.one_of(st.booleans(), st.sampled_from(("true", "False")), st.none()),
        "impactDescription": text,
        "posts": st.lists(posts, max_size=3),
    }
)
requests = wire_object(
    {
        "id": request_ids,
        "title": text,
        "description": text,
        "severity": enum_value(SR_SEVERITY),
        "status": enum_value(SR_STATUS),
        "supportTopicId": text,
        "supportTopicName": text,
        "organization": wire_object({"id": text, "name": text}),
        "primaryContact": wire_object({"firstName": text, "lastName": text, "email": text}),
        "productName": text,
        "createdDate": wire_times,
        "lastModifiedDate": wire_times,
        "lastClosedDate": wire_times,
        "notes": st.lists(
            wire_object({"createdByName": text, "createdDate": wire_times, "text": text}),
            max_size=3,
        ),
        "emailCcList": st.lists(text, max_size=3),
    }
)


def parsed(parser: Any, data: dict[str, Any]) -> Any:
    try:
        return parser(data)
    except (RecordError, ValueError):
        assume(False)  # not a record: nothing to round-trip


@settings(max_examples=300, deadline=None)
@given(customers)
def test_customer_round_trip(data):
    record = parsed(Customer.from_json, data)
    assert Customer.from_json(record.to_json()) == record


@settings(max_examples=300, deadline=None)
@given(health)
def test_service_health_round_trip(data):
    record = parsed(ServiceHealth.from_json, data)
    assert ServiceHealth.from_json(record.to_json()) == record


@settings(max_examples=300, deadline=None)
@given(issues)
def test_health_issue_round_trip(data):
    record = parsed(HealthIssue.from_json, data)
    assert HealthIssue.from_json(record.to_json()) == record


@settings(max_examples=300, deadline=None)
@given(requests)
def test_service_request_round_trip(data):
    record = parsed(ServiceRequest.from_json, data)
    assert ServiceRequest.from_json(record.to_json()) == record


def test_sandbox_records_round_trip(backend):
    """The real thing: records as the sandbox serves them."""
    customers = backend.customers().items
    assert customers
    for customer in customers:
        assert Customer.from_json(customer.to_json()) == customer
    seen_posts = 0
    for customer in customers[:10]:
        try:
            overview, found = backend.health_and_issues(customer.tenant_id)
        except (ApiError, AuthError):  # customers without GDAP access answer 403
            continue
        for item in overview.items:
            assert ServiceHealth.from_json(item.to_json()) == item
        for issue in found.items:
            seen_posts += len(issue.posts)
            assert HealthIssue.from_json(issue.to_json()) == issue
    assert seen_posts
    for request in backend.requests(None).items:
        assert ServiceRequest.from_json(request.to_json()) == request
