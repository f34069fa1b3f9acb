"""Every benchmark in one go, and the figures into docs/PERFORMANCE.md.

    uv run python bench/run_all.py            # full sizes; rewrites the figures in the report
    uv run python bench/run_all.py --quick    # CI: short mode, prints only (nothing rots)
    uv run python bench/run_all.py --only sweep,startup

Each bench runs in its own process (as `uv run python bench/NAME.py`) and prints JSON lines;
this collects them, prints them as they come, and writes the section of docs/PERFORMANCE.md
between its markers: the machine, the command, each figure against its target, and the raw
lines. A bench that crashes fails the run (exit 1); a missed target does not (CI machines are
noisy; the report says it was missed, in the same table, so nobody can miss it).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "docs" / "PERFORMANCE.md"
START = "<!-- figures:start (bench/run_all.py writes this part) -->"
END = "<!-- figures:end -->"

Line = dict[str, Any]


@dataclass(frozen=True)
class Figure:
    """One row of the report: a label, how to read it from a bench's lines, its target."""

    label: str
    bench: str  # the "bench" key of the JSON line it is read from
    value: Callable[[Line], Any]
    target: str = ""
    ok: Callable[[Line], bool | None] = lambda _line: None


@dataclass(frozen=True)
class Bench:
    name: str
    full: tuple[str, ...]
    quick: tuple[str, ...]
    figures: tuple[Figure, ...]
    needs: str = ""  # a file that must exist, else the bench says it skipped
    script: str = ""  # bench/SCRIPT.py when it is not bench/NAME.py (one script, two runs)
    full_only: bool = False  # not run by --quick


def _ratio(d: Line) -> str:
    return f"{d['wall_s']} s / {d['ideal_s']} s = {d['ratio']}"


def _ms(key: str) -> Callable[[Line], Any]:
    return lambda line: f"{line[key]:.1f} ms" if key in line else "—"


