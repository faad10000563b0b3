"""Whether an End User Messaging number can become a Connect number, decided at import time.

A source that cannot be imported does not refuse the call: the import is accepted and the
number ends FAILED with the reason as its status message, as Connect's asynchronous claims do.
"""

from __future__ import annotations

from connect_local_service.domain.records import SourceNumberRecord
from connect_local_service.server.request_context import RequestContext

# End User Messaging number types as Connect reports them after import.
# Short codes are among Connect's PhoneNumberType values, and Connect's SMS documentation says
# short codes, 10DLC and toll-free numbers can be used, so a SHORT_CODE source imports.
CONNECT_TYPE = {
    "TOLL_FREE": "TOLL_FREE",
    "LONG_CODE": "DID",
    "TEN_DLC": "DID",
    "SHORT_CODE": "SHORT_CODE",
}


def source_problem(
    ctx: RequestContext, source_arn: str
) -> tuple[SourceNumberRecord | None, str | None]:
    """The source (if it exists) and why it cannot be imported (None when it can)."""
    source = ctx.tx.source_with_arn(source_arn)
    if source is None:
        return None, f"Source phone number {source_arn} does not exist"
    if source.region != ctx.region:
        return source, (
            f"Source phone number {source_arn} is in Region {source.region}; it can only be "
            f"imported into an instance in the same Region ({ctx.region})"
        )
    if source.account != ctx.account:
        return source, f"Source phone number {source_arn} belongs to another account"
    if source.status != "ACTIVE":
        return source, f"Source phone number {source_arn} is {source.status}, not ACTIVE"
    if source.number_type not in CONNECT_TYPE:
        return source, f"{source.number_type} numbers cannot be imported into Amazon Connect"
    return source, None
