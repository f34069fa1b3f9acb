"""The create path's `MS-RequestId` (DESIGN.md "Data that must never be lost", API.md section 2):
a create that may have landed is checked against the partner's own list (where create files),
then resent with the id it may have landed with; after an answer that filed nothing, the next
try has a new id. Read from the sandbox's request log."""

from __future__ import annotations

import pytest

from desktop.api.errors import ApiError
from desktop.api.http import HttpSession, RetryPolicy
from desktop.sandbox import Sandbox
from desktop.services.backend import Backend
from desktop.services.submission import submit
from desktop.store import Draft, DraftStore
from tests.test_filing import good_draft

CREATE = "/v1/servicerequests/en-US"


@pytest.fixture
def filing(tmp_path):
    with Sandbox(customers=5, seed=3, consented="all") as sandbox:
        session = HttpSession(
            retry=RetryPolicy(attempts=3, backoff_base_s=0.01, backoff_cap_s=0.02),
            pinned={sandbox.url + "/": sandbox.ca_pem},
        )
        backend = Backend.for_sandbox(sandbox.url, ca_pem=sandbox.ca_pem, session=session)
        store = DraftStore(tmp_path / "drafts.sqlite3")
        yield sandbox, backend, store
        store.close()
        backend.close()


def new_draft(sandbox: Sandbox, store: DraftStore, title: str) -> tuple[str, Draft]:
    tenant = sandbox.data.customers[0].tenant_id
    draft = store.save(good_draft(tenant, title))
    return tenant, draft


def log(sandbox: Sandbox) -> list[tuple[str, str, object, str]]:
    """(method, path, status, MS-RequestId) of every call after sign-in."""
    return [
        (str(e["method"]), str(e["path"]).split("?")[0], e["status"], str(e["msRequestId"]))
        for e in sandbox.request_log()
    ]


def test_a_dropped_create_is_checked_then_resent_with_the_same_id(filing) -> None:
    sandbox, backend, store = filing
    _tenant, draft = new_draft(sandbox, store, "Dropped before it landed")
    sandbox.inject(CREATE, "drop", count=1)
    created = submit(backend, store, draft.id)
    calls = log(sandbox)
    posts = [c for c in calls if c[0] == "POST"]
    assert [c[2] for c in posts] == [0, 201]
    assert posts[0][3] == posts[1][3]  # resent as the same call
    # Between the two, the partner's own list was read: the drop may have hidden a landing.
    between = calls[calls.index(posts[0]) + 1 : calls.index(posts[1])]
    assert ("GET", "/v1/servicerequests", 200) in [c[:3] for c in between]
    assert store.get(draft.id) is None
    assert sandbox.stats()["creates"] == 1
    assert created.title == "Dropped before it landed"


def test_after_a_503_the_create_gets_a_new_id_and_keeps_it_across_a_drop(filing) -> None:
    sandbox, backend, store = filing
    _tenant, draft = new_draft(sandbox, store, "Unavailable, then dropped")
    first_id = store.begin_submission(draft.id).request_id
    sandbox.inject(CREATE, "error", status=503, count=1)
    sandbox.inject(CREATE, "drop", count=1)
    submit(backend, store, draft.id)
    posts = [c for c in log(sandbox) if c[0] == "POST"]
    assert [c[2] for c in posts] == [503, 0, 201]
    assert posts[0][3] == first_id
    # The 503 was an answer: a new id. The drop was not: that id again.
    assert posts[1][3] != first_id
    assert posts[2][3] == posts[1][3]
    assert sandbox.stats()["creates"] == 1


def test_a_create_that_failed_with_an_answer_is_resubmitted_with_a_new_id(filing) -> None:
    sandbox, backend, store = filing
    _tenant, draft = new_draft(sandbox, store, "Unavailable for a while")
    sandbox.inject(CREATE, "error", status=503, count=3)  # every try of this submission
    with pytest.raises(ApiError) as caught:
        submit(backend, store, draft.id)
    assert caught.value.status == 503
    kept = store.get(draft.id)
    assert kept is not None
    sent = [c[3] for c in log(sandbox) if c[0] == "POST"]
    assert len(set(sent)) == 3
    assert kept.request_id not in sent  # the next submission cannot replay those answers
    submit(backend, store, draft.id)
    posts = [c for c in log(sandbox) if c[0] == "POST"]
    assert (posts[-1][2], posts[-1][3]) == (201, kept.request_id)


def test_a_create_that_may_have_landed_keeps_its_id_for_the_next_submission(filing) -> None:
    sandbox, backend, store = filing
    _tenant, draft = new_draft(sandbox, store, "Dropped every time")
    sandbox.inject(CREATE, "drop", count=10)
    with pytest.raises(ApiError) as caught:
        submit(backend, store, draft.id)
    assert caught.value.ambiguous
    sent = {c[3] for c in log(sandbox) if c[0] == "POST"}
    kept = store.get(draft.id)
    assert kept is not None
    assert sent == {kept.request_id}
    assert sandbox.stats()["creates"] == 0
