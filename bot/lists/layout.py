"""Writing an entry: the neighbours' majority layout, its slots filled in their forms.

``choose`` picks, among the layouts of the neighbouring entries, the one that
places every field the new entry has and leaves out the fewest slots (the most
common one among equals, then the nearest); ``render`` fills its slots. A slot
the entry has no value for is written as the neighbours write a missing value
(``[code]()``, ``None``) when they have one, else left out with its own markup
and the separator before it, and with its line when nothing else is on it.
Every value from outside the file goes through ``bot.text.escaping`` first.
"""

from __future__ import annotations

import difflib
import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from bot.identifiers import normalize_arxiv
from bot.lists.citation import generic_label
from bot.lists.entry import Entry, Fields, Slot
from bot.lists.inline import is_symbol
from bot.lists.links import extra_links, with_extra_links
from bot.lists.literals import foreign_words, scrub, shared_words
from bot.lists.padding import align_row
from bot.lists.papers import url_kind
from bot.lists.values import (
    AuthorForm,
    Authors,
    coarser,
    write_authors,
    write_date,
    write_venue,
)
from bot.lists.votes import (
    EMPTY,
    STOP_AFTER_STOP,
    Layout,
    is_preprint,
    majority_form,
    mark_only,
    smooth,
    stop_after_stop,
    venue_spelling,
    year_form,
)
from bot.text.escaping import markdown


@dataclass(frozen=True)
class Conventions:
    """The file's own habits: how it escapes text it writes itself (so ``Q&A`` stays
    ``Q&A``), and its entries, which settle what the neighbours leave open."""

    raw_ampersand: bool = False
    raw_pipe: bool = False  # "A | B" outside tables: ``|`` is only markup in a table row
    stop_after_stop: bool = False  # "Know?.**": a full stop even after a title's "?"
    entries: tuple[Entry, ...] = ()  # the file's entries, nearest to the new one first
    new_mark: str = ""  # the mark the file's legend gives new papers ("🟡 = New")


def conventions(text: str, entries: Sequence[Entry] = ()) -> Conventions:
    """Read the file's own escaping (``&`` raw, or ``&amp;``?) and habits from ``entries``."""
    raw = len(re.findall(r"&(?![A-Za-z]+;|#\d+;|#x[0-9a-fA-F]+;)", text))
    prose = [line for line in text.split("\n") if not line.lstrip().startswith("|")]
    pipes = sum(len(re.findall(r"(?<!\\)\|", line)) for line in prose)
    return Conventions(
        raw_ampersand=raw > text.count("&amp;"),
        raw_pipe=pipes > sum(line.count("\\|") for line in prose),
        stop_after_stop=stop_after_stop(entries),
        entries=tuple(entries),
        new_mark=next((m["m"] for m in _NEW_LEGEND.finditer(text) if is_symbol(m["m"][0])), ""),
    )


# A legend's entry for the papers added last: "🟢 = In survey &nbsp; 🟡 = New (not yet ...)".
_NEW_LEGEND = re.compile(r"(?P<m>\S\ufe0f?)[ \t]*[=:：][ \t]*(?:New|NEW|new|Newly|最新|新)\b")


def _as_new(text: str, style: Conventions) -> str:
    """A neighbour's status mark (``🟢``, in the survey) as the legend's mark for new papers
    (``🟡``), where the file writes that mark in the same place."""
    if not style.new_mark:
        return text
    for char in dict.fromkeys(text):  # (in the text's order: the same choice every run)
        if is_symbol(char) and char not in style.new_mark:
            swapped = text.replace(char, style.new_mark)
            if any(swapped in entry.layout for entry in style.entries):
                return swapped
    return text


def escape(text: str, style: Conventions) -> str:
    """``bot.text.escaping.markdown``, relaxed only where the file itself writes raw text.

    A raw ``&`` stays raw when the file writes it so and it cannot start an
    entity; a ``|`` outside a table row when the file writes it raw there; ``_``
    inside a word stays raw (it never makes emphasis).
    """
    escaped = markdown(text)
    if style.raw_ampersand:
        escaped = re.sub(r"&amp;(?![A-Za-z]+;|#\d+;|#x[0-9a-fA-F]+;)", "&", escaped)
    if style.raw_pipe:
        escaped = escaped.replace("\\|", "|")
    escaped = re.sub(r"(?<=[A-Za-z0-9])\\_(?=[A-Za-z0-9])", "_", escaped)
    escaped = re.sub(r"\\\\(?=[A-Za-z0-9])", r"\\", escaped)  # "\mathbb": literal already
    return escaped


def slot_id(slot: Slot) -> tuple[str, str]:
    return slot.field, slot.key


# --------------------------------------------------------------------------- choosing


