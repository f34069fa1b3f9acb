"""Qt's clear button in a line edit, with a name a screen reader can say."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLineEdit, QToolButton


def enable_clear_button(edit: QLineEdit) -> None:
    """Like `edit.setClearButtonEnabled(True)`, and the button is named: Qt leaves it
    nameless, and over AT-SPI it is a button a screen reader reaches ("Press") once there is
    text, announced as "push button" and nothing else."""
    edit.setClearButtonEnabled(True)
    name = QCoreApplication.translate("LineEdit", "Clear text")
    # The only tool buttons in a line edit are its actions' (Qt's QLineEditIconButton); the
    # clear button is made just now, by setClearButtonEnabled.
    for button in edit.findChildren(QToolButton):
        button.setAccessibleName(name)
