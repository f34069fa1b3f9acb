"""The "New service request" dialog: a draft saved as it is typed, filed exactly once.

The first edit after a save starts a short timer; when it fires, the draft is written to the
local store on the worker (SQLite commits survive a killed process), so at most the last
fraction of a second of typing can be lost. The draft is removed by `desktop.filing.submit`
only when Microsoft has confirmed the request. If create is retired, the text goes to the
clipboard and Partner Center's web form opens, with the two remaining steps spelled out.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.accounts import AuthError
from desktop.backend import ApiError
from desktop.filing import (
    SEVERITIES,
    TITLE_MAX,
    TR_CONTEXT,
    CreateRetiredError,
    Problem,
    submit,
    validate,
)
from desktop.models.records import Customer, HealthIssue, ServiceRequest
from desktop.models.requests import severity_label
from desktop.store import Draft, DraftStore
from desktop.ui.context import AppContext

log = logging.getLogger(__name__)

SAVE_DELAY_MS = 300
# Offered when support topics do not answer (retired with create): the product to name in the
# web form. Official product names.
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


class NewRequestDialog(QDialog):
    """Edits one draft; `filed(ServiceRequest)` when Microsoft confirmed it."""

    filed = Signal(object)
    message = Signal(str)

    def __init__(
        self, ctx: AppContext, store: DraftStore, draft: Draft, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.store = store
        self.draft = draft
        self._topics_available = True
        self._touched: set[str] = set()
        self._submitting = False
        self._closed = False
        self.setWindowTitle(self.tr("New service request — {0}").format(draft.customer_name))
        self._save_timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.save_now)
        self._build()
        self._load(draft)
        self.ctx.worker.spawn(self._load_topics())

    # -- layout --------------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.title_edit = QLineEdit()
        self.title_edit.setMaxLength(TITLE_MAX)
        self.title_edit.setPlaceholderText(self.tr("What is wrong, in one line"))
        self.severity = QComboBox()
        for name in SEVERITIES:
            self.severity.addItem(severity_label(name), name)
        self.severity_help = QLabel()
        self.severity_help.setWordWrap(True)
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
            ("topic", self.tr("Support t&opic:"), self.topic),
            ("description", self.tr("&Description:"), self.description),
            ("contact", self.tr("Contact &name:"), self.contact_name),
            ("contact_email", self.tr("Contact &e-mail:"), self.contact_email),
            ("cc", self.tr("&CC:"), self.cc),
        ]
        for key, label, widget in rows:
            form.addRow(label, widget)
            widget.setAccessibleName(label.replace("&", "").rstrip(":"))
            if key == "severity":
                form.addRow("", self.severity_help)
            error = QLabel()
            error.setObjectName(f"error_{key}")
            error.setWordWrap(True)
            error.setStyleSheet("color: #b3261e;")
            error.hide()
            self.errors["contact" if key == "contact_email" else key] = error
            form.addRow("", error)
        layout.addLayout(form)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status)
        buttons = QDialogButtonBox()
        self.submit_button = buttons.addButton(
            self.tr("S&ubmit to Microsoft"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        close = buttons.addButton(self.tr("&Keep as draft"), QDialogButtonBox.ButtonRole.RejectRole)
        self.submit_button.clicked.connect(lambda: self.ctx.worker.spawn(self.submit()))
        close.clicked.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+Return"), self, lambda: self.ctx.worker.spawn(self.submit()))
        layout.addWidget(buttons)
        for edit in (self.title_edit, self.contact_name, self.contact_email, self.cc):
            edit.textEdited.connect(self._edited)
        self.description.textChanged.connect(self._edited)
        self.severity.currentIndexChanged.connect(self._edited)
        self.topic.currentIndexChanged.connect(self._edited)
        self.topic.editTextChanged.connect(self._edited)
        self.resize(620, 640)

    def _load(self, draft: Draft) -> None:
        self.title_edit.setText(draft.title)
        self.severity.setCurrentIndex(max(0, self.severity.findData(draft.severity)))
        self.description.setPlainText(draft.description)
        self.contact_name.setText(draft.contact_name)
        self.contact_email.setText(draft.contact_email)
        self.cc.setText(draft.cc)
        self._update_severity_help()

    async def _load_topics(self) -> None:
        try:
            topics = (await self.ctx.worker.run(self.ctx.backend.support_topics)).items
        except Exception as error:  # retired, offline, ...: a free choice of product instead
            log.info("support topics unavailable: %s", error)
            topics = []
        if self._closed:  # the user closed the dialog meanwhile (it may be deleted)
            return
        self.topic.blockSignals(True)
        self.topic.clear()
        if topics:
            for topic in topics:
                self.topic.addItem(topic.name, topic.id)
                self.topic.setItemData(
                    self.topic.count() - 1, topic.description, Qt.ItemDataRole.ToolTipRole
                )
            index = self.topic.findData(self.draft.topic_id)
            if index < 0 and self.draft.topic_name:
                index = self.topic.findText(self.draft.topic_name, Qt.MatchFlag.MatchContains)
            self.topic.setCurrentIndex(index)
            self.topic.setPlaceholderText(self.tr("Choose a support topic"))
        else:
            self._topics_available = False
            self.topic.setEditable(True)
            self.topic.addItems(PRODUCTS)
            self.topic.setCurrentText(self.draft.topic_name)
            self.topic.setToolTip(self.tr("Support topics did not load: name the product."))
        self.topic.blockSignals(False)
        self._edited()

    # -- the draft -----------------------------------------------------------------------------

    def current(self) -> Draft:
        topic_id = self.topic.currentData() if self._topics_available else None
        return replace(
            self.draft,
            title=self.title_edit.text(),
            severity=str(self.severity.currentData() or "moderate"),
            topic_id=str(topic_id) if topic_id is not None else "",
            topic_name=self.topic.currentText(),
            description=self.description.toPlainText(),
            contact_name=self.contact_name.text(),
            contact_email=self.contact_email.text(),
            cc=self.cc.text(),
        )

    def _edited(self, *_: object) -> None:
        sender = self.sender()
        for key, widget in (
            ("title", self.title_edit),
            ("description", self.description),
            ("contact", self.contact_email),
            ("cc", self.cc),
        ):
            if sender is widget:
                self._touched.add(key)
        self._update_severity_help()
        self._show_problems(only_touched=True)
        # Throttle, not debounce: restarting the timer on every key would never save while
        # someone types without pause, which is exactly when a crash loses the most.
        if not self._save_timer.isActive():
            self._save_timer.start()

    def _update_severity_help(self) -> None:
        meaning = SEVERITIES.get(str(self.severity.currentData()), "")
        self.severity_help.setText(QCoreApplication.translate(TR_CONTEXT, meaning))

    def _show_problems(self, only_touched: bool) -> bool:
        problems = {p.field: p for p in validate(self.current(), self._topics_available)}
        for key, label in self.errors.items():
            problem = problems.get(key)
            shown = problem is not None and (not only_touched or key in self._touched)
            label.setText(problem_text(problem) if problem is not None and shown else "")
            label.setVisible(shown)
        return not problems

    def save_now(self) -> None:
        """Write the draft (on the worker); empty drafts are not kept."""
        self._save_timer.stop()
        draft = self.current()
        if draft.is_empty and not self.draft.request_id:
            return
        self.draft = draft
        self.ctx.worker.spawn(self._write(draft))

    async def _write(self, draft: Draft) -> None:
        try:
            await self.ctx.worker.run(self.store.save, draft)
        except Exception as error:
            log.error("draft not saved: %s", error)
            self.status.setText(self.tr("The draft could not be saved: {0}").format(error))

    # -- submit --------------------------------------------------------------------------------

    async def submit(self) -> None:
        if self._submitting:
            return
        self._touched.update(self.errors)
        if not self._show_problems(only_touched=False):
            self.status.setText(self.tr("Fix the fields marked above, then submit again."))
            return
        self._submitting = True
        self.submit_button.setEnabled(False)
        self.status.setText(self.tr("Submitting to Microsoft…"))
        self._save_timer.stop()
        self.draft = self.current()
        try:
            await self.ctx.worker.run(self.store.save, self.draft)
            created: ServiceRequest = await self.ctx.worker.run(
                submit, self.ctx.backend, self.store, self.draft.id
            )
        except CreateRetiredError as retired:
            await self._hand_over(retired)
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
            self._submitting = False
            self.submit_button.setEnabled(True)
        self.message.emit(self.tr("Service request {0} filed.").format(created.id))
        self.filed.emit(created)
        self.done(QDialog.DialogCode.Accepted)

    async def _hand_over(self, retired: CreateRetiredError) -> None:
        QGuiApplication.clipboard().setText(retired.text)
        reason = await self.ctx.open_link(retired.web_url)
        opened = (
            self.tr("Partner Center's new-request page is open in your browser.")
            if reason is None
            else self.tr("Open {0} in your browser ({1}).").format(retired.web_url, reason)
        )
        self.status.setText(
            self.tr(
                "Microsoft no longer takes new requests through the API. Your draft is kept and "
                "its text is on the clipboard. {0}\n1. There, choose Customer request → New "
                "request and the customer.\n2. Paste the text and submit."
            ).format(opened)
        )

    def reject(self) -> None:
        self.save_now()
        super().reject()

    def done(self, result: int) -> None:
        self._closed = True
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_now()
        self._closed = True
        super().closeEvent(event)
