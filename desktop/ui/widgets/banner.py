"""A message panel for a pane's loading, empty and error states, with an optional Retry."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.qt.text_limits import TEXT_CHARS, elide


class MessagePanel(QWidget):
    """Centered title, detail, an optional action button and a Retry button.

    Signals:
        retry_requested(): the user pressed Retry.
        action_requested(): the user pressed the action button (what it does is the owner's).
    """

    retry_requested = Signal()
    action_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        # Server text (an error's message) is shown as text: as HTML an <img> in it loaded files.
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setObjectName("messageTitle")
        self.title.setWordWrap(True)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        self.title.setFont(font)
        self.detail = QLabel()
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setWordWrap(True)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.retry = QPushButton(self.tr("Retry"))
        self.retry.setAccessibleName(self.tr("Retry loading"))
        self.retry.clicked.connect(self.retry_requested)
        self.action = QPushButton()
        self.action.setAutoDefault(True)
        self.action.clicked.connect(self.action_requested)
        self.action.hide()
        # A column of readable measure, centred: wrapped labels get their full height only
        # when the layout sets their width, not when an alignment shrinks them to a hint.
        column = QWidget()
        column.setMaximumWidth(self.fontMetrics().averageCharWidth() * 72)
        text = QVBoxLayout(column)
        text.setContentsMargins(0, 0, 0, 0)
        text.addWidget(self.title)
        text.addWidget(self.detail)
        text.addSpacing(self.fontMetrics().height() // 2)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.action)
        buttons.addWidget(self.retry)
        buttons.addStretch(1)
        text.addLayout(buttons)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(column, 8)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)

    def show_message(
        self, title: str, detail: str = "", retry: bool = False, action: str = ""
    ) -> None:
        """`action`: the action button's text ("" hides it). Title and detail may hold server
        text (an error's message): cut to a length a label lays out at once."""
        title, detail = elide(title, TEXT_CHARS), elide(detail, TEXT_CHARS)
        self.title.setText(title)
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))
        self.retry.setVisible(retry)
        self.action.setText(action)
        self.action.setAccessibleName(action.replace("&", ""))
        self.action.setVisible(bool(action))
        self.action.setEnabled(True)
        self.setAccessibleName(title)
        self.setAccessibleDescription(detail)
