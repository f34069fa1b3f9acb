"""Overview: company profile, GDAP relationships and a count of what hurts right now.

The customer's relationships show with their roles by name; their security groups load on
demand ("Show security groups"), off the GUI thread, as in the GDAP window.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QLocale, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QWidget

from desktop.domain.customer_health import HealthSummary, summarise
from desktop.domain.customers import Customer, CustomerDetail
from desktop.domain.gdap import GdapRelationship
from desktop.qt.failures import health_failure
from desktop.qt.models.customers import relationship_label
from desktop.qt.models.gdap_table import ends_text, status_text
from desktop.qt.session import SessionHolder
from desktop.qt.text_limits import elide
from desktop.qt.words import (
    failure_word,
    health_word,
    no_gdap_explained,
    no_gdap_word,
    roles_text,
)
from desktop.qt.worker import Superseded
from desktop.services.accounts import AuthError
from desktop.services.backend import ApiError
from desktop.ui.errors import explain
from desktop.ui.panes.base import Pane
from desktop.ui.widgets.html_view import SafeTextBrowser, field_table
from desktop.ui.windows.gdap_detail import Groups, fetch_groups

# Relationships shown in full; more are counted (the GDAP window lists them all).
SHOWN_RELATIONSHIPS = 3


@dataclass(frozen=True)
class Overview:
    detail: CustomerDetail
    gdap: list[GdapRelationship]
    gdap_error: str
    health: HealthSummary | None  # None: not read (`health_error` says why)
    services: int
    health_error: BaseException | None


class OverviewPane(Pane):
    """The customer's profile, GDAP and health at a glance.

    Signals:
        domains_known(str, tuple): a customer's tenant id and the domains its profile names
            (default and custom), which the customer list's search then finds it by.
    """

    domains_known = Signal(str, tuple)
    what = "profile"

    def __init__(self, holder: SessionHolder, parent: QWidget | None = None) -> None:
        super().__init__(holder, parent)
        self.what = self.tr("profile")
        self.view = SafeTextBrowser()
        self.view.setAccessibleName(self.tr("Customer overview"))
        self.view.setFrameShape(QFrame.Shape.NoFrame)  # the tab already frames it
        self.content_layout().addWidget(self.view)
        self.groups_button = QPushButton(self.tr("Sho&w security groups"))
        self.groups_button.setToolTip(
            self.tr("Which of your partner's security groups hold which roles in this customer")
        )
        self.groups_button.clicked.connect(self._toggle_groups)
        row = QHBoxLayout()
        row.addWidget(self.groups_button)
        row.addStretch(1)
        self.content_layout().addLayout(row)
        self.groups_lane = holder.worker.lane()
        self.data: Overview | None = None
        # The security groups of the first active relationship, once asked for, or why not.
        self.groups: Groups | None = None
        self.groups_error = ""
        self.groups_shown = False  # the button then hides them

    def fetch(self, customer: Customer, cancel: threading.Event) -> Overview:
        backend = self.holder.session.backend
        detail = backend.customer_detail(customer.tenant_id)
        gdap: list[GdapRelationship] = []
        gdap_error = ""
        try:
            gdap = backend.gdap_of_customer(customer.tenant_id)
        except (ApiError, AuthError) as error:
            gdap_error = explain(error, self.tr("GDAP relationships")).title
        summary: HealthSummary | None = None
        services = 0
        health_error: BaseException | None = None
        try:
            health, issues = backend.health_and_issues(customer.tenant_id, cancel=cancel)
            summary, services = summarise(health.items, issues.items), len(health.items)
        except (ApiError, AuthError) as error:  # AuthError: no token for the customer's tenant
            health_error = error
        return Overview(detail, gdap, gdap_error, summary, services, health_error)

    def present(self, data: Overview) -> None:
        if self.data is None or self.data.detail.customer != data.detail.customer:
            self.groups_lane.cancel()
            self._forget_groups()
        self.data = data
        detail = data.detail
        self.domains_known.emit(
            detail.customer.tenant_id, (detail.default_domain, *detail.custom_domains)
        )
        self.groups_button.setEnabled(self._active() is not None)
        self._render()
        self.show_content()

    def _active(self) -> GdapRelationship | None:
        return next((g for g in self.data.gdap if g.active), None) if self.data else None

    def _render(self) -> None:
        data = self.data
        if data is None:
            return
        d = data.detail
        c = d.customer
        profile = [
            (self.tr("Company"), elide(c.company_name)),
            (self.tr("Tenant ID"), c.tenant_id),
            (self.tr("Initial domain"), c.domain),
            (self.tr("Default domain"), d.default_domain),
            (self.tr("Relationship"), relationship_label(c.relationship)),
            (self.tr("Email"), d.email),
            (self.tr("Address"), ", ".join(d.address.lines())),
            (self.tr("Phone"), d.address.phone),
        ]
        gdap_rows: list[tuple[str, str]] = []
        for n, g in enumerate(data.gdap[:SHOWN_RELATIONSHIPS]):
            heading = self.tr("GDAP relationship") if n == 0 else self.tr("Other relationship")
            gdap_rows += [
                (heading, elide(g.display_name)),
                (self.tr("Status"), status_text(g)),
                (self.tr("Ends"), ends_text(g)),
                (self.tr("Roles"), roles_text(g.role_ids)),
            ]
        more = len(data.gdap) - SHOWN_RELATIONSHIPS
        if more > 0:
            gdap_rows.append(
                (
                    self.tr("Other relationships"),
                    self.tr("%n more: Customers → GDAP relationships", "", more),
                )
            )
        if not data.gdap:
            if not self.holder.session.backend.cloud.gdap:
                none = self.tr("Not available in the {0}").format(
                    self.holder.session.backend.cloud.name
                )
                gdap_rows = [(self.tr("GDAP relationship"), none)]
            elif data.gdap_error:
                gdap_rows = [(self.tr("GDAP relationship"), data.gdap_error)]
            else:  # in the customer list's words
                gdap_rows = [
                    (self.tr("GDAP relationship"), no_gdap_word()),
                    (self.tr("Access"), no_gdap_explained()),
                ]
        elif self._active() is None:
            gdap_rows.append(
                (
                    self.tr("Access"),
                    self.tr("None: no relationship with this customer is active"),
                )
            )
        # The customer list's and the dashboard's word first, then what the pane adds.
        if data.health is None:
            error = data.health_error or Exception()
            why = explain(error, self.tr("service health")).title
            now_rows = [
                (self.tr("Service health"), f"{failure_word(health_failure(error))} — {why}")
            ]
        else:
            now_rows = [
                (self.tr("Service health"), health_word(data.health)),
                (
                    self.tr("Degraded services"),
                    self.tr("%n of {0}", "", data.health.degraded).format(
                        QLocale().toString(data.services)
                    ),
                ),
                (self.tr("Open incidents"), QLocale().toString(data.health.incidents)),
            ]
        sections = [
            (self.tr("Profile"), profile),
            (self.tr("Right now"), now_rows),
            (self.tr("Delegated access"), gdap_rows),
        ]
        groups = self._group_rows()
        if groups:
            sections.append((self.tr("Security groups (active relationship)"), groups))
        # The window's header already names the customer: no title here.
        self.view.setHtml(field_table(self.view.palette(), *sections))

    def _group_rows(self) -> list[tuple[str, str]]:
        """Each group as a "Security group" and a "Roles" row: a group's name (or object id)
        as a label widened the label column of every section when the groups appeared."""
        if self.groups_error:
            return [(self.tr("Security groups"), self.groups_error)]
        if self.groups is None:
            return []
        if not self.groups.assignments:
            return [(self.tr("Security groups"), self.tr("None"))]
        names = self.groups.names or {}
        rows = []
        by_id = 0
        for a in self.groups.assignments:
            name = names.get(a.container_id.lower())
            if not name:
                by_id += 1
            group = (
                self.tr("%1 (you are a member)").replace("%1", elide(name))
                if name
                else elide(a.container_id)
            )
            rows += [(self.tr("Security group"), group), (self.tr("Roles"), roles_text(a.role_ids))]
        if by_id:
            # The GDAP window's words for a group shown by its object id (its tooltip there).
            if self.groups.names is None:
                why = QCoreApplication.translate(
                    "GdapModel", "Group names could not be read: its object id is shown."
                )
            else:
                why = QCoreApplication.translate(
                    "GdapModel",
                    "A security group of your partner tenant that you are not a member of: "
                    "Partner Desk can read the names of your own groups only. Its object id is "
                    "shown; find it in the Entra admin center (Groups).",
                )
            rows.append((self.tr("Note"), why))
        return rows

    def _toggle_groups(self) -> None:
        if self.groups_shown:
            self.groups_lane.cancel()
            self._forget_groups()
            self._render()
        else:
            self.holder.worker.spawn(self.load_groups())

    def _forget_groups(self) -> None:
        self.groups, self.groups_error = None, ""
        self.groups_shown = False
        self.groups_button.setText(self.tr("Sho&w security groups"))

    async def load_groups(self) -> None:
        rel = self._active()
        if rel is None:
            return
        backend = self.holder.session.backend
        self.groups_button.setEnabled(False)
        self.groups, self.groups_error = None, ""
        try:
            self.groups = await self.groups_lane.run(lambda _c: fetch_groups(backend, rel.id))
        except Superseded:
            return
        except (ApiError, AuthError) as error:
            self.groups_error = explain(error, self.tr("security groups")).title
        finally:
            self.groups_button.setEnabled(self._active() is not None)
        now = self._active()
        if now is not None and now.id == rel.id:
            self.groups_shown = True
            self.groups_button.setText(self.tr("Hi&de security groups"))
            self._render()
            # They come last: brought into view, as the button promised.
            bar = self.view.verticalScrollBar()
            bar.setValue(bar.maximum())
