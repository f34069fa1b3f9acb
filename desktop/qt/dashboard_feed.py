"""The dashboard's models, fed by the health board: the customers in scope, twice a second.

The dashboard does not sweep; it observes the board the main list observes, so opening it after
the list's sweep shows the same answers with no new call. While a sweep runs, its batches reach
the grid and the incidents list twice a second, not per batch: each update repaints visible
cells, and each cell is a call into Python that waits for the GIL the sweep's threads hold.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.qt.health_board import HealthBoard, TenantHealth
from desktop.qt.models.dashboard import HealthGridModel
from desktop.qt.models.incidents_now import IncidentsNowModel

PUBLISH_MS = 500


class DashboardFeed(QObject):
    """Signals: published(): the models (and the board's progress) moved on; ended(bool
    stopped): the board's sweep ended and the models are final (sorted)."""

    published = Signal()
    ended = Signal(bool)

    def __init__(self, board: HealthBoard, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.board = board
        self.grid = HealthGridModel(self)
        self.incidents = IncidentsNowModel(self)
        self._scope: set[str] | None = None  # None: every customer
        self._pending: list[str] = []
        # The running sweep (of everyone) began with no incident listed, so the list holds this
        # sweep's answers only; otherwise it is rebuilt from the board at the end.
        self._fresh = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PUBLISH_MS)
        self._timer.timeout.connect(self._publish)
        board.changed.connect(self._changed)
        board.started.connect(self._started)
        board.finished.connect(self._finished)

    def set_scope(self, tenants: set[str] | None) -> None:
        """Show only these tenants (None: everyone), from what the board holds now."""
        self._scope = None if tenants is None else set(tenants)
        self.reload()

    def entries(self) -> list[TenantHealth]:
        """The board's answers of the customers in scope."""
        scope = self._scope
        return [e for e in self.board.entries() if scope is None or e.customer.tenant_id in scope]

    def reload(self) -> None:
        """Everything again from the board (opening, a new scope)."""
        self._timer.stop()
        self._pending.clear()
        entries = self.entries()
        self.grid.clear()
        self.grid.add_rows([e.row for e in entries], self.board.service_names)
        self.grid.resort()
        self._rebuild_incidents(entries)
        self._fresh = False
        self.published.emit()

    def _rebuild_incidents(self, entries: list[TenantHealth]) -> None:
        self.incidents.clear()
        for entry in entries:
            self.incidents.add(entry.customer.tenant_id, entry.active)
        self.incidents.publish()

    # -- the board's news ----------------------------------------------------------------------

    def _started(self, whole: bool) -> None:
        # A re-check keeps what the last one found on screen (grid rows and incidents update in
        # place as answers come): emptying the incidents only, the summary's counts (from the
        # grid) and the incidents' contradicted each other until the end.
        self._fresh = whole and self.incidents.rowCount() == 0

    def _changed(self, summaries: dict[str, object]) -> None:
        first = next(iter(summaries), None)
        if first is None or self.board.entry(first) is None:
            return  # cached figures: the grid shows live answers only
        scope = self._scope
        self._pending.extend(t for t in summaries if scope is None or t in scope)
        # Published even when none of these is in scope: the progress is the whole sweep's (it
        # stood still while customers outside a narrow scope answered).
        if not self._timer.isActive():
            self._timer.start()

    def _flush(self) -> None:
        if not self._pending:
            return
        entries = self.board.entries(self._pending)
        self._pending = []
        self.grid.add_rows([e.row for e in entries], self.board.service_names)
        for entry in entries:
            self.incidents.add(entry.customer.tenant_id, entry.active)

    def _publish(self) -> None:
        self._flush()
        self.incidents.publish()
        self.published.emit()

    def _finished(self, stopped: bool) -> None:
        self._timer.stop()
        self._flush()
        if self._fresh:
            self.incidents.publish()
            self.incidents.resort()  # issues found during the sweep were added below the rest
        else:
            # From the board again: a customer whose issue ended no longer counts for it.
            self._rebuild_incidents(self.entries())
        self._fresh = False
        self.grid.resort()
        self.published.emit()
        self.ended.emit(stopped)
