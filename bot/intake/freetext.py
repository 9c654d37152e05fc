"""Read paper suggestions out of a free-text issue (title + Markdown body).

The pipeline, all on one cleaned string ``title + "\\n\\n" + body``:

1. HTML comments are masked (template instructions are not suggestions).
2. Fenced code blocks are masked; those that hold BibTeX are read as BibTeX
   first. Code that is not BibTeX (a traceback, a config file) never yields a
   suggestion, even if it contains something that looks like a DOI.
3. Unfenced BibTeX entries are read and masked.
4. Identifiers and links are found (``bot.intake.links``).
5. The text is cut into *segments*: the issue title, each list item (with its
   continuation lines) and each other line. Identifiers of different kinds in one
   segment ("[paper](doi) | [arXiv](arxiv)") are one paper, unless joined by
   "and"/"also"/"和"; identifiers of the same kind are different papers.
6. Titles are attached: a label (``Title:``), quotes (“...”, "...", 《...》,
   「...」), link text, bold, or the rest of the segment once identifiers and
   labels are removed, or the line just before a bare link.
7. Titles that belong to no identifier become title-only suggestions when the
   issue asks for a paper ("add", "missing", "推荐", ...).

Identifiers in an issue that looks like a typo report, a broken-link report, a
question about the survey or a "how do I cite you" question, and that does not
also ask for a paper to be added, are not suggestions.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from bot.intake import hints, titles
from bot.intake.candidates import (
    RANK_BIBTEX,
    RANK_BOLD,
    RANK_LABEL,
    RANK_PLAIN,
    RANK_QUOTED,
    Candidate,
    fill_missing,
    title_key,
)
from bot.intake.links import Hit, acl_from_doi, classify_url, find_hits
from bot.intake.pasted_bibtex import PastedEntry, find_pasted_entries
from bot.intake.text import LineMap, code_blocks, html_comment_spans, mask_spans

_LIST_ITEM = re.compile(rf"^(\s*){titles.LIST_MARKER}(?=\S)")
_QUOTED = re.compile(
    r'"([^"\n]{4,300}?)"|“([^”\n]{4,300}?)”|‘((?:[^’\n]|’(?=\w)){4,300}?)’(?!\w)|《([^》\n]{2,300}?)》|「([^」\n]{2,300}?)」'
    r"|『([^』\n]{2,300}?)』|„([^“”\n]{4,300}?)[“”]|«([^»\n]{4,300}?)»"
    r"|(?<![\w'])'([^'\n]{10,300}?)'(?![\w'])"
)
_BOLD = re.compile(r"\*\*([^*\n]{4,300}?)\*\*|(?<!\w)__([^_\n]{4,300}?)__(?!\w)")
_LABELLED = re.compile(
    r"^[ \t>]*(?:[-*+][ \t]+)?(?:\*\*|__)?"
    r"(paper[ \t]*title|title[ \t]+of[ \t]+(?:the|our|my)[ \t]+(?:paper|work)|"
    r"title|论文标题|论文题目|论文名称|论文名|文章标题|标题|题目|论文\s*\d{0,2}|"
    r"(?:paper|work|article)[ \t]*#?[ \t]*\d{1,2}|paper|work)"
    r"(?:\*\*|__)?[ \t]*[:：](.*)$",
    re.IGNORECASE | re.MULTILINE,
)
_LABEL_WORDS = re.compile(
    r"(?i)(?:\b(?:(?:paper|work|article)\s*#?\s*\d{1,2}|paper|title|link|url|pdf|arxiv|doi|code|github|project(?:\s+page)?|homepage|website|"
    r"openreview|acl\s+anthology|anthology|hugging\s*face|paperswithcode|papers\s+with\s+code|"
    r"abs|source|repo|venue|published\s+(?:in|at))|论文|标题|链接|代码|地址|项目主页|网址)\s*[:：]"
)
# Labelled lines that never hold a title ("Authors: ...", "Venue: ...").
_OTHER_LABEL = re.compile(
    r"(?i)^[ \t>]*(?:[-*+][ \t]+)?(?:\*\*|__)?"
    r"(?:authors?|author list|venue|conference|journal|year|code|published(?: in| at)?|"
    r"keywords?|abstract|tl;?dr|summary|contact|affiliations?|email|"
    r"作者|会议|期刊|年份|摘要|代码|关键词)(?:\*\*|__)?[ \t]*[:：]"
)
_SECTION_CONTEXT = re.compile(
    r"(?i)(?:section|category|topic|chapter|part|table|figure|fig\.|heading|tag|label|subsection|"
    r"部分|章节|类别|分类|板块)\s*(?:on|about|of|for|titled|called|named)?\s*[:：]?\s*$"
)
_UI_WORD_AFTER = re.compile(
    r"(?i)\s*(?:badges?|buttons?|sections?|tabs?|labels?|columns?|fields?|options?|features?|pages?|files?|"
    r"icons?|categor(?:y|ies)|tags?|tables?|figures?|headers?|headings?|menus?|settings?|keywords?|"
    r"部分|章节|按钮|标签|栏目)\b"
)
_TOPIC_PREPOSITION = re.compile(r"(?i)\b(?:for|on|about|in|into|to|under|within)\s*$")
_TOPIC_INTRO = re.compile(
    r"(?i)\b(?:sections?|topics?|categor(?:y|ies)|areas?|directions?|fields?|subsections?|"
    r"keywords?|tags?|features?)\b|主题|方向|领域|类别|章节|功能"
)
_PAPER_WORD = re.compile(
    r"(?i)\b(?:papers?|works?|articles?|publications?|preprints?|studies)\b|论文|文章|工作"
)
# Words that announce a list of papers on the lines that follow.
_LIST_INTRO = re.compile(r"(?i)\b(?:(?:listed|shown|given|are)\s+below|as\s+follows)\b|如下|以下")
# Words that hand a title over to its own link ("... and can be found at <link>").
_HEADING = re.compile(r"[ \t]{0,3}#{1,6}[ \t]")
_LINK_INTRO = re.compile(
    r"(?i)\b(?:found|available|accessible|released|published|posted|hosted|read)"
    r"\s+(?:at|on|in|here|via|from)\s*[:：]?\s*$"
)
_SPLIT_WORDS = re.compile(
    r"(?i)\b(?:and|also|another|as well as|plus|besides)\b|和|以及|还有|另外|及"
)
_TITLE_PREFIX = re.compile(
    r"^\s*(?:"
    r"[\[【(（]\s*(?:new\s+)?(?:paper|papers|suggestion|paper\s+suggestion|paper\s+request|add|add\s+paper|new|"
    r"request|recommend(?:ation)?|missing|missing\s+paper|reference|论文|推荐|论文推荐|新论文|建议|补充)\s*[\]】)）]"
    r"\s*[:：\-–—]?\s*"
    r"|(?:please\s+)?(?:consider\s+)?(?:add|suggest|suggestion|recommend|recommendation|request|missing|new|include|"
    r"consider)(?:ing|ed)?\s*(?:(?:a|an|the|new|one|our|this|missing)\s+)*(?:paper|papers|work|article|reference|citation|"
    r"publication|preprint)?\s*(?:suggestion|request|recommendation)?\s*[:：\-–—]\s*"
    r"|(?:paper|new\s+paper|missing\s+paper|paper\s+suggestion|paper\s+request|paper\s+recommendation)\s*[:：\-–—]\s*"
    r"|(?:论文推荐|推荐论文|推荐一篇论文|添加论文|新增论文|补充论文|建议添加|建议补充|建议收录|论文|推荐)\s*[:：\-–—]\s*"
    r")",
    re.IGNORECASE,
)


@dataclass
class Segment:
    start: int
    end: int
    kind: str  # "title" | "item" | "line"
    first_line: int
    last_line: int
    hits: list[Hit] = field(default_factory=list)
    groups: list[Candidate] = field(default_factory=list)


@dataclass
class TitleCand:
    pos: int
    end: int
    text: str
    rank: int
    kind: str  # label | quoted | bold | list | block | issue-title
    used: bool = False
    separated: bool = False  # "and"/"also" stands between it and the identifier on its line


@dataclass
class FreeText:
    """Everything the free-text reader found, before merging."""

    candidates: list[Candidate]
    text: str  # the cleaned, comment- and code-masked text (title + body)
    body_offset: int
    negative: bool


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

    hits, rest = find_hits(masked)
    lines = LineMap(masked)
    segments = _segments(masked, lines, body_offset)
    seg_starts = [s.start for s in segments]

    def seg_of(pos: int) -> int:
        return max(0, bisect.bisect_right(seg_starts, pos) - 1)

    for hit in hits:
        segments[seg_of(hit.start)].hits.append(hit)

    compact = hints.compact(masked)
    wording = hints.has_suggestion_wording(compact)
    strong = bool(hints.STRONG.search(compact))
    question = bool(hints.QUESTION_TITLE.search(title)) and not hints.SUGGEST_CORE.search(compact)
    negative = bool(hints.NEGATIVE.search(compact) or question) and not strong

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

    tcands = sorted(
        _title_candidates(masked, rest, title, body_offset, wording), key=lambda t: t.pos
    )
    t_starts = [t.pos for t in tcands]

    def tcands_in(seg: Segment) -> list[TitleCand]:
        low = bisect.bisect_left(t_starts, seg.start)
        high = bisect.bisect_left(t_starts, seg.end)
        return tcands[low:high]

    # identifiers -> groups, per segment
    heading_section: str | None = None  # "### Section 2.1.2 (...)" above a list of papers
    for index, seg in enumerate(segments):
        if seg.kind == "line" and _HEADING.match(masked, seg.start):
            heading_section = hints.find_section(masked[seg.start : seg.end])
        if not seg.hits:
            continue
        groups: list[tuple[Candidate, set[str], int]] = []
        for hit in seg.hits:
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
        seg.groups = [g[0] for g in groups]
        for cand in seg.groups:
            if not cand.has_id:
                cand.origin = "url"

        if strict_ids and seg.kind != "item":
            remainder = _remainder(rest, seg)
            if remainder and not titles.looks_like_title(remainder, "strict"):
                seg.groups = []
                continue

        inside = tcands_in(seg)
        if len(seg.groups) == 1:
            cand = seg.groups[0]
            for tc in inside:
                if _separated(masked, tc, seg.hits):
                    tc.separated = True  # "“Title A” and arXiv:B": two papers
                    continue
                cand.set_title(tc.text, tc.rank)
                tc.used = True
            if not cand.title:
                plain = _plain_title(rest, seg, lines, seg.hits[0].start)
                if plain:
                    cand.set_title(plain, RANK_PLAIN)
        else:
            for tc in inside:
                following = [g for g in seg.groups if g.pos >= tc.end]
                target = following[0] if following else seg.groups[-1]
                if not target.title or tc.rank > target.title_rank:
                    target.set_title(tc.text, tc.rank)
                tc.used = True
        if seg.groups and not seg.groups[0].title and _remainder(rest, seg) == "" and index > 0:
            _title_from_previous(segments, index, rest, tcands_in, seg.groups[0])
        section = heading_section
        if seg.kind == "item" and seg.end - seg.start < 3000:
            section = hints.find_section(hints.compact(masked[seg.start : seg.end])) or section
        if section:
            for cand in seg.groups:
                cand.section = section
        cands.extend(seg.groups)

    if title_only:
        cands.extend(_title_only(tcands, cands, segments, masked, wording, strong))
    return FreeText(cands, masked, body_offset, negative)


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


def _segments(masked: str, lines: LineMap, body_offset: int) -> list[Segment]:
    segments: list[Segment] = []
    current: Segment | None = None
    item_indent = -1
    for index in range(len(lines)):
        start, end = lines.line_span(index)
        line = masked[start:end]
        if start < body_offset:
            if index == 0:
                segments.append(Segment(start, end, "title", index, index))
            continue
        if not line.strip():
            current = None
            continue
        found = _LIST_ITEM.match(line)
        if found:
            current = Segment(start, end, "item", index, index)
            item_indent = len(found.group(1))
            segments.append(current)
        elif (
            current is not None
            and current.kind == "item"
            and (len(line) - len(line.lstrip()) > item_indent or not line.startswith("#"))
        ):
            current.end = end
            current.last_line = index
        else:
            current = None
            segments.append(Segment(start, end, "line", index, index))
    if not segments:
        segments.append(Segment(0, 0, "title", 0, 0))
    return segments


def _plain_title(rest: str, seg: Segment, lines: LineMap, hit_start: int) -> str | None:
    """An unmarked title next to a segment's one link: the whole segment once ids and labels
    are gone, else the first line of a list item ("1. Title\\n   <link>\\n   why it fits"),
    else the words between a colon and "(<link>)" ("please add our work: Title (<link>)")."""
    first_end = lines.line_span(seg.first_line)[1]
    tries = [_remainder(rest, seg)]
    if seg.kind == "item" and seg.last_line > seg.first_line:
        tries.append(_clean_remainder(rest[seg.start : first_end]))
    before = re.search(r"[:：]\s*([^:：()\n]{4,300}?)\s*\(\s*$", rest[seg.start : hit_start])
    if before:
        tries.append(titles.clean_candidate(before.group(1)))
    return next((t for t in tries if t and titles.looks_like_title(t, "strict")), None)


def _remainder(rest: str, seg: Segment) -> str:
    """The segment's text once identifiers, links, labels and venue notes are removed."""
    return _clean_remainder(rest[seg.start : seg.end])


