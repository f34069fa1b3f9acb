"""The bar above a view that a sweep fills: run, stop, any controls of the view's own, the
progress, and a line of text (the dashboard's health and its planned changes alike)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from desktop.ui.widgets.progress import ProgressBar


class SweepBar(QWidget):
    """`run_button` and `stop_button` are the caller's to connect; `extra` widgets sit between
    them and the progress bar."""

    def __init__(
        self,
        run_text: str,
        stop_text: str,
        progress_name: str,
        extra: tuple[QWidget, ...] = (),
        progress_width: int = 240,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.run_button = QPushButton(run_text)
        self.stop_button = QPushButton(stop_text)
        self.stop_button.setEnabled(False)
        self.progress = ProgressBar()
        self.progress.setMaximumWidth(progress_width)
        self.progress.setAccessibleName(progress_name)
        self.status = QLabel()
        # Wrapped, not one long line: in German a long status made the window too wide for a
        # laptop screen at 150 %.
        self.status.setWordWrap(True)
        self.status.setMinimumWidth(self.fontMetrics().averageCharWidth() * 24)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.run_button, self.stop_button, *extra, self.progress):
            self._layout.addWidget(widget)
        self._layout.addWidget(self.status, 1)

    def add_text(self, label: QLabel) -> None:
        """A second line of text after the status, sharing the rest of the bar with it."""
        label.setWordWrap(True)
        label.setMinimumWidth(self.fontMetrics().averageCharWidth() * 24)
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._layout.addWidget(label, 1)

    def set_running(self, running: bool) -> None:
        self.run_button.setEnabled(not running)
        self.stop_button.setEnabled(running)

    def show_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
