"""Filing service requests with Microsoft: validate, hand over to the web form, or submit
exactly once through the API where Microsoft still accepts it. No Qt.

A customer's problem is filed FIRST in Microsoft's web form in the customer's context
(`web_form`: the Microsoft 365 admin center, or the Azure portal for Azure services; see
desktop.support_forms), with the draft's text on the clipboard (`clipboard_text`). The draft is
kept until the user marks it filed with Microsoft's request number (`request_number`,
`DraftStore.mark_filed`). The create API only ever filed PARTNER tickets and was announced as
decommissioned in 2020 (API.md section 2): `submit` is the fallback, and any refusal of it
(`is_retired`) raises `CreateRetiredError` with the web form, never a raw error.

Three promises (DESIGN.md "Data that must never be lost"):

- The draft stays in the local store until Microsoft confirms the request; nothing typed is lost.
- One request, never two. The first attempt fixes an `MS-RequestId`; a create that may have
  landed (a dropped connection, a timeout, an answer cut off) is resent with the id of the
  attempt it may have landed with, and before any resubmission (then, or after a crash
  mid-submit) the partner's own list (where the create API files) is searched for a request
  with the draft's title created since the first attempt; if it is there, that is the answer.
  After an answer that says nothing was filed (429, 5xx, a refusal), the next submission gets a
  new id: Partner Center may replay the answer it cached for the old one (API.md section 2).
  The id to send next is kept in the draft store, so a restart resends the right one.
- A refusal of create (404/405/410 or "decommissioned") leads to the customer's web form with
  the draft kept and its text to paste, never a dead end.
"""

from __future__ import annotations

import logging
import re
import threading
import time
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from desktop.api.links import build_link
from desktop.backend import ApiError, Backend, new_correlation_id
from desktop.clouds import CloudProfile
from desktop.models.records import Customer, ServiceRequest
from desktop.store.drafts import API, Draft, DraftStore
from desktop.support_forms import AZURE, form_for_service, support_form

log = logging.getLogger(__name__)

TITLE_MAX = 255
DESCRIPTION_MAX = 32_000
CC_MAX = 10
#: The translation context of this module's texts: the dialog shows them translated
#: (`QCoreApplication.translate(TR_CONTEXT, text)`), the command line as they are.
TR_CONTEXT = "filing"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate knows
    """Marks `text` for lupdate; this module has no Qt, so the UI translates it where shown."""
    return text


# Partner Center severities, with what each means for whoever picks one.
SEVERITIES: dict[str, str] = {
    "critical": QT_TRANSLATE_NOOP(
        "filing",
        "Critical business impact: a service is down or unusable for many users, "
        "with no workaround.",
    ),
    "moderate": QT_TRANSLATE_NOOP(
        "filing", "Significant impact: a feature is impaired or degraded, a workaround may exist."
    ),
    "minimal": QT_TRANSLATE_NOOP(
        "filing", "Minimal impact: a question, a minor problem or an inconvenience."
    ),
}
_EMAIL = re.compile(r"^[^@\s,;<>()\"]+@[^@\s,;<>()\"]+\.[^@\s,;<>()\"]{2,}$")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# A request created up to this long before the first attempt still counts as ours (clock skew
# between this machine and Microsoft's).
CLOCK_SKEW_S = 300.0
ATTEMPTS = 4


@dataclass(frozen=True)
class WebForm:
    """Where to file a draft by hand: `url` None with `reason` when there is no usable form."""

    form_id: str
    name: str
    url: str | None
    reason: str = ""
    note: str = ""  # e.g. "May need a direct sign-in in this cloud."


class CreateRetiredError(Exception):
    """Partner Center refused the create API: file in Microsoft's web form instead."""

    def __init__(self, form: WebForm, text: str, detail: str) -> None:
        super().__init__(detail)
        self.form = form
        self.text = text
        self.detail = detail

    @property
    def web_url(self) -> str | None:
        return self.form.url


def web_form(cloud: CloudProfile, draft: Draft) -> WebForm:
    """Microsoft's form for this draft's customer and service, through the link policy."""
    form_id = form_for_service(draft.topic_name)
    template = support_form(cloud, form_id)
    name = "Azure portal" if form_id == AZURE else "Microsoft 365 admin center"
    if template is None:
        return WebForm(
            form_id,
            name,
            None,
            QT_TRANSLATE_NOOP("filing", "Microsoft offers no such support form in this cloud."),
        )
    customer = Customer(draft.tenant_id, draft.customer_name, draft.customer_domain, "")
    link = build_link(template, cloud, customer)
    return WebForm(form_id, template.name, link.url, link.error, link.note)


# Microsoft's request numbers are digits: Partner Center's service request ids ("id":
# "616122292874576", learn.microsoft.com/partner-center/developer/create-a-service-request;
# API.md section 2: digits, at most 16) and the Azure portal's support request numbers
# ("supportTicketId": "119120321001170", learn.microsoft.com/rest/api/support). Older Microsoft
# 365 ones are shorter (8 digits), hence the floor of 6.
REQUEST_NUMBER_MIN, REQUEST_NUMBER_MAX = 6, 16