def table_cells(text: str) -> list[str] | None:
    """The cells of a Markdown table row, or None when ``text`` is not one."""
    if text.count("|") < 2:
        return None
    cells = [c.strip() for c in text.strip().strip("|").split("|")]
    if all(re.fullmatch(r":?-{2,}:?", c) for c in cells if c):
        return []
    return cells


def _clean_remainder(text: str) -> str:
    if len(text) > 3000 or _OTHER_LABEL.match(text):
        return ""  # far too long for a title (keeps the clean-up linear), or "Authors: ..."
    text = " ".join(text.split())
    cells = table_cells(text)
    if cells is not None:
        for cell in cells:
            value = _clean_remainder(cell) if "|" not in cell else ""
            if value and titles.looks_like_title(value, "strict"):
                return value
        return ""
    text = re.sub(r"!?\[([^\[\]\n]*)\]\(\s*[^)]*\)", " ", text)  # [text](masked url)
    text = re.sub(r"<a\s[^>]*>[^<]*</a>", " ", text, flags=re.IGNORECASE)
    text = _LABEL_WORDS.sub(" ", text)
    text = re.sub(r"[(\[（【]\s*[)\]）】]", " ", text)
    text = re.sub(r"\s[-–—|/]\s*$|^\s*[-–—|/]\s", " ", text)
    text = titles.clean_candidate(text)
    text = titles.strip_venue_tail(text)
    text = re.sub(r"\s*[|,;/]\s*$", "", text).strip()
    return titles.clean_candidate(text) if text else ""


