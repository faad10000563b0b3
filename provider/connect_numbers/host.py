"""Make expected errors reach the user as one line, not a Python traceback.

Why: the dynamic-provider host (`python -m pulumi.dynamic`, pulumi 3.272.0) wraps every provider
method and answers any exception with `traceback.format_exc()`, which the CLI prints in full.
For our own errors (`ConnectNumbersError`) the traceback is noise in front of the one sentence
that matters. The host looks `traceback` up as a global of its `__main__` module at call time,
so we give that module a stand-in whose `format_exc` returns just the message for our errors
and defers to the real one for everything else (bugs keep their traceback). The stand-in is
installed only when the running `__main__` is recognisably that host; otherwise nothing changes.
"""

from __future__ import annotations

import sys
import traceback
from types import ModuleType
from typing import Any

from .errors import ConnectNumbersError


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


def install_one_line_errors(main: ModuleType | None = None) -> bool:
    """Patch the dynamic-provider host; True when it is (now) patched."""
    main = main if main is not None else sys.modules.get("__main__")
    if main is None or not hasattr(main, "DynamicResourceProviderServicer"):
        return False
    current = getattr(main, "traceback", None)
    if isinstance(current, _OneLineTraceback):
        return True
    if current is not traceback:
        return False
    main.traceback = _OneLineTraceback(traceback)  # type: ignore[attr-defined]
    return True
