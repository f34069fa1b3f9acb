"""The link policy against hostile data: no link built from API data, and no URL the policy
lets through, leaves the active cloud's allow-list or https, read by our parser (urlsplit) or
by a second one (Qt's QUrl, closer to what a browser does)."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QUrl

from desktop.api.links import check_microsoft_url, check_url, merge_microsoft_links, portal_links
from desktop.config.clouds import CLOUDS, GLOBAL, CloudProfile, sandbox_profile
from desktop.domain.customers import (
    Address,
    Customer,
    CustomerDetail,
    ManagedService,
    ServiceManagementLink,
)

from .corpus import DOMAINS, TEXT

TID = "2f6a4b1e-93c3-4d8e-bf2a-0d3c7a6e5b41"
ALL_CLOUDS = [*CLOUDS.values(), sandbox_profile("http://127.0.0.1:9")]
HOSTILE = {**DOMAINS, **{f"text: {k}": v for k, v in TEXT.items()}}


def assert_stays_on_the_list(
    url: str, cloud: CloudProfile, sharepoint: tuple[str, ...] = ()
) -> None:
    """Both parsers see https and an allowed host: on the cloud's list, or the SharePoint of
    the customer (`sharepoint`: its SharePoint names) the link is for."""

    def allowed(host: str) -> bool:
        return cloud.host_allowed(host) or host.lower() in cloud.sharepoint_hosts(sharepoint)

    assert check_url(url, cloud, sharepoint) is None, url
    ours = urlsplit(url)
    assert ours.scheme.lower() == "https"
    assert allowed(ours.hostname or ""), url
    theirs = QUrl(url)
    assert theirs.isValid(), url
    assert theirs.scheme().lower() == "https", url
    assert allowed(theirs.host()), (url, theirs.host())
    assert theirs.userName() == "", url
    assert theirs.password() == "", url
    assert theirs.port() in (-1, 443), url


@pytest.mark.parametrize("value", list(HOSTILE.values()), ids=list(HOSTILE))
@pytest.mark.parametrize("cloud", ALL_CLOUDS, ids=[c.id for c in ALL_CLOUDS])
def test_links_built_from_hostile_customer_data(value: str, cloud: CloudProfile) -> None:
    customers = [
        Customer(TID, value, value, "reseller"),  # a hostile initial domain
        Customer(value, value, "contoso.onmicrosoft.com", "reseller"),  # a hostile tenant id
    ]
    for customer in customers:
        detail = CustomerDetail(customer, value, Address(), (value,), True, value)
        for sharepoint in (value, "contoso"):
            for link in portal_links(cloud, customer, detail, sharepoint):
                if link.url is None:
                    assert link.error, link  # refused, and says why
                    continue
                assert_stays_on_the_list(link.url, cloud, (sharepoint,))
                fixed = urlsplit(next(p.template for p in cloud.portals if p.id == link.portal_id))
                if fixed.hostname and "{" not in fixed.netloc:
                    assert urlsplit(link.url).hostname == fixed.hostname


REFUSED = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "\\\\evil.example\\share",
    "//evil.example/x",
    "http://admin.cloud.microsoft/",
    "https://evil.example/",
    "https://admin.cloud.microsoft.evil.example/",
    "https://admin.cloud.microsoft@evil.example/",
    "https://evil.example@admin.cloud.microsoft/",
    "https://evil.example\\@admin.cloud.microsoft/",
    "https://evil.example%2F@admin.cloud.microsoft/",
    "https://admin.cloud.microsoft:8443/",
    "https://admin.cloud.microsoft\u202e.evil.example/",
    "https://admin.cloud.microsoft\x00.evil.example/",
    "https://admin.cloud.microsoft\t.evil.example/",
    "https://ａdmin.cloud.microsoft/",  # full-width a: a browser would fold it, we refuse
    "https://admin.cloud.microsoft\u3002evil.example/",  # ideographic full stop
    "https://evil.example#@admin.cloud.microsoft",
    "https://[::1]/",
    "https://127.0.0.1/",
    "https://sharepoint.com/",  # the suffix itself is not a tenant's site
    # Hosts urlsplit reads as allowed and a browser decodes to something else, or refuses.
    "https://evil.example%2F.sharepoint.com/",
    "https://evil.example%00.sharepoint.com/",
    "https://evil.example\uff052F.sharepoint.com/",
    "https://\uff45vil.sharepoint.com/",
    "",
]


@pytest.mark.parametrize("url", REFUSED)
def test_hostile_urls_are_refused(url: str) -> None:
    assert check_url(url, GLOBAL) is not None


def test_microsofts_own_links_pass_the_same_policy() -> None:
    customer = Customer(TID, "Contoso", "contoso.onmicrosoft.com", "reseller")
    base = portal_links(GLOBAL, customer, sharepoint="contoso")
    managed = [ManagedService(str(i), name, "", url) for i, (name, url) in enumerate(
        (("Evil", u) for u in REFUSED), start=100)]  # fmt: skip
    management = [ServiceManagementLink(str(i), f"Evil {i}", u) for i, u in enumerate(REFUSED)]
    merged = merge_microsoft_links(base, GLOBAL, managed, management)
    extra = merged[len(base) :]
    assert extra
    assert all(link.url is None and link.error for link in extra), extra


# -- a URL grammar for Hypothesis -------------------------------------------------------------

schemes = st.sampled_from(["https", "HTTPS", "http", "javascript", "data", "file", "", "https "])
hosts = st.sampled_from(
    [
        "admin.cloud.microsoft",
        "lighthouse.microsoft.com",
        "portal.office.com/Partner/BeginClientSession.aspx",
        "businesscentral.dynamics.com",
        "entra.microsoft.com",
        "contoso-admin.sharepoint.com",
        "evil.example",
        "admin.cloud.microsoft.evil.example",
        "evil.example.sharepoint.com",
        "ADMIN.CLOUD.MICROSOFT",
        "admin.cloud.microsoft.",
        "sharepoint.com",
        "127.0.0.1",
        "[::1]",
        "",
    ]
)
pieces = st.sampled_from(
    ["", "@", "\\", "/", "//", "#", "?", ":", ":443", ":8443", "%2F", "%40", "%2e", "%00",
     "\uff05", "\u202e", "\u3002", "\uff0e", "\x00", "\t", " ", "\u00a0", "..",
     "evil.example", "evil.example.", "@evil.example", "javascript:", "a"]
)  # fmt: skip


@st.composite
def urls(draw: st.DrawFn) -> str:
    scheme = draw(schemes)
    slashes = draw(st.sampled_from(["://", ":/", ":", ":///", ":\\\\"]))
    before = "".join(draw(st.lists(pieces, max_size=2)))
    host = draw(hosts)
    after = "".join(draw(st.lists(pieces, max_size=4)))
    return f"{scheme}{slashes}{before}{host}{after}"


@settings(max_examples=400, deadline=None)
@given(url=urls())
@example(url="https://evil.example%2F.sharepoint.com/")
def test_every_url_the_policy_allows_stays_on_the_list_for_both_parsers(url: str) -> None:
    if check_url(url, GLOBAL) is None:
        assert_stays_on_the_list(url, GLOBAL)
    # On a customer's page its own SharePoint opens too, and still nothing off the list.
    if check_url(url, GLOBAL, ("contoso",)) is None:
        assert_stays_on_the_list(url, GLOBAL, ("contoso",))


def assert_stays_on_microsofts_list(url: str, cloud: CloudProfile) -> None:
    """Both parsers see https and a host on the allow-list or of a Microsoft-only form."""
    assert check_microsoft_url(url, cloud) is None, url
    theirs = QUrl(url)
    assert theirs.isValid(), url
    assert theirs.scheme().lower() == "https", url
    host = theirs.host()
    assert cloud.host_allowed(host) or any(f.host == host for f in cloud.microsoft_links), url
    assert theirs.userName() == "", url
    assert theirs.password() == "", url
    assert theirs.port() in (-1, 443), url


@settings(max_examples=400, deadline=None)
@given(url=urls())
@example(url="https://evil.example#@lighthouse.microsoft.com")
def test_every_url_microsofts_policy_allows_stays_on_its_list_for_both_parsers(url: str) -> None:
    # Microsoft's own answers pass a wider policy: still https and a known host to both parsers,
    # and what only it allows is refused to every other link.
    if check_microsoft_url(url, GLOBAL) is None:
        assert_stays_on_microsofts_list(url, GLOBAL)
        if check_url(url, GLOBAL) is None:
            assert_stays_on_the_list(url, GLOBAL)
