"""Authors, venue, year and dates in the text around an entry's links.

What a list writes after a title, in whatever emphasis it uses: ``*Jane Doe et
al.* ACL 2023.``, ``*Author (Affiliation) et al. arXiv.*``, ``- Jane Doe et al.,
ACL 2020``, ``, 2021.4``, ``16 Oct 2023``, a venue in backticks, ``- Code: None``.
Also how a link's label is named (``[[Paper]]``, ``- 论文/Paper: url``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from bot.lists import entry as e
from bot.lists.inline import label_image, unescape
from bot.lists.values import (
    APA,
    DATE_IN_TEXT,
    INVERTED,
    read_authors,
    read_date,
    read_glued_venue,
    read_short_date,
    read_venue,
    swap_name_order,
)
from bot.text import latex
from bot.text.venues import ACRONYMS

ITALIC = re.compile(
    r"(?<![*\w\\])\*(?![*\s])(?P<t>(?:[^*\n\\]|\\.)+?)(?<![\s\\])\*(?!\*)"
    r"|(?<![_\w\\])_(?![_\s])(?P<u>[^_\n]+?)(?<![\s\\])_(?![_\w])"
)
_CODE = re.compile(r"`(?P<t>[^`\n]+)`")
# Emphasis written in HTML: "<ins>arXiv, 2024</ins>", "<em>ACL</em>".
HTML_EMPHASIS = re.compile(
    r"(?P<open><(?P<tag>ins|em|i|b|strong|small)>)[^<\n]+?(?P<close></(?P=tag)\s*>)",
    re.IGNORECASE,
)
_LABEL_LINE = re.compile(
    r"^(?P<bullet>[ \t]*[-*+][ \t]+)?(?P<label>[^\n:：\[\]()]{1,30}?)[ \t]*[:：][ \t]*",
    re.MULTILINE,
)
_EMPTY_VALUE = re.compile(r"(?:None|N/?A|-|—|无|暂无|TBD)(?=[ \t]*$)", re.MULTILINE)
ET_AL = re.compile(r"\be[tl]\.?\s*al\b\.?", re.IGNORECASE)  # "et al.", "et. al"
_LATEX_ACCENT = re.compile(r"\\[\"'`^~=.uvHckr]\s*\{?[A-Za-z]|\{\\")
_NAME = re.compile(
    r"^[A-Z\u00C0-\u024F][\w'’.\-*∗†‡]*(?:\s+[\w'’.\-(),*∗†‡]+){0,6}$|^[\u4e00-\u9fff]{2,4}$"
)


def label_key(label: str) -> str:
    """How a link label is compared: ``[Paper]``, ``**Paper**`` and ``paper`` are one key."""
    image = label_image(label)
    if image is not None:
        label = image
    plain = re.sub(r"</?[A-Za-z][^<>]*>", " ", unescape(label))  # "<u>Paper Link</u>"
    return " ".join(re.sub(r"[\[\]*_`:：]", " ", plain).lower().split())


# (a pattern's text too, for the patterns that stop at such a link: match it ignoring case)
GENERIC_LABELS = (
    r"(?:(?:paper|pdf|code|project|github) link|paper|pdf|link|arxiv|code|project(?: page)?|"
    r"website|page|doi|url|github|html|abs|homepage|demo|data|dataset|model|blog|video|slides|"
    r"openreview|poster|bibtex|论文|链接|代码|原文|主页)s?"
)
_GENERIC_LABEL = re.compile(GENERIC_LABELS, re.IGNORECASE)


def generic_label(text: str) -> bool:
    """Is a link's text a kind of link and nothing else (``Paper``, ``[arXiv]``, ``代码``)?
    Such a link is never a title, whatever the other words around it."""
    return _GENERIC_LABEL.fullmatch(label_key(text) or "link") is not None


def is_label(text: str, url: str) -> bool:
    """Does a link's text name a kind of link (``Paper``, ``[code]``, ``project page``)?"""
    if label_image(text) is not None or text.strip() == url or re.fullmatch(r"https?://\S+", text):
        return True
    plain = label_key(text)
    if not plain or plain == url.lower() or re.fullmatch(r"https?://\S+", plain):
        return True
    return len(plain) <= 30 and len(plain.split()) <= 4 and not re.search(r"(?:19|20)\d\d", plain)


def line_label(reading: e.Reading, at: int) -> str:
    """The label written before ``at`` on its line: ``- 论文/Paper: url`` -> ``论文/paper``."""
    line_start = reading.text.rfind("\n", 0, at) + 1
    found = _LABEL_LINE.match(reading.text, line_start)
    if found and found.end() == at and reading.free(found.start("label"), found.end("label")):
        return label_key(found.group("label"))
    return ""  # none, or the entry's own name before its link ("LLaMA-Berry: https://...")


