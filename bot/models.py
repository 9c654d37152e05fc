"""Plain domain records shared by every step of the pipeline.

They are frozen dataclasses of plain values so that parsing, matching, planning
and rendering stay pure functions that are easy to test and to serialise.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

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
class PaperRecord:
    """Metadata of a suggested paper, as resolved from arXiv, Crossref, S2 or DBLP."""

    title: str
    authors: tuple[str, ...] = ()
    year: int | None = None
    venue: str | None = None
    arxiv: str | None = None
    doi: str | None = None
    url: str | None = None
    published_venue: str | None = None  # the peer-reviewed version, when known
    published_doi: str | None = None
    source: str = ""  # which service produced it: "arxiv", "crossref", ...
    # Bibliographic details a .bib entry may carry, when the service gives them.
    month: int | None = None
    day: int | None = None  # of the first version (arXiv): lists that date papers by day
    volume: str | None = None
    number: str | None = None
    pages: str | None = None  # "1877-1901"
    publisher: str | None = None
    primary_class: str | None = None  # arXiv's primary category: "cs.CL", "hep-ph"
    citation_key: str | None = None  # a key the paper is known by (INSPIRE texkey, pasted BibTeX)
    kind: str | None = None  # its BibTeX entry type when known: article, inproceedings, book, ...
    # Used during the run that resolved it, never stored (``to_json`` leaves them out)
    # nor compared (a record read back from the triage state is the same record):
    abstract: str | None = field(default=None, compare=False)  # for the section proposal
    # Every identifier of the work, typed ("acl:N19-1423", "dblp:...": ``bot.identity``).
    ids: tuple[str, ...] = field(default=(), compare=False)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["authors"] = list(self.authors)
        for name in _DETAILS:  # only when known: records stored before them read the same
            if data[name] is None:
                del data[name]
        del data["abstract"], data["ids"]
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PaperRecord:
        known: dict[str, Any] = {k: data.get(k) for k in cls.__dataclass_fields__ if k in data}
        known["authors"] = tuple(data.get("authors") or ())
        known["title"] = data.get("title") or ""
        return cls(**known)


_DETAILS = (
    "month", "day", "volume", "number", "pages", "publisher", "primary_class", "citation_key",
    "kind",
)  # fmt: skip


@dataclass(frozen=True)
class Suggestion:
    """What one reader issue says about one paper, before any lookup."""

    arxiv: str | None = None
    doi: str | None = None
    openreview: str | None = None
    acl: str | None = None
    url: str | None = None
    title: str | None = None
    bibtex: str | None = None
    section: str | None = None
    thank_as: str | None = None
    opt_out: bool = False  # the reader asked not to be thanked by name
    name: str | None = None  # a model or method named without its paper ("Mixtral")

    def to_json(self) -> dict[str, Any]:
        """The ``survey-bot intake --json`` shape (a contract; ``name`` only when set)."""
        return {
            "arxiv": self.arxiv,
            "doi": self.doi,
            "openreview": self.openreview,
            "acl": self.acl,
            "url": self.url,
            "title": self.title,
            "section": self.section,
            "thank_as": self.thank_as,
            **({"name": self.name} if self.name else {}),
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
class SectionScore:
    """A section of the survey proposed for a new paper (``bot.placement``): its heading,
    how well the paper fits there (0..1), and the listed papers there most like it."""

    heading: str
    score: float
    because: tuple[Reference, ...] = ()


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


@dataclass(frozen=True)
class Thanks:
    """A reader to credit in the acknowledgements."""

    login: str
    name: str  # display name: form's "thank me as", else profile name, else login
    opt_out: bool = False


@dataclass(frozen=True)
class PaperItem:
    """An accepted paper, ready for the editors: metadata plus where it goes."""

    record: PaperRecord
    section: str | None = None
    issue: int | None = None
    thanks: tuple[Thanks, ...] = field(default=())
