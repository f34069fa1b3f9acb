"""Customers as Partner Center describes them, and the admin portal links made for them.
No Qt, no I/O; read tolerantly (`desktop.domain.parsing`).

`Customer` is kept in the cache: its `to_json` is wire-shaped JSON that `from_json` reads back
to an equal record.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from desktop.domain.enums import RELATIONSHIP
from desktop.domain.ids import is_tenant_id
from desktop.domain.parsing import (
    RecordError,
    _bool,
    _checked_id,
    _mapping,
    _required_text,
    _text,
    field_of,
)


@dataclass(frozen=True)
class Customer:
    tenant_id: str
    company_name: str
    domain: str  # the initial *.onmicrosoft.com domain
    relationship: str

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Customer:
        profile = _mapping(field_of(data, "companyProfile"))
        # The customer's `id` is its tenant id ("customer-tenant-id"), and every item has one;
        # Microsoft's own example of the list puts a placeholder ("<guid>") in
        # companyProfile.tenantId (tests/wire/examples/partner_center/customers.json), which
        # would key both customers on the same non-id. The profile's copy is the fallback.
        tenant = _text(field_of(data, "id")) or _text(field_of(profile, "tenantId"))
        if not tenant:
            raise RecordError("customer without an id")
        return cls(
            tenant_id=_checked_id(tenant, is_tenant_id, "a tenant id"),
            company_name=_text(field_of(profile, "companyName")),
            domain=_text(field_of(profile, "domain")),
            relationship=RELATIONSHIP(field_of(data, "relationshipToPartner") or "unknown"),
        )

    def to_json(self) -> dict[str, Any]:
        """Wire-shaped JSON that `from_json` reads back to an equal record (for the cache)."""
        return {
            "id": self.tenant_id,
            "companyProfile": {
                "tenantId": self.tenant_id,
                "companyName": self.company_name,
                "domain": self.domain,
            },
            "relationshipToPartner": self.relationship,
        }


@dataclass(frozen=True)
class Address:
    country: str = ""
    region: str = ""
    city: str = ""
    line1: str = ""
    postal_code: str = ""
    phone: str = ""

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Address:
        return cls(
            country=_text(field_of(data, "country")),
            region=_text(field_of(data, "region", "state")),
            city=_text(field_of(data, "city")),
            line1=_text(field_of(data, "addressLine1")),
            postal_code=_text(field_of(data, "postalCode")),
            phone=_text(field_of(data, "phoneNumber")),
        )

    def lines(self) -> list[str]:
        city = " ".join(p for p in (self.postal_code, self.city) if p)
        return [p for p in (self.line1, city, self.region, self.country) if p]


@dataclass(frozen=True)
class CustomerDetail:
    customer: Customer
    email: str
    address: Address
    custom_domains: tuple[str, ...]
    allow_delegated_access: bool | None
    commerce_id: str

    @property
    def default_domain(self) -> str:
        """The first custom (non-onmicrosoft) domain, else the initial domain."""
        for domain in self.custom_domains:
            if not domain.lower().endswith(".onmicrosoft.com"):
                return domain
        return self.customer.domain

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> CustomerDetail:
        profile = _mapping(field_of(data, "companyProfile"))
        domains = field_of(data, "customDomains") or []
        if not isinstance(domains, list):
            domains = []
        return cls(
            customer=Customer.from_json(data),
            email=_text(field_of(profile, "email")),
            address=Address.from_json(_mapping(field_of(profile, "address"))),
            custom_domains=tuple(_text(d) for d in domains if isinstance(d, str)),
            allow_delegated_access=_bool(field_of(data, "allowDelegatedAccess")),
            commerce_id=_text(field_of(data, "commerceId")),
        )


@dataclass(frozen=True)
class ManagedService:
    id: str
    name: str
    group: str
    admin_url: str

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ManagedService:
        links = _mapping(field_of(data, "links"))
        admin = _mapping(field_of(links, "adminService"))
        return cls(
            id=_required_text(data, "id"),
            name=_text(field_of(data, "name")),
            group=_text(field_of(data, "groupName")),
            admin_url=_text(field_of(admin, "uri")),
        )


@dataclass(frozen=True)
class ServiceManagementLink:
    """Microsoft's own portal link for a customer (GDAP `serviceManagementDetails`)."""

    id: str
    name: str
    url: str

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ServiceManagementLink:
        return cls(
            id=_text(field_of(data, "id")),
            name=_required_text(data, "serviceName"),
            url=_text(field_of(data, "serviceManagementUrl")),
        )


@dataclass(frozen=True)
class PortalLink:
    """An admin portal for one customer: a URL that passed the link policy, or why not."""

    portal_id: str
    name: str
    purpose: str
    url: str | None
    error: str = ""
    source: str = "template"  # "template" or where Microsoft's own link came from
    note: str = ""
    # True only for a link Microsoft's own answer for the customer gave (links.py
    # merge_microsoft_links): it is checked by that policy, which allows Microsoft's own forms.
    from_microsoft: bool = False
