"""The strip above the main window's content that says what this run cannot save.

Shown when a store's file cannot be written (a read-only or full disk) and the store lives in
memory for this run (desktop.gui_stores): which file, why, and what it means, without a modal
dialog in the way of the work that still can be done.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QWidget

from desktop.store.db import StoreError

_FULL = ("no space left on the disk", "the disk is full")


class UnsavedBanner(QFrame):
    """A warning strip: one label, selectable (the path can be copied). Hidden until `show_for`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unsavedBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        # A warning's colours from the palette's own roles would be lost in dark themes: a
        # fixed amber with dark text reads in both.
        self.setStyleSheet(
            "#unsavedBanner { background: #fff4ce; border: 1px solid #c19c00; border-radius: 4px; }"
            " #unsavedBanner QLabel { color: #3b2f00; }"
        )
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # paths are text, never markup
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.label, 1)
        # A strip: the height of its text, never a share of the window's.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.hide()

    def show_for(self, unsaved: Sequence[StoreError]) -> None:
        """Say what cannot be saved this run: the drafts first (work that would be lost), then
        the rest."""
        parts: list[str] = []
        for error in sorted(unsaved, key=lambda e: e.what != "drafts"):
            why = self._why(error.why or error.problem)
            if error.what == "drafts":
                parts.append(
                    self.tr(
                        "Drafts cannot be saved: {0} cannot be written ({1}). Drafts you write "
                        "now are kept only until Partner Desk closes: file or copy them before."
                    ).format(error.path, why)
                )
            elif error.what == "tags":
                parts.append(
                    self.tr("Tags are not kept: {0} cannot be written ({1}).").format(
                        error.path, why
                    )
                )
            else:
                parts.append(
                    self.tr(
                        "Nothing is cached for offline use: {0} cannot be written ({1})."
                    ).format(error.path, why)
                )
        full = any((e.why or e.problem) in _FULL for e in unsaved)
        parts.append(
            self.tr("Free space on that disk, then restart Partner Desk.")
            if full
            else self.tr(
                "Make the folder writable (or set PARTNER_DESK_HOME to one that is), then "
                "restart Partner Desk."
            )
        )
        text = " ".join(parts)
        self.label.setText(text)
        self.setAccessibleName(self.tr("Not saved"))
        self.setAccessibleDescription(text)
        self.show()

    def _why(self, text: str) -> str:
        """The system's words (desktop.config.paths.reason, desktop.store.db.store_error) in
        the window's language, where they are one of the few the stores give."""
        known = {
            "permission denied": self.tr("permission denied"),
            "read-only file system": self.tr("read-only file system"),
            "no space left on the disk": self.tr("no space left on the disk"),
            "the disk is full": self.tr("the disk is full"),
            "permission denied or read-only": self.tr("permission denied or read-only"),
            "a file is in the way": self.tr("a file is in the way"),
        }
        return known.get(text, text)


__all__ = ["UnsavedBanner"]
