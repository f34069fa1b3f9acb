"""The "New service request" dialog's form (desktop.ui.dialogs.new_request builds its buttons
and files): the fields, what is wrong with them, and the draft they make, saved as it is typed.

Its texts keep the translation context of the dialog ("NewRequestDialog"), as when they were
part of it: the catalogues' translations carry on. `self.tr` would not do here: lupdate names a
context after the class the call is written in, while PySide6 looks one up by the object's class.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.qt.models.requests import severity_label
from desktop.qt.models.table import QT_TRANSLATE_NOOP
from desktop.qt.session import SessionHolder
from desktop.services.filing import SEVERITIES, TITLE_MAX, TR_CONTEXT, validate
from desktop.store import Draft, DraftStore
from desktop.ui.drafting import PRODUCTS, contact_text, problem_text, sections
from desktop.ui.widgets.announce import announce
from desktop.ui.widgets.request_number import RequestNumberBox

log = logging.getLogger(__name__)

SAVE_DELAY_MS = 300

# Said under the form while a field is marked; cleared once none is.
FIX_FIELDS = QT_TRANSLATE_NOOP("NewRequestDialog", "Fix the fields marked above, then try again.")
# What is wrong, in the form: the field's message and the line under the form alike.
ERROR_STYLE = "color: #b3261e;"
# Above the line under the form when it is an error: else it read as the last field's message.
ERROR_GAP = 8


class StatusLine(QLabel):
    """The line under the form: what happened, or (`error`) what is wrong, in the error
    colour and set off from the last field."""

    def setText(self, text: str, error: bool = False) -> None:
        self.setStyleSheet(ERROR_STYLE if error else "")
        self.setContentsMargins(0, ERROR_GAP if error else 0, 0, 0)
        super().setText(text)

    def clear(self) -> None:
        self.setText("")


class RequestFormDialog(QDialog):
    """The request's fields and the draft they make, saved as it is typed; its subclass
    (NewRequestDialog) files it.

    Signals:
        filed(object): the request is with Microsoft: a `Filed` record (web form, number
            entered) or a `ServiceRequest` (the create API's partner ticket).
        message(str): a line for the status bar.
        saved(str): the draft of this id is on disk (or in the store's memory) now.
    """

    filed = Signal(object)
    message = Signal(str)
    saved = Signal(str)

    # Set by the subclass's layout: the fields whose problems show once left (focus out).
    _fields: dict[QObject, str]
    # Microsoft's request number, kept with the draft: the subclass's layout places them.
    number_box: RequestNumberBox
    number: QLineEdit

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
        # The last filing's check was the create API's (which also needs a topic): the marks
        # it showed stay until fixed, also when the focus moves to the first of them.
        self._checked_for_api = False
        self._loading = False
        self._busy = False
        self._closed = False
        self.topics_loaded = False  # the support-topic answer came (either way)
        self._save_timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.save_now)

    # -- layout --------------------------------------------------------------------------------

    def _build_form(self, layout: QVBoxLayout) -> None:
        form = QFormLayout()
        self.form_layout = form
        self.title_edit = QLineEdit()
        self.title_edit.setMaxLength(TITLE_MAX)
        self.title_edit.setPlaceholderText(
            QCoreApplication.translate("NewRequestDialog", "What is wrong, in one line")
        )
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
        # A hint, not a field: a click on it took the keyboard from the field typed in.
        self.contact_used.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.service = QComboBox()
        self.service.setEditable(True)
        self.service.addItems(PRODUCTS)
        self.service.setToolTip(
            QCoreApplication.translate(
                "NewRequestDialog",
                "Azure services are filed in the Azure portal, the rest in the admin center.",
            )
        )
        self.topic = QComboBox()
        self.topic.setPlaceholderText(
            QCoreApplication.translate("NewRequestDialog", "Loading support topics…")
        )
        self.description = QPlainTextEdit()
        self.description.setPlaceholderText(
            QCoreApplication.translate(
                "NewRequestDialog", "What happens, since when, who is affected, what was tried"
            )
        )
        self.description.setTabChangesFocus(True)
        self.contact_name = QLineEdit()
        self.contact_email = QLineEdit()
        self.cc = QLineEdit()
        self.cc.setPlaceholderText(
            QCoreApplication.translate("NewRequestDialog", "e-mail addresses, separated by commas")
        )
        self.errors: dict[str, QLabel] = {}
        # The field each error is about: focused, described and announced on a failed filing.
        self.error_fields: dict[str, QWidget] = {}
        rows: list[tuple[str, str, QWidget]] = [
            ("title", QCoreApplication.translate("NewRequestDialog", "&Title:"), self.title_edit),
            (
                "severity",
                QCoreApplication.translate("NewRequestDialog", "&Severity:"),
                self.severity,
            ),
            ("service", QCoreApplication.translate("NewRequestDialog", "Ser&vice:"), self.service),
            (
                "topic",
                QCoreApplication.translate("NewRequestDialog", "Partner support to&pic (API):"),
                self.topic,
            ),
            (
                "description",
                QCoreApplication.translate("NewRequestDialog", "&Description:"),
                self.description,
            ),
            (
                "contact",
                QCoreApplication.translate("NewRequestDialog", "Contact &name:"),
                self.contact_name,
            ),
            (
                "contact_email",
                QCoreApplication.translate("NewRequestDialog", "Contact &e-mail:"),
                self.contact_email,
            ),
            ("cc", QCoreApplication.translate("NewRequestDialog", "&CC:"), self.cc),
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
            error.setStyleSheet(ERROR_STYLE)
            self.errors["contact" if key == "contact_email" else key] = error
            self.error_fields["contact" if key == "contact_email" else key] = widget
            form.addRow("", error)
            # The whole row hidden, its spacing too: a hidden label alone left a gap in the
            # form under every field without an error.
            form.setRowVisible(error, False)
        # Only the create API asks for a (partner) support topic: shown if it still answers.
        form.setRowVisible(self.topic, False)
        layout.addLayout(form)
        self.status = StatusLine()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status)

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
        self._show_problems(only_touched=True, for_api=self._checked_for_api, typing=True)
        # Throttle, not debounce: restarting the timer on every key would never save while
        # someone types without pause, which is exactly when a crash loses the most.
        if not self._save_timer.isActive():
            self._save_timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut and watched in self._fields:
            key = self._fields[watched]
            if key in self._typed or self._field_text(key):
                self._touched.add(key)
                self._show_problems(only_touched=True, for_api=self._checked_for_api)
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

    def _show_problems(
        self, only_touched: bool, for_api: bool = False, typing: bool = False
    ) -> bool:
        """Mark the fields in error (`only_touched`: those the user has left or tried to file);
        `typing`: no new mark while the user types (it shows once the field is left), and none
        grows or shrinks the form (a message goes, or changes, keeping its room)."""
        problems = {p.field: p for p in validate(self.current(), for_api, self.sections)}
        for key, label in self.errors.items():
            problem = problems.get(key)
            shown = problem is not None and (not only_touched or key in self._touched)
            if typing:
                shown = shown and bool(label.text())
            if label.text() and (typing or not shown):
                _keep_room(label)
            elif shown:
                label.setMinimumHeight(0)
            label.setText(problem_text(problem) if problem is not None and shown else "")
            # A message fixed keeps its room until the next try: the rows below moved up as
            # it went, under a click already aimed at them (issue 21's walk: typing into CC
            # went to another field).
            self.form_layout.setRowVisible(label, shown or label.minimumHeight() > 0)
            self._describe(key, label.text())
        if not any(label.text() for label in self.errors.values()) and self.status.text() == (
            QCoreApplication.translate("NewRequestDialog", FIX_FIELDS)
        ):
            # Nothing marked any more: "fix the fields marked" would lie. Its room stays, as
            # the messages' do (the description would take it, moving the rows below).
            _keep_room(self.status)
            self.status.clear()
        return not problems

    def _describe(self, key: str, problem: str) -> None:
        """The field's accessible description is its error while it has one (a screen reader
        reads it with the field's name on focus), and nothing once fixed. Qt binds no way to
        set a widget's "invalid entry" state: the description is what says it."""
        field = self.error_fields[key]
        editor = field.lineEdit() if isinstance(field, QComboBox) else None
        for widget in (field, editor):
            if widget is not None and widget.accessibleDescription() != problem:
                widget.setAccessibleDescription(problem)

    def _point_at_first_problem(self) -> None:
        """After a refused filing: the keyboard goes to the first field in error and a screen
        reader says what is wrong there, interrupting (the red text alone was silent)."""
        first = next((key for key, label in self.errors.items() if label.text()), None)
        if first is None:
            return
        field = self.error_fields[first]
        field.setFocus(Qt.FocusReason.OtherFocusReason)
        announce(
            field,
            QCoreApplication.translate("NewRequestDialog", "{0}: {1} {2}").format(
                field.accessibleName(),
                self.errors[first].text(),
                QCoreApplication.translate("NewRequestDialog", FIX_FIELDS),
            ),
            assertive=True,
        )

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
            self.status.setText(
                QCoreApplication.translate(
                    "NewRequestDialog", "The draft could not be saved: {0}"
                ).format(error)
            )
        else:
            self.saved.emit(draft.id)

    async def _checked_and_saved(self, for_api: bool) -> bool:
        """Every field checked (all shown now), and the draft saved before it leaves."""
        self._touched.update(self.errors)
        self._checked_for_api = for_api
        for label in (*self.errors.values(), self.status):  # laid out afresh for this try
            label.setMinimumHeight(0)
        if not self._show_problems(only_touched=False, for_api=for_api):
            self.status.setText(
                QCoreApplication.translate("NewRequestDialog", FIX_FIELDS), error=True
            )
            self._point_at_first_problem()
            return False
        self._save_timer.stop()
        self.draft = self.current()
        await self.holder.worker.run(self.store.save, self.draft)
        return True

    # -- offline: kept to send -----------------------------------------------------------------

    async def _keep_to_send(self) -> None:
        """Offline (`--offline`): nothing leaves the machine, no browser opens. The draft
        (saved already) is marked to send, and goes when the app is next online
        (desktop.services.offline_queue)."""
        try:
            self.draft = await self.holder.worker.run(self.store.mark_to_send, self.draft.id)
        except Exception as error:
            log.error("draft not marked to send: %s", error)
            self.status.setText(
                QCoreApplication.translate(
                    "NewRequestDialog", "Not marked to send; your draft is kept. {0}"
                ).format(error)
            )
            return
        text = QCoreApplication.translate(
            "NewRequestDialog",
            # Honest about where Microsoft takes requests only in its web form (the embedded
            # sandbox, and most partners): then it waits in the Drafts window to be filed there.
            "You are offline: nothing was sent. The draft is kept: once Partner Desk is online "
            "it files it, or, where Microsoft takes requests only in its web form, keeps it "
            "under Requests → Drafts… to file there.",
        )
        self.status.setText(text)
        self.message.emit(text)


def _keep_room(label: QLabel) -> None:
    """`label`, about to lose its text, keeps the height it has with it."""
    width = label.width()
    shown = label.heightForWidth(width) if width > 0 else label.sizeHint().height()
    label.setMinimumHeight(max(label.height(), shown, label.minimumHeight()))
