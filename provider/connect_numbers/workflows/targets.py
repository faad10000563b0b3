"""Where a number is placed: an Amazon Connect instance or a traffic distribution group (TDG).

Why: users of Connect Global Resiliency route their numbers to a TDG, which spans an instance
and its replica in another Region. ImportPhoneNumber only imports into an instance, so a number
for a TDG is imported into the TDG's own instance (DescribeTrafficDistributionGroup names it)
and then moved to the TDG with UpdatePhoneNumber(TargetArn), like any move between instances.
A number in a TDG describes with the TDG as its TargetArn (its InstanceId may still be the
TDG's instance), so being placed is decided on TargetArn whenever a TDG is involved. The
declaration is either `instance_id` (an id or an instance ARN) or `target_arn` (an instance ARN
or a TDG ARN), never both; everything here is pure.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from connect_numbers.aws.arns import (
    instance_id_of,
    is_traffic_distribution_group_arn,
    parse_instance_arn,
)
from connect_numbers.workflows.phone_number import PhoneNumber

ACTIVE = "ACTIVE"


@dataclass(frozen=True)
class TrafficDistributionGroup:
    """What DescribeTrafficDistributionGroup says that the provider uses."""

    arn: str
    instance_arn: str
    status: str


@dataclass(frozen=True)
class Target:
    """The declared place of a number.

    `instance_id` for an instance (however it was declared); `arn` is the declared `target_arn`
    ("" when the user declared `instance_id`), which UpdatePhoneNumber then receives as is.
    """

    instance_id: str = ""
    arn: str = ""

    @property
    def is_group(self) -> bool:
        return is_traffic_distribution_group_arn(self.arn)

    def holds(self, number: PhoneNumber) -> bool:
        """The number is where this target says."""
        if self.is_group:
            return number.target_arn == self.arn
        in_group = is_traffic_distribution_group_arn(number.target_arn)
        return not in_group and number.instance_id == self.instance_id


def declared_target(instance_id: str | None, target_arn: str | None) -> Target:
    """The target of checked inputs (exactly one of the two is set)."""
    if target_arn:
        if is_traffic_distribution_group_arn(target_arn):
            return Target(arn=target_arn)
        return Target(instance_id=parse_instance_arn(target_arn).resource_id, arn=target_arn)
    return Target(instance_id=instance_id_of(instance_id or ""))


def import_instance(group: TrafficDistributionGroup) -> str:
    """The instance a number for `group` is imported into: the group's own."""
    return parse_instance_arn(group.instance_arn).resource_id


# How refresh and the outputs report the target, in the form the user declared it.


def target_arn_from_live(
    number: PhoneNumber, declared_instance_id: str | None, declared_target_arn: str | None
) -> str | None:
    """`target_arn` as refresh reports it: the live target for users of `target_arn`; for users
    of `instance_id`, only a TDG the number was moved to (else they declare no target).

    The declaration read back from state repeats the outputs, where `target_arn` is always the
    live target; beside an `instance_id` it was therefore not declared.
    """
    if declared_target_arn and declared_instance_id is None:
        return number.target_arn or declared_target_arn
    return number.target_arn if is_traffic_distribution_group_arn(number.target_arn) else None


def same_target_arn(old: Any, new: Any) -> bool:
    """Diff of `target_arn`: the old value is an output, the live TargetArn, which for users of
    `instance_id` is their instance's ARN. Declaring no target asks only that the number is in
    no TDG (`instance_id` says which instance)."""
    if new is None:
        return not (isinstance(old, str) and is_traffic_distribution_group_arn(old))
    return bool(old == new)
