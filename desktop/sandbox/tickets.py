"""Service requests: generated per tenant on first use, then a mutable store (notes, creates).

Whose a ticket is decides where it can be read (API.md section 2; the Partner Center SDK's
PartnerService.json, e.g. microsoft/Partner-Center-Java src/main/resources/PartnerService.json):
a customer's tickets only under `customers/{tid}/servicerequests[/{id}]`
(`GetServiceRequestCustomer`, `UpdateServiceRequestCustomer`), the partner's own only under
`servicerequests[/{id}]` (`GetServiceRequestPartner`, `UpdateServiceRequestPartner`). The
create API files the partner's own tickets (microsoft/PartnerCenterPowerShellModule#47), with
partner-support topics.
"""

from __future__ import annotations

import copy
import random
import threading
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta

from desktop.sandbox import catalog, partner_topics, responses
from desktop.sandbox.customers import PARTNER, Customer, guid
from desktop.sandbox.timefmt import NEVER, pc_date

# The list index is the numeric form older responses use (Partner Center SDK enums).
SEVERITIES = ("unknown", "critical", "moderate", "minimal")
STATUSES = ("none", "open", "closed", "attention_needed")
_STATUS_WEIGHTS = (10, 30, 45, 15)
_SEVERITY_WEIGHTS = (10, 15, 35, 40)
_COUNT_WEIGHTS = (30, 30, 20, 12, 8)  # 0..4 requests per customer
LEGACY_SHARE = 1 / 6

PARTNER_STAFF = (
    ("Emily", "Carter"),
    ("James", "Whitaker"),
    ("Priya", "Natarajan"),
    ("Tomasz", "Kowalski"),
)
ENGINEERS = ("Ravi Menon", "Aiko Sato", "Daniel Brooks", "Lucía Herrera", "Wei-Ting Chang")
_DETAILS = (
    "The customer reports that the problem started {d} days ago and affects about {u} users.",
    "It happens for users in every office; restarting the devices does not help.",
    "We have already collected logs and a network trace; they are available on request.",
    "The customer's administrator confirmed the configuration did not change recently.",
)
_ENGINEER_NOTES = (
    "Thank you for contacting Microsoft Support. I have reviewed the case and will reach out to "
    "schedule a troubleshooting session.",
    "Please collect a fresh trace while reproducing the problem and upload it to the workspace.",
    "We identified a known issue that matches the symptoms; a fix is being deployed.",
    "The fix has been confirmed. I will keep the case open for 24 hours for monitoring.",
)
_PARTNER_NOTES = (
    "Logs uploaded. The customer is available tomorrow between 09:00 and 12:00.",
    "The customer confirms the problem is still occurring.",
    "Customer confirms the issue is resolved, thanks. Please close the case.",
)


def _contact(rng: random.Random) -> dict[str, str]:
    first, last = rng.choice(PARTNER_STAFF)
    return {
        "contactId": guid(rng),
        "firstName": first,
        "lastName": last,
        "email": f"{first.lower()}.{last.lower()}@{catalog.PARTNER_DEFAULT_DOMAIN}",
        "phoneNumber": catalog.PARTNER_PHONE,
    }


def _organization(customer: Customer, phone: str) -> dict[str, str]:
    return {"id": customer.tenant_id, "name": customer.company_name, "phoneNumber": phone}


