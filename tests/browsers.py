"""Fake browsers for tests: real programs on PATH that record their arguments, so the app's
launcher runs for real (a subprocess, its exit status) and no real browser ever starts.

`FakeDesktop.install` puts `xdg-open` (exits with `code`) first on PATH; `with_default` adds
`xdg-settings` naming a desktop file whose Exec is a fake browser, as a Linux desktop has.
Each program appends one line per call to its log: its arguments, separated by tabs.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

import pytest

# One write per call (a short O_APPEND write is atomic): two launches at once wrote their
# arguments and newlines interleaved, and the test read one call with both links.
SCRIPT = """#!/bin/sh
line=$(printf '%s\\t' "$@")
printf '%s\\n' "$line" >> "{log}"
{body}
"""


def _program(path: Path, log: Path, body: str) -> Path:
    path.write_text(SCRIPT.format(log=log, body=body), encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


def calls(log: Path) -> list[list[str]]:
    """Each call recorded in `log`, as its argument list."""
    if not log.exists():
        return []
    return [line.rstrip("\t").split("\t") for line in log.read_text().splitlines()]


@dataclass
class FakeDesktop:
    root: Path
    bin: Path = field(init=False)
    opener_log: Path = field(init=False)
    browser_log: Path = field(init=False)

    def __post_init__(self) -> None:
        self.bin = self.root / "bin"
        self.bin.mkdir(parents=True, exist_ok=True)
        self.opener_log = self.root / "xdg-open.log"
        self.browser_log = self.root / "browser.log"

    def install(self, monkeypatch: pytest.MonkeyPatch, code: int = 0) -> FakeDesktop:
        """`xdg-open` that exits `code` (3: "no method available", as with no browser)."""
        _program(self.bin / "xdg-open", self.opener_log, f"exit {code}")
        # Only our programs (and the shell's basics) are found: a real xdg-settings is not.
        monkeypatch.setenv("PATH", f"{self.bin}{os.pathsep}/usr/bin{os.pathsep}/bin")
        return self

    def with_default(self, monkeypatch: pytest.MonkeyPatch, desktop_id: str) -> FakeDesktop:
        """`xdg-settings` answering `desktop_id`, its desktop file in XDG_DATA_HOME, and the
        browser program the file starts (exits 0)."""
        browser = _program(self.bin / "fake-browser", self.browser_log, "exit 0")
        _program(self.bin / "xdg-settings", self.root / "xdg-settings.log", f"echo {desktop_id}")
        apps = self.root / "data" / "applications"
        apps.mkdir(parents=True, exist_ok=True)
        (apps / desktop_id).write_text(
            "[Desktop Entry]\nName=Fake\nExec=" + str(browser) + " --new-window %u\n"
            "\n[Desktop Action private]\nExec=" + str(browser) + " --wrong\n",
            encoding="utf-8",
        )
        monkeypatch.setenv("XDG_DATA_HOME", str(self.root / "data"))
        monkeypatch.setenv("XDG_DATA_DIRS", str(self.root / "none"))
        return self

    def opened(self) -> list[list[str]]:
        return calls(self.opener_log)

    def browser_calls(self) -> list[list[str]]:
        return calls(self.browser_log)
