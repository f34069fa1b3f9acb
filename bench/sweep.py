"""Sweep benchmark: the health export over 1,000 customers at 50 ms latency.

Prints JSON lines: the concurrent run (wall time, the sandbox's request count, the ideal time
ceil(requests / concurrency) x latency, their ratio) and, for comparison, one request at a time
over the first 100 customers scaled to the full count. Target: ratio <= 1.5 at concurrency 32.

    uv run python bench/sweep.py                 # 1,000 customers, concurrency 32
    uv run python bench/sweep.py --concurrency 8,16,32,64   # to choose the default
    uv run python bench/sweep.py --quick         # CI: 200 customers
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _harness import emit, sandbox_process, stats

from desktop.backend import Backend
from desktop.export import collect

TARGET_RATIO = 1.5


def timed_export(url: str, concurrency: int, limit: int | None = None) -> tuple[float, int, int]:
    """(seconds, requests the sandbox served, rows) for the health export, list included."""
    before = stats(url)["requests"]
    backend = Backend.for_sandbox(url, concurrency=concurrency)
    started = time.perf_counter()
    customers = backend.customers().items
    if limit is not None:
        customers = customers[:limit]
    rows, _failed = collect(backend, "health", customers, concurrency=concurrency)
    elapsed = time.perf_counter() - started
    backend.close()
    return elapsed, stats(url)["requests"] - before, len(rows)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--customers", type=int, default=1000)
    parser.add_argument("--latency-ms", type=int, default=50)
    parser.add_argument("--concurrency", default="32", help="one value or a comma list")
    parser.add_argument("--sequential-sample", type=int, default=100)
    parser.add_argument("--quick", action="store_true", help="200 customers, for CI")
    args = parser.parse_args()
    if args.quick:
        args.customers, args.sequential_sample = 200, 20
    latency = args.latency_ms / 1000
    with sandbox_process(
        "--customers", str(args.customers), "--latency-ms", str(args.latency_ms)
    ) as url:
        for concurrency in [int(c) for c in str(args.concurrency).split(",")]:
            wall, served, rows = timed_export(url, concurrency)
            ideal = math.ceil(served / concurrency) * latency
            ratio = wall / ideal
            emit(
                {
                    "bench": "sweep",
                    "customers": args.customers,
                    "latency_ms": args.latency_ms,
                    "concurrency": concurrency,
                    "wall_s": round(wall, 3),
                    "requests": served,
                    "rows": rows,
                    "ideal_s": round(ideal, 3),
                    "ratio": round(ratio, 3),
                    "target_ratio": TARGET_RATIO,
                    "pass": ratio <= TARGET_RATIO,
                }
            )
        sample = min(args.sequential_sample, args.customers)
        wall, served, _rows = timed_export(url, 1, limit=sample)
        scale = args.customers / sample
        emit(
            {
                "bench": "sweep_sequential",
                "customers_measured": sample,
                "wall_s": round(wall, 3),
                "requests": served,
                "scaled_wall_s": round(wall * scale, 3),
                "scaled_to": args.customers,
            }
        )
    # Figures, not a gate: a slow CI machine must not fail the build (see docs/PERFORMANCE.md).
    return 0


if __name__ == "__main__":
    sys.exit(main())
