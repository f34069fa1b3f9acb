"""Unexpected errors: logged, shown once in a dialog with copyable redacted details, survived.

Exceptions can escape from a Qt slot (`sys.excepthook`), an asyncio task or callback (the
loop's exception handler) or a worker thread (`threading.excepthook`). `CrashReporter` catches
all three, logs them (through the redacting log handler), and shows `CrashDialog` on the GUI
thread. The app keeps running: a failed click must not cost the user their work.
"""

from __future__ import annotations

import logging
import platform
import sys
import threading
import traceback
from collections.abc import Callable
from types import TracebackType
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop import __version__
from desktop.config.redact import redact

log = logging.getLogger(__name__)


def details(kind: str, error: BaseException | None, where: str = "") -> str:
    """The report a user can paste into a ticket: versions, where, traceback; redacted."""
    lines = [
        f"Partner Desk {__version__}, Python {platform.python_version()}, {platform.platform()}",
        f"What: {kind}" + (f" in {where}" if where else ""),
    ]
    if error is not None:
        lines.append("".join(traceback.format_exception(type(error), error, error.__traceback__)))
    return redact("\n".join(lines))


class CrashDialog(QDialog):
    def __init__(self, summary: str, report: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Something went wrong"))
        layout = QVBoxLayout(self)
        text = QLabel(
            self.tr(
                "{0}\n\nPartner Desk keeps running; what you were doing may not have finished. "
                "The details below (no passwords or tokens) help support find the cause."
            ).format(summary)
        )
        text.setWordWrap(True)
        layout.addWidget(text)
        self.report = QPlainTextEdit(report)
        self.report.setReadOnly(True)
        self.report.setAccessibleName(self.tr("Error details"))
        layout.addWidget(self.report)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = QPushButton(self.tr("&Copy details"))
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(report))
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 420)


class CrashReporter(QObject):
    """Installs the three hooks; shows at most one dialog at a time, counts the rest."""

    _report = Signal(str, str)

    def __init__(
        self, parent_widget: Callable[[], QWidget | None], show_dialogs: bool = True
    ) -> None:
        super().__init__()
        self._parent_widget = parent_widget
        self.show_dialogs = show_dialogs
        self.reports: list[str] = []
        self._open: CrashDialog | None = None
        # Queued: a worker thread's report is shown by the GUI thread.
        self._report.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        sys.excepthook = self._excepthook
        threading.excepthook = self._thread_hook

    def loop_handler(self, _loop: Any, context: dict[str, Any]) -> None:
        error = context.get("exception")
        self.record("an error in a background task", error, str(context.get("message", "")))

    def record(self, kind: str, error: BaseException | None, where: str = "") -> None:
        report = details(kind, error, where)
        log.error("unhandled: %s", report)
        self.reports.append(report)
        summary = f"{type(error).__name__}: {error}" if error is not None else kind
        self._report.emit(redact(summary)[:300], report)

    def _excepthook(
        self, kind: type[BaseException], value: BaseException, tb: TracebackType | None
    ) -> None:
        self.record(f"{kind.__name__} in a Qt slot", value)

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        name = args.thread.name if args.thread is not None else "a thread"
        self.record("an error in a worker thread", args.exc_value, name)

    @Slot(str, str)
    def _show(self, summary: str, report: str) -> None:
        if not self.show_dialogs or self._open is not None:
            return
        self._open = CrashDialog(summary, report, self._parent_widget())
        self._open.finished.connect(self._closed)
        self._open.show()

    def _closed(self) -> None:
        self._open = None