def _has(fields: Fields, slot: Slot, layout: Layout) -> bool:
    name = slot.field
    if name == "number":
        return True
    if name == "title":
        return bool(fields.title)
    if name == "nickname":
        titled = any(isinstance(p, Slot) and p.field == "title" for p in layout)
        guessed = fields.nickname is None and short_name(fields.title) is not None
        return bool(fields.nickname) or guessed or not titled
    if name == "authors":
        return bool(fields.authors and fields.authors.names)
    if name == "venue":
        if slot.key in ("badge", "shields") and is_preprint(fields.venue):
            return False  # a venue badge names where a paper was published
        if slot.key == "dated" and fields.venue and not is_preprint(fields.venue):
            return False  # "(*arXiv 2023.05*)": the preprint's date, not a venue's year
        return bool(fields.venue) or (
            slot.key != "badge" and fields.year is not None and not fields.date
        )
    if name == "year":
        return fields.year is not None
    if name == "date":
        return fields.date is not None or fields.year is not None
    if name == "url":
        return fields.url(slot.key) is not None
    return fields.text(slot.key) is not None


def _used(fields: Fields) -> set[tuple[str, str]]:
    """The fields an entry has that a layout should place (the title always is; a preprint's
    venue, ``arXiv``, only where the neighbours' layout has a venue)."""
    used: set[tuple[str, str]] = set()
    if fields.nickname:
        used.add(("nickname", ""))
    if fields.authors and fields.authors.names:
        used.add(("authors", ""))
    if fields.date:
        used.add(("date", ""))
    if fields.venue and not is_preprint(fields.venue):
        used.add(("venue", ""))  # (many lists name where a paper was published, not arXiv)
    used.update(("url", key) for key, _ in fields.urls)
    used.update(("text", key) for key, _ in fields.texts)
    return used


_NEAR = 8  # the entries around a new one that show the style a list is written in now


@dataclass(frozen=True)
class Choice:
    layout: Layout
    entries: tuple[Entry, ...]  # the neighbours written in it
    fields: Fields  # the new fields, their links assigned to its link slots


def choose(
    neighbours: Sequence[Entry], fields: Fields, file: Sequence[Entry] = ()
) -> Choice | None:
    """The neighbours' layout that fits ``fields`` best (None: no neighbours); the ``file``'s
    entries break a tie (a section of two entries written two ways)."""
    groups: dict[Layout, list[tuple[int, Entry]]] = {}
    shapes: Counter[tuple[object, ...]] = Counter()
    for distance, entry in enumerate(neighbours):
        groups.setdefault(entry.layout, []).append((distance, entry))
        shapes[_shape(entry.layout)] += 1
    scored: list[tuple[tuple[int, ...], int, Choice]] = []
    shared = shared_words(neighbours, file)
    fits = {layout: _fit(layout, members, neighbours, fields) for layout, members in groups.items()}
    # A new row has as many cells as most rows, most rows like it where there are any: rows
    # that leave nothing out for the paper (no code link) may end early, as they do.
    recent = _recent_orders(neighbours)
    alike = [e for layout, members in groups.items() if not fits[layout][2] for _, e in members]
    cells = Counter(_cells(entry.layout) for entry in alike or neighbours).most_common(1)[0][0]
    for layout, members in groups.items():
        assigned, unplaced, dropped, extras = fits[layout]
        fit = -sum(link_fit(key, url) for key, url in assigned.urls if not key.startswith("@"))
        choice = Choice(layout, tuple(e for _, e in members), assigned)
        # What a maintainer does: copy the layout most neighbours share, leaving out what
        # the paper lacks; a rarer layout that needs nothing left out only breaks ties. A
        # table row keeps every cell: there, the rows written as the paper needs come first.
        # Rows padded differently are one shape: the shape most rows have wins, then the
        # padding most of them have.
        table = members[0][1].kind in ("row", "html-row")
        common = -shapes[_shape(layout)]
        first, second = (dropped, common) if table else (common, dropped)
        odd = int(table and _cells(layout) != cells)
        # A layout holding a neighbour's own data (a venue, a year, names the reader did not
        # read) comes after every layout that places as much; if chosen, without that data.
        foreign = int(bool(foreign_words(layout, assigned, shared)))
        old = int(bool(recent) and _order(layout) not in recent)
        score = (*unplaced, foreign, len(extras), old, odd, fit, first, second, -len(members))
        scored.append((score, min(d for d, _ in members), choice))
    if not scored:
        return None
    best = min(score for score, _, _ in scored)
    tied = [(distance, choice) for score, distance, choice in scored if score == best]
    chosen = tied[0][1] if len(tied) == 1 else _tie(tied, groups, file)
    if best[2]:  # every layout that places as much holds some neighbour's data
        return replace(chosen, layout=scrub(chosen.layout, chosen.fields, shared))
    return chosen


