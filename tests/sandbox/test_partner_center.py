"""Partner Center routes over real HTTP: paging, search, customer detail, auth, shapes."""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest
import requests

from desktop.sandbox import Sandbox

from .helpers import PARTNER, PC_AUD, graph, mint, pc


def follow_customers(
    sb: Sandbox, http: requests.Session, first: str
) -> tuple[list[str], list[dict[str, object]]]:
    """Every customer id from `first` to the last page, and each page's body."""
    ids: list[str] = []
    pages = []
    url, headers = sb.url + "/v1" + first, pc(sb)
    while True:
        resp = http.get(url, headers=headers)
        assert resp.status_code == 200, resp.text
        body = resp.json()
        pages.append(body)
        ids += [item["id"] for item in body["items"]]
        nxt = body["links"].get("next")
        if nxt is None:
            assert "continuationToken" not in body
            return ids, pages
        assert nxt["method"] == "GET"
        token = {h["key"]: h["value"] for h in nxt["headers"]}
        assert token["MS-ContinuationToken"] == body["continuationToken"]
        url, headers = sb.url + "/v1" + nxt["uri"], pc(sb, **token)


def test_customers_page_to_the_end_in_list_order(sb: Sandbox, http: requests.Session) -> None:
    ids, pages = follow_customers(sb, http, "/customers?size=7")
    assert ids == [c.tenant_id for c in sb.data.customers]
    assert len(pages) == 9  # 60 customers, 7 a page
    assert {p["totalCount"] for p in pages} == {60}
    first = pages[0]
    assert first["attributes"] == {"objectType": "Collection"}
    assert first["links"]["self"]["uri"] == "/customers?size=7"
    assert first["links"]["next"]["uri"] == "/customers?size=7&seekOperation=Next"
    item = first["items"][0]
    assert set(item) == {"id", "companyProfile", "relationshipToPartner", "attributes"}
    assert item["companyProfile"]["tenantId"] == item["id"]
    assert item["companyProfile"]["domain"].endswith(".onmicrosoft.com")


def test_customers_default_and_clamped_sizes(sb: Sandbox, http: requests.Session) -> None:
    body = http.get(sb.url + "/v1/customers", headers=pc(sb)).json()
    assert len(body["items"]) == 60
    assert "next" not in body["links"]
    body = http.get(sb.url + "/v1/customers?size=0", headers=pc(sb)).json()
    assert len(body["items"]) == 1
    body = http.get(sb.url + "/v1/customers?size=9999", headers=pc(sb)).json()
    assert len(body["items"]) == 60
    assert http.get(sb.url + "/v1/customers?size=ten", headers=pc(sb)).status_code == 400


def test_next_page_needs_a_genuine_continuation_token(sb: Sandbox, http: requests.Session) -> None:
    body = http.get(sb.url + "/v1/customers?size=5", headers=pc(sb)).json()
    nxt = body["links"]["next"]["uri"]
    token = body["continuationToken"]
    missing = http.get(sb.url + "/v1" + nxt, headers=pc(sb))
    assert missing.status_code == 400
    assert missing.json()["source"] == "PartnerFD"
    tampered = token[:3] + ("A" if token[3] != "A" else "B") + token[4:]
    for bad in (tampered, "not-a-token", token + "x"):
        resp = http.get(sb.url + "/v1" + nxt, headers=pc(sb, **{"MS-ContinuationToken": bad}))
        assert resp.status_code == 400, bad
    ok = http.get(sb.url + "/v1" + nxt, headers=pc(sb, **{"MS-ContinuationToken": token}))
    assert ok.status_code == 200
    assert ok.json()["items"][0]["id"] == sb.data.customers[5].tenant_id


def _filter(field: str, value: str, operator: str = "starts_with") -> str:
    return quote(json.dumps({"Field": field, "Value": value, "Operator": operator}))


