"""What the local service's request log tells about a run."""

from __future__ import annotations

# Connect operations that change a number: none may appear in a preview or a failed check.
MUTATING = frozenset(
    {
        "ImportPhoneNumber",
        "UpdatePhoneNumber",
        "UpdatePhoneNumberMetadata",
        "ReleasePhoneNumber",
        "TagResource",
        "UntagResource",
    }
)
