"""Filing in `--offline` (issue 18, defect 7): nothing leaves the machine (the sandbox sees no
call at all, no browser opens); the draft is kept, marked to send, and the dialog says it will
be sent when online. Online again, it is sent once."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from desktop.cli_request import state_words
from desktop.config.clouds import sandbox_profile
from desktop.qt.session import SessionHolder
from desktop.qt.worker import Worker
from desktop.sandbox import Sandbox
from desktop.sandbox.partner_topics import TOPICS_BY_ID
from desktop.services.backend import Backend
from desktop.services.offline import OfflineBackend
from desktop.store import Cache, Draft, DraftStore, sandbox_source
from desktop.ui.dialogs.drafts_dialog import STATE, DraftsDialog
from desktop.ui.dialogs.new_request import NewRequestDialog
from desktop.ui.request_desk import RequestDesk
from tests.ui import test_new_request as base
from tests.ui.conftest import Launcher
from tests.ui.driving import holder_for

TOPIC = str(next(iter(TOPICS_BY_ID)))
make_ctx = base.make_ctx  # the fixture: a sandbox, a worker and a draft store per test
DESCRIPTION = "No mail leaves the tenant since 09:10 UTC; NDR 5.7.1 on every message."


def ran(qtbot, holder: SessionHolder, coro) -> None:
    task = holder.worker.spawn(coro)
    qtbot.waitUntil(task.done, timeout=20000)
    assert task.exception() is None


@pytest.fixture
def offline_ctx(qloop, launcher: Launcher, tmp_path) -> Iterator:
    made: list = []

    def make(kind: str) -> tuple[SessionHolder, Sandbox]:
        sandbox = Sandbox(customers=4, seed=9, consented="all").start()
        worker = Worker()
        live = Backend.for_sandbox(sandbox.url)
        cache = Cache(tmp_path / "cache.sqlite3")
        # `--offline` reads the cache alone; a sign-in while offline keeps the offline flag
        # with a live backend (Session.with_stores_of): neither may call out.
        backend = (
            OfflineBackend(cache, sandbox_source(sandbox.url), sandbox_profile(sandbox.url))
            if kind == "cache"
            else live
        )
        store = DraftStore(tmp_path / "drafts.sqlite3")
        holder = holder_for(worker, backend, launcher, drafts=store, offline=True)
        made.append((worker, live, backend, cache, store, sandbox))
        sandbox.reset_stats()
        return holder, sandbox

    yield make
    for worker, live, backend, cache, store, sandbox in made:
        worker.shutdown(wait=True)
        live.close()
        if backend is not live:
            backend.close()
        cache.close()
        store.close()
        sandbox.stop()


@pytest.mark.parametrize("kind", ["cache", "live backend"])
def test_filing_offline_sends_nothing_and_keeps_the_draft_to_send(
    qtbot, offline_ctx, launcher: Launcher, kind: str
):
    holder, sandbox = offline_ctx(kind)
    customer = sandbox.data.customers[0]
    store = holder.session.drafts
    draft = Draft.new(
        customer.tenant_id, customer.company_name, customer_domain=customer.domain, topic_id=TOPIC
    )
    dialog = NewRequestDialog(holder, store, draft)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.topics_loaded, timeout=10000)
    base.fill(qtbot, dialog, "Filed while offline")
    base.ran(qtbot, dialog, dialog.open_form())
    base.ran(qtbot, dialog, dialog.submit())
    posts = [c["path"] for c in sandbox.request_log() if c["method"] == "POST"]
    assert posts == []  # no service-request POST ...
    assert sandbox.request_log() == []  # ... nor any other call
    assert launcher.opened == []
    assert "once Partner Desk is online it files it" in dialog.status.text()
    assert sandbox.stats().get("creates", 0) == 0
    kept = store.all()
    assert [d.title for d in kept] == ["Filed while offline"]
    assert kept[0].to_send is not None
    assert not kept[0].submitted  # nothing was sent: no attempt on record
    listing = DraftsDialog(holder, store, lambda _tenant: "")
    qtbot.addWidget(listing)
    qtbot.waitUntil(lambda: listing.loaded, timeout=10000)
    assert listing.table.topLevelItem(0).text(STATE) == "To send when online"
    assert state_words(kept[0]) == "to send when online"  # `partner-desk drafts list`


@pytest.mark.parametrize("retired", [False, True])
def test_online_again_the_kept_draft_is_sent_once(qtbot, make_ctx, retired: bool):
    holder, sandbox = make_ctx(retired_create=retired)
    customer = sandbox.data.customers[0]
    store = holder.session.drafts
    draft = store.save(
        Draft.new(
            customer.tenant_id,
            customer.company_name,
            title="Kept while offline",
            description=DESCRIPTION,
            topic_id=TOPIC,
        )
    )
    store.mark_to_send(draft.id)
    said: list[str] = []
    desk = RequestDesk(holder, None, lambda: None, lambda text, _ms: said.append(text), print)
    ran(qtbot, holder, desk.send_queued())
    if retired:  # Microsoft takes it only in its web form: it waits, and the user is told
        assert [d.id for d in store.all()] == [draft.id]
        assert "still to file" in said[0]
        assert sandbox.stats().get("creates", 0) == 0
    else:
        assert store.all() == []
        assert sandbox.stats()["creates"] == 1
        assert [f.title for f in store.filed_for(customer.tenant_id)] == ["Kept while offline"]
        assert "sent to Microsoft" in said[0]
        ran(qtbot, holder, desk.send_queued())  # nothing left: nothing sent again
        assert sandbox.stats()["creates"] == 1
