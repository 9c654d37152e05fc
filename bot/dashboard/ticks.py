"""The dashboard's checkboxes: which a person ticked, read from the issue body. Pure.

Each box of a suggestion awaiting a decision ends with a hidden id,
``<!-- survey-bot:tick 12.0 -->`` (issue 12, its first paper), so a tick names
its paper whatever the lines around it became. Who ticked is what GitHub's
``issues.edited`` event says: its ``sender`` made the edit, and its
``changes.body.from`` is the body before that edit, so the boxes ticked in the
new body and not in the old one are exactly the sender's. Without
``changes.body`` every box ticked in the new body counts (the bot writes every
box unticked).
"""

from __future__ import annotations

import re

TICK_ID = "<!-- survey-bot:tick {key} -->"
_BOX = re.compile(
    r"^[ \t]*[-*+][ \t]+\[(?P<mark>[ xX])\][^\n]*"
    r"<!-- survey-bot:tick (?P<key>\d{1,9}\.\d{1,3}) -->",
    re.M,
)


def ticked(body: str | None) -> frozenset[str]:
    """The ids of the boxes ticked in ``body``."""
    return frozenset(m["key"] for m in _BOX.finditer(body or "") if m["mark"] in "xX")


def boxes(body: str | None) -> frozenset[str]:
    """The ids of every box in ``body``, ticked or not."""
    return frozenset(m["key"] for m in _BOX.finditer(body or ""))


def new_ticks(body: str | None, before: str | None) -> frozenset[str]:
    """The boxes ticked by the edit that turned ``before`` into ``body`` (None: unknown)."""
    return ticked(body) - ticked(before)
