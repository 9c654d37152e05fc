"""Plain domain records shared by every step of the pipeline: the survey's
references, the matcher's queries and answers, and an item that could not be
processed. A suggested paper's own records are in ``bot.suggestions``, a section
proposed for it in ``bot.placement``.

They are frozen dataclasses of plain values so that parsing, matching, planning
and rendering stay pure functions that are easy to test and to serialise.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from bot.placement import SectionScore
    from bot.suggestions import PaperRecord

Verdict = Literal["cited", "new", "ambiguous"]


@dataclass(frozen=True, slots=True)  # no __dict__: a survey may hold 50,000
class Reference:
    """One entry of the survey's existing reference list, whatever file it came from."""

    title: str
    number: int | None = None  # [57] in a numbered list
    key: str | None = None  # BibTeX / \bibitem key
    authors: tuple[str, ...] = ()
    year: int | None = None
    venue: str | None = None
    arxiv: str | None = None  # normalised, no version: "2303.18223", "hep-th/9901001"
    doi: str | None = None  # normalised, lower case: "10.18653/v1/n19-1423"
    urls: tuple[str, ...] = ()
    section: str | None = None  # heading the entry sits under (Markdown lists)
    source: str = ""  # file the entry was read from
    line: int = 0  # first line of the entry, 1-based
    end_line: int = 0  # last line of the entry, 1-based

    def to_json(self) -> dict[str, Any]:
        """The ``survey-bot refs --json`` shape (a contract)."""
        return {
            "number": self.number,
            "key": self.key,
            "title": self.title or None,
            "authors": list(self.authors),
            "year": self.year,
            "venue": self.venue,
            "arxiv": self.arxiv,
            "doi": self.doi,
            "section": self.section,
            "line": self.line or None,
        }


@dataclass(frozen=True)
class Query:
    """What the matcher looks up: any mix of ids, title, authors and year."""

    title: str | None = None
    arxiv: str | None = None
    doi: str | None = None
    authors: tuple[str, ...] = ()
    year: int | None = None
    id: str | None = None  # caller's own label (``--batch`` input ``id``)
    # Other identifiers of the same work, typed ("doi:...", "openreview:...", "acl:...",
    # see ``bot.identity``): the paper is cited when the survey lists it by any of them.
    ids: tuple[str, ...] = ()

    @classmethod
    def from_record(cls, record: PaperRecord) -> Query:
        return cls(
            title=record.title or None,
            arxiv=record.arxiv,
            doi=record.published_doi or record.doi,
            authors=record.authors,
            year=record.year,
            ids=record.ids,
        )


@dataclass(frozen=True)
class ScoredReference:
    """A survey reference that may be the queried paper: its score and the evidence for it."""

    reference: Reference
    score: float  # 0..1
    reason: str  # "arxiv-id", "doi", "title", "title+authors", ...


@dataclass(frozen=True)
class CheckResult:
    """The matcher's answer for one query."""

    query: Query
    verdict: Verdict
    match: Reference | None = None
    score: float = 0.0
    reason: str = ""
    candidates: tuple[ScoredReference, ...] = ()
    sections: tuple[SectionScore, ...] = ()  # for a new paper: where it may go, best first


@dataclass(frozen=True)
class Skipped:
    """An item that could not be processed; per-item failure is data, not a crash."""

    what: str
    why: str
