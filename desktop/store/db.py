"""Open a SQLite file with a schema version; set aside only what is really damaged. No Qt.

WAL journal with `synchronous=NORMAL`: a commit survives a killed process (the WAL is on disk
before `commit()` returns); only a power cut may lose the last commits, which for drafts typed a
second ago is the accepted trade for commits that take well under a millisecond.

Two Partner Desks (two windows; a window and `partner-desk request new`) share these files, and
a lock, a busy database or two processes creating the tables at once is not damage:

- a statement that finds the database busy or locked waits (SQLite's busy timeout), and one
  outside a transaction (a BEGIN among them) is then tried again with back-off, up to a budget;
- a file is checked for its version, created or upgraded under one write lock (BEGIN
  IMMEDIATE: the migration lock) with `CREATE ... IF NOT EXISTS`, so the second process finds
  the first one's tables instead of failing on them;
- only a file SQLite calls corrupt or "not a database", or whose `quick_check` fails, or that a
  foreign schema version fills, is set aside (renamed, never deleted) and started again, and the
  user is told (`StoreNotice`);
- anything else (still busy after the budget, a folder or file that cannot be written, a full
  disk) raises `StoreError` with one readable sentence, and the file stays as it is.
"""

from __future__ import annotations

import contextlib
import logging
import os
import random
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, TypeVar

from desktop.config.paths import PRIVATE_DIR, cannot_write, folder_of, private_file, reason, tighten

log = logging.getLogger(__name__)

T = TypeVar("T")

# How long one statement waits for another connection's lock inside SQLite (its busy handler).
# Writes here commit in well under a millisecond, a cache batch in a few: 5 s is ample headroom
# for a loaded machine, and short enough to try again (below) before a user would notice.
BUSY_TIMEOUT_S: Final = 5.0
# How long a statement keeps trying, busy timeouts and back-off together, before the store says
# it is locked by another program. SQLite gives up without waiting in a few cases (a WAL being
# recovered, two readers upgrading to writers at once: 20 first starts at once met them); 30 s
# outlasts any lock another Partner Desk holds for its work, and is still a bounded wait.
BUSY_BUDGET_S: Final = 30.0
BUSY_BACKOFF_FIRST_S: Final = 0.02  # the first pause between tries, doubled each time ...
BUSY_BACKOFF_CAP_S: Final = 1.0  # ... up to this

# SQLite's primary result codes (the low byte of an extended code).
_BUSY, _LOCKED = 5, 6
_CORRUPT, _NOTADB = 11, 26
_PERM, _READONLY, _CANTOPEN, _AUTH = 3, 8, 14, 23
_FULL = 13

# Problems a StoreError names (the window words each in its own language).
BUSY, UNWRITABLE, FAILED = "busy", "unwritable", "failed"


# SQLite's own errors as a store lets them through (a write that failed, a lock held past the
# budget): the layers above catch this name and never import sqlite3 themselves.
DatabaseError = sqlite3.Error


@dataclass(frozen=True)
class StoreNotice:
    """Something the user should hear about once (e.g. a file that had to be rebuilt)."""

    message: str
    set_aside: Path | None = None


class StoreError(Exception):
    """A store that cannot be opened or written, for a reason other than damage: the file was
    left as it is. `str()` is one readable sentence; `problem` is BUSY, UNWRITABLE or FAILED,
    `why` the system's words."""

    def __init__(self, what: str, path: Path, problem: str, why: str = "") -> None:
        self.what = what
        self.path = path
        self.problem = problem
        self.why = why
        if problem == BUSY:
            text = (
                f"The {what} file {path} is locked by another program (another Partner Desk?) "
                f"and stayed locked for {BUSY_BUDGET_S:.0f} s. Close that program, then try again."
            )
        elif problem == UNWRITABLE:
            text = (
                f"The {what} file {path} cannot be written ({why}). Make its folder "
                f"{path.parent} writable for your user account, then try again."
            )
        else:
            text = f"The {what} file {path} cannot be used ({why})."
        super().__init__(text)


def _code(error: sqlite3.Error) -> int | None:
    code = getattr(error, "sqlite_errorcode", None)  # Python 3.11+
    return None if code is None else int(code) & 0xFF


def is_busy(error: sqlite3.Error) -> bool:
    """A lock held by another connection: wait and try again, never set the file aside."""
    code = _code(error)
    if code is not None:
        return code in (_BUSY, _LOCKED)
    text = str(error).lower()
    return "locked" in text or "busy" in text


def is_damaged(error: sqlite3.Error) -> bool:
    """What SQLite itself calls damage: a malformed database, or a file that is not one."""
    code = _code(error)
    if code is not None:
        return code in (_CORRUPT, _NOTADB)
    text = str(error).lower()
    return "malformed" in text or "not a database" in text


