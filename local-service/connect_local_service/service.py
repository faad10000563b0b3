"""Shared state of a running service and the rules every operation obeys.

The lifecycle rules live here (not in each handler) because several operations must agree on
them: when an IN_PROGRESS number settles, what counts as an active number, how ClientTokens
replay, and how the 180-day release quota is counted.
"""

from __future__ import annotations

import collections
import copy
import hashlib
import json
import random
import sqlite3
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .arns import build_arn
from .clock import Clock
from .errors import ApiError
from .faults import Faults, TokenBuckets
from .settings import LocalServiceSettings
from .store import Store

DAY = 86_400.0
# A number is active (holds its source, counts against the quota) while claimed or on its way.
ACTIVE_SQL = "(status = 'CLAIMED' OR (status = 'IN_PROGRESS' AND outcome = 'CLAIMED'))"
_DEMO_NAMESPACE = uuid.UUID("6f1c1e8e-3c1a-4a55-9a51-2f0c6c1f0b7e")


@dataclass
class RequestContext:
    state: ServiceState
    db: sqlite3.Connection
    service: str
    operation: str
    region: str
    account: str
    now: float

    @property
    def settings(self) -> LocalServiceSettings:
        return self.state.settings


class ServiceState:
    def __init__(self, settings: LocalServiceSettings, store: Store) -> None:
        self.base_settings = copy.deepcopy(settings)
        self.settings = copy.deepcopy(settings)
        self.store = store
        offset = store.get_meta("clock_offset")
        self.clock = Clock(settings.virtual_clock, float(offset) if offset else 0.0)
        self.faults = Faults()
        self.buckets = TokenBuckets()
        self._log_lock = threading.Lock()
        self.request_log: collections.deque[dict[str, Any]] = collections.deque(
            maxlen=settings.request_log_limit
        )
        self._apply_throttles()
        if settings.seed_demo:
            self.seed_demo()

    def _apply_throttles(self) -> None:
        self.buckets.clear()
        for operation, rule in self.settings.throttle.items():
            self.buckets.configure(operation, rule)

    def reset(self) -> None:
        """Back to the state of a fresh service started with the same settings."""
        self.store.reset()
        self.settings = copy.deepcopy(self.base_settings)
        self.clock.set_offset(0.0)
        self.faults.clear()
        self._apply_throttles()
        self.clear_log()
        if self.settings.seed_demo:
            self.seed_demo()

    def advance_clock(self, seconds: float) -> float:
        offset = self.clock.advance(seconds)
        self.store.set_meta("clock_offset", repr(offset))
        return self.clock.now()

    def log(self, entry: dict[str, Any]) -> None:
        with self._log_lock:
            self.request_log.append(entry)

    def log_entries(self) -> list[dict[str, Any]]:
        with self._log_lock:
            return list(self.request_log)

    def clear_log(self) -> None:
        with self._log_lock:
            self.request_log.clear()

    # --- seeding -------------------------------------------------------------------------

    def create_instance(
        self, alias: str, region: str | None = None, account: str | None = None
    ) -> dict[str, Any]:
        """Idempotent per alias: the id is derived from account, Region and alias."""
        region = region or self.settings.region
        account = account or self.settings.account_id
        instance_id = str(uuid.uuid5(_DEMO_NAMESPACE, f"{account}:{region}:instance:{alias}"))
        arn = build_arn("connect", region, account, f"instance/{instance_id}")
        with self.store.transaction() as db:
            db.execute(
                "INSERT OR IGNORE INTO instances(id, arn, alias, account, region, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (instance_id, arn, alias, account, region, self.clock.now()),
            )
        return {"InstanceId": instance_id, "Arn": arn, "InstanceAlias": alias}

    def create_source_number(
        self,
        iso_country: str = "US",
        number_type: str = "TOLL_FREE",
        region: str | None = None,
        account: str | None = None,
        status: str = "ACTIVE",
        phone_number: str | None = None,
        source_id: str | None = None,
        message_type: str = "TRANSACTIONAL",
        capabilities: list[str] | None = None,
    ) -> dict[str, Any]:
        from .numbers import new_phone_number  # local: numbers imports nothing from here

        region = region or self.settings.region
        account = account or self.settings.account_id
        source_id = source_id or f"phone-{uuid.uuid4().hex}"
        arn = build_arn("sms-voice", region, account, f"phone-number/{source_id}")
        with self.store.transaction() as db:
            existing = db.execute("SELECT * FROM sources WHERE id = ?", (source_id,)).fetchone()
            if existing is None:
                number = phone_number or new_phone_number(db, iso_country, number_type)
                db.execute(
                    "INSERT INTO sources(id, arn, phone_number, account, region, iso_country, "
                    "number_type, message_type, capabilities, status, created_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        source_id,
                        arn,
                        number,
                        account,
                        region,
                        iso_country,
                        number_type,
                        message_type,
                        json.dumps(capabilities or ["SMS", "VOICE"]),
                        status,
                        self.clock.now(),
                    ),
                )
            else:
                number = existing["phone_number"]
        return {"PhoneNumberArn": arn, "PhoneNumber": number, "PhoneNumberId": source_id}

    def set_source_status(self, arn: str, status: str) -> None:
        with self.store.transaction() as db:
            cursor = db.execute("UPDATE sources SET status = ? WHERE arn = ?", (status, arn))
            if cursor.rowcount == 0:
                raise ApiError("ResourceNotFoundException", f"source number {arn} not found")

    def seed_demo(self) -> dict[str, Any]:
        """Only into empty state, so restarting with --seed-demo never duplicates anything."""
        with self.store.transaction() as db:
            empty = (
                db.execute(
                    "SELECT (SELECT COUNT(*) FROM instances) + (SELECT COUNT(*) FROM sources)"
                ).fetchone()[0]
                == 0
            )
        if not empty:
            return {}
        return self.seed("demo", 3)

    def seed(self, alias: str, sources: int) -> dict[str, Any]:
        instance = self.create_instance(alias)
        region, account = self.settings.region, self.settings.account_id
        numbers = []
        for index in range(1, sources + 1):
            digest = hashlib.sha256(f"{account}:{region}:{alias}:source:{index}".encode())
            numbers.append(
                self.create_source_number(
                    source_id=f"phone-{digest.hexdigest()[:32]}",
                    # Fixed numbers only for "demo", so other seeds never share a number with it.
                    phone_number=f"+1833555{index:04d}" if alias == "demo" else None,
                )
            )
        return {"Instance": instance, "SourceNumbers": numbers}


