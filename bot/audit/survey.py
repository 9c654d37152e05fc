"""What the audit reads: the survey's sources as text, and what the metadata cache knows.

Both are plain data handed in by the edge (``bot.audit.load`` reads the files
and the cache), so that every check is a pure function of them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from bot.identity import ids_of
from bot.models import Reference
from bot.suggestions import PaperRecord


@dataclass(frozen=True)
class Source:
    """One configured reference file: its name (as reports show it), text and format."""

    name: str
    text: str
    format: str  # a ``bot.references.FORMATS`` name


@dataclass(frozen=True)
class Knowledge:
    """What the metadata cache knows, without a lookup: the ids linked to each id
    (``bot.identity``), and the resolved record of each arXiv id it holds."""

    links: Mapping[str, frozenset[str]] = field(default_factory=dict)
    records: Mapping[str, PaperRecord] = field(default_factory=dict)  # by bare arXiv id

    def linked(self, ids: Iterable[str]) -> frozenset[str]:
        found = set(ids)
        for typed_id in list(found):
            found |= self.links.get(typed_id, frozenset())
        return frozenset(found)


def own_ids(ref: Reference) -> frozenset[str]:
    """The typed ids an entry itself names (its arXiv id, DOIs, links, dblp key)."""
    return ids_of(arxiv=ref.arxiv, dois=[ref.doi], urls=ref.urls, key=ref.key)
