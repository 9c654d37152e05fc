"""What the dashboard shows and remembers, as plain data hidden in its own issue body.

The body starts with ``MARKER`` and ends with one data line, like the triage
comment (``bot.issue.state``): base64url JSON (``bot.text.hidden``), so no
untrusted title inside can close the HTML comment. The data is the dashboard's
memory between runs: a triage or a command updates its own issue's entries
without reading every other issue, the scheduled run rebuilds them all.
Decoding never raises: unreadable data gives an empty ``Dashboard``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from bot.issue.state import _list, _opt_int, _opt_str, _str, _str_list
from bot.text.hidden import pack, unpack

MARKER = "<!-- survey-bot:dashboard -->"
DATA_PREFIX = "<!-- survey-bot:dashboard-data "
DATA_SUFFIX = " -->"
SCHEMA_VERSION = 1
#: Where a suggestion stands, in the order the dashboard lists them.
STATUSES = ("awaiting", "accepted", "in_pull", "merged", "declined")
MAX_NOTES = 5  # the latest notes (a tick undone, ticks not processed) shown above the lists
MAX_TITLE = 160

_DATA = re.compile(r"<!-- survey-bot:dashboard-data (?P<data>[A-Za-z0-9_-]*) -->")


@dataclass(frozen=True)
class Entry:
    """One suggested paper of one reader issue, as the dashboard lists it."""

    issue: int
    paper: int  # position in the issue's triage state
    title: str
    reader: str  # the issue author's login
    status: str  # one of STATUSES
    since: str = ""  # ISO date the suggestion arrived
    section: str | None = None  # where accepting puts it (accepted: where it goes)
    pull: int | None = None  # in_pull / merged: the pull request
    version: str | None = None  # merged: the survey version it shipped in
    reason: str | None = None  # declined: the maintainer's reason
    ids: tuple[str, ...] = ()  # typed ids and the title key: memory by work

    @property
    def key(self) -> str:
        """The checkbox's id: ``issue.paper``."""
        return f"{self.issue}.{self.paper}"

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "i": self.issue,
            "p": self.paper,
            "t": self.title,
            "r": self.reader,
            "s": self.status,
            "d": self.since,
            "ids": list(self.ids),
        }
        optional = {
            "sec": self.section,
            "pr": self.pull,
            "ver": self.version,
            "why": self.reason,
        }
        return data | {k: v for k, v in optional.items() if v is not None}

    @classmethod
    def from_json(cls, data: object) -> Entry:
        if not isinstance(data, Mapping):
            raise ValueError("an entry is not an object")
        status = data.get("s")
        if status not in STATUSES:
            raise ValueError(f"unknown status {status!r}")
        return cls(
            issue=_int(data, "i"),
            paper=_int(data, "p"),
            title=_str(data, "t"),
            reader=_str(data, "r"),
            status=status,
            since=_str(data, "d"),
            section=_opt_str(data, "sec"),
            pull=_opt_int(data, "pr"),
            version=_opt_str(data, "ver"),
            reason=_opt_str(data, "why"),
            ids=tuple(_str_list(data, "ids")),
        )


@dataclass(frozen=True)
class Dashboard:
    """Everything the dashboard remembers."""

    entries: tuple[Entry, ...] = ()
    versions: tuple[str, ...] = ()  # survey versions already seen in the changelog
    notes: tuple[str, ...] = ()  # latest first, at most MAX_NOTES
    findings: tuple[str, ...] = ()  # the audit's findings, one line each
    folded: Mapping[str, int] = field(default_factory=dict)  # per status: entries not listed
    since: str = ""  # when the dashboard was first built (ISO date)
    # Issues the batch's follow-up wrote to in the last run: the next run shows their status.
    later: tuple[int, ...] = ()

    def with_note(self, note: str) -> Dashboard:
        return replace(self, notes=(note, *self.notes)[:MAX_NOTES])

    def entry(self, key: str) -> Entry | None:
        return next((e for e in self.entries if e.key == key), None)

    def of_issue(self, number: int) -> tuple[Entry, ...]:
        return tuple(e for e in self.entries if e.issue == number)

    def with_issue(self, number: int, entries: tuple[Entry, ...]) -> Dashboard:
        """The dashboard with issue ``number``'s entries replaced, the others in their order."""
        others = tuple(e for e in self.entries if e.issue != number)
        return replace(self, entries=tuple(sorted((*others, *entries), key=_order)))

    def to_json(self) -> dict[str, Any]:
        return {
            "v": SCHEMA_VERSION,
            "entries": [e.to_json() for e in self.entries],
            "versions": list(self.versions),
            "notes": list(self.notes),
            "findings": list(self.findings),
            "folded": dict(self.folded),
            "since": self.since,
            **({"later": list(self.later)} if self.later else {}),
        }

    @classmethod
    def from_json(cls, data: object) -> Dashboard:
        if not isinstance(data, Mapping) or data.get("v") != SCHEMA_VERSION:
            raise ValueError("not dashboard data of this version")
        folded = data.get("folded") or {}
        if not isinstance(folded, Mapping) or not all(
            isinstance(v, int) and k in STATUSES for k, v in folded.items()
        ):
            raise ValueError("folded: expected counts per status")
        return cls(
            entries=tuple(Entry.from_json(e) for e in _list(data, "entries")),
            versions=tuple(_str_list(data, "versions")),
            notes=tuple(_str_list(data, "notes"))[:MAX_NOTES],
            findings=tuple(_str_list(data, "findings")),
            folded=dict(folded),
            since=_str(data, "since"),
            later=tuple(int(n) for n in _list(data, "later")),
        )


def _order(entry: Entry) -> tuple[int, str, int, int]:
    """Oldest suggestion first within a status: the longest wait leads."""
    return (STATUSES.index(entry.status), entry.since, entry.issue, entry.paper)


def sort_entries(entries: tuple[Entry, ...]) -> tuple[Entry, ...]:
    return tuple(sorted(entries, key=_order))


def encode(dashboard: Dashboard) -> str:
    return f"{DATA_PREFIX}{pack(dashboard.to_json())}{DATA_SUFFIX}"


def decode(body: str | None) -> Dashboard | None:
    """The data hidden in a dashboard body; None when there is none or it is unreadable."""
    found = list(_DATA.finditer(body or ""))
    if not found:
        return None
    try:
        return Dashboard.from_json(unpack(found[-1].group("data")))
    except (ValueError, TypeError, KeyError):
        return None


def is_dashboard(body: str | None, author: str, bot_login: str) -> bool:
    """Whether an issue is the bot's dashboard: the marker, in an issue the bot opened."""
    return MARKER in (body or "") and bool(bot_login) and author.lower() == bot_login.lower()


def _int(data: Mapping[str, Any], key: str) -> int:
    value = _opt_int(data, key)
    if value is None:
        raise ValueError(f"{key}: expected an integer")
    return value