def read_text(reading: e.Reading, start: int, end: int) -> None:
    """Fields in plain text between links: emphasis, code spans, dates, venue, plain authors."""
    if start >= end:
        return
    text = reading.text
    for found in _NOTE_LINE.finditer(text, start, end):  # "- **Datasets:** POPE, MME"
        if reading.free(found.start("v"), found.end("v")):
            slot = e.Slot("text", found.group("l"))
            reading.claim(found.start("v"), found.end("v"), slot, found.group("v"))
    for found in _FIELD_BULLET.finditer(text, start, end):  # "    - 📅 Date: August 12, 2026"
        _read_field_bullet(reading, found)
    tags: list[re.Match[str]] = []
    for found in _CODE.finditer(text, start, end):
        if date := read_date(found.group("t")):  # "`2024.07`": when, not where
            reading.claim(found.start(), found.end(), e.Slot("date", "", "`", "`"), *date)
            continue
        if _read_code_venue_date(reading, found):  # "`arXiv 2026.05`", "`arXiv 26.05`"
            continue
        venue, year, form = read_venue(found.group("t"))
        if not venue and year is not None and not reading.has("year"):
            # "`NSDI 2026` · `2026`": the year again, on its own
            reading.claim(found.start(), found.end(), e.Slot("year", "", "`", "`"), year, form)
            continue
        if (
            year is None and (not _VENUE_WORD.match(venue) or _after_links(reading, found.start()))
        ) or reading.has("venue"):
            # "`score` `blind`", "[[paper](url)] `Code Coming Soon`", "`NSDI 2026` ·
            # `Academic paper`": labels
            tags.append(found)
            continue
        slot = e.Slot("venue", "", "`", "`")
        reading.claim(found.start(), found.end(), slot, (unescape(venue), year), form)
    claim_runs(reading, tags, "code tags")  # "`score` `blind`": labels
    for found in _BRACKETED.finditer(text, start, end):  # "**Title.** [Sep., 2022] [MICAI, 2022]"
        if reading.free(found.start(), found.end()):
            read_bracketed(reading, found)
    for found in _BRACKET_TAGS.finditer(text, start, end):  # "[framework] [nlp]"
        if reading.free(found.start(), found.end()):
            reading.claim(found.start(), found.end(), e.Slot("text", "tags"), found.group(0))
    for found in ITALIC.finditer(text, start, end):
        if reading.free(found.start(), found.end()):
            mark = found.group(0)[0]
            _read_italic(reading, found.start(), found.end(), mark, mark)
    for found in _BOLD_TAIL.finditer(text, start, end):  # "[Title](url) — **ACL 2023**"
        if reading.free(found.start(), found.end()) and _bold_venue(text, found):
            inner = found.start("t")
            _read_venue_text(reading, inner, found.end("t"), longest=VENUE_WORDS, marked=True)
    for found in _SMALL_PRINT.finditer(text, start, end):  # "<sub>2025-07 · 3 citations</sub>"
        if reading.free(found.start(), found.end()):
            _read_small_print(reading, found)
    for found in HTML_EMPHASIS.finditer(text, start, end):  # "<ins>arXiv, 2024</ins>"
        if reading.free(found.start(), found.end()):
            opening, closing = found.group("open"), found.group("close")
            _read_italic(reading, found.start(), found.end(), opening, closing)
    for found in _EMPTY_VALUE.finditer(text, start, end):
        label = line_label(reading, found.start())
        if label and reading.free(found.start(), found.end()):
            reading.claim(found.start(), found.end(), e.Slot("url", label), found.group(0))
    _read_plain(reading, start, end)


# A venue known by its name and the month it appeared, in code: "`arXiv 2026.05`".
_CODE_VENUE_DATE = re.compile(r"(?P<v>[A-Za-z][^`\n]*?)[ \t,]+(?P<d>[\d.\-/]{4,10})")


def _read_code_venue_date(reading: e.Reading, found: re.Match[str]) -> bool:
    """Claim a code span of a venue and a date as the two (the backticks go with them, so
    a paper without one of them keeps the span whole); was it one?"""
    split = _CODE_VENUE_DATE.fullmatch(found.group("t"))
    if split is None or reading.has("venue") or not venue_name(split["v"]):
        return False
    date = read_date(split["d"]) or read_short_date(split["d"])
    if date is None or date[0][1] is None:
        return False
    inner = found.start("t")
    venue = e.Slot("venue", "dated", "`")
    reading.claim(found.start(), inner + split.end("v"), venue, (split["v"], None), "{v}")
    reading.claim(inner + split.start("d"), found.end(), e.Slot("date", "", "", "`"), *date)
    return True


# A date or a venue with its year in square brackets after the title, linking nowhere.
# ("[16th Feb., 2021] [⚡MICCAI, 2021]": a date's day first, a pictograph before a venue)
_BRACKETED = re.compile(
    r"(?<![\[\w])\[(?:[^\w\s\[\]()*`<>|]{1,2}[ \t]?)?(?P<t>[A-Z0-9][^\[\]\n]{1,60})\](?!\()"
)


def read_bracketed(reading: e.Reading, found: re.Match[str], *, named: bool = False) -> bool:
    """Claim a tag in brackets (its text the match's ``t`` group): ``[Sep., 2022]``, a date;
    ``[MICAI, 2022]``, ``[ACMMM20]``, a venue and its year; with ``named``, a venue known by
    its name alone too (``[arXiv]``). The brackets go with the value, so that a value a new
    paper lacks goes with them. Was it one?"""
    text, inner = reading.text, found.group("t")
    before, after = text[found.start() : found.start("t")], text[found.end("t") : found.end()]
    if date := read_date(inner):
        reading.claim(found.start(), found.end(), e.Slot("date", "", before, after), *date)
        return True
    venue, year, form = read_venue(unescape(inner))
    glued = read_glued_venue(inner) if year is None else None
    if glued:  # "[ACMMM20]", "[CVPR21]"
        (venue, year), form = glued, "{v}{y}"
    known = year is not None or (named and venue_name(venue))
    if not (venue and known and len(venue.split()) <= 10):
        return False
    slot = e.Slot("venue", "", before, after)
    reading.claim(found.start(), found.end(), slot, (venue, year), form)
    return True


# Small print after the title: the day it appeared and a remark ("· 3 citations").
_SMALL_PRINT = re.compile(r"<(?P<tag>sub|sup)>(?P<t>[^<\n]+)</(?P=tag)\s*>", re.IGNORECASE)


# Small print holding links too: "<sub>[Code](url) · Venue: RAL 2025 · Sec. 4.1</sub>".
_LINKED_SMALL_PRINT = re.compile(
    r"<(?P<tag>sub|sup)>(?P<t>[^\n]*?\]\([^\n]*?)</(?P=tag)\s*>", re.IGNORECASE
)
_VENUE_LABEL = re.compile(r"(?:Venue|Published in)[ \t]*[:：][ \t]*(?P<v>\S.*)", re.IGNORECASE)


def read_linked_small_print(reading: e.Reading, start: int, end: int) -> None:
    """In small print that holds links, the facts between its middle dots that are not
    links: a labelled venue ("Venue: RAL 2025"), else a remark ("Sec. 4.1", "🔥 New"),
    never a venue read from loose words."""
    for found in _LINKED_SMALL_PRINT.finditer(reading.text, start, end):
        for part in re.finditer(r"[^·]+", found.group("t")):
            words = re.search(r"\S(?:.*\S)?", part.group(0))
            if words is None or "](" in words.group(0):
                continue
            at = found.start("t") + part.start() + words.start()
            to = at + len(words.group(0))
            if not reading.free(at, to):
                continue
            labelled = _VENUE_LABEL.fullmatch(words.group(0))
            if labelled:
                venue, year, form = read_venue(unescape(labelled["v"]))
                v_at = at + labelled.start("v")
                reading.claim(v_at, to, e.Slot("venue"), (venue, year), form)
            else:
                reading.claim(at, to, e.Slot("text", "note"), words.group(0))


