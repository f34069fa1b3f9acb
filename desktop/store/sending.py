"""A lock held while one draft is being sent, honoured by every Partner Desk process. No Qt.

Two Partner Desks (two windows, a window and `partner-desk drafts resume`) share the drafts
file. Without a lock both could read a draft as not yet sent and both create its request.
Whoever holds a draft's lock sends it; the other is told at once (`DraftBusyError`), never
made to wait behind a network call it cannot see.

An OS file lock on a small file per draft (`<drafts folder>/sending/<draft id>.lock`), through
portalocker (already here for msal-extensions' token cache lock): `flock` on POSIX,
`LockFileEx` on Windows. Both belong to the open file, so two threads of one process exclude
each other too, and both are released by the OS when a process dies: a crashed Partner Desk
never leaves a draft locked. The files stay (empty): removing one while another process may
have it open would let two processes hold "the" lock on two different files.

Drafts kept in memory (a data folder that cannot be written) are in one process only: an
in-process lock per draft does the same there.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import portalocker

from desktop.config.paths import PRIVATE_DIR, PRIVATE_FILE


def _try_lock(handle: IO[bytes]) -> bool:
    try:
        portalocker.lock(handle, portalocker.LOCK_EX | portalocker.LOCK_NB)
    except portalocker.exceptions.LockException:
        return False
    return True


class DraftBusyError(Exception):
    """Another Partner Desk (a window, a command) is sending this draft right now."""

    def __init__(self, draft_id: str) -> None:
        super().__init__("This draft is being sent by another Partner Desk window.")
        self.draft_id = draft_id


_memory_lock = threading.Lock()
_memory_held: set[str] = set()


@contextlib.contextmanager
def sending(folder: Path | None, draft_id: str) -> Iterator[None]:
    """Hold the lock for sending `draft_id`, or raise DraftBusyError at once. `folder` is the
    drafts file's folder; None for drafts kept in memory. OSError when the lock file cannot be
    made."""
    if folder is None:
        with _memory_lock:
            if draft_id in _memory_held:
                raise DraftBusyError(draft_id)
            _memory_held.add(draft_id)
        try:
            yield
        finally:
            with _memory_lock:
                _memory_held.discard(draft_id)
        return
    locks = folder / "sending"
    locks.mkdir(mode=PRIVATE_DIR, exist_ok=True)
    # The id is the store's own (a uuid), never a path: checked all the same.
    name = "".join(c for c in draft_id if c.isalnum() or c == "-") or "draft"
    fd = os.open(locks / f"{name}.lock", os.O_RDWR | os.O_CREAT, PRIVATE_FILE)
    with os.fdopen(fd, "r+b") as handle:
        if not _try_lock(handle):
            raise DraftBusyError(draft_id)
        try:
            yield
        finally:
            portalocker.unlock(handle)


__all__ = ["DraftBusyError", "sending"]
