"""Partner Center's published response examples, read by the production client.

Sources: examples/SOURCES.md. Service incidents have no published example: their fixtures are
built from the SDK model and the REST reference's schema, and say so there.
"""

from __future__ import annotations

from typing import Any

import pytest

from desktop.domain.health import ServiceIncident
from desktop.domain.partner_incidents import MessageCenterNotice
from desktop.domain.service_requests import ServiceRequest
from desktop.sandbox import Sandbox
from desktop.services.backend import Backend

from .conftest import example, serve, utc

CUSTOMER = "eebd1b55-5360-4438-a11d-5c06918c3014"  # get-a-customer-by-id's example
REQUEST = "616122292874576"  # get-service-request-details-by-id's example


def test_customers_example(sb: Sandbox, backend: Backend):
    serve(sb, "/v1/customers", "partner_center/customers.json")
    pages = list(backend.pc.customer_pages("cid"))
    assert sb.canned_pending() == 0
    assert len(pages) == 1  # no links.next: the last page
    page, total = pages[0]
    assert total == 2
    assert page.errors == []
    # Microsoft's example writes placeholders in the profile ("<guid>", "domain",
    # "companyName"); the customer's id is its tenant id.
    assert [(c.tenant_id, c.company_name, c.domain, c.relationship) for c in page.items] == [
        ("b44bb1fb-c595-45b0-9e09-d657365580bf", "companyName", "domain", "reseller"),
        ("45c44870-ef77-4fdd-b6fe-3dacb075cff2", "companyName", "domain", "reseller"),
    ]


def test_customer_example(sb: Sandbox, backend: Backend):
    serve(sb, f"/v1/customers/{CUSTOMER}", "partner_center/customer.json")
    detail = backend.pc.customer(CUSTOMER, "cid")
    assert sb.canned_pending() == 0
    customer = detail.customer
    assert customer.tenant_id == CUSTOMER
    assert customer.company_name == "1kl as kjk"
    assert customer.domain == "abcdefgh1234.ccsctp.net"
    assert customer.relationship == "reseller"
    assert detail.email == "a@a.com"
    address = detail.address
    assert (address.country, address.region, address.city) == ("US", "wa", "redmond")
    assert (address.line1, address.postal_code, address.phone) == (
        "1 ms way",
        "98052",
        "1234567890",
    )
    assert address.lines() == ["1 ms way", "98052 redmond", "wa", "US"]
    assert detail.custom_domains == ("abcdefgh1234.ccsctp.net",)
    assert detail.default_domain == "abcdefgh1234.ccsctp.net"
    assert detail.allow_delegated_access is True
    assert detail.commerce_id == "99e6a635-48e7-424d-9059-c9db944e3c54"


def test_managed_services_example(sb: Sandbox, backend: Backend):
    serve(sb, f"/v1/customers/{CUSTOMER}/managedservices", "partner_center/managed_services.json")
    services = backend.pc.managed_services(CUSTOMER, "cid")
    assert sb.canned_pending() == 0
    assert services.errors == []
    assert [(s.id, s.name, s.group, s.admin_url) for s in services.items] == [
        (
            "Exchange",
            "Exchange",
            "Office",
            "https://portal.office.com/Partner/BeginClientSession.aspx?CTID=<ctid>"
            "&CSDEST=Exchange&InitialDomain=<domain>&PrimaryDomain=<domain>",
        ),
        (
            "MicrosoftCommunicationsOnline",
            "SkypeforBusiness",
            "Office",
            "https://portal.office.com/Partner/BeginClientSession.aspx?CTID=<ctid>"
            "&CSDEST=MicrosoftCommunicationsOnline",
        ),
    ]


def test_customer_service_requests_example(sb: Sandbox, backend: Backend):
    """Severity and status come as numbers here (0: unknown, 1: open)."""
    serve(
        sb,
        f"/v1/customers/{CUSTOMER}/servicerequests",
        "partner_center/customer_service_requests.json",
    )
    requests = backend.pc.service_requests("cid", tenant_id=CUSTOMER)
    assert sb.canned_pending() == 0
    assert requests.errors == []
    [request] = requests.items
    assert request.id == "615112491169010"
    assert request.title == "Test"
    assert request.severity == "unknown"
    assert request.status == "open"
    assert request.is_open
    assert request.contact_name == "FirstName LastName"
    assert request.contact_email == ""
    assert request.created == utc(2015, 11, 24, 1, 7, 0, 863000)
    assert request.last_modified == utc(2015, 11, 24, 1, 17, 10, 610000)
    assert request.last_closed is None  # "0001-01-01T00:00:00"
    assert (request.description, request.support_topic_name, request.product_name) == ("", "", "")
    assert request.notes == ()


def _check_trial_request(request: ServiceRequest) -> None:
    assert request.id == REQUEST
    assert request.title == "TrialSR"
    assert request.description == "Ignore this SR"
    assert request.severity == "critical"
    assert request.status == "open"
    assert request.support_topic_id == "32444671"
    assert request.support_topic_name == "Cannot manage my profile"
    assert request.organization_id == "3b33e682-00c3-41ee-9dd2-a548adf56438"
    assert request.organization_name == "TEST_TEST_BugBash1"
    assert request.product_name == ""  # the example has productId 15960 and no productName
    assert request.contact_name == ""  # no primaryContact in the example
    assert request.created == utc(2016, 12, 22, 20, 31, 17, 240000)
    assert request.last_modified == utc(2017, 1, 9, 23, 31, 15, 373000)
    assert request.last_closed is None
    [note] = request.notes
    assert (note.created_by, note.created, note.text) == (
        "Account",
        utc(2017, 1, 9, 23, 31, 15, 373000),
        "Sample Note",
    )