def _read_small_print(reading: e.Reading, found: re.Match[str]) -> None:
    """``<sub>2025-07 · 3 citations</sub>``: the date, then a remark a new paper has not (the
    count changes by the day); small print with no date first is a remark as a whole."""
    start, end = found.start("t"), found.end("t")
    date = DATE_IN_TEXT.match(reading.text, start, end)
    read = read_date(date.group(0)) if date else None
    if date and read:
        reading.claim(start, date.end(), e.Slot("date"), *read)
        start = date.end()
    if reading.text[start:end].strip():
        reading.claim(start, end, e.Slot("text", "note"), reading.text[start:end])


# A bullet under an entry that names one of its fields: "    - 📑 Publisher: arXiv", an
# emoji or a symbol before the label allowed (not a link: "- Code: url" is the link's label);
# or a line whose label is in bold, the colon in it or not: "**Record:** arXiv  ".
_FIELD_BULLET = re.compile(
    r"^[ \t]*(?:(?P<m>[-*+])[ \t]+)?(?:[^\w\s\[\]()*_`<>]+[ \t]*)?(?P<b>\*\*)?"
    r"(?P<l>[A-Za-z][A-Za-z' ]{1,24}?)(?:(?(b)\*\*)[ \t]*[:：]|(?(b)[:：]\*\*|(?!)))"
    r"[ \t]*(?P<v>[^\n]*?\S)[ \t]*$",
    re.MULTILINE,
)
_FIELD_LABELS = {
    "date": "date",
    "published": "date",
    "publication date": "date",
    "submission time": "date",
    "record": "venue",  # (收录, where it was published, in a Chinese maintainer's words)
    "publisher": "venue",
    "venue": "venue",
    "conference": "venue",
    "journal": "venue",
    "pub": "venue",
    "author": "authors",
    "authors": "authors",
}


def _read_field_bullet(reading: e.Reading, found: re.Match[str]) -> None:
    """The value of a labelled bullet as the field its label names (a date, the venue, the
    authors), or as a text of that label (``Institutions``, ``TLDR``)."""
    start, end, value = found.start("v"), found.end("v"), found.group("v")
    if not (found["m"] or found["b"]) or "](" in value or "://" in value or value[0] in "*_":
        return  # ("Note: ...": a line of prose; "_Jane Doe, Bo Li_ • Lab": for the emphasis)
    if not reading.free(start, end):
        return
    label = " ".join(found.group("l").lower().split())
    field = _FIELD_LABELS.get(label)
    if field == "date" and (date := read_date(value)) is not None:
        reading.claim(start, end, e.Slot("date"), *date)
    elif field == "venue":
        venue, year, form = read_venue(value)
        reading.claim(start, end, e.Slot("venue"), (unescape(venue), year), form)
    elif field == "authors":
        authors_claim(reading, start, end, "", "")
    elif field is None:
        reading.claim(start, end, e.Slot("text", label), value)


# A venue named without its year starts with a capital (`Preprint`, `ICLR`) or is arXiv;
# a lower-case word in a code span (`score`, `decision`) is a label the list gives papers.
_VENUE_WORD = re.compile(r"[A-Z\u4e00-\u9fff]|[Aa]r[Xx]iv\b")


def claim_runs(reading: e.Reading, found: Iterable[re.Match[str]], key: str) -> None:
    """Claim each run of matches (only white space between them) as one text ``key``: the
    list's labels or notes, which a new paper has none of, so the run and its markup are
    left out with it."""
    text = reading.text
    runs: list[list[re.Match[str]]] = []
    for match in found:
        if runs and not text[runs[-1][-1].end() : match.start()].strip():
            runs[-1].append(match)
        else:
            runs.append([match])
    for run in runs:
        start, end = run[0].start(), run[-1].end()
        if reading.free(start, end):
            reading.claim(start, end, e.Slot("text", key), text[start:end])


# Labels the list gives a paper in brackets, no link: "[framework] [nlp]" (ContinualAI).
_BRACKET_TAGS = re.compile(r"(?:[ \t]*(?<!\[)\[[a-z][a-z0-9 _-]{0,30}\](?![(\[\]]))+")
_BY_NAMES = re.compile(r"\bby[ \t]+[A-Z\u00C0-\u024F]")
_PREPRINT_SERVER = re.compile(r"(?i)ar[xX]iv|corr|preprint|biorxiv|medrxiv|ssrn|techrxiv")


def looks_like_names(text: str) -> bool:
    # (composed: "Gu\u0308nther" is "Günther", a combining mark is no word character)
    whole = unicodedata.normalize("NFC", unescape(text)).strip()
    plain = whole.rstrip(".")
    if not plain or re.search(r"(?:19|20)\d\d|https?://", plain):
        return False
    if ET_AL.search(plain) or APA.fullmatch(whole):  # APA: "Lee, J. D., & See, K. A."
        return True
    parts = [p.strip() for p in re.split(r",|\band\b|&|;", plain) if p.strip()]
    if len(parts) == 1 and _PREPRINT_SERVER.fullmatch(plain):
        return False  # "*arXiv*, 2020": where, not who
    if any(re.search(r"\d|:", part) for part in parts):
        return False  # "Robotics: Science and Systems (RSS), June 24" is a venue and a date
    if len(parts) == 1 and re.fullmatch(r"[A-Z]{2,10}(?:[ \t][A-Z]{2,10})*", plain):
        return False  # "*ICAART*", "*ACM BCB*": a venue's acronyms, not a person
    if venue_name(plain):
        return False  # "*NeurIPS*", "*ACL Findings*", "*Nature Methods*", "*Book*"
    named = sum(_person(p) for p in parts)
    # (one odd part among three names or more, as long as it is no sentence: "An Open-Source
    # Audio, Music, and Speech Generation Toolkit. The Goal of Amphion is to ..." is prose)
    short = all(len(p.split()) <= 5 for p in parts)
    return bool(parts) and (
        named == len(parts) or (len(parts) >= 3 and named >= len(parts) - 1 and short)
    )


