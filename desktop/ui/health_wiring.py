"""The main window's health sweep: the list's Health column, its progress in the status bar,
its notices, and the dashboard. Everything of the window that knows about the sweep is here."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from desktop.domain.customers import Customer
from desktop.qt.health_sweep import HealthColumn
from desktop.ui.errors import describe

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow
    from desktop.ui.windows.dashboard import DashboardWindow


class HealthWiring(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.column = HealthColumn(
            window.holder, window.customers.model, lambda: window.directory.customers, parent=self
        )
        self.column.describe = describe
        self.column.progress.connect(window.status.sweep_progress_made)
        self.column.finished.connect(self._finished)
        self.column.notices.connect(window.notices.add)
        self.column.rules_for = window.marks.notice_rules
        self.column.set_refresh(window.account.settings.refresh_minutes)
        planned = window.planned
        planned.rules_for = window.marks.notice_rules
        planned.days_for = lambda: window.account.settings.notify_major_days
        self.column.finished.connect(planned.after_health)
        self.dashboard: DashboardWindow | None = None

    def start(self, customers: list[Customer]) -> None:
        self._window.status.sweep_started(len(customers))
        self.column.start(customers)

    def check(self, customers: list[Customer] | None) -> None:
        """These customers' health (None: everyone's), unless a sweep is under way (which
        reaches them anyway)."""
        if not self.column.running:
            self.column.start(customers)

    async def show_cached(self) -> None:
        await self.column.show_cached()

    def services_seen(self) -> list[str]:
        return sorted(self.column.services_seen)

    def set_refresh(self, minutes: int) -> None:
        self.column.set_refresh(minutes)

    def cancel(self) -> None:
        self.column.cancel()

    def reset(self) -> None:
        """Another session: its health is not the old one's."""
        self._window.customers.model.clear_health()
        if self.dashboard is not None:
            self.dashboard.stop_sweep()
            self.dashboard.close()
            self.dashboard.deleteLater()
            self.dashboard = None

    def _finished(self, stopped: bool) -> None:
        ended = self.column.ended
        failed = ended is not None and bool(ended.failed)
        self._window.status.sweep_ended(stopped, failed, self.column.next_interval_min)

    def show_dashboard(self) -> DashboardWindow:
        """The all-customers view; its first opening starts a sweep."""
        window = self._window
        first = self.dashboard is None
        if self.dashboard is None:
            # Start-up time: a window not shown at start is imported when first opened.
            from desktop.ui.windows.dashboard import DashboardWindow

            self.dashboard = DashboardWindow(
                window.holder,
                lambda: window.directory.customers,
                window,
                tags=window.tag_index,
                scope=window.scope_box.scope,
                issue_html=window.incidents.issue_html,
                planned=window.planned,
            )
            self.dashboard.show_customer.connect(window.select_tenant)
        self.dashboard.show()
        self.dashboard.raise_()
        self.dashboard.activateWindow()  # the keyboard follows (Esc stops its sweep)
        if first:
            self.dashboard.start_sweep()
        return self.dashboard

    def close(self) -> None:
        if self.dashboard is not None:
            self.dashboard.stop_sweep()
            self.dashboard.close()
        self.column.stop()
