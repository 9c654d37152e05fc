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
from collections.abc import Sequence

from bot.lists import entry as e
from bot.lists.inline import Link, label_image, unescape
from bot.lists.values import DATE_IN_TEXT, read_authors, read_date, read_venue
from bot.text import latex

_TAG = re.compile(r"\[(?P<b>[^\[\]\n]{1,40})\](?!\()|\((?P<p>(?:19|20)\d\d[^()\n]{0,20})\)")
_TAG_GAP = re.compile(r"[ \t]*[:：|–—-]?[ \t]*")
_U_NICK = re.compile(r"<u>(?P<n>[^<\n]{1,60})</u>(?P<sep>[ \t]*[:：]?[ \t]*)", re.IGNORECASE)
_BOLD_NICK = re.compile(
    r"\*\*(?P<o>\[?)(?P<n>[^*\[\]\n\"“]{1,40}?)(?P<c>\]?)\*\*(?P<sep>[ \t]*[:：]?[ \t]*)(?=[\"“])"
)
_QUOTED = re.compile(r"(?P<q>[\"“])(?P<t>[^\"“”\n]+?)[\"”]")
_BOLD = re.compile(r"\*\*(?!\s)(?P<t>(?:[^*]|\*(?!\*))+?)\*\*")
_UNDERSCORES = re.compile(r"__(?!\s)(?P<t>(?:[^_]|_(?!_))+?)__")
_NICK_TAG = re.compile(r"\(\*(?P<tag>[^*\n]{2,40})\*\)[ \t]*")
_NICK_CITATION = re.compile(
    r"(?P<nick>[^()\n]{1,40}?)[ \t]*\((?P<who>[^(),\n]{1,60}?\be[tl]\s*al\.?)(?P<sep>,?[ \t]*)"
    r"(?P<year>(?:19|20)\d\d)\)"
)
_PLAIN_TITLE = re.compile(
    r"(?P<t>[^*\[\]`_\n]+?)[ \t]*(?=\*[^*\s]|\[\[|\[(?:paper|pdf|arxiv)\]\(|$)",
    re.IGNORECASE | re.MULTILINE,
)
_TITLE_STOP = re.compile(r"(?<=[\w)\]?!'\"”])\.$")
_ITALIC = re.compile(
    r"(?<![*\w\\])\*(?![*\s])(?P<t>(?:[^*\n\\]|\\.)+?)(?<![\s\\])\*(?!\*)"
    r"|(?<![_\w\\])_(?![_\s])(?P<u>[^_\n]+?)(?<![\s\\])_(?![_\w])"
)
_CODE = re.compile(r"`(?P<t>[^`\n]+)`")
_LABEL_LINE = re.compile(
    r"^(?P<bullet>[ \t]*[-*+][ \t]+)?(?P<label>[^\n:：\[\]()]{1,30}?)[ \t]*[:：][ \t]*",
    re.MULTILINE,
)
_EMPTY_VALUE = re.compile(r"(?:None|N/?A|-|—|无|暂无|TBD)(?=[ \t]*$)", re.MULTILINE)
_DESCRIPTION = re.compile(r"[ \t]+[-–—][ \t]+(?=\S)")
_SHIELDS = re.compile(
    r"^(?P<pre>https?://img\.shields\.io/badge/)(?P<body>[^?#)\s]+?)(?P<post>-[0-9A-Za-z]+(?:\?[^)\s]*)?)$"
)
_STARS = re.compile(r"img\.shields\.io/github/stars|badge/.*stars?|stars?\.svg", re.IGNORECASE)
_ET_AL = re.compile(r"\be[tl]\s*al\b\.?", re.IGNORECASE)
_LATEX_ACCENT = re.compile(r"\\[\"'`^~=.uvHckr]\s*\{?[A-Za-z]|\{\\")
_GENERIC_LABEL = re.compile(
    r"(?:paper|pdf|link|arxiv|code|project(?: page)?|website|page|doi|url|github|html|abs|"
    r"homepage|demo|论文|链接|代码)s?",
    re.IGNORECASE,
)
_NAME = re.compile(
    r"^[A-Z\u00C0-\u024F][\w'’.\-*†‡]*(?:\s+[\w'’.\-(),*†‡]+){0,6}$|^[\u4e00-\u9fff]{2,4}$"
)


def _span_text(reading: e.Reading, start: int, end: int) -> str:
    return reading.text[start:end]


