"""Client of the admin interface; stdlib only so any process can use it."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from typing import Any, cast

# Every admin endpoint lives under this path, outside every AWS operation's path.
PREFIX = "/_local/"


class AdminError(RuntimeError):
    """The admin endpoint refused the request; the message is the service's explanation."""


class AdminClient:
    def __init__(self, endpoint_url: str, timeout: float = 10.0) -> None:
        self.endpoint_url = endpoint_url.rstrip("/")
        self.timeout = timeout

    def _call(self, name: str, body: dict[str, Any] | None = None) -> Any:
        request = urllib.request.Request(
            f"{self.endpoint_url}{PREFIX}{name}",
            data=json.dumps(body or {}).encode(),
            headers={"Content-Type": "application/json"},
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return json.loads(response.read())
        except urllib.error.HTTPError as exc:
            raise AdminError(exc.read().decode(errors="replace")) from exc

    def health(self) -> dict[str, Any]:
        return cast(dict[str, Any], self._call("health"))

    def reset(self) -> None:
        self._call("reset")

    def create_instance(
        self, alias: str, region: str | None = None, account_id: str | None = None
    ) -> dict[str, Any]:
        """Idempotent per alias; returns InstanceId, Arn, InstanceAlias."""
        body = {"alias": alias, "region": region, "account_id": account_id}
        return cast(dict[str, Any], self._call("instances", body))

    def create_traffic_distribution_group(self, name: str, instance_id: str) -> dict[str, Any]:
        """An ACTIVE group of the instance (id or ARN) at once, idempotent per name; returns
        Id, Arn, Name, InstanceId, InstanceArn, Status."""
        body = {"name": name, "instance_id": instance_id}
        return cast(dict[str, Any], self._call("traffic-distribution-groups", body))

    def create_contact_flow(
        self,
        instance_id: str,
        name: str = "Inbound",
        type: str = "CONTACT_FLOW",
        content: str | None = None,
    ) -> dict[str, Any]:
        """A PUBLISHED flow of the instance (id or ARN) at once, idempotent per name; returns
        ContactFlowId, ContactFlowArn, Name, Type, InstanceId."""
        body = {"instance_id": instance_id, "name": name, "type": type, "content": content}
        return cast(dict[str, Any], self._call("contact-flows", body))

    def create_source_number(
        self,
        iso_country: str = "US",
        number_type: str = "TOLL_FREE",
        region: str | None = None,
        account_id: str | None = None,
        status: str = "ACTIVE",
        phone_number: str | None = None,
        *,
        capabilities: list[str] | None = None,
        message_type: str | None = None,
        deletion_protection: bool | None = None,
        two_way_channel_arn: str | None = None,
        two_way_enabled: bool | None = None,
        pool_id: str | None = None,
    ) -> dict[str, Any]:
        """Returns PhoneNumberArn, PhoneNumber, PhoneNumberId of a new End User Messaging number.

        The keyword-only attributes default as before: SMS and VOICE, TRANSACTIONAL, no
        deletion protection, no two-way channel (two-way is on when a channel is given, unless
        `two_way_enabled` says otherwise), no pool."""
        body = {
            "iso_country": iso_country,
            "number_type": number_type,
            "region": region,
            "account_id": account_id,
            "status": status,
            "phone_number": phone_number,
            "capabilities": capabilities,
            "message_type": message_type,
            "deletion_protection": deletion_protection,
            "two_way_channel_arn": two_way_channel_arn,
            "two_way_enabled": two_way_enabled,
            "pool_id": pool_id,
        }
        return cast(dict[str, Any], self._call("sources", body))

    def set_source_status(self, arn: str, status: str) -> None:
        self._call("sources/status", {"arn": arn, "status": status})

    def seed(self, alias: str = "demo", sources: int = 3) -> dict[str, Any]:
        """The deterministic demo seed (see docs/local-service.md), for any alias."""
        return cast(dict[str, Any], self._call("seed", {"alias": alias, "sources": sources}))

    def request_log(self) -> list[dict[str, Any]]:
        return cast(list[dict[str, Any]], self._call("request-log"))

    def clear_request_log(self) -> None:
        self._call("request-log/clear")

    def operations(self) -> list[str]:
        """Operation names from the request log, in order: the usual thing tests assert on."""
        return [entry["operation"] for entry in self.request_log()]

    def set_faults(
        self,
        operation: str | None = None,
        status: int = 500,
        count: int | None = None,
        error_rate: float = 1.0,
        latency: float = 0.0,
        reset: str | None = None,
        code: str | None = None,
    ) -> list[dict[str, Any]]:
        """Replaces every fault rule with one; see add_fault for the meaning of the arguments."""
        rule = _rule(operation, status, count, error_rate, latency, reset, code)
        return cast(list[dict[str, Any]], self._call("faults", {"rules": [rule]}))

    def add_fault(
        self,
        operation: str | None = None,
        status: int = 500,
        count: int | None = None,
        error_rate: float = 1.0,
        latency: float = 0.0,
        reset: str | None = None,
        code: str | None = None,
    ) -> list[dict[str, Any]]:
        """Adds a rule. `operation` None hits every AWS call; `count` None lasts until cleared.

        With `latency` > 0 the rule only delays; with `reset` ("before" or "after") it drops
        the connection (after = the call ran, its answer is lost); otherwise it answers
        `status` with `code` (default from the status: 429 throttling, 500 internal, 5xx
        ServiceUnavailableException)."""
        rule = _rule(operation, status, count, error_rate, latency, reset, code)
        return cast(list[dict[str, Any]], self._call("faults", {"rules": [rule], "replace": False}))

    def clear_faults(self) -> None:
        self._call("faults/clear")

    def now(self) -> float:
        return float(self._call("clock")["now"])

    def advance_clock(self, seconds: float) -> float:
        return float(self._call("clock/advance", {"seconds": seconds})["now"])

    def set_throttle(self, operation: str, rate: float | None, burst: float | None = None) -> None:
        """Token bucket for an operation ("*" = all); rate None removes it."""
        self._call("throttle", {"operation": operation, "rate": rate, "burst": burst or rate})

    def set_settings(self, **settings: Any) -> dict[str, Any]:
        """Changes runtime settings by name (see docs/local-service.md); returns all of them."""
        return cast(dict[str, Any], self._call("settings", settings))

    def set_quota(self, max_active_numbers: int) -> None:
        self._call("quota", {"max_active_numbers": max_active_numbers})

    def set_allowed_actions(self, actions: list[str] | None) -> None:
        self._call("allowed-actions", {"actions": actions})

    def set_timing(self, **timing: float | int | None) -> None:
        """claim_delay, claim_jitter, claim_after_describes, release_delay, client_token_ttl."""
        self._call("timing", dict(timing))

    def numbers(self) -> list[dict[str, Any]]:
        return cast(list[dict[str, Any]], self._call("numbers"))

    def quota_events(self) -> list[dict[str, Any]]:
        return cast(list[dict[str, Any]], self._call("quota-events"))


def _rule(
    operation: str | None,
    status: int,
    count: int | None,
    error_rate: float,
    latency: float,
    reset: str | None,
    code: str | None,
) -> dict[str, Any]:
    kind = "latency" if latency > 0 else "reset" if reset else "error"
    return {
        "operation": operation,
        "kind": kind,
        "status": status,
        "code": code,
        "count": count,
        "probability": error_rate,
        "latency": latency,
        "when": reset or "before",
    }
