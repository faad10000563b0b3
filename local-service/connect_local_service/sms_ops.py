"""End User Messaging SMS/voice v2 operations (JSON 1.0): just enough to own source numbers."""

from __future__ import annotations

import base64
import binascii
import json
import sqlite3
import uuid
from collections.abc import Callable
from typing import Any, cast

from .arns import build_arn, parse_arn
from .errors import ApiError
from .numbers import new_phone_number
from .service import ACTIVE_SQL, RequestContext, with_client_token

Handler = Callable[[RequestContext, dict[str, Any]], dict[str, Any]]

# DescribePhoneNumbers filter names the local service understands, and the column each reads.
_FILTER_COLUMNS = {
    "status": "status",
    "iso-country-code": "iso_country",
    "number-type": "number_type",
    "message-type": "message_type",
}


def _validation(message: str, reason: str = "INVALID_PARAMETER") -> ApiError:
    return ApiError("ValidationException", message, Reason=reason)


def _information(row: sqlite3.Row, status: str | None = None) -> dict[str, Any]:
    return {
        "PhoneNumberArn": row["arn"],
        "PhoneNumberId": row["id"],
        "PhoneNumber": row["phone_number"],
        "Status": status or row["status"],
        "IsoCountryCode": row["iso_country"],
        "MessageType": row["message_type"],
        "NumberCapabilities": json.loads(row["capabilities"]),
        "NumberType": row["number_type"],
        "MonthlyLeasingPrice": "2.00",
        "TwoWayEnabled": False,
        "SelfManagedOptOutsEnabled": False,
        "OptOutListName": "Default",
        "InternationalSendingEnabled": False,
        "DeletionProtectionEnabled": bool(row["deletion_protection"]),
        "CreatedTimestamp": row["created_at"],
    }


def _find(ctx: RequestContext, value: str) -> sqlite3.Row:
    if value.startswith("arn:"):
        parsed = parse_arn(value)
        if parsed is None or parsed.service != "sms-voice":
            raise _validation(f"PhoneNumberId: '{value}' is not a phone number ARN", "INVALID_ARN")
        row = ctx.db.execute("SELECT * FROM sources WHERE arn = ?", (value,)).fetchone()
    else:
        row = ctx.db.execute("SELECT * FROM sources WHERE id = ?", (value,)).fetchone()
    if row is None or row["region"] != ctx.region or row["account"] != ctx.account:
        raise ApiError(
            "ResourceNotFoundException",
            f"Phone number {value} not found",
            ResourceType="phone-number",
            ResourceId=value,
        )
    return cast(sqlite3.Row, row)


def request_phone_number(ctx: RequestContext, params: dict[str, Any]) -> dict[str, Any]:
    def action() -> dict[str, Any]:
        source_id = f"phone-{uuid.uuid4().hex}"
        arn = build_arn("sms-voice", ctx.region, ctx.account, f"phone-number/{source_id}")
        number = new_phone_number(ctx.db, params["IsoCountryCode"], params["NumberType"])
        ctx.db.execute(
            "INSERT INTO sources(id, arn, phone_number, account, region, iso_country, "
            "number_type, message_type, capabilities, status, deletion_protection, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?)",
            (
                source_id,
                arn,
                number,
                ctx.account,
                ctx.region,
                params["IsoCountryCode"],
                params["NumberType"],
                params["MessageType"],
                json.dumps(params["NumberCapabilities"]),
                int(bool(params.get("DeletionProtectionEnabled", False))),
                ctx.now,
            ),
        )
        row = _find(ctx, source_id)
        return {**_information(row), "Tags": params.get("Tags", [])}

    return with_client_token(ctx, params.get("ClientToken"), params, action)


def describe_phone_numbers(ctx: RequestContext, params: dict[str, Any]) -> dict[str, Any]:
    if params.get("PhoneNumberIds"):
        rows = [_find(ctx, value) for value in params["PhoneNumberIds"]]
    else:
        rows = ctx.db.execute(
            "SELECT * FROM sources WHERE account = ? AND region = ? ORDER BY created_at, id",
            (ctx.account, ctx.region),
        ).fetchall()
    for flt in params.get("Filters", []):
        column = _FILTER_COLUMNS.get(flt["Name"])
        if column is None:
            continue
        rows = [row for row in rows if row[column] in flt["Values"]]
    start = 0
    if "NextToken" in params:
        try:
            start = int(base64.urlsafe_b64decode(params["NextToken"].encode()).decode())
        except (ValueError, UnicodeDecodeError, binascii.Error) as exc:
            raise _validation("NextToken: invalid", "INVALID_NEXT_TOKEN") from exc
    limit = params.get("MaxResults", 100)
    page = rows[start : start + limit]
    result: dict[str, Any] = {"PhoneNumbers": [_information(row) for row in page]}
    if start + limit < len(rows):
        result["NextToken"] = base64.urlsafe_b64encode(str(start + limit).encode()).decode()
    return result


def release_phone_number(ctx: RequestContext, params: dict[str, Any]) -> dict[str, Any]:
    row = _find(ctx, params["PhoneNumberId"])
    if row["deletion_protection"]:
        raise ApiError(
            "ConflictException",
            f"Phone number {row['id']} has deletion protection enabled",
            Reason="DELETION_PROTECTION_ENABLED",
            ResourceType="phone-number",
            ResourceId=row["id"],
        )
    imported = ctx.db.execute(
        f"SELECT id FROM numbers WHERE source_arn = ? AND {ACTIVE_SQL}", (row["arn"],)
    ).fetchone()
    if imported is not None:
        raise ApiError(
            "ConflictException",
            f"Phone number {row['id']} is imported into Amazon Connect as {imported['id']}; "
            "release it there first",
            Reason="RESOURCE_DELETION_NOT_ALLOWED",
            ResourceType="phone-number",
            ResourceId=row["id"],
        )
    ctx.db.execute("DELETE FROM sources WHERE id = ?", (row["id"],))
    info = _information(row, status="DELETED")
    keep = set(_RELEASE_OUTPUT)
    return {k: v for k, v in info.items() if k in keep}


_RELEASE_OUTPUT = (
    "PhoneNumberArn",
    "PhoneNumberId",
    "PhoneNumber",
    "Status",
    "IsoCountryCode",
    "MessageType",
    "NumberCapabilities",
    "NumberType",
    "MonthlyLeasingPrice",
    "TwoWayEnabled",
    "SelfManagedOptOutsEnabled",
    "OptOutListName",
    "CreatedTimestamp",
)

HANDLERS: dict[str, Handler] = {
    "RequestPhoneNumber": request_phone_number,
    "DescribePhoneNumbers": describe_phone_numbers,
    "ReleasePhoneNumber": release_phone_number,
}
