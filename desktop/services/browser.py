"""Links into the system browser, launched so that the app knows whether they opened: the
default browser, and that browser's private window where it has one. No Qt. Blocking (it starts
a process and waits for its verdict): worker threads only.

Why not `webbrowser.open` or `QDesktopServices.openUrl`: on Linux both report success as soon
as xdg-open has *started*, and xdg-open then fails on its own (no browser, no handler: exit 3
or 4), so the app said "Opened in your browser" when nothing opened. Each platform's own opener
is run instead, and its verdict read, the most honest one each platform gives:

- Linux and other freedesktop systems: `xdg-open URL`, and its exit status. The desktops'
  openers behind it (gio, kde-open, exo-open) exit 0 once a browser has the link and non-zero
  when there is none. In its generic mode xdg-open runs the browser in its foreground instead,
  as does a browser started directly for a private window: a process still running after
  VERDICT_WAIT_S is a browser that started, so it counts as opened (and is reaped by a thread).
- macOS: `open URL`: LaunchServices answers, non-zero when no application takes the link.
- Windows: `os.startfile` (ShellExecute) raises OSError when no program is associated with
  https; it does not wait for the browser, and Windows offers nothing better to wait on.

The private window needs the default browser's own program and flag: `browser_detect` finds
the browser (one lookup per platform), `private_argv` is the pure mapping from it and a link to
the command line.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import threading
from collections.abc import Sequence
from dataclasses import dataclass

log = logging.getLogger(__name__)

# A failing opener fails at once (no handler, no program: well under a second); a browser that
# works keeps running. Waiting longer only delays "opened" when xdg-open or a private window's
# browser stays in the foreground.
VERDICT_WAIT_S = 4.0

INPRIVATE = "--inprivate"  # Microsoft Edge
INCOGNITO = "--incognito"  # Chrome, Chromium, Brave
PRIVATE_WINDOW = "--private-window"  # Firefox (on Windows too: it takes both - and --)

# How each platform names a browser (lower case; ".desktop" removed), as a prefix: Linux
# desktop files (with Flatpak's and Snap's names), Windows ProgIds (ChromeHTML, ChromeBHTML,
# MSEdgeHTM, FirefoxURL-308046B0AF4A39CB, BraveHTML), macOS bundle ids.
PRIVATE_FLAGS: tuple[tuple[str, str], ...] = (
    ("microsoft-edge", INPRIVATE),
    ("com.microsoft.edge", INPRIVATE),  # com.microsoft.Edge (Flatpak), com.microsoft.edgemac
    ("msedge", INPRIVATE),
    ("google-chrome", INCOGNITO),
    ("com.google.chrome", INCOGNITO),
    ("chrome", INCOGNITO),
    ("chromium", INCOGNITO),  # chromium, chromium-browser, chromium_chromium (Snap), ChromiumHTM
    ("org.chromium.chromium", INCOGNITO),
    ("brave", INCOGNITO),  # brave-browser, brave_brave (Snap), BraveHTML
    ("com.brave.browser", INCOGNITO),
    ("firefox", PRIVATE_WINDOW),  # firefox, firefox-esr, firefox_firefox (Snap), FirefoxURL-…
    ("org.mozilla.firefox", PRIVATE_WINDOW),
)


@dataclass(frozen=True)
class DefaultBrowser:
    """The user's default browser as the platform names it, and how to start it."""

    # "firefox.desktop" (Linux), "ChromeHTML" (Windows ProgId), "com.google.chrome" (macOS)
    id: str
    # The command line that starts it, before its flags and the link.
    command: tuple[str, ...]


@dataclass(frozen=True)
class LinkOutcome:
    """What became of a link the user asked to open."""

    url: str
    # The link policy's reason: nothing was started, and the link is not offered either.
    refused: str | None = None
    # The browser could not be started: the link is fine, offer it to open by hand.
    failed: bool = False
    private: bool = False  # asked for (and, when opened, opened) in a private window

    @property
    def opened(self) -> bool:
        return self.refused is None and not self.failed


def private_flag(browser_id: str) -> str | None:
    """The flag that opens a private window in the browser named `browser_id`, or None for a
    browser without one we know (Safari has no command-line flag for it)."""
    name = browser_id.strip().lower().removesuffix(".desktop")
    for prefix, flag in PRIVATE_FLAGS:
        if name.startswith(prefix):
            return flag
    return None


def private_argv(browser: DefaultBrowser | None, url: str) -> list[str] | None:
    """The command line that opens `url` in a private window of `browser`, or None when there
    is no browser we know. The link goes last, after the flag: the link policy lets only
    https links this far, so it can never read as an option."""
    if browser is None or not browser.command:
        return None
    flag = private_flag(browser.id)
    return None if flag is None else [*browser.command, flag, url]


def run_opener(argv: Sequence[str], wait_s: float = VERDICT_WAIT_S) -> bool:
    """Start `argv` and read its verdict: exit status 0, or still running after `wait_s` (a
    browser in the foreground), is True; a program that is missing or fails is False."""
    try:
        # The platform's opener, or the default browser's own program from its settings; the
        # link in it passed the link policy.
        process = subprocess.Popen(  # noqa: S603
            list(argv),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            close_fds=True,
            # The browser must outlive us and not get our terminal's Ctrl+C.
            start_new_session=True,
        )
    except OSError as error:
        log.warning("the browser could not be started (%s): %s", argv[0], error.strerror)
        return False
    try:
        status = process.wait(timeout=wait_s)
    except subprocess.TimeoutExpired:
        threading.Thread(target=process.wait, name="browser-reaper", daemon=True).start()
        return True
    if status != 0:
        log.warning("the browser could not be started: %s exited with %s", argv[0], status)
    return status == 0


def open_default(url: str) -> bool:
    """Open `url` in the default browser; True only when the platform says it opened."""
    if sys.platform == "win32":
        try:
            os.startfile(url)  # noqa: S606 - ShellExecute: the link's registered program
        except OSError as error:
            log.warning("the browser could not be started: %s", error.strerror)
            return False
        return True
    if sys.platform == "darwin":
        return run_opener(["open", url])
    return run_opener(["xdg-open", url])