def test_service_request_example(sb: Sandbox, backend: Backend):
    """The page documents `GET /v1/servicerequests/{id}`: the partner's own ticket (its
    organization is the partner)."""
    serve(sb, f"/v1/servicerequests/{REQUEST}", "partner_center/service_request.json")
    request = backend.pc.service_request(REQUEST, "cid")
    assert sb.canned_pending() == 0
    _check_trial_request(request)


def test_update_service_request_example(sb: Sandbox, backend: Backend):
    """PATCH with a new note answers 200 with the request (update-a-service-request)."""
    serve(sb, f"/v1/servicerequests/{REQUEST}", "partner_center/service_request_updated.json")
    request = backend.pc.add_note(REQUEST, "Sample Note", "cid")
    assert sb.canned_pending() == 0
    assert request is not None
    _check_trial_request(request)


def test_support_topics_example(sb: Sandbox, backend: Backend):
    """Topic ids are numbers in the answer; the create body sends them as strings."""
    serve(sb, "/v1/servicerequests/supporttopics", "partner_center/support_topics.json")
    topics = backend.pc.support_topics("cid")
    assert sb.canned_pending() == 0
    assert topics.errors == []
    assert [(t.id, t.name, t.description) for t in topics.items] == [
        (
            "32444667",
            "Partner Center Issues",
            "Office 365 questions from the CSP (Cloud Solution Provider) partners using "
            "Partner Center",
        ),
        (
            "32444671",
            "Cannot manage my profile",
            "Issues that are related to errors or problems with managing a profile",
        ),
    ]


# -- service incidents (no published example: fixtures from the SDK model, see SOURCES.md) ------

INCIDENT_PATHS = [
    pytest.param(None, "/v1/serviceincidents/office", id="partner"),
    pytest.param(CUSTOMER, f"/v1/customers/{CUSTOMER}/serviceincidents/office", id="customer"),
]
EXCHANGE_TITLE = (
    "Limited number of users unable to send or receive email through the Exchange Online service"
)


def _incidents(
    sb: Sandbox, backend: Backend, tenant: str | None, path: str, name: str
) -> dict[str, Any]:
    """Incidents and message center notices by id, as the real client reads them."""
    serve(sb, path, name)
    result = backend.pc.service_incidents("cid", tenant_id=tenant)
    assert sb.canned_pending() == 0
    assert result.errors == []
    return {item.id: item for item in (*result.incidents, *result.notices)}


@pytest.mark.parametrize(("tenant", "path"), INCIDENT_PATHS)
def test_incidents_grouped_shape(sb: Sandbox, backend: Backend, tenant: str | None, path: str):
    found = _incidents(sb, backend, tenant, path, "partner_center/service_incidents_grouped.json")
    incident: ServiceIncident = found["EX226792"]
    raw = example("partner_center/service_incidents_grouped.json")["items"][0]["incidents"][0]
    assert incident.title == EXCHANGE_TITLE  # no title field: the first message's "Title:"
    assert incident.workload == "Exchange"
    assert incident.status == "warning"
    assert incident.message_type == "incident"
    assert incident.start == utc(2020, 11, 13, 21, 0)
    assert incident.end is None  # the SDK's DateTime default, "0001-01-01T00:00:00"
    assert incident.resolved is False
    assert incident.impacted_customers == 12
    assert incident.affected_workloads == ("Exchange Online",)
    [message] = incident.messages
    assert message.published == utc(2020, 11, 13, 21, 32)
    assert message.text == raw["messages"][0]["messageText"]


def test_incidents_grouped_shape_keeps_message_center_items(sb: Sandbox, backend: Backend):
    found = _incidents(
        sb,
        backend,
        None,
        "/v1/serviceincidents/office",
        "partner_center/service_incidents_grouped.json",
    )
    notice = found["MC172851"]
    assert isinstance(notice, MessageCenterNotice)  # kept as a notice, never dropped
    assert (
        notice.title == "(Updated) New feature: Changes to PowerPoint and Word to open files faster"
    )
    assert notice.start == utc(2019, 2, 1, 18, 51)
    assert notice.end == utc(2019, 6, 1, 8, 0)


@pytest.mark.parametrize(("tenant", "path"), INCIDENT_PATHS)
def test_incidents_flat_shape(sb: Sandbox, backend: Backend, tenant: str | None, path: str):
    found = _incidents(sb, backend, tenant, path, "partner_center/service_incidents_flat.json")
    incident = found["EX226792"]
    assert incident.title == EXCHANGE_TITLE
    assert incident.workload == "Exchange"
    assert incident.status == "normal"
    assert incident.message_type == "incident"
    assert (incident.start, incident.end) == (utc(2020, 11, 13, 21, 0), utc(2020, 11, 14, 17, 15))
    assert incident.resolved is True
    assert incident.impacted_customers == 12
    assert incident.affected_workloads == ("Exchange Online",)
    assert [m.published for m in incident.messages] == [
        utc(2020, 11, 13, 21, 32),
        utc(2020, 11, 14, 18, 20, 24),
    ]
    assert "MC172851" in found  # the message-center item of the same list
