"""The account menu and the sign-in dialogs: sandbox, or a partner account in one cloud.

Every call that talks to Microsoft (or to the OS credential store) runs on the worker; the GUI
only shows dialogs and waits on futures. A failure is shown as its message and next step and
leaves the current session (sandbox or account) exactly as it was.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QFont, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.config import settings as settings_store
from desktop.config.i18n import LANGUAGE_INFO
from desktop.config.settings import LANGUAGES, Settings
from desktop.qt.session import SessionHolder
from desktop.services.accounts import Accounts, AuthError, Session, cloud_names
from desktop.services.backend import Category
from desktop.ui.widgets.dialogs import run_dialog
from desktop.ui.widgets.link_actions import open_link

log = logging.getLogger(__name__)

_GUID = re.compile(r"^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$")


@dataclass(frozen=True)
class SignInChoice:
    method: str  # "browser" or "device"
    cloud: str
    client_id: str
    tenant: str


class SignInDialog(QDialog):
    """Cloud, app registration and tenant, then browser or device-code sign-in."""

    def __init__(self, settings: Settings, error: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sign in to Partner Center"))
        self.choice: SignInChoice | None = None
        layout = QVBoxLayout(self)
        if error:
            problem = QLabel(error)
            problem.setWordWrap(True)
            problem.setObjectName("signInError")
            problem.setStyleSheet("color: palette(bright-text); background: #b3261e; padding: 6px;")
            layout.addWidget(problem)
        form = QFormLayout()
        self.cloud = QComboBox()
        for cloud_id, name in cloud_names().items():
            self.cloud.addItem(name, cloud_id)
        start = settings.cloud if settings.cloud != "sandbox" else "global"
        self.cloud.setCurrentIndex(max(0, self.cloud.findData(start)))
        self.client_id = QLineEdit(settings.client_id)
        self.client_id.setPlaceholderText("00000000-0000-0000-0000-000000000000")
        self.tenant = QLineEdit("" if settings.tenant == "organizations" else settings.tenant)
        self.tenant.setPlaceholderText(self.tr("your partner tenant (optional)"))
        form.addRow(self.tr("&Cloud:"), self.cloud)
        form.addRow(self.tr("Application (client) &ID:"), self.client_id)
        form.addRow(self.tr("&Tenant:"), self.tenant)
        layout.addLayout(form)
        self.note = QLabel()
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self.help = QLabel(
            self.tr(
                "<b>First time?</b> Partner Desk signs in with <i>your</i> app registration:"
                "<ol>"
                "<li>In your partner tenant's Entra admin center, App registrations → "
                "New registration; account types: any organizational directory "
                "(multitenant), since it must also exist in each customer.</li>"
                "<li>Authentication → Add a platform → Mobile and desktop applications, "
                "redirect URI <code>http://localhost</code>; allow public client flows (for the "
                "device code). On Windows, the account broker also requires the redirect URI "
                "<code>ms-appx-web://Microsoft.AAD.BrokerPlugin/&lt;client id&gt;</code>; "
                "without it Partner Desk signs in through the browser.</li>"
                "<li>API permissions (delegated): Microsoft Partner Center "
                "<code>user_impersonation</code>; "
                "Microsoft Graph <code>ServiceHealth.Read.All</code>, "
                "<code>ServiceMessage.Read.All</code>, "
                "<code>DelegatedAdminRelationship.Read.All</code>, <code>User.Read</code>. "
                "Grant admin consent.</li>"
                "<li>Copy the Application (client) ID here.</li>"
                "<li>Once signed in: Account → Allow Partner Desk in all customers.</li>"
                "</ol>"
                "US Government and China clouds need a registration in that cloud."
            )
        )
        self.help.setWordWrap(True)
        self.help.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.help)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.browser_button = buttons.addButton(
            self.tr("Sign in with &browser"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.device_button = buttons.addButton(
            self.tr("Use a &device code"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.browser_button.clicked.connect(lambda: self._accept("browser"))
        self.device_button.clicked.connect(lambda: self._accept("device"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.client_id.textChanged.connect(self._validate)
        self.cloud.currentIndexChanged.connect(self._validate)
        self._validate()
        self.setMinimumWidth(560)

    def _validate(self) -> None:
        cloud = self.cloud.currentData()
        client = self.client_id.text().strip()
        ok = bool(_GUID.match(client))
        note = ""
        if cloud == "germany":
            ok = False
            note = self.tr(
                "Microsoft Cloud Deutschland closed on 29 October 2021; its customers moved to "
                "the global cloud."
            )
        elif client and not ok:
            note = self.tr("The client id is a GUID like 00000000-0000-0000-0000-000000000000.")
        elif cloud in ("usgov", "usgov-dod", "china"):
            note = self.tr(
                "Admin portal links in this cloud may need a direct sign-in to the customer."
            )
        self.note.setText(note)
        self.note.setVisible(bool(note))
        self.help.setVisible(not client)
        self.browser_button.setEnabled(ok)
        self.device_button.setEnabled(ok)
        self.adjustSize()

    def _accept(self, method: str) -> None:
        self.choice = SignInChoice(
            method,
            str(self.cloud.currentData()),
            self.client_id.text().strip(),
            self.tenant.text().strip() or "organizations",
        )
        self.accept()


class DeviceCodeDialog(QDialog):
    """Shows the device code (copyable) while a worker thread waits for the user to enter it."""

    def __init__(
        self,
        code: str,
        uri: str,
        message: str,
        holder: SessionHolder | None,
        parent: QWidget | None = None,
        opener: Callable[[str], None] | None = None,
    ) -> None:
        """`holder` opens the page through the link policy; before there is one (signing in to a
        sandbox at start-up), `opener` does."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sign in with a code"))
        self.cancel = threading.Event()
        self._holder = holder
        layout = QVBoxLayout(self)
        text = QLabel(message or self.tr("Open {0} and enter this code:").format(uri))
        text.setWordWrap(True)
        layout.addWidget(text)
        row = QHBoxLayout()
        self.code = QLineEdit(code)
        self.code.setReadOnly(True)
        font = QFont(self.code.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.code.setFont(font)
        self.code.setAccessibleName(self.tr("Device code"))
        copy = QPushButton(self.tr("Copy code"))
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(code))
        row.addWidget(self.code, 1)
        row.addWidget(copy)
        layout.addLayout(row)
        self.open_page = QPushButton(self.tr("Open the sign-in page"))
        if holder is not None:
            self.open_page.clicked.connect(
                lambda: holder.worker.spawn(open_link(holder, uri, self, what=uri))
            )
        elif opener is not None:
            self.open_page.clicked.connect(lambda: opener(uri))
        else:
            self.open_page.hide()
        layout.addWidget(self.open_page)
        waiting = QLabel(self.tr("Waiting for you to finish signing in…"))
        layout.addWidget(waiting)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.rejected.connect(self.cancel.set)