def _title_value(raw: str) -> tuple[str, int]:
    """The title a span names and how many trailing characters are the list's full stop."""
    stripped = raw.rstrip()
    stop = 1 if _TITLE_STOP.search(stripped) else 0
    return unescape(stripped[: len(stripped) - stop]), len(raw) - len(stripped) + stop


def _claim_title(reading: e.Reading, start: int, end: int) -> None:
    raw = reading.text[start:end]
    lead = len(raw) - len(raw.lstrip())
    value, trail = _title_value(raw[lead:])
    if value:
        reading.claim(start + lead, end - trail, e.Slot("title"), value)


def read_leading_tags(reading: e.Reading, position: int) -> int:
    """``[2023/05] `` / ``(2023-10)`` / ``[ACL 2023]`` before the title: dates and venues."""
    text = reading.text
    while tag := _TAG.match(text, position):
        inner = tag.group("b") or tag.group("p")
        name = "b" if tag.group("b") else "p"
        start, end = tag.start(name), tag.end(name)
        before, after = text[tag.start() : start], text[end : tag.end()]
        date = read_date(inner)
        if date:
            reading.claim(tag.start(), tag.end(), e.Slot("date", "", before, after), *date)
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


def read_nickname(reading: e.Reading, position: int) -> int:
    """``<u>LLaMA</u>: `` or ``**RoboTracer**: `` / ``**[LLaRP]** `` before a quoted title."""
    text = reading.text
    for pattern, before, after in (
        (_U_NICK, "<u>", "</u>"),
        (_BOLD_NICK, "**", "**"),
    ):
        found = pattern.match(text, position)
        if not found:
            continue
        groups = found.groupdict()
        opening = before + (groups.get("o") or "")
        closing = (groups.get("c") or "") + after + found.group("sep")
        slot = e.Slot("nickname", "", opening, closing)
        reading.claim(found.start(), found.end(), slot, unescape(found.group("n")))
        return found.end()
    return position


def _link_at(reading: e.Reading, position: int) -> Link | None:
    return next((link for link in reading.links if link.start == position), None)


def read_title(reading: e.Reading, position: int, *, heading: bool = False) -> int | None:
    """Claim the title at ``position`` (and a title link); the end of its markup, or None."""
    text = reading.text
    if heading:
        end = text.find("\n", position)
        end = len(text) if end < 0 else end
        raw = re.sub(r"[ \t]+#+[ \t]*$", "", text[position:end])
        _claim_title(reading, position, position + len(raw))
        return end
    bold = text.startswith("**", position) and not text.startswith("***", position)
    link = _link_at(reading, position + 2 if bold else position)
    if link is not None and link.kind in ("markdown", "html"):
        return _title_link(reading, link, bold)
    if bold and (quoted := re.match(r"\*\*[ \t]*(?=[\"“])", text[position:])):
        found = _QUOTED.match(text, position + quoted.end())
        if found and text.startswith("**", _skip_blank(text, found.end())):
            _claim_title(reading, found.start("t"), found.end("t"))
            return _skip_blank(text, found.end()) + 2
    if found := _QUOTED.match(text, position):
        _claim_title(reading, found.start("t"), found.end("t"))
        return found.end()
    for pattern in (_BOLD, _UNDERSCORES):
        found = pattern.match(text, position)
        if found:
            start = found.start("t")
            tag = _NICK_TAG.match(text, start)
            if tag:
                _nick_tag(reading, tag)
                start = tag.end()
            _claim_title(reading, start, found.end("t"))
            return found.end()
    found = _PLAIN_TITLE.match(text, position)
    if found and len(found.group("t").split()) >= 2:
        _claim_title(reading, found.start("t"), found.end("t"))
        return found.end("t")
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
        _claim_title(reading, found.start("t"), found.end("t"))
        read_tail(reading, found.end(), link.text_end)
    if not reading.has("title") and not reading.has("nickname"):
        _claim_title(reading, start, link.text_start + len(link.text.rstrip()))
    reading.claim(link.url_start, link.url_end, e.Slot("url", "title"), link.url)
    end = link.end
    if bold and text.startswith("**", end):
        end += 2
    return end


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


# --------------------------------------------------------------------------- after the title