# Words of venues' names, which no author's name has ("*ACL Findings*", "*Book*"; an organisation
# or a login may be an author: "*OpenAI*", "*FilippoMB*", "*BigScience Workshop*").
_VENUE_NAME = re.compile(
    r"\b(?:conference|symposium|journal|findings|transactions|proceedings|letters|magazine"
    r"|book|thesis|dissertation)\b",
    re.IGNORECASE,
)


# Venues known by their acronyms ("NeurIPS", "CoRL"), shared with the intake.
_KNOWN_VENUE = re.compile(ACRONYMS)
# One word of two capitals or more, as a venue this project does not know is written beside
# its year ("RSS 2024", "L4DC 2023", "3DV 2024", "SIGGRAPH 2023").
ACRONYM_WORD = re.compile(r"(?=(?:[^A-Z]*[A-Z]){2})[0-9A-Za-z&-]{2,12}")
# Publishers whose names lead their journals' ("Nature Communications", "IEEE Access").
PUBLISHER = re.compile(
    r"(?:IEEE|ACM|Nature|Science|Cell|PLoS|PLOS|npj|JAMA|Lancet|BMJ|NEJM|Frontiers|Springer"
    r"|Elsevier|SIAM|AMIA)\b"
)


# Bold after the title: the venue, as emphasis may be.
_BOLD_TAIL = re.compile(r"(?<![*\\])\*\*(?![*\s])(?P<t>[^*\n]+?)(?<![\s\\])\*\*(?!\*)")
# The small words of a name written in title case ("Expert Systems with Applications").
_SMALL_WORDS = {"of", "and", "with", "on", "in", "for", "the", "&"}
# The most words a venue's name has where nothing marks where it ends ("Findings of ACL
# 2023" in a link's text, "Expert Systems with Applications" in bold after a dash).
VENUE_WORDS = 6
_DASH_BEFORE = re.compile(r"[ \t]+[—–-][ \t]*$")


def venue_name(text: str) -> bool:
    """Does ``text`` name a venue by itself: a known acronym (``NeurIPS``), a preprint server
    (``arXiv:2408.09764`` too), a publisher's journal (``IEEE Access``) or a venue's word
    (``Findings``)?"""
    return bool(
        _KNOWN_VENUE.fullmatch(text)
        or _PREPRINT_SERVER.fullmatch(re.split(r"[\s:,]", text, maxsplit=1)[0])
        or PUBLISHER.match(text)
        or _VENUE_NAME.search(text)
    )


def _bold_venue(text: str, found: re.Match[str]) -> bool:
    """Does bold after the title name the venue? With its year (``**NeurIPS 2023**``), by a
    known acronym or publisher (``**ACL**``, ``**Nature Medicine**``), or a few words in title
    case set off by a dash (``— **Information Fusion**``); not a remark (``**The first
    certified defense**``), a label (``**Metrics:**``, ``**📝 Summary**:``) or a name in notes."""
    body = found.group("t").strip()
    if body.endswith((":", "：")) or text.startswith((":", "："), found.end()):
        return False
    if read_venue(body)[1] is not None or venue_name(body):
        return True
    dashed = _DASH_BEFORE.search(text, text.rfind("\n", 0, found.start()) + 1, found.start())
    return bool(dashed) and title_cased(body) and len(body.split()) <= VENUE_WORDS


def title_cased(text: str) -> bool:
    """Is ``text`` written as a name is (``Expert Systems with Applications``), not as a
    remark (``Foundational open-ended evolution``)?"""
    return all(
        not word[0].islower() or word in _SMALL_WORDS or _PREPRINT_SERVER.match(word)
        or PUBLISHER.fullmatch(word)
        for word in text.split()
    )


def _person(part: str) -> bool:
    """Could ``part`` be one person's name (``Ruoyao Wang (University of Arizona)``,
    ``@login``)? Not with two lower-case words outside parentheses that no name has
    (``Handbook of research on cybersecurity issues``)."""
    if not (_NAME.match(part) or re.fullmatch(r"@?[\w.-]+", part)):
        return False
    outside = re.sub(r"\([^()]*\)", " ", part).split()
    lower = [w for w in outside[1:] if w.isalpha() and w.islower() and w not in _PARTICLES]
    return len(lower) < 2 and not _titled(outside)


# The lower-case words of people's names ("Jane van der Berg").
_PARTICLES = (
    "van",
    "von",
    "de",
    "der",
    "den",
    "del",
    "di",
    "da",
    "do",
    "du",
    "le",
    "la",
    "dos",
    "bin",
)
# (initials run together, "C.V Jawahar"; a mark after a name, "Zhengzhuo Xu*", "Ahmed
# Masry∗", "Bo Li†": equal contribution, the corresponding author)
_NAME_WORD = re.compile(
    r"[A-Z\u00C0-\u024F](?:[\w'’-]|\.(?=\w))*\.?[*∗†‡]?|(?:" + "|".join(_PARTICLES) + ")",
    re.UNICODE,
)


# A word of a title that no person's name is ("From", "Composition", "Stability"), which
# tells "Policy Composition From and For Heterogeneous Robot Learning" from two names.
_TITLE_WORD = re.compile(
    r"(?:From|For|With|Of|The|Via|Towards?|Through|Using|Beyond|Without|Into)"
    r"|\w{4,}(?:tion|sion|ity|ism|ology)s?"
)


def _titled(words: list[str]) -> bool:
    return any(_TITLE_WORD.fullmatch(word) for word in words)


def people_only(text: str, least: int = 2) -> bool:
    """``least`` or more people's names and nothing else (``Jane Doe, Bo Li and Ann B. Lee``):
    stricter than ``looks_like_names``, as prose after a dash may be capitalised too
    (``Legible, Scalable, Reproducible Foundation Models with Named Tensors``)."""
    # ("Tse-Hsun (Peter) Chen": a nickname; a name composed, "Gu\u0308nther" as "Günther")
    plain = re.sub(r"[ \t]*\([^()]*\)", "", unicodedata.normalize("NFC", text))
    if INVERTED.fullmatch(plain.strip()):  # "Wang, Pengfei and Hui, Xiaofei": BibTeX's way
        names = re.split(r"\s+and\s+", plain.strip())
        parts = [swap_name_order(name).split() for name in names]
    else:
        parts = [p.split() for p in re.split(r",|\band\b|&", plain) if p.strip()]
    return len(parts) >= least and all(
        2 <= len(words) <= 4 and all(_NAME_WORD.fullmatch(w) for w in words) and not _titled(words)
        for words in parts
    )


