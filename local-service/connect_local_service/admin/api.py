"""The admin interface under /_local/: test and operator controls outside the AWS paths.

Plain JSON over HTTP so that any process (a test, the Pulumi engine's provider host, a shell
script) can drive it without importing this package. The `settings` endpoint accepts exactly
the settings service_settings.py declares as runtime ones; `quota`, `timing` and
`allowed-actions` are older names for parts of it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from connect_local_service.admin.client import PREFIX
from connect_local_service.admin.shapes import (
    admin_contact_flow,
    admin_instance,
    admin_number,
    admin_quota_event,
    admin_source,
    admin_traffic_group,
)
from connect_local_service.domain.phone_number_lifecycle import settle_due
from connect_local_service.domain.traffic_group_lifecycle import settle_due_groups
from connect_local_service.guards.fault_injection import FaultRule
from connect_local_service.server import seeding
from connect_local_service.server.service_settings import (
    ThrottleRule,
    declared_settings,
    is_runtime,
)
from connect_local_service.server.service_state import ServiceState
from connect_local_service.server.setting_codecs import CODECS
from connect_local_service.wire.api_errors import ApiError

__all__ = ["PREFIX", "ROUTES", "handle_admin"]

AdminHandler = Callable[[ServiceState, dict[str, Any]], Any]


def apply_settings(state: ServiceState, values: dict[str, Any]) -> dict[str, Any]:
    """Changes runtime settings by name; an unknown or start-up-only name is refused."""
    declared = {d.name: d for d in declared_settings() if is_runtime(d)}
    unknown = sorted(set(values) - set(declared))
    if unknown:
        raise ValueError(f"not runtime settings: {unknown}; runtime ones: {sorted(declared)}")
    for name, value in values.items():
        setattr(state.settings, name, CODECS[str(declared[name].type)].from_json(value))
    return {name: getattr(state.settings, name) for name in sorted(declared)}


def _reset(state: ServiceState, body: dict[str, Any]) -> Any:
    state.reset()
    if state.settings.seed_demo:
        seeding.seed_demo(state)
    return {}


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
        "deletion_protection",
        "two_way_channel_arn",
        "two_way_enabled",
        "pool_id",
    }
    kwargs = {k: v for k, v in body.items() if k in allowed and v is not None}
    if "account_id" in kwargs:
        kwargs["account"] = kwargs.pop("account_id")
    return admin_source(seeding.create_source_number(state, **kwargs))


def _seed(state: ServiceState, body: dict[str, Any]) -> Any:
    instance, sources = seeding.seed(
        state, str(body.get("alias", "demo")), int(body.get("sources", 3))
    )
    return {
        "Instance": admin_instance(instance),
        "SourceNumbers": [admin_source(s) for s in sources],
    }


def _set_faults(state: ServiceState, body: dict[str, Any]) -> Any:
    if body.get("replace", True):
        state.faults.clear()
    for rule in body.get("rules", []):
        state.faults.add(FaultRule(**rule))
    return [rule.to_json() for rule in state.faults.rules()]


def _throttle(state: ServiceState, body: dict[str, Any]) -> Any:
    rate = body.get("rate")
    rule = None if rate is None else ThrottleRule(float(rate), float(body.get("burst", rate)))
    state.set_throttle(str(body["operation"]), rule)
    return {}


def _numbers(state: ServiceState, body: dict[str, Any]) -> Any:
    with state.store.transaction() as tx:
        settle_due(tx, state.clock.now())
        settle_due_groups(tx, state.clock.now())
        numbers = tx.numbers()
        tags = tx.all_tags()
    return [admin_number(number, tags.get(number.arn, {})) for number in numbers]


def _quota_events(state: ServiceState, body: dict[str, Any]) -> Any:
    with state.store.transaction() as tx:
        events = tx.quota_events()
    return [admin_quota_event(event) for event in events]


def _timing(state: ServiceState, body: dict[str, Any]) -> Any:
    names = {"claim_delay", "claim_jitter", "claim_after_describes", "release_delay"}
    apply_settings(state, {k: v for k, v in body.items() if k in names | {"client_token_ttl"}})
    return {}


def _quota(state: ServiceState, body: dict[str, Any]) -> Any:
    apply_settings(state, {"quota_max_active_numbers": body["max_active_numbers"]})
    return {}


def _allowed_actions(state: ServiceState, body: dict[str, Any]) -> Any:
    apply_settings(state, {"allowed_actions": body.get("actions")})
    return {}


def _health(state: ServiceState, body: dict[str, Any]) -> Any:
    return {"ok": True, "region": state.settings.region, "account_id": state.settings.account_id}


def _create_instance(state: ServiceState, body: dict[str, Any]) -> Any:
    alias, region, account = str(body["alias"]), body.get("region"), body.get("account_id")
    return admin_instance(seeding.create_instance(state, alias, region, account))


def _create_traffic_group(state: ServiceState, body: dict[str, Any]) -> Any:
    group = seeding.create_traffic_group(state, str(body["name"]), str(body["instance_id"]))
    return admin_traffic_group(group)


def _create_contact_flow(state: ServiceState, body: dict[str, Any]) -> Any:
    flow = seeding.create_contact_flow(
        state,
        str(body["instance_id"]),
        str(body["name"]),
        str(body.get("type") or "CONTACT_FLOW"),
        body.get("content"),
    )
    return admin_contact_flow(flow)


def _source_status(state: ServiceState, body: dict[str, Any]) -> Any:
    seeding.set_source_status(state, str(body["arn"]), str(body["status"]))
    return {}


def _clear_log(state: ServiceState, body: dict[str, Any]) -> Any:
    state.clear_log()
    return {}


def _clear_faults(state: ServiceState, body: dict[str, Any]) -> Any:
    state.faults.clear()
    return {}


def _clock(state: ServiceState, body: dict[str, Any]) -> Any:
    return {"now": state.clock.now(), "virtual": state.clock.virtual}


def _advance_clock(state: ServiceState, body: dict[str, Any]) -> Any:
    return {"now": state.advance_clock(float(body["seconds"]))}


ROUTES: dict[str, AdminHandler] = {
    "health": _health,
    "reset": _reset,
    "instances": _create_instance,
    "sources": _create_source,
    "traffic-distribution-groups": _create_traffic_group,
    "contact-flows": _create_contact_flow,
    "sources/status": _source_status,
    "seed": _seed,
    "request-log": lambda state, body: state.log_entries(),
    "request-log/clear": _clear_log,
    "faults": _set_faults,
    "faults/clear": _clear_faults,
    "clock": _clock,
    "clock/advance": _advance_clock,
    "throttle": _throttle,
    "settings": apply_settings,
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
