"""The frame every detail tab shares: loading, message and content states for one customer."""

from __future__ import annotations

import asyncio
import logging
import threading
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from desktop.models.records import Customer
from desktop.ui.context import AppContext
from desktop.ui.errors import explain
from desktop.ui.widgets.banner import MessagePanel
from desktop.worker import Superseded

log = logging.getLogger(__name__)


class Pane(QWidget):
    """A detail tab. Subclasses implement `fetch` (worker thread) and `present` (GUI thread).

    Signals:
        settled(): the pane shows content or a message for its current customer.
        status_message(str): a short note for the status bar.
    """

    settled = Signal()
    status_message = Signal(str)

    #: what the pane shows, for error titles ("No GDAP access to this customer's …")
    what = ""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.lane = ctx.worker.lane()
        self.customer: Customer | None = None
        self.state = "idle"
        self.error: BaseException | None = None
        self._stack = QStackedWidget()
        self._loading = QLabel(self.tr("Loading…"))
        self._loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._message = MessagePanel()
        self._message.retry_requested.connect(self.reload)
        self._content = QWidget()
        self._stack.addWidget(self._loading)
        self._stack.addWidget(self._message)
        self._stack.addWidget(self._content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._stack)
        self._task: asyncio.Future[None] | None = None
        self.show_message(
            self.tr("Select a customer"),
            self.tr("Pick a customer on the left to see its details here."),
        )

    def content_layout(self) -> QVBoxLayout:
        """The layout subclasses put their widgets in."""
        layout = self._content.layout()
        if layout is None:
            layout = QVBoxLayout(self._content)
            layout.setContentsMargins(6, 6, 6, 6)
        assert isinstance(layout, QVBoxLayout)
        return layout

    def focus_content(self) -> bool:
        """The keyboard focus into what the pane shows: its main view (`self.view` of the
        subclasses), else Retry; False when it shows nothing that takes focus."""
        shown = self._stack.currentWidget()
        target: QWidget | None = None
        if shown is self._content:
            target = getattr(self, "view", None)
        elif shown is self._message and self._message.retry.isVisibleTo(self):
            target = self._message.retry
        if target is None or not target.isVisibleTo(self):
            return False
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)
        return True

    def show_message(self, title: str, detail: str = "", retry: bool = False) -> None:
        self._message.show_message(title, detail, retry)
        self._stack.setCurrentWidget(self._message)

    def show_content(self) -> None:
        self._stack.setCurrentWidget(self._content)

    def set_customer(self, customer: Customer | None) -> None:
        self.customer = customer
        self.reload()

    def reload(self) -> None:
        if self.customer is None:
            self.lane.cancel()
            self.state = "idle"
            self.show_message(self.tr("Select a customer"))
            return
        # The state changes now, not when the task first runs, so that whoever waits for the
        # panes to settle never sees a stale "ready" between selection and load.
        self.state = "loading"
        self.error = None
        self._stack.setCurrentWidget(self._loading)
        self._task = self.ctx.worker.spawn(self._load(self.customer))

    async def _load(self, customer: Customer) -> None:
        try:
            data = await self.lane.run(lambda cancel: self.fetch(customer, cancel))
        except Superseded:
            return
        except Exception as error:
            log.info("%s for %s failed: %s", type(self).__name__, customer.tenant_id, error)
            self.state = "error"
            self.error = error
            explained = explain(error, self.what)
            self.show_message(explained.title, explained.detail, explained.retry)
            self.settled.emit()
            return
        self.state = "ready"
        self.present(data)
        self.settled.emit()

    def fetch(self, customer: Customer, cancel: threading.Event) -> Any:
        raise NotImplementedError

    def present(self, data: Any) -> None:
        raise NotImplementedError
