"""The token cache at rest while a sweep's threads acquire tokens for many tenants at once.

msal-extensions' PersistedTokenCache reloads the file before every search, without a lock
(optimistic, for other processes), and FilePersistence.save() truncates the file before it
writes it. A thread that searches in that instant reads an empty cache, finds no refresh
token, and the customer's call fails with "You are not signed in." It happened in
tests/test_secrets_flow.py about one run in three with four customers in flight.
"""

from __future__ import annotations

import time
from pathlib import Path

from desktop.auth.cache import open_token_cache
from desktop.config.settings import Settings
from desktop.services.accounts import Accounts
from tests.auth.fake_entra import CLIENT_ID, FakeBrowser, LoopbackHttp

GRAPH = "https://graph.microsoft.com/.default"
CUSTOMER = "3f2f1c2e-1111-4222-8333-444455556666"


def test_a_token_search_during_another_threads_save_still_finds_the_account(
    tmp_path: Path, http: LoopbackHttp, browser: FakeBrowser
) -> None:
    settings = Settings(cloud="global", client_id=CLIENT_ID, allow_plaintext_token_cache=True)
    accounts = Accounts(settings, tmp_path, http)
    tokens = accounts.sign_in_interactive("global", CLIENT_ID, "organizations").backend.tokens
    cache_file = tmp_path / "token_cache.json"
    assert cache_file.stat().st_size > 0
    time.sleep(0.05)  # a later modification time, as a save in progress has
    cache_file.write_text("")  # the instant between another thread's truncate and write
    assert tokens.token(GRAPH, CUSTOMER)


def test_a_lock_file_left_by_a_crashed_copy_does_not_stop_the_cache_being_written(
    tmp_path: Path,
) -> None:
    # Without portalocker msal-extensions locks with a plain file: one left by a copy that
    # crashed while writing made every later write fail ("remove the stale lock file"), so
    # the partner signed in again at every start (issue 20).
    def no_keyring(_location: Path) -> object:
        raise OSError("no keyring here")

    at_rest = open_token_cache(tmp_path, lambda: True, no_keyring)
    cache = at_rest.cache
    Path(cache._lock_location).write_text("4242 partner-desk")  # its owner is gone
    cache.add(
        {
            "client_id": CLIENT_ID,
            "scope": [GRAPH],
            "token_endpoint": "https://login.microsoftonline.com/common/oauth2/v2.0/token",
            "response": {"access_token": "at", "expires_in": 3600, "token_type": "Bearer"},
        }
    )
    cache.flush()
    assert at_rest.location is not None
    assert "AccessToken" in at_rest.location.read_text()
