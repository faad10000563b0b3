"""The Pulumi package schema of the `connect-numbers` plugin, generated from the input spec.

Why: SDKs, `pulumi import`'s generated code and the CLI's type checks read the schema, so it must
say exactly what `NumberInputs` says (under the camelCase names of `wire_names`); deriving it
from `INPUTS` (and the computed outputs) keeps one home for every input. Pure: no I/O, the
plugin's `get_schema` serialises it.
"""

from __future__ import annotations

from typing import Any

from connect_numbers.engine.outputs import COMPUTED
from connect_numbers.inputs.declaration import InputSpec
from connect_numbers.inputs.spec import INPUTS, USER_INPUTS
from connect_numbers.inputs.wire_names import wire_name
from connect_numbers.workflows.ownership import GENERATION_OUTPUT

PACKAGE = "connect-numbers"
RESOURCE_TOKEN = f"{PACKAGE}:index:ImportedPhoneNumber"
NODE_PACKAGE = "connect-numbers"
GO_IMPORT_PATH = "connectnumbers.local/sdk/go/connectnumbers"

_TYPES: dict[str, dict[str, Any]] = {
    "text": {"type": "string"},
    "flag": {"type": "boolean"},
    "number": {"type": "number"},
    "map": {"type": "object", "additionalProperties": {"type": "string"}},
}

# The provider's configuration: `connect-numbers:<key>` in stack config, or an explicit
# provider's inputs; read by `aws.settings.from_config` with `PROVIDER_ARG_KEYS`.
CONFIG: dict[str, dict[str, Any]] = {
    "region": {"type": "string", "description": "The AWS Region when no ARN names one."},
    "profile": {"type": "string", "description": "The AWS shared-config profile."},
    "endpoint": {
        "type": "string",
        "description": "The Connect endpoint URL, e.g. the local service's.",
    },
    "apiRateLimit": {
        "type": "number",
        "description": "Requests per second for every Connect operation (default 2).",
    },
    "apiBurstLimit": {
        "type": "number",
        "description": "Burst of requests for every Connect operation (default 5).",
    },
    "apiLimits": {
        "type": "object",
        "additionalProperties": {"$ref": "pulumi.json#/Any"},
        "description": 'Per operation: {"DescribePhoneNumber": {"rateLimit": 10, '
        '"burstLimit": 20}}.',
    },
}


def property_type(spec: InputSpec) -> dict[str, Any]:
    return dict(_TYPES[spec.kind])


def _input(spec: InputSpec) -> dict[str, Any]:
    return {**property_type(spec), "description": spec.facts.doc}


def resource_schema() -> dict[str, Any]:
    properties = {wire_name(spec.name): _input(spec) for spec in INPUTS}
    properties.update(
        {wire_name(c.name): {"type": "string", "description": c.doc} for c in COMPUTED}
    )
    properties[wire_name(GENERATION_OUTPUT)] = {
        "type": "string",
        "description": "The generation of the create that wrote the owner tag.",
    }
    return {
        "description": "An Amazon Connect phone number imported from AWS End User Messaging "
        "SMS/voice.",
        "inputProperties": {wire_name(spec.name): _input(spec) for spec in USER_INPUTS},
        "requiredInputs": [wire_name(spec.name) for spec in USER_INPUTS if spec.required],
        "properties": properties,
        "required": [wire_name(c.name) for c in COMPUTED if c.stable],
    }


def package_schema(version: str) -> dict[str, Any]:
    return {
        "name": PACKAGE,
        "version": version,
        "description": "Amazon Connect phone numbers imported from AWS End User Messaging.",
        "config": {"variables": CONFIG},
        "provider": {"inputProperties": CONFIG},
        "resources": {RESOURCE_TOKEN: resource_schema()},
        # Generated SDKs are local (nothing is published): names that claim no registry scope.
        "language": {
            "nodejs": {"packageName": NODE_PACKAGE},
            "go": {"importBasePath": GO_IMPORT_PATH},
        },
    }
