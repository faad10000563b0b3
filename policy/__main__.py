"""The connect-numbers policy pack: `pulumi preview --policy-pack <this folder>`.

The rules live in `connect_numbers_rules.py` (pure functions, unit tested); this file only binds
them to `pulumi-policy`. Stack config reaches the pack as `PULUMI_CONFIG`, which the Python
language host sets from the engine's `ConfigureStack` call before it starts the pack.
"""

from __future__ import annotations

import json
import os
from typing import Any

from connect_numbers_rules import (
    DESCRIBED,
    PHONE_NUMBER_TYPES,
    PROTECTED,
    ROUTED,
    undescribed_message,
    unprotected_message,
    unrouted_message,
)
from pulumi_policy import (
    EnforcementLevel,
    PolicyPack,
    ReportViolation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
)


def _stack_config() -> dict[str, Any]:
    try:
        config = json.loads(os.environ.get("PULUMI_CONFIG") or "{}")
    except ValueError:
        return {}
    return config if isinstance(config, dict) else {}


def _protected(args: ResourceValidationArgs, report_violation: ReportViolation) -> None:
    message = unprotected_message(
        args.name, args.resource_type, bool(args.opts.protect), _stack_config(), args.urn
    )
    if message:
        report_violation(message, args.urn)


def _described(args: ResourceValidationArgs, report_violation: ReportViolation) -> None:
    message = undescribed_message(args.name, args.resource_type, args.props)
    if message:
        report_violation(message, args.urn)


def _routed(args: ResourceValidationArgs, report_violation: ReportViolation) -> None:
    message = unrouted_message(args.name, args.resource_type, args.props)
    if message:
        report_violation(message, args.urn)


PolicyPack(
    name="connect-numbers",
    enforcement_level=EnforcementLevel.ADVISORY,
    policies=[
        ResourceValidationPolicy(
            name=PROTECTED,
            description="Imported phone numbers are protected from deletion.",
            enforcement_level=EnforcementLevel.MANDATORY,
            validate=_protected,
        ),
        ResourceValidationPolicy(
            name=DESCRIBED,
            description="Imported phone numbers have a description.",
            enforcement_level=EnforcementLevel.ADVISORY,
            validate=_described,
        ),
        ResourceValidationPolicy(
            name=ROUTED,
            description="Imported phone numbers are associated with a contact flow.",
            enforcement_level=EnforcementLevel.ADVISORY,
            validate=_routed,
        ),
    ],
    description=f"Guard rails for {', '.join(sorted(PHONE_NUMBER_TYPES))}.",
)
