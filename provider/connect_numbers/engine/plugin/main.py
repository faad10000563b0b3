"""`pulumi-resource-connect-numbers`: the executable the CLI starts as the plugin.

Why a script entry point: `pip install connect-numbers` then puts it on PATH, where the CLI finds
it as an ambient plugin; no plugin download, no registry.
"""

from __future__ import annotations

import sys
from importlib.metadata import PackageNotFoundError, version

from connect_numbers.engine.plugin.engine_log import EngineLog
from connect_numbers.engine.plugin.provider import ImportedPhoneNumberPlugin
from connect_numbers.engine.plugin.serving import serve


def _version() -> str:
    try:
        return version("connect-numbers")
    except PackageNotFoundError:
        return "0.0.0"


def _engine_address(args: list[str]) -> str | None:
    """The CLI passes the engine's address as the first argument that is not a flag."""
    return next((arg for arg in args if not arg.startswith("-")), None)


def main() -> None:
    args = sys.argv[1:]
    provider = ImportedPhoneNumberPlugin(_version(), log=EngineLog(_engine_address(args)))
    serve(args, _version(), provider)


if __name__ == "__main__":
    main()
