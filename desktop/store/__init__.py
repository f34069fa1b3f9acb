"""Local SQLite storage (standard library, WAL). No Qt.

- `db`: opening a database file with a schema version; a corrupt or foreign file is set aside
  (renamed, never deleted) and a new one created, and the caller is told. A lock or a busy
  database (another Partner Desk) is waited for, never taken for damage; a file that cannot be
  opened or written raises `StoreError`.
- `drafts`: service-request drafts, saved as they are typed; precious, so in the data dir and in
  a file of their own, apart from anything that is only a cache.
- `cache` (with `codec`, how rows are encoded and read back, and `cache_writes`, batched
  writes): last-known customers, health, issues, requests and portal links per source (account),
  for the dashboard and offline exports; also what the user was already told (notices). Only a
  cache: rebuilt when damaged.
- `tags`: tags and favourites on customers; the user's own data, so in the data dir.
"""

from desktop.store.cache import Cache, CacheEntry, CacheWriter, account_source, sandbox_source
from desktop.store.db import StoreError, StoreNotice, open_database
from desktop.store.drafts import Draft, DraftStore, Filed
from desktop.store.tags import Tags

__all__ = [
    "Cache",
    "CacheEntry",
    "CacheWriter",
    "Draft",
    "DraftStore",
    "Filed",
    "StoreError",
    "StoreNotice",
    "Tags",
    "account_source",
    "open_database",
    "sandbox_source",
]
