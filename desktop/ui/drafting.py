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
from desktop.domain.health import HealthIssue
from desktop.qt.dates import date_text
from desktop.services.filing import TITLE_MAX, TR_CONTEXT, Problem
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


def escalation_draft(customer: Customer, issue: HealthIssue) -> Draft:
    """A draft that escalates `issue`: title, service and incident summary filled in."""
    summary = issue.impact or issue.title
    return Draft.new(
        customer.tenant_id,
        customer.company_name,
        customer_domain=customer.domain,
        title=f"{issue.service}: {issue.title}"[:TITLE_MAX],
        severity="critical" if issue.classification == "incident" else "moderate",
        topic_name=issue.service,
        incident_id=issue.id,
        description=QCoreApplication.translate(
            "NewRequestDialog",
            "Microsoft incident {0} ({1}) affects this customer.\n{2}\n\n"
            "What we see at the customer:\n",
        ).format(issue.id, issue.service, summary),
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