def generate(customer: Customer, seed: int, now: datetime) -> list[dict[str, object]]:
    """The tenant's existing requests. The first four customers cover every status and
    severity between them, and the second one's first request uses the numeric forms.

    The partner's own (index -1) are about its business with Microsoft (partner-support
    topics, "Partner Center Issues"...), at least three, the newest one open."""
    own = customer.index < 0
    key = "partner" if own else str(customer.index)
    rng = random.Random(f"{seed}:{key}:requests")
    idx = customer.index
    count = rng.choices(range(5), weights=_COUNT_WEIGHTS)[0]
    if 0 <= idx < 8:
        count = max(count, 1)
    if own:
        count = max(count, 3)
    topics = partner_topics.PARTNER_TOPICS if own else catalog.SUPPORT_TOPICS
    phone = catalog.address(customer.country, rng)["phoneNumber"]
    out: list[dict[str, object]] = []
    for k in range(count):
        forced = 0 <= idx < 4 and k == 0
        legacy = rng.random() < LEGACY_SHARE or (idx == 1 and k == 0)
        if own and k == 0:
            legacy = False
        if forced:
            status, severity = STATUSES[(idx + 1) % 4], SEVERITIES[(idx + 1) % 4]
        elif own and k == 0:
            status, severity = "open", "moderate"
        else:
            status = rng.choices(STATUSES, weights=_STATUS_WEIGHTS)[0]
            severity = rng.choices(SEVERITIES, weights=_SEVERITY_WEIGHTS)[0]
        age_days = rng.uniform(400, 1100) if legacy else rng.uniform(0.2, 330)
        if own and k == 0:
            age_days = rng.uniform(0.2, 3)  # newest first: the list sorts by creation
        created = now - timedelta(days=age_days, seconds=rng.randint(0, 86399))
        if status in ("open", "attention_needed"):
            modified = now - timedelta(days=rng.uniform(0.05, min(5.0, age_days)))
        else:
            modified = created + timedelta(days=rng.uniform(0.1, min(30.0, age_days)))
        topic_id, topic_name, topic_desc, product_id, product_name, titles = rng.choice(topics)
        title = rng.choice(titles)
        description = " ".join(
            [title + "."]
            + [
                s.format(d=rng.randint(1, 14), u=rng.randint(3, 400))
                for s in rng.sample(_DETAILS, rng.randint(1, 3))
            ]
        )
        notes = []
        for n in range(rng.randint(0, 4)):
            when = created + (modified - created) * ((n + 1) / 5)
            if n % 2 == 0:
                author, text = rng.choice(ENGINEERS), rng.choice(_ENGINEER_NOTES)
            else:
                first, last = rng.choice(PARTNER_STAFF)
                author, text = f"{first} {last}", rng.choice(_PARTNER_NOTES)
            notes.append({"createdByName": author, "createdDate": pc_date(when), "text": text})
        request: dict[str, object] = {
            "id": f"{created:%y%m%d}{idx + 1:06d}{k}{rng.randint(100, 999)}",
            "title": title,
            "description": description,
            "severity": SEVERITIES.index(severity) if legacy else severity,
            "status": STATUSES.index(status) if legacy else status,
            # A string in Microsoft's published create answer ("supportTopicId": "32444671",
            # learn.microsoft.com/partner-center/developer/create-a-service-request) and in the
            # SDK's ServiceRequest model; older answers carry the number.
            "supportTopicId": topic_id if legacy else str(topic_id),
            "supportTopicName": topic_name,
            "organization": _organization(customer, phone),
            "primaryContact": _contact(rng),
            "productId": product_id,
            "productName": product_name,
            "createdDate": pc_date(created),
            "lastModifiedDate": pc_date(modified),
            "lastClosedDate": pc_date(modified) if status == "closed" else NEVER,
            "notes": notes,
            "countryCode": customer.country,
        }
        if not legacy and age_days < 180:
            request["emailCcList"] = [f"it@{customer.default_domain}"]
            request["additionalInfo"] = ""
            request["creationChannel"] = "PartnerCenterPortal"
            request["supportTopicDescription"] = topic_desc
        request["attributes"] = {"objectType": "ServiceRequest"}
        out.append(request)
    out.sort(key=_order, reverse=True)
    return out


def _order(request: dict[str, object]) -> tuple[str, str]:
    # createdDate strings are fixed-width, so they sort as times.
    return str(request["createdDate"]), str(request["id"])