def authors_claim(reading: e.Reading, start: int, end: int, before: str, after: str) -> None:
    """Authors in ``[start, end)`` (emphasis included), with a full stop closing them."""
    text = reading.text
    inner = text[start + len(before) : end - len(after)]
    period = "none"
    if text[end : end + 1] == "." and not inner.endswith("."):
        period, end = "outside", end + 1
    elif re.search(r"\be[tl]\s*al\.$", inner):
        period = "etal"
    elif inner.endswith(".") and not re.search(r"\b[A-Z]\.$", inner):
        period, inner = "inside", inner[:-1]
    names = latex.decode(inner) if _LATEX_ACCENT.search(inner) else unescape(inner)
    authors, form = read_authors(names)
    slot = e.Slot("authors", "", before, after)
    reading.claim(start, end, slot, authors, (form, period))


def _read_italic(reading: e.Reading, start: int, end: int, opening: str, closing: str) -> None:
    """Authors, venue or both in emphasis (``*Jane Doe et al. ACL*``, ``<ins>ACL, 2023</ins>``)."""
    inner, inner_end = start + len(opening), end - len(closing)
    body = reading.text[inner:inner_end]
    line_start = reading.text.rfind("\n", 0, start) + 1
    named_before = any(  # "by Jane Doe. *Venue*" (not a title's "... Explanations by Watching")
        reading.free(found.start(), found.end())
        for pattern in (_BY_NAMES, ET_AL)  # "<br/>Kerr A et al. · *NEJM AI* · 2026-08-19"
        for found in pattern.finditer(reading.text, line_start, start)
    )
    year = read_venue(body)[1]
    yearless = year is None and not _PREPRINT_SERVER.fullmatch(body.strip())
    named = ET_AL.search(body) or people_only(body)
    if yearless and not named and _after_links(reading, start):
        # "[[paper](url)][[code](url)] *semantic information & content generation*", "*LORA*",
        # "*WaveCodec*": a remark on the paper (its names and venue come before its links)
        reading.claim(start, end, e.Slot("text", "note", opening, closing), body)
        return
    after_in = re.search(r"(?:^|[\s,(])[Ii]n:?[ \t]*$", reading.text[line_start:start])
    if not reading.has("authors") and not named_before and not after_in:
        # ("Title, in *Data Mining and Knowledge Discovery* 2019": "in" names a venue)
        split = re.match(r"(?P<names>.+?\be[tl]\s*al\b\.?)(?P<rest>\s*\S.*)?$", body, re.IGNORECASE)
        if split and split.group("rest"):
            names_end = inner + split.end("names")
            authors_claim(reading, inner, names_end, "", "")
            _read_venue_text(reading, names_end, inner_end, marked=True)
            return
        then = re.match(r"(?P<names>.*?[a-z]{2,})\.\s+(?P<rest>\S.*)$", body)
        if then and len(then.group("rest").split()) <= 4 and looks_like_names(then.group("names")):
            names_end = inner + then.end("names")
            authors_claim(reading, inner, names_end, "", "")  # "*Deyao Zhu. arXiv.*"
            _read_venue_text(reading, names_end, inner_end, marked=True)
            return
        if looks_like_names(body) and year is None:
            authors_claim(reading, start, end, opening, closing)
            return
    _read_venue_text(reading, inner, inner_end, longest=24, marked=True)


def _after_links(reading: e.Reading, at: int) -> bool:
    """Does a labelled link (``[[paper](url)]``, ``[code](url)``) come before ``at`` on its
    line? What follows the entry's links without a year is a remark on it, not its venue."""
    line_start = reading.text.rfind("\n", 0, at) + 1
    return any(
        line_start <= link.start
        and link.end <= at
        and not link.is_image
        and is_label(link.text, link.url)
        for link in reading.links
    )


# A Markdown link by reference at the end of a text: "[[code]][2.30]", "[[code][1.41]]".
_REFERENCE_LINK = re.compile(r"[ \t]*\[\[?[^\[\]\n]+\]\]?\[[^\[\]\n]+\]\]?[ \t]*$")


# The word that opens a venue inside its emphasis: the list's, written again for a new one.
_IN_VENUE = re.compile(r"In:?[ \t]+(?=[A-Za-z])")


