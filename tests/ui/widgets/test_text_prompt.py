"""The add-note box: Ctrl+Enter submits the note, as in a mail or chat box (issue 18, defect
16); Enter alone makes a new line; an empty note is not submitted."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from desktop.ui.widgets.dialogs import TextPrompt

Ctrl = Qt.KeyboardModifier.ControlModifier


@pytest.mark.parametrize(
    ("key", "modifiers"),
    [
        (Qt.Key.Key_Return, Ctrl),
        (Qt.Key.Key_Enter, Ctrl | Qt.KeyboardModifier.KeypadModifier),
    ],
)
def test_ctrl_enter_submits_the_note(qtbot, key: Qt.Key, modifiers) -> None:
    prompt = TextPrompt("Add a note", "Note for request 1:")
    qtbot.addWidget(prompt)
    prompt.show()
    qtbot.waitExposed(prompt)
    prompt.activateWindow()
    qtbot.waitUntil(prompt.isActiveWindow, timeout=5000)
    prompt.edit.setFocus()
    qtbot.keyClicks(prompt.edit, "Rebooted the connector.")
    qtbot.keyClick(prompt.edit, Qt.Key.Key_Return)  # a new line, not a submit
    assert prompt.isVisible()
    qtbot.keyClicks(prompt.edit, "Still failing.")
    with qtbot.waitSignal(prompt.finished, timeout=5000) as finished:
        qtbot.keyClick(prompt.edit, key, modifiers)
    assert finished.args == [QDialog.DialogCode.Accepted.value]
    assert prompt.text() == "Rebooted the connector.\nStill failing."


def test_ctrl_enter_on_an_empty_note_submits_nothing(qtbot) -> None:
    prompt = TextPrompt("Add a note", "Note for request 1:")
    qtbot.addWidget(prompt)
    prompt.show()
    qtbot.waitExposed(prompt)
    prompt.activateWindow()
    qtbot.waitUntil(prompt.isActiveWindow, timeout=5000)
    prompt.edit.setFocus()
    qtbot.keyClick(prompt.edit, Qt.Key.Key_Return, Ctrl)
    assert prompt.isVisible()
    assert prompt.result() != QDialog.DialogCode.Accepted.value
    prompt.reject()
