"""Amazon Connect operations (REST-JSON) on the phone numbers and instances in the store."""

from __future__ import annotations

import base64
import binascii
import json
import sqlite3
import uuid
from collections.abc import Callable
from typing import Any, cast

from .arns import build_arn, parse_arn, partition_for
from .errors import ApiError, invalid_parameter
from .numbers import CONNECT_TYPE
from .service import (
    ACTIVE_SQL,
    RequestContext,
    check_import_quota,
    claim_time,
    delete_number,
    pending_fields,
    record_quota_event,
    with_client_token,
)

Handler = Callable[[RequestContext, dict[str, Any]], dict[str, Any]]


# --- lookups ----------------------------------------------------------------------------


def _id_from(ctx: RequestContext, field: str, value: str, resource_type: str) -> str:
    """Accepts a bare id or the resource's ARN; an ARN elsewhere names nothing here."""
    if not value.startswith("arn:"):
        return value
    arn = parse_arn(value)
    if arn is None or arn.service != "connect" or arn.resource_type != resource_type:
        raise invalid_parameter(field, f"'{value}' is not a Connect {resource_type} ARN")
    if arn.region != ctx.region or arn.account != ctx.account:
        raise ApiError("ResourceNotFoundException", f"{resource_type} {value} not found")
    return arn.resource_id


def find_instance(ctx: RequestContext, field: str, value: str) -> sqlite3.Row:
    instance_id = _id_from(ctx, field, value, "instance")
    row = ctx.db.execute(
        "SELECT * FROM instances WHERE id = ? AND account = ? AND region = ?",
        (instance_id, ctx.account, ctx.region),
    ).fetchone()
    if row is None:
        raise ApiError("ResourceNotFoundException", f"Instance {value} not found")
    return cast(sqlite3.Row, row)


def find_number(ctx: RequestContext, value: str) -> sqlite3.Row:
    number_id = _id_from(ctx, "PhoneNumberId", value, "phone-number")
    row = ctx.db.execute(
        "SELECT * FROM numbers WHERE id = ? AND account = ? AND region = ?",
        (number_id, ctx.account, ctx.region),
    ).fetchone()
    if row is None:
        raise ApiError("ResourceNotFoundException", f"Phone number {value} not found")
    return cast(sqlite3.Row, row)


def _tags(ctx: RequestContext, arn: str) -> dict[str, str]:
    rows = ctx.db.execute("SELECT key, value FROM tags WHERE resource_arn = ?", (arn,))
    return {row["key"]: row["value"] for row in rows}


def _set_tags(ctx: RequestContext, arn: str, tags: dict[str, str]) -> None:
    merged = {**_tags(ctx, arn), **tags}
    if len(merged) > 50:
        raise invalid_parameter("tags", "a resource can have at most 50 tags")
    for key, value in tags.items():
        ctx.db.execute(
            "INSERT OR REPLACE INTO tags(resource_arn, key, value) VALUES (?, ?, ?)",
            (arn, key, value),
        )


def _shown_status(row: sqlite3.Row) -> dict[str, str]:
    status = "IN_PROGRESS" if row["status"] == "RELEASING" else row["status"]
    shown = {"Status": status}
    if status == "FAILED" and row["message"]:
        shown["Message"] = row["message"]
    return shown


def _in_use(row: sqlite3.Row, doing: str) -> ApiError:
    return ApiError(
        "ResourceInUseException",
        f"Phone number {row['id']} is IN_PROGRESS and cannot be {doing} until it settles",
        ResourceType="PHONE_NUMBER",
        ResourceId=row["id"],
    )


# --- phone numbers ----------------------------------------------------------------------


