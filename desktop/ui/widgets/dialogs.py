"""Dialogs awaited from coroutines, and a small multi-line text prompt."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)


async def run_dialog(dialog: QDialog) -> int:
    """Show `dialog` window-modal and wait for its result without a nested event loop.

    `exec()` inside a coroutine would re-enter the qasync loop while this task is running.
    """
    done: asyncio.Future[int] = asyncio.get_running_loop().create_future()
    dialog.finished.connect(lambda result: None if done.done() else done.set_result(result))
    dialog.open()
    return await done


class TextPrompt(QDialog):
    """A titled prompt for a few lines of text (a note on a service request). Enter makes a
    new line; Ctrl+Enter submits, as in a mail or chat box."""

    def __init__(self, title: str, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        caption = QLabel(label)
        caption.setWordWrap(True)
        self.edit = QPlainTextEdit()
        self.edit.setAccessibleName(label)
        self.edit.setTabChangesFocus(True)
        caption.setBuddy(self.edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setEnabled(False)
        self.edit.textChanged.connect(lambda: self.ok.setEnabled(bool(self.text())))
        # The text box takes Enter for a new line, so the dialog's default button never hears
        # it; Ctrl+Enter (either Enter key) submits instead.
        for keys in (
            QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Return),
            QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Enter),
        ):
            QShortcut(keys, self, self._submit)
        layout.addWidget(caption)
        layout.addWidget(self.edit)
        layout.addWidget(buttons)
        self.resize(480, 240)

    def text(self) -> str:
        return self.edit.toPlainText().strip()

    def _submit(self) -> None:
        if self.ok.isEnabled():
            self.accept()
