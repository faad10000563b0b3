"""Every limit the provider enforces, as data, each naming where Amazon Connect states it.

Why: botocore only enforces required fields, minimum lengths and types; maximum lengths and
counts are the service's job, answered with a 400 in the middle of `pulumi up`. The provider
checks them first, so each limit is written down once here, with the request shapes of
botocore's Connect model that carry it; a test compares every one with the model. Limits the
service does not have (the wait deadline) name no shape.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class ModelRef:
    """Where botocore's `connect` model states a limit: a request member or its key/value/item."""

    shape: str
    member: str
    part: Literal["member", "key", "value", "item"] = "member"


@dataclass(frozen=True)
class Limit:
    """At most `maximum` `unit` for `subject`; `stated_in` lists the Connect requests it guards."""

    subject: str
    maximum: int
    unit: str
    stated_in: tuple[ModelRef, ...] = ()
    note: str = ""

    def text(self) -> str:
        note = f" ({self.note})" if self.note else ""
        return f"{self.subject}: at most {self.maximum} {self.unit}{note}"


INSTANCE_ID_LENGTH = Limit(
    "instance id",
    100,
    "characters",
    (
        ModelRef("ImportPhoneNumberRequest", "InstanceId"),
        ModelRef("UpdatePhoneNumberRequest", "InstanceId"),
    ),
)
DESCRIPTION_LENGTH = Limit(
    "description",
    500,
    "characters",
    (
        ModelRef("ImportPhoneNumberRequest", "PhoneNumberDescription"),
        ModelRef("UpdatePhoneNumberMetadataRequest", "PhoneNumberDescription"),
    ),
)
TAGS_PER_NUMBER = Limit(
    "tags on a number",
    50,
    "tags",
    (
        ModelRef("ImportPhoneNumberRequest", "Tags"),
        ModelRef("TagResourceRequest", "tags"),
        ModelRef("UntagResourceRequest", "tagKeys"),
    ),
)
TAG_KEY_LENGTH = Limit(
    "tag key",
    128,
    "characters",
    (
        ModelRef("ImportPhoneNumberRequest", "Tags", "key"),
        ModelRef("TagResourceRequest", "tags", "key"),
        ModelRef("UntagResourceRequest", "tagKeys", "item"),
    ),
)
TAG_VALUE_LENGTH = Limit(
    "tag value",
    256,
    "characters",
    (
        ModelRef("ImportPhoneNumberRequest", "Tags", "value"),
        ModelRef("TagResourceRequest", "tags", "value"),
    ),
)
CLIENT_TOKEN_LENGTH = Limit(
    "ClientToken",
    500,
    "characters",
    (
        ModelRef("ImportPhoneNumberRequest", "ClientToken"),
        ModelRef("UpdatePhoneNumberRequest", "ClientToken"),
        ModelRef("UpdatePhoneNumberMetadataRequest", "ClientToken"),
        ModelRef("ReleasePhoneNumberRequest", "ClientToken"),
    ),
)
# The provider's own: one wait (import, move, release) may last at most a day.
FLOW_ID_LENGTH = Limit(
    "contact flow id",
    500,
    "characters",
    (ModelRef("AssociatePhoneNumberContactFlowRequest", "ContactFlowId"),),
)
WAIT_TIMEOUT = Limit("wait", 24 * 3600, "seconds", note="24 hours")
# One tag slot on every number is taken by the owner tag that ImportPhoneNumber writes.
USER_TAGS = Limit(
    "tags",
    TAGS_PER_NUMBER.maximum - 1,
    "tags",
    note=f"Connect allows {TAGS_PER_NUMBER.maximum}; the provider's owner tag takes one",
)

# Where the service states its tag-key pattern; `input_checks.tag_key_problem` is tested
# against it (Python's `re` has no \p classes, so the rule is checked by Unicode category).
TAG_KEY_PATTERN = ModelRef("ImportPhoneNumberRequest", "Tags", "key")

ALL_LIMITS = (
    INSTANCE_ID_LENGTH,
    DESCRIPTION_LENGTH,
    TAGS_PER_NUMBER,
    TAG_KEY_LENGTH,
    TAG_VALUE_LENGTH,
    CLIENT_TOKEN_LENGTH,
    WAIT_TIMEOUT,
    USER_TAGS,
)


def client_token_problem(token: str) -> str | None:
    """ClientToken is generated, not declared; guard its documented maximum anyway."""
    if len(token) > CLIENT_TOKEN_LENGTH.maximum:
        return (
            f"ClientToken is {len(token)} characters long; the maximum is "
            f"{CLIENT_TOKEN_LENGTH.maximum}"
        )
    return None