def request_number(text: str) -> str | None:
    """Microsoft's request number as typed or pasted ("#2412…", with spaces), or None."""
    digits = re.sub(r"[\s\u00a0-]", "", text.strip().removeprefix("#").strip())
    usable = digits.isascii() and digits.isdigit()
    if usable and REQUEST_NUMBER_MIN <= len(digits) <= REQUEST_NUMBER_MAX:
        return digits
    return None


REQUEST_NUMBER_PROBLEM = QT_TRANSLATE_NOOP(
    "filing",
    "Microsoft's request numbers are {0} to {1} digits, as the confirmation shows them.",
)


@dataclass(frozen=True)
class Problem:
    """What is wrong with one field: an English `template` (marked for translation) and the
    values for its {0}, {1}… placeholders."""

    field: str
    template: str
    args: tuple[object, ...] = ()

    @property
    def message(self) -> str:
        return self.template.format(*self.args)


def cc_addresses(text: str) -> list[str]:
    return [part for part in re.split(r"[\s,;]+", text.strip()) if part]


def validate(draft: Draft, for_api: bool = False) -> list[Problem]:
    """Every problem with the draft, one per field, in the order of the form. `for_api`: the
    create API needs a (partner) support topic; the web forms ask for their own."""
    problems: list[Problem] = []
    title = draft.title.strip()
    if not title:
        problems.append(
            Problem("title", QT_TRANSLATE_NOOP("filing", "Enter a title that says what is wrong."))
        )
    elif len(title) > TITLE_MAX:
        problems.append(
            Problem(
                "title",
                QT_TRANSLATE_NOOP("filing", "The title has {0} characters; {1} at most."),
                (len(title), TITLE_MAX),
            )
        )
    elif _CONTROL.search(title):
        problems.append(
            Problem("title", QT_TRANSLATE_NOOP("filing", "The title contains control characters."))
        )
    if draft.severity not in SEVERITIES:
        problems.append(
            Problem(
                "severity", QT_TRANSLATE_NOOP("filing", "Choose critical, moderate or minimal.")
            )
        )
    if for_api and not draft.topic_id.isdigit():
        problems.append(
            Problem(
                "topic",
                QT_TRANSLATE_NOOP("filing", "Choose the support topic closest to the problem."),
            )
        )
    description = draft.description.strip()
    if len(description) < 20:
        problems.append(
            Problem(
                "description",
                QT_TRANSLATE_NOOP(
                    "filing",
                    "Describe the problem in at least {0} characters: what happens, since when, "
                    "who is affected.",
                ),
                (20,),
            )
        )
    elif len(description) > DESCRIPTION_MAX:
        problems.append(
            Problem(
                "description",
                QT_TRANSLATE_NOOP("filing", "The description is longer than {0} characters."),
                (DESCRIPTION_MAX,),
            )
        )
    if draft.contact_email.strip() and not _EMAIL.match(draft.contact_email.strip()):
        problems.append(
            Problem(
                "contact",
                QT_TRANSLATE_NOOP("filing", "“{0}” is not an e-mail address."),
                (draft.contact_email.strip(),),
            )
        )
    cc = cc_addresses(draft.cc)
    bad = [address for address in cc if not _EMAIL.match(address)]
    if bad:
        problems.append(
            Problem(
                "cc",
                QT_TRANSLATE_NOOP("filing", "Not an e-mail address: {0}."),
                (", ".join(bad[:3]),),
            )
        )
    elif len(cc) > CC_MAX:
        problems.append(
            Problem(
                "cc",
                QT_TRANSLATE_NOOP("filing", "{0} addresses; {1} at most."),
                (len(cc), CC_MAX),
            )
        )
    return problems


def request_body(draft: Draft) -> dict[str, Any]:
    """The create body of API.md (PascalCase, as Partner Center's SDK sends it).

    `SupportTopicId` is a string, as in Microsoft's published request ("SupportTopicId":
    "32444671", learn.microsoft.com/partner-center/developer/create-a-service-request). The
    request is the partner's own ticket (the API files no other kind), so the customer it is
    about is named at the top of the description."""
    first, _, last = draft.contact_name.strip().partition(" ")
    about = f"Customer: {draft.customer_name} ({draft.tenant_id})".replace("  ", " ")
    if draft.topic_name.strip():
        about += f"\nService: {draft.topic_name.strip()}"
    if draft.incident_id:
        about += f"\nMicrosoft incident: {draft.incident_id}"
    body: dict[str, Any] = {
        "Title": draft.title.strip(),
        "Description": about + "\n\n" + draft.description.strip(),
        "Severity": draft.severity,
        "SupportTopicId": draft.topic_id if draft.topic_id.isdigit() else None,
    }
    if draft.contact_email.strip() or draft.contact_name.strip():
        body["PrimaryContact"] = {
            "FirstName": first,
            "LastName": last,
            "Email": draft.contact_email.strip(),
        }
    cc = cc_addresses(draft.cc)
    if cc:
        body["EmailCcList"] = cc
    return body


