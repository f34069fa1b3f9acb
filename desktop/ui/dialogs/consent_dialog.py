"""Account → Allow Partner Desk in all customers: the GDAP consent as a sweep, with a summary."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.customers import Customer
from desktop.qt.session import SessionHolder
from desktop.qt.text_limits import TEXT_CHARS, elide
from desktop.ui.widgets.progress import ProgressBar

if TYPE_CHECKING:
    from desktop.qt.worker import Ended, Stream
    from desktop.services.backend import Outcome
    from desktop.services.consent import Consent

log = logging.getLogger(__name__)

CUSTOMER, RESULT, REASON = range(3)


class ConsentDialog(QDialog):
    """Consents Partner Desk in every customer of the list, `concurrency` at a time.

    Customers where it is already allowed cost one token request and no write
    (desktop.services.consent); the table lists every customer with its result, those that need
    attention first at the end.
    Esc stops a run (what is done stays done); once stopped or finished, Esc closes.

    Signals:
        finished_run(int): a run ended (finished or stopped); how many customers it allowed.
    """

    finished_run = Signal(int)

    def __init__(
        self, holder: SessionHolder, customers: Sequence[Customer], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("consentDialog")
        self.holder = holder
        self.customers = list(customers)
        self.results: list[Consent] = []
        self._sweep: Stream[Outcome[Consent]] | None = None
        self.setWindowTitle(self.tr("Allow Partner Desk in all customers"))
        intro = QLabel(
            self.tr(
                "Microsoft gives Partner Desk no access to a customer's tenant until consent is "
                "granted for the app there (GDAP). This asks Partner Center to grant it for "
                "each of your %n customer(s), to read service health; where it is already "
                "granted nothing changes.\n\nGranting consent takes a GDAP role in the "
                "customer that can consent to apps: Global Administrator, Privileged Role "
                "Administrator or Cloud Application Administrator.",
                "",
                len(self.customers),
            )
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        self.summary = QLabel()
        self.summary.setObjectName("consentSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setAccessibleName(self.tr("Progress"))
        self.progress = ProgressBar()
        self.progress.setRange(0, max(1, len(self.customers)))
        self.progress.setValue(0)
        self.progress.setAccessibleName(self.tr("Customers done"))
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Customer"), self.tr("Result"), self.tr("Reason")]
        )
        self.table.setAccessibleName(self.tr("Consent results"))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(CUSTOMER, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(RESULT, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.setColumnWidth(CUSTOMER, self.fontMetrics().averageCharWidth() * 28)
        self.buttons = QDialogButtonBox()
        self.start_button = QPushButton(self.tr("&Allow in all customers"))
        self.start_button.setDefault(True)
        self.stop_button = QPushButton(self.tr("&Stop"))
        self.stop_button.setEnabled(False)
        self.close_button = QPushButton(self.tr("&Close"))
        self.buttons.addButton(self.start_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.stop_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.start_button.clicked.connect(self.start)
        self.stop_button.clicked.connect(self.stop)
        self.close_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.progress)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self._show_counts()
        # Room for the reasons and a dozen rows, within a 1366x768 laptop's screen.
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * 118, metrics.height() * 34)
        self.table.verticalHeader().setDefaultSectionSize(metrics.height() + 8)

    @property
    def running(self) -> bool:
        return self._sweep is not None

    # -- the run ------------------------------------------------------------------------------

    def start(self) -> None:
        from desktop.services import consent

        if self._sweep is not None or not self.customers:
            return
        self.results.clear()
        self.table.setRowCount(0)
        self.table.setSortingEnabled(False)
        self.progress.setValue(0)
        self.start_button.setEnabled(False)
        self.stop_button.setEnabled(True)
        self.stop_button.setFocus()
        backend = self.holder.session.backend
        customers = self.customers
        self._sweep = self.holder.worker.stream(
            lambda cancel, pool: consent.allow_all(backend, customers, cancel, pool=pool),
            self._add,
            self._done,
            interval_ms=200,
            owner=self,
        )
        self._show_counts()

    def stop(self) -> None:
        if self._sweep is not None:
            self._sweep.cancel()
            self.stop_button.setEnabled(False)
            self.summary.setText(self.tr("Stopping…"))

    def _add(self, batch: list[Outcome[Consent]]) -> None:
        from desktop.services import consent

        self.table.setUpdatesEnabled(False)
        try:
            for outcome in batch:
                result = consent.from_outcome(outcome)
                self.results.append(result)
                row = self.table.rowCount()
                self.table.insertRow(row)
                name = QTableWidgetItem(elide(result.company_name or result.tenant_id))
                name.setToolTip(elide(result.tenant_id))
                self.table.setItem(row, CUSTOMER, name)
                self.table.setItem(row, RESULT, QTableWidgetItem(self.result_word(result.result)))
                reason = QTableWidgetItem(elide(self.reason_text(result), TEXT_CHARS))
                reason.setToolTip(reason.text())
                self.table.setItem(row, REASON, reason)
        finally:
            self.table.setUpdatesEnabled(True)
        self.progress.setValue(len(self.results))
        self._show_counts()

    def _done(self, ended: Ended) -> None:
        from desktop.services import consent

        self._sweep = None
        self.start_button.setEnabled(True)
        self.start_button.setText(self.tr("&Run again"))
        self.stop_button.setEnabled(False)
        self.close_button.setFocus()
        counts = consent.tally(self.results)
        self._sort_by_attention()
        self._show_counts(finished=True, stopped=ended.stopped, broke=ended.failed)
        self.finished_run.emit(counts[consent.ALLOWED])

    def _sort_by_attention(self) -> None:
        """What needs the user first: failed, refused, then allowed, then already allowed (by
        name within each); the headers sort by a click afterwards."""
        from desktop.services import consent

        rank = {consent.FAILED: 0, consent.REFUSED: 1, consent.ALLOWED: 2, consent.ALREADY: 3}
        rows = [
            [self.table.takeItem(r, c) for c in range(self.table.columnCount())]
            for r in range(self.table.rowCount())
        ]
        results = {
            id(row[CUSTOMER]): result for row, result in zip(rows, self.results, strict=True)
        }
        rows.sort(
            key=lambda row: (
                rank.get(results[id(row[CUSTOMER])].result, 9),
                row[CUSTOMER].text().casefold() if row[CUSTOMER] else "",
            )
        )
        self.table.setUpdatesEnabled(False)
        try:
            for r, row in enumerate(rows):
                for c, item in enumerate(row):
                    self.table.setItem(r, c, item)
        finally:
            self.table.setUpdatesEnabled(True)
        # No column is the sort key yet (-1): enabling sorting must not undo this order.
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)

    # -- words --------------------------------------------------------------------------------

    def result_word(self, result: str) -> str:
        words = {
            "allowed": self.tr("Allowed"),
            "already": self.tr("Already allowed"),
            "refused": self.tr("Refused"),
            "failed": self.tr("Failed"),
        }
        return words.get(result, result)

    def reason_text(self, result: Consent) -> str:
        from desktop.services import consent

        if result.why == consent.ROLES_REFUSED:
            return self.tr(
                "Your GDAP roles in this customer cannot consent to apps (it takes Global "
                "Administrator, Privileged Role Administrator or Cloud Application "
                "Administrator)."
            )
        if result.why == consent.NO_GDAP:
            return self.tr(
                "No GDAP relationship with this customer covers your account. Ask the customer "
                "to approve one whose roles include Global Administrator, Privileged Role "
                "Administrator or Cloud Application Administrator for a security group you "
                "belong to."
            )
        return result.reason

    def _show_counts(
        self, finished: bool = False, stopped: bool = False, broke: bool = False
    ) -> None:
        """`broke`: the run stopped on a failure, not on Stop."""
        from desktop.services import consent

        counts = consent.tally(self.results)
        locale = QLocale()
        # The two refusals have different remedies (a new relationship, or another role):
        # the count says how many of them need a relationship at all.
        no_gdap = sum(1 for r in self.results if r.why == consent.NO_GDAP)
        figures = self.tr(
            "{0} allowed · {1} already allowed · {2} refused ({3} without GDAP) · {4} failed"
        ).format(
            *(locale.toString(counts[r]) for r in consent.RESULTS[:3]),
            locale.toString(no_gdap),
            locale.toString(counts[consent.FAILED]),
        )
        done = locale.toString(len(self.results))
        total = len(self.customers)
        if finished and broke:
            head = self.tr("Failed after {0} of %n customer(s):", "", total).format(done)
        elif finished and stopped:
            head = self.tr("Stopped after {0} of %n customer(s):", "", total).format(done)
        elif finished:
            head = self.tr("Done, %n customer(s):", "", total)
        elif self._sweep is not None:
            head = self.tr("{0} of %n customer(s):", "", total).format(done)
        else:
            self.summary.setText(self.tr("Not started."))
            return
        self.summary.setText(f"{head} {figures}")

    # -- closing ------------------------------------------------------------------------------

    def reject(self) -> None:
        """Esc: stops a run first; a second Esc (or Close) closes."""
        if self._sweep is not None:
            self.stop()
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._sweep is not None:
            self._sweep.stop()
            self._sweep = None
        super().closeEvent(event)
