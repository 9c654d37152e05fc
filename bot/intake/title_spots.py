"""Where titles stand in a free-text issue, and which become suggestions of their own.

Steps 6 and 7 of :mod:`bot.intake.freetext`. A title is found after a label
(``Title:``, ``论文标题：``), between quotes (“...”, "...", 《...》, 「...」), in
bold (when the issue asks for a paper), after a prefix in the issue's title
("[Paper] ..."), as what is left of a segment once identifiers and labels are
removed, or on the line just above a bare link. Titles no identifier claims
become title-only suggestions when the issue asks for a paper, unless the
list they stand in is introduced as topics or sections.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from bot.intake import hints, titles
from bot.intake.candidates import (
    RANK_BOLD,
    RANK_LABEL,
    RANK_PLAIN,
    RANK_QUOTED,
    Candidate,
)
from bot.intake.segments import Segment
from bot.intake.text import LineMap
from bot.text.normalize import title_key

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
class TitleCand:
    """A title found in the text, with how sure its marking makes it (``rank``)."""

    pos: int
    end: int
    text: str
    rank: int
    kind: str  # label | quoted | bold | list | block | issue-title
    used: bool = False
    separated: bool = False  # "and"/"also" stands between it and the identifier on its line


class TitleIndex:
    """The titles found in an issue, in order of position, looked up by segment."""

    def __init__(self, found: Iterable[TitleCand]) -> None:
        self.all = sorted(found, key=lambda t: t.pos)
        self._starts = [t.pos for t in self.all]

    def within(self, seg: Segment) -> list[TitleCand]:
        """The titles that start inside ``seg``."""
        low = bisect.bisect_left(self._starts, seg.start)
        high = bisect.bisect_left(self._starts, seg.end)
        return self.all[low:high]


class _Spans:
    """Disjoint spans of text, sorted: whether a new one overlaps any is one bisection."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        # The spans are disjoint, so of those starting before ``end`` the last ends last.
        before = bisect.bisect_left(self._starts, end)
        return before > 0 and self._ends[before - 1] > start

    def add(self, start: int, end: int) -> None:
        at = bisect.bisect_left(self._starts, start)
        self._starts.insert(at, start)
        self._ends.insert(at, end)


def find_titles(
    masked: str, rest: str, issue_title: str, body_offset: int, wording: bool
) -> list[TitleCand]:
    """The labelled, quoted and bold (when ``wording``) titles, and the issue title's."""
    found: list[TitleCand] = []
    taken = _Spans()
    overlaps = taken.overlaps

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
            taken.add(*match.span())
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
            taken.add(*match.span())
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
                taken.add(*match.span())
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


def plain_title(rest: str, seg: Segment, lines: LineMap, hit_start: int) -> str | None:
    """An unmarked title next to a segment's one link: the whole segment once ids and labels
    are gone, else the first line of a list item ("1. Title\\n   <link>\\n   why it fits"),
    else the words between a colon and "(<link>)" ("please add our work: Title (<link>)")."""
    first_end = lines.line_span(seg.first_line)[1]
    tries = [remainder_of(rest, seg)]
    if seg.kind == "item" and seg.last_line > seg.first_line:
        tries.append(_clean_remainder(rest[seg.start : first_end]))
    before = re.search(r"[:：]\s*([^:：()\n]{4,300}?)\s*\(\s*$", rest[seg.start : hit_start])
    if before:
        tries.append(titles.clean_candidate(before.group(1)))
    return next((t for t in tries if t and titles.looks_like_title(t, "strict")), None)


def remainder_of(rest: str, seg: Segment) -> str:
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


def title_from_previous(
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
        remainder = remainder_of(rest, prev)
        if (
            remainder
            and titles.looks_like_title(remainder, "strict")
            and not remainder.endswith(":")
        ):
            cand.set_title(remainder, RANK_PLAIN)
        return


def title_only_papers(
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
        claimed = sorted({t.pos for t in tcands})
        after_colon = _ColonBlocks(segments, masked)
        for index, seg in enumerate(segments):
            first = bisect.bisect_left(claimed, seg.start)  # the first title at or after it
            holds_title = first < len(claimed) and claimed[first] < seg.end
            if seg.kind == "title" or seg.hits or holds_title:
                continue
            if masked[seg.start : seg.end].rstrip().endswith((":", "：")):
                continue  # "- 摘要/简介：", "Papers:": a label or an intro, never a title
            if seg.kind == "item" or after_colon(index):
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


class _ColonBlocks:
    """Whether a segment is in a block of lines introduced by a line ending with a colon
    ("Please add the following papers:") or announcing papers below ("some papers are missing,
    listed below.").

    Each segment walks back over the title-like lines above it, at most
    ``_BLOCK_REACH`` of them. The walks of neighbouring segments share their
    steps, so each segment's answer is remembered as its distance to the
    introducing line: a body of thousands of title-like lines costs one title
    check per line, not one per line and line above it.
    """

    def __init__(self, segments: list[Segment], masked: str) -> None:
        self.segments, self.masked = segments, masked
        self.reach: dict[int, int | None] = {}  # segment -> lines up to the intro; None: none

    def __call__(self, index: int) -> bool:
        pending: list[int] = []
        at = index
        while at not in self.reach:
            step = self._step(at)
            if step is not _WALK_ON:
                self.reach[at] = step
                break
            pending.append(at)
            at -= 1
        distance = self.reach[at]
        for walked in reversed(pending):
            distance = None if distance is None else distance + 1
            self.reach[walked] = distance
        found = self.reach[index]
        return found is not None and found <= _BLOCK_REACH

    def _step(self, index: int) -> int | None:
        """1 when the line above introduces the block, None when it ends the walk, else
        ``_WALK_ON`` (0): the line above is title-like, the walk goes on from there."""
        if index <= 0:
            return None
        seg, prev = self.segments[index], self.segments[index - 1]
        if prev.kind == "title" or prev.hits or seg.first_line - prev.last_line > 2:
            return None
        line = self.masked[prev.start : prev.end].rstrip()
        if line.endswith((":", "：")) or (_LIST_INTRO.search(line) and _PAPER_WORD.search(line)):
            return 1
        if not titles.looks_like_title(titles.clean_candidate(line), "loose"):
            return None  # loose: a sentence-case title above still belongs to the block
        return _WALK_ON


_BLOCK_REACH = 50  # title-like lines a block's introduction may be above a line
_WALK_ON = 0


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
