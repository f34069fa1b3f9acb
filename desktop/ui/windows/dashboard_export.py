"""The dashboard's export: what the health board learned of the customers in scope, as the
rows and columns of `partner-desk export health|incidents`, in CSV or JSON."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop.qt.health_board import TenantHealth
from desktop.services import export
from desktop.services.atomic_file import write_text
from desktop.ui.widgets.dialogs import run_dialog


def write_rows(path: Path, what: str, entries: list[TenantHealth]) -> None:
    """Blocks on the disk (the worker): atomically, a crash leaves no half file."""
    fmt = "json" if path.suffix.lower() == ".json" else "csv"
    rows: list[dict[str, object]] = []
    for e in entries:
        if what == "incidents":
            rows += export.incident_rows(e.customer, e.active, e.error)
        else:
            rows += export.health_rows(e.customer, e.health or [], e.error)
    # A temporary file of its own beside the target, then renamed (atomic_file.py). CSV with a
    # byte order mark: Excel on Windows reads one without it in the system code page, and
    # 台中物流 or Asesoría come out garbled (issue 18).
    write_text(path, export.render(rows, what, fmt), "utf-8-sig" if fmt == "csv" else "utf-8")


async def ask_export_path(parent: QWidget) -> tuple[Path, str] | None:
    """Where to save, and what ("health" or "incidents"), or None when cancelled."""
    dialog = QFileDialog(
        parent, QCoreApplication.translate("DashboardWindow", "Export the dashboard")
    )
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    filters = {
        QCoreApplication.translate("DashboardWindow", "Health per service, CSV (*.csv)"): (
            "health",
            "csv",
        ),
        QCoreApplication.translate("DashboardWindow", "Health per service, JSON (*.json)"): (
            "health",
            "json",
        ),
        QCoreApplication.translate(
            "DashboardWindow", "Active incidents per customer, CSV (*.csv)"
        ): ("incidents", "csv"),
        QCoreApplication.translate(
            "DashboardWindow", "Active incidents per customer, JSON (*.json)"
        ): ("incidents", "json"),
    }
    dialog.setNameFilters(list(filters))
    dialog.selectFile(f"partner-desk-health-{time.strftime('%Y-%m-%d')}.csv")
    dialog.filterSelected.connect(
        lambda name: dialog.setDefaultSuffix(filters.get(name, ("", "csv"))[1])
    )
    dialog.setDefaultSuffix("csv")
    if await run_dialog(dialog) != QFileDialog.DialogCode.Accepted:
        return None
    what, fmt = filters.get(dialog.selectedNameFilter(), ("health", "csv"))
    path = Path(dialog.selectedFiles()[0])
    if path.suffix.lower() not in (".csv", ".json"):
        path = path.with_name(f"{path.name}.{fmt}")
    return path, what
