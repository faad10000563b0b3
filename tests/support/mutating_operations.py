"""The Connect operations that change a number, as the local service's request log names them.

Tests assert that none of them appears where nothing may change: a preview, a failed check,
a run with bad input.
"""

from __future__ import annotations

MUTATING = frozenset(
    {
        "ImportPhoneNumber",
        "UpdatePhoneNumber",
        "UpdatePhoneNumberMetadata",
        "ReleasePhoneNumber",
        "TagResource",
        "UntagResource",
        "AssociatePhoneNumberContactFlow",
        "DisassociatePhoneNumberContactFlow",
    }
)
