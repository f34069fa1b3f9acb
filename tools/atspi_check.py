"""Read Partner Desk's accessibility tree as a screen reader does: over AT-SPI, from outside.

Runs the real app on its sandbox, on its own Xvfb and D-Bus session (private_desktop.py),
drives it by AT-SPI actions only and walks each window's tree. Exit 1, listing each offender
by its path, when a control a user can reach has no role or no name, or a window is not a
window to a reader.

    uv run python tools/atspi_check.py [--lang de] [--customers 20] [--verbose]

Needs (Debian): xvfb, dbus-daemon, at-spi2-core. docs/ACCESSIBILITY.md says what and why.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jeepney import DBusAddress, DBusErrorResponse, Properties, new_method_call
from jeepney.io.blocking import DBusConnection, open_dbus_connection
from jeepney.wrappers import unwrap_msg
from private_desktop import private_desktop

ACCESSIBLE, ACTION = "org.a11y.atspi.Accessible", "org.a11y.atspi.Action"
TABLE, DBUS = "org.a11y.atspi.Table", "org.freedesktop.DBus"
EDITABLE = "org.a11y.atspi.EditableText"
REGISTRY = ("org.a11y.atspi.Registry", "/org/a11y/atspi/accessible/root")
# Roles a user acts on (AT-SPI role names, never translated): each needs a name to be spoken.
CONTROLS = frozenset(
    {
        "push button", "toggle button", "check box", "radio button", "combo box", "text",
        "entry", "password text", "spin button", "slider", "dial", "table", "tree table",
        "tree", "list", "list box", "page tab", "page tab list", "menu item",
        "check menu item", "radio menu item", "button menu", "link",
    }
)  # fmt: skip
MENU_ITEMS = frozenset({"menu item", "check menu item", "radio menu item"})
DATA = frozenset({"table", "tree table", "tree", "list", "list box"})  # rows are data
WINDOWS = frozenset({"frame", "dialog", "window", "alert", "file chooser"})
NO_ROLE = frozenset({"", "invalid", "unknown"})
FOCUSABLE, SENSITIVE, VISIBLE = 11, 24, 30  # AtspiStateType bit numbers
KEY_WORDS = {"strg": "ctrl", "umschalt": "shift"}  # shortcuts as German Qt spells them


@dataclass(frozen=True)
class Seen:
    """One accessible object as a client sees it, and its path from the application."""

    bus: str
    path: str
    role: str
    name: str
    states: int
    actions: tuple[str, ...]
    trail: str

    def has(self, state: int) -> bool:
        return bool(self.states >> state & 1)

    @property
    def checked(self) -> bool:
        """Reachable now (shown, or in a closed menu: one key opens it) and a control by
        role, focusable, or with an action besides taking the focus."""
        reachable = self.has(VISIBLE) or (self.role in MENU_ITEMS and self.has(SENSITIVE))
        acts = any(a != "SetFocus" for a in self.actions)
        return reachable and (self.role in CONTROLS or self.has(FOCUSABLE) or acts)

    def offence(self) -> str | None:
        if self.role in NO_ROLE:
            return "no role"
        return "no name" if self.role in CONTROLS and not self.name.strip() else None


class Client:
    """Blocking calls on the AT-SPI bus."""

    def __init__(self, address: str) -> None:
        self.bus: DBusConnection = open_dbus_connection(bus=address)

    def call(self, bus: str, path: str, interface: str, method: str, *args: int | str) -> Any:
        signature = "".join("s" if isinstance(a, str) else "i" for a in args) or None
        message = new_method_call(DBusAddress(path, bus, interface), method, signature, args)
        # unwrap_msg raises DBusErrorResponse for an error reply (an object gone while we
        # walked, a popup closing): a bare `.body` handed the error text on as an answer.
        return unwrap_msg(self.bus.send_and_get_reply(message, timeout=10))

    def prop(self, bus: str, path: str, interface: str, name: str) -> Any:
        get = Properties(DBusAddress(path, bus, interface)).get(name)
        return unwrap_msg(self.bus.send_and_get_reply(get, timeout=10))[0][1]

    def describe(self, bus: str, path: str, trail: str) -> Seen:
        role = self.call(bus, path, ACCESSIBLE, "GetRoleName")[0]
        name = self.prop(bus, path, ACCESSIBLE, "Name")
        low, high = self.call(bus, path, ACCESSIBLE, "GetState")[0]
        actions: tuple[str, ...] = ()
        if ACTION in self.call(bus, path, ACCESSIBLE, "GetInterfaces")[0]:
            actions = tuple(a[0] for a in self.call(bus, path, ACTION, "GetActions")[0])
        step = f"{role}[{name!r}]" if name else role
        trail = f"{trail} > {step}" if trail else step
        return Seen(bus, path, role, name, low | high << 32, actions, trail)

    def children(self, seen: Seen) -> list[Seen]:
        found = []
        try:
            for bus, path in self.call(seen.bus, seen.path, ACCESSIBLE, "GetChildren")[0]:
                found.append(self.describe(bus, path, seen.trail))
        except DBusErrorResponse:  # gone while we looked (a tooltip, a popup): skipped
            pass
        return found

    def walk(self, seen: Seen) -> Iterator[Seen]:
        yield seen
        if seen.role not in DATA:
            for child in self.children(seen):
                yield from self.walk(child)

    def act(self, seen: Seen, action: str) -> None:
        self.call(seen.bus, seen.path, ACTION, "DoAction", seen.actions.index(action))

    def pid(self, bus: str) -> int:
        daemon = DBusAddress("/org/freedesktop/DBus", DBUS, DBUS)
        message = new_method_call(daemon, "GetConnectionUnixProcessID", "s", (bus,))
        return int(self.bus.send_and_get_reply(message, timeout=10).body[0])


def until(what: str, probe: Callable[[], Any], app: subprocess.Popen[bytes]) -> Any:
    """Poll `probe` until it returns something true; fail if the app ends or 60 s pass."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if app.poll() is not None:
            raise SystemExit(f"atspi_check: the app exited ({app.returncode}) before {what}")
        try:
            found = probe()
        except DBusErrorResponse:
            found = None
        if found:
            return found
        time.sleep(0.2)
    raise SystemExit(f"atspi_check: no {what} after 60 s")


