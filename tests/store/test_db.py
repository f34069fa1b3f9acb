"""Opening a store: what is damage (set aside, said) and what is not (waited for, or said
without touching the file). See also tests/faults/test_store_races.py (processes at once)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop.store import Draft, DraftStore, StoreError, Tags
from desktop.store import db as store_db


def aside(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".bad" in p.name)


def test_a_lock_held_past_the_budget_is_said_and_nothing_is_set_aside(tmp_path, monkeypatch):
    monkeypatch.setattr(store_db, "BUSY_TIMEOUT_S", 0.05)
    monkeypatch.setattr(store_db, "BUSY_BUDGET_S", 0.3)
    path = tmp_path / "drafts.sqlite3"
    store = DraftStore(path)
    kept = store.save(Draft.new("t1", title="kept"))
    store.close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(StoreError) as raised:
            DraftStore(path)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert raised.value.problem == store_db.BUSY
    assert "locked by another program" in str(raised.value)
    assert str(path) in str(raised.value)
    assert aside(tmp_path) == []
    again = DraftStore(path)
    assert again.get(kept.id) == kept
    assert again.notice is None
    again.close()


def test_a_save_that_meets_a_lock_waits_for_it(tmp_path, monkeypatch):
    """A write outside a transaction (a draft's autosave) is tried again while the database is
    busy, instead of failing at SQLite's busy timeout."""
    monkeypatch.setattr(store_db, "BUSY_TIMEOUT_S", 0.05)
    path = tmp_path / "drafts.sqlite3"
    store = DraftStore(path)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    tries: list[float] = []
    real_sleep = store_db.time.sleep

    def sleep_then_release(delay: float) -> None:  # the other writer finishes meanwhile
        tries.append(delay)
        if len(tries) == 3:
            holder.execute("ROLLBACK")
        real_sleep(delay)

    monkeypatch.setattr(store_db.time, "sleep", sleep_then_release)
    try:
        saved = store.save(Draft.new("t1", title="typed while locked"))
    finally:
        if holder.in_transaction:
            holder.execute("ROLLBACK")
        holder.close()
    assert len(tries) >= 3
    assert store.get(saved.id) == saved
    store.close()


def test_real_damage_inside_a_valid_file_is_set_aside_and_said(tmp_path):
    path = tmp_path / "tags.sqlite3"
    tags = Tags(path)
    for n in range(300):
        tags.add(f"tenant-{n}", f"tag {n}")
    tags.close()
    data = bytearray(path.read_bytes())
    page = 4096
    assert len(data) > 3 * page
    data[2 * page : 3 * page] = b"\xa5" * page  # a b-tree page overwritten: SQLite's header intact
    path.write_bytes(bytes(data))
    again = Tags(path)
    assert again.notice is not None
    assert "damaged" in again.notice.message
    assert again.notice.set_aside is not None
    assert again.notice.set_aside.read_bytes() == bytes(data)  # kept as it was, for support
    assert again.all_tags() == {}
    again.add("t1", "works again")
    again.close()


def test_a_file_that_cannot_be_written_is_said_and_left_alone(tmp_path, monkeypatch):
    """Whatever the reason SQLite cannot write (here: its answer when it opened the file read
    only), the store says which file and leaves it as it is."""
    path = tmp_path / "drafts.sqlite3"
    DraftStore(path).close()
    real_connect = store_db._connect

    def read_only(at: Path) -> sqlite3.Connection:
        connection = real_connect(at)
        connection.execute("PRAGMA query_only=ON")  # every write: "attempt to write a readonly"
        return connection

    monkeypatch.setattr(store_db, "_connect", read_only)
    with pytest.raises(StoreError) as raised:
        DraftStore(path)
    assert raised.value.problem == store_db.UNWRITABLE
    assert str(path) in str(raised.value)
    assert aside(tmp_path) == []


def test_a_damaged_cache_that_cannot_be_replaced_goes_on_in_memory(tmp_path, monkeypatch):
    """The deferred integrity check finds damage, and the file cannot be set aside now (locked,
    read-only): the session goes on with an empty cache in memory and says so once."""
    from desktop.store import cache as cache_module
    from desktop.store.cache import Cache

    path = tmp_path / "cache.sqlite3"
    cache = Cache(path)
    with cache.writer("sandbox:test") as writer:
        for n in range(200):
            writer.record("health", f"tenant-{n}", failure="x" * 200, when=1.0)
    cache.close()
    data = bytearray(path.read_bytes())
    data[2 * 4096 : 3 * 4096] = b"\xa5" * 4096
    path.write_bytes(bytes(data))
    cache = Cache(path)  # opened without the check, as at start-up

    def refuse(*_args: object, **_kwargs: object) -> object:
        raise StoreError("cache", path, store_db.UNWRITABLE, "permission denied")

    monkeypatch.setattr(cache_module, "open_database", refuse)
    notice = cache.verify()
    assert notice is not None
    assert "Nothing is cached until Partner Desk restarts" in notice.message
    with cache.writer("sandbox:test") as writer:
        writer.record("customers", None, failure="offline", when=2.0)
    assert [e.kind for e in cache.errors("sandbox:test")] == ["customers"]
    cache.close()
    assert path.read_bytes() == bytes(data)  # left as it was
