"""Lower bounds on `pulumi up` wall time that the service's settings (and the engine) impose.

Service bound, for N imports against token buckets (rate r, burst b) on ImportPhoneNumber and
(r_d, b_d) on DescribePhoneNumber, with claim delay d:

* the k-th import (1-based) cannot start before max(0, (k - b) / r), so the last number is
  claimed no earlier than  T_import = max(0, (N - b) / r) + d;
* each number needs at least one DescribePhoneNumber that sees CLAIMED, and none can be claimed
  before d; the Describe bucket is at most full (b_d) then, so the N-th useful Describe comes no
  earlier than  T_describe = d + max(0, (N - b_d) / r_d);
* lower bound = max(T_import, T_describe), with d the shortest claim the service can draw.

Engine bound (not the service's, reported beside it): the engine runs at most P resource
operations at once (`--parallel`) and the provider process serves at most W of them at once
(the dynamic-provider host's gRPC pool: 4 workers upstream, widened by the provider to
`connect_numbers.engine.dynamic.host.HOST_WORKERS`),
so at most C = min(P, W) creates are in flight; each
lasts at least d, so  T_engine = ceil(N / C) * d.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from connect_numbers.engine.dynamic.host import HOST_WORKERS

from .settings import BenchSettings, Throttle

UPSTREAM_HOST_WORKERS = 4


@dataclass(frozen=True)
class Bounds:
    import_bound: float
    describe_bound: float
    service_bound: float
    engine_bound: float
    concurrency: int


def _queue_time(n: int, rule: Throttle | None) -> float:
    if rule is None:
        return 0.0
    return max(0.0, (n - rule.burst) / rule.rate)


def shortest_claim(claim_delay: float, settings: BenchSettings) -> float:
    return max(0.0, claim_delay - settings.claim_jitter)


def import_bounds(
    n: int, claim_delay: float, settings: BenchSettings, parallel: int, workers: int = HOST_WORKERS
) -> Bounds:
    d = shortest_claim(claim_delay, settings)
    t_import = _queue_time(n, settings.throttles.get("ImportPhoneNumber")) + d
    t_describe = d + _queue_time(n, settings.throttles.get("DescribePhoneNumber"))
    concurrency = max(1, min(parallel, workers))
    return Bounds(
        import_bound=t_import,
        describe_bound=t_describe,
        service_bound=max(t_import, t_describe),
        engine_bound=math.ceil(n / concurrency) * d,
        concurrency=concurrency,
    )


def refresh_bound(n: int, settings: BenchSettings) -> float:
    """Refresh needs one DescribePhoneNumber per number: (N - b_d) / r_d at the least."""
    return _queue_time(n, settings.throttles.get("DescribePhoneNumber"))
