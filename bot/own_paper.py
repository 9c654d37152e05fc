"""The survey's own paper, as its README shows it: for ``init`` to fill the ``survey:`` key.

Readers mention the survey itself all the time (a typo in it, a broken link in
it, "how do I cite you"): its ids and title must never become a suggestion. A
survey's README nearly always says which paper it is, in one of two ways:

1. a BibTeX entry under "please cite" wording or a "Citation" heading (its
   title, arXiv id and DOI are the survey's);
2. otherwise, the arXiv and DOI links of the README's lead, before its first
   section heading, in a paragraph that calls the paper its own ("The organization of
   papers refers to our survey [...]").

A lead's link the README does not call its own is not taken: a list often links, at its
top, the survey of another group that it follows (lonePatient's Chinese models list and
RUCAIBox's LLM survey), and that paper is one readers may well suggest. Such links are
kept as ``unclaimed``, for ``init`` to say why it left the key empty.
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
# Wording that claims a paper ("our survey", "my paper", "我们的综述", "本文"), says the
# repository goes with it ("the official repository of", "accompanying the paper", "as
# part of the recent review"), or says its writers made such work on the subject ("We also
# made some slides about tool learning" beside the paper's link: thunlp's own survey).
# (not "a paper list", "our survey collection": the repository itself)
_WORKS = (
    r"(?:survey|paper|work|review|preprint|article|book|slides|tutorial|talk)s?\b"
    r"(?!\s+(?:lists?|collections?|repo|repository)\b)"
)
_CLAIM = re.compile(
    rf"\b(?:our|my)\s+(?:[\w-]+\s+){{0,3}}?{_WORKS}"
    r"|\bwe\s+(?:have\s+|also\s+)*(?:made|wrote|written|prepared|released|published|gave)\s+"
    rf"(?:[\w-]+\s+){{0,2}}?\[?{_WORKS}"  # ("some [slides](url)")
    r"|\bofficial\s+(?:repo|repository|code|implementation|list|page)\b|\baccompan(?:y|ies|ying)\b"
    r"|\bcompanion\b|\bas\s+part\s+of\b|我们的\S{0,6}?(?:综述|论文|工作)|本文|本综述",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class OwnPaper:
    arxiv: tuple[str, ...] = ()
    doi: tuple[str, ...] = ()
    title: str | None = None
    unclaimed: tuple[str, ...] = ()  # the lead's links to papers it does not call its own

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
    paragraphs = re.split(r"\n\s*\n", readme[: _lead_end(readme)])
    claims = [_CLAIM.search(p) is not None for p in paragraphs]
    claimed = "\n\n".join(p for p, claim in zip(paragraphs, claims, strict=True) if claim)
    unclaimed = "\n\n".join(p for p, claim in zip(paragraphs, claims, strict=True) if not claim)
    return OwnPaper(
        arxiv=tuple(find_arxiv_ids(claimed)[:1]),
        doi=tuple(find_dois(claimed)[:1]),
        unclaimed=(
            *(f"arXiv {i}" for i in dict.fromkeys(find_arxiv_ids(unclaimed))),
            *(f"doi {d}" for d in dict.fromkeys(find_dois(unclaimed))),
        ),
    )


def _lead_end(readme: str) -> int:
    """Where the README's lead ends: its second heading (the first is its title), or
    ``_LEAD_LINES`` lines in."""
    headings = [m.start() for m in _HEADING.finditer(readme)]
    limit = sum(len(line) + 1 for line in readme.split("\n")[:_LEAD_LINES])
    after_title = [h for h in headings if h > 0]
    return min(after_title[0] if after_title else limit, limit)
