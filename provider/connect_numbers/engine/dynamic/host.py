"""Adapt the dynamic-provider host (`python -m pulumi.dynamic`) the provider runs in.

Why: the host is Pulumi's, started by the engine (through Pulumi's own
`pulumi-resource-pulumi-python` script or this repo's), so the provider cannot pass it options.
Two of its details cost users, and both can be adapted from inside the provider process, which
the host imports when it first unpickles the provider (just before `configure`):

- One-line errors. The host answers any exception from a provider method with
  `traceback.format_exc()`, which the CLI prints in full. For our own errors
  (`ConnectNumbersError`) the traceback is noise in front of the one sentence that matters. The
  host looks `traceback` up as a global of its `__main__` module at call time, so we give that
  module a stand-in whose `format_exc` returns just the message for our errors and defers to the
  real one for everything else (bugs keep their traceback).
- Four workers. The host serves gRPC from `futures.ThreadPoolExecutor(max_workers=4)`, so at most
  four provider calls run at once whatever `pulumi up --parallel` says. The executor is a local
  of the host's `main()`, but `configure` runs on one of its worker threads: we find the executor
  whose threads include the current one and raise its `_max_workers`, which CPython reads each
  time a call is queued (threads are started only when a call finds none idle); calls already
  queued get threads too. The engine's `--parallel` then decides how many calls run at once, up
  to HOST_WORKERS.

Each adaptation happens only when the running `__main__` is recognisably that host and the
detail it relies on is there (tests/unit/provider/test_host_adaptation.py guards both details);
otherwise nothing changes and the host behaves as it always did.
"""

from __future__ import annotations

import gc
import sys
import threading
import time
import traceback
from concurrent.futures import ThreadPoolExecutor
from types import ModuleType
from typing import Any

from connect_numbers.errors import ConnectNumbersError

# Calls at once in one provider process, at most. The engine's --parallel bounds it first; idle
# threads cost nothing until calls need them.
HOST_WORKERS = 256
LOOKS = 10
LOOK_INTERVAL = 0.005


class _OneLineTraceback:
    def __init__(self, real: ModuleType) -> None:
        self._real = real

    def format_exc(self, *args: Any, **kwargs: Any) -> str:
        exc = sys.exc_info()[1]
        if isinstance(exc, ConnectNumbersError):
            return f"{exc}\n"
        result: str = self._real.format_exc(*args, **kwargs)
        return result

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)


def _host_main(main: ModuleType | None) -> ModuleType | None:
    main = main if main is not None else sys.modules.get("__main__")
    if main is None or not hasattr(main, "DynamicResourceProviderServicer"):
        return None
    return main


def install_one_line_errors(main: ModuleType | None = None) -> bool:
    """Patch the dynamic-provider host; True when it is (now) patched."""
    main = _host_main(main)
    if main is None:
        return False
    current = getattr(main, "traceback", None)
    if isinstance(current, _OneLineTraceback):
        return True
    if current is not traceback:
        return False
    main.traceback = _OneLineTraceback(traceback)  # type: ignore[attr-defined]
    return True


def executor_running(thread: threading.Thread) -> ThreadPoolExecutor | None:
    """The thread pool that `thread` is a worker of, if any."""
    # A pool records a new worker just after starting it, so its first task may look early.
    for _ in range(LOOKS):
        for candidate in gc.get_objects():
            if isinstance(candidate, ThreadPoolExecutor):
                threads = getattr(candidate, "_threads", None)
                if isinstance(threads, set) and thread in threads:
                    return candidate
        time.sleep(LOOK_INTERVAL)
    return None


def widen_worker_pool(
    workers: int = HOST_WORKERS,
    main: ModuleType | None = None,
    thread: threading.Thread | None = None,
) -> int | None:
    """Let the host's gRPC pool run up to `workers` calls at once; its size, or None (unchanged).

    Call it from a provider method (it must run on one of the pool's threads).
    """
    if _host_main(main) is None:
        return None
    executor = executor_running(thread or threading.current_thread())
    size = getattr(executor, "_max_workers", None)
    if executor is None or not isinstance(size, int):
        return None
    if size < workers:
        executor._max_workers = workers
        _start_threads_for_queued_calls(executor)
    return max(size, workers)


def _start_threads_for_queued_calls(executor: ThreadPoolExecutor) -> None:
    """Calls queued before the widening would wait for the old workers: start threads for them.

    A pool starts a thread when a task is queued and none is idle, so queuing one no-op task per
    waiting call starts one thread each; the calls, queued first, are taken first.
    """
    queue = getattr(executor, "_work_queue", None)
    waiting = queue.qsize() if queue is not None and hasattr(queue, "qsize") else 0
    for _ in range(waiting):
        executor.submit(_nothing)


def _nothing() -> None:
    return None


def adapt_dynamic_host() -> None:
    """Everything above, once per provider process; call it from `configure`."""
    install_one_line_errors()
    widen_worker_pool()
