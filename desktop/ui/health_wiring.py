"""The main window's health board: the list's Health column, its progress in the status bar,
its notices, and the dashboard, all observing one sweep (`desktop.qt.health_board`).
Everything of the window that knows about the sweep is here."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from desktop.domain.customers import Customer
from desktop.qt.health_board import HealthBoard
from desktop.ui.errors import describe

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow
    from desktop.ui.windows.dashboard import DashboardWindow


class HealthWiring(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.board = HealthBoard(window.holder, lambda: window.directory.customers, parent=self)
        self.board.describe = describe
        self.board.changed.connect(window.customers.model.set_health_many)
        # Whoever starts a sweep (the list, the schedule, the dashboard): the status bar follows.
        self.board.started.connect(self._started)
        self.board.progress.connect(window.status.sweep_progress_made)
        self.board.finished.connect(self._finished)
        self.board.notices.connect(window.notices.add)
        self.board.restarted.connect(self._restarted)
        self.board.rules_for = window.marks.notice_rules
        window.status.resume_button.clicked.connect(self.resume)
        self.board.set_refresh(window.account.settings.refresh_minutes)
        planned = window.planned
        planned.rules_for = window.marks.notice_rules
        planned.days_for = lambda: window.account.settings.notify_major_days
        self.board.finished.connect(planned.after_health)
        self.dashboard: DashboardWindow | None = None

    @property
    def running(self) -> bool:
        return self.board.running

    def start(self, customers: list[Customer], asked: bool = True) -> None:
        """`asked`: the user asked for it; else (start-up) it is not announced."""
        self.board.start(customers, asked=asked)

    def check(self, customers: list[Customer] | None) -> None:
        """These customers' health (None: everyone's), unless a sweep is under way (which
        reaches them anyway)."""
        if not self.board.running:
            self.board.start(customers)

    async def show_cached(self) -> None:
        await self.board.show_cached()

    def services_seen(self) -> list[str]:
        return sorted(self.board.services_seen)

    def set_refresh(self, minutes: int) -> None:
        self.board.set_refresh(minutes)

    def cancel(self) -> None:
        self.board.cancel()

    def resume(self) -> None:
        """The stopped check of everyone goes on with the customers it had not reached."""
        self.board.resume()

    def reset(self) -> None:
        """Another session: its health is not the old one's."""
        self.board.clear()
        self._window.customers.model.clear_health()
        if self.dashboard is not None:
            self.dashboard.close()
            self.dashboard.deleteLater()
            self.dashboard = None

    def _started(self, _everyone: bool) -> None:
        tally = self.board.tally
        self._window.status.sweep_started(tally["total"], tally["done"], say=self.board.asked)

    def _restarted(self, _left: int) -> None:
        # Once per sweep (the engine tells once): the check itself goes on by itself. Short: the
        # status bar holds one line beside the check's progress (the walk found the German
        # sentence, with the count, cut at 1600 wide); the progress shows how many are left.
        self._window.show_status(
            self.tr("Health check: its background process stopped and was restarted; it goes on."),
            20000,
        )

    def _finished(self, stopped: bool) -> None:
        board = self.board
        ended = board.ended
        failed = ended is not None and bool(ended.failed)
        # Said when asked for, and whenever it failed (the user may have to act) or was
        # stopped (by the user's key); a scheduled refresh that went well is not said.
        say = board.asked or failed or stopped
        if board.resumable:
            # Said of the check of everyone, also after a few customers' check since.
            done, total = board.whole_progress
            self._window.status.sweep_ended(True, failed, 0, done, total, resumable=True, say=say)
        else:
            self._window.status.sweep_ended(stopped, failed, board.next_interval_min, say=say)

    def show_dashboard(self) -> DashboardWindow:
        """The all-customers view of the board: what the list's sweep learned, no new call;
        it sweeps only when nothing was learned yet."""
        window = self._window
        first = self.dashboard is None
        if self.dashboard is None:
            # Start-up time: a window not shown at start is imported when first opened.
            from desktop.ui.windows.dashboard import DashboardWindow

            self.dashboard = DashboardWindow(
                window.holder,
                self.board,
                window,
                tags=window.tag_index,
                scope=window.scope_box.scope,
                issue_html=window.incidents.issue_html,
                planned=window.planned,
                memory=window.layout_memory,
            )
            self.dashboard.show_customer.connect(window.select_tenant)
        self.dashboard.show()
        self.dashboard.raise_()
        self.dashboard.activateWindow()  # the keyboard follows (Esc stops the sweep)
        if first and not self.board.swept and not self.board.running:
            self.board.start()
        return self.dashboard

    def close(self) -> None:
        if self.dashboard is not None:
            self.dashboard.close()
        self.board.stop()
