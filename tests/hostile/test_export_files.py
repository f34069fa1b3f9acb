"""Export files on a hostile machine (issue 16, item 10): `export --out FILE` wrote through a
predictable `FILE.partial`, so a symlink planted under that name (in a shared or temporary
folder) sent the export wherever it pointed, overwriting that file. Every export now goes
through a temporary file of its own (O_EXCL, random name) in the target's folder, renamed."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.sandbox import Sandbox

PRECIOUS = "someone else's file: must stay as it is\n"
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="symlinks need privileges")


def export(sb: Sandbox, out: Path, what: str = "customers") -> int:
    return main(["export", what, "--sandbox-url", sb.url, "--out", str(out)])


def plant_links(folder: Path, target: str, victim: Path) -> list[Path]:
    """Links under every name a writer of `target` could predictably use, all to `victim`."""
    links = []
    for name in (f"{target}.partial", f"{target}.part", f"{target}.tmp", f".{target}.part"):
        link = folder / name
        link.symlink_to(victim)
        links.append(link)
    return links


@posix_only
def test_a_planted_link_is_never_written_through(sandbox: Sandbox, tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text(PRECIOUS, encoding="utf-8")
    shared = tmp_path / "shared"
    shared.mkdir()
    links = plant_links(shared, "customers.csv", victim)
    out = shared / "customers.csv"
    assert export(sandbox, out) == 0
    assert victim.read_text(encoding="utf-8") == PRECIOUS
    assert not out.is_symlink()
    assert out.is_file()
    assert out.read_text(encoding="utf-8").startswith("tenantId,companyName")
    # The planted links are left alone, and nothing else is left behind.
    assert all(link.is_symlink() for link in links)
    assert sorted(p.name for p in shared.iterdir()) == sorted(
        [out.name, *(link.name for link in links)]
    )


def test_a_planted_file_under_the_old_name_is_left_alone(sandbox: Sandbox, tmp_path: Path) -> None:
    out = tmp_path / "customers.json"
    planted = tmp_path / "customers.json.partial"
    planted.write_text(PRECIOUS, encoding="utf-8")
    assert main(["export", "customers", "--format", "json", "--sandbox-url", sandbox.url,
                 "--out", str(out)]) == 0  # fmt: skip
    assert planted.read_text(encoding="utf-8") == PRECIOUS
    assert out.read_text(encoding="utf-8").startswith("[")


@posix_only
def test_a_link_at_the_target_is_replaced_not_followed(sandbox: Sandbox, tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text(PRECIOUS, encoding="utf-8")
    out = tmp_path / "customers.csv"
    out.symlink_to(victim)
    assert export(sandbox, out) == 0
    assert victim.read_text(encoding="utf-8") == PRECIOUS
    assert not out.is_symlink()
    assert out.is_file()


@posix_only
def test_the_export_is_private_to_the_user(sandbox: Sandbox, tmp_path: Path) -> None:
    out = tmp_path / "customers.csv"
    assert export(sandbox, out) == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_a_folder_that_cannot_be_written_is_one_line(
    sandbox: Sandbox, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "no such folder" / "customers.csv"
    assert export(sandbox, out) == 1
    err = capsys.readouterr().err
    assert f"cannot write {out}" in err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    from desktop.services.atomic_file import atomic_text

    out = tmp_path / "report.csv"
    out.write_text("the last good export\n", encoding="utf-8")

    def interrupted() -> None:
        with atomic_text(out) as stream:
            stream.write("half of a new export")
            raise RuntimeError("disk full")

    with pytest.raises(RuntimeError, match="disk full"):
        interrupted()
    assert out.read_text(encoding="utf-8") == "the last good export\n"
    assert os.listdir(tmp_path) == ["report.csv"]