def _title_from_previous(
    segments: list[Segment],
    index: int,
    rest: str,
    tcands_in: Callable[[Segment], list[TitleCand]],
    cand: Candidate,
) -> None:
    """A bare link's title on a line just above it ("Title\\nAuthors: ...\\nhttps://...")."""
    below = segments[index]
    for back in range(1, 4):
        if index - back < 0:
            return
        prev = segments[index - back]
        if (
            prev.kind == "title"
            or prev.hits
            or prev.groups
            or below.first_line - prev.last_line > 2
        ):
            return
        inside = [t for t in tcands_in(prev) if not t.used]
        if inside:
            best = max(inside, key=lambda t: (t.rank, -t.pos))
            cand.set_title(best.text, best.rank)
            for t in inside:
                t.used = True
            return
        line = rest[prev.start : prev.end]
        if _OTHER_LABEL.match(line):
            below = prev
            continue  # "Authors: ..." between the title and the link
        remainder = _remainder(rest, prev)
        if (
            remainder
            and titles.looks_like_title(remainder, "strict")
            and not remainder.endswith(":")
        ):
            cand.set_title(remainder, RANK_PLAIN)
        return


def _title_candidates(
    masked: str, rest: str, issue_title: str, body_offset: int, wording: bool
) -> list[TitleCand]:
    found: list[TitleCand] = []
    taken: list[tuple[int, int]] = []

    def overlaps(start: int, end: int) -> bool:
        return any(start < e and s < end for s, e in taken)

    for match in _LABELLED.finditer(rest):
        label = match.group(1).lower()
        value = titles.strip_venue_tail(titles.clean_candidate(match.group(2)))
        level = (
            "loose"
            if "title" in label or "标题" in label or "题目" in label or "名" in label
            else "medium"
        )
        if titles.looks_like_title(value, level):
            found.append(TitleCand(match.start(2), match.end(2), value, RANK_LABEL, "label"))
            taken.append(match.span())
    for match in _QUOTED.finditer(masked):
        raw = next(g for g in match.groups() if g is not None)
        if overlaps(*match.span()):
            continue
        before = masked[max(0, match.start() - 40) : match.start()]
        after = masked[match.end() : match.end() + 30]
        if _SECTION_CONTEXT.search(before) or _UI_WORD_AFTER.match(after):
            continue
        value = titles.clean_candidate(raw)
        if _TOPIC_PREPOSITION.search(before) and len(value.split()) <= 4:
            continue  # 'LLM agents for "AI for Science"', 'a paper to "Recommendation"'
        if match.group(0)[0] in "《「『" and titles.cjk_count(value) < 2 and len(value.split()) < 2:
            continue
        level = "strict" if match.group(0)[0] == "'" else "loose"  # 'x' is often not a title
        if titles.looks_like_title(value, level) and not hints.NEGATIVE.search(value):
            found.append(TitleCand(match.start(), match.end(), value, RANK_QUOTED, "quoted"))
            taken.append(match.span())
    if wording:
        for match in _BOLD.finditer(masked):
            if overlaps(*match.span()) or match.start() < body_offset:
                continue
            value = titles.strip_venue_tail(
                titles.clean_candidate(match.group(1) or match.group(2))
            )
            if _LABEL_WORDS.search(value + ":") and len(value.split()) <= 2:
                continue
            if titles.looks_like_title(value, "medium") and not hints.NEGATIVE.search(value):
                found.append(TitleCand(match.start(), match.end(), value, RANK_BOLD, "bold"))
                taken.append(match.span())
    prefix = _TITLE_PREFIX.match(issue_title)
    if prefix:
        # A template's placeholder left in front of the title: "[Add Paper] <paper title here>X".
        value = re.sub(r"^\s*<[^<>]{0,60}>", "", rest[prefix.end() : len(issue_title)])
        value = titles.strip_venue_tail(titles.clean_candidate(value))
        if (
            value
            and not overlaps(prefix.end(), len(issue_title))
            and titles.looks_like_title(value, "loose")
            and not re.match(
                r"(?i)(?:a|an|the|one|two|three|some|several|our|my|new|\d+)\s+"
                r"(?:new\s+|more\s+|related\s+|relevant\s+|recent\s+)?"
                r"(?:papers?|works?|articles?|references?|surveys?)\b"
                r"|(?:please\s+)?(?:add|adding|include|including|suggest\w*|recommend\w*|request)\b",
                value,
            )
        ):
            found.append(TitleCand(prefix.end(), len(issue_title), value, RANK_BOLD, "issue-title"))
    return found


