"""The plugin's gRPC errors (`engine.plugin.serving`): ours reach the user as their one-line
message, without the traceback the SDK's servicer appends; anything else is left as it was."""

from __future__ import annotations

from typing import Any

import grpc
import pytest

from connect_numbers.engine.plugin.serving import one_line_errors, users_error
from connect_numbers.errors import WaitTimeoutError

from .support import run


class Aborted(Exception):
    pass


class Context:
    def __init__(self) -> None:
        self.aborted: tuple[grpc.StatusCode, str] | None = None

    async def abort(self, code: grpc.StatusCode, details: str) -> None:
        self.aborted = (code, details)
        raise Aborted(details)


def _wrapped_by_the_sdk(error: Exception) -> Exception:
    """What the SDK's servicer raises: a new Exception whose message carries the traceback."""
    try:
        raise error
    except Exception as inner:
        try:
            raise Exception(f'{inner}:\n  File "provider.py", line 1, in create\n')
        except Exception as outer:
            return outer


def _call(error: Exception) -> Context:
    async def behaviour(request: Any, context: Any) -> Any:
        raise error

    context = Context()
    with pytest.raises(Exception):  # noqa: B017 - the abort, or the error left as it was
        run(one_line_errors(behaviour)(None, context))
    return context


def test_our_error_wrapped_by_the_sdk_is_answered_with_its_message_alone() -> None:
    ours = WaitTimeoutError("p-1", "IN_PROGRESS", 2.0, "run `pulumi up` again")
    context = _call(_wrapped_by_the_sdk(ours))
    assert context.aborted == (grpc.StatusCode.UNKNOWN, str(ours))
    assert "File" not in context.aborted[1]


def test_an_error_that_is_not_ours_keeps_the_sdks_answer() -> None:
    context = _call(_wrapped_by_the_sdk(KeyError("bug")))
    assert context.aborted is None


def test_users_error_finds_ours_behind_the_wrapper_and_nothing_behind_others() -> None:
    ours = WaitTimeoutError("p-1", "IN_PROGRESS", 2.0, "again")
    assert users_error(_wrapped_by_the_sdk(ours)) is ours
    assert users_error(_wrapped_by_the_sdk(ValueError("x"))) is None
