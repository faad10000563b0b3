"""Property names and defaults shared by the resource class, check, diff and mapping.

Why: the program side (resource.py) and the provider process (provider.py) only meet through
these property bags; one list of names keeps the two sides, and the diff, from drifting apart.
"""

from __future__ import annotations

from typing import Final

# Inputs (what the program declares).
INSTANCE_ID: Final = "instance_id"
SOURCE_PHONE_NUMBER_ARN: Final = "source_phone_number_arn"
DESCRIPTION: Final = "description"
TAGS: Final = "tags"
ADOPT: Final = "adopt"
WAIT_TIMEOUT_SECONDS: Final = "wait_timeout_seconds"
REGION: Final = "region"
OWNER: Final = "owner"  # hidden: computed by the resource class, never set by the user

INPUTS: Final = (
    INSTANCE_ID,
    SOURCE_PHONE_NUMBER_ARN,
    DESCRIPTION,
    TAGS,
    ADOPT,
    WAIT_TIMEOUT_SECONDS,
    REGION,
    OWNER,
)

# Outputs that only AWS knows.
PHONE_NUMBER_ID: Final = "phone_number_id"
PHONE_NUMBER_ARN: Final = "phone_number_arn"
PHONE_NUMBER: Final = "phone_number"
COUNTRY_CODE: Final = "country_code"
NUMBER_TYPE: Final = "number_type"
STATUS: Final = "status"
STATUS_MESSAGE: Final = "status_message"
TARGET_ARN: Final = "target_arn"

COMPUTED: Final = (
    PHONE_NUMBER_ID,
    PHONE_NUMBER_ARN,
    PHONE_NUMBER,
    COUNTRY_CODE,
    NUMBER_TYPE,
    STATUS,
    STATUS_MESSAGE,
    TARGET_ARN,
)

DEFAULT_WAIT_TIMEOUT_SECONDS: Final = 600.0