def _title_only(
    tcands: list[TitleCand],
    cands: list[Candidate],
    segments: list[Segment],
    masked: str,
    wording: bool,
    strong: bool,
) -> list[Candidate]:
    """Titles no identifier claimed, plus titles from list items and "following papers:" blocks."""
    out: list[Candidate] = []
    papers = [c for c in cands if c.has_id or c.paper_url or c.origin == "bibtex"]
    leftovers = [t for t in tcands if not t.used]
    issue_titles = [t for t in leftovers if t.kind == "issue-title"]
    leftovers = [t for t in leftovers if t.kind != "issue-title"]

    if wording:
        claimed = {t.pos for t in tcands}
        for index, seg in enumerate(segments):
            if seg.kind == "title" or seg.hits or any(seg.start <= p < seg.end for p in claimed):
                continue
            if masked[seg.start : seg.end].rstrip().endswith((":", "：")):
                continue  # "- 摘要/简介：", "Papers:": a label or an intro, never a title
            if seg.kind == "item" or _after_colon_line(segments, index, masked):
                if _topic_list(segments, index, masked):
                    continue
                value = _clean_remainder(masked[seg.start : seg.end])
                if titles.looks_like_title(value, "strict") and not hints.NEGATIVE.search(value):
                    leftovers.append(TitleCand(seg.start, seg.end, value, RANK_PLAIN, "list"))
    leftovers.sort(key=lambda t: t.pos)

    untitled = [c for c in papers if not c.title]
    attachable = [t for t in leftovers if not t.separated]
    if (
        attachable
        and len(papers) == 1
        and len({title_key(t.text) for t in attachable}) == 1
        and len(attachable) == len(leftovers)
    ):
        # One paper, one title elsewhere in the issue ("Title: X" above, link below).
        best = max(attachable, key=lambda t: (t.rank, -t.pos))
        papers[0].set_title(best.text, best.rank)
        leftovers = []
    if issue_titles:
        if len(papers) == 1 and untitled and untitled[0].title is None:
            untitled[0].set_title(issue_titles[0].text, issue_titles[0].rank)
        elif not papers:
            leftovers.insert(0, issue_titles[0])
    for tc in leftovers:
        if tc.kind in ("quoted", "bold") and not wording:
            continue
        if (
            tc.kind in ("quoted", "bold")
            and titles.cjk_count(tc.text) < 4
            and len(tc.text.split()) < 3
        ):
            continue  # 'a "Last updated" badge': too short to stand alone as a title
        if tc.kind in ("list", "block") and not (wording or strong):
            continue
        out.append(Candidate(pos=tc.pos, origin="title", title=tc.text, title_rank=tc.rank))
    return out


