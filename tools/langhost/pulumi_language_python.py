"""A minimal Pulumi language host for Python programs, for machines with no internet.

Why this exists: the engine runs Python programs through a language plugin,
``pulumi-language-python``. Upstream ships it as a Go module with no version tags,
and the Go module proxy reachable here serves no version of it, so it cannot be
built offline. The engine only needs a handful of RPCs from a language host to run
``preview``/``up``/``refresh``/``destroy``: this file implements those and answers
UNIMPLEMENTED for the rest (the engine falls back where that is allowed).

The program itself is run by the SDK's own ``pulumi-language-python-exec`` script
(copied from the Go module cache by ``scripts/setup.sh``), exactly as the upstream
host does, so the Python SDK sees the same arguments and environment.

A plugin from source (a folder with ``PulumiPlugin.yaml`` and ``__main__.py``, the route
``pulumi package add <path>`` records) is run as the upstream host runs it:
``python <folder> ARGS...`` in the engine's working directory, its output streamed back.
Unlike upstream, dependencies are never installed: the interpreter is the project's
virtualenv, or this host's own, which already has what the plugin needs.
"""

from __future__ import annotations

import json
import os
import queue
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent import futures
from typing import IO, Any

import grpc
from google.protobuf import empty_pb2, json_format
from policy_proxy import PolicyProxy, stack_env
from pulumi.runtime.proto import language_pb2, language_pb2_grpc, plugin_pb2

# Exit code the exec script uses after it has already shown the user a message.
_EXIT_AFTER_USER_MESSAGE = 32
_HOST_VERSION = "3.272.0"
# `RunPluginRequest.kind` of a policy pack (apitype.AnalyzerPlugin).
_ANALYZER = "analyzer"


def _python_for(info: language_pb2.ProgramInfo) -> str:
    """The interpreter for the program: the project's virtualenv if it names one."""
    options: dict[str, Any] = json_format.MessageToDict(info.options) if info.options else {}
    venv = options.get("virtualenv") or os.environ.get("PULUMI_RUNTIME_VIRTUALENV")
    if venv:
        root = info.root_directory or os.getcwd()
        venv_path = venv if os.path.isabs(venv) else os.path.join(root, venv)
        return os.path.join(venv_path, "bin", "python")
    return os.environ.get("PULUMI_PYTHON_CMD") or sys.executable


