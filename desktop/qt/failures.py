"""Where a failure of background work ends, decided by its type, never by its text.

- A cancel (`asyncio.CancelledError`, `Superseded`, an error of category CANCELLED) ends
  silently: the user asked for it, or a newer request replaced it.
- A typed failure (an `ApiError` or `AuthError`: it has a `Category`) is the world's, not a bug:
  its owner says it in words through the one presenter (`desktop.ui.errors.explain`).
- Anything else is a failure nobody expected: `report` hands it to the app's one reporter.
"""

from __future__ import annotations

import collections
import logging
import traceback
import weakref
from typing import TYPE_CHECKING

from desktop.domain.customer_health import Failure

if TYPE_CHECKING:
    import asyncio

log = logging.getLogger(__name__)

# The failures each loop's reporter was given, by type, text and where they were raised: the
# same bug met by every customer of a sweep (or every click) is reported once, then logged in
# a line.
_Seen = collections.OrderedDict[tuple[str, str, str], None]
_SEEN: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, _Seen] = weakref.WeakKeyDictionary()
_SEEN_MAX = 64


class Superseded(Exception):  # noqa: N818 (a state, not an error)
    """A newer request for the same view replaced this one; nothing to show."""


def is_cancel(error: BaseException) -> bool:
    # Here, not at the top, as below: the window's first paint comes before the asyncio loop
    # (desktop.gui_frame).
    import asyncio

    if isinstance(error, (asyncio.CancelledError, Superseded)):
        return True
    # Here, not at the top: the window's first paint does not wait for the network clients.
    from desktop.services.backend import Category, category_of

    return category_of(error) is Category.CANCELLED


def unexpected(error: BaseException) -> bool:
    """Neither a cancel nor a failure of the services or of signing in: a bug, a broken disk."""
    from desktop.services.backend import category_of

    return not is_cancel(error) and category_of(error) is None


def health_failure(error: BaseException) -> Failure:
    """Why a customer's health is not known, as its cell says it: from the error's category."""
    from desktop.services.backend import Category, category_of

    category = category_of(error)
    if category is Category.NO_ACCESS:
        return Failure.NO_ACCESS
    if category is Category.NOT_CONSENTED:
        return Failure.NOT_CONSENTED
    return Failure.ERROR


def report(error: BaseException, where: str) -> None:
    """Hand `error` to the running loop's exception handler, the app's one reporter (the crash
    dialog: desktop.gui sets it), once per bug; logged when no loop runs on this thread.

    Never raises: it runs in error paths, where a second failure would hide the first.
    """
    import asyncio

    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        log.error("unexpected: %s", where, exc_info=error)
        return
    seen = _SEEN.setdefault(loop, collections.OrderedDict())
    signature = _signature(error)
    if signature in seen:
        log.warning("again: %s: %s: %s", where, type(error).__name__, error)
        return
    seen[signature] = None
    if len(seen) > _SEEN_MAX:
        seen.popitem(last=False)
    try:
        loop.call_exception_handler({"message": where, "exception": error})
    except Exception:
        log.exception("reporting %s failed", type(error).__name__)


def _signature(error: BaseException) -> tuple[str, str, str]:
    frames = traceback.extract_tb(error.__traceback__)
    raised = f"{frames[-1].filename}:{frames[-1].lineno}" if frames else ""
    return type(error).__qualname__, str(error)[:200], raised
