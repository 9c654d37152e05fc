"""Read paper suggestions out of a free-text issue (title + Markdown body).

The pipeline, all on one cleaned string ``title + "\\n\\n" + body``; :func:`read`
runs these steps in this order, each a function below or in the module named:

1. HTML comments are masked (template instructions are not suggestions).
2. Fenced code blocks are masked; those that hold BibTeX are read as BibTeX
   first. Code that is not BibTeX (a traceback, a config file) never yields a
   suggestion, even if it contains something that looks like a DOI.
3. Unfenced BibTeX entries are read and masked, and so are pasted formatted
   citations (IEEE, APA, ACM, Chicago, PDF-extracted: ``bot.intake.citations``).
4. Identifiers and links are found (``bot.intake.links``).
5. The text is cut into *segments* (``bot.intake.segments``): the issue title,
   each list item (with its continuation lines) and each other line.
   Identifiers of different kinds in one segment ("[paper](doi) | [arXiv](arxiv)")
   are one paper, unless joined by "and"/"also"/"和"; identifiers of the same
   kind are different papers.
6. Titles are attached (``bot.intake.title_spots``): a label (``Title:``),
   quotes (“...”, "...", 《...》, 「...」), link text, bold, or the rest of the
   segment once identifiers and labels are removed, or the line just before a
   bare link.
7. Titles that belong to no identifier become title-only suggestions when the
   issue asks for a paper ("add", "missing", "推荐", ...).

Identifiers in an issue that looks like a typo report, a broken-link report, a
question about the survey or a "how do I cite you" question, and that does not
also ask for a paper to be added, are not suggestions.

The steps build and annotate this issue's own records (segments, title spots,
candidates) and touch nothing else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.intake import hints, titles
from bot.intake.candidates import RANK_BIBTEX, RANK_PLAIN, RANK_QUOTED, Candidate, fill_missing
from bot.intake.citations import PastedCitation, find_citations
from bot.intake.links import Hit, acl_from_doi, classify_url, find_hits
from bot.intake.pasted_bibtex import PastedEntry, find_pasted_entries
from bot.intake.segments import Segment, cut
from bot.intake.text import LineMap, code_blocks, html_comment_spans, mask_spans
from bot.intake.title_spots import (
    TitleCand,
    TitleIndex,
    find_titles,
    plain_title,
    remainder_of,
    title_from_previous,
    title_only_papers,
)

_HEADING = re.compile(r"[ \t]{0,3}#{1,6}[ \t]")
# Words that hand a title over to its own link ("... and can be found at <link>").
_LINK_INTRO = re.compile(
    r"(?i)\b(?:found|available|accessible|released|published|posted|hosted|read)"
    r"\s+(?:at|on|in|here|via|from)\s*[:：]?\s*$"
)
_SPLIT_WORDS = re.compile(
    r"(?i)\b(?:and|also|another|as well as|plus|besides)\b|和|以及|还有|另外|及"
)


@dataclass
class FreeText:
    """Everything the free-text reader found, before merging."""

    candidates: list[Candidate]
    text: str  # the cleaned, comment- and code-masked text (title + body)
    body_offset: int
    negative: bool


@dataclass(frozen=True)
class Wording:
    """What the issue as a whole asks for."""

    asks: bool  # it asks for a paper to be added ("add", "missing", "推荐", ...)
    strong: bool  # it asks in so many words ("please add this paper")
    negative: bool  # a typo, broken-link, question or citation issue, and not a strong ask


def read(
    title: str,
    body: str,
    *,
    strict_ids: bool = False,
    allow_plain_urls: bool = False,
    title_only: bool = True,
) -> FreeText:
    """Candidates in a free-text issue.

    ``strict_ids``: only identifiers on a line of their own or in a list item
    count (used for the form's "why it belongs" text, where "it extends LoRA
    (arXiv:2106.09685)" is an incidental mention, not a second suggestion).
    ``allow_plain_urls``: any non-code link is a paper link (a form's link field).
    ``title_only``: whether titles without identifiers may become suggestions.
    """
    title = " ".join(title.split())
    text = title + "\n\n" + body
    body_offset = len(title) + 2
    masked = mask_spans(text, html_comment_spans(text))
    masked, entries = _mask_bibtex(masked, body_offset)
    citations = find_citations(masked, body_offset)
    masked = mask_spans(masked, [(c.start, c.end) for c in citations])
    hits, rest = find_hits(masked)
    lines = LineMap(masked)
    segments = cut(masked, lines, body_offset, hits)
    wording = _wording(masked, title)
    spots = TitleIndex(find_titles(masked, rest, title, body_offset, wording.asks))
    cands = _bibtex_candidates(entries) + _citation_candidates(citations)
    cands += _segment_papers(segments, masked, rest, lines, spots, strict_ids, allow_plain_urls)
    if title_only:
        cands += title_only_papers(spots.all, cands, segments, masked, wording.asks, wording.strong)
    return FreeText(cands, masked, body_offset, wording.negative)


def _mask_bibtex(masked: str, body_offset: int) -> tuple[str, list[PastedEntry]]:
    """Steps 2 and 3: the text with code blocks and BibTeX masked, and the BibTeX entries."""
    entries: list[PastedEntry] = []
    spans = []
    for block in code_blocks(masked):
        if block.start < body_offset:
            continue
        if re.search(r"@\s*[A-Za-z]{2,24}\s*[{(]", block.content):
            for entry in find_pasted_entries(block.content, stop_at_blank_line=False):
                entry.start += block.content_start
                entry.end += block.content_start
                entries.append(entry)
        spans.append((block.start, block.end))
    masked = mask_spans(masked, spans)
    loose = find_pasted_entries(masked)
    entries.extend(loose)
    masked = mask_spans(masked, [(e.start, e.end) for e in loose])
    return masked, entries


def _wording(masked: str, title: str) -> Wording:
    """Whether the issue asks for a paper, or is about something else."""
    compact = hints.compact(masked)
    wording = hints.has_suggestion_wording(compact)
    strong = bool(hints.STRONG.search(compact))
    question = bool(hints.QUESTION_TITLE.search(title)) and not hints.SUGGEST_CORE.search(compact)
    negative = bool(hints.NEGATIVE.search(compact) or question) and not strong
    return Wording(wording, strong, negative)


def _bibtex_candidates(entries: list[PastedEntry]) -> list[Candidate]:
    """A candidate for each BibTeX entry that names a paper (an identifier, a title or a URL)."""
    cands: list[Candidate] = []
    for entry in entries:
        cand = Candidate(
            pos=entry.start,
            arxiv=entry.arxiv,
            doi=entry.doi,
            url=entry.url,
            bibtex=entry.raw,
            origin="bibtex",
        )
        cand.acl = acl_from_doi(entry.doi)
        linked = classify_url(entry.url, 0, 0) if entry.url else None
        if linked is not None:
            fill_missing(cand, linked)
        cand.set_title(entry.title, RANK_BIBTEX)
        if cand.has_id or cand.title or cand.url:
            cands.append(cand)
    return cands


def _citation_candidates(citations: list[PastedCitation]) -> list[Candidate]:
    """A candidate for each pasted citation: its title and the ids it names."""
    cands: list[Candidate] = []
    for citation in citations:
        ref = citation.reference
        cand = Candidate(pos=citation.start, arxiv=ref.arxiv, doi=ref.doi, origin="citation")
        cand.acl = acl_from_doi(ref.doi)
        cand.set_title(ref.title, RANK_BIBTEX)
        cands.append(cand)
    return cands


def _segment_papers(
    segments: list[Segment],
    masked: str,
    rest: str,
    lines: LineMap,
    spots: TitleIndex,
    strict_ids: bool,
    allow_plain_urls: bool,
) -> list[Candidate]:
    """Steps 5 and 6: each segment's identifiers grouped into papers, with titles and section."""
    cands: list[Candidate] = []
    heading_section: str | None = None  # "### Section 2.1.2 (...)" above a list of papers
    for index, seg in enumerate(segments):
        if seg.kind == "line" and _HEADING.match(masked, seg.start):
            heading_section = hints.find_section(masked[seg.start : seg.end])
        if not seg.hits:
            continue
        seg.groups = _group_hits(seg.hits, masked, allow_plain_urls)
        if strict_ids and seg.kind != "item":
            remainder = remainder_of(rest, seg)
            if remainder and not titles.looks_like_title(remainder, "strict"):
                seg.groups = []
                continue
        _attach_titles(segments, index, masked, rest, lines, spots)
        section = heading_section
        if seg.kind == "item" and seg.end - seg.start < 3000:
            section = hints.find_section(hints.compact(masked[seg.start : seg.end])) or section
        if section:
            for cand in seg.groups:
                cand.section = section
        cands.extend(seg.groups)
    return cands


def _group_hits(hits: list[Hit], masked: str, allow_plain_urls: bool) -> list[Candidate]:
    """A segment's hits as papers: hits of different kinds that ``_joins`` are one paper."""
    groups: list[tuple[Candidate, set[str], int]] = []
    for hit in hits:
        kinds = hit.kinds()
        if hit.url and not hit.has_id and not (hit.paper_url or allow_plain_urls):
            kinds = {"other-url"}
        current = groups[-1] if groups else None
        if (
            current is not None
            and not (kinds & current[1])
            and _joins(masked[current[2] : hit.start])
        ):
            cand, seen, _ = current
            seen |= kinds
            groups[-1] = (cand, seen, hit.end)
        else:
            cand = Candidate(pos=hit.start, origin="id")
            groups.append((cand, set(kinds), hit.end))
        fill_missing(cand, hit)
        if hit.url and not cand.url:
            cand.url = hit.url
            cand.paper_url = hit.paper_url or allow_plain_urls
        if hit.link_text:
            text_title = titles.clean_candidate(hit.link_text)
            if titles.looks_like_title(text_title, "medium") and not hints.NEGATIVE.search(
                text_title
            ):
                cand.set_title(text_title, RANK_QUOTED)
    papers = [g[0] for g in groups]
    for cand in papers:
        if not cand.has_id:
            cand.origin = "url"
    return papers


def _attach_titles(
    segments: list[Segment],
    index: int,
    masked: str,
    rest: str,
    lines: LineMap,
    spots: TitleIndex,
) -> None:
    """Give segment ``index``'s papers the titles in it, or the one on a line above it."""
    seg = segments[index]
    inside = spots.within(seg)
    if len(seg.groups) == 1:
        cand = seg.groups[0]
        for tc in inside:
            if _separated(masked, tc, seg.hits):
                tc.separated = True  # "“Title A” and arXiv:B": two papers
                continue
            cand.set_title(tc.text, tc.rank)
            tc.used = True
        if not cand.title:
            plain = plain_title(rest, seg, lines, seg.hits[0].start)
            if plain:
                cand.set_title(plain, RANK_PLAIN)
    else:
        for tc in inside:
            following = [g for g in seg.groups if g.pos >= tc.end]
            target = following[0] if following else seg.groups[-1]
            if not target.title or tc.rank > target.title_rank:
                target.set_title(tc.text, tc.rank)
            tc.used = True
    if seg.groups and not seg.groups[0].title and remainder_of(rest, seg) == "" and index > 0:
        title_from_previous(segments, index, rest, spots.within, seg.groups[0])


_GAP_LABELS = re.compile(
    r"(?i)\b(?:arxiv|doi|pdf|paper|preprint|pre-print|acm|ieee|springer|wiley|elsevier|openreview|acl|"
    r"anthology|published|publisher|version|camera[- ]ready|official|link|url|html|abs|abstract|"
    r"journal|conference|proceedings|venue|full text|page|also on|available at|on)\b"
)


def _joins(gap: str) -> bool:
    """Whether two links of different kinds are the same paper: only labels and punctuation
    between them ("[ACM](...) | [arXiv](...)", "doi (arXiv:...)"), and no comma list."""
    if len(gap) > 80:
        return False
    gap = re.sub(r"\[[^\[\]]*\]\(", " ", gap)
    gap = _GAP_LABELS.sub(" ", gap)
    return re.fullmatch(r"[\s|/·•()\[\]\-–—:：]*", gap) is not None


def _separated(masked: str, tc: TitleCand, hits: list[Hit]) -> bool:
    """Whether a split word ("and", "also", "和") stands between a title and the nearest hit."""
    gaps = []
    for hit in hits:
        if hit.start >= tc.end:
            gaps.append(masked[tc.end : hit.start])
        elif hit.end <= tc.pos:
            gaps.append(masked[hit.end : tc.pos])
        else:
            return False
    nearest = min(gaps, key=len) if gaps else ""
    return bool(_SPLIT_WORDS.search(nearest)) and not _LINK_INTRO.search(nearest)
