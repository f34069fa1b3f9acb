"""The main window's status bar: a line about what was just done, the notices badge, the
health check's progress and where the data comes from."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QTime
from PySide6.QtWidgets import QLabel, QPushButton, QStatusBar, QToolButton

from desktop.qt.text_limits import TEXT_CHARS, elide
from desktop.services.session import Session
from desktop.ui.widgets.announce import announce
from desktop.ui.widgets.progress import ProgressBar

# How long a line about something just done (a portal opened, a draft kept) stays; it also
# goes when another customer is chosen.
STATUS_TIMEOUT_MS = 10000


class StatusBar(QStatusBar):
    def __init__(self, notices: QToolButton) -> None:
        super().__init__()
        # The notices badge from the first paint: the tallest thing here, which would otherwise
        # grow the bar (and shrink the list above it) when it arrived.
        self.notices_button = notices
        self.insertPermanentWidget(0, notices)
        # A label's accessible name is all a screen reader reads of it: the name carries the
        # value ("Sandbox data"), the description the kind. A name of "Data source" hid it.
        self.mode_label = QLabel()
        self.mode_label.setAccessibleDescription(self.tr("Data source"))
        self.sweep_label = QLabel()
        self.sweep_progress = ProgressBar()
        self.sweep_progress.setAccessibleName(self.tr("Health check progress"))
        self.sweep_progress.setMaximumWidth(160)
        self.sweep_progress.setTextVisible(False)
        self.sweep_progress.hide()
        # Shown while a stopped check of everyone has customers left: they, and only they.
        self.resume_button = QPushButton(self.tr("Resume"))
        self.resume_button.setToolTip(
            self.tr("Check the customers the stopped health check had not reached")
        )
        self.resume_button.hide()
        self.addPermanentWidget(self.sweep_label)
        self.addPermanentWidget(self.sweep_progress)
        self.addPermanentWidget(self.resume_button)
        self.addPermanentWidget(self.mode_label)
        self._transient = ""  # the line `show_status` showed last, if transient

    def show_status(
        self, text: str, timeout_ms: int = STATUS_TIMEOUT_MS, lasting: bool = False
    ) -> None:
        """A line. Most are about what was just done, often for the customer shown: they go
        after `timeout_ms` or at `clear_transient`. `lasting` ones (the customer list's state)
        stay until replaced; `timeout_ms` 0 is "until replaced". It may hold server text (an
        error's message, a name): cut before the bar takes it."""
        text = elide(text, TEXT_CHARS)
        self.showMessage(text, 0 if lasting else timeout_ms)
        self._transient = "" if lasting else text

    def clear_transient(self) -> None:
        if self._transient and self.currentMessage() == self._transient:
            self.clearMessage()
        self._transient = ""

    def show_session(self, session: Session) -> None:
        """Where the data comes from: the sandbox, the cache (--offline) or an account."""
        mode = session.mode
        if session.offline:
            text = self.tr("Offline")
            tip = self.tr(
                "Started with --offline: the data of the last live run, from the local cache "
                "({0}). Nothing is sent to Microsoft.",
            ).format(session.source)
        elif mode in ("sandbox", "external sandbox"):
            text = (
                self.tr("Sandbox data") if mode == "sandbox" else self.tr("Sandbox data (external)")
            )
            tip = self.tr(
                "Sample data from the built-in sandbox at {0}. Sign in to work on "
                "your own customers.",
            ).format(session.cloud.partner_center)
        else:
            text = f"{session.cloud.name} · {session.account}"
            tip = text
        self.mode_label.setText("● " + text)
        self.mode_label.setAccessibleName(text)  # without the dot, read "black circle"
        self.mode_label.setToolTip(tip)

    # -- the health check ---------------------------------------------------------------------

    def sweep_started(self, total: int, done: int = 0, say: bool = True) -> None:
        """`done`: a resumed check goes on from there. `say`: announced (a check the user
        asked for; a scheduled one is not: every 10 minutes, it was chatter)."""
        self.resume_button.hide()
        self.sweep_progress.setRange(0, max(total, 1))
        self.sweep_progress.setValue(done)
        self.sweep_progress.show()
        # Said at the start and the end, politely; not at each step (every 100 ms at times).
        if say:
            announce(
                self.sweep_progress, self.tr("Health check started: %n customer(s)", "", total)
            )

    def sweep_progress_made(self, done: int, failed: int, total: int) -> None:
        self.sweep_progress.setValue(done)
        self.sweep_label.setText(
            self.tr("Health: %1 / %2, %n failed", "", failed)
            .replace("%1", QLocale().toString(done))
            .replace("%2", QLocale().toString(total))
        )

    def sweep_ended(
        self,
        stopped: bool,
        failed: bool,
        next_minutes: int,
        done: int = 0,
        total: int = 0,
        resumable: bool = False,
        say: bool = True,
    ) -> None:
        """`resumable`: a check of everyone stopped with `total - done` customers left.
        `say`: announced (the caller says so for a failure, whoever started the check)."""
        self.sweep_progress.hide()
        self.resume_button.setVisible(resumable)
        if stopped and resumable:
            text = (
                self.tr("Health check failed after %1 of %2 customers")
                if failed
                else self.tr("Health check stopped after %1 of %2 customers")
            )
            self.sweep_label.setText(
                text.replace("%1", QLocale().toString(done)).replace(
                    "%2", QLocale().toString(total)
                )
            )
        elif failed:
            self.sweep_label.setText(self.tr("Health check failed"))
        elif stopped:
            self.sweep_label.setText(self.tr("Health check stopped"))
        else:
            when = QLocale().toString(QTime.currentTime(), QLocale.FormatType.ShortFormat)
            if next_minutes > 0:
                text = self.tr("Health checked at {0}; next in %n min", "", next_minutes)
            else:
                text = self.tr("Health checked at {0}")
            self.sweep_label.setText(text.format(when))
        if say:
            announce(self.sweep_label, self.sweep_label.text())

    def sweep_offline(self) -> None:
        self.sweep_label.setText(self.tr("Offline: health as of the last check"))
