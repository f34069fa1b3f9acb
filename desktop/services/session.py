"""What the app works on while one account (or the sandbox) is in use. No Qt.

A `Session` is frozen: switching accounts makes a new one (desktop.qt.session.SessionHolder),
so whoever holds a session holds one consistent set of backend, source and stores.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the window's frame imports this before the network clients are needed
    from desktop.config.clouds import CloudProfile
    from desktop.services.backend import Backend
    from desktop.store import DraftStore
    from desktop.store.cache import Cache
    from desktop.store.tags import Tags


@dataclass(frozen=True)
class Session:
    backend: Backend
    mode: str = "sandbox"  # "sandbox", "external sandbox" or a cloud id
    account: str = ""
    storage_note: str = ""  # where the sign-in is kept, when that deserves a word
    # How this sign-in went, when the user should know (the browser instead of the Windows
    # broker): a text of desktop.auth.errors, translated where shown.
    sign_in_note: str = ""
    source: str = ""  # the cache's key for this partner in this cloud
    # Last-known data, so the window opens on something at once; None where not needed.
    cache: Cache | None = None
    # Service-request drafts; None in tests that file no requests.
    drafts: DraftStore | None = None
    # Favourites and tags (local, per machine); None in tests that do not need them.
    tags: Tags | None = None
    # --offline: the backend reads the cache alone; nothing is swept or written back.
    offline: bool = False

    @property
    def cloud(self) -> CloudProfile:
        return self.backend.cloud

    @property
    def writes_cache(self) -> bool:
        """Whether answers are kept in the cache (there is one, and this is not --offline)."""
        return self.cache is not None and bool(self.source) and not self.offline

    def with_stores_of(self, other: Session) -> Session:
        """This sign-in with `other`'s local stores: the stores are the machine's, not the
        account's (the cache keeps accounts apart by `source`)."""
        if (self.cache, self.drafts, self.tags, self.offline) == (
            other.cache,
            other.drafts,
            other.tags,
            other.offline,
        ):
            return self
        return replace(
            self, cache=other.cache, drafts=other.drafts, tags=other.tags, offline=other.offline
        )
