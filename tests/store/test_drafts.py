"""Drafts on disk: saved, listed, kept through a damaged file, never lost by a kill."""

from __future__ import annotations

import sqlite3

from desktop.store import Draft, DraftStore


def test_save_get_list_delete(tmp_path):
    store = DraftStore(tmp_path / "drafts.sqlite3")
    a = store.save(Draft.new("t1", "Contoso", title="Mail down", description="x" * 30))
    b = store.save(Draft.new("t2", "Fabrikam", title="Teams"))
    assert store.get(a.id) == a
    assert [d.id for d in store.for_customer("t1")] == [a.id]
    assert {d.id for d in store.all()} == {a.id, b.id}
    store.delete(a.id)
    assert store.get(a.id) is None
    store.close()
    # Reopened: what was committed is there.
    again = DraftStore(tmp_path / "drafts.sqlite3")
    assert again.get(b.id) == b
    assert again.notice is None


def test_begin_submission_fixes_the_request_id_once(tmp_path):
    store = DraftStore(tmp_path / "drafts.sqlite3")
    draft = store.save(Draft.new("t1", title="Mail down"))
    first = store.begin_submission(draft.id)
    assert first.request_id
    assert first.first_attempt is not None
    # Editing and saving the draft keeps the submission identity ...
    store.save(first)
    second = store.begin_submission(draft.id)
    # ... and a second attempt reuses it: that is what makes the retry idempotent.
    assert (second.request_id, second.first_attempt) == (first.request_id, first.first_attempt)


def test_a_damaged_file_is_set_aside_not_deleted(tmp_path):
    path = tmp_path / "drafts.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    store = DraftStore(path)
    assert store.notice is not None
    assert "damaged" in store.notice.message
    assert store.notice.set_aside is not None
    assert store.notice.set_aside.read_bytes().startswith(b"this is not")
    assert store.all() == []
    store.save(Draft.new("t1", title="works again"))


def test_a_file_of_another_schema_is_set_aside(tmp_path):
    path = tmp_path / "drafts.sqlite3"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE other (x)")
    db.execute("PRAGMA user_version=7")
    db.commit()
    db.close()
    store = DraftStore(path)
    assert store.notice is not None
    assert "schema 7" in store.notice.message
