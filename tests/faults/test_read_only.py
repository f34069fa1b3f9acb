"""Folders and files Partner Desk cannot write (issue 16, item 12).

The command line says which folder or file, why and what to do in one line. Never a
traceback, never a silent exit. (The window starts anyway, with what it cannot write kept in
memory: tests/faults/test_read_only_home.py, issue 18.) Each run is a process of its own: a
folder made read-only must really be one for it, and root (as in CI containers) writes
anywhere unless it drops the capability to, which `restricted()` does for the child alone.
"""

from __future__ import annotations

import ctypes
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.sandbox import Sandbox
from desktop.store import Draft, DraftStore

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")

_PR_CAPBSET_DROP = 24
_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH = 1, 2


def _obey_permissions() -> None:
    """In the child, before exec: root gives up overriding file permissions (as a user is)."""
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH):
        if libc.prctl(_PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def restricted(home: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """`python -m desktop ARGS` with PARTNER_DESK_HOME=home, obeying file permissions."""
    env = dict(os.environ, PARTNER_DESK_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        preexec_fn=_obey_permissions if os.geteuid() == 0 else None,
    )


def read_only(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    return folder


def assert_one_clear_line(stderr: str, *words: str) -> None:
    assert "Traceback" not in stderr, stderr
    lines = [line for line in stderr.splitlines() if line.startswith("partner-desk:")]
    assert lines, stderr
    for word in words:
        assert word in lines[-1], stderr


def test_request_new_says_which_folder_is_not_writable(tmp_path: Path, sandbox: Sandbox):
    data = read_only(tmp_path / "data")
    result = restricted(
        tmp_path,
        "request",
        "new",
        "--sandbox-url",
        sandbox.url,
        "--customer",
        sandbox.data.customers[0].tenant_id,
        "--topic",
        "32444671",
        "--title",
        "Mail down",
        "--severity",
        "minimal",
        "--description",
        "Nobody receives mail since 9:00.",
    )
    assert result.returncode == 1
    assert_one_clear_line(result.stderr, "cannot write to the data folder", str(data))


def test_request_filed_on_a_read_only_drafts_file_is_one_line(tmp_path: Path):
    (tmp_path / "data").mkdir()
    path = tmp_path / "data" / "drafts.sqlite3"
    store = DraftStore(path)
    draft = store.save(Draft.new("t1", "Contoso", title="Mail down"))
    store.close()
    path.chmod(stat.S_IRUSR)
    result = restricted(tmp_path, "request", "filed", "--draft", draft.id, "--number", "123456")
    assert result.returncode == 1
    assert_one_clear_line(result.stderr, "drafts file", "cannot be written")
    path.chmod(stat.S_IRUSR | stat.S_IWUSR)
    again = DraftStore(path)
    try:
        assert again.get(draft.id) == draft  # not filed, not lost
    finally:
        again.close()


def test_a_read_only_log_folder_does_not_stop_the_window(tmp_path: Path):
    """The log is not worth refusing to start over: the window opens, and says once on stderr
    (and in its status bar) that there is no log file this time."""
    logs = read_only(tmp_path / "logs")
    result = restricted(tmp_path, "--offline", "--startup-probe")
    assert result.returncode == 0, result.stderr
    assert "startup-probe: window shown" in result.stdout
    assert "Traceback" not in result.stderr
    assert f"the log folder {logs} cannot be written" in result.stderr


def test_the_message_box_names_the_folder_in_the_users_language(qapp, tmp_path: Path):
    """What the window shows where there is a screen (the runs above are offscreen, where the
    message goes to stderr alone): the folder, why and what to do, translated."""
    from desktop.qt import translators
    from desktop.store.db import BUSY, StoreError
    from desktop.ui.dialogs import cannot_start

    folder = tmp_path / "data"
    translators.uninstall(qapp)
    translators.install(qapp, "de")
    try:
        box = cannot_start.message_box(cannot_start.for_folder("data", folder, "permission denied"))
        assert box.windowTitle() == "Partner Desk kann nicht starten"
        assert box.text().startswith("Partner Desk kann nicht in seinen Datenordner (")
        assert str(folder) in box.text()
        busy = StoreError("drafts", folder / "drafts.sqlite3", BUSY)
        assert "gesperrt" in cannot_start.for_error(busy).text
        assert cannot_start.for_error(busy).line.startswith("partner-desk: The drafts file")
        box.deleteLater()
    finally:
        translators.uninstall(qapp)