def _source_problem(ctx: RequestContext, source_arn: str) -> tuple[sqlite3.Row | None, str | None]:
    """The source row (if any) and why it cannot be imported (None when it can)."""
    row = ctx.db.execute("SELECT * FROM sources WHERE arn = ?", (source_arn,)).fetchone()
    if row is None:
        return None, f"Source phone number {source_arn} does not exist"
    if row["region"] != ctx.region:
        return row, (
            f"Source phone number {source_arn} is in Region {row['region']}; it can only be "
            f"imported into an instance in the same Region ({ctx.region})"
        )
    if row["account"] != ctx.account:
        return row, f"Source phone number {source_arn} belongs to another account"
    if row["status"] != "ACTIVE":
        return row, f"Source phone number {source_arn} is {row['status']}, not ACTIVE"
    if row["number_type"] not in CONNECT_TYPE:
        return row, f"{row['number_type']} numbers cannot be imported into Amazon Connect"
    return row, None


def import_phone_number(ctx: RequestContext, params: dict[str, Any]) -> dict[str, Any]:
    def action() -> dict[str, Any]:
        instance = find_instance(ctx, "InstanceId", params["InstanceId"])
        source_arn = params["SourcePhoneNumberArn"]
        parsed = parse_arn(source_arn)
        if (
            parsed is None
            or parsed.service != "sms-voice"
            or parsed.resource_type != "phone-number"
        ):
            raise invalid_parameter(
                "SourcePhoneNumberArn",
                f"'{source_arn}' is not an End User Messaging SMS/voice phone number ARN",
            )
        existing = ctx.db.execute(
            f"SELECT id FROM numbers WHERE source_arn = ? AND account = ? AND {ACTIVE_SQL}",
            (source_arn, ctx.account),
        ).fetchone()
        if existing is not None:
            raise ApiError(
                "IdempotencyException",
                f"Source phone number {source_arn} is already imported into Amazon Connect "
                f"(phone number {existing['id']}); find it with ListPhoneNumbersV2",
            )
        check_import_quota(ctx)
        source, problem = _source_problem(ctx, source_arn)
        number_id = str(uuid.uuid4())
        arn = build_arn("connect", ctx.region, ctx.account, f"phone-number/{number_id}")
        settle_at, describes = pending_fields(ctx, claim_time(ctx.settings))
        seq = ctx.db.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM numbers").fetchone()[0]
        ctx.db.execute(
            "INSERT INTO numbers(id, arn, account, region, phone_number, country_code, "
            "number_type, description, instance_id, target_arn, source_arn, status, outcome, "
            "outcome_message, settle_at, describes_left, created_at, seq) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?, 'IN_PROGRESS', ?,?,?,?,?,?)",
            (
                number_id,
                arn,
                ctx.account,
                ctx.region,
                source["phone_number"] if source else "",
                source["iso_country"] if source else "",
                CONNECT_TYPE.get(source["number_type"], "") if source else "",
                params.get("PhoneNumberDescription"),
                instance["id"],
                instance["arn"],
                source_arn,
                "FAILED" if problem else "CLAIMED",
                problem,
                settle_at,
                describes,
                ctx.now,
                seq,
            ),
        )
        if params.get("Tags"):
            _set_tags(ctx, arn, params["Tags"])
        if problem is None:
            record_quota_event(ctx, "import", number_id)
        return {"PhoneNumberId": number_id, "PhoneNumberArn": arn}

    return with_client_token(ctx, params.get("ClientToken"), params, action)


def describe_phone_number(ctx: RequestContext, params: dict[str, Any]) -> dict[str, Any]:
    row = find_number(ctx, params["PhoneNumberId"])
    if row["status"] in ("IN_PROGRESS", "RELEASING") and row["describes_left"] is not None:
        left = row["describes_left"] - 1
        if left > 0:
            ctx.db.execute("UPDATE numbers SET describes_left = ? WHERE id = ?", (left, row["id"]))
        elif row["status"] == "RELEASING":
            delete_number(ctx.db, row["arn"])
            raise ApiError(
                "ResourceNotFoundException", f"Phone number {row['id']} not found", commit=True
            )
        else:
            ctx.db.execute(
                "UPDATE numbers SET status = outcome, message = outcome_message, "
                "describes_left = NULL WHERE id = ?",
                (row["id"],),
            )
        row = find_number(ctx, row["id"])
    summary: dict[str, Any] = {
        "PhoneNumberId": row["id"],
        "PhoneNumberArn": row["arn"],
        "TargetArn": row["target_arn"],
        "InstanceId": row["instance_id"],
        "Tags": _tags(ctx, row["arn"]),
        "PhoneNumberStatus": _shown_status(row),
        "SourcePhoneNumberArn": row["source_arn"],
    }
    if row["phone_number"]:
        summary["PhoneNumber"] = row["phone_number"]
        summary["PhoneNumberCountryCode"] = row["country_code"]
        summary["PhoneNumberType"] = row["number_type"]
    if row["description"] is not None:
        summary["PhoneNumberDescription"] = row["description"]
    return {"ClaimedPhoneNumberSummary": summary}


