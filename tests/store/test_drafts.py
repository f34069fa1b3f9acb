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


def test_marking_filed_records_the_number_and_drops_the_draft(tmp_path):
    store = DraftStore(tmp_path / "drafts.sqlite3")
    draft = store.save(
        Draft.new("t1", "Contoso", title=" Mail down ", topic_name="Exchange Online")
    )
    other = store.save(Draft.new("t2", "Fabrikam", title="Teams"))
    filed = store.mark_filed(draft.id, "2412010040001234")
    assert (filed.number, filed.channel, filed.title, filed.service) == (
        "2412010040001234",
        "web",
        "Mail down",
        "Exchange Online",
    )
    assert store.get(draft.id) is None
    assert store.filed_for("t1") == [filed]
    assert store.filed_for("t2") == []
    assert store.get(other.id) == other
    try:
        store.mark_filed(draft.id, "1")
    except KeyError:
        pass
    else:
        raise AssertionError("a draft filed already cannot be filed again")
    store.close()
    assert DraftStore(tmp_path / "drafts.sqlite3").filed_all() == [filed]


def test_a_file_of_the_first_layout_is_upgraded_in_place(tmp_path):
    """Drafts typed before the filing record existed survive the upgrade (no set-aside)."""
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
    db.commit()
    db.close()
    store = DraftStore(path)
    assert store.notice is None
    old = store.get("d1")
    assert old is not None
    assert old.title == "Old"
    assert old.customer_domain == ""
    store.save(Draft.new("t1", customer_domain="contoso.onmicrosoft.com", title="New"))
    assert store.mark_filed("d1", "123456").number == "123456"
