"""Filing service requests with Microsoft: validate, submit exactly once, or hand over. No Qt.

Three promises (DESIGN.md "Data that must never be lost"):

- The draft stays in the local store until Microsoft confirms the request; nothing typed is lost.
- One request, never two. The first attempt fixes an `MS-RequestId`; a create that may have
  landed (a dropped connection, a timeout, an answer cut off) is resent with the id of the
  attempt it may have landed with, and before any resubmission (then, or after a crash
  mid-submit) the customer's list is searched for a request with the draft's title created
  since the first attempt; if it is there, that is the answer. After an answer that says
  nothing was filed (429, 5xx, a refusal), the next submission gets a new id: Partner Center
  may replay the answer it cached for the old one (API.md section 2). The id to send next is
  kept in the draft store, so a restart resends the right one.
- Create was announced as retired (API.md): a 404/405/410 or a "decommissioned" error raises
  `CreateRetiredError` with Partner Center's web form and the text to paste, never a dead end.
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

from desktop.backend import ApiError, Backend, new_correlation_id
from desktop.models.records import ServiceRequest
from desktop.store.drafts import Draft, DraftStore

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


class CreateRetiredError(Exception):
    """Partner Center no longer creates requests through the API for this partner."""

    def __init__(self, web_url: str, text: str, detail: str) -> None:
        super().__init__(detail)
        self.web_url = web_url
        self.text = text
        self.detail = detail


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


def validate(draft: Draft, topics_available: bool = True) -> list[Problem]:
    """Every problem with the draft, one per field, in the order of the form."""
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
    if topics_available and not draft.topic_id.isdigit():
        problems.append(
            Problem(
                "topic",
                QT_TRANSLATE_NOOP("filing", "Choose the support topic closest to the problem."),
            )
        )
    elif not topics_available and not draft.topic_name.strip():
        problems.append(
            Problem(
                "topic", QT_TRANSLATE_NOOP("filing", "Choose the product the problem is about.")
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
    """The create body of API.md (PascalCase, as Partner Center's SDK sends it)."""
    first, _, last = draft.contact_name.strip().partition(" ")
    body: dict[str, Any] = {
        "Title": draft.title.strip(),
        "Description": draft.description.strip(),
        "Severity": draft.severity,
        "SupportTopicId": int(draft.topic_id) if draft.topic_id.isdigit() else None,
        "Organization": {"Id": draft.tenant_id},
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
    lines = [
        f"Title: {draft.title.strip()}",
        f"Severity: {draft.severity}",
        f"Customer: {draft.customer_name} ({draft.tenant_id})",
    ]
    if draft.topic_name:
        lines.append(f"Support topic: {draft.topic_name}")
    if draft.incident_id:
        lines.append(f"Related incident: {draft.incident_id}")
    if draft.contact_name or draft.contact_email:
        lines.append(f"Contact: {draft.contact_name} {draft.contact_email}".rstrip())
    if draft.cc.strip():
        lines.append(f"CC: {', '.join(cc_addresses(draft.cc))}")
    return "\n".join(lines) + "\n\n" + draft.description.strip() + "\n"


def is_retired(error: ApiError) -> bool:
    text = f"{error.code} {error.message}".lower()
    return error.status in (404, 405, 410) or "decommission" in text or "retired" in text


def submit(
    backend: Backend,
    store: DraftStore,
    draft_id: str,
    cancel: threading.Event | None = None,
) -> ServiceRequest:
    """File the draft once; the draft is deleted only when the request is confirmed.

    Raises `CreateRetiredError`, or `ApiError` (the draft stays, with its request id, for a retry).
    """
    draft = store.begin_submission(draft_id)
    cid = new_correlation_id()
    resumed = draft.first_attempt is not None and draft.first_attempt < time.time() - 1
    for attempt in range(ATTEMPTS):
        if attempt > 0 or resumed:
            existing = find_landed(backend, draft, cid)
            if existing is not None:
                log.info("request %s had landed before the retry", existing.id)
                store.delete(draft.id)
                return existing
        if cancel is not None and cancel.is_set():
            raise ApiError("Submission cancelled; the draft is kept.", kind="cancelled")
        try:
            reply = backend.pc.create_request(request_body(draft), cid, draft.request_id)
        except ApiError as error:
            draft = _next_request_id(store, draft, error)
            if is_retired(error):
                raise CreateRetiredError(
                    backend.cloud.new_request_url,
                    clipboard_text(draft),
                    error.message,
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
        store.delete(draft.id)
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
    """A request of this customer with the draft's title created since the first attempt."""
    since = (draft.first_attempt or time.time()) - CLOCK_SKEW_S
    title = draft.title.strip().casefold()
    for request in backend.requests(draft.tenant_id, cid).items:
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
