"""The token cache at rest, via msal-extensions. No Qt.

msal-extensions stores MSAL's cache encrypted with the operating system's store: DPAPI on
Windows, the Keychain on macOS, libsecret on Linux, behind a file lock so two app instances share
it safely. Where no encrypted store works (a Linux box without a keyring), the user is asked once
(`allow_plaintext`) before a plain file readable only by them (0600) is used; declining keeps the
tokens in memory for this session only. `CacheAtRest.description` says which, for the status bar.
"""

from __future__ import annotations

import logging
import os
import stat
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


class Protection(Enum):
    ENCRYPTED = "encrypted"
    PLAINTEXT = "plaintext"
    MEMORY = "memory"


@dataclass
class CacheAtRest:
    cache: Any  # an msal.SerializableTokenCache (PersistedTokenCache when on disk)
    protection: Protection
    location: Path | None

    @property
    def description(self) -> str:
        if self.protection is Protection.ENCRYPTED:
            return "Sign-in kept encrypted by the system's credential store."
        if self.protection is Protection.PLAINTEXT:
            return (
                "Sign-in kept UNENCRYPTED (no credential store found): readable only by your "
                f"user account, at {self.location}."
            )
        return "Sign-in kept in memory only: you will sign in again next time."


def _encrypted(location: Path) -> Any:
    from msal_extensions import build_encrypted_persistence

    return build_encrypted_persistence(str(location))


def _private_file(location: Path) -> Any:
    """A plain-file persistence whose file is 0600 even if it existed with looser rights."""
    from msal_extensions import FilePersistence

    class PrivateFilePersistence(FilePersistence):  # type: ignore[misc]
        def save(self, content: str) -> None:
            super().save(content)
            os.chmod(self.get_location(), stat.S_IRUSR | stat.S_IWUSR)

    location.parent.mkdir(parents=True, exist_ok=True)
    if os.name == "posix":
        os.chmod(location.parent, stat.S_IRWXU)
    if location.exists():
        os.chmod(location, stat.S_IRUSR | stat.S_IWUSR)
    return PrivateFilePersistence(str(location))


# How long the token cache must go unchanged before it is written. A sweep acquires a token
# per customer, and MSAL changes the cache several times for each (access token, rotated
# refresh token, account, id token), and each write re-serialises (and re-encrypts) the whole
# cache holding the GIL: written through, a sweep became O(n²) in writes, and even once a
# second it made the dashboard's worst stall. So it is written once a sweep is over, when the
# app closes, and at once after a sign-in or sign-out.
FLUSH_DELAY_S = 20.0


def _steady_cache(persistence: Any, flush_delay_s: float = FLUSH_DELAY_S) -> Any:
    """msal-extensions' PersistedTokenCache, made safe for a sweep's threads and written
    behind (`flush`) rather than on every change.

    It reloads the file before every search without a lock (optimistic, for other processes),
    and a file save truncates before it writes: a search in that instant read an empty cache,
    found no account, and the customer failed with "You are not signed in" (about one run in
    three with four customers in flight; tests/faults/test_token_cache_race.py). Here msal's
    lock serialises this process's searches and writes, and an empty read (another process's
    save half done) keeps the tokens already in memory; the next search reads the file again.
    While changes wait to be written, the file is not read back over them.
    """
    from msal import SerializableTokenCache
    from msal_extensions import PersistedTokenCache
    from msal_extensions.persistence import PersistenceNotFound
    from msal_extensions.token_cache import CrossPlatLock

    class SteadyTokenCache(PersistedTokenCache):  # type: ignore[misc]
        _last_sync: float  # PersistedTokenCache's: when the file was last read
        _lock_location: str

        def __init__(self, persistence: Any) -> None:
            super().__init__(persistence)
            # msal's own lock (an RLock that TokenCache.add holds while it calls modify): a
            # lock of our own taken in the other order deadlocked two threads at sign-in.
            self._guard = self._lock
            self._dirty = False
            self._timer: threading.Timer | None = None
            self._changed = 0.0  # when the cache last changed (monotonic)

        def _reload_if_necessary(self) -> None:
            if self._dirty:
                return  # what is in memory is newer than the file: it is written next
            try:
                if self._last_sync < self._persistence.time_last_modified():
                    content = self._persistence.load()
                    if not content or not content.strip():
                        return  # a save in progress: keep what we have, read it next time
                    self.deserialize(content)
                    self._last_sync = time.time()
            except PersistenceNotFound:
                pass

        def modify(self, *args: Any, **kwargs: Any) -> None:
            with self._guard:
                self._reload_if_necessary()
                SerializableTokenCache.modify(self, *args, **kwargs)  # memory only
                self._dirty = True
                self._changed = time.monotonic()
                if self._timer is None:
                    self._arm(flush_delay_s)

        def search(self, *args: Any, **kwargs: Any) -> Any:
            with self._guard:
                return super().search(*args, **kwargs)

        def _arm(self, delay: float) -> None:
            self._timer = threading.Timer(delay, self._quiet)
            self._timer.daemon = True
            self._timer.start()

        def _quiet(self) -> None:
            """The timer: write once nothing has changed for `flush_delay_s`."""
            with self._guard:
                self._timer = None
                left = self._changed + flush_delay_s - time.monotonic()
                if left > 0:  # still changing (a sweep): look again when it may be over
                    self._arm(left)
                    return
            self.flush()

        def flush(self) -> None:
            """Write what changed now (sign-in, sign-out, closing)."""
            with self._guard:
                if self._timer is not None:
                    self._timer.cancel()
                    self._timer = None
                if not self._dirty:
                    return
                content = self.serialize()
                self._dirty = False
            try:
                with CrossPlatLock(self._lock_location):
                    self._persistence.save(content)
                self._last_sync = time.time()
            except Exception as error:  # a full disk, a locked keychain: tokens stay in memory
                log.warning("the token cache could not be written: %s", type(error).__name__)
                with self._guard:
                    self._dirty = True

    return SteadyTokenCache(persistence)


def open_token_cache(
    directory: Path,
    allow_plaintext: Callable[[], bool],
    encrypted_persistence: Callable[[Path], Any] = _encrypted,
) -> CacheAtRest:
    """The best token cache this machine allows. `allow_plaintext` is asked at most once here.

    `encrypted_persistence` is the OS store; tests pass one that fails like a keyring-less Linux.
    """
    import msal
    from msal_extensions.persistence import PersistenceDecryptionError, PersistenceNotFound

    location = directory / "token_cache.bin"
    try:
        persistence = encrypted_persistence(location)
        # Probe now, not at the first sign-in: libsecret without a running keyring, a locked
        # Keychain, ... only fail when the store is used.
        try:
            persistence.load()
        except PersistenceNotFound:
            persistence.save("{}")
        except PersistenceDecryptionError:
            log.warning("the token cache could not be decrypted; starting a new one")
            persistence.save("{}")
        return CacheAtRest(_steady_cache(persistence), Protection.ENCRYPTED, location)
    except Exception as error:  # ImportError (no gi), PersistenceError, OSError, ...
        log.warning("no encrypted token store: %s", type(error).__name__)
    if allow_plaintext():
        location = directory / "token_cache.json"
        try:
            persisted = _private_file(location)
        except OSError as error:  # a data folder that cannot be written: memory, this run
            log.warning("the token cache cannot be kept: %s", error.strerror or error)
        else:
            return CacheAtRest(_steady_cache(persisted), Protection.PLAINTEXT, location)
    return CacheAtRest(msal.SerializableTokenCache(), Protection.MEMORY, None)
