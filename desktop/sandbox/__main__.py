"""`python -m desktop.sandbox`: run the sandbox alone (benchmarks, fault tests, demos).

Prints exactly one line, `sandbox listening on https://HOST:PORT` (http with --no-tls), then
serves until SIGINT or SIGTERM. Bench scripts parse the URL from that line; `--ca-out FILE`
writes the CA to trust before that line is printed (or fetch GET /_sandbox/ca.pem).
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from pathlib import Path
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
    p.add_argument("--no-tls", action="store_true", help="serve plain HTTP (no CA)")
    p.add_argument("--ca-out", type=Path, metavar="FILE", help="write the CA certificate (PEM)")
    p.add_argument(
        "--auto-approve",
        action="store_true",
        help="approve every device code and sign-in at once (no /devicelogin step)",
    )
    p.add_argument("--token-latency-ms", type=float, default=0.0, help="delay of Entra calls")
    p.add_argument("--token-lifetime-s", type=int, default=3600)
    p.add_argument(
        "--consented",
        choices=("all", "none", "some"),
        default="some",
        help="which GDAP customers have the app consented (default: some)",
    )
    p.add_argument(
        "--consent-delay-s",
        type=float,
        default=0.0,
        help="seconds before a new application consent lets tokens through",
    )
    p.add_argument(
        "--partner-incident-shape",
        choices=("grouped", "flat"),
        default="grouped",
        help="Partner Center service incidents grouped per workload (SDK) or flat (REST reference)",
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
            tls=not args.no_tls,
            auto_approve=args.auto_approve,
            token_latency_ms=args.token_latency_ms,
            token_lifetime_s=args.token_lifetime_s,
            consented=args.consented,
            consent_delay_s=args.consent_delay_s,
            partner_incident_shape=args.partner_incident_shape,
        ).start()
        if args.ca_out is not None:
            if not sandbox.tls:
                raise ValueError("--ca-out needs TLS: drop --no-tls")
            args.ca_out.write_bytes(sandbox.ca_pem)
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
