"""Recognisers that claim an entry's fields, one kind of span at a time.

They work on a ``Reading`` (the entry's text, its links, the claims so far)
and claim spans in the order a reader sees them: leading tags (``[2023/05]``),
a nickname (``<u>LLaMA</u>:``, ``**RoboTracer**:``), the title in whatever
markup it wears, then the rest: authors in emphasis or plain text, venue and
year, dates, labelled links, badges, a trailing description. A field is
recognised by what it looks like, not by the list it comes from.
"""

from __future__ import annotations

import re

from bot.identifiers import normalize_arxiv
from bot.lists import entry as e
from bot.lists.citation import (
    ACRONYM_WORD,
    ET_AL,
    GENERIC_LABELS,
    ITALIC,
    PUBLISHER,
    VENUE_WORDS,
    authors_claim,
    generic_label,
    is_label,
    label_key,
    line_label,
    looks_like_names,
    names_then_venue,
    people_only,
    read_bracketed,
    read_linked_small_print,
    read_text,
    title_cased,
    venue_name,
)
from bot.lists.inline import Link, is_symbol, label_image, unescape
from bot.lists.papers import paper_like
from bot.lists.values import (
    DATE_IN_TEXT,
    full_year,
    read_authors,
    read_date,
    read_glued_venue,
    read_venue,
)
from bot.text.venues import ACRONYMS

