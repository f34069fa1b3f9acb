"""Overview: company profile, GDAP relationship and a count of what hurts right now."""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from datetime import datetime, timezone

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QFrame, QWidget

from desktop.accounts import AuthError
from desktop.backend import ApiError
from desktop.models.customers import relationship_label
from desktop.models.records import Customer, CustomerDetail, GdapRelationship
from desktop.ui.context import AppContext
from desktop.ui.errors import explain
from desktop.ui.panes.base import Pane
from desktop.ui.panes.incidents import local_time
from desktop.ui.widgets.html_view import SafeTextBrowser, field_table


@dataclass(frozen=True)
class Overview:
    detail: CustomerDetail
    gdap: GdapRelationship | None
    gdap_error: str
    degraded: int | None
    services: int | None
    open_incidents: int | None
    health_error: BaseException | None


class OverviewPane(Pane):
    what = "profile"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.what = self.tr("profile")
        self.view = SafeTextBrowser()
        self.view.setAccessibleName(self.tr("Customer overview"))
        self.view.setFrameShape(QFrame.Shape.NoFrame)  # the tab already frames it
        self.content_layout().addWidget(self.view)

    def fetch(self, customer: Customer, cancel: threading.Event) -> Overview:
        backend = self.ctx.backend
        detail = backend.customer_detail(customer.tenant_id)
        gdap, gdap_error = None, ""
        try:
            gdap = backend.gdap_relationship(customer.tenant_id)
        except ApiError as error:
            gdap_error = str(error)
        degraded = services = incidents = None
        health_error: BaseException | None = None
        try:
            health, issues = backend.health_and_issues(customer.tenant_id, cancel=cancel)
            services = len(health.items)
            degraded = sum(1 for h in health.items if h.rank >= 2)
            incidents = sum(1 for i in issues.items if i.active)
        except (ApiError, AuthError) as error:  # AuthError: no token for the customer's tenant
            health_error = error
        return Overview(detail, gdap, gdap_error, degraded, services, incidents, health_error)

    def present(self, data: Overview) -> None:
        d = data.detail
        c = d.customer
        profile = [
            (self.tr("Company"), c.company_name),
            (self.tr("Tenant ID"), c.tenant_id),
            (self.tr("Initial domain"), c.domain),
            (self.tr("Default domain"), d.default_domain),
            (self.tr("Relationship"), relationship_label(c.relationship)),
            (self.tr("Email"), d.email),
            (self.tr("Address"), ", ".join(d.address.lines())),
            (self.tr("Phone"), d.address.phone),
        ]
        if data.gdap is not None:
            g = data.gdap
            now = datetime.now(timezone.utc)
            ends = local_time(g.end) if g.end else "—"
            if g.active and g.expires_within(now, 30):
                ends += "  ⚠ " + self.tr("expires within 30 days")
            gdap_rows = [
                (self.tr("GDAP relationship"), g.display_name),
                (self.tr("Status"), self._gdap_status(g.status)),
                (self.tr("Ends"), ends),
                (self.tr("Auto-extend"), self._auto_extend(g.auto_extend)),
                (self.tr("Roles"), self.tr("%n role(s)", "", len(g.role_ids))),
            ]
        elif self.ctx.backend.cloud.gdap:
            gdap_rows = [
                (
                    self.tr("GDAP relationship"),
                    data.gdap_error or self.tr("None: no delegated admin access"),
                )
            ]
        else:
            gdap_rows = [
                (
                    self.tr("GDAP relationship"),
                    self.tr("Not available in the {0}").format(self.ctx.backend.cloud.name),
                )
            ]
        if data.health_error is not None:
            why = explain(data.health_error, self.tr("service health"))
            now_rows = [(self.tr("Service health"), why.title)]
        else:
            now_rows = [
                (
                    self.tr("Degraded services"),
                    self.tr("%n of {0}", "", data.degraded or 0).format(
                        QLocale().toString(data.services or 0)
                    ),
                ),
                (self.tr("Open incidents"), QLocale().toString(data.open_incidents or 0)),
            ]
        # The window's header already names the customer: no title here.
        self.view.setHtml(
            field_table(
                self.view.palette(),
                (self.tr("Profile"), profile),
                (self.tr("Right now"), now_rows),
                (self.tr("Delegated access"), gdap_rows),
            )
        )
        self.show_content()

    def _gdap_status(self, status: str) -> str:
        labels = {
            "active": self.tr("Active"),
            "expiring": self.tr("Expiring"),
            "expired": self.tr("Expired"),
            "approvalPending": self.tr("Waiting for the customer's approval"),
            "terminated": self.tr("Terminated"),
            "terminating": self.tr("Terminating"),
        }
        return labels.get(status, status)

    def _auto_extend(self, duration: str) -> str:
        """Graph sends an ISO 8601 duration: PT0S for never, P180D for every 180 days."""
        days = re.fullmatch(r"P(\d+)D", duration or "")
        if days:
            return self.tr("Every {0} days").format(int(days.group(1)))
        return self.tr("No") if duration in ("", "PT0S", "P0D") else duration