def _recent_orders(neighbours: Sequence[Entry]) -> set[tuple[str, ...]]:
    """The orders of fields of the entries around a new one, in a long list whose maintainer changed
    style: most of it written one way, none of the entries nearest the new one so
    (YanjieZe/Paper-List: "- arXiv 2026.03, Title, [arXiv](url)" on 293 entries, "- [arXiv
    2026.08](url), Title" on the newest 36). What a maintainer copies is what is around;
    elsewhere, empty."""
    if len(neighbours) <= 3 * _NEAR:
        return set()
    recent = {_order(entry.layout) for entry in neighbours[:_NEAR]}
    orders = Counter(_order(entry.layout) for entry in neighbours)
    (common, _), *_ = orders.most_common(1)
    stale = sum(count for order, count in orders.items() if order not in recent)
    return recent if common not in recent and stale * 2 > len(neighbours) else set()


def _order(layout: Layout) -> tuple[str, ...]:
    """The order a layout writes its fields in (links side by side as one): what a change of
    style changes, where spacing, labels and extra links vary from entry to entry."""
    fields = [part.field for part in layout if isinstance(part, Slot) and part.field != "text"]
    return tuple(f for i, f in enumerate(fields) if f != "url" or fields[i - 1 : i] != ["url"])


def _fit(
    layout: Layout,
    members: Sequence[tuple[int, Entry]],
    neighbours: Sequence[Entry],
    fields: Fields,
) -> tuple[Fields, tuple[int, int], int, list[str]]:
    """How ``fields`` fit ``layout``: the fields with their links assigned to its slots, how
    many fields it has no slot for (bibliographic ones, then links and texts), how many of
    its slots are left out, the labelled links written after its last link."""
    assigned = assign_links(layout, [entry for _, entry in members], neighbours, fields)
    slots = [p for p in layout if isinstance(p, Slot)]
    placed = {slot_id(s) for s in slots if _has(assigned, s, layout)}
    placed |= {("venue", "") for s in slots if s.field == "venue" and ("venue", s.key) in placed}
    published = ("venue", "") in placed and not is_preprint(assigned.venue)
    if published and any(s.field == "venue" and s.key != "dated" for s in slots):
        # "[NeurIPS, 2025]": a published venue with its year stands for the paper's date (the
        # preprint's month is not written where the list names the venue alone)
        placed.add(("date", ""))
    empties = {slot_id(s) for s in slots if _empty_value(neighbours, s) is not None}
    extras = extra_links(layout, assigned)  # written after its last link
    left = _used(assigned) - placed - {("url", key) for key in extras}
    # A bibliographic value left out (a date, the authors) counts before any number of
    # badges and tags: "(*arXiv 2023.05*)" is kept, a star badge goes.
    decorative = sum(field in ("url", "text") for field, _ in left)
    bibliographic = len(left) - decorative
    if any(s.field == "title" for s in slots) and not assigned.title:
        bibliographic += 1  # "<u>CommonCrawl</u>: [[Source](...)]" has no title to write
    dropped = len({slot_id(s) for s in slots} - placed - empties)
    return assigned, (bibliographic, decorative), dropped, extras


def _tie(
    tied: Sequence[tuple[int, Choice]],
    groups: dict[Layout, list[tuple[int, Entry]]],
    file: Sequence[Entry],
) -> Choice:
    """Of layouts as common as each other: the one the rest of the file writes most, then
    the one most like all the others (a neighbour's typo is not copied), then the nearest."""
    weights = {layout: len(members) for layout, members in groups.items()}
    in_file = Counter(_shape(entry.layout) for entry in file)
    return min(
        tied,
        key=lambda pair: (
            -in_file[_shape(pair[1].layout)],
            _spread(pair[1].layout, weights),
            pair[0],
        ),
    )[1]


def _cells(layout: Layout) -> int:
    """How many cells a table row's layout has (its pipes, or its ``<td>``s)."""
    text = "".join(part for part in layout if isinstance(part, str))
    return len(re.findall(r"(?<!\\)\||<td\b", text, re.IGNORECASE))


def _shape(layout: Layout) -> tuple[object, ...]:
    """A layout with its spacing folded: rows that differ only in padding share it."""
    return tuple(" ".join(p.split()) if isinstance(p, str) else p for p in layout)


def _skeleton(layout: Layout) -> str:
    return "".join(p if isinstance(p, str) else f"\0{p.field}:{p.key}\0" for p in layout)


