"""A dynamic provider whose creates wait for one another: proves how many run at once.

Used by tests/integration/provider/test_host_concurrency.py inside Pulumi's own dynamic-provider
host. Like connect_numbers' provider, it adapts the host in `configure`; each create then waits
at a barrier for `in_flight` creates, which only succeeds if that many run at the same time.
"""

from __future__ import annotations

import os
import threading
from typing import Any

from pulumi.dynamic import ConfigureRequest, CreateResult, ResourceProvider

from connect_numbers.engine.dynamic.host import adapt_dynamic_host

IN_FLIGHT_ENV = "CONCURRENT_PROVIDER_IN_FLIGHT"
_BARRIER: list[threading.Barrier] = []


class ConcurrentProvider(ResourceProvider):
    serialize_as_secret_always = False

    def configure(self, req: ConfigureRequest) -> None:
        adapt_dynamic_host()
        _BARRIER.append(threading.Barrier(int(os.environ[IN_FLIGHT_ENV]), timeout=10))

    def create(self, props: dict[str, Any]) -> CreateResult:
        _BARRIER[0].wait()  # BrokenBarrierError when fewer creates run at once
        return CreateResult(id_=f"created-{props['value']}", outs={"value": props["value"]})