BENCHES = (
    Bench(
        "sweep",
        (),
        ("--quick",),
        (
            Figure(
                "Health sweep at 50 ms latency: wall time / ideal",
                "sweep",
                lambda d: f"{d['customers']:,} customers: " + _ratio(d),
                "ratio <= 1.5",
                lambda d: d["ratio"] <= 1.5,
            ),
            Figure(
                "Same, one request at a time (scaled)",
                "sweep_sequential",
                lambda d: f"{d['scaled_wall_s']} s",
            ),
            Figure(
                "Same, signing in per customer, cold token cache (100 ms a token request)",
                "sweep_tokens_cold",
                lambda d: (
                    f"{d['token_requests']:,} token + {d['api_requests']:,} API requests: "
                    + _ratio(d)
                ),
                "ratio <= 1.3",
                lambda d: d["ratio"] <= 1.3,
            ),
            Figure(
                "Same, warm token cache: token requests",
                "sweep_tokens_warm",
                lambda d: (
                    f"{d['token_requests']:,} (all for the {d['failed']:,} customers Entra refused)"
                ),
                "0 for customers that got a token",
                lambda d: bool(d["pass"]),
            ),
        ),
    ),
    Bench(
        "table_filter",
        (),
        ("--quick",),
        (
            Figure(
                "Customer list: search keystroke (median / worst)",
                "table_filter",
                lambda d: f"{d['rows']:,} rows: {d['filter_ms_median']} / {d['filter_ms_max']} ms",
                "median <= 16 ms",
                lambda d: d["filter_ms_median"] <= d["targets"]["filter_ms_median"],
            ),
            Figure(
                "Customer list: sort by a column",
                "table_filter",
                _ms("sort_ms"),
                "<= 150 ms",
                lambda d: d["sort_ms"] <= d["targets"]["sort_ms"],
            ),
            Figure(
                "QSortFilterProxyModel doing the same (baseline)",
                "table_filter",
                lambda d: f"filter {d['proxy_filter_ms_median']} ms, sort {d['proxy_sort_ms']} ms",
            ),
        ),
    ),
    Bench(
        "gui_stall",
        (),
        ("--quick",),
        (
            Figure(
                "Main window: GUI thread's worst stall while customers load and tabs are browsed",
                "gui_stall",
                lambda d: (
                    f"{d['customers']:,} customers: {d['max_ms']} ms "
                    f"(p99 {d['p99_ms']}, idle {d['baseline_max_ms']})"
                ),
                "<= 50 ms",
                lambda d: d["max_ms"] <= d["target_max_ms"],
            ),
        ),
    ),
    Bench(
        "dashboard",
        (),
        ("--quick",),
        (
            Figure(
                "Dashboard sweep at 50 ms latency: wall / ideal",
                "dashboard",
                lambda d: (
                    f"{d['customers']:,} customers: {d['wall_s']} s / {d['ideal_s']} s = "
                    f"{d['ratio']}"
                ),
                "ratio <= 1.5",
                lambda d: d["ratio"] <= d["targets"]["ratio"],
            ),
            Figure(
                "Dashboard sweep, quiet machine: GUI thread's worst stall",
                "dashboard",
                lambda d: f"{d['max_ms']} ms (p99 {d['p99_ms']}, median {d['median_ms']})",
                "<= 16 ms",
                lambda d: d["max_ms"] <= d["targets"]["max_stall_ms"],
            ),
            Figure(
                "Dashboard sweep: peak memory, every process of the app",
                "dashboard",
                lambda d: (
                    f"{d['peak_mb']} MB (window {d.get('gui_mb', '?')}, "
                    f"sweep engine {d.get('engine_mb', '?')})"
                ),
                "<= 250 MB",
                lambda d: d["peak_mb"] <= d["targets"]["peak_mb"],
            ),
        ),
    ),
    Bench(
        "dashboard_load",
        ("--load", "2"),
        ("--quick", "--load", "2"),
        (
            Figure(
                "Dashboard sweep, 2 busy processes beside it: worst stall",
                "dashboard.load",
                lambda d: f"{d['max_ms']} ms (idle window under this load: {d['baseline_max_ms']})",
                "<= 33 ms",
                lambda d: d["max_ms"] <= d["targets"]["max_stall_ms"],
            ),
            Figure(
                "Dashboard sweep, 2 busy processes beside it: p99 stall",
                "dashboard.load",
                lambda d: f"{d['p99_ms']} ms (median {d['median_ms']})",
                "<= 5 ms",
                lambda d: d["p99_ms"] <= d["targets"]["p99_stall_ms"],
            ),
            Figure(
                "Dashboard sweep, 2 busy processes beside it: wall / ideal",
                "dashboard.load",
                lambda d: f"{d['wall_s']} s / {d['ideal_s']} s = {d['ratio']}",
                "ratio <= 1.5",
                lambda d: d["ratio"] <= d["targets"]["ratio"],
            ),
        ),
        script="dashboard",
    ),
    Bench(
        "dashboard_50k",
        # 10 ms answers: the two sweeps of 50,000 (the list's, then Check all) in minutes.
        ("--customers", "50000", "--latency-ms", "10", "--load", "2", "--label", "dashboard.50k"),
        (),
        (
            Figure(
                "50,000 customers, 2 busy processes beside it: worst stall (p99)",
                "dashboard.50k",
                lambda d: f"{d['max_ms']} ms (p99 {d['p99_ms']})",
                "<= 33 ms",
                lambda d: d["max_ms"] <= d["targets"]["max_stall_ms"],
            ),
            Figure(
                "50,000 customers: peak memory, every process of the app",
                "dashboard.50k",
                lambda d: (
                    f"{d['peak_mb']} MB (window {d['gui_mb']}, sweep engine {d['engine_mb']})"
                ),
                "<= 600 MB",
                lambda d: d["peak_mb"] <= 600,
            ),
            Figure(
                "50,000 customers: sweep wall / ideal",
                "dashboard.50k",
                lambda d: f"{d['wall_s']} s / {d['ideal_s']} s = {d['ratio']}",
                "ratio <= 1.5",
                lambda d: d["ratio"] <= d["targets"]["ratio"],
            ),
        ),
        script="dashboard",
        full_only=True,
    ),
    Bench(
        "startup",
        (),
        ("--quick",),
        (
            Figure(
                "Start-up: cached customer list on screen / bare PySide6 window",
                "startup.cached_list",
                lambda d: (
                    f"{d['customers']:,} customers: {d['cached_list_s']} s / "
                    f"{d['bare_window_s']} s = {d['ratio']}"
                ),
                "ratio <= 2.0",
                lambda d: d["ratio"] <= d["target_ratio"],
            ),
            Figure(
                "Warm cache used for it",
                "startup.warm_cache",
                lambda d: f"{d['customers']:,} customers, {d['cache_mb']} MB",
            ),
        ),
    ),
    Bench(
        "frozen_startup",
        (),
        ("--quick",),
        (
            Figure(
                "Installed bundle start / start from source",
                "frozen_startup",
                lambda d: (
                    f"{d['frozen_s']} s / {d['source_s']} s = {d['ratio']}"
                    if "ratio" in d
                    else f"skipped: {d.get('skipped', '?')}"
                ),
                "ratio <= 1.5",
                lambda d: d["ratio"] <= 1.5 if "ratio" in d else None,
            ),
        ),
    ),
)


