"""The account menu's sign-in, driven like a user against a loopback Entra (MSAL unchanged).

Sessions for real clouds point at Microsoft's hosts, so these tests record them instead of
giving them to a window (no test reaches the internet).
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.config import settings as settings_store
from desktop.config.settings import Settings
from desktop.qt.session import SessionHolder
from desktop.services.accounts import Accounts, Session
from desktop.ui.dialogs.account import AccountController, DeviceCodeDialog, SignInDialog
from tests.auth.fake_entra import CLIENT_ID, USERNAME


def controller(qtbot, holder: SessionHolder, tmp_path, http, **settings) -> AccountController:
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    start = Settings(**settings)
    return AccountController(holder, start, parent, Accounts(start, tmp_path, http))


def top(kind: type) -> object | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, kind) and widget.isVisible():
            return widget
    return None


def test_browser_sign_in_switches_the_session_and_saves_it(qtbot, holder, tmp_path, http, browser):
    accounts = controller(qtbot, holder, tmp_path, http)
    sessions: list[Session] = []
    holder.changed.connect(sessions.append)
    task = holder.worker.spawn(accounts.sign_in())
    qtbot.waitUntil(lambda: top(SignInDialog) is not None, timeout=5000)
    dialog = top(SignInDialog)
    assert isinstance(dialog, SignInDialog)
    assert dialog.help.isVisibleTo(dialog)  # first run: how to register the app
    assert not dialog.browser_button.isEnabled()
    dialog.client_id.setText("not a guid")
    assert not dialog.browser_button.isEnabled()
    dialog.client_id.setText(CLIENT_ID)
    assert dialog.browser_button.isEnabled()
    dialog.browser_button.click()
    # No keyring on this machine: the user is asked once about a private file.
    qtbot.waitUntil(lambda: top(QMessageBox) is not None, timeout=10000)
    box = top(QMessageBox)
    assert isinstance(box, QMessageBox)
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: bool(sessions), timeout=20000)
    qtbot.waitUntil(task.done, timeout=5000)
    assert task.exception() is None
    assert sessions[0].account == USERNAME
    assert sessions[0].mode == "global"
    assert holder.session is sessions[0]
    qtbot.waitUntil(lambda: settings_store.load().account == USERNAME, timeout=5000)
    saved = settings_store.load()
    assert (saved.cloud, saved.client_id, saved.allow_plaintext_token_cache) == (
        "global",
        CLIENT_ID,
        True,
    )


def test_a_failed_sign_in_reopens_the_dialog_with_the_reason(
    qtbot, holder, tmp_path, http, browser, entra
):
    entra.state.authorize_error = ("access_denied", "AADSTS65004: User declined to consent.")
    accounts = controller(
        qtbot, holder, tmp_path, http, client_id=CLIENT_ID, allow_plaintext_token_cache=False
    )
    sessions: list[Session] = []
    holder.changed.connect(sessions.append)
    task = holder.worker.spawn(accounts.sign_in())
    qtbot.waitUntil(lambda: top(SignInDialog) is not None, timeout=5000)
    first = top(SignInDialog)
    assert isinstance(first, SignInDialog)
    first.browser_button.click()
    qtbot.waitUntil(
        lambda: isinstance(top(SignInDialog), SignInDialog) and top(SignInDialog) is not first,
        timeout=20000,
    )
    again = top(SignInDialog)
    assert isinstance(again, SignInDialog)
    assert "declined" in again.findChild(type(again.note), "signInError").text()
    again.reject()
    qtbot.waitUntil(task.done, timeout=5000)
    assert sessions == []
    assert holder.session is holder.sandbox  # the app's state is untouched


def test_device_code_sign_in_shows_a_copyable_code(qtbot, holder, tmp_path, http, entra):
    entra.state.device_polls_before_ok = 2
    accounts = controller(
        qtbot, holder, tmp_path, http, client_id=CLIENT_ID, allow_plaintext_token_cache=False
    )
    sessions: list[Session] = []
    holder.changed.connect(sessions.append)
    holder.worker.spawn(accounts.sign_in())
    qtbot.waitUntil(lambda: top(SignInDialog) is not None, timeout=5000)
    dialog = top(SignInDialog)
    assert isinstance(dialog, SignInDialog)
    dialog.device_button.click()
    qtbot.waitUntil(lambda: top(DeviceCodeDialog) is not None, timeout=10000)
    code = top(DeviceCodeDialog)
    assert isinstance(code, DeviceCodeDialog)
    assert code.code.text() == "FAKE-CODE"
    assert code.code.isReadOnly()
    qtbot.waitUntil(lambda: bool(sessions), timeout=20000)
    assert sessions[0].account == USERNAME
    assert top(DeviceCodeDialog) is None  # closed once signed in


def test_sign_out_returns_to_the_sandbox(qtbot, holder, tmp_path, http, browser):
    accounts = controller(
        qtbot, holder, tmp_path, http, client_id=CLIENT_ID, allow_plaintext_token_cache=False
    )
    sessions: list[Session] = []
    holder.changed.connect(sessions.append)
    holder.worker.spawn(accounts.sign_in())
    qtbot.waitUntil(lambda: top(SignInDialog) is not None, timeout=5000)
    dialog = top(SignInDialog)
    assert isinstance(dialog, SignInDialog)
    dialog.browser_button.click()
    qtbot.waitUntil(lambda: len(sessions) == 1, timeout=20000)
    task = holder.worker.spawn(accounts.sign_out())
    qtbot.waitUntil(task.done, timeout=5000)
    assert sessions[-1] is holder.sandbox
    assert accounts.accounts.restore() is None


def test_the_language_menu_saves_the_choice_for_the_next_start(qtbot, holder, tmp_path, http):
    accounts = controller(qtbot, holder, tmp_path, http, language="")
    messages: list[str] = []
    accounts.message.connect(messages.append)
    accounts._rebuild()
    languages = next(
        a.menu()
        for a in accounts.menu.actions()
        if a.menu() is not None and a.menu().title() == "&Language"
    )
    names = [a.text() for a in languages.actions()]
    assert names == ["System default", "English", "Deutsch", "繁體中文（台灣）"]
    assert [a.isChecked() for a in languages.actions()] == [True, False, False, False]
    languages.actions()[2].trigger()
    assert accounts.settings.language == "de"
    assert "starts again" in messages[-1]
    qtbot.waitUntil(lambda: settings_store.load().language == "de", timeout=5000)


def test_the_browser_instead_of_the_broker_is_said_once(
    qtbot, holder, tmp_path, http, browser, monkeypatch
):
    """A broker that refuses the app registration: the browser signs in, and the status bar
    says why, naming the broker's redirect URI (the dialog's help lists it too)."""
    from tests.auth.fake_broker import FakeBroker

    fake = FakeBroker().install(monkeypatch)
    accounts = controller(
        qtbot, holder, tmp_path, http, allow_plaintext_token_cache=False, use_windows_broker=True
    )
    said: list[str] = []
    accounts.message.connect(said.append)
    sessions: list[Session] = []
    holder.changed.connect(sessions.append)
    task = holder.worker.spawn(accounts.sign_in())
    qtbot.waitUntil(lambda: top(SignInDialog) is not None, timeout=5000)
    dialog = top(SignInDialog)
    assert isinstance(dialog, SignInDialog)
    assert "ms-appx-web://Microsoft.AAD.BrokerPlugin/" in dialog.help.text()
    dialog.client_id.setText(CLIENT_ID)
    dialog.browser_button.click()
    qtbot.waitUntil(lambda: bool(sessions), timeout=20000)
    qtbot.waitUntil(task.done, timeout=5000)
    assert task.exception() is None
    assert len(fake.sign_ins) == 1
    assert len(browser.opened) == 1
    notes = [text for text in said if "Windows account broker" in text]
    assert len(notes) == 1
    assert "ms-appx-web://Microsoft.AAD.BrokerPlugin/" in notes[0]