# --- rules shared by operations ---------------------------------------------------------


def settle_due(db: sqlite3.Connection, now: float) -> None:
    """Applies every time-based transition that is due; describe-counted ones wait for describes.

    Callers run it in a transaction of its own: a transition that is due has happened, whatever
    becomes of the request that noticed it (an error answer rolls back only the request's work).
    """
    due = "describes_left IS NULL AND settle_at <= ?"
    gone = db.execute(
        f"SELECT arn FROM numbers WHERE status = 'RELEASING' AND {due}", (now,)
    ).fetchall()
    for row in gone:
        delete_number(db, row["arn"])
    db.execute(
        f"UPDATE numbers SET status = outcome, message = outcome_message "
        f"WHERE status = 'IN_PROGRESS' AND {due}",
        (now,),
    )


def delete_number(db: sqlite3.Connection, arn: str) -> None:
    db.execute("DELETE FROM numbers WHERE arn = ?", (arn,))
    db.execute("DELETE FROM tags WHERE resource_arn = ?", (arn,))


def claim_time(settings: LocalServiceSettings) -> float:
    """How long this import or move takes: the configured delay, spread by the jitter."""
    spread = random.uniform(-settings.claim_jitter, settings.claim_jitter)
    return max(0.0, settings.claim_delay + spread)


def pending_fields(ctx: RequestContext, delay: float) -> tuple[float, int | None]:
    """(settle_at, describes_left) for a transition that starts now."""
    return ctx.now + delay, ctx.settings.claim_after_describes


def _fingerprint(params: dict[str, Any]) -> str:
    def normal(key: str, value: Any) -> Any:
        # An ARN and the bare id name the same resource; they must not look like other params.
        if key in ("PhoneNumberId", "InstanceId") and isinstance(value, str):
            return value.rsplit("/", 1)[-1]
        return value

    cleaned = {k: normal(k, v) for k, v in params.items() if k != "ClientToken"}
    return json.dumps(cleaned, sort_keys=True, default=str)


def with_client_token(
    ctx: RequestContext,
    token: str | None,
    params: dict[str, Any],
    action: Callable[[], dict[str, Any]],
) -> dict[str, Any]:
    """Same token + same parameters replays the first answer; other parameters are refused."""
    if not token:
        return action()
    ctx.db.execute(
        "DELETE FROM client_tokens WHERE created_at < ?", (ctx.now - ctx.settings.client_token_ttl,)
    )
    row = ctx.db.execute(
        "SELECT fingerprint, response FROM client_tokens "
        "WHERE account = ? AND operation = ? AND token = ?",
        (ctx.account, ctx.operation, token),
    ).fetchone()
    fingerprint = _fingerprint(params)
    if row is not None:
        if row["fingerprint"] != fingerprint:
            raise ApiError(
                "IdempotencyException",
                f"ClientToken '{token}' was already used for another {ctx.operation} request "
                "with different parameters",
            )
        response: dict[str, Any] = json.loads(row["response"])
        return response
    result = action()
    ctx.db.execute(
        "INSERT INTO client_tokens(account, operation, token, fingerprint, response, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (ctx.account, ctx.operation, token, fingerprint, json.dumps(result), ctx.now),
    )
    return result


def record_quota_event(ctx: RequestContext, kind: str, phone_number_id: str) -> None:
    ctx.db.execute(
        "INSERT INTO quota_events(account, region, kind, phone_number_id, at) VALUES (?,?,?,?,?)",
        (ctx.account, ctx.region, kind, phone_number_id, ctx.now),
    )


def check_import_quota(ctx: RequestContext) -> None:
    """The seed's rule: releases in a rolling window may not reach 200% of the number quota."""
    quota = ctx.settings.quota_max_active_numbers
    window = ctx.settings.quota_window_days * DAY
    releases = ctx.db.execute(
        "SELECT COUNT(*), MIN(at) FROM quota_events "
        "WHERE account = ? AND region = ? AND kind = 'release' AND at > ?",
        (ctx.account, ctx.region, ctx.now - window),
    ).fetchone()
    if releases[0] >= 2 * quota:
        days = ctx.settings.quota_window_days
        raise ApiError(
            "ServiceQuotaExceededException",
            f"Phone number release quota exceeded: {releases[0]} phone numbers were released in "
            f"the last {days:g} days, which reaches 200% of the quota of {quota} active phone "
            f"numbers. Claiming and importing are blocked until {days:g} days after the oldest "
            "of those releases.",
        )
    active = ctx.db.execute(
        f"SELECT COUNT(*) FROM numbers WHERE account = ? AND region = ? AND {ACTIVE_SQL}",
        (ctx.account, ctx.region),
    ).fetchone()[0]
    if active >= quota:
        raise ApiError(
            "ServiceQuotaExceededException",
            f"The account already has {active} active phone numbers, the maximum allowed by its "
            f"quota of {quota}.",
        )
