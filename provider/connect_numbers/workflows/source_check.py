"""The pre-flight check of the source number: is it one that ImportPhoneNumber can import?

Why: a create that sends ImportPhoneNumber for a source that cannot be imported leaves the user
with Connect's answer at best, and a FAILED number to release at worst. End User Messaging says
beforehand what the source is, so the documented preconditions fail before any import, each as
one line naming the source, its state and what to do. Where AWS documents no precondition the
check does not invent one: it warns and lets Connect decide. Each rule and its source is in
docs/behaviour.md, "Pre-flight check of the source".

Pure: the description (or None: not found) and where the look-up was made in, a verdict out.
"""

from __future__ import annotations

from dataclasses import dataclass

from connect_numbers.errors import ConnectNumbersError, SourceNotClaimedError, SourceNotFoundError
from connect_numbers.workflows.source_number import (
    ACTIVE,
    ASSOCIATING,
    DELETED,
    DISASSOCIATING,
    PENDING,
    VOICE,
    SourceNumber,
)


@dataclass(frozen=True)
class LookedUpIn:
    """Where DescribePhoneNumbers looked: the instance's account (when an ARN names it) and the
    Region of the calls; the account of the source's own ARN, to say when they differ."""

    region: str
    instance_account: str | None
    source_account: str


@dataclass(frozen=True)
class Ok:
    """Nothing to say: import."""


@dataclass(frozen=True)
class Warn:
    """Import, and tell the user `text` (one line)."""

    text: str


@dataclass(frozen=True)
class Fail:
    """Do not import: `error` is the one line."""

    error: ConnectNumbersError


Verdict = Ok | Warn | Fail

_NOT_CLAIMED_ADVICE = {
    PENDING: (
        "A new number stays PENDING until it is ready to use (registration included): run "
        "`pulumi up` again once End User Messaging shows it ACTIVE"
    ),
    DELETED: (
        "A released number cannot be imported: request a new number in End User Messaging and "
        "set source_phone_number_arn to it"
    ),
}


def verdict(source_arn: str, found: SourceNumber | None, where: LookedUpIn) -> Verdict:
    """OK, a warning, or the failure that stops the import."""
    if found is None:
        return Fail(_not_found(source_arn, where))
    if found.status in _NOT_CLAIMED_ADVICE:
        advice = _NOT_CLAIMED_ADVICE[found.status]
        return Fail(SourceNotClaimedError(source_arn, found.status, advice))
    rules = (_status_note, _voice_note, _pool_note, _two_way_note)
    notes = [note for note in (rule(found) for rule in rules) if note]
    if not notes:
        return Ok()
    return Warn(f"source number {source_arn}: " + "; ".join(notes))


def _not_found(source_arn: str, where: LookedUpIn) -> SourceNotFoundError:
    if where.instance_account is None:
        place = f"the account of the AWS credentials in use / Region {where.region}"
        hint = ""
    else:
        place = f"account {where.instance_account} / Region {where.region}"
        hint = (
            f" (the ARN names account {where.source_account}, but the look-up uses the "
            "credentials of the instance's account)"
            if where.source_account != where.instance_account
            else ""
        )
    return SourceNotFoundError(source_arn, place, hint)


def _status_note(found: SourceNumber) -> str:
    if found.status == ACTIVE:
        return ""
    if found.status in (ASSOCIATING, DISASSOCIATING):
        return (
            f"it is {found.status} in End User Messaging (a change to it is in progress); AWS "
            "documents no rule for importing it now, so the import goes ahead, and if Connect "
            "reports FAILED, run `pulumi up` again once it is ACTIVE"
        )
    return (
        f"End User Messaging reports the status {found.status or '(none)'}, which this provider "
        "does not know; the import goes ahead"
    )


def _voice_note(found: SourceNumber) -> str:
    if VOICE in found.capabilities:
        return ""
    has = "+".join(found.capabilities) or "none"
    return (
        f"it has no VOICE capability (capabilities: {has}), so in Amazon Connect it can serve "
        "messaging but cannot take or place calls; End User Messaging cannot add capabilities to "
        "a number later"
    )


def _pool_note(found: SourceNumber) -> str:
    if not found.pool_id:
        return ""
    return (
        f"it is in End User Messaging pool {found.pool_id}, which may also send from it; AWS "
        "documents no rule for importing a pooled number, so the import goes ahead"
    )


def _two_way_note(found: SourceNumber) -> str:
    if not found.two_way_enabled or not found.two_way_channel_arn:
        return ""
    if ":connect:" in found.two_way_channel_arn:
        return ""
    return (
        f"two-way messaging sends its inbound messages to {found.two_way_channel_arn}; AWS does "
        "not document whether the import changes that, so check it after the import"
    )
