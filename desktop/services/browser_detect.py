"""Which browser is the user's default, and how to start it: one lookup per platform, each
where that platform keeps the answer. No Qt. Blocking (a process on Linux, a file or the
registry elsewhere): worker threads only. Never raises: a browser we cannot find is None, and
the app then offers no private window.

- Linux: `xdg-settings get default-web-browser` names a desktop file; its `Exec` line is the
  command (field codes such as %u dropped, as are Flatpak's @@u … @@ markers).
- Windows: the https UserChoice ProgId (what Settings > Default apps wrote), and that ProgId's
  `shell\\open\\command` for the program.
- macOS: LaunchServices' https handler in its preferences; `open -n -b <bundle id> --args`
  starts it (-n: a browser already running gets the arguments too; without it `open` drops
  them). No handler there means Safari, which has no private-window flag.

The parsers are pure functions of the text they read, so each platform's rules are tested on
any platform.
"""

from __future__ import annotations

import logging
import os
import plistlib
import re
import shlex
import subprocess
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from desktop.services.browser import DefaultBrowser

log = logging.getLogger(__name__)

# A desktop file id as xdg-settings prints it: a file name, never a path.
_DESKTOP_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._+-]*\.desktop$")
# Exec field codes (Desktop Entry Specification, "The Exec key"), the deprecated ones too.
_FIELD_CODES = {f"%{c}" for c in "fFuUdDnNickvm"}
# Flatpak's exported desktop files wrap the link in markers for its file forwarding.
_FLATPAK_MARKERS = {"@@", "@@u", "@@f"}
_XDG_SETTINGS_TIMEOUT_S = 5.0


def desktop_exec(text: str) -> str | None:
    """The `Exec` value of a desktop file's [Desktop Entry] group, or None."""
    group = ""
    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith("[") and line.endswith("]"):
            group = line[1:-1]
        elif group == "Desktop Entry" and line.startswith("Exec") and "=" in line:
            key, value = line.split("=", 1)
            if key.strip() == "Exec":
                return value.strip() or None
    return None


def exec_argv(value: str) -> tuple[str, ...]:
    """A desktop file's `Exec` value as a command line without its field codes: the program
    and its own options, to which the caller adds its flag and the link."""
    # The value's string escapes first, then the command line's quoting (both in the spec).
    unescaped = value.replace("\\\\", "\0").replace("\\s", " ").replace("\0", "\\\\")
    try:
        words = shlex.split(unescaped)
    except ValueError:
        return ()
    kept = [w.replace("%%", "%") for w in words if w not in _FIELD_CODES | _FLATPAK_MARKERS]
    return tuple(kept)


def find_desktop_file(desktop_id: str, env: Mapping[str, str]) -> Path | None:
    """The desktop file `desktop_id` in the XDG data directories, the user's first."""
    if not _DESKTOP_ID.match(desktop_id):
        return None
    home = env.get("XDG_DATA_HOME") or str(Path(env.get("HOME", "~")).expanduser() / ".local/share")
    dirs = [home, *(env.get("XDG_DATA_DIRS") or "/usr/local/share:/usr/share").split(":")]
    for folder in dirs:
        if folder:
            path = Path(folder) / "applications" / desktop_id
            if path.is_file():
                return path
    return None


def windows_program(command: str) -> str | None:
    """The program of a registry open command: `"C:\\…\\chrome.exe" --single-argument %1`."""
    command = command.strip()
    if command.startswith('"'):
        end = command.find('"', 1)
        return command[1:end] if end > 1 else None
    match = re.match(r"^(.+?\.exe)\b", command, re.IGNORECASE)
    return match.group(1) if match else None


def macos_https_handler(handlers: Iterable[Any]) -> str | None:
    """The bundle id LaunchServices' LSHandlers give https links, or None (Safari)."""
    for handler in handlers:
        if isinstance(handler, dict) and handler.get("LSHandlerURLScheme") == "https":
            bundle = handler.get("LSHandlerRoleAll")
            if isinstance(bundle, str) and bundle:
                return bundle
    return None


def _linux(env: Mapping[str, str]) -> DefaultBrowser | None:
    try:
        answer = subprocess.run(
            # From PATH, as xdg-open is: the desktop's own tool, wherever it is installed.
            ["xdg-settings", "get", "default-web-browser"],  # noqa: S607
            capture_output=True,
            text=True,
            timeout=_XDG_SETTINGS_TIMEOUT_S,
            check=False,
        )
    except (OSError, subprocess.SubprocessError) as error:
        log.info("no default browser known: xdg-settings: %s", error)
        return None
    desktop_id = answer.stdout.strip()
    path = find_desktop_file(desktop_id, env) if answer.returncode == 0 else None
    if path is None:
        log.info("no default browser known: %r has no desktop file", desktop_id)
        return None
    value = desktop_exec(path.read_text(encoding="utf-8", errors="replace"))
    command = exec_argv(value) if value else ()
    return DefaultBrowser(desktop_id, command) if command else None


def _windows() -> DefaultBrowser | None:
    if sys.platform != "win32":
        return None
    import winreg

    choice = r"Software\Microsoft\Windows\Shell\Associations\UrlAssociations\https\UserChoice"
    try:
        with winreg.OpenKey(winreg.HKEY_CURRENT_USER, choice) as key:
            prog_id = str(winreg.QueryValueEx(key, "ProgId")[0])
        with winreg.OpenKey(winreg.HKEY_CLASSES_ROOT, rf"{prog_id}\shell\open\command") as key:
            program = windows_program(str(winreg.QueryValueEx(key, "")[0]))
    except OSError as error:
        log.info("no default browser known: %s", error)
        return None
    return DefaultBrowser(prog_id, (program,)) if program else None


def _macos() -> DefaultBrowser | None:
    plist = (
        Path.home()
        / "Library/Preferences/com.apple.LaunchServices/com.apple.launchservices.secure.plist"
    )
    try:
        handlers = plistlib.loads(plist.read_bytes()).get("LSHandlers", [])
    except (OSError, plistlib.InvalidFileException, AttributeError) as error:
        log.info("no default browser known: %s", error)
        handlers = []
    bundle = macos_https_handler(handlers) or "com.apple.safari"
    return DefaultBrowser(bundle, ("open", "-n", "-b", bundle, "--args"))


def detect_default_browser() -> DefaultBrowser | None:
    """The user's default browser, or None where it cannot be found."""
    try:
        if sys.platform == "win32":
            return _windows()
        if sys.platform == "darwin":
            return _macos()
        return _linux(os.environ)
    except Exception:
        # A platform that answers in a shape we did not foresee costs the private window only.
        log.exception("looking for the default browser failed")
        return None
