"""Column proxy benchmark: what leaving hidden columns out of the view's model costs.

A screen reader is told only the columns a table shows when they are the only columns of the
view's model (issue 21): the app's record tables sit on a column proxy
(`desktop.ui.widgets.columns`). Two customer lists of N synthetic customers, 3 of 7 columns
shown: one with hidden header sections over the record model (as before the proxy), one through
the proxy (as now). Each keystroke of bench/table_filter.py's typing, each sort and (with
--show) each whole-viewport repaint runs on both in turn, interleaved in one process, so the
machine's load falls on both alike; prints one JSON line with the medians and the median of
the paired differences (proxy minus sections).

    uv run python bench/column_proxy.py --rows 50000 --show
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _harness import emit
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTableView
from table_filter import QUERIES, keystrokes, synthetic_customers, timed

from desktop.qt.models.customers import (
    DOMAIN,
    GDAP,
    HEALTH,
    NAME,
    RELATIONSHIP,
    TAGS,
    TENANT,
    CustomerTableModel,
)
from desktop.ui.widgets.columns import Columns

HIDDEN = [RELATIONSHIP, TENANT, GDAP, TAGS]
KINDS = ("sections", "proxy")


def run(rows: int, show: bool, rounds: int) -> dict[str, object]:
    app = QApplication.instance() or QApplication([])
    customers = synthetic_customers(rows)
    typed = list(keystrokes(QUERIES, customers[rows // 2].tenant_id[9:14]))
    tables: dict[str, tuple[CustomerTableModel, QTableView]] = {}
    for kind in KINDS:
        model = CustomerTableModel()
        model.set_rows(customers)
        model.prepare_search()
        view = QTableView()
        view.verticalHeader().hide()
        view.setModel(model)
        if kind == "proxy":
            Columns(view).set_hidden(HIDDEN)
        else:
            for column in HIDDEN:
                view.setColumnHidden(column, True)
        if show:
            view.resize(1000, 700)
            view.show()
        tables[kind] = (model, view)
    app.processEvents()
    times: dict[str, dict[str, list[float]]] = {
        k: {"filter": [], "sort": [], "paint": []} for k in KINDS
    }
    for turn in range(rounds):
        kinds = KINDS if turn % 2 == 0 else KINDS[::-1]
        for text in typed:
            for kind in kinds:
                model = tables[kind][0]
                times[kind]["filter"].append(timed(lambda m=model, t=text: m.set_filter(t), app))  # type: ignore[misc]
        for column in (NAME, HEALTH, DOMAIN):
            for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
                for kind in kinds:
                    model = tables[kind][0]
                    times[kind]["sort"].append(
                        timed(lambda m=model, c=column, o=order: m.sort(c, o), app)  # type: ignore[misc]
                    )
        for step in range(20 if show else 0):
            for kind in kinds:
                view = tables[kind][1]
                view.verticalScrollBar().setValue(step * 997 % max(1, rows))
                started = time.perf_counter()
                view.viewport().repaint()
                times[kind]["paint"].append((time.perf_counter() - started) * 1000)
    result: dict[str, object] = {"bench": "column_proxy", "rows": rows, "shown": show}
    for what in ("filter", "sort", "paint"):
        if not times["proxy"][what]:
            continue
        for kind in KINDS:
            result[f"{what}_ms_median_{kind}"] = round(statistics.median(times[kind][what]), 2)
        pairs = zip(times["sections"][what], times["proxy"][what], strict=True)
        result[f"{what}_ms_added_median"] = round(statistics.median(b - a for a, b in pairs), 3)
    return result


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--show", action="store_true", help="show the views, so painting counts")
    args = parser.parse_args()
    emit(run(args.rows, args.show, args.rounds))
    return 0


if __name__ == "__main__":
    sys.exit(main())