def _read_venue_text(
    reading: e.Reading, start: int, end: int, longest: int = 9, *, marked: bool = False
) -> None:
    """``arXiv 2023``, ``CoRL, Nov 2024``, ``MLSys 2018``: a venue, a year or a date;
    ``56--64, 2020`` after a venue: its pages and year. A venue has ``longest`` words at
    most (more in emphasis, which marks where it ends); in plain text, it is not prose
    (``marked``: in emphasis, which says it is a field: ``*European symposium on ...*``)."""
    text = reading.text
    segment = text[start:end]
    lead = len(segment) - len(segment.lstrip(" \t.,;:*_"))
    start += lead
    segment = text[start:end].rstrip(" \t.,;:-–—|")  # "arXiv - May 2024": the date's dash
    if segment.endswith(")") and "(" not in segment:
        segment = segment[:-1].rstrip()  # "(2023-06, Meta)": the date read, then "Meta"
    if opening := _IN_VENUE.match(segment):  # "*In Proceedings of the IEEE 39th ..., 2023*"
        start, segment = start + opening.end(), segment[opening.end() :]
    if segment.startswith("(") and ")" not in segment:  # "(Arxiv 2025.06)": the date read
        inside = segment[1:].lstrip()
        start, segment = start + len(segment) - len(inside), inside
    end = start + len(segment)
    if not segment or not reading.free(start, end):
        return
    pages = _PAGES_YEAR.fullmatch(segment)
    if pages and not reading.has("year"):  # ", 56--64, 2020." after "*Venue*"
        if pages.group("p"):
            slot = e.Slot("text", "pages")
            reading.claim(start, start + pages.end("p"), slot, pages.group("p"))
        at = start + pages.start("y")
        reading.claim(at, at + 4, e.Slot("year"), int(pages.group("y")), "{Y}")
        return
    if not marked and not _YEAR_IN.search(segment) and _prose(segment):
        # "<br> Delete certain [layers](...)", a line of notes under the entry: the list's
        # remark on the paper, not a venue (a new paper has none)
        reading.claim(start, end, e.Slot("text", "note"), segment)
        return
    if reading.has("venue"):
        return
    reference = _REFERENCE_LINK.search(segment)
    if reference:  # "ECCV 2020 [[code][1.41]]": a link by reference after the venue
        segment = segment[: reference.start()]
        end = start + len(segment)
    identifier = re.search(r"(?i)\barxiv\s*:\s*[^\s()]+(?=(?:\s*\((?:19|20)\d\d\))?$)", segment)
    if identifier:  # "arXiv:2303.12712": the venue is arXiv, the id stays as written
        end = start + identifier.start() + 5
        segment = text[start:end]
    date = DATE_IN_TEXT.search(segment)
    if date and date.end() == len(segment):
        read = read_date(date.group(0))
        if read:
            reading.claim(start + date.start(), end, e.Slot("date"), *read)
            segment = segment[: date.start()].rstrip(" \t,;-–—")
            end = start + len(segment)
    # (a letter outside a tag: "].<br>" is the punctuation and the line break after a date;
    # and more than a word that joins: "(2021) by *Names*" has its "by" left between them)
    lettered = re.search(r"[A-Za-z\u4e00-\u9fff]", re.sub(r"<[^>]*>", "", segment))
    joining = segment.strip(" \t,;:").lower() in _JOINING_WORDS
    if segment and len(segment.split()) <= longest and lettered and not joining:
        venue, year, form = read_venue(segment)
        reading.claim(start, end, e.Slot("venue"), (unescape(venue), year), form)
    elif segment and re.fullmatch(r"(?:19|20)\d\d", segment):
        reading.claim(start, end, e.Slot("venue"), ("", int(segment)), "{Y}")


_JOINING_WORDS = frozenset(("by", "in", "and", "from", "with", "at", "of", "on", "&"))

# A year anywhere in a text: a remark with one may still hold a venue ("NeurIPS 2023 oral").
_YEAR_IN = re.compile(r"\b(?:19|20)\d\d\b")

# The lower-case words a venue's name has ("Findings of the Association for ...",
# "npj Digital Medicine"); any other lower-case word makes a remark, not a venue.
_VENUE_SMALL_WORDS = frozenset(
    {
        "a",
        "an",
        "and",
        "at",
        "de",
        "del",
        "der",
        "des",
        "di",
        "du",
        "et",
        "for",
        "in",
        "la",
        "le",
        "of",
        "on",
        "the",
        "to",
        "und",
        "with",
        "npj",
    }
)


def _prose(text: str) -> bool:
    """Does ``text`` read as prose, not a venue's name (``Delete certain``, ``Similarity-based
    metric to evaluate``)? A venue of several words capitalises them (one word may be
    written any way: ``nature``, ``arxiv``)."""
    if re.search(r"[，。；！？、]|[\u4e00-\u9fff]{16}", text):
        return True  # a sentence in Chinese ("基于DiMP, 采用Transformer结构融合多帧特征。")
    words = re.findall(r"[^\s,.;:()]+", text)
    return len(words) > 1 and any(
        word.isalpha() and word.islower() and len(word) > 1 and word not in _VENUE_SMALL_WORDS
        for word in (w.strip("'’\"“”") for w in words)
    )


# Pages (or none) and a year after a venue: "56--64, 2020", ", 2022".
_PAGES_YEAR = re.compile(
    r"(?P<p>[A-Za-z]?\d+(?:[-–—]+\d+)?|\d+:\d+(?:[-–—]+\d+:\d+)?)?[ \t]*,?[ \t]*"
    r"(?P<y>(?:19|20)\d\d)"
)


def _read_plain(reading: e.Reading, start: int, end: int) -> None:
    """Unclaimed plain text: dates, then ``Venue Year.`` or ``Jane Doe et al., ACL 2020``."""
    text = reading.text
    for found in DATE_IN_TEXT.finditer(text, start, end):
        read = read_date(found.group(0))
        if read and reading.free(found.start(), found.end()):
            reading.claim(found.start(), found.end(), e.Slot("date"), *read)
    at = start
    ordered: list[e.Claim | None] = [*sorted(reading.claims, key=lambda c: c.start), None]
    for claim in ordered:
        piece_end = end if claim is None else min(max(claim.start, at), end)
        if claim is not None and claim.end <= start:
            continue
        _read_segment(reading, at, piece_end)
        if claim is None or claim.start >= end:
            break
        at = max(at, claim.end)