def _spread(layout: Layout, weights: dict[Layout, int]) -> float:
    """How far a layout is from the neighbours' layouts (weighted by how many use each)."""
    own = _skeleton(layout)
    return sum(
        count * (1 - difflib.SequenceMatcher(None, own, _skeleton(other), autojunk=False).ratio())
        for other, count in weights.items()
    )


def _kinds(neighbours: Sequence[Entry], key: str) -> Counter[str]:
    return Counter(
        url_kind(url) for entry in neighbours for k, url in entry.fields.urls if k == key and url
    )


_PAPER_LABEL = re.compile(r"title|paper|pdf|link|url|论文|链接|openreview|acl", re.IGNORECASE)


def link_fit(key: str, url: str) -> int:
    """How well a slot's label names a link: 2 for ``[arXiv]`` holding an arXiv link (or
    ``[DOI]`` a DOI), 1 for the title or a paper label, 0 for another (``[Chat Logs]``)."""
    kind = url_kind(url)
    if kind in ("arxiv", "doi") and kind in key.lower():
        return 2
    return 1 if _PAPER_LABEL.search(key) else 0


def assign_links(
    layout: Layout, members: Sequence[Entry], neighbours: Sequence[Entry], fields: Fields
) -> Fields:
    """Put a new paper's links (keys ``@arxiv``, ``@doi``, ``@url``) into ``layout``'s link slots.

    Each link goes to a slot whose neighbours hold links of its kind, so the
    paper takes the label that carries papers (``[[Paper]]``, the title link),
    never a neighbour's ``[[Code]]``; when two slots can take the links (a
    published DOI on the title and an ``[arXiv]`` link), both are placed.
    Fields read from an entry (keys are the slots' own) are returned as they are.
    """
    links = [(key, url) for key, url in fields.urls if key.startswith("@")]
    if not links:
        return fields
    keys = [p.key for p in layout if isinstance(p, Slot) and p.field == "url"]
    keys = list(dict.fromkeys(keys))
    kinds = {key: _kinds(members, key) + _kinds(neighbours, key) for key in keys}
    best: tuple[tuple[int, int, int], dict[str, str]] = ((0, 0, 0), {})
    for targets in itertools.product([None, *keys], repeat=len(links)):
        chosen = [t for t in targets if t is not None]
        if len(chosen) != len(set(chosen)):
            continue
        score = [0, 0, 0]
        placed: dict[str, str] = {}
        for (kind, url), target in zip(links, targets, strict=True):
            if target is None:
                continue
            seen = kinds[target][kind.lstrip("@")] + (
                kinds[target]["paper"] if kind == "@url" else 0
            )
            # A slot that holds papers takes a paper of another kind (a DOI where the list
            # links arXiv pages) rather than lose the paper's only link.
            if not seen and not any(kinds[target][k] for k in ("arxiv", "doi", "paper")):
                break
            placed[target] = url
            score[0] += 1
            score[1] += link_fit(target, url)
            score[2] += seen
        else:
            if len(links) == 1:  # one link: where the list keeps that kind, then the label
                score[1], score[2] = score[2], score[1]
            if tuple(score) > best[0]:
                best = ((score[0], score[1], score[2]), placed)
    placed = _twins(keys, best[1], neighbours)
    rest = tuple((key, url) for key, url in fields.urls if not key.startswith("@"))
    used = set(placed.values())
    left = tuple((key, url) for key, url in links if url not in used)  # counted as unplaced
    return replace(fields, urls=rest + tuple(placed.items()) + left)


def _twins(
    keys: Sequence[str], placed: dict[str, str], neighbours: Sequence[Entry]
) -> dict[str, str]:
    """``placed`` with a slot left empty given its twin's link, where most neighbours link
    both to one address (the title and ``[Paper]`` both to the arXiv page)."""
    out = dict(placed)
    for key in keys:
        if key in out:
            continue
        having = [entry for entry in neighbours if entry.fields.url(key)]
        twins = Counter(
            other
            for entry in having
            for other, url in entry.fields.urls
            if other != key and url == entry.fields.url(key)
        )
        for twin, count in twins.most_common(1):
            if twin in placed and count * 2 > len(having):
                out[key] = placed[twin]
    return out


# --------------------------------------------------------------------------- forms


def _empty_value(entries: Sequence[Entry], slot: Slot) -> str | None:
    """How the neighbours write this slot when they have nothing for it (``None``, ``""``;
    ``[code]``, a link's label alone where other entries link their code)."""
    if slot.field == "text":
        return _label_alone(entries, slot)
    if slot.field != "url":
        return None
    empties = Counter(
        url
        for entry in entries
        for key, url in entry.fields.urls
        if key == slot.key and url in EMPTY
    )
    return empties.most_common(1)[0][0] if empties else None


