"""The admin interface under /_local/: test and operator controls outside the AWS paths.

Plain JSON over HTTP so that any process (a test, the Pulumi engine's provider host, a shell
script) can drive it without importing this package.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .errors import ApiError
from .faults import FaultRule
from .service import ServiceState, settle_due
from .settings import ThrottleRule

PREFIX = "/_local/"

AdminHandler = Callable[[ServiceState, dict[str, Any]], Any]


def _health(state: ServiceState, body: dict[str, Any]) -> Any:
    return {"ok": True, "region": state.settings.region, "account_id": state.settings.account_id}


def _reset(state: ServiceState, body: dict[str, Any]) -> Any:
    state.reset()
    return {}


def _create_instance(state: ServiceState, body: dict[str, Any]) -> Any:
    return state.create_instance(str(body["alias"]), body.get("region"), body.get("account_id"))


def _create_source(state: ServiceState, body: dict[str, Any]) -> Any:
    allowed = {
        "iso_country",
        "number_type",
        "region",
        "account_id",
        "status",
        "phone_number",
        "message_type",
        "capabilities",
    }
    kwargs = {k: v for k, v in body.items() if k in allowed and v is not None}
    if "account_id" in kwargs:
        kwargs["account"] = kwargs.pop("account_id")
    return state.create_source_number(**kwargs)


def _source_status(state: ServiceState, body: dict[str, Any]) -> Any:
    state.set_source_status(str(body["arn"]), str(body["status"]))
    return {}


def _seed(state: ServiceState, body: dict[str, Any]) -> Any:
    return state.seed(str(body.get("alias", "demo")), int(body.get("sources", 3)))


def _request_log(state: ServiceState, body: dict[str, Any]) -> Any:
    return state.log_entries()


def _clear_log(state: ServiceState, body: dict[str, Any]) -> Any:
    state.clear_log()
    return {}


def _set_faults(state: ServiceState, body: dict[str, Any]) -> Any:
    if body.get("replace", True):
        state.faults.clear()
    for rule in body.get("rules", []):
        state.faults.add(FaultRule(**rule))
    return [rule.to_json() for rule in state.faults.rules()]


def _clear_faults(state: ServiceState, body: dict[str, Any]) -> Any:
    state.faults.clear()
    return {}


def _clock(state: ServiceState, body: dict[str, Any]) -> Any:
    return {"now": state.clock.now(), "virtual": state.clock.virtual}


def _advance_clock(state: ServiceState, body: dict[str, Any]) -> Any:
    return {"now": state.advance_clock(float(body["seconds"]))}


def _throttle(state: ServiceState, body: dict[str, Any]) -> Any:
    operation = str(body["operation"])
    rate = body.get("rate")
    rule = None if rate is None else ThrottleRule(float(rate), float(body.get("burst", rate)))
    state.buckets.configure(operation, rule)
    return {}


def _quota(state: ServiceState, body: dict[str, Any]) -> Any:
    state.settings.quota_max_active_numbers = int(body["max_active_numbers"])
    return {}


def _allowed_actions(state: ServiceState, body: dict[str, Any]) -> Any:
    actions = body.get("actions")
    state.settings.allowed_actions = None if actions is None else [str(a) for a in actions]
    return {}


def _timing(state: ServiceState, body: dict[str, Any]) -> Any:
    settings = state.settings
    if "claim_delay" in body:
        settings.claim_delay = float(body["claim_delay"])
    if "claim_jitter" in body:
        settings.claim_jitter = float(body["claim_jitter"])
    if "claim_after_describes" in body:
        value = body["claim_after_describes"]
        settings.claim_after_describes = None if value is None else int(value)
    if "release_delay" in body:
        settings.release_delay = float(body["release_delay"])
    if "client_token_ttl" in body:
        settings.client_token_ttl = float(body["client_token_ttl"])
    return {}


def _numbers(state: ServiceState, body: dict[str, Any]) -> Any:
    with state.store.transaction() as db:
        settle_due(db, state.clock.now())
        rows = db.execute("SELECT * FROM numbers ORDER BY seq").fetchall()
        tags = db.execute("SELECT * FROM tags").fetchall()
    by_arn: dict[str, dict[str, str]] = {}
    for tag in tags:
        by_arn.setdefault(tag["resource_arn"], {})[tag["key"]] = tag["value"]
    return [
        {
            "PhoneNumberId": row["id"],
            "PhoneNumberArn": row["arn"],
            "PhoneNumber": row["phone_number"],
            "Status": row["status"],
            "Message": row["message"],
            "SourcePhoneNumberArn": row["source_arn"],
            "InstanceId": row["instance_id"],
            "TargetArn": row["target_arn"],
            "Description": row["description"],
            "Region": row["region"],
            "AccountId": row["account"],
            "Tags": by_arn.get(row["arn"], {}),
        }
        for row in rows
    ]


def _quota_events(state: ServiceState, body: dict[str, Any]) -> Any:
    with state.store.transaction() as db:
        rows = db.execute("SELECT * FROM quota_events ORDER BY seq").fetchall()
    return [
        {
            "kind": r["kind"],
            "PhoneNumberId": r["phone_number_id"],
            "at": r["at"],
            "region": r["region"],
            "account_id": r["account"],
        }
        for r in rows
    ]


ROUTES: dict[str, AdminHandler] = {
    "health": _health,
    "reset": _reset,
    "instances": _create_instance,
    "sources": _create_source,
    "sources/status": _source_status,
    "seed": _seed,
    "request-log": _request_log,
    "request-log/clear": _clear_log,
    "faults": _set_faults,
    "faults/clear": _clear_faults,
    "clock": _clock,
    "clock/advance": _advance_clock,
    "throttle": _throttle,
    "quota": _quota,
    "allowed-actions": _allowed_actions,
    "timing": _timing,
    "numbers": _numbers,
    "quota-events": _quota_events,
}


def handle_admin(state: ServiceState, path: str, body: dict[str, Any]) -> tuple[int, Any]:
    name = path[len(PREFIX) :].split("?", 1)[0].strip("/")
    route = ROUTES.get(name)
    if route is None:
        return 404, {"error": f"no admin endpoint {name!r}", "endpoints": sorted(ROUTES)}
    try:
        return 200, route(state, body)
    except ApiError as err:
        return 400, {"error": err.message, "code": err.code}
    except (KeyError, TypeError, ValueError) as exc:
        return 400, {"error": f"bad admin request: {exc!r}"}
