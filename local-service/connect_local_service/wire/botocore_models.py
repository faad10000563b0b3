"""The botocore service models the local service is built from, and the facts read from them.

Why: the models are what real boto3 serialises with, so routing, validation, error statuses and
limits such as the number of tags a resource holds all come from here instead of being retyped.
"""

from __future__ import annotations

from functools import cache

import botocore.session
from botocore.model import ServiceModel

CONNECT = "connect"
SMS_VOICE = "pinpoint-sms-voice-v2"
# The IAM action prefix of each service (the model's signingName).
ACTION_PREFIX = {CONNECT: "connect", SMS_VOICE: "sms-voice"}


@cache
def service_model(name: str) -> ServiceModel:
    return botocore.session.get_session().get_service_model(name)


def max_page_size(service: str, operation: str) -> int:
    """The largest MaxResults the operation's model allows: a page's size when none is asked."""
    shape = service_model(service).operation_model(operation).input_shape
    assert shape is not None
    return int(shape.members["MaxResults"].metadata["max"])


def max_tags_per_resource() -> int:
    """Connect's TagMap allows 50 entries; the same bound holds for a resource's merged tags."""
    return int(service_model(CONNECT).shape_for("TagMap").metadata["max"])


def error_status(service: str, code: str) -> int:
    """The HTTP status the model gives an error, else the status AWS uses for that code."""
    try:
        shape = service_model(service).shape_for(code)
        status = shape.metadata.get("error", {}).get("httpStatusCode")
        if isinstance(status, int):
            return status
    except Exception:
        pass
    return _FALLBACK_STATUS.get(code, 400)


_FALLBACK_STATUS = {
    "AccessDeniedException": 403,
    "ResourceNotFoundException": 404,
    "ConflictException": 409,
    "ServiceQuotaExceededException": 402,
    "InternalServerException": 500,
    "InternalServiceException": 500,
    "ServiceUnavailableException": 503,
    "ThrottlingException": 400,
    "UnknownOperationException": 404,
}
