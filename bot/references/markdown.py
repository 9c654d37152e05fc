"""Markdown paper lists: bullets, numbered items, bold paragraphs, headings, tables.

Entries are read by ``bot.lists`` (the paper-list editor reads them the same
way): list items, paragraphs that open with bold (with ``- Paper: url``
bullets under them), headings whose body is only such bullets, Markdown pipe
table rows and HTML ``<tr>`` rows (columns named by the header). Real lists put
more than the paper in an entry: date tags (``[2023/05]``), nicknames
(``<u>LLaMA</u>:``), venue badges, code and project links, descriptions;
they become fields, never the title.

An entry is a reference only when it names a paper (``bot.lists.papers``):
tools, repositories, videos and blog posts that share the list are reported as
``not_papers``, with why. The heading above an entry (an HTML table's category
for its rows) is its ``section``; entries carry their written number when the
section's list is explicitly numbered (``1. 2. 3.``).
"""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import urlsplit

from bot.identifiers import acl_doi, arxiv_from_doi, normalize_arxiv, normalize_doi
from bot.lists.citation import ACRONYM_WORD, venue_name
from bot.lists.document import Item, PaperList, read_list
from bot.lists.headings import HeadingSpan, enclosing, heading_spans, heading_text
from bot.lists.papers import paper_like, url_kind
from bot.lists.values import read_venue, swap_name_order
from bot.lists.votes import is_preprint
from bot.models import Reference, Skipped
from bot.references.common import normalize_newlines, where
from bot.references.result import ParseResult

__all__ = ["EXTENSIONS", "HeadingSpan", "heading_spans", "heading_text", "parse", "sniff"]

EXTENSIONS = (".md", ".markdown", ".mdown", ".mkd")

_PARENTHESES = re.compile(r"\s*\([^()]*\)")
_ARXIV_TEXT = re.compile(
    r"\barXiv\s*:\s*(\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?/\d{7})", re.IGNORECASE
)
_BIORXIV_VERSION = re.compile(r"^(10\.1101/[\d.]{10,})v\d+$")
# (or its two digits after a venue's name: "ACL'25 Findings")
_YEAR = re.compile(r"(?<![\w./-])(?:19|20)\d\d(?![\w/-]|\.\d)|(?<=[A-Za-z])['’‘]\d\d(?![\d'’])")
# A citation written out without a link has fewer words than this (thirty authors' names
# included); a paragraph longer is prose.
_CITATION_WORDS = 120
_PAPER_LABEL = re.compile(r"paper|pdf|arxiv|论文|原文|doi|openreview|acl", re.IGNORECASE)
# A link to a heading of a repository's README: a table of contents ("[MAB Review Papers](
# https://github.com/o/r#MAB-review-papers)"), whatever its words.
_README_ANCHOR = re.compile(r"github\.com/[^/\s]+/[^/#\s]+/?(?:blob/[^#\s]*)?#", re.IGNORECASE)


def sniff(text: str) -> bool:
    """Does this text look like a Markdown paper list?"""
    has_heading = re.search(r"^#{1,6}\s+\S", text, re.MULTILINE) is not None
    has_item = (
        re.search(r"^\s*(?:\d+[.)]|[-*+])\s+(?:\*\*|\[|<u>|\")", text, re.MULTILINE) is not None
    )
    return has_heading or has_item or re.search(r"^\s*\|.*\|\s*$", text, re.MULTILINE) is not None


def parse(text: str, source: str = "") -> ParseResult:
    """The list's papers as ``Reference``s; its other items (tools, posts) as ``not_papers``."""
    document = read_list(normalize_newlines(text).split("\n"))
    explicit = _explicitly_numbered(document)
    papers = paper_containers(document)
    notes = notes_owner(document)
    references: list[Reference] = []
    not_papers: list[Skipped] = []
    for item in document.items:
        numbered = document.containers[item.container].section in explicit
        section = document.containers[item.container].section
        reference = _reference(item, source, numbered, _heading_path(document, section))
        why = not_a_paper(item, among_papers=item.container in papers, notes=notes)
        if why is None:
            references.append(reference)
        elif item.entry.fields.urls or item.entry.fields.authors or item.entry.fields.nickname:
            # an item of the list that is not a paper (prose bullets are not items at all)
            name = reference.title or "(untitled)"
            not_papers.append(Skipped(f"{where(source, reference.line)} {name!r}", why))
    return ParseResult(tuple(references), (), tuple(not_papers))