@pytest.mark.parametrize("field", ["CompanyName", "Domain"])
def test_search_is_a_case_insensitive_prefix_match(
    sb: Sandbox, http: requests.Session, field: str
) -> None:
    target = sb.data.customers[20]
    source = target.company_name if field == "CompanyName" else target.domain
    prefix = source[:2].swapcase()
    expected = [
        c.tenant_id
        for c in sb.data.customers
        if (c.company_name if field == "CompanyName" else c.domain)
        .casefold()
        .startswith(prefix.casefold())
    ]
    ids, pages = follow_customers(sb, http, f"/customers?size=1&filter={_filter(field, prefix)}")
    assert ids == expected
    assert target.tenant_id in ids
    assert pages[0]["totalCount"] == len(expected)
    if len(pages) > 1:
        assert "filter=" in pages[0]["links"]["next"]["uri"]


def test_search_finds_names_in_other_scripts(sb: Sandbox, http: requests.Session) -> None:
    cjk = next(c for c in sb.data.customers if c.culture in ("zh-TW", "ja-JP"))
    url = f"/v1/customers?filter={_filter('CompanyName', cjk.company_name[:3])}"
    body = http.get(sb.url + url, headers=pc(sb)).json()
    assert cjk.tenant_id in [i["id"] for i in body["items"]]
    assert cjk.company_name in [i["companyProfile"]["companyName"] for i in body["items"]]


@pytest.mark.parametrize(
    "raw",
    [
        "{not json",
        json.dumps({"Field": "Phone", "Value": "x", "Operator": "starts_with"}),
        json.dumps({"Field": "Domain", "Value": "x", "Operator": "contains"}),
        json.dumps(["CompanyName"]),
    ],
)
def test_bad_filters_are_400(sb: Sandbox, http: requests.Session, raw: str) -> None:
    resp = http.get(sb.url + f"/v1/customers?filter={quote(raw)}", headers=pc(sb))
    assert resp.status_code == 400
    assert "description" in resp.json()


def test_customer_by_id(sb: Sandbox, http: requests.Session) -> None:
    customer = next(c for c in sb.data.customers if c.default_domain != c.domain)
    resp = http.get(sb.url + f"/v1/customers/{customer.tenant_id}", headers=pc(sb))
    assert resp.status_code == 200
    body = resp.json()
    assert body == sb.data.customer_detail(customer.tenant_id)
    assert isinstance(body["allowDelegatedAccess"], bool)
    assert body["customDomains"][0] == customer.default_domain
    assert customer.domain in body["customDomains"]
    address = body["companyProfile"]["address"]
    assert set(address) == {
        "country",
        "region",
        "city",
        "addressLine1",
        "postalCode",
        "phoneNumber",
    }
    assert address["country"] == customer.country
    assert body["billingProfile"]["culture"] == customer.culture
    assert "@" in body["companyProfile"]["email"]


def test_unknown_customer_is_404(sb: Sandbox, http: requests.Session) -> None:
    resp = http.get(sb.url + "/v1/customers/00000000-0000-0000-0000-000000000000", headers=pc(sb))
    assert resp.status_code == 404
    assert resp.json()["source"] == "PartnerFD"


def test_managed_services_use_the_old_link_forms(sb: Sandbox, http: requests.Session) -> None:
    customer = sb.data.customers[0]
    resp = http.get(sb.url + f"/v1/customers/{customer.tenant_id}/managedservices", headers=pc(sb))
    items = resp.json()["items"]
    assert 6 <= len(items) <= 8
    office = next(i for i in items if i["id"] == "Office")
    begin = "https://portal.office.com/Partner/BeginClientSession.aspx?CTID=" + customer.tenant_id
    assert office["links"]["adminService"]["uri"].startswith(begin)
    # The items of Partner Center's example (get-the-managed-services-for-a-customer-by-id).
    exchange = next(i for i in items if i["id"] == "Exchange")
    assert exchange["links"]["adminService"]["uri"] == (
        f"{begin}&CSDEST=Exchange&InitialDomain={customer.domain}"
        f"&PrimaryDomain={customer.default_domain}"
    )
    assert exchange["links"]["serviceHealth"]["uri"] == f"{begin}&CSDEST=ServiceStatus"
    assert exchange["links"]["serviceTicket"]["uri"] == f"{begin}&CSDEST=Support"
    skype = next(i for i in items if i["id"] == "MicrosoftCommunicationsOnline")
    assert skype["name"] == "SkypeforBusiness"
    dynamics = next(i for i in items if i["groupName"] == "Dynamics")
    assert dynamics["links"]["adminService"]["uri"].endswith("/account/login/" + customer.tenant_id)
    for item in items:
        assert set(item["links"]) == {"adminService", "serviceHealth", "serviceTicket"}


