"""A desktop of our own for tools/atspi_check.py: an X server and a D-Bus session with the
AT-SPI bus, so nothing of the developer's desktop (a screen reader, other apps on its AT-SPI
bus) is read or disturbed. Qt's offscreen platform has no AT-SPI bridge: the app needs Xvfb.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from jeepney import DBusAddress, DBusErrorResponse, new_method_call
from jeepney.io.blocking import open_dbus_connection


def need(program: str, package: str) -> str:
    if found := shutil.which(program):
        return found
    raise SystemExit(f"atspi_check: no {program}; install {package} (docs/ACCESSIBILITY.md)")


def a11y_address(session: str) -> str:
    """Ask the session bus for the AT-SPI bus: D-Bus activation starts at-spi-bus-launcher."""
    launcher = DBusAddress("/org/a11y/bus", "org.a11y.Bus", "org.a11y.Bus")
    with open_dbus_connection(bus=session) as bus:
        try:
            reply = bus.send_and_get_reply(new_method_call(launcher, "GetAddress"), timeout=30)
        except DBusErrorResponse as error:
            hint = "is at-spi2-core installed?"
            raise SystemExit(f"atspi_check: no AT-SPI bus ({error}); {hint}") from None
    return str(reply.body[0])


@contextmanager
def private_desktop(work: Path) -> Iterator[dict[str, str]]:
    """An X server and a D-Bus session of our own, so nothing of the developer's desktop (a
    screen reader, other apps on its AT-SPI bus) is read or disturbed. Yields the app's
    environment; stops all it started (each in its own process group) on the way out."""
    xvfb, daemon = need("Xvfb", "xvfb"), need("dbus-daemon", "dbus-daemon")
    started: list[subprocess.Popen[bytes]] = []

    def start(command: list[str], log: str, **options: Any) -> subprocess.Popen[bytes]:
        with (work / log).open("wb") as out:
            options.setdefault("stdout", out)
            started.append(subprocess.Popen(command, stderr=out, start_new_session=True, **options))
        return started[-1]

    def first_line(stream: Any, what: str) -> str:
        line = stream.readline().decode().strip()
        if not line:
            raise SystemExit(f"atspi_check: {what} did not start; its log is in {work}")
        return str(line)

    try:
        read, write = os.pipe()
        screen = ["-screen", "0", "1280x1024x24", "-nolisten", "tcp"]
        start([xvfb, "-displayfd", str(write), *screen], "xvfb.log", pass_fds=(write,))
        os.close(write)
        with os.fdopen(read, "rb") as display:
            number = first_line(display, "Xvfb")
        # The AT-SPI bus launcher and registry it activates stay in its process group.
        bus = start([daemon, "--session", "--nofork", "--print-address=1"], "dbus.log",
                    stdout=subprocess.PIPE)  # fmt: skip
        address = first_line(bus.stdout, "dbus-daemon")
        env = {k: v for k, v in os.environ.items() if not k.startswith("WAYLAND")}
        yield env | {
            "DISPLAY": f":{number}",
            "DBUS_SESSION_BUS_ADDRESS": address,
            "AT_SPI_BUS_ADDRESS": a11y_address(address),
            "XDG_RUNTIME_DIR": str(work),
            "PARTNER_DESK_HOME": str(work / "home"),
            # xcb: the platform with Qt's AT-SPI bridge. ALWAYS_ON: no desktop setting to ask.
            "QT_QPA_PLATFORM": "xcb",
            "QT_ACCESSIBILITY": "1",
            "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
        }
    finally:
        for process in reversed(started):
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
                process.wait(10)
