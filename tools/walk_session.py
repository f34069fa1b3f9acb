"""The machinery of tools/screen_reader_walk.py: the AT-SPI events the app sends, Orca with
its speech written to a file, and the keyboard (xdotool) with the little a window manager does.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jeepney import DBusAddress, MatchRule, message_bus, new_method_call
from jeepney.io.blocking import open_dbus_connection
from private_desktop import need
from walk_report import parse_transcript

EVENTS = "org.a11y.atspi.Event.Object"
REGISTRY = DBusAddress(
    "/org/a11y/atspi/registry", "org.a11y.atspi.Registry", "org.a11y.atspi.Registry"
)
# What the walk listens to. Qt's bridge sends an event only once someone registered for it
# (AtSpiAdaptor::setBitFlag); a state-changed registration turns on all its state changes.
# object:announcement is what Qt 6.8+ sends for a QAccessibleAnnouncementEvent (signal
# "Announcement" on org.a11y.atspi.Event.Object, the message in its variant).
LISTENED = (
    "object:announcement",
    "object:state-changed:focused",
    "object:text-changed",
    "object:property-change:accessible-name",
    "object:property-change:accessible-description",
)


@dataclass(frozen=True)
class Event:
    time: float
    member: str  # StateChanged, Announcement, TextChanged, PropertyChange
    detail: str
    detail1: int
    value: Any
    bus: str
    path: str


class Listener:
    """The AT-SPI events the app sends, collected on a thread of their own."""

    def __init__(self, address: str) -> None:
        self.bus = open_dbus_connection(bus=address)
        rule = MatchRule(type="signal", interface=EVENTS)
        self.bus.send_and_get_reply(message_bus.AddMatch(rule), timeout=10)
        for name in LISTENED:
            self.bus.send_and_get_reply(new_method_call(REGISTRY, "RegisterEvent", "s", (name,)))
        self.events: list[Event] = []
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._run, name="atspi-events", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while not self.stopping.is_set():
            try:
                message = self.bus.receive(timeout=0.3)
            except TimeoutError:
                continue
            except OSError:
                return
            fields = message.header.fields
            if len(message.body) >= 4 and fields.get(2) == EVENTS:  # 2: interface
                detail, detail1, _detail2, (_sig, value) = message.body[:4]
                self.events.append(
                    Event(
                        time.monotonic(),
                        fields.get(3, ""),
                        detail,
                        detail1,
                        value,
                        fields.get(7, ""),
                        fields.get(1, ""),
                    )
                )  # 3 member, 7 sender, 1 path

    def since(self, start: float) -> list[Event]:
        return [e for e in list(self.events) if e.time >= start]

    def last_time(self) -> float:
        return self.events[-1].time if self.events else 0.0

    def close(self) -> None:
        self.stopping.set()
        self.thread.join(5)
        self.bus.close()


class Orca:
    """Orca in the private session, its speech written to a file by orca_speech.py."""

    def __init__(self, env: dict[str, str], work: Path, debug: Path | None) -> None:
        prefs, code = work / "orca-prefs", work / "orca-py"
        prefs.mkdir()
        code.mkdir()
        shutil.copy(Path(__file__).with_name("orca_speech.py"), code)
        general = {"speechServerFactory": "orca_speech", "enableSpeech": True}
        settings = {
            "general": general,
            "profiles": {"default": {"profile": ["Default", "default"], **general}},
            "pronunciations": {},
            "keybindings": {},
        }
        (prefs / "user-settings.conf").write_text(json.dumps(settings), encoding="utf-8")
        self.transcript = work / "orca-said.txt"
        self.transcript.touch()
        drop = ("VIRTUAL_ENV", "PYTHONHOME", "PYTHONPATH")  # Orca runs on the system Python
        orca_env = {k: v for k, v in env.items() if k not in drop}
        orca_env |= {"PYTHONPATH": str(code), "ORCA_TRANSCRIPT": str(self.transcript)}
        with (work / "orca.log").open("wb") as log:
            extra = ["--debug-file", str(debug)] if debug else []
            self.process = subprocess.Popen(
                ["orca", "-u", str(prefs), *extra],
                env=orca_env,
                stdout=log,
                stderr=log,
                start_new_session=True,
            )
        deadline = time.monotonic() + 30
        while not self.transcript.read_text(encoding="utf-8") and time.monotonic() < deadline:
            time.sleep(0.2)  # "Screen reader on."

    def said(self) -> str:
        return self.transcript.read_text(encoding="utf-8", errors="replace")

    def last_time(self) -> float:
        lines = parse_transcript(self.said())
        return lines[-1].time if lines else 0.0

    def stop(self) -> None:
        for sig in (signal.SIGTERM, signal.SIGKILL):
            try:
                os.killpg(self.process.pid, sig)
                self.process.wait(5)
                return
            except (ProcessLookupError, subprocess.TimeoutExpired):
                continue


class Keyboard:
    """xdotool into the private display, and what a window manager does with the focus:
    Xvfb has none, so the newest window of the app gets the keyboard here."""

    def __init__(self, env: dict[str, str], pid: int) -> None:
        self.env, self.pid = env, pid
        self.stack: list[str] = []  # the app's X windows, newest last
        self.xdotool = need("xdotool", "xdotool")

    def run(self, *args: str) -> str:
        done = subprocess.run(
            [self.xdotool, *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=20,
            check=False,
        )
        return done.stdout.strip()

    def press(self, *keys: str) -> None:
        self.run("key", "--clearmodifiers", "--delay", "80", *keys)

    def type(self, text: str) -> None:
        self.run("type", "--delay", "80", text)

    def _normal(self, window: str) -> bool:
        """Not a menu, tooltip or combo box popup (they never take the focus)."""
        if not shutil.which("xprop"):
            return True
        kind = subprocess.run(
            ["xprop", "-id", window, "_NET_WM_WINDOW_TYPE"],
            env=self.env,
            capture_output=True,
            text=True,
            check=False,
        ).stdout
        return "NORMAL" in kind or "DIALOG" in kind or "not found" in kind

    def follow(self) -> bool:
        """Focus a window the app just showed; back to the one before when it closed. True
        when a window was new."""
        shown = self.run("search", "--onlyvisible", "--pid", str(self.pid)).split()
        new = [w for w in shown if w not in self.stack and self._normal(w)]
        self.stack = [w for w in self.stack if w in shown] + new
        if self.stack and (new or self.run("getwindowfocus") not in self.stack):
            self.focus(self.stack[-1])
        return bool(new)

    def switch_to_first(self, title: str = "Partner Desk") -> None:
        """Alt+Tab back to the app's main window: the one whose title is `title` (the stack's
        order is xdotool's when two windows appear at once, so not always the main window
        first: in a CI run under load the keyboard went back to the dashboard)."""
        if not self.stack:
            return
        named = [w for w in self.stack if self.run("getwindowname", w) == title]
        main = named[0] if named else self.stack[0]
        self.stack.remove(main)
        self.stack.append(main)
        self.focus(main)

    def focus(self, window: str) -> None:
        """Give `window` the keyboard, and again if something took it back at once (a
        window that activates itself when its data arrives)."""
        for _ in range(6):  # a loaded machine: up to 3 s
            self.run("windowfocus", "--sync", window)
            time.sleep(0.5)
            if self.run("getwindowfocus") == window:
                return
