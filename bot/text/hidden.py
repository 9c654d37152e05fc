"""Machine-readable data hidden in text that GitHub shows (comments, pull request bodies).

The payload is base64url of compact JSON: its alphabet (``A-Z a-z 0-9 - _``)
cannot contain ``-->``, so no untrusted title or name inside can close the HTML
comment that carries it. Callers own their markers; this module owns the payload.
"""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any


def pack(data: Any) -> str:
    """``data`` as an unpadded base64url JSON payload (stable: keys sorted)."""
    raw = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode("utf-8")).decode("ascii").rstrip("=")


def unpack(payload: str) -> Any:
    """The JSON value of ``payload``; ``ValueError`` when it is not one we could have written."""
    payload = payload.rstrip("=")
    try:
        raw = base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))
        return json.loads(raw.decode("utf-8"))
    except (binascii.Error, UnicodeDecodeError, RecursionError) as exc:
        raise ValueError(str(exc)) from exc
