"""The one command: `python -m bench.run` (or `bash bench/run.sh`). See docs/benchmarks.md.

Starts the local service with Connect's default throttling and a claim delay, runs parts 1-4,
and writes bench/results/results.json, results.md and wall_time.png.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import platform
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from connect_local_service.admin_client import AdminClient
from tests.support.local_service import start_local_service

from . import report, waiting
from .bounds import DYNAMIC_HOST_WORKERS
from .cli import PULUMI
from .scale import ScaleBench
from .settings import BenchSettings

RESULTS = Path(__file__).resolve().parent / "results"


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


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__)
    p.add_argument("--sizes", default="10,50,200", help="comma-separated N (default 10,50,200)")
    p.add_argument("--claim-delay", type=float, default=2.0)
    p.add_argument("--parallel", type=int, default=None, help="pulumi --parallel (CLI default)")
    p.add_argument("--repeats", type=int, default=2, help="preview/refresh repeats (best of)")
    p.add_argument("--out", type=Path, default=RESULTS)
    p.add_argument("--skip-engine", action="store_true", help="only the waiting simulation")
    return p.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    settings = BenchSettings(
        sizes=tuple(int(x) for x in args.sizes.split(",")),
        claim_delay=args.claim_delay,
        parallel=args.parallel,
    )
    parallel = settings.parallel or cli_default_parallel()
    started = time.time()
    results: dict[str, Any] = {
        "settings": settings.as_json(),
        "environment": {
            "pulumi": cli_version(),
            "cli_parallel": parallel,
            "cli_parallel_is_default": settings.parallel is None,
            "dynamic_host_grpc_workers": DYNAMIC_HOST_WORKERS,
            "python": sys.version.split()[0],
            "machine": platform.platform(),
            "cpus": len(__import__("os").sched_getaffinity(0)),
            "waiter": waiting.backoff_description(),
            "started": time.strftime("%Y-%m-%dT%H:%M:%S%z", time.localtime(started)),
        },
    }
    say("part 2: waiting policy (virtual clock)")
    results["waiting"] = [dataclasses.asdict(s) for s in waiting.compare(settings)]
    if not args.skip_engine:
        with tempfile.TemporaryDirectory(prefix="connect-numbers-bench-") as tmp:
            root = Path(tmp)
            service = start_local_service(root / "service.db", settings.local_service_args())
            try:
                admin = AdminClient(service.endpoint_url)
                bench = ScaleBench(settings, admin, service.endpoint_url, root, say)
                say("part 1: pulumi up at scale")
                results["scale"] = [bench.import_at_scale(n, parallel) for n in settings.sizes]
                largest = max(settings.sizes)
                say(f"part 3: preview and refresh, N={largest}")
                results["plan"] = bench.plan_and_refresh(largest, args.repeats)
                say(f"part 4: state weight, N={largest}")
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
