"""The sandbox's dataset: customers up front, everything per tenant lazily and cached.

Each tenant's details come from a random stream seeded by (seed, tenant index, aspect), so they
are the same whatever order tenants (or aspects) are asked for in.
"""

from __future__ import annotations

import bisect
import random
import time
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta, timezone

from desktop.sandbox import (
    admin_links,
    catalog,
    gdap,
    incidents,
    messages,
    names,
    partner_incidents,
    responses,
    tickets,
)
from desktop.sandbox.consent import ConsentBook
from desktop.sandbox.customers import PARTNER, Customer, guid, sort_key
from desktop.sandbox.customers import generate as generate_customers
from desktop.sandbox.incidents import Issue
from desktop.sandbox.messages import Message
from desktop.sandbox.timefmt import iso_ms, iso_z, utc

GRAPH_CONTEXT = "https://graph.microsoft.com/v1.0/$metadata#"


def default_now() -> datetime:
    return datetime.now(timezone.utc).replace(minute=0, second=0, microsecond=0)


class Dataset:
    def __init__(
        self,
        customers: int = 250,
        seed: int = 7,
        now: datetime | None = None,
        company_names: Mapping[int, str] | None = None,
        consented: str = "some",
        partner_incident_shape: str = partner_incidents.GROUPED,
    ) -> None:
        """`consented`: "all", "none" or "some" of the GDAP customers have the app consented
        (consent.py says who, deterministically from the seed). `partner_incident_shape`:
        Partner Center's service incidents "grouped" per workload or "flat"
        (partner_incidents.py)."""
        if partner_incident_shape not in partner_incidents.SHAPES:
            raise ValueError(f"partner_incident_shape must be one of {partner_incidents.SHAPES}")
        self.partner_incident_shape = partner_incident_shape
        self.seed = seed
        self._real_time = now is None
        self.now = default_now() if now is None else utc(now)
        self._t0 = time.monotonic()
        self.partner = PARTNER
        self.partner_tenant_id = PARTNER.tenant_id
        self.by_index = generate_customers(customers, seed, company_names)
        self.customers: list[Customer] = sorted(self.by_index, key=sort_key)
        self._by_tid = {c.tenant_id: c for c in self.customers}
        self._by_domain = {c.domain: c for c in self.customers}
        self.consents = ConsentBook(self.customers, seed, consented)
        self.pool: list[Issue] = incidents.build_pool(seed, self.now)
        self.message_center = partner_incidents.MessageCenter(seed, self.now)
        self._pool_by_id = {i.id: i for i in self.pool}
        self.hostile_issue_id = self.pool[0].id
        self.unknown_status_issue_id = self.pool[-1].id
        self.message_pool: list[Message] = messages.build_pool(seed, self.now)
        self.tickets = tickets.TicketStore(seed, self.now, self.by_index, self.clock)
        self._cache: dict[tuple[str, int], object] = {}
        self._items: list[bytes] | None = None
        self._folded: list[str] | None = None
        self._domains: list[str] = []
        self._impacted: dict[str, int] | None = None
        self._gdap_all: list[dict[str, object]] | None = None
        self._gdap_by_id: dict[str, dict[str, object]] | None = None
        # The first customers without GDAP show every relationship status (gdap.SHOWCASE),
        # each after one with no relationship at all, so that small datasets have both.
        without = [c.tenant_id for c in self.by_index if not c.has_gdap]
        kinds = [k for status in gdap.SHOWCASE for k in ("none", status)]
        self._showcase = dict(zip(without, kinds, strict=False))

    # -- helpers --------------------------------------------------------------------------

    def clock(self) -> datetime:
        """Now on the data's timeline: real time, or the given `now` plus the time since."""
        if self._real_time:
            return datetime.now(timezone.utc)
        return self.now + timedelta(seconds=time.monotonic() - self._t0)

    def customer(self, tenant_id: str) -> Customer | None:
        return self._by_tid.get(tenant_id.lower())

    def tenant(self, tenant_id: str) -> Customer | None:
        """A customer, or the partner itself (it is a tenant too)."""
        tenant_id = tenant_id.lower()
        return PARTNER if tenant_id == self.partner_tenant_id else self._by_tid.get(tenant_id)

    def tenant_by_name(self, name: str) -> Customer | None:
        """A tenant by id or by its onmicrosoft domain, as Entra's authority paths accept."""
        name = name.lower()
        if name == self.partner.domain:
            return self.partner
        return self.tenant(name) or self._by_domain.get(name)

    def graph_allowed(self, tenant_id: str) -> bool:
        tenant = self.tenant(tenant_id)
        return tenant is not None and tenant.has_gdap

    def _rng(self, tenant: Customer, aspect: str) -> random.Random:
        key = "partner" if tenant.index < 0 else str(tenant.index)
        return random.Random(f"{self.seed}:{key}:{aspect}")

    def _cached(self, aspect: str, tenant: Customer, make: Callable[[], object]) -> object:
        key = (aspect, tenant.index)
        value = self._cache.get(key)
        if value is None:
            # Racing threads may both build it; the result is identical, so either may win.
            value = self._cache.setdefault(key, make())
        return value

    # -- Partner Center ---------------------------------------------------------------------

    def customer_item(self, customer: Customer) -> dict[str, object]:
        """One customer as GET /v1/customers lists it."""
        return {
            "id": customer.tenant_id,
            "companyProfile": {
                "tenantId": customer.tenant_id,
                "domain": customer.domain,
                "companyName": customer.company_name,
                "attributes": {"objectType": "CustomerCompanyProfile"},
            },
            "relationshipToPartner": customer.relationship,
            "attributes": {"objectType": "Customer"},
        }

    def customer_items_json(self) -> list[bytes]:
        """Every list item, pre-serialised, in list order."""
        if self._items is None:
            self._items = [
                responses.dumps(self.customer_item(c), separators=None) for c in self.customers
            ]
        return self._items

    def search(self, field: str, prefix: str) -> list[int]:
        """Positions in `customers` whose company name or onmicrosoft domain starts with
        `prefix`, case-insensitively. `field` is "companyname" or "domain"."""
        if self._folded is None:
            domains = [c.domain.casefold() for c in self.customers]
            folded = [c.company_name.casefold() for c in self.customers]
            self._domains = domains  # before _folded, which other threads test
            self._folded = folded
        wanted = prefix.casefold()
        if field == "domain":
            return [i for i, d in enumerate(self._domains) if d.startswith(wanted)]
        # The list is sorted by folded name, so name matches are one contiguous run.
        start = bisect.bisect_left(self._folded, wanted)
        end = start
        while end < len(self._folded) and self._folded[end].startswith(wanted):
            end += 1
        return list(range(start, end))

    def customer_detail(self, tenant_id: str) -> dict[str, object] | None:
        customer = self.customer(tenant_id)
        if customer is None:
            return None
        value = self._cached("detail", customer, lambda: self._make_detail(customer))
        assert isinstance(value, dict)
        return value

    def _make_detail(self, c: Customer) -> dict[str, object]:
        rng = self._rng(c, "profile")
        first, last, first_ascii, last_ascii = names.person(c.culture, rng)
        address = catalog.address(c.country, rng)
        email = f"{first_ascii}.{last_ascii}@{c.default_domain}"
        domains = [c.default_domain] if c.default_domain != c.domain else []
        if domains and rng.random() < 0.25:
            domains.append(f"mail.{c.default_domain}")
        domains.append(c.domain)
        language = "zh-hant" if c.culture == "zh-TW" else c.culture.split("-")[0]
        return {
            "id": c.tenant_id,
            "commerceId": guid(rng),
            "companyProfile": {
                "tenantId": c.tenant_id,
                "domain": c.domain,
                "companyName": c.company_name,
                "address": address,
                "email": email,
                "attributes": {"objectType": "CustomerCompanyProfile"},
            },
            "billingProfile": {
                "id": guid(rng),
                "firstName": first,
                "lastName": last,
                "email": email,
                "culture": c.culture,
                "language": language,
                "companyName": c.company_name,
                "defaultAddress": {**address, "firstName": first, "lastName": last},
                "attributes": {"objectType": "CustomerBillingProfile"},
            },
            "relationshipToPartner": c.relationship,
            "allowDelegatedAccess": rng.random() < 0.7,
            "customDomains": domains,
            "attributes": {"objectType": "Customer"},
        }

    def managed_services(self, tenant_id: str) -> list[dict[str, object]] | None:
        customer = self.customer(tenant_id)
        if customer is None:
            return None
        return admin_links.managed_services(
            customer.tenant_id, customer.domain, customer.default_domain
        )

    def impacted_counts(self) -> dict[str, int]:
        """How many customers each pool issue touches (computes every tenant's issues once)."""
        if self._impacted is None:
            counts = dict.fromkeys(self._pool_by_id, 0)
            for customer in self.customers:
                for issue in self._issues_of(customer):
                    counts[issue.id] += 1
            self._impacted = counts
        return self._impacted

    def service_incidents(self, tenant_id: str | None = None) -> dict[str, object] | None:
        """GET /v1/serviceincidents/office (None: partner level) or a customer's."""
        services: set[str] | None = None
        if tenant_id is None:
            chosen = list(self.pool)
        else:
            customer = self.customer(tenant_id)
            if customer is None:
                return None
            chosen = self._issues_of(customer)
            services = set(self.services_of(customer))
        return partner_incidents.collection(
            chosen,
            self.impacted_counts(),
            self.message_center.for_services(services),
            self.partner_incident_shape,
        )

    def service_requests(self, tenant_id: str) -> list[dict[str, object]]:
        tenant = self.tenant(tenant_id)
        return [] if tenant is None else self.tickets.for_tenant(tenant)

    def service_request(self, request_id: str, tenant_id: str) -> dict[str, object] | None:
        """One of `tenant_id`'s requests (the partner's tenant id: one of its own)."""
        tenant = self.tenant(tenant_id)
        return None if tenant is None else self.tickets.get(request_id, tenant)

    def support_topics(self) -> list[dict[str, object]]:
        return tickets.topics_json()

    # -- Graph: service health --------------------------------------------------------------

    def services_of(self, tenant: Customer) -> list[str]:
        def make() -> list[str]:
            rng = self._rng(tenant, "services")
            have = {sid for sid, _, share in catalog.OPTIONAL_SERVICES if rng.random() < share}
            core = {sid for sid, _ in catalog.CORE_SERVICES}
            return [sid for sid in catalog.SERVICE_ORDER if sid in core or sid in have]

        value = self._cached("services", tenant, make)
        assert isinstance(value, list)
        return value

    def _issues_of(self, tenant: Customer) -> list[Issue]:
        def make() -> list[Issue]:
            rng = self._rng(tenant, "issues")
            services = set(self.services_of(tenant))
            seen = []
            for issue in self.pool:
                roll = rng.random()  # drawn for every issue, so membership is stable
                touched = roll < issue.reach
                touched |= issue.forced_first_customer and tenant.index == 0
                touched |= tenant.index < 0 and issue.id == self.hostile_issue_id
                if touched and issue.service in services:
                    seen.append(issue)
            seen.sort(key=lambda i: (i.start, i.id), reverse=True)
            return seen

        value = self._cached("issues", tenant, make)
        assert isinstance(value, list)
        return value

    def issues(self, tenant_id: str) -> list[dict[str, object]]:
        """The Graph issues this tenant sees, newest first."""
        tenant = self.tenant(tenant_id)
        return [] if tenant is None else [i.graph for i in self._issues_of(tenant)]

    def issue_objects(self, tenant_id: str) -> list[Issue]:
        tenant = self.tenant(tenant_id)
        return [] if tenant is None else self._issues_of(tenant)

    def issue(self, tenant_id: str, issue_id: str) -> Issue | None:
        return next((i for i in self.issue_objects(tenant_id) if i.id == issue_id), None)

    # -- Graph: message center --------------------------------------------------------------

    def messages_of(self, tenant_id: str) -> list[Message]:
        """The message center posts this tenant sees (newest change first): those about a
        service it has, each to every such tenant or, for a targeted post, to some."""
        tenant = self.tenant(tenant_id)
        if tenant is None:
            return []

        def make() -> list[Message]:
            rng = self._rng(tenant, "messages")
            services = set(self.services_of(tenant))
            seen = []
            for message in self.message_pool:
                roll = rng.random()  # drawn for every message, so membership is stable
                if roll < message.reach and services.intersection(message.services):
                    seen.append(message)
            return seen

        value = self._cached("messages", tenant, make)
        assert isinstance(value, list)
        return value

    def message(self, tenant_id: str, message_id: str) -> Message | None:
        wanted = message_id.upper()
        return next((m for m in self.messages_of(tenant_id) if m.id == wanted), None)

    def tenants_told(self, message_id: str) -> list[Customer]:
        """Customers (list order) whose message center holds this message."""
        return [c for c in self.customers if self.message(c.tenant_id, message_id) is not None]

    def health_overviews(self, tenant_id: str, expand: bool = False) -> list[dict[str, object]]:
        tenant = self.tenant(tenant_id)
        if tenant is None:
            return []
        aspect = "overviews+issues" if expand else "overviews"

        def make() -> list[dict[str, object]]:
            by_service: dict[str, list[Issue]] = {}
            for issue in self._issues_of(tenant):
                by_service.setdefault(issue.service, []).append(issue)
            out = []
            for sid in self.services_of(tenant):
                touching = by_service.get(sid, [])
                entry: dict[str, object] = {
                    "service": catalog.SERVICE_NAMES[sid],
                    "status": incidents.service_status(touching, self.now),
                    "id": sid,
                }
                if expand:
                    entry["issues"] = [i.graph for i in touching]
                out.append(entry)
            return out

        value = self._cached(aspect, tenant, make)
        assert isinstance(value, list)
        return value

    @staticmethod
    def _site_name(tenant: Customer, rng: random.Random) -> str:
        """The tenant's SharePoint name: its initial domain's first label, unless renamed."""
        name = tenant.slug
        if rng.random() < 0.125:  # renamed tenant: SharePoint keeps its first name
            name = f"{name[: max(3, len(name) // 2)]}{rng.choice(('corp', 'group', '365'))}"
        return name

    def sharepoint_name(self, tenant: Customer) -> str:
        return self._site_name(tenant, self._rng(tenant, "site"))

    def site_root(self, tenant_id: str) -> dict[str, object] | None:
        tenant = self.tenant(tenant_id)
        if tenant is None:
            return None

        def make() -> dict[str, object]:
            rng = self._rng(tenant, "site")
            host = f"{self._site_name(tenant, rng)}.sharepoint.com"
            created = self.now - timedelta(days=rng.randint(400, 3000))
            return {
                "@odata.context": GRAPH_CONTEXT + "sites/$entity",
                "createdDateTime": iso_z(created),
                "description": "",
                "id": f"{host},{guid(rng)},{guid(rng)}",
                "lastModifiedDateTime": iso_ms(self.now - timedelta(hours=rng.randint(1, 900))),
                "name": "",
                "webUrl": f"https://{host}",
                "displayName": "Communication site",
                "root": {},
                "siteCollection": {"hostname": host},
            }

        value = self._cached("site", tenant, make)
        assert isinstance(value, dict)
        return value

    # -- Graph: GDAP --------------------------------------------------------------------------

    def relationships(self, tenant_id: str) -> list[dict[str, object]]:
        """GDAP relationships of one customer: one active for has_gdap, else none or ones that
        give no access (pending, ended, being terminated)."""
        customer = self.customer(tenant_id)
        if customer is None:
            return []
        value = self._cached(
            "gdap",
            customer,
            lambda: gdap.relationships(
                customer,
                self._rng(customer, "gdap"),
                self._rng(customer, "consent-role"),
                self._rng(customer, "gdap-roles"),
                self.now,
                self.consents.can_consent(customer.tenant_id),
                self.partner_tenant_id,
                self._showcase.get(customer.tenant_id),
            ),
        )
        assert isinstance(value, list)
        return value

    def delegated_admin_relationships(self) -> list[dict[str, object]]:
        """Every customer's GDAP relationships in customer list order, then the invitations
        that no customer has approved yet (`customer` null)."""
        if self._gdap_all is None:
            every = [r for c in self.customers for r in self.relationships(c.tenant_id)]
            every += gdap.invitations(
                self._rng(PARTNER, "gdap-invitations"),
                self._rng(PARTNER, "gdap-invitation-roles"),
                self.now,
                self.partner_tenant_id,
            )
            self._gdap_all = every
        return self._gdap_all

    def relationship(self, relationship_id: str) -> dict[str, object] | None:
        if self._gdap_by_id is None:
            self._gdap_by_id = {
                str(r["id"]).lower(): r for r in self.delegated_admin_relationships()
            }
        return self._gdap_by_id.get(relationship_id.lower())

    def access_assignments(self, relationship_id: str) -> list[dict[str, object]] | None:
        """A relationship's access assignments; None when there is no such relationship."""
        rel = self.relationship(relationship_id)
        if rel is None:
            return None
        rng = random.Random(f"{self.seed}:{str(rel['id']).lower()}:access")
        return gdap.access_assignments(rel, rng, self.seed, self.now)

    def partner_groups(self) -> list[dict[str, object]]:
        """The partner's security groups (with a sandbox-only `member` flag)."""
        return gdap.partner_groups(self.seed)

    def my_groups(self) -> list[dict[str, object]]:
        """The groups the sandbox user belongs to, as `me/transitiveMemberOf` lists them."""
        return [
            {k: v for k, v in g.items() if k != "member"}
            for g in self.partner_groups()
            if g["member"]
        ]

    def delegated_admin_customers(self) -> list[dict[str, object]]:
        return [
            {"id": c.tenant_id, "tenantId": c.tenant_id, "displayName": c.company_name}
            for c in self.customers
            if c.has_gdap
        ]

    def service_management_details(self, tenant_id: str) -> list[dict[str, str]] | None:
        customer = self.customer(tenant_id)
        if customer is None or not customer.has_gdap:
            return None
        rng = self._rng(customer, "management")
        site = self.sharepoint_name(customer)
        # Microsoft names SharePoint for some customers; always for a renamed tenant here,
        # where the name derived from the initial domain would be wrong.
        listed = site != customer.slug or rng.random() < 0.3
        return admin_links.service_management_details(
            customer.tenant_id,
            customer.domain,
            business_central=rng.random() < 0.4,
            sharepoint=site if listed else None,
        )

    # -- facts for tests ------------------------------------------------------------------

    def no_gdap_customers(self) -> list[Customer]:
        return [c for c in self.customers if not c.has_gdap]

    def customers_in_consent_state(self, state: str) -> list[Customer]:
        """Customers (list order) whose consent state is one of consent.STATES."""
        return [c for c in self.customers if self.consents.state(c.tenant_id) == state]