def _label_alone(entries: Sequence[Entry], slot: Slot) -> str | None:
    """A link's label alone in brackets (``| [code]`` beside ``| [[code]](url)``), the list's
    way of saying a paper has no such link. For a text slot: what nine in ten of the entries
    holding it write there, when that is a kind of link's label (one other entries link, or
    a kind of link whatever the list), not a tag of the paper's own. For a link slot the
    paper cannot fill: its own label alone, where a quarter of the entries write it."""
    if slot.field == "text":
        written = [text for entry in entries if (text := entry.fields.text(slot.key)) is not None]
        least = len(written) * 0.9
    else:
        alone = f"[{slot.key.lower()}]"
        written = [
            text.strip()
            for entry in entries
            for _, text in entry.fields.texts
            if text.strip().lower() == alone
        ]
        least = len(entries) / 4
    if not written:
        return None
    text, count = Counter(written).most_common(1)[0]
    label = re.fullmatch(r"\s*\[([^\[\]]+)\]\s*", text)
    if label is None or count < least:
        return None
    linked = {name.lower() for entry in entries for name, _ in entry.fields.urls}
    if slot.field == "text" and not (
        label.group(1).strip().lower() in linked or generic_label(text)
    ):
        return None
    return text


# --------------------------------------------------------------------------- rendering


def short_name(title: str) -> str | None:
    """``LLaMA`` from ``LLaMA: Open and Efficient ...``: a paper's own nickname, if it has one."""
    head, sep, _ = title.partition(":")
    head = head.strip()
    if sep and head and len(head) <= 40 and len(head.split()) <= 3:
        return head
    return None


def _surname(name: str) -> str:
    from bot.editors.common import split_name

    return split_name(name)[1] or name


def _value(slot: Slot, fields: Fields, form: object, style: Conventions) -> tuple[str, str] | None:
    """The text of a slot's value, and text that goes after its own markup (a full stop)."""
    name = slot.field
    if name == "number":
        return (str(fields.number) if fields.number is not None else "1"), ""
    if name == "title":
        title = escape(fields.title, style)
        head, colon, _ = title.partition(": ")
        if slot.key == "bold head" and colon and len(head) <= 40 and "*" not in head:
            return f"**{head}**: {title[len(head) + 2 :]}", ""
        return title, ""
    if name == "nickname":
        nick = fields.nickname or short_name(fields.title) or fields.title
        return escape(nick, style), ""
    if name == "authors" and fields.authors:
        author_form, period = form if isinstance(form, tuple) else (AuthorForm("first"), "none")
        names = tuple(escape(n, style) for n in fields.authors.names)
        surname = escape(_surname(fields.authors.names[0]), style)
        text = write_authors(Authors(names, fields.authors.et_al), author_form, surname)
        if period == "inside" and not text.endswith("."):
            return text + ".", ""
        if period in ("outside", "etal") and not text.endswith("."):
            return text, "."  # one full stop: "et al." ends the sentence too
        return text, ""
    if name == "venue":
        return write_venue(escape(fields.venue, style), fields.year, str(form)), ""
    if name == "year" and fields.year is not None:
        return str(form or "{Y}").format(Y=f"{fields.year:04d}", y=f"{fields.year % 100:02d}"), ""
    if name == "date" and (fields.date or fields.year):
        date = fields.date or (fields.year or 0, None, None)  # "IROS, 2024": the year alone
        written = write_date(date, coarser(str(form), date))
        return (written, "") if written is not None else None
    if name == "url":
        url = fields.url(slot.key)
        return (url, "") if url is not None else None
    if name == "text":
        raw = fields.text(slot.key)
        return (raw, "") if raw is not None else None
    return None


def _loses_year(form: str, fields: Fields, dated: bool) -> bool:
    """Would a venue written in ``form`` hide the year it was published in? The year goes
    when the form has none and the entry writes no date (``(ICML)``, where the neighbours
    that write a venue alone have their date beside it: ``(2023-06, Meta)``), or its date
    is another year (the preprint's: ``AAAI 2026 - Aug 2025``, not ``AAAI - Aug 2025``)."""
    if fields.year is None or re.search(r"\{[Yy]\}", form) or is_preprint(fields.venue):
        return False
    return not dated or (fields.date is not None and fields.date[0] != fields.year)


def _shields(text: str) -> str:
    """A badge text in a shields.io path: ``-`` doubled, spaces as ``_``."""
    return text.replace("-", "--").replace(" ", "_")


def render(choice: Choice, neighbours: Sequence[Entry], style: Conventions) -> str:
    """The new entry's text: ``choice.layout`` with ``choice.fields`` in its slots (and a
    slot for each labelled link it has no slot for, after its last link)."""
    extended = with_extra_links(choice.layout, choice.fields, neighbours, style.entries)
    text = _render(replace(choice, layout=extended), neighbours, style)
    kind = choice.entries[0].kind if choice.entries else ""
    if kind == "row":
        return align_row(_empty_cells(text, neighbours, html=False), neighbours)
    if kind == "html-row":
        return _empty_cells(text, neighbours, html=True)
    return text


