"""The dashboard's body: controls first, long lists after, always under GitHub's limit. Pure.

GitHub refuses an issue body over 65,536 characters, and a body cut there
would lose what follows (Renovate's dashboard lost its controls that way), so
the body is built to fit: the checkboxes of suggestions awaiting a decision
come first, and when the whole would exceed ``BODY_BUDGET`` the oldest
entries of the long lists are folded into a count, in this order: the
audit's findings, merged papers, declined ones, then the newest of those
awaiting (the longest waits stay in view). The marker and the hidden data are
added here, outside the template, so an override cannot drop them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection
from dataclasses import replace
from typing import Any

from bot.dashboard.model import MARKER, STATUSES, Dashboard, Entry, encode
from bot.dashboard.ticks import TICK_ID

BODY_BUDGET = 60_000  # GitHub's limit is 65,536 characters
#: What is folded first when the body is too long: (status, oldest first?).
FOLD_ORDER = (
    ("merged", True),
    ("declined", True),
    ("in_pull", True),
    ("accepted", True),
    ("awaiting", False),
)


def body(
    dashboard: Dashboard,
    today: dt.date,
    render: Callable[..., str],
    checked: Collection[str] = frozenset(),
) -> str:
    """The whole body for ``dashboard``: marker, visible text (``render``ed), hidden data.

    Boxes are written unticked, but those in ``checked`` (ticks still to be run).
    """
    groups: dict[str, list[dict[str, Any]]] = {status: [] for status in STATUSES}
    for entry in dashboard.entries:
        groups[entry.status].append(_view(entry, today, entry.key in checked))
    visible = render(
        groups=groups,
        notes=list(dashboard.notes),
        findings=list(dashboard.findings),
        folded={k: v for k, v in dashboard.folded.items() if v},
        pulls=sorted({e.pull for e in dashboard.entries if e.status == "in_pull" and e.pull}),
    )
    return f"{MARKER}\n{visible.strip()}\n\n{encode(dashboard)}\n"


def fit(
    dashboard: Dashboard,
    today: dt.date,
    render: Callable[..., str],
    budget: int = BODY_BUDGET,
    checked: Collection[str] = frozenset(),
) -> tuple[Dashboard, str]:
    """``dashboard`` folded until its body fits ``budget``, and that body."""
    text = body(dashboard, today, render, checked)
    while len(text) > budget:
        folded = _fold_one(dashboard)
        if folded is None:
            break  # nothing left to fold: only notes, which are short
        dashboard = folded
        text = body(dashboard, today, render, checked)
    return dashboard, text


def _fold_one(dashboard: Dashboard) -> Dashboard | None:
    """``dashboard`` with a few of its least useful entries folded into a count."""
    if dashboard.findings:  # all of them are one `survey-bot audit` away
        return replace(dashboard, findings=dashboard.findings[: len(dashboard.findings) // 2])
    for status, oldest in FOLD_ORDER:
        listed = [e for e in dashboard.entries if e.status == status]
        if not listed:
            continue
        step = max(1, len(listed) // 10)
        chosen = listed[:step] if oldest else listed[-step:]
        gone = {id(e) for e in chosen}
        folded = dict(dashboard.folded)
        folded[status] = folded.get(status, 0) + len(chosen)
        return replace(
            dashboard,
            entries=tuple(e for e in dashboard.entries if id(e) not in gone),
            folded=folded,
        )
    return None


def _view(entry: Entry, today: dt.date, checked: bool) -> dict[str, Any]:
    return {
        "checked": checked,
        "issue": entry.issue,
        "title": entry.title,
        "reader": entry.reader,
        "section": entry.section,
        "days": _days(entry.since, today),
        "pull": entry.pull,
        "version": entry.version,
        "reason": entry.reason,
        "tick": TICK_ID.format(key=entry.key),
    }


def _days(since: str, today: dt.date) -> int | None:
    try:
        return max(0, (today - dt.date.fromisoformat(since[:10])).days)
    except ValueError:
        return None
