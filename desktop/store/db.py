"""Open a SQLite file with a schema version; set aside what cannot be used. No Qt.

WAL journal with `synchronous=NORMAL`: a commit survives a killed process (the WAL is on disk
before `commit()` returns); only a power cut may lose the last commits, which for drafts typed a
second ago is the accepted trade for commits that take well under a millisecond.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class StoreNotice:
    """Something the user should hear about once (e.g. a file that had to be rebuilt)."""

    message: str
    set_aside: Path | None = None


def _connect(path: Path) -> sqlite3.Connection:
    # One connection shared by the worker threads, serialised by the caller's lock.
    connection = sqlite3.connect(path, timeout=5.0, check_same_thread=False, isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=NORMAL")
    connection.execute("PRAGMA foreign_keys=ON")
    return connection


def open_database(
    path: Path,
    version: int,
    create: Callable[[sqlite3.Connection], None],
    what: str,
    *,
    check: bool = True,
) -> tuple[sqlite3.Connection, StoreNotice | None]:
    """The database at `path` at schema `version`, created by `create` when new.

    A file that is not SQLite, fails its integrity check or has another schema version is
    renamed to `<name>.<unix time>.bad` (kept for support) and replaced by a fresh one.
    `check=False` skips the integrity check (it reads the whole file): the caller runs it
    later, off the start-up path (`Cache.verify`).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    notice: StoreNotice | None = None
    connection: sqlite3.Connection | None = None
    try:
        connection = _connect(path)
        current = connection.execute("PRAGMA user_version").fetchone()[0]
        if check:
            result = connection.execute("PRAGMA quick_check").fetchone()[0]
            if result != "ok":
                raise sqlite3.DatabaseError(f"integrity check: {result}")
        if current == version:
            return connection, None
        tables = connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if current == 0 and tables == 0:
            _create(connection, version, create)
            return connection, None
        connection.close()
        reason = f"it was written by another version of Partner Desk (schema {current})"
    except sqlite3.DatabaseError as error:
        log.warning("%s at %s unusable: %s", what, path, error)
        reason = "it was damaged"
        if connection is not None:
            with contextlib.suppress(sqlite3.Error):
                connection.close()
    aside = path.with_name(f"{path.name}.{int(time.time())}.bad")
    for suffix in ("", "-wal", "-shm"):
        source = Path(f"{path}{suffix}")
        if source.exists():
            source.replace(Path(f"{aside}{suffix}"))
    notice = StoreNotice(
        f"The {what} file could not be used because {reason}; a new one was started. "
        f"The old file was kept as {aside.name}.",
        aside,
    )
    connection = _connect(path)
    _create(connection, version, create)
    return connection, notice


def _create(
    connection: sqlite3.Connection, version: int, create: Callable[[sqlite3.Connection], None]
) -> None:
    connection.execute("BEGIN")
    create(connection)
    connection.execute(f"PRAGMA user_version={int(version)}")
    connection.execute("COMMIT")
