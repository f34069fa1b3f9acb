"""The UI's door to sign-in: sessions, the token cache at rest, restore and sign-out."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys

import pytest
from msal_extensions import FilePersistence

from desktop.auth import AuthError
from desktop.auth.cache import Protection, open_token_cache
from desktop.config.settings import Settings
from desktop.services.accounts import Accounts
from tests.auth.fake_entra import CLIENT_ID, USERNAME


def settings(**kwargs) -> Settings:
    return Settings(cloud="global", client_id=CLIENT_ID, **kwargs)


def test_interactive_sign_in_gives_a_session(tmp_path, http, browser):
    accounts = Accounts(settings(allow_plaintext_token_cache=False), tmp_path, http)
    session = accounts.sign_in_interactive("global", CLIENT_ID, "organizations")
    assert session.mode == "global"
    assert session.account == USERNAME
    assert session.backend.cloud.partner_center == "https://api.partnercenter.microsoft.com"
    # No keyring on this machine and no permission for a file: memory only, and it says so.
    assert "memory" in session.storage_note


def test_plaintext_cache_is_private_and_restores_the_next_session(tmp_path, http, browser):
    allowed = settings(allow_plaintext_token_cache=True, account=USERNAME)
    first = Accounts(allowed, tmp_path, http)
    session = first.sign_in_interactive("global", CLIENT_ID, "organizations")
    assert "UNENCRYPTED" in session.storage_note
    files = list(tmp_path.glob("token_cache.json"))
    assert len(files) == 1
    if os.name == "posix":
        assert stat.S_IMODE(files[0].stat().st_mode) == 0o600
        assert stat.S_IMODE(tmp_path.stat().st_mode) & 0o077 == 0
    # The next start: silent, no browser.
    second = Accounts(allowed, tmp_path, http)
    restored = second.restore()
    assert restored is not None
    assert restored.account == USERNAME
    assert len(browser.opened) == 1
    # Sign out empties the cache on disk too.
    second.sign_out()
    assert Accounts(allowed, tmp_path, http).restore() is None
    cache = json.loads(files[0].read_text() or "{}")
    assert not cache.get("RefreshToken")
    assert not cache.get("AccessToken")


def test_restore_needs_a_saved_account(tmp_path, http):
    assert Accounts(Settings(), tmp_path, http).restore() is None  # the sandbox
    assert Accounts(settings(), tmp_path, http).restore() is None  # no account yet


def test_germany_explains_itself(tmp_path, http):
    with pytest.raises(AuthError) as caught:
        Accounts(settings(), tmp_path, http).start_device_flow("germany", CLIENT_ID, "")
    assert caught.value.code == "closed_cloud"


class _WorkingStore(FilePersistence):  # stands in for DPAPI / Keychain / libsecret
    is_encrypted = True


def test_an_encrypted_store_is_used_without_asking(tmp_path):
    asked: list[bool] = []
    cache = open_token_cache(
        tmp_path, lambda: asked.append(True) or True, lambda p: _WorkingStore(str(p))
    )
    assert cache.protection is Protection.ENCRYPTED
    assert asked == []


def test_without_a_store_the_user_is_asked_once(tmp_path):
    asked: list[bool] = []

    def broken(_path):
        raise ImportError("no module named gi")  # libsecret bindings missing

    memory = open_token_cache(tmp_path, lambda: asked.append(True) or False, broken)
    assert memory.protection is Protection.MEMORY
    assert asked == [True]
    assert not list(tmp_path.iterdir())  # nothing written when the user said no


def test_msal_is_not_imported_at_start_up():
    code = (
        "import sys, desktop.gui, desktop.ui.main_window, desktop.services.accounts,"
        " desktop.config.settings\n"
        "assert 'msal' not in sys.modules, 'msal imported at start-up'\n"
        "assert 'msal_extensions' not in sys.modules\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    subprocess.run([sys.executable, "-c", code], check=True, env=env, timeout=60)


def test_a_signed_in_backend_speaks_the_ui_language(tmp_path, http, browser):
    accounts = Accounts(settings(allow_plaintext_token_cache=False), tmp_path, http, "zh-TW")
    session = accounts.sign_in_interactive("global", CLIENT_ID, "organizations")
    # HttpSession sends it as X-Locale (tests/i18n/test_locale_header.py watches the wire).
    assert session.backend.session.locale == "zh-TW"
