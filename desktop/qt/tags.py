"""Favourites and tags on customers, as Qt state the list, the dashboard and notices observe.

The tags live in `desktop.store.tags.Tags` (SQLite in the data directory, kept across cache
rebuilds and sign-ins). `TagIndex` holds a copy in memory for the GUI thread: the store is read
and written on the worker, the copy is what filters and paints. A scope is a string:
`ALL` (""), `FAVOURITES`, or `"tag:" + name`.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Iterable

from PySide6.QtCore import QObject, Signal

from desktop.domain.customers import Customer
from desktop.qt.models.customers import FAVOURITE
from desktop.qt.session import SessionHolder
from desktop.store.tags import Tags

log = logging.getLogger(__name__)

ALL = ""
FAVOURITES = "favourites"
TAG_PREFIX = "tag:"

Snapshot = tuple[set[str], dict[str, set[str]]]


def _read(tags: Tags) -> Snapshot:
    """Favourites and tenants per tag (blocks on disk: worker thread)."""
    return tags.favourites(), {name: tags.tenants(name) for name in tags.all_tags()}


class TagIndex(QObject):
    """The favourites and tags, on the GUI thread. Signals: changed()."""

    changed = Signal()

    def __init__(self, holder: SessionHolder, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.holder = holder
        self.favourites: set[str] = set()
        self.by_tag: dict[str, set[str]] = {}
        self.error = ""

    @property
    def available(self) -> bool:
        return self.holder.session.tags is not None

    async def load(self) -> None:
        if self.holder.session.tags is None:
            return
        await self._apply(self.holder.worker.run(_read, self.holder.session.tags))

    async def set_favourite(self, tenant_id: str, favourite: bool) -> None:
        tags = self.holder.session.tags
        if tags is None:
            return

        def write() -> Snapshot:
            tags.set_favourite(tenant_id, favourite)
            return _read(tags)

        await self._apply(self.holder.worker.run(write))

    async def set_tags(self, tenant_id: str, wanted: Iterable[str]) -> None:
        """Give a customer exactly these tags (others removed)."""
        tags = self.holder.session.tags
        if tags is None:
            return
        target = set(wanted)

        def write() -> Snapshot:
            current = tags.tags(tenant_id)
            for name in current - target:
                tags.remove(tenant_id, name)
            for name in target - current:
                tags.add(tenant_id, name)
            return _read(tags)

        await self._apply(self.holder.worker.run(write))

    async def _apply(self, pending: Awaitable[Snapshot]) -> None:
        try:
            self.favourites, self.by_tag = await pending
            self.error = ""
        except Exception as error:  # the tags are a convenience: never stop the window
            log.warning("tags unavailable: %s", error)
            self.error = str(error)
        self.changed.emit()

    def tags_of(self, tenant_id: str) -> list[str]:
        return sorted(
            (name for name, tenants in self.by_tag.items() if tenant_id in tenants),
            key=str.casefold,
        )

    def marks(self) -> dict[str, str]:
        """What the list's Tags column shows per tenant: "★ tag, tag"."""
        marks: dict[str, list[str]] = {}
        for name in sorted(self.by_tag, key=str.casefold):
            for tenant in self.by_tag[name]:
                marks.setdefault(tenant, []).append(name)
        out = {tenant: ", ".join(names) for tenant, names in marks.items()}
        for tenant in self.favourites:
            out[tenant] = f"{FAVOURITE} {out.get(tenant, '')}".rstrip()
        return out

    def tenants(self, scope: str) -> set[str] | None:
        """The tenant ids in `scope`; None for every customer."""
        if scope == FAVOURITES:
            return set(self.favourites)
        if scope.startswith(TAG_PREFIX):
            return set(self.by_tag.get(scope[len(TAG_PREFIX) :], set()))
        return None

    def within(self, scope: str, customers: list[Customer]) -> list[Customer]:
        tenants = self.tenants(scope)
        if tenants is None:
            return customers
        return [c for c in customers if c.tenant_id in tenants]
