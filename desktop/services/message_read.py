"""Every customer's message center, read by one sweep and written through to the cache. No Qt.

What the planned changes (desktop.qt.message_sweep) stream, on the window's threads or in the
sweep engine's process (desktop.services.engine) alike.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from concurrent.futures import Executor

from desktop.config.limits import cpu_work
from desktop.domain.customers import Customer
from desktop.domain.sent_once import SentOnce
from desktop.domain.service_messages import ServiceMessage, TenantMessages
from desktop.services.backend import CANCELLED, ApiError, Backend, Outcome
from desktop.services.health_sweep import committing
from desktop.store.cache import MESSAGES, CacheWriter


def sweep_messages(
    backend: Backend,
    customers: list[Customer],
    *,
    writer: CacheWriter | None = None,
    cancel: threading.Event | None = None,
    pool: Executor | None = None,
) -> Iterator[Outcome[TenantMessages]]:
    """Each customer's messages (or why they could not be read), kept in the cache by `writer`,
    whose last batch is committed when the sweep ends, however it ends. Each outcome names
    every message its customer holds but carries only the copies not delivered before."""
    sent: SentOnce[ServiceMessage] = SentOnce()

    def read(customer: Customer, cid: str, stop: threading.Event) -> TenantMessages:
        try:
            found = backend.messages(customer.tenant_id, cid, stop)
        except Exception as error:
            if writer is not None and not stop.is_set():
                writer.record(MESSAGES, customer.tenant_id, failure=str(error))
            raise
        if stop.is_set():  # answered after the sweep was stopped: its owner moved on
            raise ApiError("Cancelled.", kind=CANCELLED)
        if writer is not None:
            with cpu_work():  # the JSON encoding: two such threads at once, not 32
                errors = [str(e) for e in found.errors]
                writer.record(MESSAGES, customer.tenant_id, items=found.items, item_errors=errors)
        return TenantMessages(*sent.compact(found.items))

    return committing(backend.sweep(customers, read, cancel=cancel, pool=pool), writer)
