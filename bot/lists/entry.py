"""One entry of a paper list: its fields, and its layout as a template with slots.

``bot.lists.read.read_entry`` reads the text of one entry (a list item, a bold paragraph with
its sub-bullets, a heading with its link bullets, a table row) into
``Fields``, and keeps every byte that is not a field as *layout*: the entry's
text with each field replaced by a ``Slot``. A slot carries its own markup
(``[[Code](`` ... ``)]``, ``<u>`` ... ``</u>: ``) so that a field a new paper
lacks can be left out with it. Nothing here knows a particular list's style:
the layout is whatever the entry is, the fields are what it says.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.lists.inline import Link, unescape
from bot.lists.values import Authors, Date


@dataclass(frozen=True)
class Slot:
    """Where a field goes in a layout, with the markup that comes and goes with it.

    ``before`` and ``after`` may hold ``{value}`` (the value again: a link whose
    text is its URL) or ``{shields}`` (the value as a shields.io badge path).
    """

    field: str  # number title nickname authors venue year date url text
    key: str = ""  # url: "title" or a link label; text: "tags", "description", a column
    before: str = ""
    after: str = ""


@dataclass(frozen=True)
class Fields:
    """What an entry says, as values (Markdown escapes resolved, except in raw ``texts``)."""

    title: str = ""
    nickname: str | None = ""  # None: not known (a new paper's, guessed from its title)
    authors: Authors | None = None
    venue: str = ""
    year: int | None = None
    date: Date | None = None
    number: int | None = None
    urls: tuple[tuple[str, str], ...] = ()  # (key, url): "title" is the title's own link
    texts: tuple[tuple[str, str], ...] = ()  # (key, Markdown as written): tags, descriptions

    def url(self, key: str) -> str | None:
        return next((url for name, url in self.urls if name == key), None)

    def text(self, key: str) -> str | None:
        return next((text for name, text in self.texts if name == key), None)


@dataclass(frozen=True)
class Entry:
    """An entry's fields, its layout, and the form each slot's value was written in."""

    fields: Fields
    layout: tuple[str | Slot, ...]
    forms: tuple[tuple[tuple[str, str], object], ...] = ()
    kind: str = "item"  # item, paragraph, heading, row, html-row (see ``bot.lists.read``)
    text: str = ""  # as written

    def slots(self) -> list[Slot]:
        return [part for part in self.layout if isinstance(part, Slot)]

    def form(self, slot: Slot) -> object:
        return next((form for key, form in self.forms if key == (slot.field, slot.key)), None)


@dataclass(frozen=True)
class Claim:
    """A span of the entry's text that holds a field (with the slot's own markup)."""

    start: int
    end: int
    slot: Slot
    value: object
    form: object = None


@dataclass
class Reading:
    """The claims made on one entry's text so far (see ``tail`` for the recognisers)."""

    text: str
    claims: list[Claim] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)

    def claim(self, start: int, end: int, slot: Slot, value: object, form: object = None) -> None:
        if any(c.start < end and start < c.end for c in self.claims):
            return  # a span is one field at most; the first reading wins
        self.claims.append(Claim(start, end, slot, value, form))

    def free(self, start: int, end: int) -> bool:
        return not any(c.start < end and start < c.end for c in self.claims)

    def has(self, name: str) -> bool:
        return any(c.slot.field == name for c in self.claims)


def plain(text: str) -> str:
    """A field's text as it reads (escapes and entities resolved, white space folded)."""
    return unescape(text)
