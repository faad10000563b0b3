"""Adapting Pulumi's dynamic-provider host from inside the provider process.

One-line errors rely on the host formatting errors with its module-global `traceback`, which
pulumi's host does from 3.260.0 on; before that it has no such global and nothing is patched.
The widening of the host's gRPC pool relies on two details, each guarded here: the installed
pulumi SDK's host serves gRPC from a `concurrent.futures.ThreadPoolExecutor`, and CPython's
executor keeps its workers in `_threads`, its queue in `_work_queue` and reads `_max_workers`
each time a call is queued. When a detail is absent, nothing changes.
"""

from __future__ import annotations

import importlib.util
import threading
import traceback
from concurrent.futures import ThreadPoolExecutor
from importlib.metadata import version
from pathlib import Path
from types import ModuleType

from connect_numbers.engine.dynamic import host
from connect_numbers.errors import ImportFailedError

PULUMI_VERSION = tuple(int(part) for part in version("pulumi").split(".")[:3])
ONE_LINE_ERRORS_SINCE = (3, 260, 0)


def host_source() -> str:
    # Read, not imported: importing the host module starts its gRPC server.
    spec = importlib.util.find_spec("pulumi.dynamic.__main__")
    assert spec is not None and spec.origin is not None
    return Path(spec.origin).read_text()


def fake_host_main() -> ModuleType:
    main = ModuleType("__main__")
    main.DynamicResourceProviderServicer = object  # type: ignore[attr-defined]
    main.traceback = traceback  # type: ignore[attr-defined]
    return main


def test_the_sdk_host_serves_grpc_from_a_thread_pool_executor() -> None:
    source = host_source()
    assert "class DynamicResourceProviderServicer" in source
    assert "futures.ThreadPoolExecutor(" in source


def test_the_sdk_host_formats_errors_through_its_module_global_traceback_from_3_260() -> None:
    source = host_source()
    if PULUMI_VERSION >= ONE_LINE_ERRORS_SINCE:
        assert "traceback.format_exc()" in source
    else:
        assert "import traceback" not in source
        without_traceback = ModuleType("__main__")
        without_traceback.DynamicResourceProviderServicer = object  # type: ignore[attr-defined]
        assert host.install_one_line_errors(without_traceback) is False


def test_in_the_host_our_errors_are_reported_as_one_line() -> None:
    main = fake_host_main()
    assert host.install_one_line_errors(main) is True
    try:
        raise ImportFailedError("pn-1", "carrier refused", cleaned_up=True)
    except ImportFailedError:
        text = main.traceback.format_exc()  # type: ignore[attr-defined]
    assert text.count("\n") == 1 and "carrier refused" in text and "Traceback" not in text


def test_in_the_host_unexpected_errors_keep_their_traceback() -> None:
    main = fake_host_main()
    host.install_one_line_errors(main)
    try:
        raise KeyError("bug")
    except KeyError:
        text = main.traceback.format_exc()  # type: ignore[attr-defined]
    assert text.startswith("Traceback")


def test_outside_the_host_no_errors_are_patched() -> None:
    assert host.install_one_line_errors(ModuleType("__main__")) is False


def test_the_sdk_host_caps_its_pool_at_four_workers_which_is_why_we_widen_it() -> None:
    assert "ThreadPoolExecutor(max_workers=4)" in host_source()


def test_cpython_thread_pools_have_the_attributes_the_widening_uses() -> None:
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(lambda: None).result()
        assert isinstance(pool._max_workers, int)
        assert isinstance(pool._threads, set)
        assert pool._work_queue.qsize() == 0


def test_a_call_on_a_pool_thread_widens_that_pool_so_more_calls_run_at_once() -> None:
    in_flight = threading.Barrier(3, timeout=5)
    with ThreadPoolExecutor(max_workers=1) as pool:
        size = pool.submit(host.widen_worker_pool, 8, fake_host_main()).result()
        calls = [pool.submit(in_flight.wait) for _ in range(3)]
        assert all(call.result() is not None for call in calls)  # a 1-worker pool would block
    assert size == 8


def test_calls_queued_before_the_widening_get_threads_of_their_own() -> None:
    queued = threading.Event()
    in_flight = threading.Barrier(4, timeout=5)

    def widen_then_wait() -> int:
        queued.wait(timeout=5)
        host.widen_worker_pool(8, fake_host_main())
        return in_flight.wait()

    with ThreadPoolExecutor(max_workers=1) as pool:
        first = pool.submit(widen_then_wait)
        waiting = [pool.submit(in_flight.wait) for _ in range(3)]
        queued.set()
        assert sorted(call.result() for call in [first, *waiting]) == [0, 1, 2, 3]


def test_widening_never_shrinks_a_larger_pool() -> None:
    with ThreadPoolExecutor(max_workers=300) as pool:
        size = pool.submit(host.widen_worker_pool, 8, fake_host_main()).result()
        assert pool._max_workers == 300
    assert size == 300


def test_outside_the_dynamic_host_nothing_is_widened() -> None:
    with ThreadPoolExecutor(max_workers=1) as pool:
        not_host = ModuleType("__main__")
        assert pool.submit(host.widen_worker_pool, 8, not_host).result() is None
        assert pool._max_workers == 1


def test_off_the_pools_threads_nothing_is_widened_and_nothing_breaks() -> None:
    assert host.widen_worker_pool(8, fake_host_main()) is None


def test_a_pool_without_the_cpython_detail_is_left_as_it_is() -> None:
    with ThreadPoolExecutor(max_workers=1) as pool:

        def widen_without_detail() -> int | None:
            del pool._max_workers
            try:
                return host.widen_worker_pool(8, fake_host_main())
            finally:
                pool._max_workers = 1

        assert pool.submit(widen_without_detail).result() is None
