"""Microsoft's request number, typed or pasted once its web form has taken a request."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from desktop.services.filing import (
    REQUEST_NUMBER_MAX,
    REQUEST_NUMBER_MIN,
    REQUEST_NUMBER_PROBLEM,
    TR_CONTEXT,
    request_number,
)


class RequestNumberBox(QWidget):
    """A number field, its "Mark as filed" button and what is wrong with the number.

    Signals:
        entered(): the user asked to mark the request filed (button or Return).
    """

    entered = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        label = QLabel(self.tr("Microsoft's re&quest number:"))
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(self.tr("as Microsoft's confirmation shows it"))
        self.edit.setAccessibleName(self.tr("Microsoft's request number"))
        label.setBuddy(self.edit)
        self.button = QPushButton(self.tr("Mark as fi&led"))
        self.button.setToolTip(
            self.tr("Record Microsoft's request number; the draft is then removed")
        )
        self.button.clicked.connect(self.entered)
        # Return here marks the request filed, and only that: the dialog's own Return (its
        # default button, Microsoft's form) must not see the key too.
        self.edit.installEventFilter(self)
        row.addWidget(label)
        row.addWidget(self.edit, 1)
        row.addWidget(self.button)
        layout.addLayout(row)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e;")
        self.error.hide()
        layout.addWidget(self.error)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.edit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.entered.emit()
            return True
        return super().eventFilter(watched, event)

    def number(self) -> str | None:
        """The number as Microsoft writes it, or None (and why, shown under the field)."""
        number = request_number(self.edit.text())
        if number is None:
            problem = QCoreApplication.translate(TR_CONTEXT, REQUEST_NUMBER_PROBLEM)
            self.error.setText(problem.format(REQUEST_NUMBER_MIN, REQUEST_NUMBER_MAX))
            self.error.show()
        else:
            self.error.hide()
        return number