def store_error(what: str, path: Path, error: sqlite3.Error | OSError) -> StoreError:
    """The StoreError for an error that is neither a lock nor damage."""
    if isinstance(error, OSError):
        return StoreError(what, path, UNWRITABLE, reason(error))
    if is_busy(error):
        return StoreError(what, path, BUSY, str(error))
    code = _code(error)
    text = str(error)
    unwritable = code in (_PERM, _READONLY, _CANTOPEN, _AUTH)
    if unwritable or "readonly" in text or "unable to open" in text:
        return StoreError(what, path, UNWRITABLE, "permission denied or read-only")
    if code == _FULL:
        return StoreError(what, path, FAILED, "the disk is full")
    return StoreError(what, path, FAILED, text)


def local_problem(error: BaseException) -> str:
    """One readable line for a failure of a local folder or file (a StoreError, an OSError, a
    SQLite error): which folder or file, and what to do. For the command line and the log."""
    if isinstance(error, StoreError):
        return str(error)
    if isinstance(error, OSError):
        found = folder_of(error.filename)
        if found is not None:
            return cannot_write(found[0], found[1], reason(error), Path(error.filename))
        where = f"{error.filename}: " if error.filename else ""
        return f"{where}{reason(error)}"
    return f"a local file could not be used: {error}"


def retry_busy(call: Callable[[], T], budget_s: float | None = None) -> T:
    """`call()`, tried again with back-off while SQLite says busy or locked, for `budget_s`
    (default BUSY_BUDGET_S).

    Only for what can be repeated whole: a statement outside a transaction, or a BEGIN."""
    deadline = time.monotonic() + (BUSY_BUDGET_S if budget_s is None else budget_s)
    delay = BUSY_BACKOFF_FIRST_S
    while True:
        try:
            return call()
        except sqlite3.OperationalError as error:
            if not is_busy(error) or time.monotonic() + delay > deadline:
                raise
            log.debug("database busy (%s); trying again in %.2f s", error, delay)
        time.sleep(delay * random.uniform(0.5, 1.0))
        delay = min(delay * 2, BUSY_BACKOFF_CAP_S)


class _Connection(sqlite3.Connection):
    """A connection whose statements outside a transaction outlast a busy database.

    Inside a transaction a statement is not repeated alone: the caller's transaction fails (and
    is rolled back by the caller) instead. The stores open theirs with BEGIN IMMEDIATE, which
    takes the write lock at once, so their statements within never wait for one."""

    def execute(self, sql: str, parameters: Any = (), /) -> sqlite3.Cursor:
        if self.in_transaction:
            return sqlite3.Connection.execute(self, sql, parameters)
        return retry_busy(lambda: sqlite3.Connection.execute(self, sql, parameters))


def _connect(path: Path) -> sqlite3.Connection:
    # One connection shared by the worker threads, serialised by the caller's lock.
    connection = sqlite3.connect(
        path,
        timeout=BUSY_TIMEOUT_S,
        check_same_thread=False,
        isolation_level=None,
        factory=_Connection,
    )
    try:
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=NORMAL")
        connection.execute("PRAGMA foreign_keys=ON")
    except BaseException:
        connection.close()
        raise
    return connection


def open_memory(
    version: int, create: Callable[[sqlite3.Connection], None], copy_of: Path | None = None
) -> sqlite3.Connection:
    """A database of the same tables in memory, for this run only: what a store holds while
    its folder cannot be written (a read-only or full disk). Gone when the app closes.

    `copy_of`: the file that cannot be written; what it holds, if it can still be read (and is
    of this schema), is copied in first, so kept drafts and tags are there to work with."""
    connection = sqlite3.connect(
        ":memory:", check_same_thread=False, isolation_level=None, factory=_Connection
    )
    if copy_of is not None:
        _copy_into(copy_of, connection, version)
    connection.execute("PRAGMA foreign_keys=ON")
    create(connection)
    connection.execute(f"PRAGMA user_version={int(version)}")
    return connection


def _copy_into(path: Path, memory: sqlite3.Connection, version: int) -> None:
    try:
        source = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    except (sqlite3.Error, ValueError) as error:
        log.info("%s not read: %s", path, error)
        return
    try:
        if source.execute("PRAGMA user_version").fetchone()[0] == version:
            source.backup(memory)
    except sqlite3.Error as error:  # missing, damaged, or a WAL that cannot be read here
        log.info("%s not read: %s", path, error)
    finally:
        source.close()