def _explicitly_numbered(document: PaperList) -> set[int | None]:
    """Sections whose lists number items explicitly (``1. 2. 3.``, not ``1.`` throughout)."""
    explicit: set[int | None] = set()
    for container in document.containers:
        if any(block.number not in (None, 1) for block in container.blocks):
            explicit.add(container.section)
    return explicit


def paper_urls(item: Item) -> list[str]:
    """The entry's own links (its title link and labelled links; not links in a description)."""
    return [url for _, url in item.entry.fields.urls if re.match(r"https?://", url, re.IGNORECASE)]


def paper_items(document: PaperList) -> list[Item]:
    """The entries of a read list that are papers (see ``not_a_paper``)."""
    papers, notes = paper_containers(document), notes_owner(document)
    return [
        i
        for i in document.items
        if not_a_paper(i, among_papers=i.container in papers, notes=notes) is None
    ]


# A page of the maintainer's own notes on a paper: an issue of theirs, a Markdown page.
_NOTES_LINK = re.compile(
    r"https?://github\.com/(?P<owner>[^/\s]+)/[^/\s]+/(?:issues/\d+|blob/\S+\.(?:md|ipynb))",
    re.IGNORECASE,
)
# So many titles at least link one account's notes before the list is read as its notes.
_NOTES_TITLES = 5


def notes_owner(document: PaperList) -> str | None:
    """The GitHub account whose notes most of the list's titles link, when five titles or
    more do: a maintainer who links each paper's title to their own notes on it (an issue,
    a Markdown page) keeps a list of papers, not of repositories."""
    owners: Counter[str] = Counter()
    titled = 0
    for item in document.items:
        url = dict(item.entry.fields.urls).get("title", "")
        titled += bool(url)
        if found := _NOTES_LINK.match(url):
            owners[found["owner"].lower()] += 1
    if not owners:
        return None
    owner, count = owners.most_common(1)[0]
    return owner if count >= _NOTES_TITLES and 2 * count >= titled else None


def paper_containers(document: PaperList) -> set[int]:
    """Containers most of whose entries link a paper: lists of papers, not of tools; or,
    linking nothing, most of whose entries are titles alone in bold (a list of titles:
    ``- **Loihi: A Neuromorphic Manycore Processor with On-Chip Learning**``), where the
    file has such a list of three at least (one bold line alone is a remark)."""
    counts: dict[int, list[int]] = {}
    for item in document.items:
        tally = counts.setdefault(item.container, [0, 0, 0])
        tally[0] += _links_a_paper(item)
        tally[1] += 1
        tally[2] += bare_title(item)
    titles = {
        index
        for index, (linked, total, bare) in counts.items()
        if not linked and bare and bare * 2 >= total
    }
    if not any(counts[index][2] >= 3 for index in titles):
        titles = set()
    return titles | {index for index, (linked, total, _) in counts.items() if linked * 2 >= total}


# A title alone in bold on an item's first line: "- **Loihi: A Neuromorphic Manycore ...**".
_BOLD_LINE = re.compile(r"[ \t]*(?:[-*+]|\d{1,4}[.)])[ \t]+\*\*(?P<t>[^*\n]+)\*\*[ \t]*")


def bare_title(item: Item) -> bool:
    """Is the item's first line a bold title and nothing else: four words or more, the
    first capitalised (``**to be update soon**`` is a remark)?"""
    found = _BOLD_LINE.fullmatch(item.text.split("\n", 1)[0])
    return found is not None and len(found["t"].split()) >= 4 and not found["t"][0].islower()


def _links_a_paper(item: Item) -> bool:
    links = [(key, url) for key, url in item.entry.fields.urls if re.match(r"https?://", url, re.I)]
    if any(paper_like(url) for _, url in links):
        return True
    labelled = (key for key, url in links if key != "title" and not _README_ANCHOR.search(url))
    if any(_PAPER_LABEL.search(key) for key in labelled):
        return True
    return _ARXIV_TEXT.search(_own_text(item)) is not None


def _venue_page(item: Item) -> bool:
    """Is the entry a venue's page, named by the venue and its year and nothing else
    (``[CVPR 2024](https://cvpr.thecvf.com/Conferences/2024/AcceptedPapers)``, a list of a
    conference's papers)? No paper is titled so; one whose link names its id is kept."""
    fields = item.entry.fields
    venue, year, form = read_venue(fields.title)
    named = venue_name(venue) or ACRONYM_WORD.fullmatch(venue)  # ("RSS 2024", "CoRL 2024")
    if year is None or not form or not named or len(venue.split()) > 2 or fields.authors:
        return False
    return not any(normalize_arxiv(url) or normalize_doi(url) for _, url in fields.urls)


