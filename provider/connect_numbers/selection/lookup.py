"""The lookup: the End User Messaging numbers a selection matches, read once per program run.

Why here and not in a provider: the selection decides which resources the program declares, so
it must be known while the program runs, in preview too. It reads only (DescribePhoneNumbers,
paged; ListTagsForResource for each candidate when tags are asked for), through a client with
the same settings and per-operation budget as the provider's (`aws.clients`).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from typing import Any

import pulumi

from connect_numbers.aws import clients
from connect_numbers.aws.settings import AwsSettings, from_config
from connect_numbers.aws.source_numbers_api import SourceNumbersApi
from connect_numbers.aws.throttle_retry import ThrottleRetry
from connect_numbers.selection.criteria import Selection, SelectionError, matches_tags
from connect_numbers.workflows.source_number import SourceNumber

# The program's whole lookup must end within this many seconds of throttling.
LOOKUP_TIMEOUT = 120.0


def matching(selection: Selection, api: SourceNumbersApi) -> list[SourceNumber]:
    """Every number the selection matches, ordered by ARN (the order never names a resource)."""
    candidates = [
        number
        for number in api.list_numbers(selection.filters())
        if set(selection.capabilities) <= set(number.capabilities)
    ]
    if selection.tags:
        candidates = [
            n for n in candidates if matches_tags(selection.tags, api.tags_of(n.phone_number_arn))
        ]
    return sorted(candidates, key=lambda number: number.phone_number_arn)


def source_numbers_api(
    region: str, settings: AwsSettings, client_for: Callable[[clients.ClientKey], Any] | None = None
) -> SourceNumbersApi:
    make = client_for or clients.source_numbers_client
    client = make(settings.client_key(region))
    return SourceNumbersApi(client, ThrottleRetry(timeout=LOOKUP_TIMEOUT))


class _StackConfig:
    """`aws:region`-style keys read from the program's stack config."""

    def get(self, key: str) -> object:
        namespace, _, name = key.partition(":")
        return pulumi.Config(namespace).get(name)


def find_source_numbers(
    selection: Selection,
    region: str | None = None,
    settings: AwsSettings | None = None,
    env: Mapping[str, str] | None = None,
) -> list[SourceNumber]:
    """The numbers `selection` matches, in the program's Region and account (stack config
    `aws:region` or `connect-numbers:region`, else AWS_REGION), with its endpoint and budgets."""
    settings = settings or from_config(_StackConfig())
    where = region or settings.region or _configured_region(env if env is not None else os.environ)
    if not where:
        raise SelectionError(
            "selection needs a Region: set aws:region (or connect-numbers:region) in stack "
            "config, or AWS_REGION"
        )
    return matching(selection, source_numbers_api(where, settings))


def _configured_region(env: Mapping[str, str]) -> str | None:
    plugin_region = pulumi.Config("connect-numbers").get("region")
    return plugin_region or env.get("AWS_REGION") or env.get("AWS_DEFAULT_REGION")
