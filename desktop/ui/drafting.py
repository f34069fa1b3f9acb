"""What a new request's draft starts from (a kept draft of the customer's, offered first), and
its problems in the user's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.customers import Customer
from desktop.domain.escalation import suggested_severity
from desktop.domain.health import HealthIssue
from desktop.qt.dates import date_text
from desktop.qt.models.requests import severity_label
from desktop.qt.words import status_word
from desktop.services.filing import (
    SECTIONS,
    TITLE_MAX,
    TR_CONTEXT,
    Problem,
    Sections,
    template_text,
)
from desktop.store import Draft

# The service a request is about: it chooses Microsoft's form (Azure services: the Azure
# portal; the rest: the Microsoft 365 admin center) and is named in the text. Official product
# names; any other may be typed.
PRODUCTS = (
    "Microsoft 365",
    "Exchange Online",
    "Microsoft Teams",
    "SharePoint Online",
    "OneDrive for Business",
    "Microsoft Entra ID",
    "Microsoft Intune",
    "Microsoft Defender",
    "Microsoft Purview",
    "Power Platform",
    "Azure",
)


def sections() -> Sections:
    """The description template's sections in the user's language, then in English (a draft
    typed in another language, or by the command line, is checked as well)."""
    shown = tuple(
        (QCoreApplication.translate(TR_CONTEXT, h), QCoreApplication.translate(TR_CONTEXT, p))
        for h, p in SECTIONS
    )
    return shown + tuple(s for s in SECTIONS if s not in shown)


def escalation_draft(customer: Customer, issue: HealthIssue) -> Draft:
    """A draft that escalates `issue`: title, service, incident summary and the sections to
    fill in; its severity suggested from the issue (desktop.domain.escalation)."""
    summary = issue.impact or issue.title
    shown = sections()[: len(SECTIONS)]
    return Draft.new(
        customer.tenant_id,
        customer.company_name,
        customer_domain=customer.domain,
        title=f"{issue.service}: {issue.title}"[:TITLE_MAX],
        severity=suggested_severity(issue.classification, issue.status, issue.is_resolved),
        topic_name=issue.service,
        incident_id=issue.id,
        description=QCoreApplication.translate(
            "NewRequestDialog", "Microsoft incident {0} ({1}) affects this customer.\n{2}\n\n"
        ).format(issue.id, issue.service, summary)
        + template_text(shown)
        + "\n",
    )


def severity_note(issue: HealthIssue) -> str:
    """Where an escalation's severity came from, shown under the field the user may change."""
    kind = (
        QCoreApplication.translate("NewRequestDialog", "advisory")
        if issue.classification.casefold() == "advisory"
        else QCoreApplication.translate("NewRequestDialog", "incident")
    )
    return QCoreApplication.translate(
        "NewRequestDialog",
        "Suggested from Microsoft's {0} {1} ({2}): {3}. Change it if the impact at this "
        "customer differs.",
    ).format(
        kind,
        issue.id,
        status_word(issue.status),
        severity_label(suggested_severity(issue.classification, issue.status, issue.is_resolved)),
    )


def contact_text(draft: Draft, account: str) -> str:
    """Who Microsoft will contact about the request: the contact typed, else the signed-in
    account's (Partner Center uses the account's contact details when the request names
    none): said in the dialog, never substituted silently (issue 18)."""
    typed = ", ".join(p for p in (draft.contact_name.strip(), draft.contact_email.strip()) if p)
    if typed:
        return QCoreApplication.translate("NewRequestDialog", "Contact: {0}").format(typed)
    if account:
        return QCoreApplication.translate(
            "NewRequestDialog", "Contact: {0} (from your account)"
        ).format(account)
    return QCoreApplication.translate(
        "NewRequestDialog", "Contact: the contact details of your Partner Center account"
    )


def problem_text(problem: Problem) -> str:
    """A validation problem in the user's language (its template was marked in the filing)."""
    template = QCoreApplication.translate(TR_CONTEXT, problem.template)
    return template.format(*(_localised(arg) for arg in problem.args))


def _localised(value: object) -> object:
    return QLocale().toString(value) if isinstance(value, int) else value


def draft_label(draft: Draft) -> str:
    """A kept draft in a list: its title (or that it has none) and when it was last changed."""
    title = draft.title.strip() or QCoreApplication.translate("DraftChooser", "(untitled)")
    return f"{title} — {date_text(draft.updated, missing='—')}"


class DraftChooser(QDialog):
    """ "New service request" for a customer with kept drafts: carry on with one (the latest is
    selected: Return opens it) or start a blank one. `chosen()` is the draft, None for blank."""

    def __init__(self, customer_name: str, drafts: list[Draft], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("New service request — {0}").format(customer_name))
        self._drafts = drafts
        caption = QLabel(
            self.tr(
                "%n draft(s) for this customer kept. Continue one, or start a new request:",
                "",
                len(drafts),
            )
        )
        caption.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Kept drafts"))
        for draft in drafts:
            QListWidgetItem(draft_label(draft), self.list).setData(
                Qt.ItemDataRole.UserRole, draft.id
            )
        QListWidgetItem(self.tr("A new, blank request"), self.list)
        self.list.setCurrentRow(0)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        caption.setBuddy(self.list)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(caption)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.list.setFocus()
        self.resize(520, 300)

    def chosen(self) -> Draft | None:
        item = self.list.currentItem()
        draft_id = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return next((d for d in self._drafts if d.id == draft_id), None)