def not_a_paper(item: Item, *, among_papers: bool = False, notes: str | None = None) -> str | None:
    """Why an entry is not a reference (a tool, a repository, a post), or None for a paper.

    A paper has an identifier or a paper-like link (arXiv, DOI, ACL Anthology,
    OpenReview, a publisher, a PDF, or a link its list labels ``Paper``/``pdf``),
    or is a citation written out: authors and a venue, or authors and a year when it
    links nowhere else than its code or sits in a list of papers (``among_papers``), or
    a title and its authors (two or more, or "et al.") linking nowhere, or a title with
    its venue and year linking nowhere, to code only (its code) or sitting in a list of
    papers, or a title alone in bold in a list of such titles, or a title of three words
    or more linking the notes of the account whose notes the list links (``notes``).
    """
    fields = item.entry.fields
    if _venue_page(item):
        return "a venue's page, no paper"
    if _links_a_paper(item):
        return None
    own = _NOTES_LINK.match(dict(fields.urls).get("title", "")) if notes else None
    if own and own["owner"].lower() == notes and len(fields.title.split()) >= 3:
        return None  # "- [[ResNet] Deep Residual Learning for ...](github.com/me/notes/...)"
    authors = bool(fields.authors and fields.authors.names)
    year = fields.year or (fields.date[0] if fields.date else None)
    links = [url for _, url in fields.urls if re.match(r"https?://", url, re.IGNORECASE)]
    people = authors and fields.authors is not None and (
        len(fields.authors.names) >= 2 or fields.authors.et_al
    )
    prose = not links and len(item.text.split()) > _CITATION_WORDS
    if prose and not (people and year):  # (names and a year over notes: a citation)
        return "a paragraph of prose, no link to a paper"  # "**Headline numbers.** 648 ..."
    code_only = all(_REPOSITORY.match(url) for url in links)  # (or no link at all)
    if authors and (fields.venue or (year and (among_papers or code_only))):
        return None  # ("Jane Doe, Bo Li (2019) - Title" and its notes; "Links: <its code>")
    if people and not links and fields.title:
        return None  # "**Title;** Peng Xu, Xiatian Zhu, David A. Clifton": a citation, no link
    # (a preprint dated, linking no page of its own: "| [Title](notes.md) | 2023.10.29 | arXiv |";
    # not a field's label: "- **Publication**: arXiv July 2025")
    titled = len((fields.title or "").split()) >= 3
    preprint = year and not links and titled and is_preprint(fields.venue)
    # (a date says the year of a venue known by name: "arXiv 2025.02, Title, [website](url)")
    dated = bool(
        fields.year
        or (year and titled and venue_name(fields.venue))
        or _YEAR.search(fields.venue)
        or preprint
    )
    cited = fields.venue and dated and fields.title
    hosted = _CODE_HOST.fullmatch(fields.venue.strip())  # "| 2022 | [xFormers](github) | GitHub |"
    if cited and not hosted and (among_papers or code_only):
        # "Title (SIGMOD 2022) [Source code](https://github.com/...)": its code; "[KR'2023]
        # [Title](https://proceedings.kr.org/...)" among papers: a publisher's page
        return None
    if not links and among_papers and bare_title(item):
        return None  # a list of titles, linking nothing
    if not links:
        return "no link to a paper and no authors with a venue"
    hosts = sorted({_page_kind(url) for url in links})
    return f"links only to {', '.join(hosts)} pages, no paper"


def _page_kind(url: str) -> str:
    """What a link's page is, as the skip message names it: a project's site on github.io
    is a project page, not code ("links only to project pages")."""
    kind = url_kind(url) or "link"
    host = (urlsplit(url).hostname or "").lower()
    if kind == "code" and host.endswith((".github.io", ".gitlab.io")):
        return "project"
    return kind


# A repository's page: the paper's code beside a citation (a project's pages on github.io
# or a blog on Hugging Face are posts of their own).
_REPOSITORY = re.compile(r"https?://(?:www\.)?(?:github\.com|gitlab\.com|gitee\.com)/", re.I)
# Where code is kept, written in the venue's place: the item is the code, not a paper.
_CODE_HOST = re.compile(r"(?i)git(?:hub|lab|ee)|hugging\s?face|pypi|bitbucket")