class AccountController(QObject):
    """The Account menu and everything behind it; a sign-in switches the holder's session.

    The sandbox session is the one the app started with; "Use sandbox" goes back to it.
    """

    message = Signal(str)
    consent_all_requested = Signal()

    def __init__(
        self,
        holder: SessionHolder,
        settings: Settings,
        parent_widget: QWidget,
        accounts: Accounts | None = None,
    ) -> None:
        super().__init__(parent_widget)
        self.holder = holder
        self.settings = settings
        self.accounts = accounts or Accounts(settings, locale=holder.locale)
        self._parent = parent_widget
        self._busy = False
        self.menu = QMenu(self.tr("&Account"), parent_widget)
        self.menu.aboutToShow.connect(self._rebuild)
        self._rebuild()

    # -- the menu ------------------------------------------------------------------------------

    def _rebuild(self) -> None:
        menu = self.menu
        menu.clear()
        if self.holder.session is self.holder.sandbox:
            who = (
                self.tr("Sandbox data, signed in as {0}").format(self.holder.session.account)
                if self.holder.session.account
                else self.tr("Sandbox data")
            )
        else:
            who = self.tr("Signed in as {0}").format(self.holder.session.account)
        header = menu.addAction(who)
        header.setEnabled(False)
        if self.holder.session is not self.holder.sandbox:
            cloud = menu.addAction(self.tr("Cloud: {0}").format(self.holder.session.cloud.name))
            cloud.setEnabled(False)
        menu.addSeparator()
        sign_in = menu.addAction(self.tr("Sign in…"))
        sign_in.triggered.connect(lambda: self.holder.worker.spawn(self.sign_in()))
        sign_in.setEnabled(not self._busy)
        switch = menu.addMenu(self.tr("Switch cloud"))
        group = QActionGroup(switch)
        for cloud_id, name in cloud_names().items():
            action = QAction(name, switch, checkable=True)
            action.setChecked(self.holder.session.mode == cloud_id)
            action.triggered.connect(
                lambda _=False, c=cloud_id: self.holder.worker.spawn(self.sign_in(cloud=c))
            )
            group.addAction(action)
            switch.addAction(action)
        switch.setEnabled(not self._busy)
        sign_out = menu.addAction(self.tr("Sign out"))
        sign_out.setEnabled(
            bool(self.holder.session.account)
            and self.holder.session is not self.holder.sandbox
            and not self._busy
        )
        sign_out.triggered.connect(lambda: self.holder.worker.spawn(self.sign_out()))
        sandbox = menu.addAction(self.tr("Use sandbox"))
        sandbox.setEnabled(self.holder.session is not self.holder.sandbox)
        sandbox.triggered.connect(self.use_sandbox)
        menu.addSeparator()
        # GDAP: the app must be consented in each customer before anything of theirs loads.
        consent_all = menu.addAction(self.tr("Allow Partner Desk in all customers…"))
        consent_all.setEnabled(not self._busy and self.holder.session.backend.cloud.gdap)
        consent_all.triggered.connect(self.consent_all_requested)
        menu.addSeparator()
        menu.addMenu(self._language_menu(menu))

    def _language_menu(self, parent: QMenu) -> QMenu:
        """The language setting; each language in its own name, so anyone finds theirs."""
        languages = QMenu(self.tr("&Language"), parent)
        group = QActionGroup(languages)
        choices = [
            ("", self.tr("System default")),
            *((c, LANGUAGE_INFO[c].native) for c in LANGUAGES if c),
        ]
        for code, name in choices:
            action = QAction(name, languages, checkable=True)
            action.setChecked(self.settings.language == code)
            action.triggered.connect(lambda _=False, c=code: self.set_language(c))
            group.addAction(action)
            languages.addAction(action)
        return languages

    def set_language(self, code: str) -> None:
        """Saved for the next start: the window's texts are built once (a restart applies it)."""
        if code == self.settings.language:
            return
        self.save_settings(replace(self.settings, language=code))
        self.message.emit(self.tr("The language changes when Partner Desk starts again."))

    # -- actions -------------------------------------------------------------------------------

    async def restore(self) -> bool:
        """At start-up: the saved account, silently. A failure leaves the sandbox and says why."""
        if self.settings.cloud == "sandbox" or not self.settings.account:
            return False
        self.message.emit(self.tr("Signing in as {0}…").format(self.settings.account))
        try:
            session = await self.holder.worker.run(self.accounts.restore)
        except AuthError as error:
            self.message.emit(
                self.tr("Sign-in needed: {0} {1}").format(error.message, error.next_step)
            )
            return False
        if session is None:
            self.message.emit(self.tr("Your saved sign-in has expired: sign in again."))
            return False
        self._switch(session)
        return True

    async def sign_in(self, cloud: str | None = None, error: str = "") -> None:
        if self._busy:
            return
        start = replace(self.settings, cloud=cloud) if cloud else self.settings
        dialog = SignInDialog(start, error, self._parent)
        if not await run_dialog(dialog) or dialog.choice is None:
            return
        choice = dialog.choice
        self._busy = True
        try:
            if not await self._token_storage_agreed():
                return
            if choice.method == "device":
                session = await self._device_code(choice)
            else:
                self.message.emit(self.tr("Continue signing in in your browser…"))
                handle = int(self._parent.window().winId())
                session = await self.holder.worker.run(
                    self.accounts.sign_in_interactive,
                    choice.cloud,
                    choice.client_id,
                    choice.tenant,
                    handle,
                )
        except AuthError as failure:
            log.info("sign-in failed: %s (%s)", failure.code, failure.message)
            self._busy = False
            await self.sign_in(choice.cloud, f"{failure.message} {failure.next_step}")
            return
        finally:
            self._busy = False
        if session is None:
            return
        self.save_settings(
            replace(
                self.settings,
                cloud=choice.cloud,
                client_id=choice.client_id,
                tenant=choice.tenant,
                account=session.account,
            )
        )
        self._switch(session)

    async def _device_code(self, choice: SignInChoice) -> Session | None:
        code = await self.holder.worker.run(
            self.accounts.start_device_flow, choice.cloud, choice.client_id, choice.tenant
        )
        dialog = DeviceCodeDialog(
            code.user_code, code.verification_uri, code.message, self.holder, self._parent
        )
        dialog.setModal(True)
        dialog.show()
        try:
            session = await self.holder.worker.run(
                self.accounts.complete_device_flow, code, dialog.cancel
            )
        except AuthError as failure:
            if failure.category is Category.CANCELLED:
                self.message.emit(self.tr("Sign-in cancelled."))
                return None
            raise
        finally:
            dialog.cancel.set()
            dialog.close()
        return session

    async def _token_storage_agreed(self) -> bool:
        """Ask once, where no encrypted store exists, whether a private plain file may be used."""
        if self.settings.allow_plaintext_token_cache is not None:
            return True
        if await self.holder.worker.run(self.accounts.secure_store_available):
            return True
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("No secure credential store"),
            self.tr(
                "This computer has no encrypted credential store (keyring) that Partner Desk "
                "can use.\n\nKeep your sign-in in a file readable only by your user account, "
                "so you stay signed in next time? Choose No to keep it in memory and sign in "
                "each time."
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self._parent,
        )
        allowed = await run_dialog(box) == QMessageBox.StandardButton.Yes.value
        self.save_settings(replace(self.settings, allow_plaintext_token_cache=allowed))
        return True

    async def sign_out(self) -> None:
        await self.holder.worker.run(self.accounts.sign_out)
        self.save_settings(replace(self.settings, account=""))
        self.message.emit(self.tr("Signed out."))
        self.use_sandbox()

    def use_sandbox(self) -> None:
        if self.holder.session is not self.holder.sandbox:
            self.save_settings(replace(self.settings, cloud="sandbox"))
            self._switch(self.holder.sandbox)

    def _switch(self, session: Session) -> None:
        notes = [
            # a text of desktop.auth.errors (context "AuthError"), said once: the next
            # sign-ins go to the browser without a word
            QCoreApplication.translate("AuthError", session.sign_in_note),
            session.storage_note,
        ]
        if any(notes):
            self.message.emit(" ".join(note for note in notes if note))
        self.holder.switch(session)

    def save_settings(self, settings: Settings) -> None:
        """Use the new settings now; write them on the worker (fsync is not for the GUI)."""
        self.settings = settings
        self.accounts.settings = settings
        self.holder.worker.spawn(self._write(settings))

    async def _write(self, settings: Settings) -> None:
        try:
            await self.holder.worker.run(settings_store.save, settings)
        except OSError as error:
            self.message.emit(self.tr("Settings could not be saved: {0}").format(error))