def _read_segment(reading: e.Reading, start: int, end: int) -> None:
    text = reading.text
    piece = text[start:end]
    if not piece.strip() or "\n" in piece.strip():
        for line_start, line in _lines(piece, start):
            # The rest of the title's line only for a venue in parentheses there
            # ("**Title**. (EMNLP 2022) <br />" over the authors' line).
            first = line_start == start
            labelled = None if first else _LABELLED_LINE.fullmatch(line)
            noted = None if first or labelled else _remark_bullet(line)
            if labelled:  # "Evaluation: BLEU-4 score" under the entry: a note, no venue
                at = line_start + labelled.start("v")
                slot = e.Slot("text", labelled["l"].lower())
                reading.claim(at, line_start + labelled.end("v"), slot, labelled["v"])
            elif noted:  # "  * Propose **GCL.**" under the entry: the maintainer's remark
                at = line_start + noted.start("v")
                reading.claim(at, line_start + noted.end("v"), e.Slot("text", "note"), noted["v"])
            elif line.strip() and (not first or _TITLE_LINE_REST.match(line.lstrip(" \t.,;:"))):
                _read_segment(reading, line_start, line_start + len(line))
        return
    end = start + len(piece.rstrip())  # (the blank lines after it: "\n\nNeurIPS 2021\n\n")
    lead = len(piece) - len(piece.lstrip(' \t\n.,;:"”-–—*_|'))  # "Title | ACM CCS 2024 |"
    body_start = start + lead
    body = text[body_start:end]
    broken = _LINE_BREAKS.match(body)  # "[Title](url) <br> Jane Doe, Bo Li |"
    if broken:
        body_start += broken.end()
        body = text[body_start:end]
    if body.lstrip().startswith(("|", "<", "\\", "[", "!")):
        return
    if not re.search(r"[A-Za-z\u4e00-\u9fff]|(?:19|20)\d\d", body):
        return
    if re.search(r"[:：][*_]*\s*$", body):
        return  # "- 论文/Paper: " is the label of the link after it, not a venue
    if not reading.has("authors"):
        by = re.match(r"by[ \t]+(?=[A-Z\u00C0-\u024F])", body)
        if by:  # "[Title](url) by Jane Doe, Bo Li and Ann Lee. *Venue*, 2020."
            body_start += by.end()
            body = text[body_start:end]
            dated = None if _names_then_named_venue(body) else _NAMES_YEAR.match(body)
            # ("by Jane Doe, Bo Li, ICLR 2020.": the names, then the venue, read below)
            if dated and looks_like_names(dated.group("n")):  # "by Jane Doe and Bo Li, 2002."
                authors_claim(reading, body_start, body_start + dated.end("n"), "", "")
                at = body_start + dated.start("y")
                reading.claim(at, at + 4, e.Slot("year"), int(dated.group("y")), "{Y}")
                return
        names = re.match(r"(?P<n>[^,;()]+?\be[tl]\s*al\b\.?)", body, re.IGNORECASE)
        if not (names and looks_like_names(names.group("n"))):
            names = _name_list(body) or _ONE_NAME.match(body)
        if not names:  # after a <br>, one name will do; elsewhere a list of them
            names = _names_to_end(body, least=1 if broken else 2)
        if not names:
            names = names_then_venue(body)
        noted = None if names else _names_then_note(body)
        if noted:  # "Tadas Baltrusaitis, Chaitanya Ahuja; Introduce 4 challenges ..."
            names_start = body_start + noted.start("n")
            authors_claim(reading, names_start, body_start + noted.end("n"), "", "")
            note_start = body_start + noted.start("note")
            slot = e.Slot("text", "note")
            reading.claim(note_start, body_start + noted.end("note"), slot, noted.group("note"))
            return
        if names:
            names_start = body_start + names.start("n")
            authors_claim(reading, names_start, body_start + names.end("n"), "", "")
            body_start = body_start + names.end()
            body = text[body_start:end]
    paren = _PAREN_VENUE.match(body)
    if paren:  # "Title (TKDE, 2024) [[paper]](url)"
        _read_venue_text(reading, body_start + paren.start("v"), body_start + paren.end("v"))
        return
    named = _NAMED_VENUE.match(body)
    if named:  # "Advances in Neural Information Processing Systems (NeurIPS), 2022."
        _read_venue_text(reading, body_start + named.start("v"), body_start + named.end("v"), 16)
        return
    year = re.match(r"[ \t]*\((?P<y>(?:19|20)\d\d)\)", body)
    if year:  # "by Jane Doe et al. (2023), arXiv:2303.12712"
        at = body_start + year.start("y")
        reading.claim(at, at + 4, e.Slot("year"), int(year.group("y")), "{Y}")
        body_start += year.end()
        body = text[body_start:end]
        after = _NAMES_AFTER_YEAR.match(body)
        if after and not reading.has("authors") and looks_like_names(after.group("n")):
            # "**Title** (2015), G. Hinton et al. [[pdf]](url)": the names after the year
            names_start = body_start + after.start("n")
            authors_claim(reading, names_start, body_start + after.end("n"), "", "")
            return
    # (to a full stop, or to a parenthesis that is not the venue's year: "NeurIPS (2024)")
    sentence = re.match(
        r"[ \t.,;:]*(?P<s>[^.\n]*?(?:\.[^\s.][^.\n]*?)*)(?:\.|$|(?=\s\((?!(?:19|20)\d\d\))))",
        body,
    )
    if sentence and sentence.group("s").strip():
        offset = body_start + sentence.start("s")
        _read_venue_text(reading, offset, offset + len(sentence.group("s")))


# A bullet under an entry saying something of it.
_BULLET_LINE = re.compile(r"[ \t]*[-*+][ \t]+(?P<v>.*\S)[ \t]*")


def _remark_bullet(line: str) -> re.Match[str] | None:
    """A bullet under an entry that is a remark, not its names, venue or year ("* Propose
    **GCL.**", not "- Jane Doe, Bo Li", "- Jane Doe et al.", "- ICLR 2020" nor "- arXiv")."""
    found = _BULLET_LINE.fullmatch(line)
    if found is None or _YEAR_IN.search(line):
        return None
    if re.fullmatch(r"[^:：]{1,30}[:：][ \t]*", found["v"]):
        return None  # "- Authors: " whose value is read: the field's label
    words = found["v"].strip("*_. \t")
    # (the names of one author alone on a bullet are rare; "Propose GCL" reads like them)
    names = ET_AL.search(words) or people_only(words, least=2)
    return None if names or venue_name(words) else found


