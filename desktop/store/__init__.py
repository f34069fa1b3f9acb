"""Local SQLite storage (standard library, WAL). No Qt.

- `db`: opening a database file with a schema version; a corrupt or foreign file is set aside
  (renamed, never deleted) and a new one created, and the caller is told.
- `drafts`: service-request drafts, saved as they are typed; precious, so in the data dir and in
  a file of their own, apart from anything that is only a cache.
"""

from desktop.store.db import StoreNotice, open_database
from desktop.store.drafts import Draft, DraftStore

__all__ = ["Draft", "DraftStore", "StoreNotice", "open_database"]
