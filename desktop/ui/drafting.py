"""What a new request's draft starts from, and its problems in the user's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from desktop.filing import TITLE_MAX, TR_CONTEXT, Problem
from desktop.models.records import Customer, HealthIssue
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
