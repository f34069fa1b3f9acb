"""Filing service requests with Microsoft: what a request says (validation, the create body, the
text to paste) and where it goes (Microsoft's web form; the create API's refusal). No Qt.

A customer's problem is filed FIRST in Microsoft's web form in the customer's context
(`web_form`: the Microsoft 365 admin center, or the Azure portal for Azure services; see
desktop.services.support_forms), with the draft's text on the clipboard (`clipboard_text`). The
draft is kept until the user marks it filed with Microsoft's request number (`request_number`,
`DraftStore.mark_filed`). The create API only ever filed PARTNER tickets and was announced as
decommissioned in 2020 (API.md section 2): submitting through it, exactly once, is
desktop.services.submission's job, and any refusal of it (`is_retired`) raises
`CreateRetiredError` with the web form, never a raw error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from desktop.api.links import build_link
from desktop.config.clouds import CloudProfile
from desktop.domain.customers import Customer
from desktop.services.backend import ApiError
from desktop.services.support_forms import AZURE, form_for_service, support_form
from desktop.store.drafts import Draft

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
# The sections of an escalation's description (desktop.ui.drafting fills the incident's
# summary above them): a heading on its own line, then its placeholder until the user writes in
# its place. Filing refuses while a section is empty or still its placeholder, and names it
# (issue 18): an escalation that says only what Microsoft already knows helps nobody.
SECTIONS: tuple[tuple[str, str], ...] = (
    (
        QT_TRANSLATE_NOOP("filing", "What we see at the customer:"),
        QT_TRANSLATE_NOOP("filing", "[what users see, error messages, since when]"),
    ),
    (
        QT_TRANSLATE_NOOP("filing", "Who is affected:"),
        QT_TRANSLATE_NOOP("filing", "[how many users, which sites or services]"),
    ),
    (
        QT_TRANSLATE_NOOP("filing", "What was tried:"),
        QT_TRANSLATE_NOOP("filing", "[steps taken so far, and what they changed]"),
    ),
)
Sections = tuple[tuple[str, str], ...]


def template_text(sections: Sections = SECTIONS) -> str:
    """The sections as a description starts with them: each heading, then its placeholder."""
    return "\n\n".join(f"{heading}\n{placeholder}" for heading, placeholder in sections)


def empty_sections(description: str, sections: Sections = SECTIONS) -> list[str]:
    """The headings (without their colon) of the template sections in `description` that are
    empty or still their placeholder. A section the user deleted, heading and all, is not
    asked for; one section's text runs to the next heading found."""
    lines = description.splitlines()
    by_heading = {heading.strip(): placeholder for heading, placeholder in sections}
    found = [i for i, line in enumerate(lines) if line.strip() in by_heading]
    empty = []
    for n, start in enumerate(found):
        end = found[n + 1] if n + 1 < len(found) else len(lines)
        heading = lines[start].strip()
        body = "\n".join(lines[start + 1 : end]).strip()
        if not body or body == by_heading[heading].strip():
            empty.append(heading.rstrip(":").strip())
    return empty


_EMAIL = re.compile(r"^[^@\s,;<>()\"]+@[^@\s,;<>()\"]+\.[^@\s,;<>()\"]{2,}$")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


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


def validate(draft: Draft, for_api: bool = False, sections: Sections = SECTIONS) -> list[Problem]:
    """Every problem with the draft, one per field, in the order of the form. `for_api`: the
    create API needs a (partner) support topic; the web forms ask for their own. `sections`:
    the template's headings and placeholders as the description may show them (the dialog
    passes them translated too)."""
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
    elif empty := empty_sections(description, sections):
        problems.append(
            Problem(
                "description",
                QT_TRANSLATE_NOOP("filing", "Fill in these sections of the description: {0}."),
                ("; ".join(empty),),
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
