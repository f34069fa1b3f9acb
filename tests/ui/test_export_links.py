"""The dashboard's export on a hostile machine (issue 16, item 10), through the real window: a
link planted under the name its temporary file used to have (`FILE.part`) is never written
through."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import pytest

from desktop.ui.main_window import MainWindow

PRECIOUS = "someone else's file: must stay as it is\n"


async def _export(dashboard, path: Path, result: list, what: str) -> None:
    result.append(await dashboard.export(path, what))


@pytest.mark.skipif(sys.platform == "win32", reason="symlinks need privileges")
@pytest.mark.parametrize("what", ["health", "incidents"])
def test_the_dashboard_export_never_writes_through_a_planted_link(
    qtbot, window: MainWindow, tmp_path: Path, what: str
) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text(PRECIOUS, encoding="utf-8")
    out = tmp_path / f"{what}.csv"
    for name in (f"{out.name}.part", f"{out.name}.partial"):
        (tmp_path / name).symlink_to(victim)
    dashboard = window.show_dashboard()
    qtbot.waitUntil(lambda: bool(dashboard.results), timeout=30000)
    dashboard.stop_sweep()
    qtbot.waitUntil(lambda: not dashboard.running, timeout=30000)
    result: list[Path | None] = []
    window.holder.worker.spawn(_export(dashboard, out, result, what))
    qtbot.waitUntil(lambda: bool(result), timeout=10000)
    assert result == [out]
    assert victim.read_text(encoding="utf-8") == PRECIOUS
    assert not out.is_symlink()
    rows = list(csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert rows
    assert "Saved" in dashboard.counts.text()
    dashboard.close()
