"""A home folder Partner Desk cannot write: read-only, or full (issue 18, defect 3).

The window starts anyway with what works: drafts, tags and the cache live in memory for the
run, and a strip above the content says that drafts cannot be saved, why, and which file. A
headless command says it in one line naming the folder and exits 1. Never a traceback.

Each run is a process of its own. Read-only: a folder without write permission, and root (as
in CI containers) gives up overriding permissions for the child (`test_read_only`). Full: a
real file system with no space left, a tiny tmpfs mounted in a private mount namespace of the
child (`unshare -rm`; skipped where user namespaces are not allowed), so every write fails
with ENOSPC from the kernel, not from a stub.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from desktop.store import Draft, DraftStore

from .test_read_only import _obey_permissions, read_only

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions and mounts")

# The window, driven through desktop.gui.run's scenario hook: what the strip says, and that a
# draft saved now is kept (in memory) and read back.
DRIVER = textwrap.dedent(
    """
    import sys
    from desktop.gui import run
    from desktop.store import Draft

    async def scenario(window, failures):
        banner = window.unsaved_banner
        print("banner-visible:", banner.isVisible())
        print("banner:", banner.label.text().replace("\\n", " "))
        drafts = window.holder.session.drafts
        kept = drafts.save(Draft.new("t1", "Contoso", title="typed on a read-only disk"))
        print("draft-kept:", drafts.get(kept.id) is not None)
        print("drafts:", sorted(d.title for d in drafts.all()))
        print("failures:", failures.messages)
        window.close()
        return 0

    sys.exit(run(sys.argv[1:], scenario=scenario))
    """
)


def _env(home: Path) -> dict[str, str]:
    return dict(os.environ, PARTNER_DESK_HOME=str(home), QT_QPA_PLATFORM="offscreen")


def window_restricted(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_restricted(home, "-c", DRIVER, "--offline", *args)


def run_restricted(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`python ARGS` with `home` as Partner Desk's home, obeying file permissions as root."""
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=_env(home),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        preexec_fn=_obey_permissions if os.geteuid() == 0 else None,
    )


def on_a_full_disk(home: Path, *command: str) -> subprocess.CompletedProcess[str]:
    """`command` with `home` on a 64 KiB tmpfs filled to the last byte."""
    if shutil.which("unshare") is None:
        pytest.skip("no unshare")
    probe = subprocess.run(["unshare", "-rm", "true"], capture_output=True, check=False)
    if probe.returncode != 0:
        pytest.skip("user namespaces not allowed here")
    home.mkdir(parents=True, exist_ok=True)
    script = (
        'mount -t tmpfs -o size=64k tmpfs "$0" || exit 97; '
        'head -c 1048576 /dev/zero > "$0/fill" 2>/dev/null; exec "$@"'
    )
    return subprocess.run(
        ["unshare", "-rm", "sh", "-c", script, str(home), *command],
        cwd=ROOT,
        env=_env(home),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def assert_started_with_the_banner(result: subprocess.CompletedProcess[str], *words: str) -> None:
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 0, result.stderr
    lines = dict(line.split(": ", 1) for line in result.stdout.splitlines() if ": " in line)
    assert lines.get("banner-visible") == "True", result.stdout + result.stderr
    for word in ("Drafts cannot be saved", *words):
        assert word in lines["banner"], lines["banner"]
    assert lines["draft-kept"] == "True"
    assert lines["failures"] == "[]"


def test_a_read_only_data_folder_starts_the_window_with_drafts_in_memory(tmp_path: Path):
    data = read_only(tmp_path / "data")
    result = window_restricted(tmp_path)
    assert_started_with_the_banner(result, str(data / "drafts.sqlite3"), "permission denied")
    assert list(data.iterdir()) == []  # nothing written, nothing set aside


def test_a_read_only_drafts_file_is_kept_as_it_is_and_named(tmp_path: Path):
    """The folder can be written, the drafts file cannot (another account's, restored from a
    backup read-only...): the strip names the file, and nothing is set aside or changed."""
    (tmp_path / "data").mkdir()
    path = tmp_path / "data" / "drafts.sqlite3"
    store = DraftStore(path)
    store.save(Draft.new("t1", "Contoso", title="kept"))
    store.close()
    path.chmod(stat.S_IRUSR)
    before = path.read_bytes()
    result = window_restricted(tmp_path)
    assert_started_with_the_banner(result, str(path), "cannot be written")
    assert "'kept'" in result.stdout  # the kept draft is there to work with, in memory
    assert not [p.name for p in path.parent.iterdir() if p.name.endswith(".bad")]  # not set aside
    assert path.read_bytes() == before


def test_a_read_only_cache_folder_is_said_and_drafts_are_saved(tmp_path: Path):
    cache = read_only(tmp_path / "cache")
    result = window_restricted(tmp_path)
    assert result.returncode == 0, result.stderr
    lines = dict(line.split(": ", 1) for line in result.stdout.splitlines() if ": " in line)
    assert lines["banner-visible"] == "True"
    assert "Nothing is cached for offline use" in lines["banner"]
    assert str(cache / "cache.sqlite3") in lines["banner"]
    assert "Drafts cannot be saved" not in lines["banner"]
    assert (tmp_path / "data" / "drafts.sqlite3").exists()  # drafts on disk as ever


def test_a_home_that_cannot_be_made_starts_the_window_too(tmp_path: Path):
    """PARTNER_DESK_HOME inside a read-only folder: not one of its folders can be made."""
    home = read_only(tmp_path / "ro") / "home"
    result = window_restricted(home)
    assert_started_with_the_banner(result, str(home / "data" / "drafts.sqlite3"))


def test_a_full_disk_starts_the_window_with_drafts_in_memory(tmp_path: Path):
    home = tmp_path / "full"
    result = on_a_full_disk(home, sys.executable, "-c", DRIVER, "--offline")
    assert result.returncode != 97, result.stderr
    assert_started_with_the_banner(
        result, str(home / "data" / "drafts.sqlite3"), "the disk is full", "Free space"
    )


def test_a_file_in_the_way_of_the_home_is_said_as_such(tmp_path: Path):
    """The walk's case: a file where a folder of PARTNER_DESK_HOME should be. The strip said
    the system's English "not a directory" in a German window and advised a chmod."""
    (tmp_path / "file").write_text("not a folder")
    home = tmp_path / "file" / "home"
    result = window_restricted(home)
    assert_started_with_the_banner(result, "a file is in the way", "PARTNER_DESK_HOME")


def _one_line(result: subprocess.CompletedProcess[str], *words: str) -> None:
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("partner-desk: ")
    for word in words:
        assert word in lines[0], lines[0]


@pytest.mark.parametrize(
    "command", [("drafts", "list"), ("export", "customers", "--offline")], ids=" ".join
)
def test_headless_commands_name_the_folder_in_one_line(tmp_path: Path, command: tuple[str, ...]):
    home = read_only(tmp_path / "ro") / "home"
    result = run_restricted(home, "-m", "desktop", *command)
    _one_line(result, f"the data folder {home / 'data'}", "permission denied")


@pytest.mark.parametrize(
    "command", [("drafts", "list"), ("export", "customers", "--offline")], ids=" ".join
)
def test_headless_commands_on_a_full_disk_name_the_folder_in_one_line(
    tmp_path: Path, command: tuple[str, ...]
):
    home = tmp_path / "full"
    result = on_a_full_disk(home, sys.executable, "-m", "desktop", *command)
    assert result.returncode != 97, result.stderr
    _one_line(result, str(home / "data"), "no space left on the disk")