_TAG = re.compile(
    r"(?P<s>\*{1,2}|__)?\[(?P<b>[^\[\]\n]{1,40}|[^\[\]\n]{41,80}(?=\][ \t]*\*\*))\]"
    r"(?(s)(?P=s))(?!\()"
    r"|\((?P<e>\*{1,2}|_)?(?P<p>[^()*_\n]{2,40}?)(?P=e)?\)"
)
# A venue known by name with its year later on an entry's line ("..., ICML 2018."), or the
# names after "by" that such a line ends in ("by Michail G. Lagoudakis, Ronald Parr, 2003."):
# the bracketed word before the title is then the paper's name, not its venue.
_DATED_VENUE = re.compile(
    rf"\b(?:{ACRONYMS})[ \t]*['’]?(?:19|20)?\d\d\b|(?<=[>)])[ \t]+by[ \t]+[A-Z\u00C0-\u024F]"
)
# A year in a parenthesised tag ("(2023-10)", "(*EMNLP'23*)", "(ArXiv 2025)"): without
# one, "(Almost) Free Lunch" is the title's own text.
_TAG_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)|['’‘]\d\d\b")
# "[2507]": an arXiv id's year and month ("2507" is no year), before the title.
_YYMM = re.compile(r"(?P<y>0[7-9]|[12]\d)(?P<m>0[1-9]|1[0-2])")
# A link right after a tag: "[VL-GenRM] [VL-GenRM: Enhancing ...](url)".
_LINK_NEXT = re.compile(r"[ \t]+<?\[(?P<t>[^\[\]\n]+)\]\(")
_TAG_GAP = re.compile(r"[ \t]*[:：|–—-]?[ \t]*")
# A line break, perhaps over one blank line (a loose list), and the next line's indent.
_NEXT_LINE = r"\n(?:[ \t]*\n)?[ \t]*"
_CITED_NUMBER = re.compile(r"\[\d{1,3}\][ \t]*[:：]?[ \t]*(?=<?\[[^\[\]\n]+\]\()")
_LINKED_TAG = re.compile(r"\\?\[(?P<l>\[[^\[\]\n]{1,40}\]\([^()\s]+\))\\?\][ \t]*")
# A bold title after a bracketed tag: "[💬 Aesthetic] **Playground v2.5: ...**".
_BOLD_NEXT = re.compile(r"[ \t]*\*\*(?P<t>[^*\n]+)\*\*")
# "[VL-GenRM] [Title](url)", "[MRM] Advancing ...": a name in brackets before the title.
_PLAIN_BRACKET_NICK = re.compile(
    r"\[(?P<o>\*\*)?(?P<n>[^*\[\]\n]{1,40})(?P<c>(?(o)\*\*))\](?P<sep>[ \t]+)"
    r"(?=<?\[|[A-Za-z0-9\"“])"
)  # ("[**SeqWM**] Empowering ...": the name in bold too)
# "**[UCB]** <[Title](url)>" / "**Voicebox**: [Voicebox: Text-Guided ...](url)": a name in
# bold (and brackets) before a linked title.
_BRACKET_NICK = re.compile(
    r"\*\*(?P<o>\[?)(?P<n>[^*\[\]\n]{1,40})(?P<c>\]?)\*\*(?P<sep>[ \t]*[:：]?[ \t]*)"
    r"(?=<?\[(?P<t>[^\[\]\n]+)\]\()"
)
# "(GWNN)[Graph Wavelet Neural Network](url)": a short name in parentheses before the link.
_PAREN_NICK = re.compile(
    r"\((?P<n>[A-Za-z][\w.+-]{0,24})\)(?P<sep>[ \t]*)(?=\[[^\[\]\n]+\]\([^()\s]+\))"
)
# A name in code in bold, a comma after it, before the title: "**`Helios`**, Real ...".
_BOLD_CODE_NICK = re.compile(
    r"\*\*`(?P<n>[^`\n]{1,40})`\*\*(?P<sep>[ \t]*[,:：][ \t]*)(?=[^\s*\[])"
)
_U_NICK = re.compile(r"<u>(?P<n>[^<\n]{1,60})</u>(?P<sep>[ \t]*[:：]?[ \t]*)", re.IGNORECASE)
_BOLD_NICK = re.compile(
    r"\*\*(?P<o>\[?)(?P<n>[^*\[\]\n\"“]{1,40}?)(?P<c>\]?)\*\*(?P<sep>[ \t]*[:：]?[ \t]*)(?=[\"“])"
)
# A bold name before the authors, the quoted title after them on the line or the next one:
# '**MemVLT**: Xiaokun Feng, Xuchen Li.<br />\n  "MemVLT: Visual-Language ..."' (the colon
# may be in the bold: "**SemTrack:**"; a blank line may come between, in a loose list).
_BOLD_NICK_NAMES = re.compile(
    r"\*\*(?P<n>[^*\[\]\n\"“:：]{1,40}?)(?P<c>[:：]?)\*\*(?P<sep>[ \t]*[:：]?[ \t]*)"
    rf"(?=[^\n\"“*]{{2,400}}?(?:<br\s*/?>)?[ \t]*{_NEXT_LINE}[\"“])"
)
# A plain name and a colon before a quoted title: 'STARK: "Learning Spatio-Temporal ..."'.
_PLAIN_NICK = re.compile(
    r"(?P<n>[A-Za-z][\w.+-]{0,30}(?:[ \t][\w.+-]+){0,2})(?P<sep>[ \t]*[:：][ \t]*)(?=[\"“])"
)
_QUOTED = re.compile(r"(?P<q>[\"“])(?P<t>[^\"“”\n]+?)[\"”]")
# (and "***Title***": bold and italic)
_BOLD = re.compile(r"\*\*(?P<i>\*(?!\*))?(?!\s)(?P<t>(?:[^*]|\*(?!\*))+?)(?(i)\*)\*\*")
_UNDERSCORES = re.compile(r"__(?!\s)(?P<t>(?:[^_]|_(?!_))+?)__")
# After a bold name inside a link: a dash or colon, then the title to the link's end.
_NAME_THEN_TITLE = re.compile(r"[ \t]*(?:[—–:：]|-(?=[ \t]))[ \t]*(?P<t>[^*\n]+?)[ \t]*$")
_NICK_TAG = re.compile(r"\(\*(?P<tag>[^*\n]{2,40})\*\)[ \t]*")
# A short name in parentheses right after a title's last word, at the end of its bold.
_GLUED_NICK = re.compile(r"(?<=[\w.])\((?P<n>[A-Za-z][\w.+-]{1,24})\)$")
_NICK_CITATION = re.compile(
    r"(?P<nick>[^()\n]{1,40}?)[ \t]*\((?P<who>[^(),\n]{1,60}?\be[tl]\s*al\.?)(?P<sep>,?[ \t]*)"
    r"(?P<year>(?:19|20)\d\d)\)"
)
_PLAIN_TITLE = re.compile(
    r"(?P<t>(?:[^*\[\]`_\n]|\*\*(?=[^*\s`])[^*\[\]`\n]+?(?<=\S)\*\*)+?)[ \t]*"
    rf"(?=\*[^*\s]|\*\*`|[ \t]+<?https?://|(?<![\w_])_[^_\s]|\[\[|\(?\[{GENERIC_LABELS}\]\("
    r"|[,，;]?[ \t]*<(?:ins|em|i|b|strong|small)>|</t[dh]\s*>|(?<!\\)\|"
    r"|\([^()\n]*\b(?:19|20)\d\d\b[^()\n]*\)[ \t]*(?:\[|$|,)|`|【[^【】\n]*】[ \t]*$|$)",
    re.IGNORECASE | re.MULTILINE,
)
# Where a plain title may end: a mark and a space, not an abbreviation's full stop.
_TITLE_MARKS = re.compile(r"(?<!\b[Vv]s)(?<!\betc)(?<!\b[Cc]f)[.,?!][ \t]+")
# What a plain title's line says after it: names (with "et al.") and a venue with its year
# or an arXiv id ("Hao, Miao et al. arXiv:2007.03282", "Porrello et al. ECCV 2020 [[code]"),
# up to the links.
_CITED_TAIL = re.compile(
    r"(?:[^.\n\[]{1,60}?\bet[ \t]*al\.?[ \t]*|[A-Z][^.\n\[]{0,60}?\.[ \t]+)?"
    r"(?:[A-Za-z][\w&.' -]{0,40}?[ \t]?(?:19|20)\d\d|ar[Xx]iv:[ \t]?\d{4}\.\d{4,5}(?:v\d+)?)"
    r"(?:[ \t]*\((?:19|20)\d\d\))?\.?[ \t]*"
)
# The word that opens a venue in a citation, before its emphasis: "Title. In *COLT 2016*."
_IN_TAIL = re.compile(r"In:?[ \t]*")
# A venue and its year after a plain title's comma: "Title, arXiv 2023 [[Paper]](url)",
# "Title, IEEE Computer, 2015, ([paper](url))", "Title, arXiv, ([paper](url))".
_VENUE_TAIL = re.compile(
    r"(?:[A-Za-z][\w&.' -]{0,40}?,?[ \t](?:19|20)\d\d|[Aa]r[Xx]iv)[ \t]*,?"
)
# A few words in bold that a plain title goes on after ("**Calibrated** Self-Rewarding
# Vision Language Models, [[Paper]](url)"): the maintainer's highlight, not the title.
# (a full stop inside the bold, "VARGPT-v1.1", but not at its end: "**Title.**")
_HIGHLIGHT = re.compile(r"\*\*(?P<h>[^*?!:;\n]+?)(?<!\.)\*\*(?P<colon>:?)[ \t]+(?=[^\W_])")
# The list's full stop after a title ("**Title.**"), not an initial's ("JAX, M.D.").
# A title's final full stop (or semicolon: "**Title;** Names") is the list's, not an
# initial's ("Vol. B.") nor the end of an abbreviation ("Drori et al." in a table).
_TITLE_STOP = re.compile(r"(?<=[\w)\]?!'\"”])(?<!\b[A-Z])(?<!\bet al)(?<!\betc)[.;]$")
_DESCRIPTION = re.compile(r"[ \t]+[-–—][ \t]+(?=\S)")
# "[Title](url) - in SIGIR 2023 - [code](url)": the venue where a description would start.
_IN_VENUE = re.compile(
    r"in[ \t]+(?P<v>(?:Findings[ \t]+of[ \t]+)?[A-Z][\w@&.-]*(?:[ \t]+[A-Z][\w@&.-]*){0,3}"
    r"[ \t]+(?:19|20)\d\d)\b"
)
# The entry's own remark after its links, neither a link nor a venue: code spans in
# brackets ("[`Meta AI`, `Facebook`]", "[`object recognition` or `image classification`
# task]"), or words in lenticular brackets closing its line ("Title. SIGIR 2020 【神经图协同
# 过滤】", a translation).
_NOTE = re.compile(
    r"\[(?!\[)[^\[\]\n]*`[^`\n]+`[^\[\]\n]*\](?![(\[:])|【[^【】\n]*】(?=[ \t]*$)", re.MULTILINE
)
# Text up to the first full stop that ends a word (not an initial's): a list of names?
_LEADING_NAMES = re.compile(r"(?P<n>.*?[A-Za-z]{2,})\.(?:\s|$)")

_SHIELDS = re.compile(
    r"^(?P<pre>https?://img\.shields\.io/badge/)(?P<body>[^?#)\s]+?)(?P<post>-[0-9A-Za-z]+(?:\?[^)\s]*)?)$"
)
_STARS = re.compile(r"img\.shields\.io/github/stars|badge/.*stars?|stars?\.svg", re.IGNORECASE)


# Words in italics inside a title, "_Re-Identification_": their markup is not the title's.
_ITALIC_WORDS = re.compile(r"(?<![\w_])_(?P<t>[^_\s](?:[^_\n]*[^_\s])?)_(?![\w_])")


def _linked_venue(reading: e.Reading, link: Link, *, dated_only: bool) -> bool:
    """Claim a link written on its venue, ``[CVPR 2024](url)`` or ``[arXiv, 10 Apr 2025](url)``:
    the venue (and date) and the paper's link, which a new paper's own replace. After the
    title only a venue with its year or date counts (``dated_only``): a link named
    ``[Project Page](url)`` there is a label, one named with a year is not a title."""
    words, start, end = link.text, link.text_start, link.text_end
    if words.startswith("[") and words.endswith("]"):  # "[[2017-NIPS]](url)": in brackets
        words, start, end = words[1:-1], start + 1, end - 1
    if link.kind != "markdown" or not re.search(r"[A-Za-z]", words):
        return False
    dated = DATE_IN_TEXT.search(words)
    date = read_date(dated.group(0)) if dated and not words[dated.end() :].strip() else None
    if dated and date and dated.start() > 0:  # "arXiv, 10 Apr 2025"
        venue = words[: dated.start()].rstrip(" \t,")
        if not re.search(r"[A-Za-z]", venue) or len(venue.split()) > VENUE_WORDS:
            return False
        slot = e.Slot("venue", "dated")  # its form is "{v}": the date gives the year
        reading.claim(start, start + len(venue), slot, (unescape(venue), None), "{v}")
        reading.claim(start + dated.start(), start + dated.end(), e.Slot("date"), *date)
    else:
        venue, year, form = read_venue(unescape(words))
        # (a long name counts on a paper's own link: "[VISxGenAI: 1st Workshop on GenAI,
        # Agents, and the Future of VIS (IEEE VIS 2025)](https://arxiv.org/abs/...)")
        short = len(venue.split()) <= VENUE_WORDS or paper_like(link.url)
        if dated_only and (year is None or not short):
            return False
        if year is None and not paper_like(link.url):
            return False  # "[[Github](https://github.com/...)] SDFGen": a tool's link
        reading.claim(start, end, e.Slot("venue"), (venue, year), form)
    reading.claim(link.url_start, link.url_end, e.Slot("url", "paper"), link.url)
    return True


def _title_value(raw: str) -> tuple[str, int]:
    """The title a span names and how many trailing characters are the list's full stop."""
    stripped = raw.rstrip()
    if stripped.endswith(" \\"):
        stripped = stripped[:-1].rstrip()  # "Title \" over the next line: a line break
    # (a comma is the list's too: "Title, [[Paper]](url)"; no title ends in one)
    stop = 1 if _TITLE_STOP.search(stripped) or stripped.endswith((",", "，")) else 0
    value = _BOLD.sub(r"\g<t>", stripped[: len(stripped) - stop])  # a highlight's markup
    value = _ITALIC_WORDS.sub(r"\g<t>", value)  # "Robust _Re-Identification_ by ..."
    return unescape(value), len(raw) - len(stripped) + stop


# A title's name in bold before its colon: "**RigAnything**: Template-Free ...".
_BOLD_HEAD = re.compile(r"\*\*(?P<h>[^*:\n]{1,40}?)\*\*:[ \t]")

# A year and a venue's acronym glued to the title by dashes: "16-ATC-Design Guidelines for
# High Performance RDMA Systems", "2020-OSDI-hXDP: ..." (an acronym: two capitals at least).
_DASH_TAG = re.compile(
    r"(?P<y>(?:19|20)?\d\d)-(?P<v>(?=[A-Za-z]*[A-Z][a-z]*[A-Z])[A-Za-z]{2,12}|[Aa]r[Xx]iv)-(?=\S)"
)


def _pictographs(raw: str, at: int) -> int:
    """Past the emoji that open a title and the space after them (each entry its own, the
    list's decoration: a new paper has none); ``at`` where there are none."""
    mark = at
    while mark < len(raw) and is_symbol(raw[mark]):
        mark += 1
    if mark == at or raw[mark : mark + 1] not in (" ", "\t"):
        return at
    return len(raw) - len(raw[mark:].lstrip(" \t"))


# The list's label in lenticular brackets opening a title: "【🔧SFT+🚀RL】Look Again, ...".
_LENTICULAR_TAG = re.compile(r"【(?P<n>[^【】\n]{1,30})】(?P<colon>[ \t]*[:：])?[ \t]*")


def _claim_title(reading: e.Reading, start: int, end: int) -> None:
    raw = reading.text[start:end]
    lead = len(raw) - len(raw.lstrip())
    if tag := _DASH_TAG.match(raw, lead):
        year = tag.group("y")
        form = ("{Y}" if len(year) == 4 else "{y}") + "-{v}"
        venue = (tag.group("v"), full_year(year))
        reading.claim(start + lead, start + tag.end(), e.Slot("venue", "", "", "-"), venue, form)
        lead = tag.end()
    elif (mark := _pictographs(raw, lead)) > lead:  # "[📄 Retrieving Multimodal ...](url)"
        reading.claim(start + lead, start + mark, e.Slot("text", "emoji"), raw[lead:mark])
        lead = mark
    elif label := _LENTICULAR_TAG.match(raw, lead):  # "**【Latent CoT】Think Silently, ...**"
        if label["colon"]:  # "【STEP-Parts】: Geometric Partitioning of ...": the paper's name
            slot = e.Slot("nickname", "", "【", label.group(0)[label.end("n") - label.start() :])
            reading.claim(start + lead, start + label.end(), slot, unescape(label["n"]))
        else:
            slot = e.Slot("text", "tags")
            reading.claim(start + lead, start + label.end(), slot, label.group(0))
        lead = label.end()
    value, trail = _title_value(raw[lead:])
    if value:
        # "**3D Diffusion Policy**: Generalizable ...": the title with its name in bold, as
        # the list writes its papers' names (a new paper's name, if its title has one, too)
        head = _BOLD_HEAD.match(raw, lead)
        key = "bold head" if head and value.startswith(head["h"] + ": ") else ""
        reading.claim(start + lead, end - trail, e.Slot("title", key), value)


# A comma (or a colon) after a link that opens an entry, then words in no markup: the title,
# when the link's few words name the venue and date or the kind of link.
_TITLE_AFTER = re.compile(r"[ \t]*[,:：][ \t]+(?=[^\s\[*_`<])")
_TAG_WORDS = 4


def _leading_link(reading: e.Reading, link: Link, position: int) -> int:
    """Past a link opening the entry that is not its title: ``[[2017-NIPS]](url) **Title**``,
    the year and venue in brackets; ``[arXiv 2026.03](url), Title``, ``[Science
    Robotics](doi), Title``, ``[website](url), Title``: the venue and date, a venue known by
    name or the kind of link, then the title in no markup. ``position`` when it is none."""
    text = reading.text
    comma = _TITLE_AFTER.match(text, link.end)
    if comma is None or len(link.text.split()) > _TAG_WORDS:
        bracketed = re.fullmatch(r"\[[^\[\]]+\]", link.text)
        if bracketed and _linked_venue(reading, link, dated_only=True):
            return _TAG_GAP.match(text, link.end).end()  # type: ignore[union-attr]
        return position
    if _linked_venue(reading, link, dated_only=not venue_name(link.text)):
        return comma.end()
    if generic_label(link.text):
        _read_link(reading, link)
        return comma.end()
    return position


# A venue and its year in parentheses with more after them: the list's keywords, "(NeurIPS
# 2021, RL Agent, Multi-Agent Coordination) Title", or a remark on the venue, "(ACL 2024
# (Findings)) Title".
_PAREN_VENUE_MORE = re.compile(
    r"\((?P<v>[A-Za-z][\w&.'-]*(?:[ \t]+[A-Za-z][\w&.'-]*){0,3}[ \t]+(?:19|20)\d\d)"
    r"(?:(?P<k>,[ \t]*[^()\n]{1,160}?)|(?P<r>[ \t]*\([^()\n]{1,30}\)))\)[ \t]+(?=\S)"
)


def _paren_venue_and_more(reading: e.Reading, position: int) -> int:
    """Claim ``(NeurIPS 2021, RL Agent, ...)`` before the title: the venue and year, the
    keywords after them a text of the entry's own (a new paper has none: ``(ICML 2025)``);
    ``(ACL 2024 (Findings))``: the venue with its remark. Where the title starts."""
    found = _PAREN_VENUE_MORE.match(reading.text, position)
    if found is None:
        return position
    end = found.end("r") if found["r"] else found.end("v")
    venue, year, form = read_venue(unescape(reading.text[found.start("v") : end]))
    reading.claim(found.start("v"), end, e.Slot("venue"), (venue, year), form)
    if found["k"]:
        reading.claim(found.start("k"), found.end("k"), e.Slot("text", "tags"), found["k"])
    return found.end()


def read_leading_tags(reading: e.Reading, position: int) -> int:
    """``[2023/05] `` / ``(2023-10)`` / ``[ACL 2023]`` / ``**[ICLR 2024]**`` / ``(*EMNLP'23*)``
    / ``(arXiv 2023.05)`` before the title: dates and venues."""
    text = reading.text
    if cited := _CITED_NUMBER.match(text, position):
        # "[3] : [Title](url)": the number the maintainer's notes cite it by (a new paper
        # has none yet)
        reading.claim(cited.start(), cited.end(), e.Slot("text", "cited as"), cited.group(0))
        position = cited.end()
    linked = _LINKED_TAG.match(text, position)
    link = _link_at(reading, linked.start("l")) if linked else None
    if linked and link and _linked_venue(reading, link, dated_only=False):
        position = linked.end()  # "\\[[ISWC 2024](url)\\] Title"
    elif (link := _link_at(reading, position)) is not None:
        position = _leading_link(reading, link, position)
    position = _paren_venue_and_more(reading, position)
    while tag := _TAG.match(text, position):
        inner = tag.group("b") or tag.group("p")
        name = "b" if tag.group("b") else "p"
        dated = _TAG_YEAR.search(inner) or read_venue(inner)[1] is not None  # "(ICLR 24)"
        # ("(IEEE Trans. Big Data) **Title**": a venue known by name, before a marked title)
        marked = text.startswith(("**", "["), _skip_blank(text, tag.end()))
        named = name == "p" and marked and venue_name(inner)
        if (name == "p" or tag.group("s")) and not (dated or named):
            break  # "(Almost) Free", "**[LLaRP]**": the title's words, a nickname
        linked = _LINK_NEXT.match(text, tag.end())
        line_end = _line_end(reading, tag.end())
        following = linked.group("t") if linked else text[tag.end() : line_end]
        bold = _BOLD_NEXT.match(text, tag.end())
        if name == "b" and not dated and bold and not venue_name(inner):
            if re.fullmatch(r"[\w.+-]+", inner) and _abbreviates(inner, bold.group("t")):
                break  # "[MM-Diff] **MM-Diff: ...**", "[MRM] **... Masked Record Modeling**"
            # "[💬 Aesthetic] **Title**": a topic's tag before a bold title, not its name
            reading.claim(tag.start(), tag.end(), e.Slot("text", "tags"), tag.group(0))
            position = _TAG_GAP.match(text, tag.end()).end()  # type: ignore[union-attr]
            continue
        if name == "b" and not dated and (
            _names_title(inner, following)
            or (
                re.search(r"[A-Za-z]", inner)
                and not venue_name(inner)
                and _DATED_VENUE.search(text, tag.end(), line_end)
            )
        ):
            # "[VL-GenRM] [VL-GenRM: Enhancing ...](url)", "[MRM] Advancing ...", "[NAC]
            # <[Title](url)> by Yang Gao, ..., ICML 2018.": a nickname
            break
        start, end = tag.start(name), tag.end(name)
        before, after = text[tag.start() : start], text[end : tag.end()]
        yymm = _YYMM.fullmatch(inner) if name == "b" and not dated else None
        date = read_date(inner) or (
            ((2000 + int(yymm.group("y")), int(yymm.group("m")), None), "{y}{m}") if yymm else None
        )
        venue_date = DATE_IN_TEXT.search(inner)
        if date:
            reading.claim(tag.start(), tag.end(), e.Slot("date", "", before, after), *date)
        elif venue_date and venue_date.end() == len(inner) and venue_date.start() > 0:
            # "(*arXiv 2023.05*)": a venue, then the date
            date = read_date(venue_date.group(0))
            venue = inner[: venue_date.start()].rstrip(" \t,")
            if date is None or not re.search(r"[A-Za-z]", venue):
                break
            venue_end = start + len(venue)
            # (its own key: its form is "{v}" whatever the other venues' forms, as the
            # date beside it gives the year)
            slot = e.Slot("venue", "dated", before, "")
            reading.claim(tag.start(), venue_end, slot, (unescape(venue), None), "{v}")
            date_slot = e.Slot("date", "", "", after)
            reading.claim(start + venue_date.start(), tag.end(), date_slot, *date)
        elif re.search(r"[A-Za-z]", inner) and not re.fullmatch(r"[ xX]", inner):
            venue, year, form = read_venue(inner)
            reading.claim(
                tag.start(),
                tag.end(),
                e.Slot("venue", "", before, after),
                (unescape(venue), year),
                form,
            )
        else:
            break
        position = _TAG_GAP.match(text, tag.end()).end()  # type: ignore[union-attr]
    return position


# "**MoE(Mixture-of-Experts)(ICLR2017)** Title": a bold name whose last parentheses hold
# the venue and year ("**(ICLR2017)** Title": the venue alone), then a plain title.
_BOLD_TAGGED = re.compile(
    r"\*\*(?P<n>[^*\[\]\n]{0,60}?)\((?P<v>[^()*/\n]{2,40})\)\*\*(?P<sep>[ \t]*[:：]?[ \t]+)"
    r"(?=[^\s*\[])"
)


def _bold_tagged(reading: e.Reading, position: int) -> int | None:
    found = _BOLD_TAGGED.match(reading.text, position)
    if found is None or not _TAG_YEAR.search(found["v"]):
        return None
    venue, year, form = read_venue(found["v"])
    if found["n"].strip():
        slot = e.Slot("nickname", "", "**")
        reading.claim(found.start(), found.end("n"), slot, unescape(found["n"]))
        opening = "("
    else:
        opening = "**("
    venue_slot = e.Slot("venue", "", opening, ")**" + found["sep"])
    venue_start = found.start("v") - len(opening)
    reading.claim(venue_start, found.end(), venue_slot, (unescape(venue), year), form)
    return found.end()


def _names_title(tag: str, title: str) -> bool:
    """Is a bracketed tag before a title its name, not its venue: the title's first words,
    the initials of its words ("[MRM] ... with Masked Record Modeling"), or written in mixed
    case ("[Multi-Image]", "[BiomedCLIP]"; a venue is in capitals, "[ICLR]", or known by
    name, "[NeurIPS]", "[arXiv]")?"""
    if _abbreviates(tag, title):
        return True
    return not venue_name(tag) and any(c.islower() for c in tag)


def _abbreviates(tag: str, title: str) -> bool:
    """Is ``tag`` the title's first words or the initials of its words?"""
    initials = "".join(w[0] for w in re.split(r"[\s\-–]+", title) if w[:1].isupper())
    capitals = re.sub(r"[^A-Z]", "", tag)  # "[CoRL] Co-Reinforcement Learning ...": its name
    return title.startswith(tag) or (len(capitals) >= 3 and capitals in initials)


def _bold_names_link(found: re.Match[str]) -> bool:
    """Is the bold before a link a name for the linked title (``**[UCB]** <[Title](url)>``,
    ``**Voicebox**: [Voicebox: Text-Guided ...](url)``), not a bold title before a link of
    its own (``**Title** [paper](url)``, ``**Title** [CVPR 2024](url)``)? A name in brackets
    is one; a bare one is a few words before a longer title."""
    if found["o"] and found["c"]:
        return True
    name, title = found["n"].split(), found["t"].split()
    return len(name) <= 4 and len(title) > len(name) + 1 and not generic_label(found["t"])


# A word in bold ending in a colon before a bold or linked title: "**Featured:** **[Title](url)**".
_ENTRY_MARK = re.compile(
    r"\*\*(?P<l>[A-Z][a-z]+(?:[ \t][A-Za-z][a-z]+)?[:：])\*\*[ \t]+(?=\*\*(?!\s)|<?\[)"
)


def read_bold_label(reading: e.Reading, position: int) -> int:
    """Claim the list's mark on some entries (``**Featured:**``, ``**Highlight:**``) before
    the title as a label, which a new paper has none of; where the title starts. (A name
    in bold there, ``**ReAct:**``, is the paper's and left to ``read_nickname``.)"""
    found = _ENTRY_MARK.match(reading.text, position)
    if found is None:
        return position
    reading.claim(found.start(), found.end(), e.Slot("text", "label"), found.group(0))
    return found.end()


def read_nickname(reading: e.Reading, position: int) -> int:
    """``<u>LLaMA</u>: ``, ``**RoboTracer**: `` / ``**[LLaRP]** `` or ``STARK: `` before a
    quoted title, ``**Piggyback(ECCV2018)** `` before a plain one (a venue too)."""
    text = reading.text
    tagged = _bold_tagged(reading, position)
    if tagged is not None:
        return tagged
    for pattern, before, after in (
        (_U_NICK, "<u>", "</u>"),
        (_BOLD_CODE_NICK, "**`", "`**"),
        (_BOLD_NICK, "**", "**"),
        (_BRACKET_NICK, "**", "**"),
        (_PLAIN_BRACKET_NICK, "[", "]"),
        (_PAREN_NICK, "(", ")"),
        (_BOLD_NICK_NAMES, "**", "**"),
        (_PLAIN_NICK, "", ""),
    ):
        found = pattern.match(text, position)
        if not found or (pattern is _BRACKET_NICK and not _bold_names_link(found)):
            continue
        groups = found.groupdict()
        opening = before + (groups.get("o") or "")
        closing = (groups.get("c") or "") + after + found.group("sep")
        slot = e.Slot("nickname", "", opening, closing)
        reading.claim(found.start(), found.end(), slot, unescape(found.group("n")))
        return found.end()
    return position


# A year and a venue in plain text before a linked title, as some lists open each entry:
# "2018 ICLR [Title](url)", "SOCC 2021, [Title](url)", "2020 Engineering [Title](url)",
# perhaps with the paper's short name after the venue ("2015 ICLR FGSM [Title](url)").
_PLAIN_PREFIX = re.compile(
    r"(?P<p>[^\[\]()<>*_`|\n]{2,60}?)(?P<sep>[ \t]*[,:：–—-]?[ \t]*)"
    r"(?=<?\[[^\[\]\n]+\]\()"
)
_PREFIX_YEAR = re.compile(
    r"^(?P<y>(?:19|20)\d\d)(?:[ \t]+(?=\S)|$)|[ \t]+(?P<z>(?:19|20)\d\d)$"
)
_ALL_CAPS = re.compile(r"[A-Z][A-Z&.]+")


# A venue known by name with its year or month, then a comma or a colon, before a title in
# any markup or none (on the line or the next): "arXiv 2024.05, Title, [arXiv](url)", "ICRA
# 2024, **Title**, [arXiv](url)", "TKDE 2021: Title [[Paper]](url)"; a remark after the
# year stays with the venue, as ``read_venue`` keeps it ("CVPR 2024 submission, Title").
_DATED_PREFIX = re.compile(
    r"(?P<v>[A-Za-z0-9][\w&.'-]*(?:[ \t]+[A-Za-z][\w&.'-]*){0,5}?)[ \t]+(?P<y>(?:19|20)\d\d)"
    r"(?:(?P<m>[./-](?:0[1-9]|1[0-2]))|(?P<q>(?:[ \t]+[a-z]+){1,3}))?[,:：]"
    r"(?:[ \t]+|[ \t]*\n[ \t]*)(?=[^\s\d])"
)


def read_plain_prefix(reading: e.Reading, position: int) -> int:
    """Claim a plain ``2018 ICLR `` / ``SOCC 2021, `` before a linked title as the entry's
    venue and year (and a short name after a known venue: ``ICLR FGSM``), or a known
    venue's ``arXiv 2024.05, `` before any title; where the title starts. Without a year,
    only a venue known by name is taken (``ICLR [Title](url)``): other words before a
    link are no field of the paper."""
    dated = _DATED_PREFIX.match(reading.text, position)
    # (not after a venue already read: "[[CVPRW2019](url)] SkelNetOn 2019: Dataset and ...")
    known = dated and (
        venue_name(dated["v"]) or all(map(ACRONYM_WORD.fullmatch, dated["v"].split()))
    )  # ("SIGGRAPH ASIA 2024, **CBIL**: ...": acronyms each)
    if dated and known and not reading.has("venue"):
        _claim_dated_prefix(reading, dated)
        return dated.end()
    found = _PLAIN_PREFIX.match(reading.text, position)
    if found is None or len(found["p"].split()) > 8:
        return position
    link = _link_at(reading, found.end() + reading.text.startswith("<", found.end()))
    if link is None or generic_label(link.text) or generic_label(found["p"]):
        return position
    year = _PREFIX_YEAR.search(found["p"])
    start = found.start("p") + (year.end() if year and year["y"] else 0)
    stop = found.start("p") + (year.start() if year and year["z"] else len(found["p"]))
    # (a short name only between a leading year and the link: "2015 ICLR FGSM [Title]")
    last = year is None or year["y"] is not None
    venue_end = start + _venue_words(reading.text[start:stop]) if last else stop
    venue = reading.text[start:venue_end]
    if year is not None and not venue:  # "2022 [Title](url)"
        reading.claim(found.start("p"), found.end("p"), e.Slot("year"), int(year["y"]), "{Y}")
        return found.end()
    if not venue or (year is None and not venue_name(venue)):
        return position
    if year is None:
        reading.claim(start, venue_end, e.Slot("venue"), (unescape(venue), None), "{v}")
    else:
        gap = "" if last else reading.text[venue_end : found.start("p") + year.start("z")]
        reading.claim(
            found.start("p") if last else start,
            venue_end if last else found.end("p"),
            e.Slot("venue"),
            (unescape(venue), int(year["y"] or year["z"])),
            "{Y}" + year.group(0)[4:] + "{v}" if last else "{v}" + gap + "{Y}",
        )
    if venue_end < stop:
        nick_start = _skip_blank(reading.text, venue_end)
        reading.claim(nick_start, stop, e.Slot("nickname"), unescape(reading.text[nick_start:stop]))
    return found.end()


def _claim_dated_prefix(reading: e.Reading, found: re.Match[str]) -> None:
    """``arXiv 2024.05``: the venue (its form ``{v}``: the date gives the year) and the
    date; ``ICRA 2024`` / ``CVPR 2024 submission``: the venue and its year."""
    date = read_date(reading.text[found.start("y") : found.end("m")]) if found["m"] else None
    if date is not None:
        named = (unescape(found["v"]), None)
        reading.claim(found.start("v"), found.end("v"), e.Slot("venue", "dated"), named, "{v}")
        reading.claim(found.start("y"), found.end("m"), e.Slot("date"), *date)
        return
    end = found.end("q") if found["q"] else found.end("y")
    venue, year, form = read_venue(unescape(reading.text[found.start("v") : end]))
    reading.claim(found.start("v"), end, e.Slot("venue"), (venue, year), form)


def _venue_words(text: str) -> int:
    """How much of ``text`` names the venue: a known acronym's word (``ICLR`` in ``ICLR
    FGSM``), a publisher and the capitals after it (``IEEE TECV`` in ``IEEE TECV One-pixel
    attack``), else all of it (``Information Systems Frontiers``, ``ACM Comput. Surv.``)."""
    words = text.split()
    if len(words) > 1 and venue_name(words[0]) and not PUBLISHER.fullmatch(words[0]):
        return len(words[0])
    if len(words) > 2 and PUBLISHER.fullmatch(words[0]) and _ALL_CAPS.fullmatch(words[1]):
        caps = 1
        while caps < len(words) and _ALL_CAPS.fullmatch(words[caps]):
            caps += 1
        return len(" ".join(words[:caps])) if caps < len(words) else len(text)
    return len(text)


# Authors before a bold or quoted title ("Touvron et al. **LLaMA: ...** arXiv 2023.").
# (or on the line before it, after a line break tag: "Jane Doe, Bo Li.<br />\n  "Title"")
_AUTHORS_FIRST = re.compile(
    rf"(?P<n>[^*_\[\]\"“\n<]{{2,400}}?)[ \t]*(?:<br\s*/?>[ \t]*)?(?:{_NEXT_LINE})?"
    r"(?=\*\*(?!\s)|__(?!\s)|[\"“])"
)


# The authors and the year before a plain title, as APA writes a reference (in bold:
# "**Endsley, M. R. (2023).** Supporting Human-AI Teams: ... *Computers in Human ...*"),
# or with a dash: "Paul W. McBurney, Collin McMillan (2014) - An empirical study of ...".
# (or no date: "(n.d.)"; the title may open with a parenthesis: "(How) Do Language ...")
_AUTHORS_YEAR = re.compile(
    r"(?P<o>\*\*)?(?P<n>[^*()\n]{2,400}?)[ \t]*\((?:(?P<y>(?:19|20)\d\d)|n\.d\.)\)\.?"
    r"(?(o)\*\*|[ \t]+[-–—][ \t]+)[ \t]*(?=[^\s*_\[]|\*[^\s*])"
)


def read_authors_year(reading: e.Reading, position: int) -> int | None:
    """Claim the names and the year of ``**Names (2023).** Title`` or ``Names (2014) -
    Title``; where the title starts, or None when what stands before the year does not
    read as names (``**Deep Learning (2016).**`` is a title and its year, and is left to
    the title's reader)."""
    found = _AUTHORS_YEAR.match(reading.text, position)
    if found is None or not looks_like_names(found["n"]):
        return None
    authors_claim(reading, found.start("n"), found.end("n"), "", "")
    if found["y"]:
        reading.claim(found.start("y"), found.end("y"), e.Slot("year"), int(found["y"]), "{Y}")
    return found.end()


_ITALIC_TITLE = re.compile(r"(?P<m>\*(?!\*)|_(?!_))(?P<t>[^*_\n]+?)(?P=m)(?![*_])")


def read_italic_title(reading: e.Reading, position: int) -> int | None:
    """A title in italics right after the names and year (``**Salmon, P. M. (2009).**
    *Distributed Situation Awareness*. Ashgate.``: a book's title, as APA writes it)."""
    found = _ITALIC_TITLE.match(reading.text, position)
    if found is None:
        return None
    _claim_title(reading, found.start("t"), found.end("t"))
    return found.end()


def read_authors_first(reading: e.Reading, position: int) -> int | None:
    """Claim the authors a list writes before its titles (``Jane Doe et al. **Title**``,
    ``Jane Doe, Bo Li. "Title"``, ``Jane Doe, Bo Li:`` over ``Title.``); where the title
    starts, or None when no names lead."""
    found = _AUTHORS_FIRST.match(reading.text, position)
    if found is None:
        return _authors_colon(reading, position)
    names = found["n"].rstrip(" \t.,:")
    if not (ET_AL.search(names) or people_only(names)):
        return None
    if not (_BOLD.match(reading.text, found.end()) or _QUOTED.match(reading.text, found.end())):
        return None  # no title after the names: claim nothing
    authors_claim(reading, found.start("n"), found.start("n") + len(names), "", "")
    return found.end()


# Names and a colon over a plain title, as DBLP writes a reference: "Shihong Fang, Anna
# Choromanska:" over "Backdoor Attacks on the DNN Interpretation System." (on one line,
# names and a colon are too like a title's words: "Unifying Large Language Models and
# Knowledge Graphs: A Roadmap").
_AUTHORS_COLON = re.compile(
    rf"(?P<n>[^:\n\[\]*\"“<]{{2,400}}?)[ \t]*:[ \t]*{_NEXT_LINE}(?=[^\s\[*])"
)


def _authors_colon(reading: e.Reading, position: int) -> int | None:
    """``Jane Doe, Bo Li:`` over a title on its own line."""
    found = _AUTHORS_COLON.match(reading.text, position)
    if found is None or not (ET_AL.search(found["n"]) or people_only(found["n"], 1)):
        return None
    authors_claim(reading, found.start("n"), found.end("n"), "", "")
    return found.end()


def _line_end(reading: e.Reading, position: int) -> int:
    end = reading.text.find("\n", position)
    return len(reading.text) if end < 0 else len(reading.text[:end].rstrip())


def _link_at(reading: e.Reading, position: int) -> Link | None:
    return next((link for link in reading.links if link.start == position), None)


def read_title(reading: e.Reading, position: int, *, heading: bool = False) -> int | None:
    """Claim the title at ``position`` (and a title link); the end of its markup, or None."""
    bold = heading and reading.text.startswith("**", position)
    link = _link_at(reading, position + 2 * bold) if heading else None
    if link is not None and link.end + 2 * bold == _line_end(reading, position):
        return _title_link(reading, link, bold)  # "### [Title](url)", "### **[Title](url)**"
    if heading:
        text = reading.text
        end = text.find("\n", position)
        end = len(text) if end < 0 else end
        raw = re.sub(r"[ \t]+#+[ \t]*$", "", text[position:end])
        _claim_title(reading, position, position + len(raw))
        return end
    found = read_marked_title(reading, position)
    return found if found is not None else read_plain_title(reading, position)


def read_marked_title(reading: e.Reading, position: int) -> int | None:
    """A title in markup at ``position``: a link, quotes, bold or underscores."""
    text = reading.text
    bold = text.startswith("**", position) and not text.startswith("***", position)
    angled = text.startswith("<[", position)  # "<[Title](url)> by Jane Doe, 2010."
    link = _link_at(reading, position + (2 if bold else angled))
    if link is not None and link.kind in ("markdown", "html"):
        if generic_label(link.text) and bold and text.startswith("**", link.end):
            return None  # "**[Paper](url)** | **[arXiv](url)**": the links, no title
        if not generic_label(link.text):
            end = _title_link(reading, link, bold)
            return end + 1 if angled and end is not None and text.startswith(">", end) else end
    if bold and (quoted := re.match(r"\*\*[ \t]*(?=[\"“])", text[position:])):
        found = _QUOTED.match(text, position + quoted.end())
        if found and text.startswith("**", _skip_blank(text, found.end())):
            _claim_title(reading, found.start("t"), found.end("t"))
            return _skip_blank(text, found.end()) + 2
    if found := _QUOTED.match(text, position):
        _claim_title(reading, found.start("t"), found.end("t"))
        return found.end()
    if _highlight(text, position):
        return read_plain_title(reading, position)
    for pattern in (_BOLD, _UNDERSCORES):
        found = pattern.match(text, position)
        if found and generic_label(found.group("t")) and text.startswith(":", found.end()):
            return None  # "- **Link**: https://...": a link's label under an entry, no title
        if found:
            start = found.start("t")
            tag = _NICK_TAG.match(text, start)
            if tag:
                _nick_tag(reading, tag)
                start = tag.end()
            end = found.end("t")
            if glued := _GLUED_NICK.search(text, start, end):
                # "**Loihi: A Neuromorphic Manycore Processor ...(Loihi)**": its short name
                slot = e.Slot("nickname", "", "(", ")")
                reading.claim(glued.start(), end, slot, glued.group("n"))
                end = glued.start()
            _claim_title(reading, start, end)
            return found.end()
    return None


def _title_case(words: str) -> bool:
    """Are most of the longer words capitalised, as in a title (``Improve Visual
    Autoregressive Large Unified Model via ...``)?"""
    longer = [w for w in words.split() if len(w) > 3 and w[0].isalpha()]
    return len(longer) >= 2 and sum(w[0].isupper() for w in longer) * 4 >= len(longer) * 3


def _highlight(text: str, position: int) -> bool:
    """Is the bold at ``position`` a few highlighted words of a plain title, not the title
    (``**Calibrated** Self-Rewarding ...``, ``**VARGPT-v1.1**: Improve Visual ...``), or a
    title's first part before its colon and the rest (``**Provable Guarantees for ...**:
    Bridging Low-Level Stability and ...``)? What
    follows it continues the title: it is neither a venue with its year (``**Beta one**
    ACL 2020.``) nor a list of names."""
    found = _HIGHLIGHT.match(text, position)
    if found is None or (len(found.group("h").split()) > 4 and not found.group("colon")):
        return False  # (a title in bold, then more words; with a colon, its subtitle)
    rest = _PLAIN_TITLE.match(text, found.end())
    words = rest.group("t") if rest else ""
    names = words.rstrip(" ,.")
    if found.group("colon") and not _title_case(words):
        return False  # "**GraphGPT**: graph instruction tuning for ...": a name, a remark
    return not (
        _TAG_YEAR.search(words)
        or people_only(names)
        or (ET_AL.search(names) and looks_like_names(names))  # "**Title** Jane Doe et al"
    )


# A name, a colon and the paper's bare link, nothing more on the line:
# "33. LLaMA-Berry: https://arxiv.org/abs/2410.02884" (a resource list's papers).
_NAME_THEN_URL = re.compile(
    r"(?P<n>[^\s:：\[\]()*_`<>]{2,40})[ \t]*[:：][ \t]*(?=<?https?://\S+[ \t]*$)", re.MULTILINE
)


def read_name_before_link(reading: e.Reading, position: int) -> int | None:
    """Claim the name before a bare link (``LLaMA-Berry: https://...``) as the entry's
    nickname; where the name ends, or None."""
    found = _NAME_THEN_URL.match(reading.text, position)
    if found is None or any(generic_label(part) for part in found.group("n").split("/")):
        return None  # "- Paper: https://..." / "- 论文/Paper: ...": a label, not a name
    reading.claim(found.start("n"), found.end("n"), e.Slot("nickname"), found.group("n"))
    return found.end("n")


def read_plain_title(reading: e.Reading, position: int) -> int | None:
    """A title in no markup at all (two words or more) at ``position``: the last thing to
    try, as any text would do. It ends at the full stop after which the line only says who
    and where ("Title. Hao, Miao et al. arXiv:2007.03282", "Title. ECCV 2020", "Title. In
    *COLT 2016*"), or at the comma before a venue and its year ("Title, arXiv 2023")."""
    found = _PLAIN_TITLE.match(reading.text, position)
    if found and (italic := _italic_inside(reading, found.start("t"), found.end())):
        _claim_title(reading, found.start("t"), italic)
        return italic
    if found and len(found.group("t").split()) >= 2:
        end = found.end("t")
        # (an abbreviation's full stop is the title's: "Neural Collaborative Filtering vs.
        # Matrix Factorization Revisited. RecSys 2020")
        for stop in re.finditer(_TITLE_MARKS, reading.text[found.start("t") : end]):
            mark = stop.group(0)[0]
            tail = _VENUE_TAIL if mark == "," else _CITED_TAIL
            after = found.start("t") + stop.end()
            if tail.fullmatch(reading.text, after, end) or (
                mark != "," and _IN_TAIL.fullmatch(reading.text, after, end)
            ):
                # (a question's mark is the title's: "When does SGD escape local minima?")
                end = found.start("t") + stop.start() + (mark in "?!")
                break
        in_venue = _IN_BEFORE_ITALIC.search(reading.text, found.start("t"), end)
        if in_venue and reading.text.startswith(("*", "_"), _skip_blank(reading.text, end)):
            end = in_venue.start()  # "Title, in *ICLR* 2024": the venue's "in" is no title's
        _claim_title(reading, found.start("t"), end)
        return end
    return None


_IN_BEFORE_ITALIC = re.compile(r",[ \t]+[Ii]n$")


def _italic_inside(reading: e.Reading, start: int, stop: int) -> int | None:
    """Where a plain title with words in italics ends ("Robust _Re-Identification_ by ...
    Distillation. Porrello et al. ECCV 2020"): at the full stop before who and where, when
    the title read so far stopped at the italics (``stop``); None when it did not."""
    text = reading.text
    if not text.startswith("_", stop):
        return None
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    links = text.find("[", start, line_end)
    end = len(text[start : links if links >= 0 else line_end].rstrip()) + start
    for full_stop in re.finditer(r"\.[ \t]+", text[start:end]):
        if _CITED_TAIL.fullmatch(text, start + full_stop.end(), end):
            return start + full_stop.start()
    return None


def _skip_blank(text: str, at: int) -> int:
    while at < len(text) and text[at] in " \t":
        at += 1
    return at


def _title_link(reading: e.Reading, link: Link, bold: bool) -> int | None:
    if "://" not in link.url:
        return None  # a table-of-contents anchor or a relative link: not a paper
    text = reading.text
    inner = link.text.strip()
    start = link.text_start + (len(link.text) - len(link.text.lstrip()))
    citation = _NICK_CITATION.fullmatch(unescape(inner)) if link.kind == "html" else None
    if citation and inner == unescape(inner):
        _nick_citation(reading, link, citation)
    elif (
        found := (_BOLD.match(text, start) or _UNDERSCORES.match(text, start))
    ) and found.end() <= link.text_end:
        named = _NAME_THEN_TITLE.match(text, found.end(), link.text_end)
        if named and len(found["t"].split()) <= 4 and len(named["t"].split()) >= 3:
            # "[**AEL** — Algorithm Evolution Using Large Language Model](url)": a short
            # bold name, a dash or colon, the title
            mark = found.group(0)[:2]
            slot = e.Slot("nickname", "", mark, mark)
            reading.claim(found.start(), found.end(), slot, unescape(found["t"]))
            _claim_title(reading, named.start("t"), named.end("t"))
        else:
            _claim_title(reading, found.start("t"), found.end("t"))
            read_tail(reading, found.end(), link.text_end)
    if not reading.has("title") and reading.free(link.text_start, link.text_end):
        # (a citation's nickname, or a bold title inside the link, claimed it already)
        end = link.text_start + len(link.text.rstrip())
        if text.startswith("[", start) and text.endswith("]", start, end) and end - start > 2:
            start, end = start + 1, end - 1  # '<a href="...">[Diffstg: Probabilistic ...]</a>'
        tag = _LINK_TAG.match(text, start, end)
        if tag and read_bracketed(reading, tag, named=True):
            start = tag.end()  # "[[AAAI 2021] Heterogeneous Graph Structure Learning](url)"
        elif (
            tag
            and re.fullmatch(r"[^\d\s]\S*?[A-Z][^\s\d]*", tag["t"])
            and len(text[tag.end() : end].split()) >= 3
        ):
            # "[[ResNet] Deep Residual Learning for Image Recognition](url)": its short name,
            # written as names are (not "[Draft] Notes on ...")
            slot = e.Slot("nickname", "", "[", text[tag.end("t") : tag.end()])
            reading.claim(tag.start(), tag.end(), slot, unescape(tag["t"]))
            start = tag.end()
        if dashed := _DASHED_VENUE_YEAR.search(text, start, end):
            start, end = _dashed_venue_year(reading, dashed, start)
        elif (cited := _DASH_CITED.search(text, start, end)) and looks_like_names(cited["n"]):
            end = _dash_cited(reading, cited)
        elif (tagged := _PAREN_VENUE_YEAR.search(text, start, end)) and _paren_venue(
            reading, tagged
        ):
            end = tagged.start()
        _claim_title(reading, start, end)
    reading.claim(link.url_start, link.url_end, e.Slot("url", "title"), link.url)
    end = link.end
    if bold and text.startswith("**", end):
        end += 2
    return end


# The venue (and year) in brackets before the title inside its link: "[[WSDM 2021] Learning
# to drop: ...](url)", "[[arXiv] Differentiable Graph Module ...](url)".
_LINK_TAG = re.compile(r"\\?\[(?P<t>[^\[\]\n]{2,40}?)\\?\][ \t]*(?=\S)")


# The venue and year in parentheses at the end of the title's link text: "[Graph Wavelet
# Neural Network (ICLR2019)](url)", "[The graph neural network model （TNN 2009）](url)".
_PAREN_VENUE_YEAR = re.compile(
    r"[ \t]*(?P<o>[(（])(?P<v>[A-Za-z][^()（）\n\]]{0,60}?(?:19|20)\d\d)(?P<c>[)）])[ \t]*$"
)


def _paren_venue(reading: e.Reading, found: re.Match[str]) -> bool:
    """Claim a title's closing ``(ICLR2019)`` as its venue and year, when it reads as one (a
    venue's few words, then the year: not ``(ICLR 2017 reject)``, not a remark)."""
    venue, year, form = read_venue(found["v"])
    if not form or not venue or len(venue.split()) > VENUE_WORDS:
        return False
    slot = e.Slot("venue", "", found["o"], found["c"])
    reading.claim(found.start("o"), found.end("c"), slot, (unescape(venue), year), form)
    return True


# The venue and year after the title inside its link, set off by dashes: "[PSANet: Point-wise
# Spatial Attention Network for Scene Parsing - ECCV - 2018](url)"; a short name may come
# first: "[GrabCut - Interactive Foreground Extraction ... - SIGGRAPH - 2004](url)".
_DASHED_VENUE_YEAR = re.compile(
    r"[ \t]+-[ \t]+(?P<v>[A-Za-z][^\n\]]{0,40}?)[ \t]+-[ \t]*(?P<y>(?:19|20)\d\d)[ \t]*$"
)
_DASHED_NAME = re.compile(r"(?P<n>[^\s-][^-\n]{0,24}?)[ \t]+-[ \t]+(?=\S)")


def _dashed_venue_year(reading: e.Reading, found: re.Match[str], start: int) -> tuple[int, int]:
    """Claim the venue, the year and a leading short name of a title written ``Name - Title -
    Venue - Year``; where the title starts and ends."""
    _claim_venue_year(reading, found)
    name = _DASHED_NAME.match(reading.text, start, found.start())
    rest = reading.text[name.end() : found.start()] if name else ""
    if name and len(name["n"].split()) <= 2 and len(rest.split()) >= 3:
        reading.claim(name.start("n"), name.end("n"), e.Slot("nickname"), name["n"])
        start = name.end()
    return start, found.start()


# Who wrote it, where and when, after a dash inside the title's link: "[Causal inference
# for time series — Runge et al. (Nature Reviews Earth & Environment, 2023)](url)".
_DASH_CITED = re.compile(
    r"[ \t]+[—–][ \t]+(?P<n>[^()\n—–]{2,160}?)[ \t]+\((?:(?P<v>[^()\n]{2,80}?),[ \t]*)?"
    r"(?P<y>(?:19|20)\d\d)\)[ \t]*$"
)


def _dash_cited(reading: e.Reading, found: re.Match[str]) -> int:
    """Claim the names, venue and year after a title's dash; where the title ends."""
    authors_claim(reading, found.start("n"), found.end("n"), "", "")
    _claim_venue_year(reading, found)
    return found.start()


def _claim_venue_year(reading: e.Reading, found: re.Match[str]) -> None:
    """Claim a match's venue (its ``v`` group, when it has one) and year (``y``), each in
    its own slot: the venue written as it stands, the year beside it."""
    if found["v"]:
        venue = unescape(found["v"])
        reading.claim(found.start("v"), found.end("v"), e.Slot("venue"), (venue, None), "{v}")
    reading.claim(found.start("y"), found.end("y"), e.Slot("year"), int(found["y"]), "{Y}")


def _nick_citation(reading: e.Reading, link: Link, found: re.Match[str]) -> None:
    """``ODI (Byun et al., 2022)``: a nickname, the first author's surname, the year."""
    base = link.text_start
    reading.claim(
        base + found.start("nick"),
        base + found.end("nick"),
        e.Slot("nickname"),
        found.group("nick"),
    )
    authors, form = read_authors(found.group("who"))
    reading.claim(
        base + found.start("who"),
        base + found.end("who"),
        e.Slot("authors"),
        authors,
        (form, "none"),
    )
    reading.claim(
        base + found.start("year"),
        base + found.end("year"),
        e.Slot("year"),
        int(found.group("year")),
        "{Y}",
    )


def _nick_tag(reading: e.Reading, tag: re.Match[str]) -> None:
    """``(*EMNLP2016_Seq-KD*)`` inside a bold title: venue, year and nickname."""
    body = tag.group("tag")
    start = tag.start("tag")
    head, underscore, nick = body.partition("_")
    venue, year, form = read_venue(head)
    if year is not None:
        reading.claim(start, start + len(head), e.Slot("venue"), (venue, year), form)
    if underscore and nick:
        slot = e.Slot("nickname", "", "_")
        reading.claim(start + len(head), start + len(body), slot, unescape(nick))


def read_tail(reading: e.Reading, start: int, end: int) -> None:
    """Claim authors, venue, year, dates, links, badges and a description in ``[start, end)``."""
    for note in _NOTE.finditer(reading.text, start, end):  # the entry's own remark
        reading.claim(note.start(), note.end(), e.Slot("text", "note"), note.group(0))
    dated_end = _read_closing_date(reading, start, end)
    read_linked_small_print(reading, start, end)
    for dash in _DESCRIPTION.finditer(reading.text, start, end):
        found = _IN_VENUE.match(reading.text, dash.end())
        if found and reading.free(found.start("v"), found.end("v")):
            venue, year, form = read_venue(unescape(found["v"]))
            reading.claim(found.start("v"), found.end("v"), e.Slot("venue"), (venue, year), form)
    description = _description_start(reading, start, end)
    stop = description if description is not None else end
    at = start
    badges: list[Link] = []
    for link in [x for x in reading.links if start <= x.start and x.end <= stop]:
        if not reading.free(link.start, link.end):
            continue
        begin, finish = _wrapped(reading, link)
        read_text(reading, at, begin)
        if link.is_image or _is_tag(link) or _venue_badge(link):
            badges.append(link)
        else:
            _flush_tags(reading, badges)
            badges = []
            _read_link(reading, link)
        at = finish
    _flush_tags(reading, badges)
    read_text(reading, at, stop)
    if description is not None:
        gap = _DESCRIPTION.match(reading.text, description)
        value_start = gap.end() if gap else description
        line_end = reading.text.find("\n", value_start)
        line_end = end if line_end < 0 or line_end > end else line_end
        if dated_end is not None and value_start < dated_end <= line_end:
            line_end = dated_end  # "- Proposes a progressive ... tasks. ⏰ *2024-12*"
        before = reading.text[description:value_start]
        raw = reading.text[value_start:line_end].rstrip()
        slot = e.Slot("text", "description", before)
        reading.claim(description, value_start + len(raw), slot, raw)


# A date in emphasis closing the entry's line, perhaps after a clock: "⏰ *2024-12*".
_CLOSING_DATE = re.compile(
    r"[ \t]*(?P<o>(?:⏰|📅|🗓️?)?[ \t]*(?P<e>\*|_))(?P<d>[^*_\n]{4,20})(?P=e)[ \t]*$", re.MULTILINE
)


def _read_closing_date(reading: e.Reading, start: int, end: int) -> int | None:
    """Claim the date in emphasis that ends the entry's first line (after its description
    too: ``[Title](url) - Proposes ... ⏰ *2024-12*``); where that date's text begins."""
    line_end = reading.text.find("\n", start, end)
    found = _CLOSING_DATE.search(reading.text, start, end if line_end < 0 else line_end)
    read = read_date(found["d"]) if found else None
    if found is None or read is None or not reading.free(found.start("o"), found.end()):
        return None
    slot = e.Slot("date", "", found["o"], found["e"])
    reading.claim(found.start("o"), found.end("d") + len(found["e"]), slot, *read)
    return found.start()


# Emphasis of a few words alone after a dash, before small print or links: a field.
_MARKED_FIELD = re.compile(
    r"(?P<m>\*\*|\*|_)(?![*_\s])(?P<t>(?:[^*_\s]+[ \t]?){1,8})(?<![ \t])(?P=m)"
    r"[ \t]*(?:<su[bp]>|\[|$)"
)


def _description_start(reading: e.Reading, start: int, end: int) -> int | None:
    """Where `` - Free prose.`` starts after the title (not ``- Jane Doe et al., ACL 2020``)."""
    found_any = _DESCRIPTION.search(reading.text, start, end)
    if found_any is None:
        return None
    emphasis = [(m.start(), m.end()) for m in ITALIC.finditer(reading.text, start, end)]
    inside = [*((x.start, x.end) for x in reading.links), *emphasis]
    for found in _DESCRIPTION.finditer(reading.text, found_any.start(), end):
        if not reading.free(found.start(), found.end()):
            continue
        line_start = reading.text.rfind("\n", 0, found.start()) + 1
        if not reading.text[line_start : found.start()].strip():
            continue  # "\n    - Jane Doe, Bo Li": a bullet under the entry, not a dash in it
        if any(a < found.start() < b for a, b in inside):
            continue
        line_end = reading.text.find("\n", found.end())
        rest = reading.text[found.end() : line_end if 0 <= line_end < end else end]
        plain_rest = unescape(re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", rest))
        if ET_AL.search(plain_rest[:80]) or len(plain_rest.split()) < 3:
            continue
        marked = _MARKED_FIELD.match(rest)
        if marked and title_cased(marked.group("t")):
            continue  # "— **Expert Systems with Applications** <sub>...": a venue
        names = _LEADING_NAMES.match(plain_rest)
        if (names and people_only(names["n"])) or names_then_venue(plain_rest):
            continue  # "- Jane Doe, Bo Li. ACL 2020", "- Jane Doe, ACL 2020": the authors
        if re.match(r"^[^.]{0,60}\b(?:19|20)\d\d\.?$", plain_rest) or _IN_VENUE.match(plain_rest):
            continue  # "- ACL 2020", "- in SIGIR 2023 - [code](url)": a venue, not prose
        if DATE_IN_TEXT.match(plain_rest):
            continue  # "arXiv - May 2024 [[paper](url)]": the venue's date, not prose
        return found.start()
    return None


def _is_tag(link: Link) -> bool:
    """A badge that is the entry's own (stars, a category): an image, a star badge's link,
    or a badge linked nowhere (``[![Type](https://img.shields.io/badge/...)]()``)."""
    if _venue_badge(link):
        return False
    if link.is_image:
        return True
    image = label_image(link.text)
    if image is None:
        return False
    return bool(_STARS.search(link.text)) or (not link.url.strip() and "shields.io" in link.text)


# A badge image linked somewhere: "[![Publish](https://img.shields.io/badge/...)]()".
_LINKED_IMAGE = re.compile(r"[ \t]*!\[[^\]\n]*\]\((?P<url>[^)\s]*)\)[ \t]*")
# A shields.io badge's "label-message" path ("Conference-ICML'23"; "--" is a dash).
_LABEL_MESSAGE = re.compile(r"(?P<label>(?:[^-]|--)+)-(?P<message>(?:[^-]|--)+)")


def _venue_badge(link: Link) -> tuple[e.Slot, int, int, tuple[str, int], str] | None:
    """A badge naming the venue with its year: ``![ICLR'24](https://img.shields.io/badge/
    ICLR'24-f1b800)`` (the alt text), ``[![Publish](https://img.shields.io/badge/
    Conference-ICML'23-blue)]()`` (the badge's message), or ``![Publish](https://img.shields.io/
    badge/CVPR-2024-blue)`` (the label, the year its message): the slot, the span it claims,
    the venue and year, the form."""
    if link.is_image and (shields := _SHIELDS.match(link.url)):
        venue, year, form = read_venue(link.text)
        if year is not None and venue and re.search(r"[A-Za-z]", venue):
            after = "](" + shields.group("pre") + "{shields}" + shields.group("post") + ")"
            slot = e.Slot("venue", "badge", "![", after)
            return slot, link.start, link.end, (venue, year), form
        return _glued_badge(shields, link.url_start) or _label_year(shields, link.url_start)
    inner = _LINKED_IMAGE.fullmatch(link.text)
    shields = _SHIELDS.match(inner.group("url")) if inner else None
    if inner and shields and not link.url.strip():
        glued = _glued_badge(shields, link.text_start + inner.start("url"))
        if glued is not None:
            return glued
    parts = _LABEL_MESSAGE.fullmatch(shields.group("body")) if inner and shields else None
    if not (inner and shields and parts) or link.url.strip():
        return None
    message = parts.group("message")
    venue, year, form = read_venue(message.replace("--", "-").replace("_", " "))
    url_start = link.text_start + inner.start("url")
    if (
        year is None
        or not re.search(r"[A-Za-z]", venue)
        or not re.fullmatch(r"[\w'’ .-]+", message)
    ):
        return _label_year(shields, url_start)
    at = url_start + shields.start("body") + parts.start("message")
    text_end = at + len(message)
    return e.Slot("venue", "shields"), at, text_end, (venue, year), form


# Badge labels that name no venue ("Publish-2024", "arXiv" is a venue; "Other25": a list's
# word for the venues it does not name; "Submission-2025": a paper not yet accepted).
_BADGE_WORDS = {
    "publish", "published", "conference", "venue", "journal", "paper", "year", "other", "others",
    "submission", "submitted", "under review",
}


def _glued_badge(
    shields: re.Match[str], url_start: int
) -> tuple[e.Slot, int, int, tuple[str, int], str] | None:
    """``badge/IEEE25-1E90FF``, ``badge/ICLR'24-6c757d``: the message alone, a venue with its
    year's two digits glued on or after an apostrophe (the slot, the span it claims, the
    venue and year, the form)."""
    body = shields.group("body")
    glued, form = read_glued_venue(body), "{v}{y}"
    if glued is None and not _LABEL_MESSAGE.fullmatch(body):  # ("Conference-ICML'23": no)
        venue, year, form = read_venue(body)
        glued = (venue, year) if year is not None and form in ("{v}'{y}", "{v}’{y}") else None
    if glued is None or glued[0].lower() in _BADGE_WORDS:
        return None
    start = url_start + shields.start("body")
    return e.Slot("venue", "shields"), start, start + len(body), glued, form


def _label_year(
    shields: re.Match[str], url_start: int
) -> tuple[e.Slot, int, int, tuple[str, int], str] | None:
    """``badge/CVPR-2024-blue``: the label names the venue, the message is its year (the
    slot's markup then writes the year: "{Y}")."""
    parts = _LABEL_MESSAGE.fullmatch(shields.group("body"))
    if parts is None or not re.fullmatch(r"(?:19|20)\d\d", parts.group("message")):
        return None
    venue = parts.group("label").replace("--", "-").replace("_", " ")
    if not re.search(r"[A-Za-z]", venue) or venue.lower() in _BADGE_WORDS:
        return None
    at, year = url_start + shields.start("body"), int(parts.group("message"))
    return e.Slot("venue", "shields"), at, at + len(parts.group("label")), (venue, year), "{v}"


def _date_badge(reading: e.Reading, link: Link) -> bool:
    """Claim a badge whose message is a date, ``![](https://img.shields.io/badge/arXiv-
    2025.02-red)`` or ``[![Arxiv](https://img.shields.io/badge/arXiv-2025\\.06-red)]()``
    (linked, the dot escaped): the paper's date, in the badge's markup (a new paper's own
    goes there)."""
    if link.is_image:
        shields, url_start = _SHIELDS.match(link.url), link.url_start
    else:  # "[![Arxiv](https://img.shields.io/...)]()": the image inside a link to nowhere
        inner = _LINKED_IMAGE.fullmatch(link.text) if not link.url.strip() else None
        shields = _SHIELDS.match(inner.group("url")) if inner else None
        url_start = link.text_start + inner.start("url") if inner else 0
    parts = _LABEL_MESSAGE.fullmatch(shields.group("body")) if shields else None
    message = parts.group("message") if parts else ""
    read = read_date(message.replace("--", "-").replace("\\", ""))
    if shields is None or parts is None or read is None:
        return False
    if "\\." in message:  # the list's escaped dot, kept in the form: "{Y}\\.{m}"
        read = (read[0], read[1].replace(".", "\\."))
    at = url_start + shields.start("body") + parts.start("message")
    end = at + len(message)
    text = reading.text
    slot = e.Slot("date", "shields", text[link.start : at], text[end : link.end])
    reading.claim(link.start, link.end, slot, *read)
    return True


def _flush_tags(reading: e.Reading, badges: list[Link]) -> None:
    """Claim venue and date badges, then each run of other badges between them as tags."""
    runs: list[list[Link]] = [[]]
    for badge in badges:
        if _date_badge(reading, badge):
            runs.append([])
        elif found := _venue_badge(badge):
            slot, start, end, value, form = found
            if slot.key == "shields":  # the badge's markup goes with its venue
                before, after = reading.text[badge.start : start], reading.text[end : badge.end]
                if form == "{v}" and after.startswith(f"-{value[1]}-"):
                    after = "-{Y}" + after[5:]  # "CVPR-2024-blue": the paper's own year
                slot = e.Slot("venue", "shields", before, after)
                start, end = badge.start, badge.end
            reading.claim(start, end, slot, (unescape(value[0]), value[1]), form)
            runs.append([])
        elif _is_tag(badge):
            runs[-1].append(badge)
    for number, run in enumerate(r for r in runs if r):
        start, end = run[0].start, run[-1].end
        key = "tags" if not number else f"tags {number + 1}"
        reading.claim(start, end, e.Slot("text", key), reading.text[start:end])


_MARKDOWN_LINK = r"\[[^\[\]\n]*\]\([^()\s]*\)"
# "[[Unofficial code](url), [Blog](url)]": links in one pair of brackets, split by commas.
_GROUP_REST = re.compile(rf"(?:,[ \t]*{_MARKDOWN_LINK})+\]")
_GROUP_BEFORE = re.compile(rf"\[{_MARKDOWN_LINK}(?:,[ \t]*{_MARKDOWN_LINK})*,[ \t]*$")


def _wrapped(reading: e.Reading, link: Link) -> tuple[int, int]:
    """A link's span, with the brackets around it when it is written ``[[Paper](url)]``
    (the first link of ``[[Code](url), [Blog](url)]`` takes the opening one, the last the
    closing one)."""
    text = reading.text
    start, end = link.start, link.end
    if link.kind != "markdown":
        return start, end
    opens = text[start - 1 : start] == "[" and reading.free(start - 1, start)
    closes = text[end : end + 1] == "]" and reading.free(end, end + 1)
    if opens and closes:
        return start - 1, end + 1
    if opens and _GROUP_REST.match(text, end):
        return start - 1, end
    line = text.rfind("\n", 0, start) + 1
    if closes and _GROUP_BEFORE.search(text, line, start):
        return start, end + 1
    return start, end


def _read_link(reading: e.Reading, link: Link) -> None:
    text = reading.text
    if link.kind == "bare":
        label = line_label(reading, link.start)
        reading.claim(link.start, link.end, e.Slot("url", label or "link"), link.url)
        return
    arxiv = normalize_arxiv(link.url)
    # "[arxiv:202503.01875](https://arxiv.org/pdf/2503.01875)": named by the paper's id
    named_by_id = arxiv is not None and arxiv in link.text
    if not is_label(link.text, link.url) and not named_by_id:
        _linked_venue(reading, link, dated_only=True)
        return  # or a second long link: left as written
    start, end = _wrapped(reading, link)
    if link.text.strip() == link.url and link.url:
        key = line_label(reading, link.start) or "link"
        before = text[start : link.text_start]
        slot = e.Slot("url", key, before, "](" + "{value}" + text[link.url_end : end])
        reading.claim(start, end, slot, link.url)
        return
    before, after = text[start : link.url_start], text[link.url_end : end]
    badge = label_image(link.text) is not None
    if arxiv and (badge or named_by_id) and arxiv in before:
        # "[![arXiv](https://img.shields.io/badge/arXiv-2401.04088-b31b1b.svg)](url)": the
        # badge (or the link's text) names the paper's own id, which a new paper's must name
        before = before.replace(arxiv, "{arxiv}")
    key = "arxiv" if named_by_id and not badge else label_key(link.text)
    reading.claim(start, end, e.Slot("url", key, before, after), link.url)
