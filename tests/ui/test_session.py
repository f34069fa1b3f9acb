"""The session holder and the customer directory: a frozen session per account, switched as a
whole; the cached list first, then the live one; a switch supersedes what was being read."""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Iterator

import pytest

from desktop.qt.collation import NameRanks, collation_name
from desktop.qt.directory import CustomerDirectory
from desktop.qt.models.customers import sort_name
from desktop.qt.session import SessionHolder
from desktop.sandbox import Sandbox
from desktop.services.backend import Backend
from desktop.services.session import Session
from desktop.store.cache import Cache

SOURCE = "sandbox:directory"


@pytest.fixture
def other_backend(sandbox: Sandbox) -> Iterator[Backend]:
    backend = Backend.for_sandbox(sandbox.url, ca_pem=sandbox.ca_pem, concurrency=4)
    yield backend
    backend.close()


def closes(backend: Backend) -> list[Backend]:
    """Records `backend.close()` calls (and still closes it)."""
    closed: list[Backend] = []
    close = backend.close

    def recorded() -> None:
        closed.append(backend)
        close()

    backend.close = recorded  # type: ignore[method-assign]
    return closed


def test_a_session_cannot_be_changed_field_by_field(holder: SessionHolder):
    with pytest.raises(dataclasses.FrozenInstanceError):
        holder.session.source = "elsewhere"  # type: ignore[misc]


def test_a_switch_keeps_the_stores_and_closes_the_old_account_but_never_the_sandbox(
    holder: SessionHolder, other_backend: Backend, sandbox: Sandbox
):
    started = holder.session
    sandbox_closed = closes(started.backend)
    changed: list[Session] = []
    holder.changed.connect(changed.append)

    signed_in = holder.switch(Session(other_backend, mode="global", account="a@contoso"))
    assert changed == [signed_in]
    assert holder.session is signed_in
    assert (signed_in.backend, signed_in.account) == (other_backend, "a@contoso")
    assert signed_in.drafts is started.drafts is not None  # the machine's, not the account's
    assert sandbox_closed == []  # "Use sandbox" goes back to it

    account_closed = closes(other_backend)
    back = holder.switch(holder.sandbox)
    assert back is holder.sandbox
    assert changed == [signed_in, back]
    assert account_closed == [other_backend]
    assert sandbox_closed == []


def test_the_cached_list_comes_first_then_the_live_one_which_is_cached(
    qtbot, holder: SessionHolder, backend: Backend
):
    live = backend.customers().items
    with Cache() as cache:
        cache.put_customers(SOURCE, live[:2], time.time() - 3600)
        session = dataclasses.replace(holder.session, cache=cache, source=SOURCE)
        directory = CustomerDirectory(SessionHolder(session, holder.worker))
        seen: list[tuple[str, int]] = []
        directory.customers_changed.connect(lambda c: seen.append(("customers", len(c))))
        directory.cached_shown.connect(lambda n, _fetched: seen.append(("cached", n)))
        directory.loaded.connect(lambda n: seen.append(("loaded", n)))
        task = holder.worker.spawn(directory.load())
        qtbot.waitUntil(task.done, timeout=20000)
        assert task.result() == len(live)
        assert seen == [
            ("customers", 2),
            ("cached", 2),
            ("customers", len(live)),
            ("loaded", len(live)),
        ]
        qtbot.waitUntil(lambda: len(cache.customers(SOURCE)[0]) == len(live), timeout=10000)


def test_the_cached_and_the_live_list_come_with_their_names_ranked_on_the_worker(
    qtbot, holder: SessionHolder, backend: Backend
):
    """Ranked by the app's language off the GUI thread: the list sorts them without collating."""
    live = backend.customers().items
    with Cache() as cache:
        cache.put_customers(SOURCE, live[:3], time.time() - 3600)
        session = dataclasses.replace(holder.session, cache=cache, source=SOURCE)
        directory = CustomerDirectory(SessionHolder(session, holder.worker))
        seen: list[tuple[int, NameRanks | None]] = []
        directory.customers_changed.connect(lambda c, ranks: seen.append((len(c), ranks)))
        task = holder.worker.spawn(directory.load())
        qtbot.waitUntil(task.done, timeout=20000)
        assert [n for n, _ranks in seen] == [3, len(live)]
        for (_n, ranks), listed in zip(seen, (live[:3], live), strict=True):
            assert ranks is not None
            assert ranks.covers(map(sort_name, listed), collation_name())
        assert directory.ranks is seen[-1][1]


def test_a_switch_supersedes_the_list_being_read_and_empties_the_directory(
    qtbot, holder: SessionHolder, other_backend: Backend
):
    directory = CustomerDirectory(holder)
    loaded: list[int] = []
    directory.loaded.connect(loaded.append)
    with qtbot.waitSignal(holder.worker.busy_changed, timeout=5000):  # the read is in flight
        task = holder.worker.spawn(directory.load())
    holder.switch(Session(other_backend, mode="external sandbox"))
    qtbot.waitUntil(task.done, timeout=20000)
    assert task.result() == -1  # superseded: the old account's list never shows
    assert loaded == []
    assert directory.customers == []