def _empty_cells(row: str, neighbours: Sequence[Entry], *, html: bool) -> str:
    """Write an empty cell as the neighbours write one in that column (``-``, ``| |``), or,
    where no neighbour leaves that column empty, as they write an empty cell elsewhere in
    the row (a table with none: as the layout's spacing leaves it)."""
    from bot.lists.tables import cell_spans

    def spans(text: str) -> list[tuple[int, int]]:
        return [(start, end) for start, end, _ in cell_spans(text, html=html)]

    cells = spans(row)
    out = row
    markers: list[Counter[str]] = [Counter() for _ in cells]  # each column's empty cells
    for entry in neighbours:
        theirs = spans(entry.text)
        for column, (start, end) in enumerate(theirs[: len(cells)]):
            if (value := entry.text[start:end].strip()) in EMPTY:
                # a marker with a space each side; a blank cell as blank as it is
                blank = not value and not html
                markers[column][entry.text[start:end] if blank else value] += 1
    table = sum(markers, Counter())  # a column with no empty cell: as the table writes one
    for column, (start, end) in reversed(list(enumerate(cells))):
        if row[start:end].strip():
            continue
        values = markers[column] or table
        if values and (marker := values.most_common(1)[0][0]):
            written = marker if html or not marker.strip() else f" {marker} "
            out = out[:start] + written + out[end:]
    return out


def _ends_sentence(title: str) -> bool:
    return title.rstrip().endswith(("?", "!", "."))


def _spacing_voters(layout: Layout, neighbours: Sequence[Entry], table: bool) -> list[Entry]:
    """The neighbours whose spacing a new entry in ``layout`` follows: all of them, but for
    a row with a cell more than most rows have (a column added part-way down a table, its
    header left as it was), the rows that have that cell too: the hand that added the
    column wrote them, spaced its own way. (A row that ends early, with no code link, is
    one of the table's rows with a cell left out: it is spaced as they all are.)"""
    if not table:
        return list(neighbours)
    cells = _cells(layout)
    most = Counter(_cells(entry.layout) for entry in neighbours).most_common(1)[0][0]
    if cells <= most:
        return list(neighbours)
    return [entry for entry in neighbours if _cells(entry.layout) == cells]


def _render(choice: Choice, neighbours: Sequence[Entry], style: Conventions) -> str:
    fields = choice.fields
    if fields.venue:
        fields = replace(fields, venue=venue_spelling(fields.venue, neighbours, style.entries))
    table = bool(choice.entries) and choice.entries[0].kind in ("row", "html-row")
    if table:
        style = replace(style, raw_pipe=False)
    pieces: list[tuple[str, str]] = []  # ("text", literal) / ("slot", value) / ("gone", "")
    # A title that ends a sentence itself ("Know?") takes no full stop after it, unless the
    # file writes one (``stop_after_stop``) or the layout is learned from such titles only.
    learned = [entry.fields.title for entry in choice.entries]
    keep = style.stop_after_stop or (bool(learned) and all(map(_ends_sentence, learned)))
    ended = False
    parts = smooth(choice.layout, _spacing_voters(choice.layout, neighbours, table), style.entries)
    dated = any(
        isinstance(p, Slot) and p.field in ("date", "year") and _has(fields, p, choice.layout)
        for p in parts
    )
    for at, part in enumerate(parts):
        if not isinstance(part, Slot) and _code_gone(parts, at, pieces) and mark_only(part):
            # a mark after a code link the paper has not ("[[code](url)] :heavy_check_mark:":
            # the code is out) goes with it
            pieces.append(("text", part[len(part.rstrip()) :]))
            continue
        if not isinstance(part, Slot):
            part = _as_new(part, style)
            pieces.append(("text", STOP_AFTER_STOP.sub(r"\1", part, 1) if ended else part))
            ended = False
            continue
        ended = part.field == "title" and not keep and _ends_sentence(fields.title)
        form = majority_form(neighbours, part, style.entries, preprint=is_preprint(fields.venue))
        if part.field == "venue" and _loses_year(str(form), fields, dated):
            form = year_form(neighbours, part, style.entries) or form
        value = None
        if _has(fields, part, choice.layout):
            value = _value(part, fields, form, style)
        if value is None and (empty := _empty_value(neighbours, part)) is not None:
            value = (empty, "")
        if value is None and table and part.key != "category" and _whole_cell(parts, at):
            value = ("", "")  # a table keeps its cells, empty ones too
        if part.field == "venue" and part.key == "dated" and value is None and fields.venue:
            # "**[Arxiv, 2025.10]**" for a published paper: "**[NeurIPS, 2025]**", the venue
            # and the year it was published in, as the list writes its published papers
            value = (escape(fields.venue, style), "")
            if fields.year is not None:
                fields = replace(fields, date=(fields.year, None, None))
        if value is None and part in (Slot("url", "title"), Slot("url", "notes")):
            # no link for the title (nor a page of notes on it): "[Title]()" would be empty
            _unlink(pieces)
            pieces.append(("unlinked", ""))
            continue
        if value is None and part.field == "url" and (alone := _label_alone(neighbours, part)):
            pieces.append(("slot", alone))  # "| [code]" where the paper has no code link
            continue
        if value is None:
            _leave_out(pieces, part)
            continue
        text, trailing = value
        if "{arxiv}" in part.before and part.field == "url":
            arxiv = normalize_arxiv(text)
            if arxiv is None:  # a badge that names an arXiv id cannot carry another link
                pieces.append(("gone", ""))
                continue
            part = replace(part, before=part.before.replace("{arxiv}", arxiv))
        if part.key == "shields":  # the venue in a badge's address
            text = _shields(text)
            if "{Y}" in part.after:  # "badge/CVPR-{Y}-blue": the year there too, or no badge
                if fields.year is None:
                    pieces.append(("gone", ""))
                    continue
                part = replace(part, after=part.after.replace("{Y}", str(fields.year)))
        before = part.before.replace("{value}", text).replace("{shields}", _shields(text))
        after = part.after.replace("{value}", text).replace("{shields}", _shields(text))
        pieces.append(("slot", before + text + after + trailing))
    return _join(pieces, bars=not table)