def machine() -> dict[str, str]:
    cpu = platform.processor() or platform.machine()
    with_proc = Path("/proc/cpuinfo")
    if with_proc.exists():
        for line in with_proc.read_text(errors="replace").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = ""
    if hasattr(os, "sysconf") and "SC_PHYS_PAGES" in os.sysconf_names:
        memory = f"{os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.1f} GiB"
    try:
        from PySide6 import __version__ as pyside
    except ImportError:  # pragma: no cover - a dependency
        pyside = "?"
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    return {
        "OS": platform.platform(),
        "CPU": f"{cpu}, {os.cpu_count()} logical cores",
        "Memory": memory,
        "Python": platform.python_version(),
        "PySide6": pyside,
        "Commit": commit or "?",
    }


def run(bench: Bench, quick: bool) -> tuple[list[Line], float, int]:
    args = bench.quick if quick else bench.full
    command = [sys.executable, str(ROOT / "bench" / f"{bench.script or bench.name}.py"), *args]
    print(f"== {bench.name} {' '.join(args)}".rstrip(), flush=True)
    started = time.monotonic()
    proc = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, text=True)
    lines: list[Line] = []
    assert proc.stdout is not None
    for raw in proc.stdout:
        print(raw, end="", flush=True)
        try:
            parsed = json.loads(raw)
        except ValueError:
            continue
        if isinstance(parsed, dict):
            lines.append(parsed)
    code = proc.wait()
    return lines, time.monotonic() - started, code


def report(results: dict[str, tuple[list[Line], float, int]], command: str) -> str:
    out = [START, "", f"Measured {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} with:", ""]
    out += ["```sh", command, "```", "", "| Machine | |", "|---|---|"]
    out += [f"| {key} | {value} |" for key, value in machine().items()]
    out += ["", "| Figure | Measured | Target | Met |", "|---|---|---|---|"]
    for bench in BENCHES:
        if bench.name not in results:
            continue
        lines, _took, code = results[bench.name]
        by_name = {line.get("bench"): line for line in lines}
        for figure in bench.figures:
            line = by_name.get(figure.bench)
            if line is None:
                met = "**no**" if figure.target else ""
                missing = f"no figure (exit {code})"
                out.append(f"| {figure.label} | {missing} | {figure.target} | {met} |")
                continue
            try:
                value, ok = figure.value(line), figure.ok(line)
            except (KeyError, TypeError) as error:
                value, ok = f"unreadable ({error})", False
            met = "" if ok is None else ("yes" if ok else "**no**")
            out.append(f"| {figure.label} | {value} | {figure.target} | {met} |")
    out += ["", "<details><summary>Raw lines</summary>", "", "```json"]
    for name, (lines, took, _code) in results.items():
        out += [json.dumps(line, ensure_ascii=False) for line in lines]
        out.append(json.dumps({"bench": f"{name} (run time)", "seconds": round(took, 1)}))
    out += ["```", "", "</details>", "", END]
    return "\n".join(out)


def write_report(section: str) -> None:
    text = REPORT.read_text(encoding="utf-8")
    if START not in text or END not in text:
        raise SystemExit(f"{REPORT} lacks the figure markers")
    head, rest = text.split(START, 1)
    _old, tail = rest.split(END, 1)
    REPORT.write_text(head + section + tail, encoding="utf-8")
    print(f"wrote {REPORT.relative_to(ROOT)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="short mode (CI); prints only")
    parser.add_argument("--only", default="", help="comma-separated bench names")
    parser.add_argument("--no-write", action="store_true", help="do not touch the report")
    args = parser.parse_args()
    chosen = {n.strip() for n in args.only.split(",") if n.strip()}
    unknown = chosen - {b.name for b in BENCHES}
    if unknown:
        parser.error(f"unknown bench: {', '.join(sorted(unknown))}")
    results: dict[str, tuple[list[Line], float, int]] = {}
    for bench in BENCHES:
        if args.quick and bench.full_only:
            continue  # its quick form would only repeat another bench's
        if not chosen or bench.name in chosen:
            results[bench.name] = run(bench, args.quick)
    command = "uv run python bench/run_all.py" + (" --quick" if args.quick else "")
    if args.only:
        command += f" --only {args.only}"
    section = report(results, command)
    print(section)
    if not args.quick and not args.no_write:
        write_report(section)
    crashed = [name for name, (_lines, _took, code) in results.items() if code != 0]
    if crashed:
        print(f"benches that failed to run: {', '.join(crashed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
