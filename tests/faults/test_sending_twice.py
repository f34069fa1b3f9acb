"""One draft sent by two Partner Desks at once (issue 18, defect 4): one request, never two.

Two real processes (`partner-desk drafts resume`, as two windows or a window and a script
would) share one data folder and one sandbox. The first one's create is held at a proxy before
it reaches the sandbox, so the second one runs while the first is mid-send: without a lock it
reads the draft as sent-but-not-listed and files it again. With the draft's sending lock it is
told that another Partner Desk is sending it, and sends nothing. The sandbox is asked how many
requests exist.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop.sandbox import Sandbox
from desktop.sandbox.partner_topics import TOPICS_BY_ID
from desktop.services.backend import Backend
from desktop.services.submission import AlreadyFiledError, submit
from desktop.store import Draft, DraftStore

from .tampering import Answer, TamperingProxy

ROOT = Path(__file__).resolve().parents[2]
CREATE = "/v1/servicerequests/en-US"
TOPIC = str(next(iter(TOPICS_BY_ID)))
TITLE = "Teams calls drop after two minutes"
DESCRIPTION = "Since 08:00 UTC every Teams call in the tenant drops after about two minutes."
HANG_GUARD_S = 120


class GatedProxy(TamperingProxy):
    """Holds the first create before it reaches the sandbox until `release` is set."""

    def __post_init__(self) -> None:
        super().__post_init__()
        self.arrived = threading.Event()
        self.release = threading.Event()
        self._gated = False

    def _forward(self, method: str, path: str, headers: Any, data: bytes) -> Answer:
        if method == "POST" and path.startswith(CREATE) and not self._gated:
            self._gated = True
            self.arrived.set()
            self.release.wait(HANG_GUARD_S)
        return super()._forward(method, path, headers, data)


@pytest.fixture
def rig() -> Iterator[tuple[Sandbox, GatedProxy]]:
    with Sandbox(customers=3, seed=5) as sandbox, GatedProxy.before(sandbox) as proxy:
        assert isinstance(proxy, GatedProxy)
        yield sandbox, proxy
        proxy.release.set()


def filed_at_microsoft(sandbox: Sandbox) -> list[str]:
    own = sandbox.data.service_requests(sandbox.data.partner_tenant_id)
    return [str(r["id"]) for r in own if r["title"] == TITLE]


def kept_draft(home: Path, sandbox: Sandbox) -> Draft:
    customer = sandbox.data.customers[0]
    store = DraftStore(home / "data" / "drafts.sqlite3")
    try:
        return store.save(
            Draft.new(
                customer.tenant_id,
                customer.company_name,
                title=TITLE,
                severity="critical",
                topic_id=TOPIC,
                description=DESCRIPTION,
            )
        )
    finally:
        store.close()


def resume(home: Path, draft: Draft, url: str) -> subprocess.Popen[str]:
    env = dict(os.environ, PARTNER_DESK_HOME=str(home))
    return subprocess.Popen(
        [sys.executable, "-m", "desktop", "drafts", "resume", draft.id, "--sandbox-url", url],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_two_processes_sending_one_draft_file_one_request(tmp_path: Path, rig) -> None:
    sandbox, proxy = rig
    draft = kept_draft(tmp_path, sandbox)
    first = resume(tmp_path, draft, proxy.url)
    try:
        assert proxy.arrived.wait(HANG_GUARD_S), "the first process never sent its create"
        second = resume(tmp_path, draft, proxy.url)
        out, err = second.communicate(timeout=HANG_GUARD_S)
    finally:
        proxy.release.set()
    _first_out, first_err = first.communicate(timeout=HANG_GUARD_S)
    assert len(filed_at_microsoft(sandbox)) == 1
    assert first.returncode == 0, first_err
    assert "Traceback" not in err
    assert "being sent by another Partner Desk window" in err, (second.returncode, out, err)
    assert second.returncode == 1


def test_a_draft_filed_meanwhile_is_not_sent_again(tmp_path: Path, fresh_sandbox: Sandbox) -> None:
    """A window that still shows a draft another Partner Desk filed, and saves and sends it
    again: the draft is read again under the lock, found filed, and said to be."""
    sandbox = fresh_sandbox
    store = DraftStore(tmp_path / "drafts.sqlite3")
    customer = sandbox.data.customers[0]
    draft = store.save(
        Draft.new(
            customer.tenant_id,
            customer.company_name,
            title=TITLE,
            severity="critical",
            topic_id=TOPIC,
            description=DESCRIPTION,
        )
    )
    backend = Backend.for_sandbox(sandbox.url, ca_pem=sandbox.ca_pem)
    try:
        created = submit(backend, store, draft.id)
        store.save(draft)  # the other window's copy, saved as it is typed
        with pytest.raises(AlreadyFiledError) as raised:
            submit(backend, store, draft.id)
        assert raised.value.filed.number == created.id
        assert filed_at_microsoft(sandbox) == [created.id]
    finally:
        backend.close()
        store.close()