def update_phone_number_metadata(ctx: RequestContext, params: dict[str, Any]) -> dict[str, Any]:
    def action() -> dict[str, Any]:
        row = find_number(ctx, params["PhoneNumberId"])
        if row["status"] in ("IN_PROGRESS", "RELEASING"):
            raise _in_use(row, "updated")
        if "PhoneNumberDescription" in params:
            ctx.db.execute(
                "UPDATE numbers SET description = ? WHERE id = ?",
                (params["PhoneNumberDescription"], row["id"]),
            )
        return {}

    return with_client_token(ctx, params.get("ClientToken"), params, action)


def update_phone_number(ctx: RequestContext, params: dict[str, Any]) -> dict[str, Any]:
    def action() -> dict[str, Any]:
        if ("TargetArn" in params) == ("InstanceId" in params):
            raise invalid_parameter("TargetArn", "specify exactly one of TargetArn and InstanceId")
        if "TargetArn" in params:
            target = params["TargetArn"]
            parsed = parse_arn(target)
            if parsed is None or parsed.service != "connect":
                raise invalid_parameter("TargetArn", f"'{target}' is not a Connect ARN")
            if parsed.resource_type != "instance":
                raise ApiError(
                    "ResourceNotFoundException",
                    f"Target {target} not found (the local service supports instances only)",
                )
            instance = find_instance(ctx, "TargetArn", target)
        else:
            instance = find_instance(ctx, "InstanceId", params["InstanceId"])
        row = find_number(ctx, params["PhoneNumberId"])
        if row["status"] in ("IN_PROGRESS", "RELEASING"):
            raise _in_use(row, "updated")
        if row["status"] == "FAILED":
            raise invalid_parameter("PhoneNumberId", f"phone number {row['id']} failed to import")
        settle_at, describes = pending_fields(ctx, claim_time(ctx.settings))
        ctx.db.execute(
            "UPDATE numbers SET instance_id = ?, target_arn = ?, status = 'IN_PROGRESS', "
            "outcome = 'CLAIMED', outcome_message = NULL, message = NULL, settle_at = ?, "
            "describes_left = ? WHERE id = ?",
            (instance["id"], instance["arn"], settle_at, describes, row["id"]),
        )
        return {"PhoneNumberId": row["id"], "PhoneNumberArn": row["arn"]}

    return with_client_token(ctx, params.get("ClientToken"), params, action)


def release_phone_number(ctx: RequestContext, params: dict[str, Any]) -> dict[str, Any]:
    def action() -> dict[str, Any]:
        row = find_number(ctx, params["PhoneNumberId"])
        if row["status"] in ("IN_PROGRESS", "RELEASING"):
            raise _in_use(row, "released")
        if row["status"] == "CLAIMED":
            record_quota_event(ctx, "release", row["id"])
        settle_at, describes = pending_fields(ctx, ctx.settings.release_delay)
        if describes is None and ctx.settings.release_delay <= 0:
            delete_number(ctx.db, row["arn"])
            return {}
        ctx.db.execute(
            "UPDATE numbers SET status = 'RELEASING', settle_at = ?, describes_left = ? "
            "WHERE id = ?",
            (settle_at, describes, row["id"]),
        )
        return {}

    return with_client_token(ctx, params.get("ClientToken"), params, action)


