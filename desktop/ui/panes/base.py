"""The frame every detail tab shares: loading, message and content states for one customer."""

from __future__ import annotations

import asyncio
import logging
import threading
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QApplication, QLabel, QStackedWidget, QVBoxLayout, QWidget

from desktop.domain.customers import Customer
from desktop.qt.session import SessionHolder
from desktop.qt.text_limits import elide
from desktop.qt.worker import Superseded
from desktop.ui.errors import CONSENT, explain
from desktop.ui.widgets.banner import MessagePanel
from desktop.ui.widgets.link_actions import open_link, report

log = logging.getLogger(__name__)

GDAP_LINK = "gdap"  # the message's action opens the customer's GDAP relationships page
ALLOWING = "allowing"  # the consent is under way: the action button only says so


class Pane(QWidget):
    """A detail tab. Subclasses implement `fetch` (worker thread) and `present` (GUI thread).

    Signals:
        settled(): the pane shows content or a message for its current customer.
        status_message(str): a short note for the status bar.
        consented(Customer): Partner Desk was allowed in this customer from the pane's message
            (every pane of that customer should load again).
        consent_refused(Customer): Partner Center refused to allow it there (the customer's
            other panes should say so instead of offering it again).
    """

    settled = Signal()
    status_message = Signal(str)
    consented = Signal(object)
    consent_refused = Signal(object)

    #: what the pane shows, for error titles ("No GDAP access to this customer's …")
    what = ""
    # the Entra roles that read it, named when GDAP gives no access (errors.HEALTH_ROLES…)
    roles: tuple[str, ...] = ()

    def __init__(self, holder: SessionHolder, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.holder = holder
        self.lane = holder.worker.lane()
        self.customer: Customer | None = None
        self.state = "idle"
        self.error: BaseException | None = None
        self._stack = QStackedWidget()
        self._loading = QLabel(self.tr("Loading…"))
        self._loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._message = MessagePanel()
        self._message.retry_requested.connect(self.reload)
        self._message.action_requested.connect(self._act)
        self._action = ""  # what the message's action button does (errors.CONSENT, "gdap")
        # The keyboard was in this pane when the user acted: it goes back to what loads next.
        self._refocus = False
        self._content = QWidget()
        self._stack.addWidget(self._loading)
        self._stack.addWidget(self._message)
        self._stack.addWidget(self._content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._stack)
        self._task: asyncio.Future[None] | None = None
        self.show_message(
            self.tr("Select a customer"),
            self.tr("Pick a customer on the left to see its details here."),
        )

    def content_layout(self) -> QVBoxLayout:
        """The layout subclasses put their widgets in."""
        layout = self._content.layout()
        if layout is None:
            layout = QVBoxLayout(self._content)
            layout.setContentsMargins(6, 6, 6, 6)
        assert isinstance(layout, QVBoxLayout)
        return layout

    def focus_content(self) -> bool:
        """The keyboard focus into what the pane shows: its main view (`self.view` of the
        subclasses), else the message's action or Retry; False when nothing takes focus."""
        shown = self._stack.currentWidget()
        target: QWidget | None = None
        if shown is self._content:
            target = getattr(self, "view", None)
        elif shown is self._message and self._message.action.isVisibleTo(self):
            target = self._message.action
        elif shown is self._message and self._message.retry.isVisibleTo(self):
            target = self._message.retry
        if target is None or not target.isVisibleTo(self):
            return False
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)
        return True

    def show_message(
        self, title: str, detail: str = "", retry: bool = False, action: str = ""
    ) -> None:
        """`action`: errors.CONSENT offers "Allow in this customer"."""
        self._action = action
        label = self.tr("Allow in this customer") if action == CONSENT else ""
        if action == GDAP_LINK:
            label = self.tr("Open GDAP relationships")
        elif action == ALLOWING:
            label = self.tr("Allowing…")
        self._message.show_message(title, detail, retry, label)
        self._stack.setCurrentWidget(self._message)

    # -- consent (GDAP: the app must be allowed in each customer) ---------------------------------

    def _act(self) -> None:
        customer = self.customer
        if customer is None:
            return
        if self._action == CONSENT:
            self.holder.worker.spawn(self.allow(customer))
        elif self._action == ALLOWING:
            return  # already under way
        elif self._action == GDAP_LINK:
            link = self.holder.session.backend.cloud.gdap_relationships_link(customer.tenant_id)
            self.holder.worker.spawn(self._open(link))

    async def _open(self, url: str) -> None:
        outcome = await open_link(self.holder, url, self, self.customer)
        if not outcome.opened:
            self.status_message.emit(report(outcome))

    async def allow(self, customer: Customer) -> None:
        """Allow Partner Desk in `customer`, then load again (or say why it could not be)."""
        from desktop.services import consent

        focus = QApplication.focusWidget()
        had_focus = focus is not None and self.isAncestorOf(focus)
        self.show_message(
            self.tr("Allowing Partner Desk in {0}…").format(elide(customer.company_name)),
            self.tr(
                "Asking Partner Center to grant consent for the app in this customer, then "
                "waiting for Microsoft to apply it (usually a few seconds)."
            ),
            action=ALLOWING,  # the button stays where the keyboard is, and says what happens
        )
        try:
            outcome = await self.holder.worker.run(
                consent.allow, self.holder.session.backend, customer
            )
        except Exception as error:
            log.info("consent in %s failed: %s", customer.tenant_id, error)
            explained = explain(error, self.what, self.roles)
            if customer is self.customer:
                self._show_consent_failed(explained.detail)
            return
        if customer is not self.customer:
            return
        if outcome.ok:
            self.status_message.emit(
                self.tr("Partner Desk is allowed in {0}.").format(elide(customer.company_name))
            )
            self._refocus = had_focus
            self.consented.emit(customer)
            self.reload()
        elif outcome.result == consent.REFUSED:
            self.show_consent_refused()
            if had_focus:
                self.focus_content()
            self.consent_refused.emit(customer)
        else:
            self._show_consent_failed(outcome.reason)
            if had_focus:
                self.focus_content()

    @property
    def offers_consent(self) -> bool:
        """The pane's message offers to allow Partner Desk in its customer."""
        return self._action == CONSENT

    def show_consent_refused(self) -> None:
        """Partner Center refused to allow Partner Desk in this customer: why, and where to
        ask for a role that can."""
        if self.customer is None:
            return
        link = self.holder.session.backend.cloud.gdap_relationships_link(self.customer.tenant_id)
        self.show_message(
            self.tr("You cannot allow Partner Desk in this customer"),
            self.tr(
                "Partner Center refused to grant consent: your GDAP roles in this customer "
                "cannot consent to apps. It takes Global Administrator, Privileged Role "
                "Administrator or Cloud Application Administrator, through a security group "
                "you belong to. Ask for such a role in the customer's GDAP relationship, or "
                "ask the customer's administrator to consent."
            ),
            action=GDAP_LINK if link else "",
        )
        self.settled.emit()

    def _show_consent_failed(self, reason: str) -> None:
        self.show_message(
            self.tr("Partner Desk could not be allowed in this customer"), reason, action=CONSENT
        )
        self.settled.emit()

    def show_content(self) -> None:
        self._stack.setCurrentWidget(self._content)

    def set_customer(self, customer: Customer | None) -> None:
        self.customer = customer
        self.reload()

    def reload(self) -> None:
        if self.customer is None:
            self.lane.cancel()
            self.state = "idle"
            self.show_message(self.tr("Select a customer"))
            return
        # The state changes now, not when the task first runs, so that whoever waits for the
        # panes to settle never sees a stale "ready" between selection and load.
        self.state = "loading"
        self.error = None
        self._stack.setCurrentWidget(self._loading)
        self._task = self.holder.worker.spawn(self._load(self.customer))

    async def _load(self, customer: Customer) -> None:
        try:
            data = await self.lane.run(lambda cancel: self.fetch(customer, cancel))
        except Superseded:
            return
        except Exception as error:
            log.info("%s for %s failed: %s", type(self).__name__, customer.tenant_id, error)
            self._show_error(error)
            return
        self.state = "ready"
        try:
            self.present(data)
        except Exception as error:
            # Data the pane cannot show (or a bug showing it) ends in a message with Retry,
            # never on "Loading…" for good.
            log.exception("%s could not show %s", type(self).__name__, customer.tenant_id)
            self._show_error(error)
            return
        self._take_focus_back()
        self.settled.emit()

    def _show_error(self, error: BaseException) -> None:
        self.state = "error"
        self.error = error
        explained = explain(error, self.what, self.roles)
        self.show_message(explained.title, explained.detail, explained.retry, explained.action)
        self._take_focus_back()
        self.settled.emit()

    def _take_focus_back(self) -> None:
        if self._refocus:
            self._refocus = False
            self.focus_content()

    def fetch(self, customer: Customer, cancel: threading.Event) -> Any:
        raise NotImplementedError

    def present(self, data: Any) -> None:
        raise NotImplementedError
