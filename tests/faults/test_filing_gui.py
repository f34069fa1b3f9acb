"""The main window's New service request dialog when the create's answer is lost or garbled and
the check of Microsoft's list fails (issue 16, items 6 and 13, in the GUI): through a tampering
proxy in front of the sandbox, one request, never two, whether the user presses Submit again,
keeps the draft and types the same request in a new dialog, or Microsoft's answer is unreadable;
and the pane says what happened, never "not filed" for a request that may be filed."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.qt.worker import Worker
from desktop.sandbox import Sandbox
from desktop.services.backend import Backend
from desktop.store import Draft, DraftStore
from desktop.ui.dialogs.new_request import NewRequestDialog
from desktop.ui.main_window import MainWindow
from tests.ui.driving import holder_for

from .tampering import TamperingProxy, body, drop, unavailable

CREATE = "/v1/servicerequests/en-US"
LISTS = re.compile(r"^/v1/(customers/[^/?]+/)?servicerequests\?")
TITLE = "Mail flow stopped for every user"
DESCRIPTION = "No mail leaves the tenant since 09:10 UTC; NDR 5.7.1 for every sender."


class Rig:
    """A sandbox behind a tampering proxy, and the main window on the proxy."""

    def __init__(self, qtbot: QtBot, tmp_path: Path) -> None:
        self.qtbot = qtbot
        self.sandbox = Sandbox(customers=4, seed=9).start()
        self.proxy = TamperingProxy.before(self.sandbox).__enter__()
        self.worker = Worker()
        self.backend = Backend.for_sandbox(self.proxy.url)
        self.store = DraftStore(tmp_path / "drafts.sqlite3")
        self.holder = holder_for(worker=self.worker, backend=self.backend, mode="sandbox",
                              launcher=lambda _url: True, drafts=self.store)  # fmt: skip
        self.window = MainWindow(self.holder)
        qtbot.addWidget(self.window)
        self.window.show()
        with qtbot.waitSignal(self.window.directory.loaded, timeout=20000):
            self.worker.spawn(self.window.load_customers())

    def new_request(self) -> NewRequestDialog:
        """What Ctrl+N opens for the first customer: a new draft in the window's dialog."""
        customer = self.sandbox.data.customers[0]
        draft = Draft.new(
            customer.tenant_id, customer.company_name, customer_domain=customer.domain
        )
        dialog = self.window.requests_desk.edit_draft(draft)
        assert dialog is not None
        self.qtbot.waitUntil(lambda: dialog.topics_loaded, timeout=10000)
        assert dialog.submit_button.isVisibleTo(dialog)  # Microsoft takes the API here
        self.qtbot.keyClicks(dialog.title_edit, TITLE)
        dialog.topic.setCurrentIndex(0)
        self.qtbot.keyClicks(dialog.description, DESCRIPTION)
        return dialog

    def submit(self, dialog: NewRequestDialog) -> str:
        task = self.worker.spawn(dialog.submit())
        self.qtbot.waitUntil(task.done, timeout=20000)
        assert task.exception() is None  # no traceback, no crash dialog
        return dialog.status.text()

    def creates(self) -> int:
        return len(self.proxy.calls("POST", CREATE))

    def at_microsoft(self) -> list[str]:
        own = self.sandbox.data.service_requests(self.sandbox.data.partner_tenant_id)
        return [str(r["id"]) for r in own if r["title"] == TITLE]

    def close(self) -> None:
        self.window.close()
        self.worker.shutdown(wait=True)
        self.backend.close()
        self.store.close()
        self.proxy.__exit__(None, None, None)
        self.sandbox.stop()


@pytest.fixture
def rig(qtbot: QtBot, qloop: object, tmp_path: Path) -> Iterator[Rig]:
    made = Rig(qtbot, tmp_path)
    yield made
    made.close()


def test_submitting_again_after_a_lost_answer_files_one_request(rig: Rig) -> None:
    dialog = rig.new_request()
    filed: list[object] = []
    dialog.filed.connect(filed.append)
    rig.proxy.tamper("POST", CREATE, drop)
    rig.proxy.tamper("GET", LISTS, unavailable(), count=100)
    status = rig.submit(dialog)
    assert "may have reached Microsoft" in status
    assert "Not filed" not in status
    # Submit again while the list still fails: nothing is sent without the check.
    status = rig.submit(dialog)
    assert "may have reached Microsoft" in status
    assert rig.creates() == 1
    rig.proxy.clear()
    rig.submit(dialog)
    assert len(filed) == 1
    assert rig.creates() == 1
    assert rig.at_microsoft() == [getattr(filed[0], "id", None)]
    assert rig.store.all() == []


def test_the_same_request_typed_again_in_a_new_dialog_resumes_the_kept_draft(rig: Rig) -> None:
    first = rig.new_request()
    rig.proxy.tamper("POST", CREATE, drop)
    rig.proxy.tamper("GET", LISTS, unavailable(), count=100)
    assert "may have reached Microsoft" in rig.submit(first)
    first.reject()  # Keep as draft
    [kept] = rig.store.all()
    rig.proxy.clear()
    second = rig.new_request()
    filed: list[object] = []
    second.filed.connect(filed.append)
    rig.submit(second)
    assert len(filed) == 1
    assert rig.creates() == 1
    assert rig.at_microsoft() == [getattr(filed[0], "id", None)]
    assert rig.store.all() == []
    assert [f.draft_id for f in rig.store.filed_all()] == [kept.id]


def test_an_unreadable_201_is_a_filed_request_whose_number_is_looked_up(rig: Rig) -> None:
    dialog = rig.new_request()
    filed: list[object] = []
    dialog.filed.connect(filed.append)
    rig.proxy.tamper("POST", CREATE, body(b'{"id": ["2412"], "createdDate": "soon"}'))
    rig.proxy.tamper("GET", LISTS, unavailable(), count=100)
    status = rig.submit(dialog)
    assert "accepted the request" in status
    assert "nothing will be sent again" in status
    [kept] = rig.store.all()
    assert kept.landed is not None
    rig.submit(dialog)  # the list still fails: still nothing sent
    rig.proxy.clear()
    rig.submit(dialog)
    assert len(filed) == 1
    assert rig.creates() == 1
    assert rig.at_microsoft() == [getattr(filed[0], "id", None)]
