"""Tags and favourites on customers: the user's own data, kept apart from the cache. No Qt.

They live in the data dir in a file of their own, not in the cache: the cache may be set aside
and rebuilt at any time (a damaged file, a new schema, the OS clearing cache dirs), and what the
user typed must survive that. Customers are keyed by tenant id alone, which is globally unique,
so a tag follows the customer whichever account or cloud profile shows it.

Tags compare without regard to case ("VIP" and "vip" are one tag) and keep the spelling they were
first given; tenant ids compare without regard to case too and come back as first stored.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

from desktop.config.paths import data_dir
from desktop.store.db import StoreError, open_database, open_memory

SCHEMA_VERSION = 1


def _create(connection: sqlite3.Connection) -> None:
    connection.execute(
        "CREATE TABLE IF NOT EXISTS tags "
        "(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE COLLATE NOCASE)"
    )
    connection.execute(
        """CREATE TABLE IF NOT EXISTS customer_tags (
            tenant_id TEXT NOT NULL COLLATE NOCASE,
            tag_id INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
            added REAL NOT NULL,
            PRIMARY KEY (tenant_id, tag_id)
        )"""
    )
    connection.execute("CREATE INDEX IF NOT EXISTS customer_tags_by_tag ON customer_tags (tag_id)")
    connection.execute(
        """CREATE TABLE IF NOT EXISTS favourites (
            tenant_id TEXT NOT NULL PRIMARY KEY COLLATE NOCASE,
            added REAL NOT NULL
        )"""
    )


def _clean(tag: str) -> str:
    name = " ".join(tag.split())
    if not name:
        raise ValueError("a tag needs some text")
    return name


class Tags:
    """Thread-safe: one connection, one lock. Every change is committed on return."""

    def __init__(self, path: Path | None = None, *, unsaved: StoreError | None = None) -> None:
        """The tags file at `path` (default: in the data folder); with `unsaved` (why that
        file cannot be used), tags live in memory for this run instead."""
        self.unsaved = unsaved
        if unsaved is not None:
            self.path = path or unsaved.path
            self._db, self.notice = open_memory(SCHEMA_VERSION, _create, self.path), None
        else:
            self.path = path or data_dir() / "tags.sqlite3"
            self._db, self.notice = open_database(self.path, SCHEMA_VERSION, _create, "tags")
        self._lock = threading.Lock()

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def add(self, tenant_id: str, tag: str) -> None:
        """Tag a customer; surrounding and repeated spaces are dropped. ValueError if empty."""
        name = _clean(tag)
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                self._db.execute("INSERT OR IGNORE INTO tags (name) VALUES (?)", (name,))
                self._db.execute(
                    """INSERT OR IGNORE INTO customer_tags (tenant_id, tag_id, added)
                       SELECT ?, id, ? FROM tags WHERE name = ?""",
                    (tenant_id, time.time(), name),
                )
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def remove(self, tenant_id: str, tag: str) -> None:
        """Untag a customer; a tag no customer carries any more is forgotten."""
        name = " ".join(tag.split())
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                self._db.execute(
                    """DELETE FROM customer_tags WHERE tenant_id = ?
                       AND tag_id = (SELECT id FROM tags WHERE name = ?)""",
                    (tenant_id, name),
                )
                self._db.execute(
                    "DELETE FROM tags WHERE id NOT IN (SELECT tag_id FROM customer_tags)"
                )
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def tags(self, tenant_id: str) -> set[str]:
        return self._column(
            """SELECT t.name FROM customer_tags c JOIN tags t ON t.id = c.tag_id
               WHERE c.tenant_id = ?""",
            (tenant_id,),
        )

    def tenants(self, tag: str) -> set[str]:
        return self._column(
            """SELECT c.tenant_id FROM customer_tags c JOIN tags t ON t.id = c.tag_id
               WHERE t.name = ?""",
            (" ".join(tag.split()),),
        )

    def all_tags(self) -> dict[str, int]:
        """Every tag in use and how many customers carry it."""
        with self._lock:
            rows = self._db.execute(
                """SELECT t.name, count(*) FROM tags t JOIN customer_tags c ON c.tag_id = t.id
                   GROUP BY t.id ORDER BY t.name COLLATE NOCASE"""
            ).fetchall()
        return dict(rows)

    def set_favourite(self, tenant_id: str, favourite: bool) -> None:
        with self._lock:
            if favourite:
                self._db.execute(
                    "INSERT OR IGNORE INTO favourites (tenant_id, added) VALUES (?, ?)",
                    (tenant_id, time.time()),
                )
            else:
                self._db.execute("DELETE FROM favourites WHERE tenant_id = ?", (tenant_id,))

    def is_favourite(self, tenant_id: str) -> bool:
        return bool(
            self._column("SELECT tenant_id FROM favourites WHERE tenant_id = ?", (tenant_id,))
        )

    def favourites(self) -> set[str]:
        return self._column("SELECT tenant_id FROM favourites", ())

    def _column(self, query: str, args: tuple[str, ...]) -> set[str]:
        with self._lock:
            return {row[0] for row in self._db.execute(query, args).fetchall()}
