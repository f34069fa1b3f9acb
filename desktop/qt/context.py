"""What every window and pane shares: the worker, the current backend, the browser launcher."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the window's frame imports this before the network clients are needed
    from desktop.domain.customers import Customer, PortalLink
    from desktop.qt.worker import Worker
    from desktop.services.backend import Backend
    from desktop.store import DraftStore
    from desktop.store.cache import Cache
    from desktop.store.tags import Tags

log = logging.getLogger(__name__)


def system_browser(url: str) -> bool:
    """Open `url` in the system browser. Blocks (it may start a process): worker threads only."""
    import webbrowser  # at the first link: not worth its import at start-up

    return webbrowser.open(url, new=2)


@dataclass
class AppContext:
    worker: Worker
    backend: Backend
    mode: str = "sandbox"  # "sandbox", "external sandbox" or a cloud id
    account: str = ""
    # Replaced by a stub in tests; called on a worker thread, never on the GUI thread.
    launcher: Callable[[str], bool] = field(default=system_browser)
    # Service-request drafts; opened on the worker at start-up (None until then, or in tests
    # that do not file requests).
    drafts: DraftStore | None = None
    # Last-known data, so the window opens on something at once; None in tests that do
    # not need it. `source` keeps accounts (and sandboxes) apart inside it.
    cache: Cache | None = None
    source: str = ""
    # --offline: the backend reads the cache alone; nothing is swept or written back.
    offline: bool = False
    # Favourites and tags (local, per machine); None in tests that do not need them.
    tags: Tags | None = None
    # The UI language as Partner Center's X-Locale, for the backends of signed-in accounts.
    locale: str = "en-US"

    async def open_portal(self, link: PortalLink, customer: Customer | None = None) -> str | None:
        """Open a portal link of `customer` if the policy of where it came from allows it
        (Microsoft's own links open only as such); returns why not, or None when opened."""
        reason = self.backend.check_portal(link, customer)
        if reason is not None or link.url is None:
            log.warning("refused to open a portal link: %s", reason)
            return reason or "The link is not available."
        opened = await self.worker.run(self.launcher, link.url)
        return None if opened is not False else "The system browser could not be started."

    async def open_link(self, url: str, customer: Customer | None = None) -> str | None:
        """Open `url` if the link policy allows it on `customer`'s page (its own SharePoint
        only; no SharePoint without a customer); returns why not, or None when opened."""
        reason = self.backend.check_link(url, customer)
        if reason is not None:
            log.warning("refused to open a link: %s", reason)
            return reason
        opened = await self.worker.run(self.launcher, url)
        return None if opened is not False else "The system browser could not be started."
