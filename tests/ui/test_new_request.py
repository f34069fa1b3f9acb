"""The New service request dialog against the sandbox: the web form first (text on the
clipboard, draft kept until Microsoft's number is entered), the API create as a fallback
(once only), any refusal of it leading to the web form."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.qt.session import SessionHolder
from desktop.qt.worker import Worker
from desktop.sandbox import Sandbox
from desktop.services.backend import Backend
from desktop.store import Draft, DraftStore
from desktop.ui.dialogs.new_request import NewRequestDialog, escalation_draft
from tests.ui.conftest import Launcher
from tests.ui.driving import holder_for

TYPIST = Path(__file__).with_name("typist.py")


@pytest.fixture
def make_ctx(qloop, launcher: Launcher, tmp_path) -> Iterator:
    made: list[tuple[Worker, Backend, Sandbox]] = []

    def make(**sandbox_options) -> tuple[SessionHolder, Sandbox]:
        sandbox = Sandbox(customers=4, seed=9, **sandbox_options, consented="all").start()
        worker = Worker()
        backend = Backend.for_sandbox(sandbox.url)
        made.append((worker, backend, sandbox))
        store = DraftStore(tmp_path / "drafts.sqlite3")
        holder = holder_for(worker=worker, backend=backend, launcher=launcher, drafts=store)
        return holder, sandbox

    yield make
    for worker, backend, sandbox in made:
        worker.shutdown(wait=True)
        backend.close()
        sandbox.stop()


def open_dialog(qtbot, holder: SessionHolder, sandbox: Sandbox) -> NewRequestDialog:
    customer = sandbox.data.customers[0]
    assert holder.session.drafts is not None
    draft = Draft.new(customer.tenant_id, customer.company_name, customer_domain=customer.domain)
    dialog = NewRequestDialog(holder, holder.session.drafts, draft)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.topics_loaded, timeout=10000)
    return dialog


def fill(qtbot, dialog: NewRequestDialog, title: str = "Mail flow stopped") -> None:
    qtbot.keyClicks(dialog.title_edit, title)
    dialog.service.setCurrentText("Exchange Online")
    if dialog.topic.count():
        dialog.topic.setCurrentIndex(0)
    qtbot.keyClicks(dialog.description, "No mail leaves the tenant since 09:10 UTC; NDR 5.7.1.")
    qtbot.keyClicks(dialog.contact_email, "ada@contoso.example")


def ran(qtbot, dialog: NewRequestDialog, coro) -> None:
    task = dialog.holder.worker.spawn(coro)
    qtbot.waitUntil(task.done, timeout=20000)
    assert task.exception() is None


def leave(qtbot, to) -> None:
    """Move the keyboard to `to` (the field before it loses the focus)."""
    to.setFocus()
    qtbot.waitUntil(to.hasFocus, timeout=5000)


def shown_errors(dialog: NewRequestDialog) -> set[str]:
    """The fields whose message shows (a message fixed may leave its room empty)."""
    return {
        key for key, label in dialog.errors.items() if label.isVisibleTo(dialog) and label.text()
    }


def test_each_bad_field_says_why(qtbot, make_ctx):
    holder, sandbox = make_ctx()
    dialog = open_dialog(qtbot, holder, sandbox)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=5000)
    # A blank form just opened shows no problem at all.
    assert shown_errors(dialog) == set()
    assert not dialog.number_error.isVisibleTo(dialog)
    leave(qtbot, dialog.description)
    qtbot.keyClicks(dialog.description, "short")
    # Not while the user is still typing in the field ...
    assert shown_errors(dialog) == set()
    leave(qtbot, dialog.contact_email)
    # ... but once they leave it; a field tabbed through untouched stays quiet.
    assert shown_errors(dialog) == {"description"}
    qtbot.keyClicks(dialog.contact_email, "ada@")
    leave(qtbot, dialog.cc)
    qtbot.keyClicks(dialog.cc, "ops@contoso.example, nope")
    leave(qtbot, dialog.title_edit)
    assert shown_errors(dialog) == {"description", "contact", "cc"}
    # Fixed while typing in a field already marked: the mark goes at once.
    leave(qtbot, dialog.description)
    qtbot.keyClicks(dialog.description, " and this makes it long enough")
    assert "description" not in shown_errors(dialog)
    dialog.description.setPlainText("short")
    ran(qtbot, dialog, dialog.submit())
    # ... and for every field at submit (the API also needs a support topic).
    assert shown_errors(dialog) == {"title", "topic", "description", "contact", "cc"}
    assert "at least 20" in dialog.errors["description"].text()
    assert "nope" in dialog.errors["cc"].text()
    assert "Fix the fields" in dialog.status.text()
    assert sandbox.stats().get("creates", 0) == 0
    # Every mark gone, the line that pointed at them goes too (the walk saw it stay).
    dialog.title_edit.setText("Mail flow stopped for every user")
    dialog.description.setPlainText("Since 09:10 no mail leaves the tenant; queues grow.")
    dialog.contact_email.setText("ada@contoso.example")
    dialog.cc.setText("ops@contoso.example")
    dialog.topic.setCurrentIndex(max(1, dialog.topic.currentIndex()))
    dialog._show_problems(only_touched=False)
    assert {k for k, label in dialog.errors.items() if label.text()} == set()
    assert dialog.status.text() == ""


def settled(dialog: NewRequestDialog) -> None:
    """The dialog laid out again after what changed in it."""
    QApplication.processEvents()
    dialog.layout().activate()


def test_the_form_stays_still_while_its_errors_are_fixed(qtbot, make_ctx):
    """The walk typed into CC and the text went elsewhere: each message that went as its
    field became valid moved the rows below it up, under the click aimed at CC."""
    holder, sandbox = make_ctx()
    dialog = open_dialog(qtbot, holder, sandbox)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=5000)
    ran(qtbot, dialog, dialog.open_form())  # a blank form: every field says what is missing
    settled(dialog)
    assert {"title", "description"} <= shown_errors(dialog)
    cc_at = dialog.cc.mapTo(dialog, dialog.cc.rect().topLeft())
    status_at = dialog.status.y()
    qtbot.keyClicks(dialog.title_edit, "Mail flow stopped for every user")
    leave(qtbot, dialog.description)
    qtbot.keyClicks(dialog.description, "Since 09:10 no mail leaves the tenant; queues grow.")
    leave(qtbot, dialog.cc)
    # Nor does a message come while typing (here an address half typed): it comes on leaving.
    qtbot.keyClicks(dialog.cc, "ops@")
    settled(dialog)
    assert shown_errors(dialog) == set()
    assert dialog.cc.mapTo(dialog, dialog.cc.rect().topLeft()) == cc_at
    assert dialog.status.y() == status_at
    qtbot.keyClicks(dialog.cc, "contoso.example")
    leave(qtbot, dialog.title_edit)
    settled(dialog)
    assert shown_errors(dialog) == set()
    assert dialog.cc.mapTo(dialog, dialog.cc.rect().topLeft()) == cc_at
    # The summary reads as an error, set off from the last field, and goes with the marks.
    assert dialog.status.text() == ""
    dialog.title_edit.clear()
    ran(qtbot, dialog, dialog.open_form())
    assert "Fix the fields" in dialog.status.text()
    assert "#b3261e" in dialog.status.styleSheet() == dialog.errors["title"].styleSheet()
    assert dialog.status.contentsMargins().top() > 0
    # The next try lays the form out afresh: only the field still wrong has a message's room.
    settled(dialog)
    assert shown_errors(dialog) == {"title"}
    assert [key for key, label in dialog.errors.items() if label.isVisibleTo(dialog)] == ["title"]


def test_the_contact_hint_does_not_take_the_keyboard(qtbot, make_ctx):
    holder, sandbox = make_ctx()
    dialog = open_dialog(qtbot, holder, sandbox)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=5000)
    leave(qtbot, dialog.contact_email)
    assert dialog.contact_used.text()
    qtbot.mouseClick(dialog.contact_used, Qt.MouseButton.LeftButton)
    assert dialog.contact_email.hasFocus()


def test_the_web_form_first_then_microsofts_number(qtbot, make_ctx, launcher: Launcher):
    holder, sandbox = make_ctx(retired_create=True)
    customer = sandbox.data.customers[0]
    dialog = open_dialog(qtbot, holder, sandbox)
    # Microsoft refuses the API (its support topics too): only the web form is offered.
    assert not dialog.submit_button.isVisibleTo(dialog)
    assert not dialog.topic.isVisibleTo(dialog)
    recorded: list[object] = []
    dialog.filed.connect(recorded.append)
    fill(qtbot, dialog, "Web form path")
    ran(qtbot, dialog, dialog.open_form())
    assert launcher.opened == [
        f"https://admin.cloud.microsoft/?delegatedOrg={customer.domain}#/support"
    ]
    clipboard = QApplication.clipboard().text()
    assert "Title: Web form path" in clipboard
    assert "NDR 5.7.1" in clipboard
    assert "Service: Exchange Online" in clipboard
    assert customer.domain in clipboard
    assert "Paste the text" in dialog.status.text()
    assert holder.session.drafts is not None
    assert [d.title for d in holder.session.drafts.all()] == ["Web form path"]  # kept until filed
    # A number that is not Microsoft's is refused, nothing recorded.
    qtbot.keyClicks(dialog.number, "abc")
    ran(qtbot, dialog, dialog.mark_filed())
    assert dialog.number_error.isVisibleTo(dialog)
    assert "digits" in dialog.number_error.text()
    assert len(holder.session.drafts.all()) == 1
    dialog.number.setText("#2412 0100 4000 1234")
    ran(qtbot, dialog, dialog.mark_filed())
    assert dialog.result() == 1
    assert holder.session.drafts.all() == []
    filed = holder.session.drafts.filed_for(customer.tenant_id)
    assert [(f.number, f.channel, f.title) for f in filed] == [
        ("2412010040001234", "web", "Web form path")
    ]
    assert recorded == filed
    assert sandbox.stats().get("creates", 0) == 0


def test_an_azure_problem_opens_the_azure_portal(qtbot, make_ctx, launcher: Launcher):
    holder, sandbox = make_ctx(retired_create=True)
    dialog = open_dialog(qtbot, holder, sandbox)
    fill(qtbot, dialog, "VM cannot start")
    dialog.service.setCurrentText("Azure")
    ran(qtbot, dialog, dialog.open_form())
    domain = sandbox.data.customers[0].domain
    assert launcher.opened == [
        f"https://portal.azure.com/{domain}/#view/Microsoft_Azure_Support/NewSupportRequestV3Blade"
    ]


def test_the_api_fallback_files_exactly_one_partner_ticket(qtbot, make_ctx):
    holder, sandbox = make_ctx(drop_after_commit=1)
    dialog = open_dialog(qtbot, holder, sandbox)
    assert dialog.submit_button.isVisibleTo(dialog)  # Microsoft still accepts it here
    filed: list[object] = []
    dialog.filed.connect(filed.append)
    fill(qtbot, dialog, "Exactly one from the GUI")
    ran(qtbot, dialog, dialog.submit())
    assert len(filed) == 1
    own = [
        r
        for r in holder.session.backend.requests(None).items
        if r.title == "Exactly one from the GUI"
    ]
    assert len(own) == 1
    assert sandbox.data.customers[0].company_name in own[0].description
    assert sandbox.stats()["creates"] == 1
    assert holder.session.drafts is not None
    assert holder.session.drafts.all() == []
    tenant = sandbox.data.customers[0].tenant_id
    assert [f.number for f in holder.session.drafts.filed_for(tenant)] == [own[0].id]


def test_a_refused_create_leads_to_the_web_form(qtbot, make_ctx, launcher: Launcher):
    holder, sandbox = make_ctx()
    dialog = open_dialog(qtbot, holder, sandbox)
    assert dialog.submit_button.isVisibleTo(dialog)
    fill(qtbot, dialog, "Refused later")
    sandbox.set_retired_create(True)  # Microsoft turns the API off between two calls
    ran(qtbot, dialog, dialog.submit())
    domain = sandbox.data.customers[0].domain
    assert launcher.opened == [f"https://admin.cloud.microsoft/?delegatedOrg={domain}#/support"]
    assert "no longer takes requests through the API" in dialog.status.text()
    assert "Title: Refused later" in QApplication.clipboard().text()
    assert not dialog.submit_button.isVisibleTo(dialog)
    assert holder.session.drafts is not None
    assert [d.title for d in holder.session.drafts.all()] == ["Refused later"]


def test_escalating_an_incident_fills_the_draft(sandbox: Sandbox, backend: Backend):
    customer = next(c for c in backend.customers().items)
    issue = backend.issues(customer.tenant_id).items[0] if sandbox else None
    assert issue is not None
    draft = escalation_draft(customer, issue)
    assert issue.id in draft.description
    assert draft.incident_id == issue.id
    assert issue.service in draft.title


def test_a_draft_survives_a_killed_process(tmp_path):
    """Type into the real dialog in a child process, kill it mid-typing (SIGKILL; on Windows
    TerminateProcess), restart it."""
    store_path = tmp_path / "drafts.sqlite3"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PARTNER_DESK_HOME": str(tmp_path)}
    child = subprocess.Popen(
        [sys.executable, str(TYPIST), "type", str(store_path)],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert child.stdout is not None
    typed = 0
    for line in child.stdout:
        if line.startswith("typed "):
            typed = int(line.split()[1])
            if typed >= 120:
                break
    child.kill()
    child.wait(10)
    child.stdout.close()
    assert typed >= 120
    restored = subprocess.run(
        [sys.executable, str(TYPIST), "restore", str(store_path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=True,
    )
    draft = json.loads(restored.stdout.strip().splitlines()[-1])
    text = draft["title"] + draft["description"]
    expected = "".join(json.loads(TYPIST.with_suffix(".json").read_text()))
    assert expected.startswith(text)  # what was restored is what was typed, in order
    # At most the last save interval of typing (300 ms at ~20 ms a key) may be lost.
    assert len(text) >= typed - 40, (len(text), typed)


def test_the_dialog_keys(qtbot, make_ctx, launcher: Launcher):
    holder, sandbox = make_ctx(retired_create=True)
    dialog = open_dialog(qtbot, holder, sandbox)
    fill(qtbot, dialog, "By keyboard")
    # Ctrl+Return opens Microsoft's form; Return in the number field marks it filed.
    qtbot.keyClick(dialog.description, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(launcher.opened) == 1, timeout=20000)
    qtbot.waitUntil(dialog.number.hasFocus, timeout=5000)
    qtbot.keyClicks(dialog.number, "30012345")
    qtbot.keyClick(dialog.number, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.result() == 1, timeout=20000)


def test_return_opens_microsofts_form_and_only_the_number_field_marks_filed(
    qtbot, make_ctx, launcher: Launcher
):
    holder, sandbox = make_ctx(retired_create=True)
    dialog = open_dialog(qtbot, holder, sandbox)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=5000)
    assert dialog.form_button.isDefault()
    assert not dialog.filed_button.isDefault()
    # Return on a blank form tries Microsoft's form: the fields say what is missing, the
    # request number (not asked for yet) says nothing.
    leave(qtbot, dialog.title_edit)
    qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Fix the fields" in dialog.status.text(), timeout=5000)
    assert {"title", "description"} <= shown_errors(dialog)
    assert not dialog.number_error.isVisibleTo(dialog)
    assert launcher.opened == []
    fill(qtbot, dialog, "Return opens the form")
    leave(qtbot, dialog.title_edit)
    qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(launcher.opened) == 1, timeout=20000)
    qtbot.waitUntil(dialog.number.hasFocus, timeout=5000)
    # Return in the number field records the filing, and opens nothing more.
    qtbot.keyClicks(dialog.number, "2412010040001234")
    qtbot.keyClick(dialog.number, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.result() == 1, timeout=20000)
    assert len(launcher.opened) == 1
    assert holder.session.drafts is not None
    assert [
        f.number for f in holder.session.drafts.filed_for(sandbox.data.customers[0].tenant_id)
    ] == ["2412010040001234"]


def test_a_long_prefilled_title_shows_its_start(qtbot, make_ctx):
    holder, sandbox = make_ctx()
    customer = sandbox.data.customers[0]
    assert holder.session.drafts is not None
    title = (
        "Microsoft Teams: " + "Users may be unable to join meetings from the desktop client " * 3
    )
    draft = Draft.new(customer.tenant_id, customer.company_name, title=title.strip())
    dialog = NewRequestDialog(holder, holder.session.drafts, draft)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.topics_loaded, timeout=10000)
    assert dialog.title_edit.cursorPosition() == 0
    assert dialog.title_edit.text() == title.strip()
    assert shown_errors(dialog) == set()


def test_closing_keeps_the_draft_and_says_so_with_the_number_typed(
    qtbot, make_ctx, launcher: Launcher
):
    holder, sandbox = make_ctx(retired_create=True)
    dialog = open_dialog(qtbot, holder, sandbox)
    said: list[str] = []
    dialog.message.connect(said.append)
    fill(qtbot, dialog, "Kept on Esc")
    qtbot.keyClicks(dialog.number, "12ab")  # not a number Microsoft gives: kept as typed
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    assert len(said) == 1
    assert said[0] == (
        f"Draft “Kept on Esc” for {sandbox.data.customers[0].company_name} kept: Ctrl+N or "
        "Service requests → Drafts reopens it."
    )
    assert holder.session.drafts is not None
    qtbot.waitUntil(lambda: len(holder.session.drafts.all()) == 1, timeout=5000)
    kept = holder.session.drafts.all()[0]
    assert (kept.title, kept.request_number) == ("Kept on Esc", "12ab")
    # Reopened, it has the number back, and what is wrong with it.
    again = NewRequestDialog(holder, holder.session.drafts, kept)
    qtbot.addWidget(again)
    again.show()
    assert again.number.text() == "12ab"
    assert again.number_error.isVisibleTo(again)
    assert "digits" in again.number_error.text()
    assert shown_errors(again) == set()
    # A blank dialog closed says nothing: there is nothing kept.
    blank = open_dialog(qtbot, holder, sandbox)
    blank.message.connect(said.append)
    blank.reject()
    assert len(said) == 1


def test_a_draft_another_window_is_sending_is_not_sent_from_here(qtbot, make_ctx, tmp_path):
    """Issue 18, defect 4: another Partner Desk holds the draft's sending lock (a store of its
    own on the same file, as another process has: an OS lock on a file of its own); this
    window says so and sends nothing."""
    holder, sandbox = make_ctx()
    dialog = open_dialog(qtbot, holder, sandbox)
    fill(qtbot, dialog, "Sent by the other window")
    other = DraftStore(tmp_path / "drafts.sqlite3")
    try:
        with other.sending(dialog.draft.id):
            ran(qtbot, dialog, dialog.submit())
    finally:
        other.close()
    assert "being sent by another Partner Desk window" in dialog.status.text()
    assert sandbox.stats()["creates"] == 0
    assert holder.session.drafts is not None
    assert [d.title for d in holder.session.drafts.all()] == ["Sent by the other window"]
