"""The installer finds a running Partner Desk by a named mutex (issue 20).

installer/windows/partner-desk.iss names it in `AppMutex`; desktop.gui_instance creates it at a
user's start on Windows and nowhere else. The names must agree, or setup replaces the files of a
running app without asking. On Windows (the CI's windows-latest job) a real process holds the
mutex and this one finds it as Inno Setup does, with OpenMutexW; then it is gone with the process.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.gui_instance import APP_MUTEX, APP_MUTEX_NAMES, hold_app_mutex

ROOT = Path(__file__).resolve().parents[1]
ISS = ROOT / "installer" / "windows" / "partner-desk.iss"


def test_the_installer_looks_for_the_mutexes_the_app_creates() -> None:
    script = ISS.read_text(encoding="utf-8")
    defined = re.search(r'^#define AppMutexName "([^"]+)"', script, re.MULTILINE)
    assert defined is not None
    assert defined.group(1) == APP_MUTEX
    directive = re.search(r"^AppMutex=(.+)$", script, re.MULTILINE)
    assert directive is not None
    names = [n.replace("{#AppMutexName}", APP_MUTEX) for n in directive.group(1).split(",")]
    assert names == list(APP_MUTEX_NAMES)


@pytest.mark.skipif(sys.platform == "win32", reason="on Windows the mutex is real (below)")
def test_elsewhere_there_is_no_mutex() -> None:
    assert hold_app_mutex() == []


@pytest.mark.skipif(sys.platform != "win32", reason="named mutexes are a Windows API")
def test_a_running_partner_desk_holds_the_mutex_until_it_ends() -> None:
    import ctypes
    from ctypes import wintypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    kernel32.OpenMutexW.argtypes = (wintypes.DWORD, wintypes.BOOL, wintypes.LPCWSTR)
    kernel32.OpenMutexW.restype = wintypes.HANDLE
    synchronize = 0x00100000

    def exists(name: str) -> bool:
        handle = kernel32.OpenMutexW(synchronize, False, name)
        if handle:
            kernel32.CloseHandle(handle)
        return bool(handle)

    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys\n"
            "from desktop.gui_instance import hold_app_mutex\n"
            "print(len(hold_app_mutex()), flush=True)\n"
            "sys.stdin.readline()\n",
        ],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "2"
        assert exists(APP_MUTEX)
        assert exists(f"Global\\{APP_MUTEX}")
    finally:
        holder.communicate("\n", timeout=60)
    assert not exists(APP_MUTEX)
