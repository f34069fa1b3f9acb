"""The "New service request" dialog: a draft saved as it is typed, filed in Microsoft's form.

The first edit after a save starts a short timer; when it fires, the draft is written to the
local store on the worker (SQLite commits survive a killed process), so at most the last
fraction of a second of typing can be lost.

Filing for a customer goes FIRST to Microsoft's web form in the customer's context (the
Microsoft 365 admin center, or the Azure portal for Azure services:
desktop.services.filing.web_form), with the draft's text on the clipboard and the draft kept.
When Microsoft has taken it, the user enters Microsoft's request number and marks it filed: the
filing is recorded and shown in the customer's requests pane, and the draft goes. Where
Microsoft still accepts the create API (its support topics load), "Submit as a partner ticket"
is offered as a fallback; any refusal of it leads to the web form, the draft kept.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QCloseEvent, QGuiApplication, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMenu, QVBoxLayout, QWidget

from desktop.domain.service_requests import ServiceRequest
from desktop.qt.session import SessionHolder
from desktop.qt.text_limits import elide
from desktop.services.accounts import AuthError
from desktop.services.backend import ApiError
from desktop.services.filing import (
    TR_CONTEXT,
    CreateRetiredError,
    WebForm,
    clipboard_text,
    web_form,
)
from desktop.services.submission import (
    AlreadyFiledError,
    DraftBusyError,
    UnconfirmedError,
    resume_kept,
    submit,
)
from desktop.store import Draft, DraftStore
from desktop.ui.dialogs.request_form import RequestFormDialog
from desktop.ui.drafting import PRODUCTS, escalation_draft, problem_text
from desktop.ui.keys import default, key_text, shortcut_text
from desktop.ui.widgets.link_actions import add_link_actions, open_link
from desktop.ui.widgets.request_number import RequestNumberBox

log = logging.getLogger(__name__)

__all__ = ["PRODUCTS", "NewRequestDialog", "escalation_draft", "problem_text"]


class NewRequestDialog(RequestFormDialog):
    """Edits one draft (its form: RequestFormDialog) and files it. Signals: RequestFormDialog's."""

    def __init__(
        self,
        holder: SessionHolder,
        store: DraftStore,
        draft: Draft,
        parent: QWidget | None = None,
        severity_note: str = "",
    ) -> None:
        """`severity_note`: where a suggested severity came from (an escalation's incident)."""
        super().__init__(holder, store, draft, parent, severity_note)
        self.setWindowTitle(self.tr("New service request — {0}").format(elide(draft.customer_name)))
        self._build()
        self._load(draft)
        self.holder.worker.spawn(self._load_topics())
        self.holder.worker.spawn(self._load_stored())

    # -- layout --------------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self._build_form(layout)
        self.number_box = RequestNumberBox(self)
        self.number, self.filed_button = self.number_box.edit, self.number_box.button
        self.number_error = self.number_box.error
        self.number_box.entered.connect(lambda: self.holder.worker.spawn(self.mark_filed()))
        layout.addWidget(self.number_box)
        buttons = QDialogButtonBox()
        # Its key is named in the texts below as the platform writes it (⌘↩ on a Mac).
        self.form_shortcut = QShortcut(
            default("open_form"), self, lambda: self.holder.worker.spawn(self.open_form())
        )
        form_key = shortcut_text(self.form_shortcut.key())
        self.form_button = buttons.addButton(
            self.tr("Open Microsoft's &form"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.form_button.setToolTip(
            self.tr(
                "Copies the request's text and opens Microsoft's new-request page in the "
                "customer's context ({0})"
            ).format(form_key)
        )
        self.submit_button = buttons.addButton(
            self.tr("Submit through the &API (partner ticket)"),
            QDialogButtonBox.ButtonRole.ActionRole,
        )
        self.submit_button.setToolTip(
            self.tr(
                "Partner Center's create API files a ticket of your own with Microsoft that "
                "names the customer; offered while Microsoft still accepts it"
            )
        )
        self.submit_button.hide()
        if self.holder.session.offline:  # nothing leaves the machine: kept to send later
            self.form_button.setText(self.tr("&Send when online"))
            self.form_button.setToolTip(
                self.tr(
                    "Offline: the draft is kept, to file once Partner Desk is online ({0})"
                ).format(form_key)
            )
        close = buttons.addButton(self.tr("&Keep as draft"), QDialogButtonBox.ButtonRole.RejectRole)
        self.form_button.clicked.connect(lambda: self.holder.worker.spawn(self.open_form()))
        # Its context menu: the form's link to copy, or the form in a private window.
        self.form_button.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.form_button.customContextMenuRequested.connect(
            lambda pos: self.form_menu().popup(self.form_button.mapToGlobal(pos))
        )
        self.submit_button.clicked.connect(lambda: self.holder.worker.spawn(self.submit()))
        close.clicked.connect(self.reject)
        layout.addWidget(buttons)
        # Return anywhere but the number field opens Microsoft's form. Set once the button is in
        # the dialog: before, Qt made the first button in the focus chain ("Mark as filed") the
        # default when the dialog was shown.
        self.form_button.setDefault(True)
        for edit in (self.title_edit, self.contact_name, self.contact_email, self.cc, self.number):
            edit.textEdited.connect(self._edited)
        self._fields: dict[QObject, str] = {
            self.title_edit: "title",
            self.description: "description",
            self.contact_email: "contact",
            self.cc: "cc",
        }
        for field in self._fields:
            field.installEventFilter(self)
        self.description.textChanged.connect(self._edited)
        self.severity.currentIndexChanged.connect(self._edited)
        self.service.currentTextChanged.connect(self._edited)
        self.topic.currentIndexChanged.connect(self._edited)
        self.resize(640, 700)

    async def _load_topics(self) -> None:
        """Partner-support topics: they answer only where the create API still does. Not
        asked for offline: nothing leaves the machine there."""
        if self.holder.session.offline:
            self.topics_loaded = True
            return
        try:
            topics = (
                await self.holder.worker.run(self.holder.session.backend.support_topics)
            ).items
        except Exception as error:  # refused (decommissioned), offline, ...: web form only
            log.info("support topics unavailable: %s", error)
            topics = []
        if self._closed:  # the user closed the dialog meanwhile (it may be deleted)
            return
        self.topics_loaded = True
        if not topics:
            return
        self.topic.blockSignals(True)
        self.topic.clear()
        for topic in topics:
            self.topic.addItem(topic.name, topic.id)
            self.topic.setItemData(
                self.topic.count() - 1, topic.description, Qt.ItemDataRole.ToolTipRole
            )
        self.topic.setCurrentIndex(self.topic.findData(self.draft.topic_id))
        self.topic.setPlaceholderText(self.tr("Choose a support topic"))
        self.topic.blockSignals(False)
        self._topics_available = True
        self.form_layout.setRowVisible(self.topic, True)
        self.submit_button.show()

    # -- the web form (first) ------------------------------------------------------------------

    def form_menu(self) -> QMenu:
        """Copy the link of Microsoft's form, or open it in a private window."""
        menu = QMenu(self.form_button)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        url = web_form(self.holder.session.backend.cloud, self.current()).url
        add_link_actions(
            menu, self.holder, url, lambda: self.holder.worker.spawn(self.open_form(private=True))
        )
        return menu

    async def open_form(self, private: bool = False) -> None:
        """Text to the clipboard, Microsoft's form for this customer open in the browser.
        Offline: the draft is kept to send when online instead."""
        if self._busy or not await self._checked_and_saved(for_api=False):
            return
        if self.holder.session.offline:
            await self._keep_to_send()
            return
        if self.draft.to_send is not None:  # the user files it now: not sent again on its own
            self.draft = await self.holder.worker.run(self.store.mark_to_send, self.draft.id, False)
        form = web_form(self.holder.session.backend.cloud, self.draft)
        await self._hand_over(form, "", private)

    async def _hand_over(self, form: WebForm, why: str, private: bool = False) -> None:
        QGuiApplication.clipboard().setText(clipboard_text(self.draft))
        # The form's name as Microsoft's admin centers say it (desktop.services.support_forms
        # marks it).
        name = QCoreApplication.translate("portals", form.name)
        if form.url is None:
            opened = self.tr("There is no {0} form to open: {1}").format(
                name, QCoreApplication.translate(TR_CONTEXT, form.reason)
            )
        else:
            outcome = await open_link(self.holder, form.url, self, private=private, what=name)
            if outcome.opened:
                opened = self.tr("{0} is open in your browser, in the customer's context.")
                opened = opened.format(name)
            elif outcome.failed:
                opened = self.tr("{0} did not open: the browser did not start. Open {1} yourself.")
                opened = opened.format(name, form.url)
            else:
                opened = self.tr("Open {0} in your browser ({1}).")
                opened = opened.format(form.url, outcome.refused)
            if form.note:
                opened += " " + self.tr("It may need a direct sign-in in this cloud.")
        if self._closed:
            return
        self.status.setText(
            (why + "\n" if why else "")
            + self.tr(
                "The request's text is on the clipboard and your draft is kept. {0}\n"
                "1. Paste the text into Microsoft's form and submit it.\n"
                "2. Enter the request number Microsoft shows below and choose Mark as filed."
            ).format(opened)
        )
        self.number.setFocus()

    async def mark_filed(self) -> None:
        """Record Microsoft's request number; the draft goes only once that is recorded."""
        if self._busy:
            return
        number = self.number_box.number()
        if number is None:
            return
        self._busy = True
        try:
            self._save_timer.stop()
            self.draft = self.current()
            await self.holder.worker.run(self.store.save, self.draft)
            filed = await self.holder.worker.run(self.store.mark_filed, self.draft.id, number)
        except Exception as error:
            log.error("filing not recorded: %s", error)
            self.status.setText(self.tr("Not recorded; your draft is kept. {0}").format(error))
            return
        finally:
            self._busy = False
        self.message.emit(
            self.tr("Request {0} for {1} recorded as filed with Microsoft.").format(
                filed.number, filed.customer_name
            )
        )
        self.filed.emit(filed)
        self._closed = True
        super().done(QDialog.DialogCode.Accepted)

    # -- the create API (fallback) -------------------------------------------------------------

    async def submit(self) -> None:
        """File through the create API (a partner ticket), where Microsoft still accepts it."""
        if self._busy:
            return
        if not await self._checked_and_saved(for_api=True):
            return
        if self.holder.session.offline:
            await self._keep_to_send()
            return
        self._busy = True
        self.submit_button.setEnabled(False)
        self.status.setText(self.tr("Submitting to Microsoft…"))
        try:
            # One draft per request: a kept draft of the same request (an earlier try that may
            # have reached Microsoft) carries on, so its checks see that try.
            self.draft, _resumed = await self.holder.worker.run(resume_kept, self.store, self.draft)
            created: ServiceRequest = await self.holder.worker.run(
                submit, self.holder.session.backend, self.store, self.draft.id
            )
        except CreateRetiredError as retired:
            self.submit_button.hide()  # Microsoft refuses it: the web form is the way
            await self._hand_over(
                retired.form,
                self.tr("Microsoft no longer takes requests through the API."),
            )
            return
        except UnconfirmedError as error:
            self.status.setText(self._unconfirmed(error))
            return
        except DraftBusyError:
            self.status.setText(
                self.tr(
                    "This draft is being sent by another Partner Desk window. Nothing was sent "
                    "from here; your draft is kept."
                )
            )
            return
        except AlreadyFiledError as error:
            self.status.setText(
                self.tr(
                    "This draft was already filed as request {0}; it was not sent again."
                ).format(error.filed.number)
            )
            return
        except ApiError as error:
            self.status.setText(self.tr("Not filed; your draft is kept. {0}").format(error.summary))
            return
        except AuthError as error:
            self.status.setText(
                self.tr("Not filed; your draft is kept. {0}").format(
                    f"{error.message} {error.next_step}"
                )
            )
            return
        finally:
            self._busy = False
            self.submit_button.setEnabled(True)
        self.message.emit(
            self.tr("Partner ticket {0} filed with Microsoft (it names the customer).").format(
                created.id
            )
        )
        self.filed.emit(created)
        self.done(QDialog.DialogCode.Accepted)

    def _unconfirmed(self, error: UnconfirmedError) -> str:
        why = error.check.summary if error.check else self.tr("not in Microsoft's list yet")
        if error.landed:
            return self.tr(
                "Microsoft accepted the request, but its number could not be read ({0}). Your "
                "draft is kept, marked as filed: nothing will be sent again. Submit later to "
                "look its number up."
            ).format(why)
        return self.tr(
            "The request may have reached Microsoft, and it could not be confirmed ({0}). "
            "Nothing more was sent; your draft is kept. Submit again later: Microsoft's list "
            "is checked before anything is sent."
        ).format(why)

    def reject(self) -> None:
        """Keep as draft, Esc or the window's close button: the draft stays, and the status bar
        says where to find it."""
        self.save_now()
        draft = self.current()
        if not self._closed and not draft.is_empty:
            title = draft.title.strip() or self.tr("(untitled)")
            self.message.emit(
                self.tr(
                    "Draft “{0}” for {1} kept: {2} or Service requests → Drafts reopens it."
                ).format(title, draft.customer_name, key_text("new_request"))
            )
        super().reject()

    def done(self, result: int) -> None:
        self._closed = True
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_now()
        super().closeEvent(event)  # QDialog's calls reject(): it says where the draft is kept
        self._closed = True
