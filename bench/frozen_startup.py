"""Start-up of the PyInstaller bundle against the app run from source, in the same run.

Each start is a new process with `--startup-probe`: the app starts its embedded sandbox, builds
the main window, shows it, prints `startup-probe: window shown` and quits. The figure is the
wall time from spawning the process to that line, so it includes what a user waits for: the
interpreter, the imports (from the bundle's archive or from site-packages), Qt and its
plugins, the sandbox data. Source and frozen starts alternate after one warm-up each, so disk
caches treat both alike. Prints one JSON line. Target: frozen <= 1.5 x source.

    make bundle && uv run python bench/frozen_startup.py
    uv run python bench/frozen_startup.py --quick     # CI: fewer starts; skips without a bundle
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _harness import emit

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "dist" / "partner-desk"
MARKER = "startup-probe: window shown"
TARGET_RATIO = 1.5
TIMEOUT_S = 120


def executable(bundle: Path) -> Path:
    return bundle / ("partner-desk.exe" if sys.platform == "win32" else "partner-desk")


def time_start(command: list[str], env: dict[str, str]) -> float:
    """Seconds from spawning `command` to its probe line; raises if it fails to get there."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    shown = None
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.strip() == MARKER:
            shown = time.perf_counter() - started
            break
    _out, err = proc.communicate(timeout=TIMEOUT_S)
    if shown is None or proc.returncode != 0:
        raise RuntimeError(f"{command[0]} exited {proc.returncode}: {err.strip()[-2000:]}")
    return shown


def tree_mb(path: Path) -> float:
    total = sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() or p.is_symlink())
    return round(total / 1e6, 1)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--bundle", type=Path, default=BUNDLE, help="the one-folder bundle")
    parser.add_argument("--runs", type=int, default=7, help="timed starts of each kind")
    parser.add_argument("--quick", action="store_true", help="fewer starts, for CI")
    args = parser.parse_args()
    runs = 2 if args.quick else max(1, args.runs)
    frozen = executable(args.bundle)
    record: dict[str, object] = {"bench": "frozen_startup"}
    if not frozen.is_file():
        record["skipped"] = f"no bundle at {frozen}; build it with `make bundle`"
        emit(record)
        return 0
    source = [sys.executable, "-m", "desktop"]
    with tempfile.TemporaryDirectory(prefix="partner-desk-bench-") as home:
        env = {**os.environ, "PARTNER_DESK_HOME": home, "QT_QPA_PLATFORM": "offscreen"}
        # Source starts from bytecode, as an installed app does: with PYTHONDONTWRITEBYTECODE
        # every source start compiled ~200 modules (0.18 s) and flattered the bundle.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        times: dict[str, list[float]] = {"source": [], "frozen": []}
        commands = {
            "source": [*source, "--startup-probe"],
            "frozen": [str(frozen), "--startup-probe"],
        }
        for kind in times:  # warm-up: first starts pay for cold disk caches
            time_start(commands[kind], env)
        for _ in range(runs):
            for kind, command in commands.items():
                times[kind].append(time_start(command, env))
    source_s = statistics.median(times["source"])
    frozen_s = statistics.median(times["frozen"])
    ratio = frozen_s / source_s
    record.update(
        {
            "runs": runs,
            "source_s": round(source_s, 3),
            "frozen_s": round(frozen_s, 3),
            "source_min_s": round(min(times["source"]), 3),
            "frozen_min_s": round(min(times["frozen"]), 3),
            "ratio": round(ratio, 2),
            "target_ratio": TARGET_RATIO,
            "ok": ratio <= TARGET_RATIO,
            "bundle_mb": tree_mb(args.bundle),
        }
    )
    emit(record)
    return 0


if __name__ == "__main__":
    sys.exit(main())
