"""The records of a suggested paper on its way into the survey.

What a reader's issue says (``Suggestion``), what the metadata services know of
the paper (``PaperRecord``), the reader to thank (``Thanks``) and the accepted
paper ready for the editors (``PaperItem``): frozen dataclasses of plain values,
like the records the matcher and the reference loaders share (``bot.models``).
They live apart from those so that ``survey-bot check``, which makes none of
them, does not create their classes at every start (Python 3.11 compiles each
dataclass's methods from source, about 1 ms a class).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


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
