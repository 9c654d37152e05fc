"""Literal text of a layout that is one entry's own data, never to be copied into another.

The reader leaves in an entry's layout every byte it did not read as a field: the
list's markup and labels (``**. <br />``, ``- 论文/Paper:``), but also what it did
not recognise of the entry itself (a neighbour's ``(NAACL 2022)``, ``EMNLP 2020``,
a remark in parentheses, names after the links). A new entry written in such a
layout would carry that neighbour's data. A word of a literal is *foreign* to a
new entry when it is a year, or when it is neither written by most of the
neighbours (labels and markup are: each entry carries them) nor one of the new
entry's own values. ``layout.choose`` ranks a layout with foreign words after every
layout that places as much of the new entry, and ``scrub`` takes them out of one
chosen for want of a better.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

from bot.lists.entry import Entry, Fields, Slot
from bot.lists.votes import Layout

# What a literal's words are read from: markup, addresses and shortcodes are not words.
_NOT_WORDS = re.compile(
    r"<[^>\n]*>|&#?\w+;|\]\([^)\s]*\)|https?://\S+|:[a-z0-9_+-]{1,30}:", re.IGNORECASE
)
_WORD = re.compile(r"[^\W\d_]{2,}|\d+")
# What is kept of a neighbour's sentence: the line breaks and cell borders around it.
_LEADING_MARKUP = re.compile(r"[)\]]*[ \t]*(?:<br\s*/?>[ \t]*)*", re.IGNORECASE)
_MARKUP_KEPT = re.compile(r"(?P<s>\s*)(?P<m><br\s*/?>|(?<!\\)\|)", re.IGNORECASE)
_YEAR = re.compile(r"(?:19|20)\d\d")


def words(text: str) -> list[str]:
    """The words of ``text`` outside markup and addresses, folded (``NAACL`` -> ``naacl``)."""
    return [word.casefold() for word in _WORD.findall(_NOT_WORDS.sub(" ", text))]


def _entry_words(entry: Entry) -> set[str]:
    """The words of an entry's layout: its literals and its slots' own markup."""
    found: set[str] = set()
    for part in entry.layout:
        if isinstance(part, Slot):
            found.update(words(part.before + " " + part.after))
        else:
            found.update(words(part))
    return found


def shared_words(neighbours: Sequence[Entry], file: Sequence[Entry] = ()) -> set[str]:
    """The words more than half of the ``neighbours`` write: the list's labels and markup.
    Two neighbours or one cannot tell a label from an entry's own words: the ``file``'s
    entries do then, more than half of them, or a quarter where every neighbour writes the
    word too (the "in" of "- in SIGIR 2023", in a file whose other sections are written
    otherwise)."""
    if len(neighbours) >= 3 or not file:
        return _written_by(neighbours, 2)
    every = set.intersection(*map(_entry_words, neighbours)) if neighbours else set()
    return _written_by(file, 2) | (every & _written_by(file, 4))


def _written_by(voters: Sequence[Entry], share: int) -> set[str]:
    """The words more than one in ``share`` of the ``voters`` write."""
    counts: Counter[str] = Counter()
    for entry in voters:
        counts.update(_entry_words(entry))
    return {word for word, count in counts.items() if count * share > len(voters)}


def own_words(fields: Fields) -> set[str]:
    """The words of a new entry's values: they may stand where a neighbour wrote its own."""
    names = fields.authors.names if fields.authors else ()
    values: Iterable[str] = (
        fields.title,
        fields.nickname or "",
        fields.venue,
        str(fields.year or ""),
        *names,
        *(text for _, text in fields.texts),
    )
    return {word for value in values for word in words(value)}


def _foreign(word: str, shared: set[str], own: set[str], year: int | None) -> bool:
    if _YEAR.fullmatch(word):
        return word != str(year)
    if word.isdigit():
        return False  # a count, a number in a label ("Top 10")
    return word not in shared and word not in own


def _labels(layout: Layout) -> set[str]:
    """The words of the layout's slot keys: a link's label (``主页/Website：`` before the
    ``主页/website`` link), a column's name, written wherever the slot is."""
    return {word for part in layout if isinstance(part, Slot) for word in words(part.key)}


def foreign_words(layout: Layout, fields: Fields, shared: set[str]) -> list[str]:
    """The words of ``layout``'s literals that are a neighbour's data for ``fields``."""
    own = own_words(fields) | _labels(layout)
    return [
        word
        for part in layout
        if isinstance(part, str)
        for word in words(part)
        if _foreign(word, shared, own, fields.year)
    ]


# A run of foreign words with what joins them, and the brackets or spacing around it.
_EMPTY_BRACKETS = re.compile(r"\(\s*\)|\[\s*\]|\{\s*\}|（\s*）")
_DOUBLE_STOP = re.compile(r"([.,;:])(?:\s*[.,;:])+")


def scrub(layout: Layout, fields: Fields, shared: set[str]) -> Layout:
    """``layout`` with its literals' foreign words left out, with the brackets and
    punctuation that held only them (``**. (NAACL 2022) <br />`` -> ``**. <br />``)."""
    own = own_words(fields) | _labels(layout)
    parts: list[str | Slot] = []
    for part in layout:
        if isinstance(part, Slot) or not any(
            _foreign(word, shared, own, fields.year) for word in words(part)
        ):
            parts.append(part)
            continue
        parts.append(_scrub_text(part, shared, own, fields.year))
    return tuple(parts)


def _scrub_text(text: str, shared: set[str], own: set[str], year: int | None) -> str:
    found = [w for w in _WORD.finditer(text) if not _inside_markup(text, w.start())]
    foreign = [w for w in found if _foreign(w.group(0).casefold(), shared, own, year)]
    lettered = sum(not word.group(0).isdigit() for word in found)  # (a number says nothing)
    if lettered >= 3 and len(foreign) * 2 > lettered:
        # a neighbour's own sentence with a word of the list's here and there ("...: (1)
        # attention subblock pruning"): all of it goes, not the words alone
        return _markup_of(text)
    kept: list[str] = []
    at = 0
    for word in foreign:
        kept.append(text[at : word.start()])
        at = word.end()
    kept.append(text[at:])
    out = "".join(kept)
    out = _EMPTY_BRACKETS.sub("", out)
    out = _DOUBLE_STOP.sub(r"\1", out)
    out = re.sub(r"(?<=\S)[ \t]{2,}(?=\S)", " ", out)
    return re.sub(r"^[ \t]+(?=[.,;:])", "", out)


def _markup_of(text: str) -> str:
    """What is kept of a neighbour's sentence: the markup that closes what came before it,
    and its line breaks and cell borders (``) <br> | ``), not its punctuation."""
    found = _LEADING_MARKUP.match(text)
    lead = found.group(0) if found else ""
    rest = text[len(lead) :]
    kept = "".join((" " if m["s"] else "") + m["m"] for m in _MARKUP_KEPT.finditer(rest.rstrip()))
    if not kept:
        return lead
    return lead.rstrip() + kept + rest[len(rest.rstrip()) :]


def _inside_markup(text: str, at: int) -> bool:
    return any(m.start() <= at < m.end() for m in _NOT_WORDS.finditer(text))
