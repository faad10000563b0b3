"""The language host's RunPlugin for a policy pack (kind analyzer), without the CLI: the test
plays the engine against a stand-in pack that reports what it was started with."""

from __future__ import annotations

import json
import sys
import textwrap
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import grpc
import pytest
from google.protobuf import empty_pb2
from pulumi.runtime.proto import analyzer_pb2, analyzer_pb2_grpc, language_pb2

LANGHOST = Path(__file__).resolve().parents[3] / "tools" / "langhost"

# Serves GetAnalyzerInfo with its own environment and arguments in `description`, and
# ConfigureStack by recording the tags it was sent.
_PACK = textwrap.dedent(
    """
    import json, os, sys, time
    from concurrent import futures
    import grpc
    from pulumi.runtime.proto import analyzer_pb2, analyzer_pb2_grpc

    tags = {}

    class Pack(analyzer_pb2_grpc.AnalyzerServicer):
        def ConfigureStack(self, request, context):
            tags.update(request.tags)
            return analyzer_pb2.AnalyzerStackConfigureResponse()

        def GetAnalyzerInfo(self, request, context):
            seen = {k: v for k, v in os.environ.items() if k.startswith("PULUMI_")}
            return analyzer_pb2.AnalyzerInfo(name="stand-in", description=json.dumps(
                {"env": seen, "argv": sys.argv, "cwd": os.getcwd(), "tags": tags}))

    server = grpc.server(futures.ThreadPoolExecutor(max_workers=2))
    analyzer_pb2_grpc.add_AnalyzerServicer_to_server(Pack(), server)
    port = server.add_insecure_port("127.0.0.1:0")
    server.start()
    print(port, flush=True)
    print("after the port", flush=True)
    while True:
        time.sleep(1)
    """
)


class _Context:
    def __init__(self) -> None:
        self.callbacks: list[Callable[[], Any]] = []
        self.active = True

    def add_callback(self, callback: Callable[[], Any]) -> None:
        self.callbacks.append(callback)

    def is_active(self) -> bool:
        return self.active

    def end(self) -> None:
        self.active = False
        for callback in self.callbacks:
            callback()


@pytest.fixture
def host() -> Iterator[Any]:
    sys.path.insert(0, str(LANGHOST))
    try:
        import pulumi_language_python

        yield pulumi_language_python.LanguageHost("127.0.0.1:1", exec_script="unused")
    finally:
        sys.path.remove(str(LANGHOST))


def _run(host: Any, request: language_pb2.RunPluginRequest) -> tuple[list[Any], _Context, Any]:
    """Starts RunPlugin in a thread; returns its responses so far, the context and the thread."""
    context = _Context()
    responses: list[Any] = []
    first = threading.Event()

    def consume() -> None:
        for response in host.RunPlugin(request, context):
            responses.append(response)
            first.set()

    thread = threading.Thread(target=consume, daemon=True)
    thread.start()
    assert first.wait(30)
    return responses, context, thread


def test_a_pack_starts_after_configure_stack_with_the_stack_in_its_environment(
    host: Any, tmp_path: Path
) -> None:
    (tmp_path / "__main__.py").write_text(_PACK)
    request = language_pb2.RunPluginRequest(
        kind="analyzer",
        args=["127.0.0.1:1"],
        pwd=str(tmp_path.parent),
        info=language_pb2.ProgramInfo(program_directory=str(tmp_path)),
    )
    responses, context, thread = _run(host, request)
    try:
        port = int(responses[0].stdout.decode().strip())
        analyzer = analyzer_pb2_grpc.AnalyzerStub(grpc.insecure_channel(f"127.0.0.1:{port}"))
        analyzer.Handshake(analyzer_pb2.AnalyzerHandshakeRequest(engine_address="127.0.0.1:1"))
        analyzer.ConfigureStack(
            analyzer_pb2.AnalyzerStackConfigureRequest(
                project="numbers",
                stack="prod",
                dry_run=True,
                config={"connect-numbers:allowUnprotected": "true"},
                tags={"team": "care"},
            )
        )
        info = analyzer.GetAnalyzerInfo(empty_pb2.Empty(), timeout=60)
    finally:
        context.end()
        thread.join(30)

    seen = json.loads(info.description)
    assert seen["env"]["PULUMI_PROJECT"] == "numbers"
    assert seen["env"]["PULUMI_STACK"] == "prod"
    assert seen["env"]["PULUMI_DRY_RUN"] == "true"
    assert json.loads(seen["env"]["PULUMI_CONFIG"]) == {"connect-numbers:allowUnprotected": "true"}
    assert "PULUMI_ORGANIZATION" not in seen["env"]  # empty: left out
    assert seen["tags"] == {"team": "care"}  # the saved ConfigureStack reached the pack
    assert Path(seen["cwd"]) == tmp_path  # the pack's folder, not the engine's
    assert seen["argv"][-2:] == ["127.0.0.1:1", str(tmp_path)]  # ARGS, then the folder
    # The pack's own port line went to the proxy; later output is the engine's to show.
    stdout = b"".join(r.stdout for r in responses[1:])
    assert stdout.strip() == b"after the port"


def test_a_pack_that_exits_without_a_port_fails_the_calls_instead_of_hanging(
    host: Any, tmp_path: Path
) -> None:
    (tmp_path / "__main__.py").write_text("raise SystemExit(3)\n")
    request = language_pb2.RunPluginRequest(
        kind="analyzer",
        args=["127.0.0.1:1"],
        info=language_pb2.ProgramInfo(program_directory=str(tmp_path)),
    )
    responses, context, thread = _run(host, request)
    try:
        port = int(responses[0].stdout.decode().strip())
        analyzer = analyzer_pb2_grpc.AnalyzerStub(grpc.insecure_channel(f"127.0.0.1:{port}"))
        with pytest.raises(grpc.RpcError) as refused:
            analyzer.GetPluginInfo(empty_pb2.Empty(), timeout=60)
        thread.join(30)
    finally:
        context.end()
    assert refused.value.code() in {grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.CANCELLED}
    assert responses[-1].exitcode == 3


def test_a_plain_plugin_still_runs_as_python_folder_args_in_the_engines_directory(
    host: Any, tmp_path: Path
) -> None:
    plugin = tmp_path / "plugin"
    plugin.mkdir()
    (plugin / "__main__.py").write_text(
        "import os, sys\nprint(os.getcwd(), *sys.argv[1:])\nraise SystemExit(5)\n"
    )
    request = language_pb2.RunPluginRequest(
        args=["a", "b"],
        pwd=str(tmp_path),
        info=language_pb2.ProgramInfo(program_directory=str(plugin)),
    )
    responses, context, thread = _run(host, request)
    thread.join(30)
    context.end()
    assert b"".join(r.stdout for r in responses).decode().split() == [str(tmp_path), "a", "b"]
    assert responses[-1].exitcode == 5