class Check:
    """One run of the app: find it, drive it by AT-SPI actions, collect what offends."""

    def __init__(self, client: Client, app: subprocess.Popen[bytes], verbose: bool) -> None:
        self.client, self.app, self.verbose = client, app, verbose
        self.controls: set[str] = set()
        self.offenders: dict[str, str] = {}
        self.root: Seen = until("app on the AT-SPI bus", self._find_app, app)

    def _find_app(self) -> Seen | None:
        for bus, path in self.client.call(*REGISTRY, ACCESSIBLE, "GetChildren")[0]:
            if self.client.pid(bus) == self.app.pid:
                return self.client.describe(bus, path, "")
        return None

    def windows(self) -> list[Seen]:
        return [w for w in self.client.children(self.root) if w.has(VISIBLE)]

    def settle(self, window: Seen) -> list[Seen]:
        """The window's tree once it stopped changing for a second (tabs loaded, sweep done),
        or as it is after 60 s."""
        seen: list[tuple[tuple[str, str, bool], ...]] = []
        deadline = time.monotonic() + 60
        while True:
            nodes = list(self.client.walk(window))
            seen.append(tuple((s.role, s.name, s.has(VISIBLE)) for s in nodes))
            if seen[-3:].count(seen[-1]) == 3 or time.monotonic() > deadline:
                return nodes
            time.sleep(0.5)

    def check(self, window: Seen, what: str) -> list[Seen]:
        nodes = self.settle(window)
        if window.role not in WINDOWS:
            self.offenders.setdefault(window.trail, f"a window with the role {window.role!r}")
        checked = [s for s in nodes if s.checked]
        for seen in checked:
            self.controls.add(seen.path)
            offence = seen.offence()
            if offence:
                self.offenders.setdefault(seen.trail, offence)
            if self.verbose:
                print(f"  {offence or 'ok':8} {seen.trail}")
        print(f"{what}: {len(checked)} controls of {len(nodes)} objects")
        return nodes

    def explore(self, window: Seen, what: str) -> None:
        """Check the window, then again on each page of each of its tab bars."""
        for tabs in [s for s in self.check(window, what) if s.role == "page tab list"]:
            for tab in self.client.children(tabs):
                if tab.role == "page tab" and tab.has(VISIBLE):
                    self.client.act(tab, "Press")
                    self.check(window, f"{what}, tab {tab.name!r}")

    def menu_item(self, shortcut: str) -> Seen:
        """The menu item of a shortcut: shortcuts stay when the texts are translated."""

        def keys(text: str) -> str:
            return "+".join(KEY_WORDS.get(k, k) for k in text.casefold().split("+"))

        for seen in self.client.walk(self.root):
            if seen.role in MENU_ITEMS:
                bound = self.client.call(seen.bus, seen.path, ACTION, "GetKeyBinding", 0)[0]
                if keys(bound) == keys(shortcut):
                    return seen
        raise SystemExit(f"atspi_check: no menu item has the shortcut {shortcut}")

    def open_window(self, shortcut: str, what: str) -> None:
        known = {w.path for w in self.windows()}
        self.client.act(self.menu_item(shortcut), "Press")
        found = until(what, lambda: [w for w in self.windows() if w.path not in known], self.app)
        self.explore(found[0], what)