def _own_text(item: Item) -> str:
    """The entry's text without its description (links there are mentions, not the entry)."""
    description = item.entry.fields.text("description")
    return item.text.replace(description, " ") if description else item.text


def _names(item: Item) -> tuple[str, ...]:
    authors = item.entry.fields.authors
    if authors is None:
        return ()
    names = []
    for name in authors.names:
        name = _PARENTHESES.sub("", name).strip().strip(",;").strip("*_ ")
        if "," in name:  # "Haarnoja, Tuomas", "Endsley, M. R." (as BibTeX or APA writes names)
            name = swap_name_order(name)
        if not re.search(r"\b[A-Z]\.$", name):  # (an initial keeps its full stop)
            name = name.rstrip(".")
        if name and not re.fullmatch(r"e[tl]\s*al\.?|others", name, re.IGNORECASE):
            names.append(name)
    return tuple(names)


def _venue(written: str) -> str | None:
    """The venue as a reference keeps it: no year, ``arXiv`` for arxiv and CoRR."""
    venue = " ".join(_YEAR.sub(" ", written).split()).replace(" ,", ",")
    # (the year gone from parentheses: "Workshop on X (IEEE VIS 2025)" -> "(IEEE VIS)")
    venue = re.sub(r"\(\s*\)", "", venue.replace("( ", "(").replace(" )", ")"))
    venue = venue.strip(" ,.;:-_'’")
    if venue.count("(") != venue.count(")"):
        venue = venue.strip("()").strip()
    if re.fullmatch(r"arxiv|corr|arxiv preprint(?: arxiv)?", venue, re.IGNORECASE):
        return "arXiv"  # ("arXiv preprint arXiv:2505.13763", as Google Scholar cites one)
    return venue or None


def _heading_path(document: PaperList, section: int | None) -> list[str]:
    """The texts of a section's heading and of the headings above it, nearest first."""
    if section is None:
        return []
    levels = [span.level for span in document.headings]
    return [heading_text(document.headings[i].raw) for i in [section, *enclosing(levels, section)]]


def _section_venue_year(path: list[str]) -> tuple[str | None, int | None]:
    """The venue and year the nearest of an entry's headings is named by (``## 2022``,
    ``### ICML-2026``, ``### AAAI 2022`` over ``#### Attack``), for the entries under it
    that write none themselves; a heading of other words with a year says neither
    (``Before 2022``)."""
    for heading in path:
        if re.fullmatch(r"(?:19|20)\d\d", heading):
            return None, int(heading)
        if len(heading.split()) > 3 or len(re.findall(r"(?<!\d)(?:19|20)\d\d(?!\d)", heading)) != 1:
            continue
        venue, year, _ = read_venue(heading)
        venue = venue.strip(" -'’")
        if re.fullmatch(r"[A-Za-z]*[A-Z][A-Za-z]*[A-Z][A-Za-z]*", venue):
            return venue, year
    return None, None


def _reference(item: Item, source: str, numbered: bool, path: list[str]) -> Reference:
    fields = item.entry.fields
    urls = paper_urls(item)
    dois = [d for url in urls for d in (normalize_doi(url), acl_doi(url)) if d]
    doi = _BIORXIV_VERSION.sub(r"\1", dois[0]) if dois else None
    arxiv = next((a for a in map(normalize_arxiv, urls) if a), None)
    if arxiv is None and (found := _ARXIV_TEXT.search(_own_text(item))):
        arxiv = normalize_arxiv(found.group(1))
    arxiv = arxiv or arxiv_from_doi(doi)
    section_venue, section_year = _section_venue_year(path)
    year = fields.year or (fields.date[0] if fields.date else None) or section_year
    return Reference(
        title=fields.title or fields.nickname or "",
        # A list written "1." throughout has no numbers of its own: a position in it is
        # not how the survey cites the paper, so none is reported.
        number=item.block.number if numbered else None,
        authors=_names(item),
        year=year,
        venue=_venue(fields.venue) or (section_venue if not fields.year else None),
        arxiv=arxiv,
        doi=doi,
        urls=tuple(dict.fromkeys(urls)),
        section=item.section,
        source=source,
        line=item.block.start + 1,
        end_line=item.block.end + 1,
    )
