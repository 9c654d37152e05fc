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
    """``dashboard`` folded until its body fits ``budget``, and that body.

    The least useful part goes first: the audit's findings (all of them are one
    ``survey-bot audit`` away), then entries in ``FOLD_ORDER``. How much to
    fold is found by bisection, so a body of thousands of entries is rendered
    a few dozen times, not once per entry folded.
    """

    def text(candidate: Dashboard) -> str:
        return body(candidate, today, render, checked)

    whole = text(dashboard)
    if len(whole) <= budget:
        return dashboard, whole
    findings = dashboard.findings

    def with_findings(m: int) -> bool:
        return len(text(replace(dashboard, findings=findings[:m]))) <= budget

    kept = _most(len(findings), with_findings)
    if kept is not None:
        fitted = replace(dashboard, findings=findings[:kept])
        return fitted, text(fitted)
    dashboard = replace(dashboard, findings=())
    order = _fold_order(dashboard.entries)
    count = _least(len(order), lambda k: len(text(_folded(dashboard, order[:k]))) <= budget)
    fitted = _folded(dashboard, order[: len(order) if count is None else count])
    return fitted, text(fitted)


def _fold_order(entries: tuple[Entry, ...]) -> list[Entry]:
    """The entries in the order they are folded (``FOLD_ORDER``)."""
    order: list[Entry] = []
    for status, oldest in FOLD_ORDER:
        listed = [e for e in entries if e.status == status]
        order += listed if oldest else listed[::-1]
    return order


def _folded(dashboard: Dashboard, chosen: list[Entry]) -> Dashboard:
    """``dashboard`` with the ``chosen`` entries replaced by a count per status."""
    gone = {id(e) for e in chosen}
    folded = dict(dashboard.folded)
    for entry in chosen:
        folded[entry.status] = folded.get(entry.status, 0) + 1
    return replace(
        dashboard, entries=tuple(e for e in dashboard.entries if id(e) not in gone), folded=folded
    )


def _least(high: int, fits: Callable[[int], bool]) -> int | None:
    """The least ``k`` in ``0..high`` with ``fits(k)`` (true from some ``k`` on); None if none."""
    if not fits(high):
        return None
    low = 0
    while low < high:
        middle = (low + high) // 2
        if fits(middle):
            high = middle
        else:
            low = middle + 1
    return low


def _most(high: int, fits: Callable[[int], bool]) -> int | None:
    """The greatest ``m`` in ``0..high`` with ``fits(m)`` (true up to some ``m``); None if none."""
    least = _least(high, lambda k: fits(high - k))
    return None if least is None else high - least


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
