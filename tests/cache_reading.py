"""What a cache file holds, read by a connection of the test's own (not the app's): the engine
writes it from another process, and a test checks what is on disk."""

from __future__ import annotations

from pathlib import Path

from desktop.store.cache import HEALTH, Cache


def cached_tenants(path: Path, source: str, kind: str = HEALTH) -> set[str]:
    """The tenants whose `kind` records the cache file at `path` holds for `source`."""
    reader = Cache(path)
    try:
        return set(reader.entries(source, kind))
    finally:
        reader.close()
