"""Local SQLite storage (standard library, WAL). No Qt. Nothing outside this package touches
SQLite or a store's connection: callers use the stores' methods, and catch `StoreError` or
`DatabaseError`.

- `db`: opening a database file with a schema version; a corrupt or foreign file is set aside
  (renamed, never deleted) and a new one created, and the caller is told. A lock or a busy
  database (another Partner Desk) is waited for, never taken for damage; a file that cannot be
  opened or written raises `StoreError`.
- `drafts`: service-request drafts, saved as they are typed; precious, so in the data dir and in
  a file of their own, apart from anything that is only a cache.
- `cache` (with `codec`, how rows are encoded and read back, and `cache_writes`, its one write
  API, `CacheWriter.record`): last-known customers, health, issues, requests and portal links
  per source (account), for the dashboard and offline exports. Only a cache: rebuilt when
  damaged.
- `notices`: what the user was already told about (seen issues, notices given), in tables of its
  own in the cache's file (`Cache.notices`).
- `tags`: tags and favourites on customers; the user's own data, so in the data dir.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop.store.cache import (
        Cache,
        CacheEntry,
        CacheWriter,
        account_source,
        sandbox_source,
    )
    from desktop.store.db import DatabaseError, StoreError, StoreNotice, open_database
    from desktop.store.drafts import Draft, DraftStore, Filed
    from desktop.store.notices import Notice, NoticeStore
    from desktop.store.tags import Tags

# Each name is imported from its module when first asked for: `desktop.store.db` alone (the
# errors start-up catches) does not import the cache, the drafts, the tags and the domain
# types their rows become (15-24 ms before the first paint, docs/PERFORMANCE.md).
_MODULES = {
    "cache": ("Cache", "CacheEntry", "CacheWriter", "account_source", "sandbox_source"),
    "db": ("DatabaseError", "StoreError", "StoreNotice", "open_database"),
    "drafts": ("Draft", "DraftStore", "Filed"),
    "notices": ("Notice", "NoticeStore"),
    "tags": ("Tags",),
}
_WHERE = {name: module for module, names in _MODULES.items() for name in names}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


__all__ = [
    "Cache",
    "CacheEntry",
    "CacheWriter",
    "DatabaseError",
    "Draft",
    "DraftStore",
    "Filed",
    "Notice",
    "NoticeStore",
    "StoreError",
    "StoreNotice",
    "Tags",
    "account_source",
    "open_database",
    "sandbox_source",
]
