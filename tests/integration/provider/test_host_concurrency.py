"""Pulumi's own dynamic-provider host runs more than four provider calls at once.

The host (`python -m pulumi.dynamic`, what Pulumi's `pulumi-resource-pulumi-python` script runs)
serves gRPC from a pool of four workers. The provider widens it from `configure`; this test
starts the upstream host exactly as the engine does, speaks its gRPC protocol, and sends creates
that each wait until IN_FLIGHT of them run at once.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import grpc
import pytest
from google.protobuf import struct_pb2
from pulumi.dynamic.dynamic import serialize_provider
from pulumi.runtime.proto import provider_pb2, provider_pb2_grpc

from tests.support.concurrent_provider import IN_FLIGHT_ENV, ConcurrentProvider
from tests.support.engine import REPO

IN_FLIGHT = 12  # three times the host's four workers


@pytest.fixture
def host_stub() -> Iterator[provider_pb2_grpc.ResourceProviderStub]:
    env = {**os.environ, "PYTHONPATH": str(REPO), IN_FLIGHT_ENV: str(IN_FLIGHT)}
    host = subprocess.Popen(
        [sys.executable, "-u", "-m", "pulumi.dynamic"],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert host.stdout is not None
        port = int(host.stdout.readline().strip())
        with grpc.insecure_channel(f"127.0.0.1:{port}") as channel:
            stub = provider_pb2_grpc.ResourceProviderStub(channel)
            stub.Configure(provider_pb2.ConfigureRequest(args=struct_pb2.Struct()))
            yield stub
    finally:
        host.kill()
        host.wait()


def create_request(provider: str, value: int) -> provider_pb2.CreateRequest:
    properties = struct_pb2.Struct()
    properties.update({"__provider": provider, "value": str(value)})
    return provider_pb2.CreateRequest(
        urn=f"urn:pulumi:test::concurrency::pulumi-python:dynamic:Resource::r{value}",
        properties=properties,
    )


def test_the_upstream_host_runs_more_creates_at_once_than_its_four_workers(
    host_stub: provider_pb2_grpc.ResourceProviderStub,
) -> None:
    provider = serialize_provider(ConcurrentProvider())
    with ThreadPoolExecutor(max_workers=IN_FLIGHT) as engine:
        answers = list(
            engine.map(
                lambda n: host_stub.Create(create_request(provider, n), timeout=30),
                range(IN_FLIGHT),
            )
        )
    assert sorted(a.id for a in answers) == sorted(f"created-{n}" for n in range(IN_FLIGHT))
