"""Resources from the source tree and from a frozen bundle; the committed app icon files."""

from __future__ import annotations

import struct
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.config import resources
from desktop.qt.icons import app_icon

ROOT = Path(__file__).resolve().parent.parent


def test_from_source_resources_sit_beside_the_package() -> None:
    assert not resources.is_frozen()
    assert resources.resources_dir() == ROOT / "resources"
    assert resources.icons_dir().is_dir()
    assert resources.translations_dir() == ROOT / "resources" / "translations"


def test_frozen_resources_are_under_meipass(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources.is_frozen()
    assert resources.resource_path("icons", "x.png") == tmp_path / "resources" / "icons" / "x.png"
    # Nothing there: no icon files, and no error either.
    assert resources.app_icon_files() == []


def test_icon_files_prefer_pngs_and_fall_back_to_the_svg(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    assert [p.name for p in resources.app_icon_files()] == [
        f"partner-desk-{size}.png" for size in resources.APP_ICON_SIZES
    ]
    icons = tmp_path / "resources" / "icons"
    icons.mkdir(parents=True)
    (icons / "partner-desk.svg").write_text("<svg/>", encoding="utf-8")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources.app_icon_files() == [icons / "partner-desk.svg"]


def test_importing_resources_loads_no_qt() -> None:
    code = (
        "import sys, desktop.config.resources;"
        " print(any(m.startswith('PySide6') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_app_icon_has_every_size(qapp: object) -> None:
    sizes = {size.width() for size in app_icon().availableSizes()}
    assert sizes == set(resources.APP_ICON_SIZES)


def test_ico_holds_16_to_256_px() -> None:
    data = (resources.icons_dir() / "partner-desk.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data, 0)
    assert (reserved, kind) == (0, 1)
    # Width and height bytes; 0 means 256.
    sizes = {data[6 + 16 * i] or 256 for i in range(count)}
    assert {16, 32, 48, 256} <= sizes


def test_icns_is_an_icns_with_the_retina_sizes() -> None:
    data = (resources.icons_dir() / "partner-desk.icns").read_bytes()
    assert data[:4] == b"icns"
    assert struct.unpack_from(">I", data, 4)[0] == len(data)
    kinds, offset = set(), 8
    while offset < len(data):
        kind, length = struct.unpack_from(">4sI", data, offset)
        kinds.add(kind)
        offset += length
    assert {b"ic07", b"ic08", b"ic09", b"ic10"} <= kinds  # 128, 256, 512, 1024 px


@pytest.mark.slow
def test_startup_probe_prints_once_the_window_is_shown() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "desktop", "--startup-probe", "--customers", "3"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "startup-probe: window shown"


def test_the_app_knows_every_headless_command_without_importing_the_cli():
    from desktop import app, cli

    assert app.HEADLESS == cli.COMMANDS