def read_tail(reading: e.Reading, start: int, end: int) -> None:
    """Claim authors, venue, year, dates, links, badges and a description in ``[start, end)``."""
    description = _description_start(reading, start, end)
    stop = description if description is not None else end
    at = start
    badges: list[Link] = []
    for link in [x for x in reading.links if start <= x.start and x.end <= stop]:
        if not reading.free(link.start, link.end):
            continue
        begin, finish = _wrapped(reading, link)
        _read_text(reading, at, begin)
        if link.is_image or _is_tag(link):
            badges.append(link)
        else:
            _flush_tags(reading, badges)
            badges = []
            _read_link(reading, link)
        at = finish
    _flush_tags(reading, badges)
    _read_text(reading, at, stop)
    if description is not None:
        gap = _DESCRIPTION.match(reading.text, description)
        value_start = gap.end() if gap else description
        line_end = reading.text.find("\n", value_start)
        line_end = end if line_end < 0 or line_end > end else line_end
        before = reading.text[description:value_start]
        raw = reading.text[value_start:line_end].rstrip()
        slot = e.Slot("text", "description", before)
        reading.claim(description, value_start + len(raw), slot, raw)


def _description_start(reading: e.Reading, start: int, end: int) -> int | None:
    """Where `` - Free prose.`` starts after the title (not ``- Jane Doe et al., ACL 2020``)."""
    found_any = _DESCRIPTION.search(reading.text, start, end)
    if found_any is None:
        return None
    emphasis = [(m.start(), m.end()) for m in _ITALIC.finditer(reading.text, start, end)]
    inside = [*((x.start, x.end) for x in reading.links), *emphasis]
    for found in _DESCRIPTION.finditer(reading.text, found_any.start(), end):
        if not reading.free(found.start(), found.end()):
            continue
        if any(a < found.start() < b for a, b in inside):
            continue
        line_end = reading.text.find("\n", found.end())
        rest = reading.text[found.end() : line_end if 0 <= line_end < end else end]
        plain_rest = unescape(re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", rest))
        if _ET_AL.search(plain_rest[:80]) or len(plain_rest.split()) < 3:
            continue
        if re.match(r"^[^.]{0,60}\b(?:19|20)\d\d\.?$", plain_rest):
            continue  # "- ACL 2020": a venue, not prose
        return found.start()
    return None


def _is_tag(link: Link) -> bool:
    if link.is_image:
        return not _venue_badge(link)
    image = label_image(link.text)
    return image is not None and bool(_STARS.search(link.text))


def _venue_badge(link: Link) -> tuple[str, int, str] | None:
    """``ICLR'24`` from ``![ICLR'24](https://img.shields.io/badge/ICLR'24-f1b800)``."""
    shields = _SHIELDS.match(link.url)
    if not shields or not link.is_image:
        return None
    venue, year, form = read_venue(link.text)
    if year is None or not venue or not re.search(r"[A-Za-z]", venue):
        return None
    return venue, year, form


def _flush_tags(reading: e.Reading, badges: list[Link]) -> None:
    if not badges:
        return
    for badge in badges:
        if found := _venue_badge(badge):
            venue, year, form = found
            shields = _SHIELDS.match(badge.url)
            assert shields is not None
            after = "](" + shields.group("pre") + "{shields}" + shields.group("post") + ")"
            slot = e.Slot("venue", "badge", "![", after)
            reading.claim(badge.start, badge.end, slot, (unescape(venue), year), form)
    tags = [b for b in badges if _is_tag(b)]
    if tags:
        start, end = tags[0].start, tags[-1].end
        reading.claim(start, end, e.Slot("text", "tags"), reading.text[start:end])


def label_key(label: str) -> str:
    """How a link label is compared: ``[Paper]``, ``**Paper**`` and ``paper`` are one key."""
    image = label_image(label)
    if image is not None:
        label = image
    return " ".join(re.sub(r"[\[\]*_`:：]", " ", unescape(label)).lower().split())


def is_label(text: str, url: str) -> bool:
    """Does a link's text name a kind of link (``Paper``, ``[code]``, ``project page``)?"""
    if label_image(text) is not None or text.strip() == url or re.fullmatch(r"https?://\S+", text):
        return True
    plain = label_key(text)
    if not plain or plain == url.lower() or re.fullmatch(r"https?://\S+", plain):
        return True
    return len(plain) <= 30 and len(plain.split()) <= 4 and not re.search(r"(?:19|20)\d\d", plain)


def _wrapped(reading: e.Reading, link: Link) -> tuple[int, int]:
    """A link's span, with the brackets around it when it is written ``[[Paper](url)]``."""
    text = reading.text
    start, end = link.start, link.end
    if (
        link.kind == "markdown"
        and text[start - 1 : start] == "["
        and text[end : end + 1] == "]"
        and reading.free(start - 1, end + 1)
    ):
        return start - 1, end + 1
    return start, end


def _read_link(reading: e.Reading, link: Link) -> None:
    text = reading.text
    if link.kind == "bare":
        label = _line_label(reading, link.start)
        reading.claim(link.start, link.end, e.Slot("url", label or "link"), link.url)
        return
    if link.kind == "html" or not is_label(link.text, link.url):
        return  # a second long link: left as written
    start, end = _wrapped(reading, link)
    if link.text.strip() == link.url and link.url:
        key = _line_label(reading, link.start) or "link"
        before = text[start : link.text_start]
        slot = e.Slot("url", key, before, "](" + "{value}" + text[link.url_end : end])
        reading.claim(start, end, slot, link.url)
        return
    before, after = text[start : link.url_start], text[link.url_end : end]
    reading.claim(start, end, e.Slot("url", label_key(link.text), before, after), link.url)


def _line_label(reading: e.Reading, at: int) -> str:
    """The label written before ``at`` on its line: ``- 论文/Paper: url`` -> ``论文/paper``."""
    line_start = reading.text.rfind("\n", 0, at) + 1
    found = _LABEL_LINE.match(reading.text, line_start)
    if found and found.end() == at:
        return label_key(found.group("label"))
    return ""


def _read_text(reading: e.Reading, start: int, end: int) -> None:
    """Fields in plain text between links: emphasis, code spans, dates, venue, plain authors."""
    if start >= end:
        return
    text = reading.text
    for found in _CODE.finditer(text, start, end):
        venue, year, form = read_venue(found.group("t"))
        slot = e.Slot("venue", "", "`", "`")
        reading.claim(found.start(), found.end(), slot, (unescape(venue), year), form)
    for found in _ITALIC.finditer(text, start, end):
        if reading.free(found.start(), found.end()):
            _read_italic(reading, found)
    for found in _EMPTY_VALUE.finditer(text, start, end):
        label = _line_label(reading, found.start())
        if label and reading.free(found.start(), found.end()):
            reading.claim(found.start(), found.end(), e.Slot("url", label), found.group(0))
    _read_plain(reading, start, end)


def _looks_like_names(text: str) -> bool:
    plain = unescape(text).strip().rstrip(".")
    if not plain or re.search(r"(?:19|20)\d\d|https?://", plain):
        return False
    if _ET_AL.search(plain):
        return True
    parts = [p.strip() for p in re.split(r",|\band\b|&|;", plain) if p.strip()]
    if any(re.search(r"\d|:", part) for part in parts):
        return False  # "Robotics: Science and Systems (RSS), June 24" is a venue and a date
    named = sum(bool(_NAME.match(p) or re.fullmatch(r"@?[\w.-]+", p)) for p in parts)
    return bool(parts) and (named == len(parts) or (len(parts) >= 3 and named >= len(parts) - 1))


def _authors_claim(reading: e.Reading, start: int, end: int, before: str, after: str) -> None:
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


def _read_italic(reading: e.Reading, found: re.Match[str]) -> None:
    body = found.group("t") or found.group("u") or ""
    mark = found.group(0)[0]
    start, end = found.start(), found.end()
    if not reading.has("authors"):
        split = re.match(r"(?P<names>.+?\be[tl]\s*al\b\.?)(?P<rest>\s*\S.*)?$", body, re.IGNORECASE)
        if split and split.group("rest"):
            names_end = start + 1 + split.end("names")
            _authors_claim(reading, start + 1, names_end, "", "")
            _read_venue_text(reading, names_end, end - 1)
            return
        then = re.match(r"(?P<names>.*?[a-z]{2,})\.\s+(?P<rest>\S.*)$", body)
        if then and len(then.group("rest").split()) <= 4 and _looks_like_names(then.group("names")):
            names_end = start + 1 + then.end("names")
            _authors_claim(reading, start + 1, names_end, "", "")  # "*Deyao Zhu. arXiv.*"
            _read_venue_text(reading, names_end, end - 1)
            return
        if _looks_like_names(body) and not read_venue(body)[1]:
            _authors_claim(reading, start, end, mark, mark)
            return
    _read_venue_text(reading, start + 1, end - 1)


def _read_venue_text(reading: e.Reading, start: int, end: int) -> None:
    """``arXiv 2023``, ``CoRL, Nov 2024``, ``MLSys 2018``: a venue, a year or a date."""
    text = reading.text
    segment = text[start:end]
    lead = len(segment) - len(segment.lstrip(" \t.,;:*_"))
    start += lead
    segment = text[start:end].rstrip(" \t.,;:")
    end = start + len(segment)
    if not segment or not reading.free(start, end) or reading.has("venue"):
        return
    identifier = re.search(r"(?i)\barxiv\s*:\s*\S+$", segment)
    if identifier:  # "arXiv:2303.12712": the venue is arXiv, the id stays as written
        end = start + identifier.start() + 5
        segment = text[start:end]
    date = DATE_IN_TEXT.search(segment)
    if date and date.end() == len(segment):
        read = read_date(date.group(0))
        if read:
            reading.claim(start + date.start(), end, e.Slot("date"), *read)
            segment = segment[: date.start()].rstrip(" \t,;")
            end = start + len(segment)
    if segment and len(segment.split()) <= 9 and re.search(r"[A-Za-z\u4e00-\u9fff]", segment):
        venue, year, form = read_venue(segment)
        reading.claim(start, end, e.Slot("venue"), (unescape(venue), year), form)
    elif segment and re.fullmatch(r"(?:19|20)\d\d", segment):
        reading.claim(start, end, e.Slot("venue"), ("", int(segment)), "{Y}")


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
            if line.strip() and line_start != start:
                _read_segment(reading, line_start, line_start + len(line))
        return
    lead = len(piece) - len(piece.lstrip(' \t\n.,;:"”-–—*_'))
    body_start = start + lead
    body = text[body_start:end]
    if body.lstrip().startswith(("|", "<", "\\", "[", "!")):
        return
    if not re.search(r"[A-Za-z\u4e00-\u9fff]|(?:19|20)\d\d", body):
        return
    if re.search(r"[:：]\s*$", body):
        return  # "- 论文/Paper: " is the label of the link after it, not a venue
    if not reading.has("authors"):
        names = re.match(r"(?:by\s+)?(?P<n>[^,;()]+?\be[tl]\s*al\b\.?)", body, re.IGNORECASE)
        if not (names and _looks_like_names(names.group("n"))):
            names = _name_list(body)
        if names:
            names_start = body_start + names.start("n")
            _authors_claim(reading, names_start, body_start + names.end("n"), "", "")
            body_start = body_start + names.end()
            body = text[body_start:end]
    year = re.match(r"[ \t]*\((?P<y>(?:19|20)\d\d)\)", body)
    if year:  # "by Jane Doe et al. (2023), arXiv:2303.12712"
        at = body_start + year.start("y")
        reading.claim(at, at + 4, e.Slot("year"), int(year.group("y")), "{Y}")
        body_start += year.end()
        body = text[body_start:end]
    sentence = re.match(r"[ \t.,;:]*(?P<s>[^.\n]*?(?:\.[^\s.][^.\n]*?)*)(?:\.|$|(?=\s\())", body)
    if sentence and sentence.group("s").strip():
        offset = body_start + sentence.start("s")
        _read_venue_text(reading, offset, offset + len(sentence.group("s")))


def _name_list(body: str) -> re.Match[str] | None:
    """``Ann B. Lee, Bo Li. `` at the start of ``body``: the longest run up to a full stop
    that reads as a comma-separated list of names (initials' full stops included)."""
    for stop in reversed([m.start() for m in re.finditer(r"\.(?=\s|$)", body)]):
        found = re.match(rf"(?P<n>[^;()]{{{stop}}})", body)
        if found and "," in found.group("n") and _looks_like_names(found.group("n")):
            return found
    return None


def _lines(text: str, base: int) -> list[tuple[int, str]]:
    out = []
    at = 0
    for line in text.split("\n"):
        out.append((base + at, line))
        at += len(line) + 1
    return out


# --------------------------------------------------------------------------- table rows


def read_cells(reading: e.Reading, columns: Sequence[str], *, html: bool) -> bool:
    """Claim the fields of a table row, each cell read by its column's role.

    A row with as many cells as the header takes the header's roles; a row with
    more or fewer (an extra cell, or cells spanned from a row above) keeps a
    column's role only where the cell's content fits it, and is read by its
    content elsewhere.
    """
    from bot.lists.tables import cell_spans

    cells = cell_spans(reading.text, html=html)
    roles = list(columns)[-len(cells) :] if len(cells) <= len(columns) else list(columns)
    roles += ["?"] * (len(cells) - len(roles))
    if len(cells) != len(columns):
        roles = [
            _fitting_role(reading.text[a:b].strip(), role)
            for (a, b, _), role in zip(cells, roles, strict=True)
        ]
    for (start, end, header), role in zip(cells, roles, strict=True):
        if header:
            reading.claim(start, end, e.Slot("text", "category"), reading.text[start:end])
            continue
        _read_cell(reading, start, end, role)
    return any(c.slot.field in ("title", "nickname") for c in reading.claims)


def _fitting_role(value: str, role: str) -> str:
    """``role`` if the cell's content fits it, else what the content looks like."""
    kind = role.partition(":")[0]
    links = re.findall(r"\[([^\]]*)\]\(([^)]*)\)", value)
    only_links = bool(links) and not re.sub(r"!?\[[^\]]*\]\([^)]*\)", "", value).strip()
    dated = read_date(value) is not None or re.fullmatch(r"(?:19|20)\d\d", value) is not None
    titled = any(not is_label(text, url) for text, url in links)
    fits = {
        "date": dated or not value,
        "links": (only_links and not titled) or value in ("", "-"),
        "title": titled,
        "venue": bool(value) and not links and not dated,
        "nickname": bool(value) and not links and not dated,
    }
    if fits.get(kind) or kind in ("text", "authors"):
        return role
    if titled:
        return "title"
    if only_links:
        return "links"
    if dated:
        return "date"
    return "?"


def _read_cell(reading: e.Reading, start: int, end: int, role: str) -> None:
    text = reading.text
    content = text[start:end]
    lead = len(content) - len(content.lstrip())
    start, end = start + lead, start + len(content.rstrip())
    value = text[start:end]
    if not value or value in ("-", "—", "N/A", "n/a"):
        return
    kind, _, name = role.partition(":")
    if kind in ("title", "nickname", "?") and not reading.has("title"):
        link = next((x for x in reading.links if start <= x.start < end), None)
        if link is not None and _GENERIC_LABEL.fullmatch(label_key(link.text) or "link"):
            read_tail(reading, start, end)  # "| [paper](url) |": the name is in another column
            return
        if link is not None and link.kind in ("markdown", "html"):
            bold = text.startswith("**", start)
            at = read_title(reading, link.start - (2 if bold and link.start == start + 2 else 0))
            if at is not None:
                read_tail(reading, at, end)
                return
        if kind == "title":
            at = read_title(reading, start)
            if at is not None:
                read_tail(reading, at, end)
                return
    plain_name = kind == "?" and re.fullmatch(r"[^<>\[\]()\n]{1,40}", value) is not None
    if plain_name and reading.has("nickname") and not reading.has("venue"):
        kind = "venue"  # "| NeurIPS DB |" after the name: the venue
    if kind == "nickname" or (plain_name and not reading.has("nickname")):
        strong = re.fullmatch(r"\*\*(?P<n>[^*]+)\*\*", value)
        inner = strong.group("n") if strong else re.sub(r"\*\*|__|[\"“”]", "", value)
        mark = "**" if strong else ""
        slot = e.Slot("nickname", "", mark, mark)
        reading.claim(start, end, slot, unescape(inner))
        return
    if kind == "date":
        read = read_date(value)
        if read:
            reading.claim(start, end, e.Slot("date"), *read)
        elif re.fullmatch(r"(?:19|20)\d\d", value):
            reading.claim(start, end, e.Slot("year"), int(value), "{Y}")
        return
    if kind == "venue":
        venue, year, form = read_venue(value)
        reading.claim(start, end, e.Slot("venue"), (unescape(venue), year), form)
        return
    if kind == "authors":
        _authors_claim(reading, start, end, "", "")
        return
    if kind == "text":
        opening = re.match(r"(?:<[a-z][^>]*>)*", value, re.IGNORECASE)
        closing = re.search(r"(?:</[a-z]+\s*>)*$", value, re.IGNORECASE)
        inner_start = start + (opening.end() if opening else 0)
        inner_end = start + (closing.start() if closing else len(value))
        if inner_start <= inner_end:
            start, end = inner_start, inner_end  # "<sub>idea</sub>": the idea, in its tags
        reading.claim(start, end, e.Slot("text", name), reading.text[start:end])
        return
    read_tail(reading, start, end)
