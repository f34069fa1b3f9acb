"""Download review: save an issue's post-incident review where the user chooses, then open it.

Microsoft publishes a review (a Word document) for an issue whose status is
`postIncidentReviewPublished`; Graph serves it at `issues/{id}/incidentReport` (API.md
section 3). The file dialog proposes `<issue id> post-incident review.docx` (in the user's
language) in the Downloads folder. The download, the write (a temporary file beside the
target, then an atomic replace: a failure or a cancel never leaves half a document under the
chosen name) and the opening with the system's app all run on the worker: the GUI thread
never waits on the network, the disk or another program starting.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop.config.paths import downloads_dir
from desktop.domain.enums import HEALTH_STATUS
from desktop.domain.health import HealthIssue
from desktop.qt.session import SessionHolder
from desktop.services.atomic_file import write_bytes
from desktop.services.backend import (
    CANCELLED,
    REVIEW_NOT_PUBLISHED,
    TOO_LARGE,
    ApiError,
    Category,
)
from desktop.ui.errors import explain
from desktop.ui.widgets.dialogs import run_dialog

REVIEW_PUBLISHED = "postIncidentReviewPublished"


def has_review(issue: HealthIssue) -> bool:
    """Whether Microsoft says the issue's post-incident review is out (Graph's status)."""
    return HEALTH_STATUS(issue.status) == REVIEW_PUBLISHED


def proposed_name(issue: HealthIssue) -> str:
    # Issue ids are letters and digits ("EX123456"); anything else could not be a file name.
    safe = "".join(ch for ch in issue.id if ch.isalnum() or ch in "-_") or "issue"
    # The same words as the Incidents tab's "Post-incident review" in each language.
    name = QCoreApplication.translate("ReviewDownload", "%1 post-incident review.docx")
    return name.replace("%1", safe)


def write_atomically(path: Path, data: bytes) -> None:
    """`data` at `path`, whole or not at all (the shared writer:
    desktop/services/atomic_file.py)."""
    write_bytes(path, data)


def system_open(path: Path) -> bool:
    """Open a local file with the app the system associates with it. May block while that app
    starts (Windows' ShellExecute waits for it): worker threads only, as for the browser."""
    return bool(QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))))


class ReviewDownload(QObject):
    """One download at a time, started from a pane.

    Signals:
        message(str): what happened, for the status bar (short: the status bar shares its
            width with the notices).
        running_changed(bool): a download started or ended (the pane's button says Cancel).
            Not while the user chooses where to save: the dialog has its own Cancel.
    """

    message = Signal(str)
    running_changed = Signal(bool)

    def __init__(
        self,
        holder: SessionHolder,
        parent: QWidget,
        open_file: Callable[[Path], bool] = system_open,
    ) -> None:
        super().__init__(parent)
        self.holder = holder
        self._parent = parent
        self.open_file = open_file  # tests record instead of starting a word processor
        self.dialog: QFileDialog | None = None  # while the user chooses where to save
        self._cancel: threading.Event | None = None

    @property
    def running(self) -> bool:
        return self._cancel is not None

    def cancel(self) -> None:
        if self._cancel is not None:
            self._cancel.set()
        if self.dialog is not None:
            self.dialog.reject()

    async def ask_path(self, issue: HealthIssue) -> Path | None:
        dialog = QFileDialog(self._parent, self.tr("Save the post-incident review"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilters([self.tr("Word documents (*.docx)")])
        dialog.setDefaultSuffix("docx")
        dialog.setDirectory(str(downloads_dir()))
        dialog.selectFile(proposed_name(issue))
        self.dialog = dialog
        try:
            accepted = await run_dialog(dialog) == QFileDialog.DialogCode.Accepted
        finally:
            self.dialog = None
            dialog.deleteLater()
        files = dialog.selectedFiles() if accepted else []
        return Path(files[0]) if files else None

    async def run(
        self, tenant_id: str, issue: HealthIssue, path: Path | None = None
    ) -> Path | None:
        """Ask where (unless `path` is given), download, save, open. The path saved, or None."""
        if self.running:
            return None
        cancel = self._cancel = threading.Event()
        started = False
        try:
            if path is None:
                path = await self.ask_path(issue)
            if path is None or cancel.is_set():
                return None
            started = True
            self.running_changed.emit(True)
            self.message.emit(
                self.tr("Downloading the post-incident review of {0}…").format(issue.id)
            )
            data = await self.holder.worker.run(
                self.holder.session.backend.incident_report, tenant_id, issue.id, cancel=cancel
            )
            if cancel.is_set():
                raise ApiError("Cancelled.", kind=CANCELLED)
            await self.holder.worker.run(write_atomically, path, data)
        except ApiError as error:
            self.message.emit(self._explain(error, issue))
            return None
        except OSError as error:
            self.message.emit(
                self.tr("The review could not be saved to {0}: {1}").format(
                    str(path), error.strerror or str(error)
                )
            )
            return None
        finally:
            self._cancel = None
            if started:
                self.running_changed.emit(False)
        opened = await self.holder.worker.run(self.open_file, path)
        # The file's name only: the user just chose where it goes, and a whole path ran under
        # the status bar's notices.
        self.message.emit(
            self.tr("Saved as {0}.").format(path.name)
            if opened
            else self.tr("Saved as {0}; no app could open it.").format(path.name)
        )
        return path

    def _explain(self, error: ApiError, issue: HealthIssue) -> str:
        if error.category is Category.CANCELLED:
            return self.tr("Download cancelled.")
        if error.kind == REVIEW_NOT_PUBLISHED:
            return self.tr(
                "Microsoft has not published the review yet. Try again later, or see the "
                "issue in the Microsoft 365 admin center."
            )
        if error.kind == TOO_LARGE:
            return self.tr("The review of {0} was not downloaded: {1}").format(
                issue.id, error.message
            )
        explained = explain(error, self.tr("post-incident review"))
        return self.tr("The review of {0} was not downloaded. {1}: {2}").format(
            issue.id, explained.title, explained.detail
        )
