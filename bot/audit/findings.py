"""What the audit reports: findings, the entries they involve, and the fixes they propose.

Plain frozen records, so that the checks stay pure and the three outputs (text,
``--json``, the Actions job summary) and ``audit --fix`` read the same data.
A finding's ``id`` is stable across runs and unrelated edits of the file (it
hashes the kind and the works involved, not line numbers), so a maintainer can
name it in ``audit --fix --accept ID`` after reading last week's report.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from bot.text.normalize import title_key

if TYPE_CHECKING:
    from bot.lists.document import Item
    from bot.models import Reference

# The kinds of finding, in the order reports list them.
DUPLICATE = "duplicate-in-section"
CONFLICT = "conflicting-metadata"
IDENTIFIERS = "several-identifiers"
PUBLISHED = "published-version"
NUMBERING = "numbering"
MALFORMED = "malformed-entry"
LINKS = "inconsistent-links"
KINDS = (DUPLICATE, CONFLICT, IDENTIFIERS, PUBLISHED, NUMBERING, MALFORMED, LINKS)

# What each kind means, for the reports' headings.
TITLES = {
    DUPLICATE: "The same work twice in one section",
    CONFLICT: "One work, conflicting details in different sections",
    IDENTIFIERS: "One work under different identifiers",
    PUBLISHED: "Preprints with a known published version",
    NUMBERING: "Numbering that skips or repeats",
    MALFORMED: "Malformed entries",
    LINKS: "One work linked in different forms",
}


@dataclass(frozen=True)
class Place:
    """One entry a finding involves: where it is and what identifies it."""

    source: str
    line: int
    end_line: int = 0
    section: str | None = None
    title: str = ""
    number: int | None = None
    ids: tuple[str, ...] = ()  # typed ids (``bot.identity``): "arxiv:...", "openreview:..."

    @classmethod
    def of(cls, ref: Reference) -> Place:
        from bot.audit.survey import own_ids

        ids = own_ids(ref)
        return cls(
            ref.source,
            ref.line,
            ref.end_line or ref.line,
            ref.section,
            ref.title,
            ref.number,
            tuple(sorted(ids)),
        )

    @classmethod
    def at(cls, item: Item, source: str) -> Place:
        """A Markdown list item that is no reference (a tool, a dataset): where it is."""
        fields = item.entry.fields
        return cls(
            source,
            item.block.start + 1,
            item.block.end + 1,
            item.section,
            fields.title or fields.nickname or "",
            item.block.number,
        )

    @property
    def where(self) -> str:
        return f"{self.source}:{self.line}" if self.source else f"line {self.line}"

    def to_json(self) -> dict[str, Any]:
        return {
            "file": self.source,
            "line": self.line,
            "section": self.section,
            "title": self.title or None,
            "number": self.number,
            "ids": list(self.ids),
        }


@dataclass(frozen=True)
class Fix:
    """A proposed change of one span of text: ``old`` becomes ``new`` within lines
    ``line``..``end_line`` of ``source`` (the first occurrence there).

    ``mechanical`` fixes (numbering, link forms) are safe to write without a
    person's judgement: ``audit --fix`` writes them. The others (a venue
    upgrade) are written only when a maintainer accepted the finding.
    """

    source: str
    line: int
    old: str
    new: str
    mechanical: bool
    end_line: int = 0

    def describe(self) -> str:
        return f"{self.source}:{self.line}: {self.old!r} -> {self.new!r}"

    def to_json(self) -> dict[str, Any]:
        return {
            "file": self.source,
            "line": self.line,
            "old": self.old,
            "new": self.new,
            "mechanical": self.mechanical,
        }


@dataclass(frozen=True)
class Finding:
    """One problem of the survey's own list: its kind, what it says, the entries, the fix."""

    kind: str
    message: str
    entries: tuple[Place, ...]
    proposal: str | None = None  # the fix in words, when there is one
    fixes: tuple[Fix, ...] = ()

    @property
    def id(self) -> str:
        """Stable across runs: the kind and the works involved, not where they are."""
        parts = [self.kind, *sorted(f"{p.source}|{p.section}|{_work(p)}" for p in self.entries)]
        if self.kind in (NUMBERING, MALFORMED):  # about the entry as written, not the work
            parts.append(self.message)
        return hashlib.sha1("\n".join(parts).encode("utf-8")).hexdigest()[:8]

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "message": self.message,
            "entries": [p.to_json() for p in self.entries],
            "fix": (
                {"description": self.proposal, "edits": [f.to_json() for f in self.fixes]}
                if self.proposal or self.fixes
                else None
            ),
        }


def _work(place: Place) -> str:
    return ",".join(place.ids) or title_key(place.title)


def counts(findings: Sequence[Finding]) -> dict[str, int]:
    """How many findings of each kind, every kind listed (zero included)."""
    found = dict.fromkeys(KINDS, 0)
    for finding in findings:
        found[finding.kind] = found.get(finding.kind, 0) + 1
    return found
