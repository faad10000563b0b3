"""Command line: `python -m connect_local_service --port 0 --state FILE`.

The setting flags are derived from service_settings.py; only the flags about the process itself
(where to listen, where state and the endpoint go, logging) are declared here.
"""

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
from typing import Any

from connect_local_service.server.http_server import build_server, serve_in_thread
from connect_local_service.server.service_settings import (
    LocalServiceSettings,
    declared_settings,
    is_runtime,
    setting_doc,
    setting_metavar,
)
from connect_local_service.server.setting_codecs import CODECS


def cli_flag(name: str) -> str:
    return "--" + name.replace("_", "-")


def _checked(parse: Any, metavar: str | None) -> Any:
    def parse_checked(text: str) -> Any:
        try:
            return parse(text)
        except ValueError as exc:
            raise argparse.ArgumentTypeError(f"expected {metavar}, got {text!r}") from exc

    return parse_checked


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m connect_local_service",
        description="Local Amazon Connect phone-number service (see docs/local-service.md).",
    )
    p.add_argument("--host", default="127.0.0.1", help="bind address")
    p.add_argument("--port", type=int, default=0, help="0 picks a free port")
    p.add_argument("--state", required=True, type=Path, help="SQLite state file")
    p.add_argument(
        "--endpoint-file", type=Path, default=None, help="write the URL here before serving"
    )
    p.add_argument("--log-level", default="WARNING", help="Python logging level on stderr")
    defaults = LocalServiceSettings()
    for declared in declared_settings():
        codec = CODECS[str(declared.type)]
        flag, doc = cli_flag(declared.name), setting_doc(declared)
        if codec.cli_form == "flag":
            p.add_argument(flag, action="store_true", help=doc)
            continue
        metavar = setting_metavar(declared) or codec.metavar
        kwargs: dict[str, Any] = {"type": _checked(codec.parse, metavar), "help": doc}
        if metavar:
            kwargs["metavar"] = metavar
        if codec.cli_form == "repeat":
            p.add_argument(flag, action="append", default=[], **kwargs)
        else:
            p.add_argument(flag, default=getattr(defaults, declared.name), **kwargs)
    return p


def settings_from(args: argparse.Namespace) -> LocalServiceSettings:
    values = {declared.name: getattr(args, declared.name) for declared in declared_settings()}
    for declared in declared_settings():
        if CODECS[str(declared.type)].cli_form == "repeat":
            values[declared.name] = dict(values[declared.name])
    return LocalServiceSettings(**values)


def flags_table() -> str:
    """The markdown table of docs/local-service.md, generated from the parser."""
    runtime = {cli_flag(d.name): is_runtime(d) for d in declared_settings()}
    codecs = {cli_flag(d.name): CODECS[str(d.type)] for d in declared_settings()}
    rows = ["| flag | default | admin `settings` | meaning |", "| --- | --- | --- | --- |"]
    for action in parser()._actions:
        if not action.option_strings or action.dest == "help":
            continue
        flag = action.option_strings[0]
        shown = f"`{flag} {action.metavar}`" if action.metavar else f"`{flag}`"
        codec = codecs.get(flag)
        if action.required:
            default = "required"
        elif codec is not None:
            default = codec.shown_default(action.default)
        else:
            default = "none" if action.default is None else str(action.default)
        admin = "yes" if runtime.get(flag) else "no"
        rows.append(f"| {shown} | {default} | {admin} | {action.help} |")
    return "\n".join(rows) + "\n"


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