def _decode_token(token: str) -> int:
    try:
        value = json.loads(base64.urlsafe_b64decode(token.encode()).decode())
        after = value["after"]
        if isinstance(after, int) and not isinstance(after, bool):
            return after
    except (ValueError, KeyError, TypeError, UnicodeDecodeError, binascii.Error):
        pass
    raise invalid_parameter("NextToken", "is not a token this service issued")


def _encode_token(after: int) -> str:
    return base64.urlsafe_b64encode(json.dumps({"after": after}).encode()).decode()


def list_phone_numbers_v2(ctx: RequestContext, params: dict[str, Any]) -> dict[str, Any]:
    if "TargetArn" in params and "InstanceId" in params:
        raise invalid_parameter("TargetArn", "specify at most one of TargetArn and InstanceId")
    clauses = ["account = ?", "region = ?", ACTIVE_SQL]
    args: list[Any] = [ctx.account, ctx.region]
    if "InstanceId" in params:
        clauses.append("instance_id = ?")
        args.append(find_instance(ctx, "InstanceId", params["InstanceId"])["id"])
    if "TargetArn" in params:
        clauses.append("target_arn = ?")
        args.append(params["TargetArn"])
    if params.get("PhoneNumberCountryCodes"):
        codes = params["PhoneNumberCountryCodes"]
        clauses.append(f"country_code IN ({','.join('?' * len(codes))})")
        args.extend(codes)
    if params.get("PhoneNumberTypes"):
        types = params["PhoneNumberTypes"]
        clauses.append(f"number_type IN ({','.join('?' * len(types))})")
        args.extend(types)
    if params.get("PhoneNumberPrefix"):
        prefix = params["PhoneNumberPrefix"]
        clauses.append("phone_number LIKE ?")
        args.append(("" if prefix.startswith("+") else "+") + prefix + "%")
    if "NextToken" in params:
        clauses.append("seq > ?")
        args.append(_decode_token(params["NextToken"]))
    limit = params.get("MaxResults", 100)
    rows = ctx.db.execute(
        f"SELECT * FROM numbers WHERE {' AND '.join(clauses)} ORDER BY seq LIMIT ?",
        (*args, limit + 1),
    ).fetchall()
    result: dict[str, Any] = {
        "ListPhoneNumbersSummaryList": [_list_summary(row) for row in rows[:limit]]
    }
    if len(rows) > limit:
        result["NextToken"] = _encode_token(rows[limit - 1]["seq"])
    return result


def _list_summary(row: sqlite3.Row) -> dict[str, Any]:
    summary = {
        "PhoneNumberId": row["id"],
        "PhoneNumberArn": row["arn"],
        "PhoneNumber": row["phone_number"],
        "PhoneNumberCountryCode": row["country_code"],
        "PhoneNumberType": row["number_type"],
        "TargetArn": row["target_arn"],
        "InstanceId": row["instance_id"],
        "SourcePhoneNumberArn": row["source_arn"],
    }
    if row["description"] is not None:
        summary["PhoneNumberDescription"] = row["description"]
    return summary


# --- tags -------------------------------------------------------------------------------


def _tagged_arn(ctx: RequestContext, arn: str) -> str:
    parsed = parse_arn(arn)
    if parsed is None or parsed.service != "connect":
        raise invalid_parameter("resourceArn", f"'{arn}' is not a Connect ARN")
    if parsed.resource_type == "phone-number":
        return str(find_number(ctx, arn)["arn"])
    if parsed.resource_type == "instance":
        return str(find_instance(ctx, "resourceArn", arn)["arn"])
    raise ApiError("ResourceNotFoundException", f"Resource {arn} not found")


def tag_resource(ctx: RequestContext, params: dict[str, Any]) -> dict[str, Any]:
    _set_tags(ctx, _tagged_arn(ctx, params["resourceArn"]), params["tags"])
    return {}


def untag_resource(ctx: RequestContext, params: dict[str, Any]) -> dict[str, Any]:
    arn = _tagged_arn(ctx, params["resourceArn"])
    for key in params["tagKeys"]:
        ctx.db.execute("DELETE FROM tags WHERE resource_arn = ? AND key = ?", (arn, key))
    return {}


