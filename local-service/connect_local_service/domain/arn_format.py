"""ARNs as the service writes and reads them, in whatever partition the Region implies."""

from __future__ import annotations

import urllib.parse
from dataclasses import dataclass


def partition_for(region: str) -> str:
    if region.startswith("us-gov-"):
        return "aws-us-gov"
    if region.startswith("cn-"):
        return "aws-cn"
    return "aws"


def build_arn(service: str, region: str, account: str, resource: str) -> str:
    return f"arn:{partition_for(region)}:{service}:{region}:{account}:{resource}"


@dataclass(frozen=True)
class ParsedArn:
    partition: str
    service: str
    region: str
    account: str
    resource_type: str
    resource_id: str


def parse_arn(text: str) -> ParsedArn | None:
    """None for anything that is not an ARN with a `type/id` resource; callers pick the error."""
    parts = text.split(":", 5)
    if len(parts) != 6 or parts[0] != "arn":
        return None
    resource_type, _, resource_id = parts[5].partition("/")
    if not resource_id:
        return None
    return ParsedArn(parts[1], parts[2], parts[3], parts[4], resource_type, resource_id)


def signing_region(authorization: str | None) -> str | None:
    """The Region a SigV4 request was signed for: what a real regional endpoint would serve."""
    if not authorization or "Credential=" not in authorization:
        return None
    credential = authorization.split("Credential=", 1)[1].split(",", 1)[0]
    scope = urllib.parse.unquote(credential).split("/")
    return scope[2] if len(scope) >= 5 and scope[2] else None
