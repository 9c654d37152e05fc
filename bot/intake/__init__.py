"""Intake: turn a reader's issue into the papers it suggests.

``parse_issue(title, body)`` is pure and never raises: any text, however long
or odd, gives a (possibly empty) list of ``Suggestion``, one per distinct paper,
in order of appearance. The issue form's rendered body (``### Label`` blocks)
is read field by field (``bot.intake.form``); anything else is read as free
text (``bot.intake.freetext``).

What makes an issue a suggestion: an identifier (arXiv, DOI, ACL Anthology,
OpenReview), a link to a paper page, a BibTeX entry, a pasted formatted citation
(``bot.intake.citations``), a labelled title
(``Title:``/``标题：``), a title after an issue-title prefix ("[Paper] ...",
"Add paper: ...", "论文推荐：...") or a quoted title in an issue that asks for a
paper ("add", "missing", "suggest", "推荐", "补充" ...); a model or method named
without its paper in an issue that asks for it ("Please add Mixtral") is a
``Suggestion(name=...)`` (``bot.intake.names``). Questions, typo and
broken-link reports, "how do I cite you" and thanks are not, unless they also
ask for a paper to be added. The survey's own identifiers (``ignore_ids``) are
never suggestions.

At most ``MAX_SUGGESTIONS`` papers are kept per issue; the rest are counted in
``IntakeResult.dropped`` and logged (logger ``bot.intake``, ``extra={"dropped": N}``),
never silently lost.

Choices worth knowing:

* ``url`` is only set for a paper no identifier was found for (an IEEE Xplore
  page, a proceedings page, or the GitHub repository or ``*.github.io`` page of
  a paper, when an issue that asks for a paper gives nothing else: the resolver
  reads it for the paper's id); an arXiv DOI (``10.48550/arXiv.ID``) is reported as
  ``arxiv``; an ACL Anthology id also gets its DOI ``10.18653/v1/<id>``
  (lower-cased), except old-style ids before 2015, which the Anthology never
  registered DOIs for.
* On one line, an arXiv link and a DOI link (``[ACM](doi) | [arXiv](arxiv)``)
  are one paper when only labels and punctuation stand between them; a comma,
  "and" or "also" between them makes them two papers.
* Titles come, best first, from BibTeX, the form's title field, a ``Title:``
  label, quotes or link text, bold text, then plain text next to the link.
* Section: ``"5.2"`` for numbered sections ("to Section 5.2", "第 5.2 节"),
  else the name as written ("in the section on Instruction Tuning").
* Form "why it belongs" text: see ``bot.intake.form`` (only identifiers on a
  line of their own or in a list item count as further papers).
* Input is cleaned first: invisible and bidi characters dropped, lone
  surrogates replaced, and anything past 200,000 characters ignored.
"""

from __future__ import annotations

import logging
from collections.abc import Collection
from dataclasses import dataclass

from bot.intake import form, freetext, hints
from bot.intake.candidates import Candidate, Ignore, merge, to_suggestion
from bot.intake.links import project_links
from bot.intake.names import find_names
from bot.intake.text import sanitize
from bot.suggestions import Suggestion
from bot.text.normalize import title_key

__all__ = ["MAX_SUGGESTIONS", "IntakeResult", "parse_issue", "parse_issue_detailed"]

MAX_SUGGESTIONS = 20
log = logging.getLogger("bot.intake")


@dataclass(frozen=True)
class IntakeResult:
    """Everything ``parse_issue`` knows, for callers that report on it."""

    suggestions: tuple[Suggestion, ...]
    dropped: int = 0  # papers found beyond MAX_SUGGESTIONS
    form: bool = False  # the body is a rendered issue form


def parse_issue(
    title: str | None, body: str | None, ignore_ids: Collection[str] = ()
) -> list[Suggestion]:
    """The papers an issue suggests (see the module docstring); ``[]`` for other issues."""
    return list(parse_issue_detailed(title, body, ignore_ids).suggestions)


def parse_issue_detailed(
    title: str | None, body: str | None, ignore_ids: Collection[str] = ()
) -> IntakeResult:
    """``parse_issue`` plus how many papers were dropped by the cap and whether it was a form."""
    try:
        return _parse(title, body, ignore_ids)
    except Exception:  # pragma: no cover - a parser bug must not take the bot down
        log.exception("intake parser failed; treating the issue as no suggestion")
        return IntakeResult(())


def _parse(title: str | None, body: str | None, ignore_ids: Collection[str]) -> IntakeResult:
    title = " ".join(sanitize(title).split())
    body = sanitize(body)
    ignore = Ignore.build(ignore_ids)

    fields = form.split_form(body)
    if fields is not None:
        result = form.read_form(title, fields)
        papers, section, thank_as, opt_out = (
            result.candidates,
            result.section,
            result.thank_as,
            result.opt_out,
        )
    else:
        read = freetext.read(title, body)
        papers = [] if read.negative else _keep(merge(read.candidates), read)
        if not papers and not read.negative:  # a name after "add": needs-info
            papers = [Candidate(pos, title=name, origin="name") for pos, name in
                      find_names(title, body)]  # fmt: skip
        whole = hints.compact(read.text)
        section = hints.find_section(whole)
        thank_as = hints.find_thank_as(whole)
        opt_out = hints.wants_opt_out(whole)
        papers = _not_the_section(papers, section)

    papers = [p for p in papers if not ignore.matches(p)]
    dropped = max(0, len(papers) - MAX_SUGGESTIONS)
    if dropped:
        log.warning(
            "issue lists %d papers; keeping the first %d",
            len(papers),
            MAX_SUGGESTIONS,
            extra={"dropped": dropped},
        )
        papers = papers[:MAX_SUGGESTIONS]
    suggestions = tuple(
        to_suggestion(p, thank_as=thank_as, opt_out=opt_out, section=section) for p in papers
    )
    return IntakeResult(suggestions, dropped, fields is not None)


def _not_the_section(papers: list[Candidate], section: str | None) -> list[Candidate]:
    """Drop a "title" that is the section the reader names ('add it to "Recommendation"'):
    the same quoted words cannot be both the paper and where it goes."""
    if not section:
        return papers
    key = title_key(section)
    kept = []
    for paper in papers:
        if paper.title and title_key(paper.title) == key:
            if paper.origin == "title":
                continue
            paper.title, paper.title_rank = None, 0
        kept.append(paper)
    return kept


def _keep(papers: list[Candidate], read: freetext.FreeText) -> list[Candidate]:
    """Drop links that are not papers unless the issue asks for one and names nothing else;
    then a paper's repository or project page, which the resolver reads for the paper."""
    real = [
        p for p in papers if p.has_id or p.paper_url or p.origin in ("bibtex", "citation", "title")
    ]
    if real:
        return real
    plain = [p for p in papers if p.url]
    strong = hints.STRONG.search(read.text)
    if plain and strong:
        return plain[:1]
    if strong and hints.PAPER_WORDS.search(read.text):
        pages = project_links(read.text)
        return [Candidate(pos=pos, url=page, origin="url") for pos, page in pages]
    return []
