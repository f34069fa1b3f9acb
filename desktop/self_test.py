"""`partner-desk --self-test`: start offscreen, load a customer and every tab, then exit.

It drives the shown window through its public widgets, as a user would."""

from __future__ import annotations

import asyncio
import sys
from typing import Any, Protocol

# How long one customer's tabs may take to load.
PANES_TIMEOUT_S = 60.0


class Failures(Protocol):
    messages: list[str]  # what went wrong unhandled so far (desktop.gui)


async def show_customer(window: Any, row: int) -> None:
    """Choose the customer of `row` in the list and wait until its tabs have loaded."""
    window.customers.select_row(row)
    customer = window.customers.current_customer()
    loop = asyncio.get_running_loop()
    deadline = loop.time() + PANES_TIMEOUT_S
    while any(p.customer is not customer or p.state == "loading" for p in window.panes()):
        if loop.time() > deadline:
            raise TimeoutError("panes did not finish loading")
        await asyncio.sleep(0.02)


async def _health_answered(window: Any) -> list[str]:
    """The health check answered for someone, in the sweep engine's process when the app has
    one (the bundle's multiprocessing start, its imports and its sign-in are all proved so)."""
    board = window.sweep.board
    loop = asyncio.get_running_loop()
    deadline = loop.time() + PANES_TIMEOUT_S
    while not board.swept:
        if loop.time() > deadline:
            return ["the health check gave no answer"]
        await asyncio.sleep(0.05)
    engine = window.holder.worker.engine
    proven = engine is None or window.holder.session.backend.recipe is None
    if not proven and engine is not None and engine.pid is None:
        return ["the health check did not run in the sweep engine's process"]
    return []


async def self_test(window: Any, failures: Failures) -> int:
    """Check the sign-in stack; load customers, select one with GDAP access, wait for every
    tab, check the portals."""
    from desktop.auth import stack

    sign_in = stack.check()  # milliseconds (a temporary file, or one keyring item)
    print(sign_in.line, flush=True)
    problems: list[str] = list(sign_in.problems)
    try:
        count = await asyncio.wait_for(window.load_customers(), 60)
        if count <= 0:
            problems.append("no customers loaded")
        else:
            # Some sample customers have no GDAP role (their health answers 403, like the real
            # thing); the first customer whose every tab loads proves the whole path works.
            for row in range(min(count, 10)):
                await show_customer(window, row)
                unready = [
                    f"{type(pane).__name__} is {pane.state}: {pane.error}"
                    for pane in window.panes()
                    if pane.state != "ready"
                ]
                if not unready:
                    break
            problems.extend(unready)
            links = [window.portals.model.record(r) for r in range(window.portals.model.rowCount())]
            if not any(getattr(link, "url", None) for link in links):
                problems.append("the admin portals tab has no links")
        problems.extend(await _health_answered(window))
        window.cancel_sweep()
        from desktop.qt import translators  # imports Qt: not for `partner-desk --help`

        problems.extend(translators.self_check())  # the language asked for is the one on screen
    except Exception as error:
        problems.append(f"{type(error).__name__}: {error}")
    problems.extend(failures.messages)
    window.close()
    if problems:
        for problem in problems:
            print(f"self-test failed: {problem}", file=sys.stderr)
        return 1
    print(f"self-test ok: {count} customers, {len(links)} portals, every tab loaded")
    return 0