def drive(check: Check, row: int) -> None:
    def listed() -> Seen | None:  # the main window, once its customer list has the row
        for window in check.windows():
            for seen in check.client.walk(window):
                if seen.role == "table" and seen.has(VISIBLE):
                    rows = check.client.prop(seen.bus, seen.path, TABLE, "NRows")
                    return window if rows > row else None
        return None

    main = until("customer list", listed, check.app)
    nodes = check.check(main, "main window, no customer chosen")
    customers = next(s for s in nodes if s.role == "table" and s.has(VISIBLE))
    # What a screen reader's "select" sends; the details follow it (desktop/ui/widgets/tables).
    check.client.call(customers.bus, customers.path, TABLE, "AddRowSelection", row)
    check.explore(main, "main window")
    check.open_window("Ctrl+D", "dashboard")
    check.open_window("Ctrl+Shift+R", "requests of all customers")
    check.open_window("Ctrl+Shift+G", "GDAP relationships")
    check.open_window("Ctrl+N", "new service request")
    check.open_window("Ctrl+T", "tags of the customer")
    # Text in the search box shows its clear button (typed as a screen reader's user would).
    search = next(s for s in check.client.walk(main) if s.role == "text" and s.has(VISIBLE))
    check.client.call(search.bus, search.path, EDITABLE, "SetTextContents", "a")
    check.check(main, "main window, a search typed")


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--lang", default="en", help="the app's language (default en)")
    parser.add_argument("--customers", type=int, default=20, help="sandbox customers (20)")
    parser.add_argument("--row", type=int, default=2, help="the customer chosen (row 2)")
    parser.add_argument("--verbose", action="store_true", help="list every control checked")
    args = parser.parse_args()
    with ExitStack() as stack:
        work = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="atspi-")))
        env = stack.enter_context(private_desktop(work))
        log = stack.enter_context((work / "app.log").open("wb"))
        command = [sys.executable, "-m", "desktop", "--customers", str(args.customers)]
        app = subprocess.Popen(
            [*command, "--lang", args.lang], env=env, stdout=log, stderr=subprocess.STDOUT
        )
        stopped, check = "", None
        try:
            check = Check(Client(env["AT_SPI_BUS_ADDRESS"]), app, args.verbose)
            drive(check, args.row)
        except SystemExit as stop:  # what was found until then is still reported
            stopped = str(stop)
            print((work / "app.log").read_text(errors="replace")[-3000:], file=sys.stderr)
        finally:
            app.kill()  # its sandbox and files go with its process and the folder
            app.wait()
    offenders = check.offenders if check else {}
    print(f"{len(check.controls) if check else 0} controls checked over AT-SPI ({args.lang})")
    for trail, offence in sorted(offenders.items()):
        print(f"  {offence}: {trail}")
    if offenders:
        print(f"atspi_check: {len(offenders)} without a role or a name (above)")
    if stopped:
        print(stopped)
    return 1 if offenders or stopped else 0


if __name__ == "__main__":
    sys.exit(main())
