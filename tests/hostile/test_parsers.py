"""Every record parser against arbitrary JSON: a record, or RecordError for that item. Never
another exception (parse_list lets only RecordError, TypeError, ValueError and AttributeError
become item errors; anything else sank the customer's whole answer)."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from desktop.domain.customers import Customer, CustomerDetail, ManagedService, ServiceManagementLink
from desktop.domain.enums import GDAP_STATUS, HEALTH_STATUS, RELATIONSHIP, SR_SEVERITY, SR_STATUS
from desktop.domain.gdap import GdapRelationship
from desktop.domain.health import HealthIssue, IssuePost, ServiceHealth, ServiceIncident
from desktop.domain.parsing import RecordError, parse_list, parse_time
from desktop.domain.partner_incidents import MessageCenterNotice, parse_partner_incidents
from desktop.domain.service_requests import ServiceRequest, SupportTopic

SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# Random keys rarely name a field: a few examples show such objects are read or refused.
FEW = settings(SETTINGS, max_examples=25)

# Any value json.loads can return (Python's json also reads NaN and Infinity).
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(),
    # Text that looks like what a field wants, so parsers go past their first check.
    st.sampled_from(
        [
            "2020-11-13T21:00:00Z",
            "9999-12-31T23:59:59-23:59",
            "0001-01-02T00:00:00+23:59",
            "2020-13-45T99:99:99Z",
            "2020-11-13T21:00:00.1234567890123Z",
            "²",
            "١٢",
            "-0",
            "  7  ",
            "\ud800",
            "",
        ]
    ),
)
json_values = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)


def casings(name: str) -> list[str]:
    return [name, name[0].upper() + name[1:], name.lower()]


# The keys each parser reads (nested objects by their own keys), so that examples reach the
# type checks instead of stopping at "missing id".
SHAPES: dict[str, Any] = {
    "Customer": {"id": None, "relationshipToPartner": None,
                 "companyProfile": {"tenantId": None, "companyName": None, "domain": None}},
    "CustomerDetail": {"id": None, "customDomains": None, "allowDelegatedAccess": None,
                       "commerceId": None,
                       "companyProfile": {"tenantId": None, "email": None,
                                          "address": {"country": None, "city": None,
                                                      "postalCode": None}}},
    "ServiceHealth": {"id": None, "service": None, "status": None},
    "IssuePost": {"createdDateTime": None, "postType": None,
                  "description": {"contentType": None, "content": None}},
    "HealthIssue": {"id": None, "title": None, "status": None, "classification": None,
                    "startDateTime": None, "endDateTime": None, "lastModifiedDateTime": None,
                    "isResolved": None, "impactDescription": None,
                    "posts": [{"createdDateTime": None, "postType": None,
                               "description": {"content": None}}]},
    "ServiceIncident": {"id": None, "status": None, "startTime": None, "endTime": None,
                        "resolved": None, "impactedCustomers": None,
                        "affectedWorkloadNames": None,
                        "messages": [{"publishedTime": None, "messageText": None}]},
    "MessageCenterNotice": {"id": None, "messageType": None, "status": None, "severity": None,
                            "category": None, "actionType": None, "requiredBy": None,
                            "startTime": None, "messages": [{"publishedTime": None,
                                                             "messageText": None}]},
    "ServiceRequest": {"id": None, "title": None, "severity": None, "status": None,
                       "createdDate": None, "lastClosedDate": None, "emailCcList": None,
                       "organization": {"id": None, "name": None},
                       "primaryContact": {"firstName": None, "lastName": None},
                       "notes": [{"createdByName": None, "createdDate": None, "text": None}]},
    "SupportTopic": {"id": None, "name": None, "description": None},
    "ManagedService": {"id": None, "name": None, "links": {"adminService": {"uri": None}}},
    "ServiceManagementLink": {"id": None, "serviceName": None, "serviceManagementUrl": None},
    "GdapRelationship": {"id": None, "status": None, "endDateTime": None,
                         "customer": {"tenantId": None, "displayName": None},
                         "accessDetails": {"unifiedRoles": [{"roleDefinitionId": None}]}},
}  # fmt: skip

PARSERS: dict[str, Callable[[Mapping[str, Any]], Any]] = {
    "Customer": Customer.from_json,
    "CustomerDetail": CustomerDetail.from_json,
    "ServiceHealth": ServiceHealth.from_json,
    "IssuePost": IssuePost.from_json,
    "HealthIssue": HealthIssue.from_json,
    "ServiceIncident": ServiceIncident.from_json,
    "MessageCenterNotice": MessageCenterNotice.from_json,
    "ServiceRequest": ServiceRequest.from_json,
    "SupportTopic": SupportTopic.from_json,
    "ManagedService": ManagedService.from_json,
    "ServiceManagementLink": ServiceManagementLink.from_json,
    "GdapRelationship": GdapRelationship.from_json,
}
TYPES = {
    "Customer": Customer,
    "CustomerDetail": CustomerDetail,
    "ServiceHealth": ServiceHealth,
    "IssuePost": IssuePost,
    "HealthIssue": HealthIssue,
    "ServiceIncident": ServiceIncident,
    "MessageCenterNotice": MessageCenterNotice,
    "ServiceRequest": ServiceRequest,
    "SupportTopic": SupportTopic,
    "ManagedService": ManagedService,
    "ServiceManagementLink": ServiceManagementLink,
    "GdapRelationship": GdapRelationship,
}


def shaped(shape: Any, top: bool = False) -> st.SearchStrategy[Any]:
    """An object with (some of) the shape's keys in any casing, values of any JSON type; where
    the shape nests an object or a list of objects, often that, sometimes anything."""
    if shape is None:
        return json_values
    if isinstance(shape, list):
        return st.one_of(st.lists(shaped(shape[0]), max_size=3), json_values)
    fields = {name: shaped(inner) for name, inner in shape.items()}

    @st.composite
    def build(draw: st.DrawFn) -> dict[str, Any]:
        data: dict[str, Any] = {}
        for name, values in fields.items():
            if draw(st.integers(0, 3)):  # usually present
                data[draw(st.sampled_from(casings(name)))] = draw(values)
        return data

    return build() if top else st.one_of(build(), json_values)


def check(name: str, data: Any) -> None:
    parser = PARSERS[name]
    try:
        record = parser(data)
    except RecordError:
        return
    assert isinstance(record, TYPES[name])
    # What a parser returns is printable and serialisable: the cache and exports need that.
    repr(record)
    if hasattr(record, "to_json"):
        text = json.dumps(record.to_json(), ensure_ascii=False)
        text.encode("utf-8")  # valid Unicode all the way (no lone surrogates)
        assert parser(json.loads(text)) == record


@pytest.mark.parametrize("name", PARSERS)
@SETTINGS
@given(data=st.data())
def test_records_from_right_keys_with_any_values(name: str, data: st.DataObject) -> None:
    value = data.draw(shaped(SHAPES[name], top=True))
    check(name, value)


@pytest.mark.parametrize("name", PARSERS)
@FEW
@given(value=st.dictionaries(st.text(max_size=10), json_values, max_size=6))
def test_records_from_any_object(name: str, value: dict[str, Any]) -> None:
    check(name, value)


@SETTINGS
@given(raw=json_values, name=st.sampled_from(sorted(PARSERS)))
def test_parse_list_never_raises(raw: Any, name: str) -> None:
    parsed = parse_list(raw, PARSERS[name])
    if isinstance(raw, list):
        assert len(parsed.items) + len(parsed.errors) == len(raw)
        assert all(isinstance(item, TYPES[name]) for item in parsed.items)
    else:
        assert parsed.items == []
        assert len(parsed.errors) == 1
    for error in parsed.errors:
        str(error).encode("utf-8")


@SETTINGS
@given(value=json_values)
@example("9999-12-31T23:59:59-23:59")  # a day after year 9999 in UTC
@example("0001-01-02T00:00:00+23:59")
def test_parse_time_is_a_time_none_or_record_error(value: Any) -> None:
    try:
        parsed = parse_time(value)
    except RecordError:
        return
    assert parsed is None or parsed.tzinfo is not None


@SETTINGS
@given(value=json_values, enum=st.sampled_from([HEALTH_STATUS, RELATIONSHIP, SR_SEVERITY,
                                                 SR_STATUS, GDAP_STATUS]))  # fmt: skip
@example(value="²", enum=SR_SEVERITY)  # isdigit() but not a number int() reads
@example(value="١", enum=SR_STATUS)  # an Arabic-Indic one, which int() reads
def test_enums_are_text_or_record_error(value: Any, enum: Any) -> None:
    try:
        text = enum(value)
    except RecordError:
        return
    assert isinstance(text, str)


@SETTINGS
@given(
    items=st.one_of(
        st.lists(
            st.one_of(
                shaped(SHAPES["ServiceIncident"], top=True),
                shaped({"workload": None, "status": None,
                        "incidents": [SHAPES["ServiceIncident"]],
                        "messageCenterMessages": [SHAPES["MessageCenterNotice"]]}, top=True),
                json_values,
            ),
            max_size=4,
        ),
        json_values,
    )
)  # fmt: skip
def test_partner_incidents_in_any_shape_never_raise(items: Any) -> None:
    found = parse_partner_incidents(items)
    assert all(isinstance(i, ServiceIncident) for i in found.incidents)
    assert all(isinstance(n, MessageCenterNotice) for n in found.notices)
    for error in found.errors:
        str(error).encode("utf-8")
    repr(found)


def test_one_item_with_an_out_of_range_date_does_not_sink_the_others() -> None:
    good = {"id": "EX1", "title": "Mail delayed", "startDateTime": "2020-11-13T21:00:00Z"}
    bad = {
        "id": "EX2",
        "title": "From the far future",
        "startDateTime": "9999-12-31T23:00:00-05:00",
    }
    parsed = parse_list([good, bad], HealthIssue.from_json)
    assert [i.id for i in parsed.items] == ["EX1"]
    assert [(e.index, e.item_id) for e in parsed.errors] == [(1, "EX2")]
    assert "not a date" in parsed.errors[0].reason