def clipboard_text(draft: Draft) -> str:
    """The draft as text to paste into Microsoft's web form."""
    customer = f"Customer: {draft.customer_name} ({draft.tenant_id})"
    if draft.customer_domain:
        customer = f"Customer: {draft.customer_name} ({draft.customer_domain}, {draft.tenant_id})"
    lines = [
        f"Title: {draft.title.strip()}",
        f"Severity: {draft.severity}",
        customer,
    ]
    if draft.topic_name.strip():
        lines.append(f"Service: {draft.topic_name.strip()}")
    if draft.incident_id:
        lines.append(f"Related Microsoft incident: {draft.incident_id}")
    if draft.contact_name or draft.contact_email:
        lines.append(f"Contact: {draft.contact_name} {draft.contact_email}".rstrip())
    if draft.cc.strip():
        lines.append(f"CC: {', '.join(cc_addresses(draft.cc))}")
    return "\n".join(lines) + "\n\n" + draft.description.strip() + "\n"


_REFUSAL_WORDS = ("deprecated", "decommission", "retired", "not supported", "no longer")


def is_retired(error: ApiError) -> bool:
    """Whether Partner Center refused the create (or support topics) API as such: 404, 405,
    410, or any 4xx that says it is deprecated, decommissioned, retired or not supported."""
    if error.status in (404, 405, 410):
        return True
    if error.status is None or not 400 <= error.status < 500:
        return False
    text = f"{error.code} {error.message}".lower()
    return any(word in text for word in _REFUSAL_WORDS)


def submit(
    backend: Backend,
    store: DraftStore,
    draft_id: str,
    cancel: threading.Event | None = None,
) -> ServiceRequest:
    """File the draft once through the create API (a partner ticket naming the customer);
    the draft is replaced by its filing record only when the request is confirmed.

    Raises `CreateRetiredError` (with the web form), or `ApiError` (the draft stays, with its
    request id, for a retry).
    """
    draft = store.begin_submission(draft_id)
    cid = new_correlation_id()
    resumed = draft.first_attempt is not None and draft.first_attempt < time.time() - 1
    for attempt in range(ATTEMPTS):
        if attempt > 0 or resumed:
            existing = find_landed(backend, draft, cid)
            if existing is not None:
                log.info("request %s had landed before the retry", existing.id)
                store.mark_filed(draft.id, existing.id, API)
                return existing
        if cancel is not None and cancel.is_set():
            raise ApiError("Submission cancelled; the draft is kept.", kind="cancelled")
        try:
            reply = backend.pc.create_request(request_body(draft), cid, draft.request_id)
        except ApiError as error:
            draft = _next_request_id(store, draft, error)
            if is_retired(error):
                raise CreateRetiredError(
                    web_form(backend.cloud, draft), clipboard_text(draft), error.message
                ) from None
            if error.ambiguous and attempt + 1 < ATTEMPTS:
                log.info("create may have landed (%s); checking before a retry", error.kind)
                continue
            raise
        created = _created(reply.body)
        if created is None:
            # 201 without a readable body: the request exists; find it to show its id.
            created = find_landed(backend, draft, cid)
        if created is None:
            raise ApiError(
                "Partner Center accepted the request but sent no id; it will appear in the "
                "customer's list shortly.",
                kind="malformed",
            )
        store.mark_filed(draft.id, created.id, API)
        return created
    raise ApiError("The request could not be confirmed; the draft is kept.", kind="network")


def _next_request_id(store: DraftStore, draft: Draft, error: ApiError) -> Draft:
    """The draft with the `MS-RequestId` its next submission must send, kept in the store.

    When the create may have landed, that is the id of the attempt it may have landed with
    (the session itself gives a write a new id after a 429 or 503, so this may not be the
    first one): resent, it can only be answered as that request. When an answer said nothing
    was filed, a new id, so the service cannot replay that answer."""
    fresh = str(uuid.uuid4())
    request_id = (error.sent_request_id or draft.request_id) if error.ambiguous else fresh
    if request_id == draft.request_id:
        return draft
    return store.set_request_id(draft.id, request_id)


def find_landed(backend: Backend, draft: Draft, cid: str) -> ServiceRequest | None:
    """A request with the draft's title created since the first attempt, in the partner's own
    list: where the create API files (API.md section 2)."""
    since = (draft.first_attempt or time.time()) - CLOCK_SKEW_S
    title = draft.title.strip().casefold()
    for request in backend.requests(None, cid).items:
        created = request.created
        if request.title.strip().casefold() != title or created is None:
            continue
        stamp = created if created.tzinfo else created.replace(tzinfo=timezone.utc)
        if stamp >= datetime.fromtimestamp(since, timezone.utc):
            return request
    return None


def _created(body: object) -> ServiceRequest | None:
    if isinstance(body, Mapping) and (body.get("id") or body.get("Id")):
        return ServiceRequest.from_json(body)
    return None
