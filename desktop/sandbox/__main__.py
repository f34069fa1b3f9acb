"""`python -m desktop.sandbox`: run the sandbox alone (benchmarks, fault tests, demos).

Prints exactly one line, `sandbox listening on http://HOST:PORT`, then serves until SIGINT or
SIGTERM. Bench scripts parse the URL from that line.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from types import FrameType

from desktop.sandbox import Sandbox


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m desktop.sandbox", description=__doc__)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8400, help="0 picks a free port")
    p.add_argument("--customers", type=int, default=250)
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--latency-ms", type=float, default=0.0)
    p.add_argument("--fault-rate", type=float, default=0.0)
    p.add_argument("--throttle", action="store_true", help="Graph: 240 requests/60 s per tenant")
    p.add_argument("--throttle-limit", type=int, default=240)
    p.add_argument("--throttle-window-s", type=float, default=60.0)
    p.add_argument(
        "--drop-after-commit",
        type=int,
        default=0,
        metavar="N",
        help="store the first N service request creates, then drop the connection",
    )
    p.add_argument(
        "--retired-create",
        action="store_true",
        help="service request create and support topics answer 410 (decommissioned)",
    )
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    stop = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    try:
        sandbox = Sandbox(
            customers=args.customers,
            seed=args.seed,
            latency_ms=args.latency_ms,
            fault_rate=args.fault_rate,
            throttle=args.throttle,
            host=args.host,
            port=args.port,
            throttle_limit=args.throttle_limit,
            throttle_window_s=args.throttle_window_s,
            drop_after_commit=args.drop_after_commit,
            retired_create=args.retired_create,
        ).start()
    except (ValueError, OSError) as exc:
        print(f"sandbox: {exc}", file=sys.stderr)
        return 2
    print(f"sandbox listening on {sandbox.url}", flush=True)
    try:
        while not stop.wait(0.5):
            pass
    finally:
        sandbox.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