class LanguageHost(language_pb2_grpc.LanguageRuntimeServicer):
    def __init__(self, engine_address: str, exec_script: str) -> None:
        self._engine_address = engine_address
        self._exec_script = exec_script
        self._programs: set[subprocess.Popen[bytes]] = set()
        self._lock = threading.Lock()

    def kill_programs(self) -> None:
        with self._lock:
            for program in self._programs:
                program.kill()

    def GetPluginInfo(self, request: empty_pb2.Empty, context: Any) -> plugin_pb2.PluginInfo:
        return plugin_pb2.PluginInfo(version=_HOST_VERSION)

    def GetRequiredPlugins(
        self, request: language_pb2.GetRequiredPluginsRequest, context: Any
    ) -> language_pb2.GetRequiredPluginsResponse:
        # Plugins are provisioned by the project's set-up, never downloaded at run time.
        return language_pb2.GetRequiredPluginsResponse()

    def GetRequiredPackages(
        self, request: language_pb2.GetRequiredPackagesRequest, context: Any
    ) -> language_pb2.GetRequiredPackagesResponse:
        return language_pb2.GetRequiredPackagesResponse()

    def GetProgramDependencies(
        self, request: language_pb2.GetProgramDependenciesRequest, context: Any
    ) -> language_pb2.GetProgramDependenciesResponse:
        return language_pb2.GetProgramDependenciesResponse()

    def About(self, request: language_pb2.AboutRequest, context: Any) -> language_pb2.AboutResponse:
        python = _python_for(request.info)
        return language_pb2.AboutResponse(executable=python, version=sys.version.split()[0])

    def InstallDependencies(
        self, request: language_pb2.InstallDependenciesRequest, context: Any
    ) -> Iterator[language_pb2.InstallDependenciesResponse]:
        python = _python_for(request.info)
        if not os.path.exists(python):
            context.abort(
                grpc.StatusCode.FAILED_PRECONDITION,
                f"{python} does not exist: this language host installs no dependencies",
            )
        yield from ()

    def RunPlugin(
        self, request: language_pb2.RunPluginRequest, context: Any
    ) -> Iterator[language_pb2.RunPluginResponse]:
        info = request.info
        folder = info.program_directory or request.program
        if request.kind == _ANALYZER:
            yield from self._run_policy_pack(request, folder, context)
            return
        args = [_python_for(info), "-u", folder, *request.args]
        yield from self._stream(args, request.pwd or folder, _env(request, {}), context)

    def _run_policy_pack(
        self, request: language_pb2.RunPluginRequest, folder: str, context: Any
    ) -> Iterator[language_pb2.RunPluginResponse]:
        """`python -u -m pulumi.policy ARGS FOLDER` in the pack's folder, as upstream runs a
        policy pack, with the stack's configuration in its environment (see policy_proxy)."""
        proxy = PolicyProxy()
        context.add_callback(proxy.stop)
        try:
            # The engine reads the first line as the analyzer's port: the proxy's, for now.
            yield language_pb2.RunPluginResponse(stdout=f"{proxy.port}\n".encode())
            config = proxy.await_configuration(context.is_active)
            args = [_python_for(request.info), "-u", "-m", "pulumi.policy", *request.args, folder]
            env = _env(request, stack_env(config))
            yield from self._stream(args, folder, env, context, on_port=proxy)
        finally:
            proxy.stop()

    def _stream(
        self,
        args: list[str],
        cwd: str,
        env: dict[str, str],
        context: Any,
        on_port: PolicyProxy | None = None,
    ) -> Iterator[language_pb2.RunPluginResponse]:
        """Runs a plugin, streaming its output back; with `on_port`, its first stdout line is
        the port it serves on, handed to the proxy instead of the engine."""
        plugin = subprocess.Popen(
            args,
            cwd=cwd,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        with self._lock:
            self._programs.add(plugin)
        context.add_callback(plugin.kill)
        chunks: queue.Queue[tuple[str, bytes]] = queue.Queue()
        pumps = [
            threading.Thread(
                target=_pump,
                args=(stream, name, chunks, on_port if name == "stdout" else None),
                daemon=True,
            )
            for stream, name in ((plugin.stdout, "stdout"), (plugin.stderr, "stderr"))
        ]
        for pump in pumps:
            pump.start()
        open_streams = len(pumps)
        try:
            while open_streams:
                name, chunk = chunks.get()
                if not chunk:
                    open_streams -= 1
                    continue
                yield language_pb2.RunPluginResponse(**{name: chunk})
            yield language_pb2.RunPluginResponse(exitcode=plugin.wait())
        finally:
            with self._lock:
                self._programs.discard(plugin)

    def Run(self, request: language_pb2.RunRequest, context: Any) -> language_pb2.RunResponse:
        info = request.info
        program_dir = info.program_directory or request.pwd or os.getcwd()
        entry = info.entry_point or "."
        program = program_dir if entry == "." else os.path.join(program_dir, entry)
        args = [
            _python_for(info),
            "-u",
            self._exec_script,
            "--monitor",
            request.monitor_address,
            "--engine",
            self._engine_address,
            "--project",
            request.project,
            "--stack",
            request.stack,
            "--pwd",
            request.pwd or program_dir,
            "--dry_run",
            "true" if request.dryRun else "false",
            "--parallel",
            str(request.parallel),
            "--organization",
            request.organization,
            "--root_directory",
            info.root_directory or program_dir,
            program,
            *request.args,
        ]
        env = dict(os.environ)
        env["PULUMI_CONFIG"] = json.dumps(dict(request.config))
        env["PULUMI_CONFIG_SECRET_KEYS"] = json.dumps(list(request.configSecretKeys))
        program_process = subprocess.Popen(args, env=env, cwd=request.pwd or program_dir)
        with self._lock:
            self._programs.add(program_process)
        try:
            returncode = program_process.wait()
        finally:
            with self._lock:
                self._programs.discard(program_process)
        if returncode == 0:
            return language_pb2.RunResponse()
        if returncode == _EXIT_AFTER_USER_MESSAGE:
            return language_pb2.RunResponse(bail=True)
        return language_pb2.RunResponse(
            error=f"Program exited with non-zero exit code: {returncode}"
        )


def _env(request: language_pb2.RunPluginRequest, extra: dict[str, str]) -> dict[str, str]:
    """This host's environment, then `extra`, then the engine's own variables for the plugin."""
    env = {**os.environ, **extra}
    env.update(entry.split("=", 1) for entry in request.env if "=" in entry)
    return env


def _pump(
    stream: IO[bytes] | None,
    name: str,
    chunks: queue.Queue[tuple[str, bytes]],
    on_port: PolicyProxy | None = None,
) -> None:
    """Copies one of a plugin's output streams to `chunks`; an empty chunk marks its end.

    With `on_port`, the first line (a policy pack's port) goes to the proxy instead."""
    pending = b""
    if stream is not None:
        while chunk := os.read(stream.fileno(), 65536):
            if on_port is not None:
                pending += chunk
                line, newline, rest = pending.partition(b"\n")
                if not newline:
                    continue
                try:
                    on_port.attach(int(line.strip()))
                except ValueError:
                    on_port.fail(f"the policy pack printed no port: {line[:200]!r}")
                    rest = pending
                on_port, chunk = None, rest
                if not chunk:
                    continue
            chunks.put((name, chunk))
    if on_port is not None:
        on_port.fail("the policy pack exited before it printed its port")
        if pending:
            chunks.put((name, pending))
    chunks.put((name, b""))


def _watch_engine(address: str, host: LanguageHost) -> None:
    """Exit when the engine is gone (killed, not shut down cleanly), with the program it ran.

    A killed engine cannot end its plugins; without this the host and the program would linger
    for ever, waiting on an engine that no longer answers.
    """
    engine_host, _, port = address.rpartition(":")
    misses = 0
    while misses < 3:
        time.sleep(1.0)
        try:
            with socket.create_connection((engine_host, int(port)), timeout=1.0):
                misses = 0
        except OSError:
            misses += 1
    host.kill_programs()
    os._exit(1)


def main(argv: list[str]) -> int:
    positional = [a for a in argv if not a.startswith("-")]
    if not positional:
        print("usage: pulumi-language-python [flags] ENGINE_ADDRESS", file=sys.stderr)
        return 2
    exec_script = os.environ.get("PULUMI_LANGUAGE_PYTHON_EXEC", "")
    if not os.path.isfile(exec_script):
        print(
            "pulumi-language-python-exec not found; run scripts/setup.sh "
            f"(PULUMI_LANGUAGE_PYTHON_EXEC={exec_script!r})",
            file=sys.stderr,
        )
        return 1
    # Each running program or plugin holds a worker for as long as it runs.
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=16))
    host = LanguageHost(positional[-1], exec_script)
    language_pb2_grpc.add_LanguageRuntimeServicer_to_server(host, server)
    port = server.add_insecure_port("127.0.0.1:0")
    server.start()
    print(port, flush=True)
    threading.Thread(target=_watch_engine, args=(positional[-1], host), daemon=True).start()
    # The engine ends plugins with a signal once the run is over: stop quietly.
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: server.stop(grace=None))
    server.wait_for_termination()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