# What separates a slot from the one before it: a comma, a bullet ("[ACL 2023](url) •
# [Code](url)"), a dash or a slash between spaces (not a bar: it may close a table's
# cell), the "In" of a citation's venue, a link's label ("---Notes:[zhihu](url)").
_SEPARATOR = re.compile(
    r"(?:[ \t]*[,;•·]|[ \t]+[-–—/]|[ \t]+In:?|[ \t]*[-–—]*[ \t]*[^\W\d_][\w.-]{0,20}[:：])?[ \t]*$"
)
# Emphasis opened right before a slot (and closed right after it).
_WRAPPED = re.compile(r"(?<![*_])(?:\*\*?|__?)$")
# What separates a leading slot from what follows it: a line break tag, a comma, a dash.
_LEADING_SEPARATOR = re.compile(r"^[ \t]*(?:<br\s*/?>|[,;·]|[-–—](?=[ \t]))?[ \t]*", re.IGNORECASE)


# A run of emphasis markers (``_`` not inside a word, where it is no markup).
_EMPHASIS = re.compile(r"\*+|(?<!\w)_+|_+(?!\w)")


def _code_gone(parts: Sequence[str | Slot], at: int, pieces: list[tuple[str, str]]) -> bool:
    """Was the slot before ``at`` a code link, left out?"""
    before = parts[at - 1] if at else None
    code = isinstance(before, Slot) and before.field == "url" and "code" in before.key.lower()
    return code and pieces[-1:] == [("gone", "")]


def _leave_out(pieces: list[tuple[str, str]], slot: Slot) -> None:
    """Leave ``slot`` out with its markup, but for the emphasis it opens or closes for the
    slots beside it: ``**{nickname}`` + ``({venue})**`` without a nickname is
    ``**(ICLR2017)**``, not ``(ICLR2017)**``."""
    opened = Counter(_EMPHASIS.findall(slot.before))
    closed = Counter(_EMPHASIS.findall(slot.after))
    opens, closes = "".join((opened - closed).elements()), "".join((closed - opened).elements())
    if opens and pieces and pieces[-1][0] == "text":
        pieces[-1] = ("text", pieces[-1][1] + opens)
    elif opens:
        pieces.append(("text", opens))
    pieces.append(("gone", ""))
    if closes:
        pieces.append(("text", closes + slot.after[len(slot.after.rstrip()) :]))


def _whole_cell(parts: Sequence[str | Slot], at: int) -> bool:
    """Is slot ``parts[at]`` a table cell of its own (``| {venue} |``), not one thing of
    several in a cell (a star badge before the title)? A link slot never is: a missing
    link leaves its cell to the neighbours' empty-cell marker."""
    slot = parts[at]
    if not isinstance(slot, Slot) or slot.field == "url":
        return False
    before = parts[at - 1] if at else ""
    after = parts[at + 1] if at + 1 < len(parts) else ""
    opened = isinstance(before, str) and _CELL_OPENS.search(before)
    closed = isinstance(after, str) and _CELL_CLOSES.match(after)
    return bool(opened and closed)


