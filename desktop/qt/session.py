"""The session in use, and the app-wide things every window shares (the worker, the browser).

Windows and panes hold the `SessionHolder` and read `holder.session` when they start work; a
switch of account makes a new frozen `Session` and emits `changed`, which is how they notice.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from desktop.services.browser import (
    DefaultBrowser,
    LinkOutcome,
    open_default,
    private_argv,
    run_opener,
)
from desktop.services.browser_detect import detect_default_browser
from desktop.services.session import Session

if TYPE_CHECKING:
    from desktop.domain.customers import Customer, PortalLink
    from desktop.qt.worker import Worker

log = logging.getLogger(__name__)


def system_browser(url: str) -> bool:
    """Open `url` in the default browser; True only when the platform's opener says it did
    (desktop.services.browser says why that is not webbrowser.open). Blocks: worker threads."""
    return open_default(url)


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
        detector: Callable[[], DefaultBrowser | None] = detect_default_browser,
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
        # The default browser for private windows: None until `detect_browser` has looked (at
        # start-up, off the GUI thread), and None where no browser we know was found.
        self.detector = detector
        self.browser: DefaultBrowser | None = None
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

    async def detect_browser(self) -> DefaultBrowser | None:
        """Look for the default browser (worker thread); `can_open_private` answers after."""
        self.browser = await self.worker.run(self.detector)
        return self.browser

    def can_open_private(self) -> bool:
        """Whether "Open in a private window" can work: a default browser we know was found."""
        return private_argv(self.browser, "https://") is not None

    async def open_portal(
        self, link: PortalLink, customer: Customer | None = None, private: bool = False
    ) -> LinkOutcome:
        """Open a portal link of `customer` if the policy of where it came from allows it
        (Microsoft's own links open only as such); `private`: in a private window."""
        reason = self._session.backend.check_portal(link, customer)
        if reason is not None or link.url is None:
            log.warning("refused to open a portal link: %s", reason)
            return LinkOutcome(link.url or "", refused=reason or "The link is not available.")
        return await self._launch(link.url, private)

    async def open_link(
        self, url: str, customer: Customer | None = None, private: bool = False
    ) -> LinkOutcome:
        """Open `url` if the link policy allows it on `customer`'s page (its own SharePoint
        only; no SharePoint without a customer); `private`: in a private window."""
        reason = self._session.backend.check_link(url, customer)
        if reason is not None:
            log.warning("refused to open a link: %s", reason)
            return LinkOutcome(url, refused=reason)
        return await self._launch(url, private)

    async def _launch(self, url: str, private: bool) -> LinkOutcome:
        """The policy has allowed `url`: the launcher runs on a worker thread, never here."""
        if private:
            argv = private_argv(self.browser, url)
            opened = argv is not None and await self.worker.run(run_opener, argv)
        else:
            opened = await self.worker.run(self.launcher, url)
        return LinkOutcome(url, failed=not opened, private=private)
