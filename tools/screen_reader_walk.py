"""Do the support engineer's job by keyboard, as a screen-reader user does, and record what a
reader gets after each step: the accessible tree of the focused window, the focus path, the
AT-SPI events (focus, announcements, text/name/description changes) and, where Orca is
installed, what Orca says.

    uv run python tools/screen_reader_walk.py [--lang de] [--out DIR] [--report FILE] [--no-orca]

The app runs on its sandbox on a private Xvfb and D-Bus session (private_desktop.py); keys go
in with xdotool. Exit 1 when a control on screen has no name, a window of the app is not a
window to a reader (atspi_check.py's rules), or the error of a new request submitted empty is
neither announced nor put on a focused field's description. docs/ACCESSIBILITY.md says more.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import ExitStack
from functools import partial
from pathlib import Path
from typing import cast

from atspi_check import ACCESSIBLE, TABLE, VISIBLE, WINDOWS, Client, Seen, until
from jeepney import DBusErrorResponse
from private_desktop import private_desktop
from walk_report import (
    Focus,
    Node,
    Step,
    error_announced,
    into_markers,
    markdown,
    parse_transcript,
    quoted,
    said_between,
    step_text,
)
from walk_session import Event, Keyboard, Listener, Orca

TEXT = "org.a11y.atspi.Text"
ROOT = "/org/a11y/atspi/accessible/root"
FOCUSED, ACTIVE = 12, 1
TEXT_ROLES = frozenset({"label", "static", "text", "paragraph", "heading", "status bar"})
QUIET_S = 1.0  # a step is over when no event came and Orca said nothing for this long
FAKE_BROWSER = '#!/bin/sh\nprintf "%s\\n" "$*" >> "{log}"\nexit 0\n'


class Walk:
    """The app on the bus, the steps of the job, and what each left for a reader."""

    def __init__(
        self,
        client: Client,
        app: subprocess.Popen[bytes],
        listener: Listener,
        orca: Callable[[], Orca] | None,
        out: Path,
        keyboard: Keyboard,
    ) -> None:
        self.client, self.app, self.listener = client, app, listener
        self.start_orca, self.orca = orca, cast("Orca | None", None)
        self.out, self.keys = out, keyboard
        self.steps: list[Step] = []
        self.windows_seen: dict[str, str] = {}  # window name -> role
        self.root: Seen = until("app on the AT-SPI bus", self._find_app, app)

    def _find_app(self) -> Seen | None:
        for bus, path in self.client.call(
            "org.a11y.atspi.Registry", ROOT, ACCESSIBLE, "GetChildren"
        )[0]:
            if self.client.pid(bus) == self.app.pid:
                return self.client.describe(bus, path, "")
        return None

    def windows(self) -> list[Seen]:
        return [w for w in self.client.children(self.root) if w.has(VISIBLE)]

    def window(self) -> Seen | None:
        """The active window: the one with the keyboard."""
        shown = self.windows()
        return next((w for w in shown if w.has(ACTIVE)), shown[-1] if shown else None)

    # -- what a reader gets --------------------------------------------------------------

    def node(self, seen: Seen, depth: int) -> Node:
        c, bus, path = self.client, seen.bus, seen.path
        description = c.prop(bus, path, ACCESSIBLE, "Description")
        interfaces = c.call(bus, path, ACCESSIBLE, "GetInterfaces")[0]
        extra = ""
        if TABLE in interfaces:
            rows, columns = (c.prop(bus, path, TABLE, n) for n in ("NRows", "NColumns"))
            heads = []
            for column in range(min(columns, 12)):
                head_bus, head_path = c.call(bus, path, TABLE, "GetColumnHeader", column)[0]
                heads.append(
                    c.prop(head_bus, head_path, ACCESSIBLE, "Name")
                    if head_path != "/org/a11y/atspi/null"
                    else ""
                )
            extra = f"rows={rows} columns={columns} headers={' | '.join(heads)!r}"
        elif TEXT in interfaces and seen.role in TEXT_ROLES:
            text = c.call(bus, path, TEXT, "GetText", 0, -1)[0]
            if text.strip() and " ".join(text.split()) != " ".join(seen.name.split()):
                extra = "text=" + quoted(text, 160)
        return Node(depth, seen.role, seen.name, description, seen.states, extra)

    def dump(self, window: Seen) -> tuple[list[Node], list[Seen], int]:
        """The window's shown objects (tables' cells not walked), the Seen of each, and how
        many hidden subtrees were left out."""
        nodes: list[Node] = []
        seen_all: list[Seen] = []
        hidden = 0

        def visit(seen: Seen, depth: int) -> None:
            nonlocal hidden
            if depth and not seen.has(VISIBLE):
                hidden += 1
                return
            try:
                nodes.append(self.node(seen, depth))
            except DBusErrorResponse:
                return  # gone while we looked
            seen_all.append(seen)
            if seen.role not in ("table", "tree table", "tree", "list", "list box"):
                for child in self.client.children(seen):
                    visit(child, depth + 1)

        visit(window, 0)
        return nodes, seen_all, hidden

    def describe(self, bus: str, path: str) -> Seen:
        """An object and its path from the application, by its parents."""
        chain = [path]
        where = (bus, path)
        for _ in range(40):
            where = self.client.prop(where[0], where[1], ACCESSIBLE, "Parent")
            if where[1] in (ROOT, "/org/a11y/atspi/null"):
                break
            chain.append(where[1])
        seen = self.client.describe(bus, chain[-1], "")
        for step in reversed(chain[:-1]):
            seen = self.client.describe(bus, step, seen.trail)
        return seen

    def focus(self, shown: list[Seen]) -> Focus | None:
        """The focused object: the last one a focus event named while it keeps the focus,
        else the last shown one with the focused state (Qt leaves it on a tab bar's tab)."""
        gained = [
            e
            for e in self.listener.events
            if e.member == "StateChanged" and e.detail == "focused" and e.detail1 == 1
        ]
        found = None
        if gained:
            try:
                found = self.describe(gained[-1].bus, gained[-1].path)
            except DBusErrorResponse:
                found = None
        if found is None or not found.has(FOCUSED):
            found = next((s for s in reversed(shown) if s.has(FOCUSED)), found)
        if found is None:
            return None
        description = self.client.prop(found.bus, found.path, ACCESSIBLE, "Description")
        return Focus(found.trail, found.role, found.name, description, found.states)

    def name_of(self, event: Event, window: Seen | None = None) -> str | None:
        """The event's object as "role 'name'"; None when it is not in `window`."""
        try:
            seen = self.describe(event.bus, event.path)
        except DBusErrorResponse:
            return "(gone)"
        if window is not None and not seen.trail.startswith(window.trail):
            return None
        return f"{seen.role} {quoted(seen.name)}" if seen.name else seen.role

    # -- the steps -----------------------------------------------------------------------

    def settle(self, start: float, limit: float) -> None:
        """Until the app sent no event and Orca said nothing for QUIET_S (at most `limit`)."""
        deadline = time.monotonic() + limit
        time.sleep(0.3)
        while time.monotonic() < deadline:
            if self.app.poll() is not None:
                raise SystemExit(f"screen_reader_walk: the app exited ({self.app.returncode})")
            last = max(self.listener.last_time(), self.orca.last_time() if self.orca else 0)
            if time.monotonic() - max(last, start) >= QUIET_S:
                return
            time.sleep(0.2)

    def step(self, title: str, keys: str, act: Callable[[], None], limit: float = 15) -> Step:
        step = Step(len(self.steps) + 1, title, keys)
        start = time.monotonic()
        act()
        self.keys.follow()
        self.settle(start, limit)
        # A window mapped while the step settled (a loaded machine shows it late) belongs to
        # this step: found only at the next one, it took the keyboard back from that step.
        if self.keys.follow():
            self.settle(time.monotonic(), limit)
        end = time.monotonic()
        self.record(step, start, end)
        self.steps.append(step)
        return step

    def record(self, step: Step, start: float, end: float) -> None:
        for top in self.windows():
            self.windows_seen[top.name] = top.role
            if top.role not in WINDOWS:
                step.failures.append(f"a window with the role {top.role!r}: {top.trail}")
        window = self.window()
        nodes: list[Node] = []
        hidden = 0
        if window is not None:
            step.window = f"{window.role} {quoted(window.name, 60)}"
            nodes, shown, hidden = self.dump(window)
            step.objects = len(nodes)
            checked = [s for s in shown if s.checked]
            step.controls = len(checked)
            step.unnamed = [s.trail for s in checked if s.offence()]
            step.failures += [f"{s.offence()}: {s.trail}" for s in checked if s.offence()]
            step.focus = self.focus(shown)
        for event in self.listener.since(start):
            if event.time >= end:
                break
            if event.member == "StateChanged" and event.detail == "focused" and event.detail1:
                step.focus_events.append(self.name_of(event) or "")
            elif event.member == "Announcement":
                politeness = "assertive" if event.detail1 == 2 else "polite"  # ATSPI_LIVE_*
                step.announcements.append(f"{event.value} ({politeness})")
            elif event.member == "TextChanged" or (
                event.member == "PropertyChange"
                and event.detail in ("accessible-name", "accessible-description")
            ):
                if len(step.changes) >= 30:
                    continue
                where = self.name_of(event, window)  # the focused window's only
                change = f"{event.detail} {quoted(str(event.value), 80)} on {where}"
                if where and change not in step.changes:
                    step.changes.append(change)
        if self.orca:
            step.said = said_between(parse_transcript(self.orca.said()), start, end)
        slug = "".join(ch if ch.isalnum() else "-" for ch in step.title.lower())[:40]
        text = step_text(step, nodes, hidden)
        (self.out / f"{step.number:02d}-{slug.strip('-')}.txt").write_text(text, encoding="utf-8")
        print(
            f"{step.number:2d}. {step.title}: {step.window}, {step.objects} objects, "
            f"{step.controls} controls, {len(step.unnamed)} unnamed, "
            f"focus {step.focus.trail.rsplit(' > ', 1)[-1] if step.focus else '-'}"
        )


def customer_word(walk: Walk, row: int) -> str:
    """The first word of the name of the customer in `row` of the list, to search for."""
    for seen in walk.client.walk(walk.root):
        if seen.role == "table" and seen.has(VISIBLE):
            if walk.client.prop(seen.bus, seen.path, TABLE, "NRows") <= row:
                return ""
            bus, path = walk.client.call(seen.bus, seen.path, TABLE, "GetAccessibleAt", row, 0)[0]
            name = walk.client.prop(bus, path, ACCESSIBLE, "Name")
            return str(name).split()[0] if str(name).split() else ""
    return ""


def drive(walk: Walk, row: int, browser_log: Path) -> None:
    """The job, by keyboard only (keys as xdotool names them)."""
    press, k = walk.keys.press, walk.keys
    word = until("customer list", lambda: customer_word(walk, row), walk.app)
    walk.keys.follow()
    if walk.start_orca:  # now: Orca started before the window was active missed that it was
        walk.orca = walk.start_orca()
    walk.step("the app started, the customer list loaded", "", lambda: None, limit=60)

    def search() -> None:
        press("ctrl+f")
        k.type(word)

    walk.step(f"search for {word!r}", f"Ctrl+F, {word}", search)
    walk.step("into the list: the customer opens", "Down", lambda: press("Down"))
    walk.step("Enter on the customer", "Enter", lambda: press("Return"))
    for n in range(1, 7):
        walk.step(f"tab {n}", f"Ctrl+{n}", partial(press, f"ctrl+{n}"))
    walk.step("Incidents tab", "Ctrl+3", lambda: press("ctrl+3"))
    walk.step("the next incident", "Down", lambda: press("Down"))
    walk.step("on to the incident's details", "Tab", lambda: press("Tab"))
    walk.step("on from the details", "Tab", lambda: press("Tab"))
    walk.step("Portals tab", "Ctrl+5", lambda: press("ctrl+5"))
    opened = walk.step("open the portal", "Enter", lambda: press("Return"))
    links = browser_log.read_text().split() if browser_log.exists() else []
    opened.notes.append(f"the browser was asked for {links[-1]}" if links else "no link opened")
    walk.step("dashboard", "Ctrl+D", lambda: press("ctrl+d"), limit=30)
    walk.step("back to the main window", "Alt+Tab", walk.keys.switch_to_first)
    walk.step("new service request", "Ctrl+N", lambda: press("ctrl+n"))
    before = walk.steps[-1].focus
    error = walk.step("submit it empty", "Ctrl+Enter", lambda: press("ctrl+Return"))
    heard, how = error_announced(before, error.focus, error.announcements)
    (error.notes if heard else error.failures).append(
        ("error heard: " if heard else "error not announced: ") + how
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--lang", default="en", help="the app's language (default en)")
    parser.add_argument("--customers", type=int, default=20, help="sandbox customers (20)")
    parser.add_argument("--row", type=int, default=2, help="the customer searched (row 2)")
    parser.add_argument("--out", type=Path, help="where each step's dump goes (a new folder)")
    parser.add_argument(
        "--report", type=Path, help="the markdown summary there too (between a doc's markers)"
    )
    parser.add_argument("--no-orca", action="store_true", help="do not run Orca")
    parser.add_argument("--orca-debug", type=Path, help="Orca's own debug log, written there")
    args = parser.parse_args()
    out: Path = args.out or Path(tempfile.mkdtemp(prefix="screen-reader-walk-"))
    out.mkdir(parents=True, exist_ok=True)
    began = time.monotonic()
    orca_note = "Orca not run (--no-orca)"
    if not args.no_orca and not shutil.which("orca"):
        orca_note = "Orca is not installed: the tree part only"
        print(f"screen_reader_walk: {orca_note} (Debian: apt-get install orca)")
    with ExitStack() as stack:
        work = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="walk-")))
        env = stack.enter_context(private_desktop(work))
        browser_log = work / "browser.txt"
        (work / "bin").mkdir()
        opener = work / "bin" / "xdg-open"  # a portal "opens" here; no browser starts
        opener.write_text(FAKE_BROWSER.format(log=browser_log), encoding="utf-8")
        opener.chmod(0o755)
        listener = Listener(env["AT_SPI_BUS_ADDRESS"])
        stack.callback(listener.close)
        orca = None
        if not args.no_orca and shutil.which("orca"):
            orca = partial(Orca, env, work, args.orca_debug)
            orca_note = f"Orca {orca_version()} ran, its speech logged"
        app_env = env | {"PATH": f"{work / 'bin'}{os.pathsep}{env.get('PATH', '')}"}
        log = stack.enter_context((work / "app.log").open("wb"))
        command = [sys.executable, "-m", "desktop", "--customers", str(args.customers)]
        app = subprocess.Popen(
            [*command, "--lang", args.lang], env=app_env, stdout=log, stderr=subprocess.STDOUT
        )
        stack.callback(app.wait)
        stack.callback(app.kill)
        stopped, walk = "", cast("Walk | None", None)
        # Orca goes even when the walk fails on something else than SystemExit.
        stack.callback(lambda: walk.orca.stop() if walk and walk.orca else None)
        try:
            walk = Walk(
                Client(env["AT_SPI_BUS_ADDRESS"]), app, listener, orca, out, Keyboard(env, app.pid)
            )
            drive(walk, args.row, browser_log)
        except SystemExit as stop:  # what was found until then is still reported
            stopped = str(stop)
            print((work / "app.log").read_text(errors="replace")[-3000:], file=sys.stderr)
        if walk and walk.orca:
            walk.orca.stop()
            shutil.copy(walk.orca.transcript, out / "orca-said.txt")
    steps = walk.steps if walk else []
    summary = markdown(steps, walk.windows_seen if walk else {}, args.lang, orca_note)
    (out / "summary.md").write_text(summary, encoding="utf-8")
    if args.report:  # a document with the walk's markers keeps the rest of its text
        old = args.report.read_text(encoding="utf-8") if args.report.exists() else ""
        args.report.write_text(into_markers(old, summary), encoding="utf-8")
    failures = [f"step {s.number} ({s.title}): {f}" for s in steps for f in s.failures]
    print(
        f"{len(steps)} steps in {time.monotonic() - began:.0f} s ({args.lang}); {orca_note}; "
        f"dumps in {out}"
    )
    for failure in failures:
        print(f"  {failure}")
    if stopped:
        print(stopped)
    return 1 if failures or stopped else 0


def orca_version() -> str:
    done = subprocess.run(["orca", "--version"], capture_output=True, text=True, check=False)
    return done.stdout.split()[-1] if done.stdout.split() else "?"


if __name__ == "__main__":
    sys.exit(main())
