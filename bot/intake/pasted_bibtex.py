"""BibTeX entries pasted into an issue, fenced or not, and what identifies their paper.

Readers paste whole entries (``@article{key, title={...}, ...}``), often the one Google
Scholar or arXiv gives them. The splitter reads them leniently (``split_pasted``): an
unbalanced or truncated entry still yields what it can. We keep the raw entry text and
read the few fields that identify the paper: title, arXiv id (``eprint``, a CoRR
``volume = {abs/...}``, an arXiv ``journal``/``note``/``url``), DOI and URL.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.identifiers import arxiv_from_doi, normalize_arxiv, normalize_doi
from bot.references.bibtex_split import ENTRY, split_pasted
from bot.text import latex


@dataclass
class PastedEntry:
    """One pasted entry: where it is in the searched text, its raw text, its fields
    (lower-case name -> the text of its value, blanks collapsed, LaTeX still encoded)."""

    start: int  # offsets into the text that was searched
    end: int
    raw: str
    entry_type: str
    key: str
    fields: dict[str, str] = field(default_factory=dict)

    @property
    def title(self) -> str | None:
        return clean_title(self.fields.get("title", "")) or None

    @property
    def arxiv(self) -> str | None:
        f = self.fields
        eprint = f.get("eprint", "")
        prefix = (f.get("archiveprefix") or f.get("eprinttype") or "").lower()
        if eprint and (not prefix or "arxiv" in prefix):
            found = normalize_arxiv(eprint)
            if found:
                return found
        for name in ("doi",):
            found = arxiv_from_doi(f.get(name))
            if found:
                return found
        for name in (
            "journal",
            "journaltitle",
            "booktitle",
            "note",
            "howpublished",
            "url",
            "ee",
            "pdf",
            "volume",
            "arxiv",
            "arxivid",
        ):
            value = f.get(name, "")
            if not value:
                continue
            if name == "volume" and not re.search(r"abs/", value, re.IGNORECASE):
                continue
            if name in ("url", "ee", "pdf") and "arxiv" not in value.lower():
                continue
            if name in ("journal", "journaltitle", "booktitle", "note", "howpublished") and not (
                "arxiv" in value.lower() or "corr" in value.lower()
            ):
                continue
            found = normalize_arxiv(value)
            if found:
                return found
        return None

    @property
    def doi(self) -> str | None:
        value = self.fields.get("doi", "")
        doi = normalize_doi(value) if value else None
        if doi and arxiv_from_doi(doi):
            return None  # an arXiv DOI is reported as the arXiv id
        return doi

    @property
    def url(self) -> str | None:
        for name in ("url", "ee", "pdf", "howpublished"):
            value = self.fields.get(name, "")
            found = re.search(r"https?://[^\s{}\\]+", value)
            if found:
                return found.group(0).rstrip(".,;")
        return None


def find_pasted_entries(text: str, *, stop_at_blank_line: bool = True) -> list[PastedEntry]:
    """Every BibTeX entry in ``text`` (``@comment``/``@string``/``@preamble`` skipped).

    An entry ends at its matching brace. An unbalanced one ends at the next entry, at the
    first blank line (when ``stop_at_blank_line``) or at the end.
    """
    entries: list[PastedEntry] = []
    for block in split_pasted(text, stop_at_blank_line=stop_at_blank_line):
        if block.kind != ENTRY or not (block.key or block.fields):
            continue
        fields: dict[str, str] = {}
        for item in block.fields:
            name = item.name.lower()
            if name not in fields:
                fields[name] = " ".join("".join(part.text for part in item.parts).split())
        entries.append(
            PastedEntry(block.start, block.end, block.raw, block.type.lower(), block.key, fields)
        )
    return entries


def clean_title(value: str) -> str:
    """A BibTeX title as plain text: braces, accents and macros resolved (``latex.decode``)."""
    return latex.decode(value).strip(" ,.;")
