"""Requests → Drafts… (issue 18, defects 10 and 16): every kept draft listed with its
customer's NAME, also one made by `partner-desk request new`, opened or discarded after a
confirmation, by keyboard."""

from __future__ import annotations

import json

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop import cli
from desktop.sandbox import Sandbox
from desktop.store import Draft
from desktop.ui.dialogs.drafts_dialog import CUSTOMER, STATE, TITLE, DraftsDialog
from desktop.ui.main_window import MainWindow

DESCRIPTION = "Since 09:10 UTC no user can send mail; error 0x800CCC0F."


def open_drafts(qtbot, window: MainWindow) -> DraftsDialog:
    action = window.actions_by_name["drafts"]
    assert action in window.requests_menu.actions()
    action.trigger()
    dialog = window.findChild(DraftsDialog)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.loaded, timeout=10000)
    return dialog


def rows(dialog: DraftsDialog) -> list[tuple[str, str, str]]:
    table = dialog.table
    return [
        (item.text(CUSTOMER), item.text(TITLE), item.text(STATE))
        for item in (table.topLevelItem(i) for i in range(table.topLevelItemCount()))
    ]


def test_a_draft_from_the_command_line_shows_its_customers_name(qtbot, capsys, window: MainWindow):
    with Sandbox(customers=3, seed=5, retired_create=True, consented="all") as other:
        customer = other.data.customers[0]
        argv = ["request", "new", "--customer", customer.tenant_id, "--title", "From the CLI"]
        argv += ["--severity", "moderate", "--description", DESCRIPTION]
        assert cli.main([*argv, "--sandbox-url", other.url]) == 4
    kept = json.loads(capsys.readouterr().out)["draft"]
    # The command line's own list names the customer too.
    assert cli.main(["drafts", "list"]) == 0
    listed = capsys.readouterr().out
    assert customer.company_name[:20] in listed
    assert customer.tenant_id not in listed
    # A draft saved without a name (an older version) is named from the customer list.
    known = window.directory.customers[1]
    store = window.holder.session.drafts
    assert store is not None
    store.save(Draft.new(known.tenant_id, title="Saved without a name", description=DESCRIPTION))
    dialog = open_drafts(qtbot, window)
    shown = {title: name for name, title, _state in rows(dialog)}
    assert shown == {
        "From the CLI": customer.company_name,
        "Saved without a name": known.company_name,
    }
    assert [d.id for d in dialog._drafts if d.title == "From the CLI"] == [kept]
    assert dialog.table.accessibleName()
    assert dialog.discard_button.accessibleName()
    dialog.close()


def test_discard_asks_first_then_drops_the_draft(qtbot, window: MainWindow):
    store = window.holder.session.drafts
    assert store is not None
    customer = window.directory.customers[0]
    keep = store.save(Draft.new(customer.tenant_id, customer.company_name, title="Keep me"))
    drop = store.save(Draft.new(customer.tenant_id, customer.company_name, title="Drop me"))
    dialog = open_drafts(qtbot, window)
    assert [title for _n, title, _s in rows(dialog)] == ["Drop me", "Keep me"]  # newest first
    assert dialog.table.currentItem().text(TITLE) == "Drop me"
    said: list[str] = []
    dialog.message.connect(said.append)

    def answer(button: QMessageBox.StandardButton) -> None:
        qtbot.waitUntil(lambda: dialog.findChild(QMessageBox) is not None, timeout=5000)
        box = dialog.findChild(QMessageBox)
        assert "Drop me" in box.text()
        box.button(button).click()
        box.deleteLater()
        qtbot.waitUntil(lambda: dialog.findChild(QMessageBox) is None, timeout=5000)

    # The Delete key asks; Cancel keeps it.
    qtbot.keyClick(dialog.table, Qt.Key.Key_Delete)
    answer(QMessageBox.StandardButton.Cancel)
    assert {d.id for d in store.all()} == {keep.id, drop.id}
    dialog.discard_button.click()
    answer(QMessageBox.StandardButton.Discard)
    qtbot.waitUntil(lambda: len(rows(dialog)) == 1, timeout=5000)
    assert [d.id for d in store.all()] == [keep.id]
    assert said
    assert "Drop me" in said[-1]
    # Open carries on with the draft in the request dialog.
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: keep.id in window.requests_desk.dialogs, timeout=5000)
    editor = window.requests_desk.dialogs[keep.id]
    assert editor.title_edit.text() == "Keep me"
    editor.reject()


def test_the_list_is_read_again_when_the_window_is_back(qtbot, window: MainWindow):
    """A draft discarded elsewhere (`partner-desk drafts discard`, another window) while the
    Drafts window was open stayed listed (the walk)."""
    store = window.holder.session.drafts
    assert store is not None
    customer = window.directory.customers[0]
    keep = store.save(Draft.new(customer.tenant_id, customer.company_name, title="Keep me"))
    gone = store.save(Draft.new(customer.tenant_id, customer.company_name, title="Gone"))
    dialog = open_drafts(qtbot, window)
    assert len(rows(dialog)) == 2
    dialog.table.setCurrentItem(dialog.table.topLevelItem(1))  # "Keep me" chosen
    store.delete(gone.id)  # as the command line would
    QApplication.sendEvent(dialog, QEvent(QEvent.Type.WindowActivate))
    qtbot.waitUntil(lambda: len(rows(dialog)) == 1, timeout=5000)
    chosen = dialog.selected()
    assert chosen is not None
    assert chosen.id == keep.id
    dialog.close()
