"""Made-up but well-formed E.164 numbers for End User Messaging sources."""

from __future__ import annotations

import random

from connect_local_service.store import Transaction
from connect_local_service.wire.api_errors import ApiError, validation_exception

# Calling codes of the countries the local service can hand out numbers in.
CALLING_CODES = {
    "US": "1",
    "CA": "1",
    "GB": "44",
    "DE": "49",
    "FR": "33",
    "AU": "61",
    "JP": "81",
    "IE": "353",
    "NZ": "64",
    "MX": "52",
}

_random = random.SystemRandom()


def new_phone_number(tx: Transaction, iso_country: str, number_type: str) -> str:
    code = CALLING_CODES.get(iso_country)
    if code is None:
        raise validation_exception(
            f"IsoCountryCode: the local service has no numbers in {iso_country}; "
            f"use one of {', '.join(sorted(CALLING_CODES))}",
            "INVALID_PARAMETER",
        )
    for _ in range(100):
        if code == "1":
            area = "833" if number_type == "TOLL_FREE" else "206"
            candidate = f"+1{area}{_random.randrange(10**7):07d}"
        else:
            candidate = f"+{code}{_random.randrange(10**9):09d}"
        if not tx.phone_number_in_use(candidate):
            return candidate
    raise ApiError("ServiceQuotaExceededException", f"no free numbers left in {iso_country}")
