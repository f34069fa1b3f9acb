"""Service requests from the main window: new ones, kept drafts, escalations, one dialog per
draft."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QDialog, QWidget

from desktop.domain.customers import Customer
from desktop.domain.health import HealthIssue
from desktop.qt.session import SessionHolder
from desktop.store import Draft
from desktop.ui.drafting import DraftChooser, escalation_draft, severity_note
from desktop.ui.keys import key_text
from desktop.ui.widgets.dialogs import run_dialog

if TYPE_CHECKING:
    from desktop.ui.dialogs.drafts_dialog import DraftsDialog
    from desktop.ui.dialogs.new_request import NewRequestDialog

log = logging.getLogger(__name__)


class RequestDesk(QObject):
    """`current` is the customer shown; `say` a line in the status bar; `changed(tenant id)`
    is called when a request dialog of that customer closes (its list may have changed)."""

    def __init__(
        self,
        holder: SessionHolder,
        window: QWidget,
        current: Callable[[], Customer | None],
        say: Callable[[str, int], None],
        changed: Callable[[str], None],
    ) -> None:
        super().__init__(window)
        self.holder = holder
        self._window = window
        self._current = current
        self._say = say
        self._changed = changed
        self.dialogs: dict[str, NewRequestDialog] = {}  # by draft id, while open
        self._sending = False  # drafts kept while offline are being sent

    def new_request(self) -> None:
        customer = self._current()
        if customer is None:
            self._say(
                QCoreApplication.translate(
                    "MainWindow", "Select a customer first ({0} finds one)."
                ).format(key_text("find")),
                5000,
            )
            return
        self.holder.worker.spawn(self._new_request(customer))

    async def _new_request(self, customer: Customer) -> NewRequestDialog | None:
        """A kept draft of this customer's first (the latest, or one picked), else a new one:
        closing the dialog keeps the draft, and Ctrl+N brings it back."""
        store = self.holder.session.drafts
        kept: list[Draft] = []
        if store is not None:
            try:
                kept = await self.holder.worker.run(store.for_customer, customer.tenant_id)
            except Exception as error:  # the store is unreadable: a new draft still works
                log.warning("kept drafts unreadable: %s", error)
        draft: Draft | None = None
        if kept:
            chooser = DraftChooser(customer.company_name, kept, self._window)
            if await run_dialog(chooser) != QDialog.DialogCode.Accepted:
                return None
            draft = chooser.chosen()
        if draft is None:
            draft = Draft.new(
                customer.tenant_id, customer.company_name, customer_domain=customer.domain
            )
        return self.edit_draft(draft)

    def show_drafts(self, names: Callable[[str], str]) -> DraftsDialog | None:
        """Requests → Drafts…: every kept draft, to open or discard. `names`: the customer
        list's name of a tenant, for drafts saved without one."""
        store = self.holder.session.drafts
        if store is None:
            self._say(
                QCoreApplication.translate("MainWindow", "Drafts cannot be kept: no draft store."),
                10000,
            )
            return None
        from desktop.ui.dialogs.drafts_dialog import DraftsDialog  # loaded when first opened

        dialog = DraftsDialog(self.holder, store, names, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open_draft.connect(self.edit_draft)
        dialog.message.connect(lambda text: self._say(text, 10000))
        # A discarded draft of the customer shown leaves its Drafts button.
        dialog.finished.connect(lambda _result: self._refresh_current())
        dialog.show()
        return dialog

    def _refresh_current(self) -> None:
        customer = self._current()
        if customer is not None:
            self._changed(customer.tenant_id)

    async def send_queued(self) -> None:
        """Online again: the drafts kept to send while offline go (desktop.services.
        offline_queue); what needs Microsoft's form is said, with where to find it."""
        session = self.holder.session
        if session.offline or session.drafts is None or self._sending:
            return
        from desktop.services.offline_queue import send_queued

        self._sending = True
        try:
            report = await self.holder.worker.run(send_queued, session.backend, session.drafts)
        except Exception as error:  # the store is unreadable: they stay kept
            log.warning("drafts kept to send were not sent: %s", error)
            return
        finally:
            self._sending = False
        said = []
        if report.filed:
            said.append(
                self.tr("%n draft(s) kept while offline sent to Microsoft.", "", len(report.filed))
            )
        waiting = len(report.for_web_form) + len(report.failed)
        if waiting:
            said.append(
                self.tr(
                    "%n draft(s) kept while offline still to file: Requests → Drafts…", "", waiting
                )
            )
        if said:
            self._say(" ".join(said), 15000)
        if report.filed:
            self._refresh_current()  # the customer shown may have lost a draft to a filing

    def escalate(self, issue: HealthIssue) -> None:
        customer = self._current()
        if customer is not None:
            self.edit_draft(escalation_draft(customer, issue), severity_note(issue))

    def edit_draft(self, draft: Draft, severity_note: str = "") -> NewRequestDialog | None:
        open_already = self.dialogs.get(draft.id)
        if open_already is not None and open_already.isVisible():
            open_already.raise_()  # one dialog per draft: two would overwrite each other
            open_already.activateWindow()
            return open_already
        store = self.holder.session.drafts
        if store is None:
            self._say(
                QCoreApplication.translate("MainWindow", "Drafts cannot be kept: no draft store."),
                10000,
            )
            return None
        # Start-up time: a dialog not shown at start is imported when first opened.
        from desktop.ui.dialogs.new_request import NewRequestDialog

        dialog = NewRequestDialog(self.holder, store, draft, self._window, severity_note)
        self.dialogs[draft.id] = dialog
        dialog.finished.connect(lambda _result: self.dialogs.pop(draft.id, None))
        # Not deleted on close: a submission may still be running and will report to it.
        dialog.message.connect(lambda text: self._say(text, 10000))
        dialog.finished.connect(lambda _result: self._changed(draft.tenant_id))
        # Closing saves on the worker: the customer's drafts are read again once that save
        # has landed, not only at the close (a read that ran first listed no draft, under load).
        # (Only once closed: a save while typing changes nothing the pane lists.)
        dialog.saved.connect(
            lambda _id: None if dialog.isVisible() else self._changed(draft.tenant_id)
        )
        dialog.show()
        return dialog
