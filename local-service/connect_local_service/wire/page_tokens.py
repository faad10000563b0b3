"""Opaque NextTokens: where the next page starts, in a form only this service issues."""

from __future__ import annotations

import base64
import binascii
import json


def encode_page_token(after: int) -> str:
    return base64.urlsafe_b64encode(json.dumps({"after": after}).encode()).decode()


def decode_page_token(token: str) -> int | None:
    """The position the page starts after; None for anything this service did not issue."""
    try:
        value = json.loads(base64.urlsafe_b64decode(token.encode()).decode())
        after = value["after"]
    except (ValueError, KeyError, TypeError, UnicodeDecodeError, binascii.Error):
        return None
    if isinstance(after, int) and not isinstance(after, bool) and after >= 0:
        return after
    return None