def _after_colon_line(segments: list[Segment], index: int, masked: str) -> bool:
    """Whether segment ``index`` is in a block of lines introduced by a line ending with a colon
    ("Please add the following papers:") or announcing papers below ("some papers are missing,
    listed below.")."""
    seg = segments[index]
    for _ in range(50):
        if index <= 0:
            break
        prev = segments[index - 1]
        if prev.kind == "title" or prev.hits or seg.first_line - prev.last_line > 2:
            return False
        line = masked[prev.start : prev.end].rstrip()
        if line.endswith((":", "：")) or (_LIST_INTRO.search(line) and _PAPER_WORD.search(line)):
            return True
        if not titles.looks_like_title(titles.clean_candidate(line), "loose"):
            return False  # loose: a sentence-case title above still belongs to the block
        index -= 1
        seg = prev
    return False


def _topic_list(segments: list[Segment], index: int, masked: str) -> bool:
    """Whether the list segment ``index`` is in is introduced as topics/sections, not papers."""
    for _ in range(200):
        if index <= 0:
            break
        prev = segments[index - 1]
        if prev.kind != "item":
            if prev.kind == "title":
                return False
            line = masked[prev.start : prev.end]
            return bool(_TOPIC_INTRO.search(line)) and not _PAPER_WORD.search(line)
        index -= 1
    return False
