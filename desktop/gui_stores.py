"""The GUI's stores, opened on the worker at start-up: each from its file, or, when that file
cannot be used (a read-only or full disk, a folder that cannot be made), in memory for this
run, so that the window starts with what works (issue 18, defect 3).

The window then says so once, in a strip above its content (desktop.ui.widgets.unsaved_banner):
which file, why, and that drafts typed now last only until Partner Desk closes. A damaged file
is still set aside and started again (desktop.store.db); only what cannot be written at all
falls back to memory. A store locked by another program past the wait is not such a case: it
is said and the start stops (desktop.gui), as a second window would otherwise hide the first's
data.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from desktop.config import settings as settings_store
from desktop.config.paths import planned, reason
from desktop.config.settings import Settings
from desktop.store.db import BUSY, UNWRITABLE, DatabaseError, StoreError

if TYPE_CHECKING:  # each imported when opened: the drafts and tags after the first paint
    from desktop.store import Cache, DraftStore, Tags

log = logging.getLogger(__name__)

S = TypeVar("S", "DraftStore", "Tags", "Cache")


def unusable(what: str, path: Path, error: BaseException) -> StoreError | None:
    """The StoreError that makes `what` live in memory, or None when the error is not about
    writing (a lock held past the wait: raised as it is)."""
    if isinstance(error, StoreError):
        return None if error.problem == BUSY else error
    if isinstance(error, OSError):
        return StoreError(what, path, UNWRITABLE, reason(error))
    if isinstance(error, DatabaseError):
        from desktop.store.db import store_error

        found = store_error(what, path, error)
        return None if found.problem == BUSY else found
    return None


def _open(what: str, kind: str, name: str, make: Callable[..., S]) -> S:
    path = planned(kind) / name
    try:
        return make()
    except (StoreError, OSError, DatabaseError) as error:
        why = unusable(what, path, error)
        if why is None:
            raise
        log.warning("%s kept in memory for this run: %s", what, why)
        return make(unsaved=why)


def open_drafts() -> DraftStore:
    from desktop.store.drafts import DraftStore

    return _open("drafts", "data", "drafts.sqlite3", DraftStore)


def open_tags() -> Tags:
    from desktop.store.tags import Tags

    return _open("tags", "data", "tags.sqlite3", Tags)


def open_cache() -> Cache:
    from desktop.store.cache import Cache

    return _open("cache", "cache", "cache.sqlite3", Cache)


def load_settings() -> Settings:
    """The settings; the defaults when their folder cannot even be made (they are then not
    saved either: desktop.ui says so when the user changes one)."""
    try:
        return settings_store.load()
    except OSError as error:
        log.warning("settings not read: %s", reason(error))
        return Settings(problems=(f"the settings folder cannot be used ({reason(error)})",))


def sandbox_key() -> tuple[bytes, Path | None]:
    """The embedded sandbox's signing key and the folder its sign-ins are kept in; a key for
    this run only and no folder (sign-ins in memory) when the data folder cannot be written."""
    from desktop.auth.sandbox import signing_key

    folder = planned("data") / "sandbox"
    try:
        return signing_key(folder), folder
    except OSError as error:
        log.warning("the sandbox's key is not kept this run: %s", reason(error))
        return secrets.token_bytes(32), None


__all__ = ["load_settings", "open_cache", "open_drafts", "open_tags", "sandbox_key", "unusable"]
