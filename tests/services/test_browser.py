"""The browser launcher and the default browser's private window, with fake programs on PATH
(tests/browsers.py): the launcher's verdict is the opener's real exit status."""

from __future__ import annotations

import sys

import pytest

from desktop.qt.session import system_browser
from desktop.services.browser import (
    INCOGNITO,
    INPRIVATE,
    PRIVATE_WINDOW,
    DefaultBrowser,
    private_argv,
    private_flag,
    run_opener,
)
from desktop.services.browser_detect import (
    desktop_exec,
    detect_default_browser,
    exec_argv,
    macos_https_handler,
    windows_program,
)
from tests.browsers import FakeDesktop

# The fakes stand in for the freedesktop programs (xdg-open, xdg-settings).
freedesktop = pytest.mark.skipif(
    sys.platform in ("win32", "darwin"), reason="xdg-open is the opener on Linux only"
)

URL = "https://admin.cloud.microsoft/?delegatedOrg=contoso.onmicrosoft.com"


@freedesktop
def test_a_failing_opener_is_not_opened(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    # xdg-open exits 3 when it finds no browser: before, the app said "opened" anyway.
    fake = FakeDesktop(tmp_path).install(monkeypatch, code=3)
    assert system_browser(URL) is False
    assert fake.opened() == [[URL]]


@freedesktop
def test_a_working_opener_is_opened(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = FakeDesktop(tmp_path).install(monkeypatch, code=0)
    assert system_browser(URL) is True
    assert fake.opened() == [[URL]]


@freedesktop
def test_a_missing_opener_is_not_opened(tmp_path) -> None:
    assert run_opener([str(tmp_path / "no-such-program"), URL]) is False


@pytest.mark.parametrize(
    ("browser_id", "flag"),
    [
        ("firefox.desktop", PRIVATE_WINDOW),
        ("firefox-esr.desktop", PRIVATE_WINDOW),
        ("firefox_firefox.desktop", PRIVATE_WINDOW),  # Snap
        ("org.mozilla.firefox.desktop", PRIVATE_WINDOW),  # Flatpak
        ("FirefoxURL-308046B0AF4A39CB", PRIVATE_WINDOW),  # Windows ProgId
        ("org.mozilla.firefox", PRIVATE_WINDOW),  # macOS bundle id
        ("google-chrome.desktop", INCOGNITO),
        ("com.google.Chrome.desktop", INCOGNITO),
        ("ChromeHTML", INCOGNITO),
        ("com.google.chrome", INCOGNITO),
        ("chromium-browser.desktop", INCOGNITO),
        ("org.chromium.Chromium", INCOGNITO),
        ("brave-browser.desktop", INCOGNITO),
        ("BraveHTML", INCOGNITO),
        ("com.brave.Browser", INCOGNITO),
        ("microsoft-edge.desktop", INPRIVATE),
        ("MSEdgeHTM", INPRIVATE),
        ("com.microsoft.edgemac", INPRIVATE),
        ("com.apple.safari", None),  # no command-line private window
        ("org.gnome.Epiphany.desktop", None),
        ("", None),
    ],
)
def test_known_browsers_and_their_private_flag(browser_id: str, flag: str | None) -> None:
    assert private_flag(browser_id) == flag


def test_the_private_command_line_ends_with_flag_and_link() -> None:
    chrome = DefaultBrowser("ChromeHTML", (r"C:\Program Files\Google\Chrome\chrome.exe",))
    assert private_argv(chrome, URL) == [chrome.command[0], INCOGNITO, URL]
    safari = DefaultBrowser("com.apple.safari", ("open", "-n", "-b", "com.apple.safari"))
    assert private_argv(safari, URL) is None
    assert private_argv(None, URL) is None


def test_a_desktop_files_exec_line() -> None:
    text = (
        "[Desktop Entry]\nName=Firefox\nExec[de]=nope\nExec=firefox %u\n"
        "[Desktop Action new-private-window]\nExec=firefox --private-window %u\n"
    )
    assert desktop_exec(text) == "firefox %u"
    assert exec_argv("firefox %u") == ("firefox",)
    assert exec_argv("/usr/bin/google-chrome-stable %U") == ("/usr/bin/google-chrome-stable",)
    assert exec_argv('"/opt/My Browser/browser" --class=x %U') == (
        "/opt/My Browser/browser",
        "--class=x",
    )
    assert exec_argv(
        "env BAMF_DESKTOP_FILE_HINT=/var/lib/snapd/firefox.desktop /snap/bin/firefox %u"
    ) == (
        "env",
        "BAMF_DESKTOP_FILE_HINT=/var/lib/snapd/firefox.desktop",
        "/snap/bin/firefox",
    )
    flatpak = (
        "/usr/bin/flatpak run --branch=stable --arch=x86_64 --command=firefox "
        "--file-forwarding org.mozilla.firefox @@u %u @@"
    )
    assert exec_argv(flatpak)[-1] == "org.mozilla.firefox"
    assert exec_argv('"unterminated %u') == ()


def test_a_windows_open_command() -> None:
    chrome = r'"C:\Program Files\Google\Chrome\Application\chrome.exe" --single-argument %1'
    assert windows_program(chrome) == r"C:\Program Files\Google\Chrome\Application\chrome.exe"
    edge = r"C:\Progra~2\Microsoft\Edge\Application\msedge.exe --single-argument %1"
    assert windows_program(edge) == r"C:\Progra~2\Microsoft\Edge\Application\msedge.exe"
    assert windows_program('"') is None


def test_macos_launch_services_https_handler() -> None:
    handlers = [
        {"LSHandlerURLScheme": "mailto", "LSHandlerRoleAll": "com.apple.mail"},
        {"LSHandlerURLScheme": "https", "LSHandlerRoleAll": "com.google.chrome"},
    ]
    assert macos_https_handler(handlers) == "com.google.chrome"
    assert macos_https_handler([{"LSHandlerContentType": "public.html"}]) is None


@freedesktop
def test_the_linux_default_browser_from_xdg_settings(tmp_path, monkeypatch) -> None:
    fake = FakeDesktop(tmp_path).install(monkeypatch).with_default(monkeypatch, "firefox.desktop")
    browser = detect_default_browser()
    assert browser == DefaultBrowser(
        "firefox.desktop", (str(fake.bin / "fake-browser"), "--new-window")
    )
    argv = private_argv(browser, URL)
    assert argv is not None
    assert run_opener(argv) is True
    assert fake.browser_calls() == [["--new-window", PRIVATE_WINDOW, URL]]


@freedesktop
def test_no_xdg_settings_means_no_browser(tmp_path, monkeypatch) -> None:
    FakeDesktop(tmp_path).install(monkeypatch)
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))  # no xdg-settings anywhere
    assert detect_default_browser() is None