class _UnusableError(Exception):
    """The file is damaged or of a foreign schema: set it aside (if it is still the same file)."""

    def __init__(self, reason: str, identity: tuple[int, int] | None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.identity = identity


# A file set aside is replaced by a fresh one; if that one too cannot be used (another process
# set aside and made files meanwhile), try again this many times before giving up.
_OPEN_TRIES = 3


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
    renamed to `<name>.<unix time>.bad` (kept for support) and replaced by a fresh one; the
    notice says so. `check=False` skips the integrity check (it reads the whole file): the
    caller runs it later, off the start-up path (`Cache.verify`). `create` must use
    `CREATE ... IF NOT EXISTS`. Raises StoreError when the file cannot be used for any other
    reason (locked beyond the budget, not writable).
    """
    notice: StoreNotice | None = None
    for _ in range(_OPEN_TRIES):
        try:
            return _open(path, version, create, what, check), notice
        except _UnusableError as unusable:
            log.warning("%s at %s unusable: %s", what, path, unusable.reason)
            aside = _set_aside(path, unusable.identity, what)
            if aside is None:
                continue  # another Partner Desk set it aside meanwhile: open what it made
            reason = (
                "it was damaged"
                if unusable.reason.startswith("damaged")
                else f"it was written by another version of Partner Desk ({unusable.reason})"
            )
            notice = StoreNotice(
                f"The {what} file could not be used because {reason}; a new one was started. "
                f"The old file was kept as {aside.name}.",
                aside,
            )
    raise StoreError(what, path, FAILED, "it was replaced again and again while opening it")


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        found = os.stat(path)
    except FileNotFoundError:
        return None
    return found.st_dev, found.st_ino


def _open(
    path: Path,
    version: int,
    create: Callable[[sqlite3.Connection], None],
    what: str,
    check: bool,
) -> sqlite3.Connection:
    try:
        path.parent.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
        private_file(path)
        for suffix in ("-wal", "-shm"):  # left by an older version, perhaps 0644
            tighten(Path(f"{path}{suffix}"))
        # SQLite opens a file it cannot write read-only, without a word, and fails only at the
        # first save: a read-only file is found here instead, and said (StoreError).
        with contextlib.suppress(FileNotFoundError):
            os.close(os.open(path, os.O_RDWR))
        identity = _identity(path)
        connection = _connect(path)
    except OSError as error:
        raise store_error(what, path, error) from error
    except sqlite3.DatabaseError as error:
        if is_damaged(error):
            raise _UnusableError(f"damaged: {error}", _identity(path)) from error
        raise store_error(what, path, error) from error
    try:
        if check:
            result = connection.execute("PRAGMA quick_check").fetchone()[0]
            if result != "ok":
                raise _UnusableError(f"damaged: integrity check: {result}", identity)
        # The migration lock: one process at a time reads the version and creates or upgrades.
        connection.execute("BEGIN IMMEDIATE")
        try:
            current = connection.execute("PRAGMA user_version").fetchone()[0]
            if current != version:
                tables = connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
                if current != 0 or tables != 0:
                    raise _UnusableError(f"schema {current}", identity)
                create(connection)
                connection.execute(f"PRAGMA user_version={int(version)}")
            connection.execute("COMMIT")
        except BaseException:
            if connection.in_transaction:
                with contextlib.suppress(sqlite3.Error):
                    connection.execute("ROLLBACK")
            raise
    except sqlite3.DatabaseError as error:
        connection.close()
        if is_damaged(error):
            raise _UnusableError(f"damaged: {error}", identity) from error
        raise store_error(what, path, error) from error
    except BaseException:
        connection.close()
        raise
    return connection


def _set_aside(path: Path, identity: tuple[int, int] | None, what: str) -> Path | None:
    """Rename the damaged file (and its WAL and shared memory) to `<name>.<time>.bad`; None when
    `path` is no longer the file found damaged (another process set that one aside)."""
    current = _identity(path)
    if current is None or (identity is not None and current != identity):
        return None
    stamp = int(time.time())
    aside = path.with_name(f"{path.name}.{stamp}.bad")
    number = 1
    while aside.exists():
        number += 1
        aside = path.with_name(f"{path.name}.{stamp}-{number}.bad")
    try:
        # The journal first: a process opening the path meanwhile never meets the old WAL.
        for suffix in ("-wal", "-shm", ""):
            with contextlib.suppress(FileNotFoundError):
                Path(f"{path}{suffix}").replace(Path(f"{aside}{suffix}"))
    except OSError as error:  # Windows: another process still has it open
        why = f"damaged, and it could not be set aside: {error}"
        raise StoreError(what, path, FAILED, why) from error
    return aside


__all__ = [
    "BUSY",
    "BUSY_BUDGET_S",
    "BUSY_TIMEOUT_S",
    "FAILED",
    "UNWRITABLE",
    "DatabaseError",
    "StoreError",
    "StoreNotice",
    "is_busy",
    "is_damaged",
    "local_problem",
    "open_database",
    "open_memory",
    "retry_busy",
    "store_error",
]
