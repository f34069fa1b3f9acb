"""The customer list: cheap to build for tens of thousands, identical for the same seed."""

from __future__ import annotations

import random
import uuid
from collections.abc import Mapping
from dataclasses import dataclass

from desktop.sandbox import catalog, names

RELATIONSHIPS: tuple[tuple[str, int], ...] = (
    ("reseller", 78),
    ("advisor", 10),
    ("none", 4),
    ("syndication", 3),
    ("microsoft_support", 3),
    ("unknown", 2),
)
NO_GDAP_SHARE = 0.15
CUSTOM_DOMAIN_SHARE = 0.85


@dataclass(frozen=True)
class Customer:
    index: int  # generation order; seeds this tenant's lazily generated details
    tenant_id: str
    company_name: str
    domain: str  # the *.onmicrosoft.com domain
    default_domain: str  # the custom domain, or the onmicrosoft one when there is none
    relationship: str
    has_gdap: bool
    culture: str
    country: str

    @property
    def slug(self) -> str:
        return self.domain.split(".", 1)[0]


PARTNER = Customer(
    index=-1,
    tenant_id=catalog.PARTNER_TENANT_ID,
    company_name=catalog.PARTNER_NAME,
    domain=catalog.PARTNER_DOMAIN,
    default_domain=catalog.PARTNER_DEFAULT_DOMAIN,
    relationship="none",
    has_gdap=True,
    culture="en-GB",
    country="GB",
)


def guid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def generate(
    count: int, seed: int, company_names: Mapping[int, str] | None = None
) -> list[Customer]:
    """`count` customers in generation order (index i is the i-th generated).

    `company_names` replaces the company name of those customers (hostile-data tests); their
    domains and everything else stay as generated, and the other customers do not change.
    """
    rng = random.Random(f"{seed}:customers")
    rel_names = [r[0] for r in RELATIONSHIPS]
    rel_weights = [r[1] for r in RELATIONSHIPS]
    slugs: set[str] = {catalog.PARTNER_DOMAIN.split(".")[0]}
    tids: set[str] = {catalog.PARTNER_TENANT_ID}
    out: list[Customer] = []
    for index in range(count):
        culture, country, suffix = names.pick_culture(rng)
        special = names.FORMULA_NAMES.get(index)
        if special is not None:
            name, slug, culture = special
            country, suffix = names.culture_info(culture)
        elif index in names.LONG_NAME_INDICES or rng.random() < 0.012:
            name, slug, culture = rng.choice(names.LONG_NAMES)
            country, suffix = names.culture_info(culture)
        else:
            name, slug = names.company_name(culture, rng)
        if company_names and index in company_names:
            name = company_names[index]
        slug = slug or "tenant"
        base = slug
        while slug in slugs:
            slug = f"{base}{rng.randint(2, 999)}"
        slugs.add(slug)
        tid = guid(rng)
        while tid in tids:
            tid = guid(rng)
        tids.add(tid)
        domain = f"{slug}.onmicrosoft.com"
        default = f"{slug}{suffix}" if rng.random() < CUSTOM_DOMAIN_SHARE else domain
        relationship = rng.choices(rel_names, weights=rel_weights)[0]
        # The first customer shows the unknown service status (incidents.py): keep it visible.
        has_gdap = rng.random() >= NO_GDAP_SHARE or index == 0
        out.append(
            Customer(index, tid, name, domain, default, relationship, has_gdap, culture, country)
        )
    return out


def sort_key(customer: Customer) -> tuple[str, str]:
    """Partner Center's list order in the sandbox: company name, case-folded, then id."""
    return customer.company_name.casefold(), customer.tenant_id