def list_tags_for_resource(ctx: RequestContext, params: dict[str, Any]) -> dict[str, Any]:
    return {"tags": _tags(ctx, _tagged_arn(ctx, params["resourceArn"]))}


# --- instances --------------------------------------------------------------------------


def _instance_summary(ctx: RequestContext, row: sqlite3.Row) -> dict[str, Any]:
    return {
        "Id": row["id"],
        "Arn": row["arn"],
        "IdentityManagementType": "CONNECT_MANAGED",
        "InstanceAlias": row["alias"],
        "CreatedTime": row["created_at"],
        "ServiceRole": f"arn:{partition_for(ctx.region)}:iam::{ctx.account}:role/aws-service-role/"
        "connect.amazonaws.com/AWSServiceRoleForAmazonConnect",
        "InstanceStatus": "ACTIVE",
        "InboundCallsEnabled": True,
        "OutboundCallsEnabled": True,
        "InstanceAccessUrl": f"https://{row['alias']}.my.connect.aws",
    }


def describe_instance(ctx: RequestContext, params: dict[str, Any]) -> dict[str, Any]:
    row = find_instance(ctx, "InstanceId", params["InstanceId"])
    return {"Instance": {**_instance_summary(ctx, row), "Tags": _tags(ctx, row["arn"])}}


def create_instance(ctx: RequestContext, params: dict[str, Any]) -> dict[str, Any]:
    def action() -> dict[str, Any]:
        alias = params.get("InstanceAlias") or f"instance-{uuid.uuid4().hex[:12]}"
        taken = ctx.db.execute(
            "SELECT 1 FROM instances WHERE alias = ? AND account = ? AND region = ?",
            (alias, ctx.account, ctx.region),
        ).fetchone()
        if taken is not None:
            raise ApiError("InvalidRequestException", f"Instance alias {alias} is already in use")
        instance_id = str(uuid.uuid4())
        arn = build_arn("connect", ctx.region, ctx.account, f"instance/{instance_id}")
        ctx.db.execute(
            "INSERT INTO instances(id, arn, alias, account, region, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (instance_id, arn, alias, ctx.account, ctx.region, ctx.now),
        )
        if params.get("Tags"):
            _set_tags(ctx, arn, params["Tags"])
        return {"Id": instance_id, "Arn": arn}

    return with_client_token(ctx, params.get("ClientToken"), params, action)


def delete_instance(ctx: RequestContext, params: dict[str, Any]) -> dict[str, Any]:
    row = find_instance(ctx, "InstanceId", params["InstanceId"])
    used = ctx.db.execute("SELECT 1 FROM numbers WHERE instance_id = ?", (row["id"],)).fetchone()
    if used is not None:
        raise ApiError("InvalidRequestException", "Release the instance's phone numbers first")
    ctx.db.execute("DELETE FROM instances WHERE id = ?", (row["id"],))
    ctx.db.execute("DELETE FROM tags WHERE resource_arn = ?", (row["arn"],))
    return {}


def list_instances(ctx: RequestContext, params: dict[str, Any]) -> dict[str, Any]:
    rows = ctx.db.execute(
        "SELECT * FROM instances WHERE account = ? AND region = ? ORDER BY created_at, id",
        (ctx.account, ctx.region),
    ).fetchall()
    return {"InstanceSummaryList": [_instance_summary(ctx, row) for row in rows]}


HANDLERS: dict[str, Handler] = {
    "ImportPhoneNumber": import_phone_number,
    "DescribePhoneNumber": describe_phone_number,
    "UpdatePhoneNumberMetadata": update_phone_number_metadata,
    "UpdatePhoneNumber": update_phone_number,
    "ReleasePhoneNumber": release_phone_number,
    "ListPhoneNumbersV2": list_phone_numbers_v2,
    "TagResource": tag_resource,
    "UntagResource": untag_resource,
    "ListTagsForResource": list_tags_for_resource,
    "DescribeInstance": describe_instance,
    "CreateInstance": create_instance,
    "DeleteInstance": delete_instance,
    "ListInstances": list_instances,
}
