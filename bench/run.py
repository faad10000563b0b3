"""The one command: `python -m bench.run` (or `bash bench/run.sh`). See docs/benchmarks.md.

Starts the local service with Connect's default throttling, runs parts 1-4 for every scenario,
and writes results.json, results.md and wall_time.png to docs/benchmarks/ (tracked, so that
docs/benchmarks.md shows the last full run); smoke runs pass `--out` elsewhere.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from connect_local_service.admin.client import AdminClient
from connect_numbers.engine.dynamic.host import HOST_WORKERS
from tests.support.local_service import start_local_service

from . import report, waiting
from .bounds import UPSTREAM_HOST_WORKERS
from .cli import PULUMI
from .scale import ScaleBench
from .settings import USER_PARALLEL, BenchSettings, default_scenarios

RESULTS = Path(__file__).resolve().parents[1] / "docs" / "benchmarks"


def say(message: str) -> None:
    print(message, flush=True)


def cli_default_parallel() -> int:
    done = subprocess.run([str(PULUMI), "up", "--help"], capture_output=True, text=True)
    found = re.search(r"--parallel int32.*\(default (\d+)\)", done.stdout)
    if found is None:
        raise RuntimeError("cannot read the default of --parallel from `pulumi up --help`")
    return int(found.group(1))


def cli_version() -> str:
    return subprocess.run([str(PULUMI), "version"], capture_output=True, text=True).stdout.strip()


def _sizes(text: str) -> tuple[int, ...]:
    return tuple(int(x) for x in text.split(",") if x.strip())


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__)
    p.add_argument("--sizes", default="10,50,200", help="N with the short claim (10,50,200)")
    p.add_argument("--long-claim-sizes", default="100", help="N with the long claim (100)")
    p.add_argument(
        "--default-parallel-sizes", default="50", help="N also run at the CLI's --parallel (50)"
    )
    p.add_argument("--claim-delay", type=float, default=2.0)
    p.add_argument("--long-claim-delay", type=float, default=20.0)
    p.add_argument("--parallel", type=int, default=USER_PARALLEL, help="pulumi --parallel (64)")
    p.add_argument("--repeats", type=int, default=2, help="refresh repeats (best of)")
    p.add_argument("--out", type=Path, default=RESULTS)
    p.add_argument("--skip-engine", action="store_true", help="only the waiting simulation")
    return p.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    settings = BenchSettings(
        scenarios=default_scenarios(
            sizes=_sizes(args.sizes),
            long_claim_sizes=_sizes(args.long_claim_sizes),
            default_parallel_sizes=_sizes(args.default_parallel_sizes),
            claim_delay=args.claim_delay,
            long_claim_delay=args.long_claim_delay,
            parallel=args.parallel,
        ),
        parallel=args.parallel,
    )
    default_parallel = cli_default_parallel()
    started = time.time()
    results: dict[str, Any] = {
        "settings": settings.as_json(),
        "environment": {
            "pulumi": cli_version(),
            "cli_parallel": args.parallel,
            "cli_default_parallel": default_parallel,
            "dynamic_host_grpc_workers": UPSTREAM_HOST_WORKERS,
            "provider_host_workers": HOST_WORKERS,
            "python": sys.version.split()[0],
            "machine": platform.platform(),
            "cpus": len(os.sched_getaffinity(0)),
            "waiter": waiting.backoff_description(),
            "started": time.strftime("%Y-%m-%dT%H:%M:%S%z", time.localtime(started)),
        },
    }
    say("part 2: waiting policy (virtual clock)")
    results["waiting"] = [dataclasses.asdict(s) for s in waiting.compare(settings)]
    if not args.skip_engine and settings.scenarios:
        with tempfile.TemporaryDirectory(prefix="connect-numbers-bench-") as tmp:
            root = Path(tmp)
            service = start_local_service(root / "service.db", settings.local_service_args())
            try:
                admin = AdminClient(service.endpoint_url)
                bench = ScaleBench(settings, admin, service.endpoint_url, root, say)
                say("part 1: pulumi up at scale")
                results["scale"] = [
                    bench.import_at_scale(s, default_parallel) for s in settings.scenarios
                ]
                largest = max(
                    (s for s in settings.scenarios if s.claim_delay == args.claim_delay),
                    key=lambda s: (s.n, s.parallel is not None),
                    default=settings.scenarios[0],
                )
                say(f"part 3: preview and refresh, {largest.name}")
                results["plan"] = bench.plan_and_refresh(largest, args.repeats)
                say(f"part 4: state weight, {largest.name}")
                results["state"] = bench.state_weight(largest)
            finally:
                service.stop()
    results["environment"]["total_seconds"] = time.time() - started
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "results.json").write_text(json.dumps(results, indent=2, sort_keys=True) + "\n")
    markdown = report.markdown(results)
    (args.out / "results.md").write_text(markdown)
    if "scale" in results:
        report.plot(results, args.out / "wall_time.png")
    say(markdown)
    say(f"wrote {args.out}/results.json, results.md, wall_time.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