# A line of notes under an entry, led by its label: "Tasks: automatically generate ...".
_LABELLED_LINE = re.compile(
    r"[ \t]*(?P<l>[A-Z][a-z]+(?:[ \t][A-Za-z]+){0,2})[ \t]*:[ \t]+(?P<v>.*\S)[ \t]*"
)
# A note on its own bullet under an entry, its label in bold: "- **Metrics:** POPE, MME".
_NOTE_LINE = re.compile(
    r"^[ \t]*[-*+][ \t]+\*\*(?P<l>[^*\n:：]{1,30})[:：]\*\*[ \t]*(?P<v>[^\n]*\S)[ \t]*$",
    re.MULTILINE,
)
# Names, then the year alone: "Peter Auer, Nicolo Cesa-Bianchi, and Paul Fischer, 2002."
_NAMES_YEAR = re.compile(r"(?P<n>[^\n\[\]()]+?),?[ \t]+(?P<y>(?:19|20)\d\d)[ \t]*\.?[ \t]*$")
# Names after a year in parentheses: "(2015), G. Hinton et al." (terryum's list).
_NAMES_AFTER_YEAR = re.compile(
    r"[ \t]*,[ \t]*(?P<n>[^,;()\[\]]+?\be[tl]\s*al\b\.?|[^;()\[\]\n]+?)(?=[ \t]*(?:\[|$))",
    re.MULTILINE,
)
# A venue's name, its acronym in parentheses and the year: "Advances in Neural Information
# Processing Systems (NeurIPS), 2022".
_NAMED_VENUE = re.compile(
    r"[ \t]*(?P<v>[A-Z][^.\n()]*?\([A-Z][\w&/-]*\)[ \t]*,?[ \t]*(?:19|20)\d\d)\b"
)
# A venue and its year in parentheses: "(TKDE, 2024)", "(EMNLP 2022)".
_PAREN_VENUE = re.compile(r"[ \t]*\((?P<v>[^()\n]*?[A-Za-z][^()\n]*?\b(?:19|20)\d\d\b[^()\n]*)\)")
# What the rest of the title's line says when more lines follow: a venue in parentheses
# ("(EMNLP 2022) <br />"), who wrote it ("by Chelsea Finn, Sergey Levine, 2016."), or the
# year after the venue's emphasis ("*J. Chem. Inf. Model.* (2024).").
_TITLE_LINE_REST = re.compile(
    rf"{_PAREN_VENUE.pattern}|by[ \t]+[A-Z\u00C0-\u024F]|[*_]*[ \t]*\((?:19|20)\d\d\)"
    # "**Title**, arXiv, 2024." over the names' line: a venue known by name and its year
    rf"|(?:(?i:arxiv)|{ACRONYMS}),?[ \t]+(?:19|20)\d\d\.?[ \t]*$"
)
# One author, then the venue and year: "Lars Kotthoff. AI Magazine 2014." (but not
# "Pattern Recognition. 2021.": what follows a lone name must name a venue, with a year).
_ONE_NAME = re.compile(
    r"(?P<n>[A-Z][a-z'’-]+(?:[ \t][A-Z]\.)?(?:[ \t][A-Z][a-z'’-]+){1,2})\.[ \t]+"
    r"(?=[^.\n]*[A-Za-z][^.\n]*\b(?:19|20)\d\d\b)"
)


_LINE_BREAKS = re.compile(r"(?:<br\s*/?>[ \t]*)+", re.IGNORECASE)


def _names_to_end(body: str, least: int) -> re.Match[str] | None:
    """``Jane Doe, Bo Li`` with no full stop to the end of the line (after a ``<br>``, or
    after the links: ``[Title](url) [:octocat:](url) Jane Doe, Bo Li``): names when every
    part is a person's name and there are ``least`` of them (or they end in "et al")."""
    # (a nickname in parentheses is part of a name: "Tse-Hsun (Peter) Chen")
    # (a line break may end the line: "Jane Doe, Bo Li <br>")
    found = re.match(
        r"(?P<n>(?:[^;()\n]|\([A-Za-z][^()\n]*\))*?[^\s;(])\s*(?:<br\s*/?>\s*)*$",
        body,
        re.IGNORECASE,
    )
    if found is None:
        return None
    names = found.group("n")
    if people_only(names.rstrip("."), least) or (ET_AL.search(names) and looks_like_names(names)):
        return found
    return None


def names_then_venue(body: str) -> re.Match[str] | None:
    """``Hugo Touvron, Thibaut Lavril, ICLR 2023``: names joined by commas up to a last
    part that is a venue with its year (no full stop after the names to go by)."""
    parts = body.split(",")
    for count in range(len(parts) - 1, 0, -1):
        names, rest = ",".join(parts[:count]), ",".join(parts[count:]).strip(" \t.")
        venue, year, _ = read_venue(rest)
        # (a venue has a letter: "IEEE Computer, 2015, ([paper](url))" ends in no venue)
        if year is None or not re.search(r"[^\W\d_]", venue) or len(rest.split()) > 6:
            continue
        if "(" in names or venue_name(names):
            continue
        if people_only(names, least=1) or (ET_AL.search(names) and looks_like_names(names)):
            return re.match(rf"(?P<n>[^\n]{{{len(names.rstrip())}}})", body)
    return None


def _names_then_named_venue(body: str) -> bool:
    """Do names end in a venue that is no person's name (``Jane Doe, Bo Li, ICLR 2020.``, not
    ``Jane Doe, Bo Li, Ann Lee, 2016.``, whose last name would do for a venue)?"""
    named = names_then_venue(body)
    if named is None:
        return False
    venue = read_venue(body[named.end() :].strip(" \t,.").split("\n")[0])[0]
    if ET_AL.search(venue):  # "by HolmesParker C, Agogino A, et al., 2014."
        return False
    return venue_name(venue) or not people_only(venue, least=1)


def _names_then_note(body: str) -> re.Match[str] | None:
    """``Jane Doe, Bo Li; Introduce four challenges ...``: two names or more (or "et al"),
    a semicolon, then the list's remark on the paper, to the end of the line."""
    found = re.match(r"(?P<n>[^;()\n]*?[^\s;()])[ \t]*;[ \t]+(?P<note>[^\n]*\S)", body)
    if found is None:
        return None
    names = found.group("n")
    if people_only(names, 2) or (ET_AL.search(names) and looks_like_names(names)):
        return found
    return None


def _name_list(body: str) -> re.Match[str] | None:
    """``Ann B. Lee, Bo Li. `` at the start of ``body``: the longest run up to a full stop
    that reads as a list of names, by commas or "and" (initials' full stops included)."""
    # (an initial's full stop, "Maximilian L. Croci", "Sercan Ö. Arik", ends no list)
    for stop in reversed([m.start() for m in re.finditer(r"(?<!\b[^\W\d_])\.(?=\s|$)", body)]):
        found = re.match(rf"(?P<n>[^;()]{{{stop}}})", body)
        if found and re.search(r",| and ", found.group("n")) and looks_like_names(found.group("n")):
            return found
    return None


def _lines(text: str, base: int) -> list[tuple[int, str]]:
    out = []
    at = 0
    for line in text.split("\n"):
        out.append((base + at, line))
        at += len(line) + 1
    return out