def test_service_incidents_partner_and_customer(sb: Sandbox, http: requests.Session) -> None:
    partner = http.get(sb.url + "/v1/serviceincidents/office", headers=pc(sb)).json()
    all_ids = {i["id"] for item in partner["items"] for i in item["incidents"]}
    assert all_ids == {i.id for i in sb.data.pool}
    customer = sb.data.customers[1]
    url = f"/v1/customers/{customer.tenant_id}/serviceincidents/office"
    mine = http.get(sb.url + url, headers=pc(sb)).json()
    assert mine["totalCount"] == len(mine["items"])
    ids = {i["id"] for item in mine["items"] for i in item["incidents"]}
    assert ids == {i.id for i in sb.data.issue_objects(customer.tenant_id)}
    incident = mine["items"][0]["incidents"][0]
    assert incident["status"] in ("normal", "information", "warning", "critical")
    assert incident["messages"]
    assert "messageText" in incident["messages"][0]
    assert (incident["endTime"] is None) == (not incident["resolved"])
    notices = [m for item in mine["items"] for m in item["messageCenterMessages"]]
    assert notices  # test_partner_incidents.py checks them and the flat shape


def _assert_401(resp: requests.Response) -> None:
    assert resp.status_code == 401
    assert resp.headers["WWW-Authenticate"].startswith("Bearer")
    assert resp.json()["source"] == "PartnerFD"


def test_auth_failures(sb: Sandbox, http: requests.Session) -> None:
    url = sb.url + "/v1/customers"
    _assert_401(http.get(url))
    _assert_401(http.get(url, headers={"Authorization": "Basic dXNlcjpwYXNz"}))
    _assert_401(http.get(url, headers={"Authorization": "Bearer not.a-token"}))
    expired = mint(sb, PARTNER, PC_AUD, expires_in=-60)
    _assert_401(http.get(url, headers={"Authorization": f"Bearer {expired}"}))
    _assert_401(http.get(url, headers=graph(sb, PARTNER)))  # a Graph token


def test_customer_tenant_token_is_403_on_partner_center(
    sb: Sandbox, http: requests.Session
) -> None:
    resp = http.get(sb.url + "/v1/customers", headers=pc(sb, sb.data.customers[0].tenant_id))
    assert resp.status_code == 403
    assert resp.json()["source"] == "PartnerFD"


def test_headers_are_echoed(sb: Sandbox, http: requests.Session) -> None:
    headers = pc(sb, **{"MS-CorrelationId": "corr-1", "MS-RequestId": "req-1"})
    resp = http.get(sb.url + "/v1/customers?size=1", headers=headers)
    assert resp.headers["MS-CorrelationId"] == "corr-1"
    assert resp.headers["MS-RequestId"] == "req-1"
    assert resp.headers["request-id"]
    assert resp.headers["Content-Type"] == "application/json; charset=utf-8"
    assert int(resp.headers["Content-Length"]) == len(resp.content)


def test_unknown_route_and_wrong_method(sb: Sandbox, http: requests.Session) -> None:
    missing = http.get(sb.url + "/v1/nothing-here", headers=pc(sb))
    assert missing.status_code == 404
    assert missing.json()["source"] == "PartnerFD"
    wrong = http.delete(sb.url + "/v1/customers", headers=pc(sb))
    assert wrong.status_code == 405
    assert "GET" in wrong.headers["Allow"]
