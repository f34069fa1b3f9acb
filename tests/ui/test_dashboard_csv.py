"""The dashboard's CSV opens in Excel (issue 18, defect 11): UTF-8 with a byte order mark, so
that Excel on Windows does not read 台中物流 or Asesoría in the system code page. JSON has none."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.ui.main_window import MainWindow


async def _export(dashboard, path: Path, result: list, what: str) -> None:
    result.append(await dashboard.export(path, what))


@pytest.mark.parametrize("what", ["health", "incidents"])
def test_the_dashboard_csv_starts_with_a_bom_and_json_does_not(
    qtbot, window: MainWindow, tmp_path: Path, what: str
) -> None:
    dashboard = window.show_dashboard()
    qtbot.waitUntil(lambda: bool(dashboard.results), timeout=30000)
    dashboard.stop_sweep()
    qtbot.waitUntil(lambda: not dashboard.running, timeout=30000)
    for name in (f"{what}.csv", f"{what}.json"):
        result: list[Path | None] = []
        window.holder.worker.spawn(_export(dashboard, tmp_path / name, result, what))
        qtbot.waitUntil(lambda result=result: bool(result), timeout=10000)
    data = (tmp_path / f"{what}.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf" + b"tenantId,companyName,")
    text = data.decode("utf-8-sig")
    assert any(not c.isascii() for c in text)  # the sandbox's names in several languages
    raw = (tmp_path / f"{what}.json").read_bytes()
    assert raw.startswith(b"[")
    json.loads(raw.decode("utf-8"))
    dashboard.close()