class TicketStore:
    """All service requests. Thread-safe: notes and creates change requests in place."""

    def __init__(
        self,
        seed: int,
        now: datetime,
        by_index: Sequence[Customer],
        clock: Callable[[], datetime],
    ) -> None:
        self._seed = seed
        self._now = now
        self._by_index = by_index
        self._clock = clock
        self._lock = threading.RLock()
        self._lists: dict[int, list[dict[str, object]]] = {}
        self._created: dict[str, int] = {}  # id -> customer index of requests made here
        self._next = 1

    def _list(self, customer: Customer) -> list[dict[str, object]]:
        existing = self._lists.get(customer.index)
        if existing is None:
            existing = generate(customer, self._seed, self._now)
            self._lists[customer.index] = existing
        return existing

    def _customer(self, index: int) -> Customer | None:
        if index == -1:
            return PARTNER
        return self._by_index[index] if 0 <= index < len(self._by_index) else None

    def for_tenant(self, customer: Customer) -> list[dict[str, object]]:
        with self._lock:
            return copy.deepcopy(self._list(customer))

    def everything(self) -> list[dict[str, object]]:
        """Every tenant's requests and the partner's own, newest first (for tests: the
        partner-wide list Partner Center serves is the partner's own only)."""
        with self._lock:
            merged = list(self._list(PARTNER))
            for customer in self._by_index:
                merged.extend(self._list(customer))
            merged.sort(key=_order, reverse=True)
            return copy.deepcopy(merged)

    def page(
        self,
        owner: Customer,
        offset: int,
        size: int,
        keep: Callable[[dict[str, object]], bool] | None = None,
    ) -> tuple[int, list[bytes]]:
        """(total matches, JSON of one page) of one tenant's list (PARTNER: the partner's own)."""
        with self._lock:
            source = self._list(owner)
            if keep is not None:
                source = [r for r in source if keep(r)]
            chosen = source[offset : offset + size]
            return len(source), [responses.dumps(r, separators=None) for r in chosen]

    def _find(self, request_id: str, owner: Customer) -> dict[str, object] | None:
        """The request if it is `owner`'s: another tenant's is "not found", as on the wire."""
        if not request_id.isdigit() or len(request_id) > 16:
            return None
        index = self._created.get(request_id)
        if index is None and len(request_id) == 16:
            index = int(request_id[6:12]) - 1  # generated ids carry their customer's index
        if index is None or index != owner.index or self._customer(index) is None:
            return None
        return next((r for r in self._list(owner) if r["id"] == request_id), None)

    def get(self, request_id: str, owner: Customer) -> dict[str, object] | None:
        with self._lock:
            found = self._find(request_id, owner)
            return copy.deepcopy(found) if found is not None else None

    def update(
        self, request_id: str, owner: Customer, note: str | None, author: str, status: str | None
    ) -> dict[str, object] | None:
        with self._lock:
            request = self._find(request_id, owner)
            if request is None:
                return None
            now = pc_date(self._clock())
            if note:
                notes = request["notes"]
                assert isinstance(notes, list)
                notes.append({"createdByName": author, "createdDate": now, "text": note})
            if status is not None:
                legacy = isinstance(request["status"], int)
                request["status"] = STATUSES.index(status) if legacy else status
                if status == "closed":
                    request["lastClosedDate"] = now
            request["lastModifiedDate"] = now
            return copy.deepcopy(request)

    def create(
        self,
        title: str,
        description: str,
        severity: str,
        topic_id: int,
        contact: dict[str, str] | None,
        cc: list[str],
        additional: str,
    ) -> dict[str, object]:
        """A partner ticket: the create API files the partner's own (module docstring)."""
        owner = PARTNER
        topic = partner_topics.TOPICS_BY_ID[topic_id]
        with self._lock:
            when = self._clock()
            request_id = f"{when:%y%m%d}99{self._next:08d}"
            self._next += 1
            rng = random.Random(f"{self._seed}:created:{request_id}")
            phone = catalog.address(owner.country, rng)["phoneNumber"]
            request: dict[str, object] = {
                "id": request_id,
                "title": title,
                "description": description,
                "severity": severity,
                "status": "open",
                "supportTopicId": str(topic_id),
                "supportTopicName": topic[1],
                "organization": _organization(owner, phone),
                "primaryContact": contact or _contact(rng),
                "productId": topic[3],
                "productName": topic[4],
                "createdDate": pc_date(when),
                "lastModifiedDate": pc_date(when),
                "lastClosedDate": NEVER,
                "notes": [],
                "countryCode": owner.country,
                "emailCcList": cc,
                "additionalInfo": additional,
                "creationChannel": "PartnerCenterApi",
                "supportTopicDescription": topic[2],
                "attributes": {"objectType": "ServiceRequest"},
            }
            self._list(owner).insert(0, request)
            self._created[request_id] = owner.index
            return copy.deepcopy(request)


def topics_json() -> list[dict[str, object]]:
    """The partner-support topics (partner_topics.py), ids as numbers as Microsoft shows them."""
    return [
        {
            "id": t[0],
            "name": t[1],
            "description": t[2],
            "attributes": {"objectType": "SupportTopic"},
        }
        for t in partner_topics.PARTNER_TOPICS
    ]
