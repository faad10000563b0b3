"""Command line: `python -m connect_local_service --port 0 --state FILE`."""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from types import FrameType

from .server import build_server, serve_in_thread
from .settings import DEFAULT_ACCOUNT_ID, DEFAULT_REGION, LocalServiceSettings, ThrottleRule


def _throttle(text: str) -> tuple[str, ThrottleRule]:
    try:
        operation, _, spec = text.partition("=")
        rate, _, burst = spec.partition(":")
        return operation, ThrottleRule(float(rate), float(burst or rate))
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"expected OPERATION=RATE[:BURST], got {text!r}") from exc


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m connect_local_service",
        description="Local Amazon Connect phone-number service (see docs/local-service.md).",
    )
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=0, help="0 picks a free port")
    p.add_argument("--state", required=True, type=Path, help="SQLite state file")
    p.add_argument("--region", default=DEFAULT_REGION)
    p.add_argument("--account-id", default=DEFAULT_ACCOUNT_ID)
    p.add_argument("--claim-delay", type=float, default=2.0)
    p.add_argument("--claim-after-describes", type=int, default=None)
    p.add_argument("--claim-jitter", type=float, default=0.0)
    p.add_argument("--release-delay", type=float, default=0.5)
    p.add_argument("--virtual-clock", action="store_true")
    p.add_argument("--quota-max-active-numbers", type=int, default=10)
    p.add_argument("--client-token-ttl", type=float, default=7 * 24 * 3600.0)
    p.add_argument(
        "--throttle", type=_throttle, action="append", default=[], metavar="OP=RATE[:BURST]"
    )
    p.add_argument("--allowed-actions", default=None, help="comma-separated IAM actions")
    p.add_argument("--endpoint-file", type=Path, default=None)
    p.add_argument("--seed-demo", action="store_true")
    p.add_argument("--log-level", default="WARNING")
    return p


def settings_from(args: argparse.Namespace) -> LocalServiceSettings:
    return LocalServiceSettings(
        region=args.region,
        account_id=args.account_id,
        claim_delay=args.claim_delay,
        claim_jitter=args.claim_jitter,
        claim_after_describes=args.claim_after_describes,
        release_delay=args.release_delay,
        virtual_clock=args.virtual_clock,
        quota_max_active_numbers=args.quota_max_active_numbers,
        client_token_ttl=args.client_token_ttl,
        throttle=dict(args.throttle),
        allowed_actions=None if args.allowed_actions is None else args.allowed_actions.split(","),
        seed_demo=args.seed_demo,
    )


def _write_atomically(path: Path, text: str) -> None:
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_text(text + "\n")
    os.replace(temporary, path)


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    logging.basicConfig(level=args.log_level.upper(), stream=sys.stderr)
    server = build_server(settings_from(args), args.state, args.host, args.port)
    stop = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    thread = serve_in_thread(server)
    url = server.endpoint_url
    if args.endpoint_file is not None:
        _write_atomically(args.endpoint_file, url)
    # After the endpoint file: whoever reads this line may rely on the file as well.
    print(f"connect local service listening on {url}", flush=True)
    while not stop.wait(0.5):
        pass
    server.shutdown()
    server.server_close()
    thread.join(timeout=10)
    server.state.store.close()
    return 0