# A cell's start or end, with the markup that may wrap its content (``<sub>``, ``**``).
_CELL_OPENS = re.compile(r"(?:\||<t[dh]\b[^>]*>)(?:[ \t]*(?:<[a-z][^>]*>|[*_`]{1,3}))*[ \t]*$")
_CELL_CLOSES = re.compile(r"(?:[ \t]*(?:</[a-z]+\s*>|[*_`]{1,3}))*[ \t]*(?:\||</t[dh]>)")


def _opens(text: str) -> bool:
    """Does ``text`` end where a cell, a line or a link's text begins (a slot after it
    comes first: ``[**AEL** — Title](url)`` without a name is ``[Title](url)``)?"""
    return text.rstrip(" \t").endswith(("|", "\n", "["))


def _unlink(pieces: list[tuple[str, str]]) -> None:
    """Turn ``[**Title**](`` back into ``**Title**``: drop the link's opening bracket and ``](``."""
    kind, text = pieces[-1]
    if kind == "text" and text.endswith("]("):
        pieces[-1] = (kind, text[:-2])
    for index in range(len(pieces) - 2, -1, -1):
        kind, text = pieces[index]
        if kind == "text" and "[" in text:
            at = text.rindex("[")
            pieces[index] = (kind, text[:at] + text[at + 1 :])
            return


def _inside_emphasis(pieces: Sequence[tuple[str, str]]) -> bool:
    """Is the end of ``pieces`` inside ``*...*`` on its line (list marker aside)?"""
    line = "".join(text for _, text in pieces).rpartition("\n")[2]
    line = re.sub(r"^[ \t]*(?:[-*+]|\d+[.)])[ \t]+", "", line)
    return line.count("*") % 2 == 1 or line.count("_") % 2 == 1


def _join(pieces: list[tuple[str, str]], *, bars: bool = False) -> str:
    """Join the pieces; a left-out slot takes its separator along, and its line when emptied.
    With ``bars`` (an entry that is no table row), `` | `` separates too: "2025.09 |
    [Paper](url) | [Code](url)" without code is "2025.09 | [Paper](url)"."""
    for index, (kind, _) in enumerate(pieces):
        if kind == "unlinked" and index + 1 < len(pieces):
            next_kind, next_text = pieces[index + 1]
            if next_kind == "text" and next_text.startswith(")"):
                pieces[index + 1] = (next_kind, next_text[1:])
    for index, (kind, _) in enumerate(pieces):
        if kind != "gone":
            continue
        after = next((i for i in range(index + 1, len(pieces)) if pieces[i][0] != "gone"), None)
        following = pieces[after][1] if after is not None else ""
        previous_kind, previous = pieces[index - 1] if index else ("text", "")
        if previous_kind != "text":
            continue
        opens = _opens(previous) and not (bars and previous.rstrip(" \t").endswith("|"))
        if after is not None and pieces[after][0] == "text" and (not index or opens):
            # The first thing of its cell or line ("| ![Star](badge) <br> [**Title**]"):
            # the separator after it goes with it.
            pieces[after] = ("text", _LEADING_SEPARATOR.sub("", following, 1))
            continue
        wrap = _WRAPPED.search(previous)
        if wrap and after is not None and following.startswith(wrap.group(0)):
            # "In *{venue}*." without a venue: its emphasis goes with it ("Title. [[pdf]]")
            previous, following = previous[: wrap.start()], following[len(wrap.group(0)) :]
            pieces[index - 1], pieces[after] = ("text", previous), (pieces[after][0], following)
        closing = following[:1] in ("*", "_") and _inside_emphasis(pieces[:index])
        if not following or following[0] in " \t\n.,;:)]|`\\" or closing:
            previous = _SEPARATOR.sub("", previous)
            if bars:
                previous = re.sub(r"[ \t]+\|[ \t]*$", "", previous)
            if after is None:  # the entry's last thing: the blank lines before it go too
                previous = re.sub(r"\n\s*$", "", previous)
            pieces[index - 1] = ("text", previous)
            if after is not None and previous.endswith(".") and following.startswith("."):
                pieces[after] = (pieces[after][0], following[1:])  # one full stop, not two
    lines: list[list[tuple[str, str]]] = [[]]
    for kind, text in pieces:
        for position, chunk in enumerate(text.split("\n")):
            if position:
                lines.append([])
            lines[-1].append((kind, chunk))
    kept = [
        line
        for line in lines
        if not any(k == "gone" for k, _ in line) or any(k == "slot" for k, _ in line)
    ]
    return "\n".join("".join(text for _, text in line) for line in kept)
