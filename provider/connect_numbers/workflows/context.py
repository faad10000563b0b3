"""What the workflows work with: the process's side effects, and one engine call's context.

Why: side effects (client factory, clock, tokens, the preview notice) are injected through
`Runtime`, so every path is tested with botocore's Stubber and a fake clock. A workflow gets a
`WorkflowContext`: the Connect API (and End User Messaging's, for the source) for the number's
Region with the resource's deadline, the clock, the token source and the notice path; it is
built in one place, `open_context`.
"""

from __future__ import annotations

import sys
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from connect_numbers.aws import clients
from connect_numbers.aws.connect_api import ConnectApi
from connect_numbers.aws.settings import AwsSettings
from connect_numbers.aws.source_numbers_api import SourceNumbersApi
from connect_numbers.aws.throttle_retry import ThrottleRetry
from connect_numbers.pacing.waiter import Backoff, Clock


def _to_stderr(message: str) -> None:
    # The engine copies a dynamic provider's stderr into the CLI output (preview included).
    print(message, file=sys.stderr, flush=True)


def _new_token() -> str:
    return str(uuid.uuid4())


@dataclass(frozen=True)
class Runtime:
    """Everything with a side effect, replaceable in tests."""

    client_for: Callable[[clients.ClientKey], Any] = clients.connect_client
    source_client_for: Callable[[clients.ClientKey], Any] = clients.source_numbers_client
    clock: Clock = field(default_factory=Clock)
    backoff: Backoff = field(default_factory=Backoff)
    new_token: Callable[[], str] = _new_token
    notify: Callable[[str], None] = _to_stderr
    env: Mapping[str, str] | None = None


@dataclass(frozen=True)
class WorkflowContext:
    """One engine call's view: the API in the number's Region and the resource's deadline."""

    api: ConnectApi
    timeout: float
    clock: Clock
    backoff: Backoff
    new_token: Callable[[], str]
    # The resource's deadline (an instant of `clock`): this engine call's calls and waits end by it.
    deadline: float | None = None
    # End User Messaging in the same Region, settings and deadline (the source's pre-flight);
    # None only in contexts built by hand for workflows that never create.
    sources: SourceNumbersApi | None = None
    # One-line warnings for the user (the runtime's notice path).
    notify: Callable[[str], None] = _to_stderr


def open_context(
    runtime: Runtime, settings: AwsSettings, region: str, timeout: float
) -> WorkflowContext:
    deadline = runtime.clock.now() + timeout
    retry = ThrottleRetry(runtime.clock, runtime.backoff, timeout, deadline)
    key = settings.client_key(region)
    api = ConnectApi(runtime.client_for(key), retry)
    sources = SourceNumbersApi(runtime.source_client_for(key), retry)
    return WorkflowContext(
        api,
        timeout,
        runtime.clock,
        runtime.backoff,
        runtime.new_token,
        deadline,
        sources=sources,
        notify=runtime.notify,
    )
