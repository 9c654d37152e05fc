"""Markdown headings: find them, match a requested name forgivingly, bound their sections.

"5.2 Alignment Tuning", "## 🚀(New) Prompts", "<a name="x"></a>Instruction
Tuning" and "[Alignment](#alignment)" all match what a person would type.
What counts as a heading (``#``, setext, HTML ``<h2>``; none in fenced code or
HTML comments) is the reference loader's rule, so the editor inserts a paper
under the heading the loader would file it under.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from bot.editors.lines import Lines
from bot.errors import EditError
from bot.lists.blocks import section_spans
from bot.lists.document import PaperList, read_list
from bot.lists.headings import enclosing
from bot.lists.inline import is_symbol
from bot.references import markdown

_HTML_TAG = re.compile(r"<[^>]*>")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_ANCHOR_ATTR = re.compile(r"\{#[^}]*\}")
_PARENS = re.compile(r"\([^)]*\)|（[^）]*）|\[[^\]]*\]")
_NUMBERING = re.compile(
    r"^(?:(?:section|sec|chapter|part)\.?\s*)?"
    r"(?:(?:\d+[.)]?)+|[ivxlc]+[.)]|[a-z][.)])\s+",
    re.IGNORECASE,
)
_SECTION_WORD = re.compile(r"^(?:section|sec\.?|chapter)\s+", re.IGNORECASE)


@dataclass(frozen=True)
class Heading:
    line: int  # 0-based index of its first line
    level: int
    text: str  # the heading's raw text (after the #s, inside the <hN>, above the underline)
    title: str  # readable text: markup, anchors and emoji removed
    body: int  # index of the first line of its body (past a setext underline or a closing </hN>)
    # Whether its own body lists papers; only ``paper_sections`` looks, so that a
    # refusal can name the headings that hold papers before "Acknowledgments".
    holds_papers: bool = False


# A GitHub emoji shortcode (":collision:", ":heavy_check_mark:"), which GitHub shows as
# the emoji itself.
_SHORTCODE = re.compile(r"(?<![\w:]):[a-z0-9_+-]+:(?![\w:])")


def clean_heading(raw: str) -> str:
    """A heading's text as a reader sees it: no HTML, link syntax, badges, anchors,
    emphasis or emoji (🔥, or GitHub's ":fire:")."""
    text = _HTML_TAG.sub("", raw)
    text = _MD_IMAGE.sub("", text)  # "[![Awesome](badge)](https://awesome.re)": no text
    text = _MD_LINK.sub(r"\1", text)
    text = _ANCHOR_ATTR.sub("", text)
    text = _SHORTCODE.sub("", text)
    text = re.sub(r"[*_`~]+", "", text)
    text = "".join(ch for ch in text if not is_symbol(ch))
    return " ".join(text.split())


def normalize_heading(text: str, *, drop_parens: bool = False) -> str:
    """Case-, numbering-, punctuation- and emoji-insensitive key for matching headings."""
    text = clean_heading(text)
    if drop_parens:
        text = _PARENS.sub(" ", text)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.casefold().strip()
    text = _NUMBERING.sub("", text).strip()
    word = _SECTION_WORD.match(text)
    if word and text[word.end() :].strip():
        text = _NUMBERING.sub("", text[word.end() :].strip()).strip()
    words = re.findall(r"\w+", text)
    return " ".join(words)


def find_headings(lines: Sequence[str]) -> list[Heading]:
    """Every section heading, in order, as the reference loader recognises them.

    A heading that is itself an entry of the list (``#### Title`` over
    ``- Link: url`` bullets) is not a section.
    """
    return [
        Heading(span.line, span.level, span.raw, clean_heading(span.raw), span.body)
        for span in section_spans(lines)
    ]


def paper_sections(text: str, document: PaperList | None = None) -> list[Heading]:
    """The headings of a paper list, each flagged when its own body lists papers.

    A paper is what the loader reads as an entry, so a table of contents (links
    to anchors), an update log or a list of thanked people does not count.
    ``document`` is the list already read from ``text``, if the caller has it.
    """
    lines = Lines.parse(text).contents
    document = document or read_list(lines)
    headings = find_headings(lines)
    entries = [item.block.start for item in markdown.paper_items(document)]
    flagged = []
    for heading in headings:
        end = section_end(lines, headings, heading)
        holds_papers = any(heading.body <= at < end for at in entries)
        flagged.append(replace(heading, holds_papers=holds_papers))
    return flagged


# Sections that hold something else than papers, when they hold no paper: thanks, contents,
# logs, citations, licences, contributing guides (English and Chinese).
_NOT_PAPERS = re.compile(
    r"acknowledg|thank|contributor|contributing|contribution|table of contents|^contents$|^toc$"
    r"|update|change ?log|^news|history|citation|^cite|how to cite|licen[cs]e|contact|^usage$"
    r"|install|^faq|^about|star|致谢|鸣谢|感谢|目录|更新|日志|引用|联系|贡献",
    re.IGNORECASE,
)
# Sections of news and update logs: a paper linked there is news of it ("we released
# our survey"), never where a new paper goes.
_NEWS = re.compile(
    r"^(?:latest |recent )?(?:news|updates?|update logs?|change ?logs?|what s new)$"
    r"|^(?:最新)?(?:新闻|动态|更新|更新日志)$"
)
# A heading that says it holds papers does, even before the first one ("## Papers").
_PAPERS = re.compile(r"(?:paper list|papers|reading list|论文|文献)\b")
_DECORATION = re.compile(
    r"^\s*(?:<a\s+(?:name|id)=[^>]*>\s*</a>|<!--.*-->|(?:<[^>]+>\s*)*(?:\*\*)?"
    r"\[[^\]]*\]\(#[^)]*\)(?:\*\*)?(?:\s*<[^>]+>)*)?\s*$",
    re.IGNORECASE,
)


def paper_targets(text: str, document: PaperList | None = None) -> list[Heading]:
    """The headings a paper may be added under: those whose section (subsections included)
    lists papers or that are named for them ("Papers"), and empty ones a list is started
    in, unless their name says they hold something else ("Acknowledgments", "Update Log");
    never a section of news, whatever papers its news link."""
    lines = Lines.parse(text).contents
    headings = paper_sections(text, document)
    targets = []
    for heading in headings:
        extent = section_extent(lines, headings, heading)
        holds = heading.holds_papers or any(
            other.holds_papers for other in headings if heading.line < other.line < extent
        )
        own = lines[heading.body : section_end(lines, headings, heading)]
        empty = all(_DECORATION.match(line) for line in own)
        name = normalize_heading(heading.title)
        if _NEWS.match(name):
            continue
        if holds or _PAPERS.match(name) or (empty and not _NOT_PAPERS.search(name)):
            targets.append(heading)
    return targets


def closest(headings: Sequence[Heading], requested: str, most: int = 5) -> list[str]:
    """The ``most`` headings nearest to ``requested`` by shared words, then by spelling;
    those that list papers first among equals. Each as ``title``, or ``Parent > title``
    when the title alone is ambiguous."""
    key = normalize_heading(requested, drop_parens=True)
    words = set(key.split())
    counts = Counter(normalize_heading(h.title) for h in headings)

    def rank(heading: Heading) -> tuple[int, bool, float]:
        other = normalize_heading(heading.title, drop_parens=True)
        shared = len(words & set(other.split()))
        ratio = difflib.SequenceMatcher(None, key, other).ratio()
        return -shared, not heading.holds_papers, -ratio

    ranked = sorted(headings, key=rank)
    names = [
        heading_path(headings, h) if counts[normalize_heading(h.title)] > 1 else h.title
        for h in ranked
        if h.title
    ]
    return list(dict.fromkeys(names))[:most]


def short_path(headings: Sequence[Heading], heading: Heading, others: Sequence[Heading]) -> str:
    """The fewest last parts of ``heading``'s path that none of ``others`` ends with:
    "Survey > 2025" rather than "Awesome LLM Reasoning > Survey > 2025"."""
    parts = heading_path(headings, heading).split(" > ")
    keys = [normalize_heading(part) for part in parts]
    theirs = [
        [normalize_heading(part) for part in heading_path(headings, other).split(" > ")]
        for other in others
        if other is not heading
    ]
    for n in range(1, len(parts)):
        if all(path[-n:] != keys[-n:] for path in theirs):
            return " > ".join(parts[-n:])
    return " > ".join(parts)


def heading_path(headings: Sequence[Heading], heading: Heading) -> str:
    """``Parent > ... > Heading``: the full path that names a heading unambiguously."""
    chain = [p.title for p in reversed(_ancestors(headings, heading))]
    return " > ".join([*chain, heading.title])


def section_end(lines: Sequence[str], headings: Sequence[Heading], heading: Heading) -> int:
    """Line index just past ``heading``'s own body: the next heading of any level, or EOF."""
    for other in headings:
        if other.line > heading.line:
            return other.line
    return len(lines)


def section_extent(lines: Sequence[str], headings: Sequence[Heading], heading: Heading) -> int:
    """Line index just past the heading's section *including* its subsections."""
    for other in headings:
        if other.line > heading.line and other.level <= heading.level:
            return other.line
    return len(lines)


def _parents(headings: Sequence[Heading], heading: Heading) -> list[Heading]:
    before = [h for h in headings if h.line < heading.line]
    levels = [h.level for h in before] + [heading.level]
    return [before[i] for i in enclosing(levels, len(before))]


def _ancestors(headings: Sequence[Heading], heading: Heading) -> list[Heading]:
    """The parents, nearest first, and before them the group a heading belongs to when
    its title repeats among its siblings: the nearest sibling above it whose title does
    not repeat ("### Multimodal Reasoning" over "### 2025" at its own level)."""
    parents = _parents(headings, heading)
    start = parents[0].line if parents else -1
    end = next(
        (h.line for h in headings if h.line > heading.line and h.level < heading.level), None
    )
    siblings = [
        h for h in headings
        if h.level == heading.level and start < h.line and (end is None or h.line < end)
    ]  # fmt: skip
    titles = Counter(normalize_heading(h.title) for h in siblings)
    if titles[normalize_heading(heading.title)] < 2:
        return parents
    above = [h for h in siblings if h.line < heading.line]
    groups = [h for h in above if titles[normalize_heading(h.title)] == 1]
    return [groups[-1], *parents] if groups else parents


def match_heading(headings: Sequence[Heading], requested: str) -> list[Heading]:
    """Headings matching ``requested``; ``"Parent > Child"`` narrows by an ancestor."""
    parts = [p for p in re.split(r"\s+>\s+", requested.strip()) if p.strip()]
    if not parts:
        return []
    target = parts[-1]
    for drop in (False, True):
        key = normalize_heading(target, drop_parens=drop)
        if not key:
            continue
        found = [h for h in headings if normalize_heading(h.text, drop_parens=drop) == key]
        if len(parts) > 1:
            wanted = [normalize_heading(p) for p in parts[:-1]]
            found = [
                h
                for h in found
                if all(
                    any(normalize_heading(a.text) == w for a in _ancestors(headings, h))
                    for w in wanted
                )
            ]
        if found:
            return found
    return []


def resolve_heading(headings: Sequence[Heading], requested: str, what: str = "section") -> Heading:
    """The one heading ``requested`` names, or an ``EditError`` listing the choices."""
    found = match_heading(headings, requested)
    if len(found) == 1:
        return found[0]
    if not found:
        near = ", ".join(repr(name) for name in closest(headings, requested)) or "(none)"
        raise EditError(f"no {what} {requested!r} in the file; the closest headings: {near}")
    paths = ", ".join(repr(heading_path(headings, h)) for h in found)
    raise EditError(f"{what} {requested!r} is ambiguous: {paths}; name it by its full path")
