"""What the status bar says about the customer list: where it came from, how old it is, and
why the live one could not be read (the directory's signals, in words)."""

from __future__ import annotations

from PySide6.QtCore import QObject

from desktop.qt.directory import CustomerDirectory
from desktop.qt.models.age import age_text
from desktop.qt.session import SessionHolder
from desktop.ui.customer_list import CustomerList
from desktop.ui.errors import explain
from desktop.ui.widgets.status_bar import StatusBar


class ListStatus(QObject):
    def __init__(
        self,
        holder: SessionHolder,
        directory: CustomerDirectory,
        customers: CustomerList,
        status: StatusBar,
    ) -> None:
        super().__init__(directory)
        self._holder = holder
        self._directory = directory
        self._customers = customers
        self._status = status
        directory.cached_shown.connect(self._cached_shown)
        directory.failed.connect(self._failed)
        directory.loaded.connect(self._loaded)
        directory.gdap_failed.connect(self._gdap_failed)

    def loading(self) -> None:
        self._status.show_status(self.tr("Loading customers…"), lasting=True)
        if not self._directory.customers:
            self._customers.view.set_placeholder(self.tr("Loading customers…"))

    def _cached_shown(self, _count: int, fetched: float | None) -> None:
        if fetched is not None:
            self._status.show_status(
                self.tr("Showing the list as of {0}; refreshing…").format(age_text(fetched)),
                lasting=True,
            )

    def _failed(self, error: Exception, cached_at: float | None) -> None:
        explained = explain(error, self.tr("customer list"))
        if cached_at is not None:
            self._status.show_status(
                self.tr("{0}: showing the list as of {1}.").format(
                    explained.title, age_text(cached_at)
                ),
                lasting=True,
            )
        else:
            self._status.show_status(f"{explained.title}: {explained.detail}", lasting=True)
        if not self._directory.customers:
            # Never "Loading customers…" for good: why, and how to try again.
            again = self.tr("Refresh (F5) tries again.")
            self._customers.view.set_placeholder(f"{explained.title}\n{again}")

    def _loaded(self, count: int) -> None:
        if count < 0:
            return
        if self._holder.session.offline:
            # The cached list and health are all there is; nothing is swept.
            when = self._directory.fetched_at
            self._status.show_status(
                self.tr("Offline: the customer list as of {0}.").format(
                    age_text(when) if when is not None else self.tr("an unknown time")
                ),
                lasting=True,
            )
            self._status.sweep_offline()
            return
        self._status.show_status(self.tr("%n customer(s) loaded", "", count), 4000)

    def _gdap_failed(self, error: Exception) -> None:
        explained = explain(error, self.tr("GDAP relationships"))
        self._status.show_status(f"{explained.title}: {explained.detail}", 10000)
