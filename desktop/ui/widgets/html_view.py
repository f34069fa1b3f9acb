"""A read-only rich-text view for sanitized remote HTML: never loads anything remote."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import QTextBrowser, QWidget


class SafeTextBrowser(QTextBrowser):
    """QTextBrowser that refuses every resource load and hands clicked links to the caller.

    Signals:
        link_activated(str): a link was clicked; the receiver applies the link policy.
    """

    link_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(lambda url: self.link_activated.emit(url.toString()))

    def loadResource(self, kind: int, name: QUrl | str) -> Any:
        # Images, style sheets, anything: the sanitizer removed them, and this makes sure.
        return None
