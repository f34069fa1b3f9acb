"""Tolerant parsing of records: casing, numeric enums, "never", unknown values, bad items."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from desktop.domain.customers import Customer
from desktop.domain.enums import HEALTH_STATUS, Severity, severity
from desktop.domain.gdap import GdapRelationship, ending_soon
from desktop.domain.health import HealthIssue, ServiceHealth, ServiceIncident
from desktop.domain.parsing import RecordError, format_time, parse_list, parse_time, wire_time
from desktop.domain.service_requests import ServiceRequest

T1 = "11111111-2222-4333-8444-555555555555"
T2 = "66666666-7777-4888-9999-aaaaaaaaaaaa"


def test_customer_camel_and_pascal_case():
    camel = {
        "id": T1,
        "companyProfile": {"tenantId": T1, "domain": "a.onmicrosoft.com", "companyName": "A"},
        "relationshipToPartner": "reseller",
    }
    pascal = {
        "Id": T1,
        "CompanyProfile": {"TenantId": T1, "Domain": "a.onmicrosoft.com", "CompanyName": "A"},
        "RelationshipToPartner": "Reseller",
    }
    assert Customer.from_json(camel) == Customer.from_json(pascal)
    assert Customer.from_json(pascal).relationship == "reseller"


def test_relationship_microsoft_support_in_any_spelling():
    for raw in ("microsoft_support", "MicrosoftSupport", "MICROSOFT_SUPPORT"):
        c = Customer.from_json({"id": T1, "relationshipToPartner": raw})
        assert c.relationship == "microsoft_support"


def test_service_request_numeric_enums_and_never():
    data = {
        "Id": "1234567890123456",
        "Title": "Mail stuck",
        "Severity": 1,
        "Status": 3,
        "CreatedDate": "2026-11-01T10:00:00.1234567Z",
        "LastClosedDate": "0001-01-01T00:00:00",
        "Notes": [{"CreatedByName": "A", "CreatedDate": "2026-11-02T00:00:00Z", "Text": "x"}],
        "Organization": {"Id": "t1", "Name": "Org"},
    }
    r = ServiceRequest.from_json(data)
    assert (r.severity, r.status) == ("critical", "attention_needed")
    assert r.last_closed is None
    assert r.created == datetime(2026, 11, 1, 10, 0, 0, 123456, tzinfo=timezone.utc)
    assert r.notes[0].text == "x"
    assert r.is_open
    assert ServiceRequest.from_json({"id": "1", "severity": "0", "status": "2"}).status == "closed"


def test_unknown_enum_values_are_kept():
    h = ServiceHealth.from_json({"id": "X", "service": "X", "status": "ServiceMaintenance"})
    assert h.status == "ServiceMaintenance"
    assert severity(h.status) == Severity.ADVISORY
    assert HEALTH_STATUS("SERVICEDEGRADATION") == "serviceDegradation"
    assert severity("ServiceInterruption") == Severity.DOWN


def test_issue_parses_graph_shape():
    issue = HealthIssue.from_json(
        {
            "id": "EX226792",
            "title": "Mail delayed",
            "service": "Exchange Online",
            "classification": "Incident",
            "status": "ServiceRestored",
            "isResolved": True,
            "startDateTime": "2020-11-13T21:00:00Z",
            "lastModifiedDateTime": "2020-11-14T18:20:24.767Z",
            "posts": [
                {
                    "createdDateTime": "2020-11-12T07:07:38.97Z",
                    "postType": "Regular",
                    "description": {"contentType": "Html", "content": "<b>first</b>"},
                },
                {
                    "createdDateTime": "2020-11-13T07:07:38.97Z",
                    "postType": "Quick",
                    "description": {"contentType": "Html", "content": "second"},
                },
            ],
        }
    )
    assert issue.classification == "incident"
    assert issue.status == "serviceRestored"
    assert [p.content for p in issue.posts_newest_first()] == ["second", "<b>first</b>"]
    assert issue.posts[1].post_type == "quick"
    assert format_time(issue.last_modified) == "2020-11-14T18:20:24Z"


def test_partner_center_incident_title_from_first_message():
    incident = ServiceIncident.from_json(
        {
            "Id": "EX1",
            "Status": "Warning",
            "Resolved": False,
            "Messages": [
                {
                    "PublishedTime": "2026-11-20T10:00:00Z",
                    "MessageText": "Title: Users can't send mail\nUser Impact: ...",
                }
            ],
        },
        workload="Exchange",
    )
    assert incident.title == "Users can't send mail"
    assert incident.status == "warning"
    assert incident.workload == "Exchange"


def test_gdap_relationship():
    r = GdapRelationship.from_json(
        {
            "id": f"{T2}-{T1}",
            "displayName": "Support",
            "status": "active",
            "customer": {"tenantId": T1, "displayName": "A"},
            "duration": "P730D",
            "endDateTime": "2026-12-01T00:00:00Z",
            "accessDetails": {"unifiedRoles": [{"roleDefinitionId": "f2ef992c"}]},
        }
    )
    assert r.active
    assert r.role_ids == ("f2ef992c",)
    # No autoExtendDuration: Graph's default PT0S, so it is one to renew (domain/gdap.py).
    assert ending_soon(r, datetime(2026, 11, 25, tzinfo=timezone.utc), 30)


def test_a_malformed_item_does_not_sink_the_list():
    raw = [
        {"id": "A1", "title": "fine"},
        "not an object",
        {"title": "no id"},
        {"id": "A2", "startDateTime": "yesterday"},
        {"id": ["list"], "title": "wrong type"},
        {"id": "A3"},
    ]
    parsed = parse_list(raw, HealthIssue.from_json)
    assert [i.id for i in parsed.items] == ["A1", "A3"]
    assert [e.index for e in parsed.errors] == [1, 2, 3, 4]
    assert "A2" in str(parsed.errors[2])
    assert "date" in str(parsed.errors[2])
    assert parse_list({"not": "a list"}, HealthIssue.from_json).errors


@pytest.mark.parametrize("value", ["2026-13-01T00:00:00Z", "tomorrow", 12])
def test_bad_dates_raise_record_error(value):
    with pytest.raises(RecordError):
        parse_time(value)


def test_dates_with_offsets_and_seven_digits():
    assert parse_time("2026-11-01T10:00:00+02:00") == datetime(2026, 11, 1, 8, tzinfo=timezone.utc)
    assert parse_time("2026-11-01T10:00:00.9700000Z").microsecond == 970000
    assert parse_time("2026-11-01T10:00:00") == datetime(2026, 11, 1, 10, tzinfo=timezone.utc)
    assert parse_time(None) is None
    assert parse_time("0001-01-01T00:00:00Z") is None


def test_customer_tenant_is_its_id_else_the_profiles():
    """Microsoft's list example has "<guid>" in companyProfile.tenantId (tests/wire)."""
    both = {"id": T1, "companyProfile": {"tenantId": "<guid>", "companyName": "A"}}
    assert Customer.from_json(both).tenant_id == T1
    profile_only = {"companyProfile": {"TenantId": T2, "companyName": "B"}}
    assert Customer.from_json(profile_only).tenant_id == T2
    with pytest.raises(RecordError):
        Customer.from_json({"companyProfile": {"companyName": "C"}})


def test_only_midnight_of_day_one_is_never():
    """Hypothesis found "0001-01-02000+0001" (23:59 on day one, UTC): read as a time, then
    written back as "0001-01-01T23:59:00+00:00" and read again as "never"."""
    late = parse_time("0001-01-02000+0001")
    assert late == datetime(1, 1, 1, 23, 59, tzinfo=timezone.utc)
    assert parse_time(wire_time(late)) == late
    for never in ("0001-01-01T00:00:00", "0001-01-01T00:00:00Z", "0001-01-01T00:00:00-08:00"):
        assert parse_time(never) is None
