"""How far a list may go: pages, items and bytes per list, and next links that repeat. No Qt.

Both clients follow a "next" link until there is none (Partner Center's `links.next` with its
continuation token, Graph's `@odata.nextLink`). A server that answers "next" forever, or the
same next page again, or pages of ever more items, once held a sweep's thread for 10,000 pages
and 1.5 GB per customer (issue 16, item 2). `PageBudget` ends such a list with a readable error.
"""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import SplitResult, urlsplit

from desktop.api.errors import MALFORMED, TOO_LARGE, ApiError

# Pages per list: 2,000. The longest real lists are a big partner's customers (500 a page:
# 2,000 pages would be a million customers) and GDAP relationships (300 a page); a tenant's
# issues or message center posts fill a few pages.
MAX_PAGES = 2_000
# Items per list: 250,000, past the largest customer base a CSP partner's staff works with
# (DESIGN.md: "hundreds or tens of thousands") with room to spare; each item is kept in memory.
MAX_LIST_ITEMS = 250_000
# Bytes per list (the sum of its answers, inflated): 256 MiB, four answers at their own cap
# (body.MAX_ANSWER_BYTES) and ~1 KB for each of MAX_LIST_ITEMS items.
MAX_LIST_BYTES = 256 * 1024 * 1024


class PageBudget:
    """One list's pages, items and bytes so far, and the next links it followed."""

    def __init__(
        self,
        service: str,
        *,
        max_pages: int = MAX_PAGES,
        max_items: int = MAX_LIST_ITEMS,
        max_bytes: int = MAX_LIST_BYTES,
    ) -> None:
        self.service = service
        self.max_pages = max_pages
        self.max_items = max_items
        self.max_bytes = max_bytes
        self.pages = 0
        self.items = 0
        self.bytes = 0
        self._followed: set[str] = set()

    def took(self, items: int, size: int, url: str) -> None:
        """A page of `items` items in `size` bytes arrived: fail if the list is now past a
        budget (before its items are parsed or kept)."""
        self.pages += 1
        self.items += items
        self.bytes += size
        if self.items > self.max_items:
            raise ApiError(
                f"{self.service} sent a list of more than {self.max_items:,} items, the most "
                "Partner Desk reads in one list; it stopped there.",
                kind=TOO_LARGE,
                url=url,
                answered=True,
            )
        if self.bytes > self.max_bytes:
            raise ApiError(
                f"{self.service} sent a list larger than {self.max_bytes // (1024 * 1024)} MB, "
                "the most Partner Desk reads in one list; it stopped there.",
                kind=TOO_LARGE,
                url=url,
                answered=True,
            )

    def follow(self, url: str, headers: Mapping[str, str] | None = None) -> None:
        """About to ask for the next page at `url` (with `headers`): fail if this list already
        followed that very link (a loop), or has had all its pages."""
        key = url + "".join(f"\n{k.lower()}: {v}" for k, v in sorted((headers or {}).items()))
        if key in self._followed:
            raise ApiError(
                f"{self.service} sent the same next page twice (a loop); Partner Desk stopped "
                "there.",
                kind=MALFORMED,
                url=url,
                answered=True,
            )
        if self.pages >= self.max_pages:
            raise ApiError(
                f"{self.service} kept sending more pages ({self.max_pages:,}); Partner Desk "
                "stopped there.",
                kind=MALFORMED,
                url=url,
                answered=True,
            )
        self._followed.add(key)


def split_link(service: str, url: str) -> SplitResult:
    """A next link taken apart; one `urlsplit` refuses (`http://[::1`) is a readable error."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port out of range or not a number
    except ValueError as exc:
        raise ApiError(
            f"{service}'s next link is not a valid address: {url[:80]}",
            kind=MALFORMED,
            url="",
            answered=True,
        ) from exc
    return parts
