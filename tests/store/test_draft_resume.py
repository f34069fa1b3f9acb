"""One draft per request: the fingerprint kept beside each draft, the landed mark, and a save
that never wipes what a submission fixed (desktop.store.drafts, desktop.services.submission)."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

from desktop.services.submission import resume_kept
from desktop.store import Draft, DraftStore
from desktop.store.drafts import fingerprint

TENANT = "9b0c2c2e-1111-4a4a-8888-123456789abc"
DESCRIPTION = "Since 09:10 UTC no user can send mail; Outlook shows error 0x800CCC0F."


def typed(title: str = "Mail flow stopped", description: str = DESCRIPTION, **other) -> Draft:
    return Draft.new(TENANT, "Contoso", title=title, description=description, **other)


def test_the_fingerprint_is_the_customer_title_and_description_as_typed_again() -> None:
    same = fingerprint(TENANT, "Mail flow stopped", DESCRIPTION)
    assert fingerprint(TENANT.upper(), "  mail FLOW\tstopped ", DESCRIPTION + "\n") == same
    assert fingerprint(TENANT, "Mail flow stopped", DESCRIPTION.replace(" ", "  ")) == same
    assert fingerprint(TENANT, "Mail flow stopped", DESCRIPTION.upper()) != same
    assert fingerprint(TENANT, "Mail flow stopped!", DESCRIPTION) != same
    assert fingerprint(
        "00000000-0000-0000-0000-000000000000", "Mail flow stopped", DESCRIPTION
    ) != (same)
    # Composed and decomposed accents are the same text.
    assert fingerprint(TENANT, "Caf\u00e9", "x") == fingerprint(TENANT, "Cafe\u0301", "x")


def test_the_fingerprint_follows_the_text_until_a_submission_begins(tmp_path) -> None:
    store = DraftStore(tmp_path / "drafts.sqlite3")
    draft = store.save(typed("First words"))
    assert draft.fingerprint == draft.content_fingerprint
    draft = store.save(replace(draft, title="Mail flow stopped"))
    assert store.with_fingerprint(typed().content_fingerprint) == [draft]
    sent = store.begin_submission(draft.id)
    # Edited after it was sent: still found as what was sent.
    store.save(replace(sent, title="Mail flow stopped (edited)"))
    assert [d.id for d in store.with_fingerprint(typed().content_fingerprint)] == [draft.id]


def test_a_save_of_a_stale_copy_keeps_what_the_submission_fixed(tmp_path) -> None:
    """The dialog holds the draft it loaded; a submission on the worker fixes the request id
    and first attempt in the store. Saving the dialog's copy must not wipe them: the next
    submission would not know it may have landed, and would create a second request."""
    store = DraftStore(tmp_path / "drafts.sqlite3")
    loaded = store.save(typed())
    sent = store.begin_submission(loaded.id)
    store.mark_landed(loaded.id)
    stale = replace(loaded, severity="critical")  # request_id "", first_attempt None
    saved = store.save(stale)
    assert (saved.request_id, saved.first_attempt) == (sent.request_id, sent.first_attempt)
    assert saved.landed is not None
    assert saved.severity == "critical"


def test_a_new_copy_of_a_kept_request_resumes_it(tmp_path) -> None:
    store = DraftStore(tmp_path / "drafts.sqlite3")
    kept = store.save(typed())
    store.begin_submission(kept.id)
    again = typed("  MAIL flow stopped", severity="critical", contact_email="ada@contoso.example")
    resumed, was_kept = resume_kept(store, again)
    assert was_kept
    assert resumed.id == kept.id
    assert resumed.first_attempt is not None  # the checks see the earlier try
    assert resumed.title == "Mail flow stopped"  # as it was sent
    assert (resumed.severity, resumed.contact_email) == ("critical", "ada@contoso.example")
    assert [d.id for d in store.all()] == [kept.id]


def test_a_run_again_resumes_even_a_draft_never_sent(tmp_path) -> None:
    store = DraftStore(tmp_path / "drafts.sqlite3")
    kept = store.save(typed())
    resumed, was_kept = resume_kept(store, typed("Mail flow stopped", "  " + DESCRIPTION))
    assert (resumed.id, was_kept) == (kept.id, True)
    assert resumed.description == "  " + DESCRIPTION  # never sent: as typed this time
    assert len(store.all()) == 1


def test_a_draft_being_edited_moves_onto_the_kept_one_only_if_that_was_sent(tmp_path) -> None:
    store = DraftStore(tmp_path / "drafts.sqlite3")
    unsent_twin = store.save(typed())
    editing = store.save(typed())
    # Neither was sent: nothing to protect, the window keeps its own draft.
    assert resume_kept(store, editing) == (store.get(editing.id), False)
    assert len(store.all()) == 2
    store.begin_submission(unsent_twin.id)
    resumed, was_kept = resume_kept(store, editing)
    assert (resumed.id, was_kept) == (unsent_twin.id, True)
    assert store.get(editing.id) is None  # its text lives on in the kept one
    # A draft that was sent itself is never moved.
    other = store.save(typed())
    store.begin_submission(other.id)
    assert resume_kept(store, other)[0].id == other.id


def test_the_landed_one_is_resumed_first(tmp_path) -> None:
    store = DraftStore(tmp_path / "drafts.sqlite3")
    sent = store.save(typed())
    store.begin_submission(sent.id)
    landed = store.save(typed())
    store.begin_submission(landed.id)
    store.mark_landed(landed.id)
    store.save(typed())  # newest, never sent
    assert resume_kept(store, typed())[0].id == landed.id


def test_deleting_or_filing_a_draft_drops_its_state(tmp_path) -> None:
    path = tmp_path / "drafts.sqlite3"
    store = DraftStore(path)
    a = store.save(typed())
    b = store.save(typed("Another"))
    store.mark_landed(a.id)
    store.mark_filed(a.id, "2412010040001234", "api")
    store.delete(b.id)
    store.close()
    db = sqlite3.connect(path)
    assert db.execute("SELECT count(*) FROM draft_state").fetchone() == (0,)
    db.close()


def test_drafts_of_an_older_version_are_matched_by_what_they_say(tmp_path) -> None:
    """A drafts file from before the fingerprint: rows without state are found all the same."""
    path = tmp_path / "drafts.sqlite3"
    DraftStore(path).close()
    db = sqlite3.connect(path)
    db.execute(
        "INSERT INTO drafts (id, tenant_id, title, description, updated) VALUES (?, ?, ?, ?, 1)",
        ("old", TENANT, "Mail flow stopped", DESCRIPTION),
    )
    db.commit()
    db.close()
    store = DraftStore(path)
    assert [d.id for d in store.with_fingerprint(typed().content_fingerprint)] == ["old"]
    assert store.begin_submission("old").fingerprint == typed().content_fingerprint
