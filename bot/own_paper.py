"""The survey's own paper, as its README shows it: for ``init`` to fill the ``survey:`` key.

Readers mention the survey itself all the time (a typo in it, a broken link in
it, "how do I cite you"): its ids and title must never become a suggestion. A
survey's README nearly always says which paper it is, in one of two ways:

1. a BibTeX entry under "please cite" wording or a "Citation" heading (its
   title, arXiv id and DOI are the survey's);
2. otherwise, the arXiv and DOI links of the README's lead, before its first
   section heading ("The organization of papers refers to our survey [...]").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.identifiers import find_arxiv_ids, find_dois
from bot.intake.pasted_bibtex import find_pasted_entries

# "Please cite", "## Citation", "引用": where a README puts its own BibTeX.
_CITE = re.compile(r"\bcit(?:e|ing|ation)\b|引用|bibtex", re.IGNORECASE)
_HEADING = re.compile(r"^ {0,3}#{1,6}\s", re.MULTILINE)
_LEAD_LINES = 40  # a README's lead: before its first section, at most this many lines
_NEAR = 600  # characters before a BibTeX entry where the "cite" wording must be


@dataclass(frozen=True)
class OwnPaper:
    arxiv: tuple[str, ...] = ()
    doi: tuple[str, ...] = ()
    title: str | None = None

    def __bool__(self) -> bool:
        return bool(self.arxiv or self.doi or self.title)


def find_own_paper(readme: str) -> OwnPaper:
    """The survey's own ids and title, from its README's citation, else from its lead."""
    cited = [
        entry
        for entry in find_pasted_entries(readme, stop_at_blank_line=False)
        if entry.title and _CITE.search(readme[max(0, entry.start - _NEAR) : entry.start])
    ]
    if cited:
        return OwnPaper(
            arxiv=tuple(dict.fromkeys(e.arxiv for e in cited if e.arxiv)),
            doi=tuple(dict.fromkeys(e.doi for e in cited if e.doi)),
            title=cited[0].title,
        )
    lead = readme[: _lead_end(readme)]
    return OwnPaper(arxiv=tuple(find_arxiv_ids(lead)[:1]), doi=tuple(find_dois(lead)[:1]))


def _lead_end(readme: str) -> int:
    """Where the README's lead ends: its second heading (the first is its title), or
    ``_LEAD_LINES`` lines in."""
    headings = [m.start() for m in _HEADING.finditer(readme)]
    limit = sum(len(line) + 1 for line in readme.split("\n")[:_LEAD_LINES])
    after_title = [h for h in headings if h > 0]
    return min(after_title[0] if after_title else limit, limit)
