"""One number of the dynamic front end; `protect`, `description` and `hook` (bind the
before_delete hook of docs/policy.md) come from stack config."""

import os

import pulumi

from connect_numbers import ImportedPhoneNumber, ImportedPhoneNumberArgs


def refuse_release(args: pulumi.ResourceHookArgs) -> None:
    if os.environ.get("ALLOW_NUMBER_RELEASE") != args.name:
        raise Exception(
            f"refusing to release phone number {args.name!r}: "
            f"run again with ALLOW_NUMBER_RELEASE={args.name} to release it"
        )


config = pulumi.Config()
hooks = None
if config.get_bool("hook"):
    keep_numbers = pulumi.ResourceHook("keep-numbers", refuse_release)
    hooks = pulumi.ResourceHookBinding(before_delete=[keep_numbers])
ImportedPhoneNumber(
    "support",
    ImportedPhoneNumberArgs(
        source_phone_number_arn=config.require("source"),
        instance_id=config.require("instance"),
        description=config.get("description") or "",
    ),
    pulumi.ResourceOptions(protect=config.get_bool("protect") or False, hooks=hooks),
)
