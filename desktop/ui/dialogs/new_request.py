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
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.service_requests import ServiceRequest
from desktop.qt.models.requests import severity_label
from desktop.qt.session import SessionHolder
from desktop.qt.text_limits import elide
from desktop.services.accounts import AuthError
from desktop.services.backend import ApiError
from desktop.services.filing import (
    SEVERITIES,
    TITLE_MAX,
    TR_CONTEXT,
    CreateRetiredError,
    WebForm,
    clipboard_text,
    validate,
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
from desktop.ui.drafting import (
    PRODUCTS,
    contact_text,
    escalation_draft,
    problem_text,
    sections,
)
from desktop.ui.widgets.link_actions import add_link_actions, open_link
from desktop.ui.widgets.request_number import RequestNumberBox

log = logging.getLogger(__name__)

SAVE_DELAY_MS = 300

__all__ = ["PRODUCTS", "NewRequestDialog", "escalation_draft", "problem_text"]


class NewRequestDialog(QDialog):
    """Edits one draft and files it.

    Signals:
        filed(object): the request is with Microsoft: a `Filed` record (web form, number
            entered) or a `ServiceRequest` (the create API's partner ticket).
        message(str): a line for the status bar.
    """

    filed = Signal(object)
    message = Signal(str)

    def __init__(
        self,
        holder: SessionHolder,
        store: DraftStore,
        draft: Draft,
        parent: QWidget | None = None,
        severity_note: str = "",
    ) -> None:
        """`severity_note`: where a suggested severity came from (an escalation's incident)."""
        super().__init__(parent)
        self.holder = holder
        self.store = store
        self.draft = draft
        self._severity_note = severity_note
        # The description template's sections, as shown and in English (desktop.ui.drafting).
        self.sections = sections()
        self._user_edited = False  # the user changed a field since the dialog opened
        self._topics_available = False
        # A field's problem shows once the user has left it after typing (or it had text), or
        # tried to file: never on a blank form just opened.
        self._touched: set[str] = set()
        self._typed: set[str] = set()
        self._loading = False
        self._busy = False
        self._closed = False
        self.topics_loaded = False  # the support-topic answer came (either way)
        self.setWindowTitle(self.tr("New service request — {0}").format(elide(draft.customer_name)))
        self._save_timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.save_now)
        self._build()
        self._load(draft)
        self.holder.worker.spawn(self._load_topics())
        self.holder.worker.spawn(self._load_stored())

    # -- layout --------------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.form_layout = form
        self.title_edit = QLineEdit()
        self.title_edit.setMaxLength(TITLE_MAX)
        self.title_edit.setPlaceholderText(self.tr("What is wrong, in one line"))
        self.severity = QComboBox()
        for name in SEVERITIES:
            self.severity.addItem(severity_label(name), name)
        self.severity_help = QLabel()
        self.severity_help.setWordWrap(True)
        self.severity_source = QLabel(self._severity_note)
        self.severity_source.setWordWrap(True)
        self.contact_used = QLabel()
        self.contact_used.setWordWrap(True)
        self.contact_used.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.service = QComboBox()
        self.service.setEditable(True)
        self.service.addItems(PRODUCTS)
        self.service.setToolTip(
            self.tr("Azure services are filed in the Azure portal, the rest in the admin center.")
        )
        self.topic = QComboBox()
        self.topic.setPlaceholderText(self.tr("Loading support topics…"))
        self.description = QPlainTextEdit()
        self.description.setPlaceholderText(
            self.tr("What happens, since when, who is affected, what was tried")
        )
        self.description.setTabChangesFocus(True)
        self.contact_name = QLineEdit()
        self.contact_email = QLineEdit()
        self.cc = QLineEdit()
        self.cc.setPlaceholderText(self.tr("e-mail addresses, separated by commas"))
        self.errors: dict[str, QLabel] = {}
        rows: list[tuple[str, str, QWidget]] = [
            ("title", self.tr("&Title:"), self.title_edit),
            ("severity", self.tr("&Severity:"), self.severity),
            ("service", self.tr("Ser&vice:"), self.service),
            ("topic", self.tr("Partner support to&pic (API):"), self.topic),
            ("description", self.tr("&Description:"), self.description),
            ("contact", self.tr("Contact &name:"), self.contact_name),
            ("contact_email", self.tr("Contact &e-mail:"), self.contact_email),
            ("cc", self.tr("&CC:"), self.cc),
        ]
        for key, label, widget in rows:
            form.addRow(label, widget)
            widget.setAccessibleName(label.replace("&", "").rstrip(":"))
            editor = widget.lineEdit() if isinstance(widget, QComboBox) else None
            if editor is not None:
                # The editor is an object of its own to a screen reader, focused on its own.
                editor.setAccessibleName(widget.accessibleName())
            if key == "severity":
                form.addRow("", self.severity_help)
                form.addRow("", self.severity_source)
                form.setRowVisible(self.severity_source, bool(self._severity_note))
            if key == "contact_email":
                form.addRow("", self.contact_used)
            error = QLabel()
            error.setObjectName(f"error_{key}")
            error.setWordWrap(True)
            error.setStyleSheet("color: #b3261e;")
            self.errors["contact" if key == "contact_email" else key] = error
            form.addRow("", error)
            # The whole row hidden, its spacing too: a hidden label alone left a gap in the
            # form under every field without an error.
            form.setRowVisible(error, False)
        # Only the create API asks for a (partner) support topic: shown if it still answers.
        form.setRowVisible(self.topic, False)
        layout.addLayout(form)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status)
        self.number_box = RequestNumberBox(self)
        self.number, self.filed_button = self.number_box.edit, self.number_box.button
        self.number_error = self.number_box.error
        self.number_box.entered.connect(lambda: self.holder.worker.spawn(self.mark_filed()))
        layout.addWidget(self.number_box)
        buttons = QDialogButtonBox()
        self.form_button = buttons.addButton(
            self.tr("Open Microsoft's &form"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.form_button.setToolTip(
            self.tr(
                "Copies the request's text and opens Microsoft's new-request page in the "
                "customer's context (Ctrl+Return)"
            )
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
                    "Offline: the draft is kept and sent when Partner Desk is next online "
                    "(Ctrl+Return)"
                )
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
        QShortcut(
            QKeySequence("Ctrl+Return"), self, lambda: self.holder.worker.spawn(self.open_form())
        )
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

    def _load(self, draft: Draft) -> None:
        self._loading = True  # filling the fields is not the user typing
        try:
            self.title_edit.setText(draft.title)
            self.title_edit.setCursorPosition(0)  # a long pre-filled title shows its start
            self.severity.setCurrentIndex(max(0, self.severity.findData(draft.severity)))
            self.service.setCurrentText(draft.topic_name)
            self.description.setPlainText(draft.description)
            self.contact_name.setText(draft.contact_name)
            self.contact_email.setText(draft.contact_email)
            self.cc.setText(draft.cc)
            self.number.setText(draft.request_number)
        finally:
            self._loading = False
        self._update_severity_help()
        self._update_contact()
        if draft.request_number:
            self.number_box.number()  # a number typed before shows what is wrong with it

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

    async def _load_stored(self) -> None:
        """The store's copy of the draft when it is newer than the one handed in (a list that
        held on to it while it changed elsewhere): restoring the old copy would silently put
        back an older topic, service or severity, and saving would write them over the
        user's last choice (issue 18). Not once the user has changed a field here."""
        try:
            stored = await self.holder.worker.run(self.store.get, self.draft.id)
        except Exception as error:  # unreadable: the copy handed in is all there is
            log.warning("the stored draft could not be read: %s", error)
            return
        if stored is None or stored.updated <= self.draft.updated:
            return
        if self._closed or self._user_edited:
            return
        self.draft = stored
        self._load(stored)
        if self._topics_available:
            self.topic.blockSignals(True)
            self.topic.setCurrentIndex(self.topic.findData(stored.topic_id))
            self.topic.blockSignals(False)

    # -- the draft -----------------------------------------------------------------------------

    def current(self) -> Draft:
        topic_id = self.topic.currentData() if self._topics_available else None
        return replace(
            self.draft,
            title=self.title_edit.text(),
            severity=str(self.severity.currentData() or "moderate"),
            topic_id=str(topic_id) if topic_id is not None else self.draft.topic_id,
            topic_name=self.service.currentText().strip(),
            description=self.description.toPlainText(),
            contact_name=self.contact_name.text(),
            contact_email=self.contact_email.text(),
            cc=self.cc.text(),
            request_number=self.number.text(),
        )

    def _edited(self, *_: object) -> None:
        if self._loading:
            return
        self._user_edited = True
        self._update_contact()
        key = self._fields.get(self.sender())
        if key is not None:
            self._typed.add(key)
        self._update_severity_help()
        self._show_problems(only_touched=True)
        # Throttle, not debounce: restarting the timer on every key would never save while
        # someone types without pause, which is exactly when a crash loses the most.
        if not self._save_timer.isActive():
            self._save_timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut and watched in self._fields:
            key = self._fields[watched]
            if key in self._typed or self._field_text(key):
                self._touched.add(key)
                self._show_problems(only_touched=True)
        return super().eventFilter(watched, event)

    def _field_text(self, key: str) -> str:
        if key == "description":
            return self.description.toPlainText().strip()
        edit = {"title": self.title_edit, "contact": self.contact_email, "cc": self.cc}[key]
        return edit.text().strip()

    def _update_contact(self) -> None:
        self.contact_used.setText(contact_text(self.current(), self.holder.session.account))

    def _update_severity_help(self) -> None:
        meaning = SEVERITIES.get(str(self.severity.currentData()), "")
        self.severity_help.setText(QCoreApplication.translate(TR_CONTEXT, meaning))

    def _show_problems(self, only_touched: bool, for_api: bool = False) -> bool:
        problems = {p.field: p for p in validate(self.current(), for_api, self.sections)}
        for key, label in self.errors.items():
            problem = problems.get(key)
            shown = problem is not None and (not only_touched or key in self._touched)
            label.setText(problem_text(problem) if problem is not None and shown else "")
            self.form_layout.setRowVisible(label, shown)
        return not problems

    def save_now(self) -> None:
        """Write the draft (on the worker); empty drafts are not kept."""
        self._save_timer.stop()
        draft = self.current()
        if draft.is_empty and not self.draft.request_id:
            return
        self.draft = draft
        self.holder.worker.spawn(self._write(draft))

    async def _write(self, draft: Draft) -> None:
        try:
            await self.holder.worker.run(self.store.save, draft)
        except Exception as error:
            log.error("draft not saved: %s", error)
            self.status.setText(self.tr("The draft could not be saved: {0}").format(error))

    async def _checked_and_saved(self, for_api: bool) -> bool:
        """Every field checked (all shown now), and the draft saved before it leaves."""
        self._touched.update(self.errors)
        if not self._show_problems(only_touched=False, for_api=for_api):
            self.status.setText(self.tr("Fix the fields marked above, then try again."))
            return False
        self._save_timer.stop()
        self.draft = self.current()
        await self.holder.worker.run(self.store.save, self.draft)
        return True

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

    async def _keep_to_send(self) -> None:
        """Offline (`--offline`): nothing leaves the machine, no browser opens. The draft
        (saved already) is marked to send, and goes when the app is next online
        (desktop.services.offline_queue)."""
        try:
            self.draft = await self.holder.worker.run(self.store.mark_to_send, self.draft.id)
        except Exception as error:
            log.error("draft not marked to send: %s", error)
            self.status.setText(
                self.tr("Not marked to send; your draft is kept. {0}").format(error)
            )
            return
        text = self.tr(
            "You are offline: nothing was sent. The draft is kept and will be sent when Partner "
            "Desk is next online."
        )
        self.status.setText(text)
        self.message.emit(text)

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
                    "Draft “{0}” for {1} kept: Ctrl+N or Service requests → Drafts reopens it."
                ).format(title, draft.customer_name)
            )
        super().reject()

    def done(self, result: int) -> None:
        self._closed = True
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_now()
        super().closeEvent(event)  # QDialog's calls reject(): it says where the draft is kept
        self._closed = True
