"""What the neighbours agree on, and what the whole file says when they do not.

A new entry copies its neighbours: the text between two slots, the form of each
value, the lines between entries. Each of these is voted on by the neighbours,
nearest first; when they are split evenly (a section of two entries written two
ways) or none of them shows it (``2022.12`` says nothing of whether ``2024.2``
is padded), the file's other entries settle it, as a maintainer would look a bit
further up the list. Only then does the nearest neighbour decide.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from typing import TypeVar

from bot.lists.entry import Entry, Slot
from bot.lists.values import AuthorForm, informative

T = TypeVar("T", bound=Hashable)
Layout = tuple["str | Slot", ...]
#: How lists write a value they do not have (``[code]()``, ``None``, ``-``).
EMPTY = ("", "None", "none", "-", "—", "N/A", "n/a", "TBD", "无", "暂无")

_DEFAULT_FORMS: dict[str, object] = {
    "date": "{Y}/{m}",
    "venue": "{v} {Y}",
    "year": "{Y}",
    "authors": (AuthorForm("first"), "none"),
}


def majority(near: Counter[T], far: Counter[T] | None = None) -> T | None:
    """The value most ``near`` voters give; a tie among them broken by the ``far`` ones.

    ``near`` is counted nearest first, so that when the file is split too, the
    nearest neighbour's value wins. No near vote at all: the file's majority.
    """
    far = far or Counter()
    if not near:
        return far.most_common(1)[0][0] if far else None
    top = max(near.values())
    tied = [value for value, count in near.items() if count == top]
    return max(tied, key=lambda value: far[value])  # max keeps the first (nearest) of equals


def is_preprint(venue: str) -> bool:
    """``arXiv``, ``Preprint``, ``CoRR``; also ``arXiv:2408.09764``, a preprint named by its id."""
    found = re.fullmatch(
        r"(?:pre-?print|arxiv|corr)(?:[: ]+\d{4}\.\d{4,5}(?:v\d+)?)?",
        venue.strip(),
        re.IGNORECASE,
    )
    return found is not None


def _form_votes(
    entries: Iterable[Entry], slot: Slot, *, alike: bool = False
) -> tuple[Counter[str], dict[str, object]]:
    """The informative forms of ``slot`` among ``entries`` (by ``repr``, forms are tuples too);
    ``alike``: the entries are preprints like the new one, whose ``{v}`` says it all."""
    votes: Counter[str] = Counter()
    forms: dict[str, object] = {}
    for entry in entries:
        form = entry.form(slot)
        if form is None or form == "":
            continue
        date = entry.fields.date
        if slot.field == "date" and date and not informative(str(form), date):
            continue
        if slot.field == "authors" and isinstance(form, tuple) and form[0].mode == "one":
            continue
        preprint = slot.field == "venue" and is_preprint(entry.fields.venue)
        if preprint and form == "{v}" and not alike:
            continue  # "Preprint." shows no year as it has none: says nothing of the form
        votes[repr(form)] += 1
        forms.setdefault(repr(form), form)
    return votes, forms


def majority_form(
    entries: Sequence[Entry], slot: Slot, file: Sequence[Entry] = (), *, preprint: bool = False
) -> object:
    """The form most ``entries`` write this slot's value in: the ``file``'s entries settle a
    tie, and give the form when no neighbour shows it (a default when nobody does).

    A ``preprint``'s venue is written as the list writes its other preprints, where it has
    any (``arXiv - May 2024`` beside ``EMNLP 2023 - Oct 2023``: arXiv takes no year). A
    date is voted part by part (``date_form``)."""
    if slot.field == "date" and (voted := date_form(entries, slot, file)) is not None:
        return voted
    if preprint and slot.field == "venue":
        votes, forms = _form_votes(_preprints(entries), slot, alike=True)
        far, far_forms = _form_votes(_preprints(file), slot, alike=True)
        if (winner := majority(votes, far)) is not None:
            return {**far_forms, **forms}[winner]
    votes, forms = _form_votes(entries, slot)
    far, far_forms = _form_votes(file, slot)
    winner = majority(votes, far)
    if winner is not None:
        return {**far_forms, **forms}[winner]
    for entry in (*entries, *file):  # only uninformative forms: any of them
        if (form := entry.form(slot)) not in (None, ""):
            return form
    return _DEFAULT_FORMS.get(slot.field)


# A date form's parts that come in variants (``05``/``5``, ``Jun``/``June``/``Sept``): each
# part is voted on by the dates that show which variant they use.
_DATE_PARTS = {"{D}": ("{d}", "{e}"), "{M}": ("{m}", "{n}"), "{N}": ("{b}", "{B}", "{b4}")}
_DATE_PART = re.compile(r"\{(?:d|e|m|n|B|b4|b)\}")


def _date_part(key: str) -> str:
    return next(part for part, keys in _DATE_PARTS.items() if key in keys)


def _date_votes(
    entries: Iterable[Entry], slot: Slot
) -> tuple[Counter[str], dict[str, dict[str, Counter[str]]]]:
    """How many ``entries`` write each skeleton (``{e} {b} {Y}`` -> ``{D} {N} {Y}``, the
    variants folded); and, by skeleton, each part's variants: where the date shows the
    variant (a day before the 10th, a month before October, a month name other than May),
    and as read ("24" is ``{e}``, "11" is ``{m}``) for when none does."""
    skeletons: Counter[str] = Counter()
    parts: dict[str, dict[str, Counter[str]]] = {}
    for entry in entries:
        form, date = entry.form(slot), entry.fields.date
        if not isinstance(form, str) or not form or not date:
            continue
        shape = _DATE_PART.sub(lambda found: _date_part(found.group(0)), form)
        skeletons[shape] += 1
        counts = parts.setdefault(shape, {})
        _, month, day = date
        for found in _DATE_PART.finditer(form):
            key = found.group(0)
            part = _date_part(key)
            shows = {
                "{D}": day is not None and day < 10,
                "{M}": month is not None and month < 10,
                "{N}": month != 5,
            }[part]
            counts.setdefault(f"any {part}", Counter())[key] += 1
            if shows:
                counts.setdefault(part, Counter())[key] += 1
    return skeletons, parts


def date_form(entries: Sequence[Entry], slot: Slot, file: Sequence[Entry]) -> str | None:
    """The date form the neighbours (then the file) write, voted part by part: the order
    and separators by every date, each part's variant by the dates that show it, so that
    ``5 May 2021`` is not padded because ``12 May`` and ``24 Jun`` say nothing of padding,
    and ``03 May`` says the day is padded though May says nothing of month names; None
    when no entry writes a date."""
    near_shapes, near_parts = _date_votes(entries, slot)
    far_shapes, far_parts = _date_votes(file, slot)
    skeleton = majority(near_shapes, far_shapes)
    if skeleton is None:
        return None
    near, far = near_parts.get(skeleton, {}), far_parts.get(skeleton, {})
    chosen: dict[str, str] = {}
    for part, variants in _DATE_PARTS.items():
        voted = majority(near.get(part, Counter()), far.get(part))
        voted = voted or majority(near.get(f"any {part}", Counter()), far.get(f"any {part}"))
        chosen[part] = voted or variants[0]
    return re.sub(r"\{[DMN]\}", lambda found: chosen[found.group(0)], skeleton)


def year_form(entries: Sequence[Entry], slot: Slot, file: Sequence[Entry] = ()) -> object:
    """The form most ``entries`` (then the ``file``) write a venue's year in, among those
    that write one at all (``EMNLP 2023``, ``ICLR'24``); None when none does."""

    def with_year(votes: Counter[str], forms: dict[str, object]) -> Counter[str]:
        return Counter({k: n for k, n in votes.items() if re.search(r"\{[Yy]\}", str(forms[k]))})

    votes, forms = _form_votes(entries, slot)
    far, far_forms = _form_votes(file, slot)
    winner = majority(with_year(votes, forms), with_year(far, far_forms))
    return None if winner is None else {**far_forms, **forms}[winner]


def _preprints(entries: Sequence[Entry]) -> list[Entry]:
    return [entry for entry in entries if is_preprint(entry.fields.venue)]


def venue_spelling(venue: str, entries: Sequence[Entry], file: Sequence[Entry] = ()) -> str:
    """``venue`` spelled as the neighbours spell the same name (``ArXiv``, ``arxiv``,
    ``Neurips``; a preprint as ``Preprint`` where the list says so): the list's name and
    case, not the metadata's."""

    def key(name: str) -> str:  # the preprint servers' names are one: "Preprint", "arXiv"
        return "preprint" if is_preprint(name) else name.casefold()

    wanted = key(venue)

    def spellings(voters: Sequence[Entry]) -> Counter[str]:  # (never another paper's id)
        names = (e.fields.venue for e in voters if not re.search(r"\d", e.fields.venue))
        return Counter(name for name in names if key(name) == wanted)

    return majority(spellings(entries), spellings(file)) or venue


def _gaps(layout: Layout) -> list[tuple[tuple[object, object], str]]:
    """Each literal of a layout, keyed by the slots on either side of it."""
    return [(_key(layout, i), part) for i, part in enumerate(layout) if isinstance(part, str)]


def _literal_votes(entries: Iterable[Entry]) -> dict[tuple[object, object], Counter[str]]:
    votes: dict[tuple[object, object], Counter[str]] = {}
    for entry in entries:
        for key, text in _gaps(entry.layout):
            votes.setdefault(key, Counter())[text] += 1
    return votes


#: How many entries nearest the new one, all writing a literal alike, make a run it joins.
_RUN = 3


def smooth(layout: Layout, neighbours: Sequence[Entry], file: Sequence[Entry] = ()) -> Layout:
    """``layout`` with each literal between two slots written as most neighbours write it.

    A layout is chosen whole; the text between two of its slots (``.** `` after a bold
    title, ``* [[`` before a link) is then voted on by every neighbour that has the same
    two slots side by side, so one neighbour's slip is not copied; when the neighbours
    are split evenly, the file's entries decide. The entries nearest the new one outvote
    the rest where they all agree: a list added to in batches (a run of rows padded
    ``| Keywords  |``, another of ``| ICML|``) gets the new entry written as the batch it
    joins, as a maintainer copying the lines around it writes it. Only spacing and
    punctuation are voted on: markup (brackets, emphasis) stays as the layout has it.
    """
    near, far = _literal_votes(neighbours), _literal_votes(file)
    run = _literal_votes(neighbours[:_RUN]) if len(neighbours) >= _RUN else {}
    parts = list(layout)
    for index, part in enumerate(layout):
        key = _key(layout, index)
        counter = near.get(key)
        if not isinstance(part, str) or not counter:
            continue
        text = majority(counter, far.get(key))
        assert text is not None
        count, total = counter[text], sum(counter.values())
        others = far.get(key, Counter())
        settled = count * 2 > total or (
            count * 2 == total and others[text] * 2 > sum(others.values())
        )
        if len(local := run.get(key, Counter())) == 1 and sum(local.values()) == _RUN:
            text, settled = next(iter(local)), True
        if settled and _punctuation_only(text, part):
            parts[index] = text
        elif "\n" in part:
            parts[index] = _smooth_lines(part, counter, far.get(key, Counter()))
        written = parts[index]
        if isinstance(written, str) and (unmarked := _unmarked(written)) in counter:
            parts[index] = unmarked  # a favourite's mark, where others written alike have none
    return tuple(parts)


def mark_only(text: str) -> bool:
    """Is ``text`` a mark and nothing else (``:heavy_check_mark:``, ``⭐``)?"""
    return bool(text.strip()) and not _unmarked(text).strip()


_SHORTCODE_MARK = re.compile(r"[ \t]*:[a-z0-9_+-]{2,30}:(?=[ \t]*$)")


def _unmarked(text: str) -> str:
    """``text`` without the pictographs in it (``👍``, ``🔥``, ``⭐``; ``- 🔥 **`` is ``- **``).

    A pictograph that some entries carry where the others, written alike, have nothing is
    the maintainer's mark on a favourite (``* 👍**AdaShare**``): a judgement on the paper,
    not part of the layout, that a new entry does not get. (``📅 Date:`` on every entry's
    date line stays: no entry writes that line without it.)"""
    kept: list[str] = []
    skip_space = False
    text = _SHORTCODE_MARK.sub("", text)  # (":heavy_check_mark:" after a paper with code)
    for char in text:
        if _pictograph(char) or (char == "\ufe0f" and skip_space):
            skip_space = True
            continue
        if not (skip_space and char == " " and kept and kept[-1] == " "):
            kept.append(char)
        skip_space = False
    return "".join(kept)


def _pictograph(char: str) -> bool:
    return ord(char) >= 0x2190 and unicodedata.category(char) == "So"


def _smooth_lines(part: str, near: Counter[str], far: Counter[str]) -> str:
    """A literal over several lines, voted line by line where the whole is not settled: the
    spaces before a line break, a blank line's spaces, the next line's indentation are
    each written as most neighbours write them (``"\n    \n    "`` among ``"\n\n   "``,
    ``"\n\n    "``, ``" \n\n  "``: the blank line is empty), never the markup."""
    lines = part.split("\n")
    voted = []
    for index, line in enumerate(lines):
        counts: Counter[str] = Counter()
        wider: Counter[str] = Counter()
        for votes, into in ((near, counts), (far, wider)):
            for text, count in votes.items():
                theirs = text.split("\n")
                if len(theirs) == len(lines):
                    into[theirs[index]] += count
        winner = majority(counts, wider)
        settled = winner is not None and counts[winner] * 2 > sum(counts.values())
        voted.append(
            winner if settled and winner is not None and _punctuation_only(winner, line) else line
        )
    return "\n".join(voted)


def _key(layout: Layout, index: int) -> tuple[object, object]:
    """The slots on either side of a layout's part."""
    before = layout[index - 1] if index else None
    after = layout[index + 1] if index + 1 < len(layout) else None
    return before, after


def _punctuation_only(text: str, other: str) -> bool:
    """Do two literals differ only in spacing and sentence punctuation (never in markup)?"""
    return re.sub(r"[\s.,;:]", "", text) == re.sub(r"[\s.,;:]", "", other)


def stop_after_stop(entries: Iterable[Entry]) -> bool:
    """Does the file write its full stop after a title that ends a sentence itself
    (``Know?.**``)? Most lists do not (``Know?**``); those that do, do it throughout."""
    votes: Counter[bool] = Counter()
    for entry in entries:
        if not entry.fields.title.rstrip().endswith(("?", "!", ".")):
            continue
        for index, part in enumerate(entry.layout[:-1]):
            following = entry.layout[index + 1]
            if isinstance(part, Slot) and part.field == "title" and isinstance(following, str):
                votes[bool(STOP_AFTER_STOP.match(part.after + following))] += 1
    return votes[True] > votes[False]


STOP_AFTER_STOP = re.compile(r"^([*_\"'”’]*)\.")
