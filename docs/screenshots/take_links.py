"""The portals list's context menu (Open in browser, Copy link, Open in a private window), from
the real window on the embedded sandbox:

    xvfb-run -a -s "-screen 0 2800x1800x24" uv run python docs/screenshots/take_links.py

The machine that takes screenshots has no browser installed; "Open in a private window" is
offered only where the default browser is one we know. So the run gets a desktop whose default
browser is Firefox, as many have: an `xdg-settings` that says so and Firefox's desktop file.
Nothing is launched. The menu is a popup of its own: it is painted onto the window's grab where
it stands on the screen.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLocale
from PySide6.QtGui import QPainter

from desktop import gui

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

HERE = Path(__file__).resolve().parent
NAME = "copy-link-menu.png"


def firefox_desktop(root: Path) -> dict[str, str]:
    """The environment of a desktop whose default browser is Firefox."""
    bin_dir, apps = root / "bin", root / "data" / "applications"
    bin_dir.mkdir(parents=True)
    apps.mkdir(parents=True)
    settings = bin_dir / "xdg-settings"
    settings.write_text("#!/bin/sh\necho firefox.desktop\n", encoding="utf-8")
    settings.chmod(settings.stat().st_mode | stat.S_IXUSR)
    (apps / "firefox.desktop").write_text(
        "[Desktop Entry]\nName=Firefox\nExec=firefox %u\n", encoding="utf-8"
    )
    return {
        "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}",
        "XDG_DATA_HOME": str(root / "data"),
    }


async def take(window: MainWindow, failures: Any) -> int:
    import asyncio

    from desktop.self_test import show_customer
    from desktop.ui.panes.portals import PortalsPane

    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    problems: list[str] = []
    try:
        window.resize(1280, 800)
        await window.load_customers()
        await show_customer(window, 3)  # with GDAP, its health loaded
        pane = window.portals
        assert isinstance(pane, PortalsPane)
        window.tabs.setCurrentWidget(pane)
        while pane.state != "ready" or not window.holder.can_open_private():
            await asyncio.sleep(0.1)
        pane.view.setFocus()
        row = 1
        pane.view.selectRow(row)
        await asyncio.sleep(0.3)
        rect = pane.view.visualRect(pane.model.index(row, 0))
        menu = pane.link_menu(pane.model.index(row, 0))
        menu.popup(pane.view.viewport().mapToGlobal(rect.center()))
        await asyncio.sleep(0.3)
        shot = window.grab()
        painter = QPainter(shot)
        painter.drawPixmap(window.mapFromGlobal(menu.pos()), menu.grab())
        painter.end()
        menu.close()
        if not shot.save(str(HERE / NAME)):
            raise RuntimeError(f"could not write {HERE / NAME}")
        print(f"wrote docs/screenshots/{NAME}")
    except Exception as error:
        problems.append(f"{type(error).__name__}: {error}")
    window.close()
    problems.extend(failures.messages)
    for problem in problems:
        print(f"screenshot failed: {problem}", file=sys.stderr)
    return 1 if problems else 0


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="shots-") as home:
        env = {"PARTNER_DESK_HOME": home, **os.environ, **firefox_desktop(Path(home) / "desk")}
        return subprocess.run(  # noqa: S603 - this script, this Python
            [sys.executable, __file__, "--run", "--lang", "en"], env=env, check=False
        ).returncode


if __name__ == "__main__":
    if sys.argv[1:2] == ["--run"]:
        sys.exit(gui.run(sys.argv[2:], scenario=take))
    sys.exit(main())
