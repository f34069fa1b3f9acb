"""Two (or twenty) Partner Desks starting at once on the same files (issue 16, item 5).

A lock, a busy database or two processes creating the tables together is not damage: nothing is
set aside, nothing is lost. Each start here is a process of its own (as two windows, or a window
and `partner-desk request new`, are), released together by a barrier.
"""

from __future__ import annotations

import multiprocessing
import os
import sqlite3
import time
from multiprocessing.synchronize import Barrier, Event
from pathlib import Path

from desktop.store import Draft, DraftStore, Tags
from desktop.store.cache import Cache

STARTS = 20
# How long the starts may take together on a loaded 2-core machine (a hang guard, not a timing).
GUARD_S = 120.0


def _first_start(home: str, number: int, barrier: Barrier) -> None:
    """One start: open the drafts, save one, open the tags, tag one customer, open the cache."""
    os.environ["PARTNER_DESK_HOME"] = home
    barrier.wait(GUARD_S)
    drafts = DraftStore()
    drafts.save(Draft.new(f"tenant-{number}", "Contoso", title=f"draft {number}"))
    tags = Tags()
    tags.add(f"tenant-{number}", f"tag {number}")
    cache = Cache()
    notices = [s.notice.message for s in (drafts, tags, cache) if s.notice is not None]
    drafts.close()
    tags.close()
    cache.close()
    if notices:
        raise SystemExit(f"start {number} was told: {notices}")


def _upgrade_start(path: str, number: int, barrier: Barrier) -> None:
    barrier.wait(GUARD_S)
    store = DraftStore(Path(path))
    if store.notice is not None:
        raise SystemExit(store.notice.message)
    store.save(Draft.new(f"tenant-{number}", "Contoso", title=f"after upgrade {number}"))
    store.close()


def _set_aside(home: Path) -> list[str]:
    return sorted(p.name for p in home.rglob("*.bad*"))


def test_twenty_first_starts_at_once_lose_nothing_and_set_nothing_aside():
    home = Path(os.environ["PARTNER_DESK_HOME"])
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(STARTS)
    starts = [
        context.Process(target=_first_start, args=(str(home), n, barrier)) for n in range(STARTS)
    ]
    for start in starts:
        start.start()
    deadline = time.monotonic() + GUARD_S
    for start in starts:
        start.join(max(0.1, deadline - time.monotonic()))
    hung = [s.pid for s in starts if s.is_alive()]
    for start in starts:
        if start.is_alive():
            start.kill()
    assert not hung, f"starts still running after {GUARD_S} s"
    assert [s.exitcode for s in starts] == [0] * STARTS
    assert _set_aside(home) == []
    drafts = DraftStore()
    tags = Tags()
    try:
        assert sorted(d.title for d in drafts.all()) == sorted(f"draft {n}" for n in range(STARTS))
        assert set(tags.all_tags()) == {f"tag {n}" for n in range(STARTS)}
        assert drafts.notice is None
        assert tags.notice is None
    finally:
        drafts.close()
        tags.close()


def test_a_database_locked_beyond_the_busy_timeout_is_waited_for_not_set_aside(tmp_path: Path):
    """Another process holds the drafts file's write lock for longer than SQLite's busy
    timeout (5 s) while this one opens it and saves a draft: the save waits its turn (tries
    again with back-off) instead of failing, and nothing is set aside."""
    path = tmp_path / "drafts.sqlite3"
    store = DraftStore(path)
    kept = store.save(Draft.new("t1", "Contoso", title="kept"))
    store.close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # what another instance writing or migrating holds
    context = multiprocessing.get_context("spawn")
    opening = context.Event()
    opener = context.Process(target=_open_then_save, args=(str(path), opening))
    opener.start()
    try:
        assert opening.wait(GUARD_S), "the opener never started"
        # Held past the busy timeout of the code before issue 16 (5 s), from the moment the
        # opener starts to open. Not a timing assertion: how long the opener then takes is not
        # measured, only that it succeeds.
        time.sleep(LOCK_HELD_S)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    opener.join(GUARD_S)
    assert opener.exitcode == 0
    assert sorted(p.name for p in tmp_path.iterdir() if ".bad" in p.name) == []
    again = DraftStore(path)
    try:
        assert again.get(kept.id) == kept
        assert {d.title for d in again.all()} == {"kept", "saved while locked"}
    finally:
        again.close()


LOCK_HELD_S = 6.5


def _open_then_save(path: str, opening: Event) -> None:
    opening.set()
    store = DraftStore(Path(path))
    if store.notice is not None:
        raise SystemExit(store.notice.message)
    store.save(Draft.new("t2", "Fabrikam", title="saved while locked"))
    store.close()


UPGRADES = 8


def test_starts_upgrading_an_old_drafts_file_at_once_keep_every_draft(tmp_path: Path):
    """A drafts file of the first layout, opened by several new starts at once: one adds the
    column, the others find it added (under the write lock), every old and new draft is kept."""
    path = tmp_path / "drafts.sqlite3"
    db = sqlite3.connect(path)
    db.execute(
        """CREATE TABLE drafts (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL,
        customer_name TEXT NOT NULL DEFAULT '', title TEXT NOT NULL DEFAULT '',
        severity TEXT NOT NULL DEFAULT 'moderate', topic_id TEXT NOT NULL DEFAULT '',
        topic_name TEXT NOT NULL DEFAULT '', description TEXT NOT NULL DEFAULT '',
        contact_name TEXT NOT NULL DEFAULT '', contact_email TEXT NOT NULL DEFAULT '',
        cc TEXT NOT NULL DEFAULT '', incident_id TEXT NOT NULL DEFAULT '',
        request_id TEXT NOT NULL DEFAULT '', first_attempt REAL, updated REAL NOT NULL)"""
    )
    db.execute("INSERT INTO drafts (id, tenant_id, title, updated) VALUES ('d1', 't1', 'Old', 1)")
    db.execute("PRAGMA user_version=1")
    db.execute("PRAGMA journal_mode=WAL")
    db.commit()
    db.close()
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(UPGRADES)
    starts = [
        context.Process(target=_upgrade_start, args=(str(path), n, barrier))
        for n in range(UPGRADES)
    ]
    for start in starts:
        start.start()
    for start in starts:
        start.join(GUARD_S)
    assert [s.exitcode for s in starts] == [0] * UPGRADES
    assert sorted(p.name for p in tmp_path.iterdir() if ".bad" in p.name) == []
    store = DraftStore(path)
    try:
        titles = sorted(d.title for d in store.all())
        assert titles == sorted(["Old", *(f"after upgrade {n}" for n in range(UPGRADES))])
    finally:
        store.close()
