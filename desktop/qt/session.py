"""The session in use, and the app-wide things every window shares (the worker, the browser).

Windows and panes hold the `SessionHolder` and read `holder.session` when they start work; a
switch of account makes a new frozen `Session` and emits `changed`, which is how they notice.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from desktop.services.session import Session

if TYPE_CHECKING:
    from desktop.domain.customers import Customer, PortalLink
    from desktop.qt.worker import Worker

log = logging.getLogger(__name__)


def system_browser(url: str) -> bool:
    """Open `url` in the system browser. Blocks (it may start a process): worker threads only."""
    import webbrowser  # start-up time: imported at the first link, not with the window

    return webbrowser.open(url, new=2)


class SessionHolder(QObject):
    """Signals:
    changed(Session): another session is in use; what was shown belonged to the old one.
    """

    changed = Signal(object)

    def __init__(
        self,
        session: Session,
        worker: Worker,
        launcher: Callable[[str], bool] = system_browser,
        locale: str = "en-US",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        # The session the app started with (the sandbox, or --offline's cache): kept open for
        # "Use sandbox", so switching away never closes its backend.
        self.sandbox = session
        # App-wide, not per session: the threads of every blocking call.
        self.worker = worker
        # Replaced by a recorder in tests; called on a worker thread, never on the GUI thread.
        self.launcher = launcher
        # The UI language as Partner Center's X-Locale, for the backends of signed-in accounts.
        self.locale = locale

    @property
    def session(self) -> Session:
        return self._session

    def switch(self, session: Session) -> Session:
        """Work on `session` (a sign-in, or the sandbox again), with this app's stores. Once
        everyone has stopped what they did for the old session (`changed`), its backend is
        closed, unless it is the sandbox's or still in use."""
        old = self._session
        new = session.with_stores_of(old)
        self._session = new
        self.changed.emit(new)
        if old.backend is not new.backend and old.backend is not self.sandbox.backend:
            old.backend.close()
        return new

    def close(self) -> None:
        """At exit: each session's backend writes its token cache's last changes (it writes
        behind). A failure is logged: closing must not turn a clean exit into a crash report."""
        backends = {id(b): b for b in (self._session.backend, self.sandbox.backend)}
        for backend in backends.values():
            try:
                backend.close()
            except Exception:
                log.exception("closing a session failed")

    async def open_portal(self, link: PortalLink, customer: Customer | None = None) -> str | None:
        """Open a portal link of `customer` if the policy of where it came from allows it
        (Microsoft's own links open only as such); returns why not, or None when opened."""
        reason = self._session.backend.check_portal(link, customer)
        if reason is not None or link.url is None:
            log.warning("refused to open a portal link: %s", reason)
            return reason or "The link is not available."
        opened = await self.worker.run(self.launcher, link.url)
        return None if opened is not False else "The system browser could not be started."

    async def open_link(self, url: str, customer: Customer | None = None) -> str | None:
        """Open `url` if the link policy allows it on `customer`'s page (its own SharePoint
        only; no SharePoint without a customer); returns why not, or None when opened."""
        reason = self._session.backend.check_link(url, customer)
        if reason is not None:
            log.warning("refused to open a link: %s", reason)
            return reason
        opened = await self.worker.run(self.launcher, url)
        return None if opened is not False else "The system browser could not be started."
