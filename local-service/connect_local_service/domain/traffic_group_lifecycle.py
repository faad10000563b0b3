"""The traffic distribution group state machine, on the service clock only.

    create ──> CREATION_IN_PROGRESS ──(delay)──> ACTIVE ──delete──> PENDING_DELETION ──> gone

CREATION_FAILED, DELETION_FAILED and UPDATE_IN_PROGRESS are in the model's enum but never
happen here (instance replication, their cause, is not modelled).
"""

from __future__ import annotations

import dataclasses

from connect_local_service.domain.records import TrafficGroupRecord
from connect_local_service.server.request_context import RequestContext
from connect_local_service.store import Transaction
from connect_local_service.wire.api_errors import ApiError

CREATION_IN_PROGRESS = "CREATION_IN_PROGRESS"
ACTIVE = "ACTIVE"
PENDING_DELETION = "PENDING_DELETION"


def begin_creation(ctx: RequestContext, group: TrafficGroupRecord) -> TrafficGroupRecord:
    delay = ctx.settings.traffic_distribution_group_delay
    created = dataclasses.replace(group, status=CREATION_IN_PROGRESS, settle_at=ctx.now + delay)
    ctx.tx.insert_traffic_group(created)
    return created


def begin_deletion(ctx: RequestContext, group: TrafficGroupRecord) -> None:
    """PENDING_DELETION for the delay; deleting one already on its way is accepted again."""
    if group.status == PENDING_DELETION:
        return
    if group.status != ACTIVE:
        raise ApiError(
            "InvalidRequestException",
            f"Traffic distribution group {group.id} is {group.status}; it can be deleted when "
            "ACTIVE",
        )
    delay = ctx.settings.traffic_distribution_group_delay
    deleting = dataclasses.replace(group, status=PENDING_DELETION, settle_at=ctx.now + delay)
    ctx.tx.save_traffic_group(deleting)


def settle_due_groups(tx: Transaction, now: float) -> None:
    """Creations become ACTIVE and deletions complete once their time has come."""
    for group in tx.traffic_groups_settling_by(now):
        if group.status == PENDING_DELETION:
            tx.delete_traffic_group(group)
        else:
            tx.save_traffic_group(dataclasses.replace(group, status=ACTIVE, settle_at=None))


def accepts_numbers(group: TrafficGroupRecord) -> bool:
    return group.status == ACTIVE
