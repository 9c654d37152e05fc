"""A labelled link the chosen layout has no slot for: written as the list writes its links.

An entry with a ``[[Blog]]`` or ``[[Project]]`` link among neighbours that only have
``[[Paper]]`` and ``[[Code]]`` keeps it: it goes after the layout's last labelled
link, in that link's markup (``[[Label](url)]``, ``[label](url)``), separated as the
list separates two links, its label in the case the list writes labels
(``Blog``, ``blog``, ``BLOG``); where each link has a line of its own (``- Code:
url``), on a line like the last one. A maintainer copying the entry above does the
same.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence

from bot.lists.entry import Entry, Fields, Slot
from bot.lists.votes import EMPTY, Layout, majority


def _label(slot: Slot) -> re.Match[str] | None:
    """Where a labelled link slot's markup names its label (``[[Paper](``: ``Paper``)."""
    if slot.field != "url" or slot.key in ("", "title", "link") or "{value}" in slot.before:
        return None
    if not slot.before.endswith("]("):
        return None
    return re.search(re.escape(slot.key), slot.before, re.IGNORECASE)


def _cased(key: str, written: str) -> str:
    """``key`` (a label as compared: lower case) in the case ``written`` shows."""
    if written.isupper() and written != written.lower():
        return key.upper()
    if written == written.lower():
        return key
    if written == written.title():
        return key.title()
    return key[:1].upper() + key[1:]


def _between_links(entries: Sequence[Entry]) -> Counter[str]:
    """The literals the entries write between two links (``" "``, ``", "``; ``""`` for
    ``[[paper](...)][[code](...)]``, where the layout has no literal between them)."""
    votes: Counter[str] = Counter()
    for entry in entries:
        links = [
            (index, part)
            for index, part in enumerate(entry.layout)
            if isinstance(part, Slot) and _label(part) is not None
        ]
        for (first, _), (second, _) in itertools.pairwise(links):
            between = entry.layout[first + 1 : second]
            if len(between) == 1 and isinstance(between[0], str):
                votes[between[0]] += 1
            elif not between:
                votes[""] += 1
    return votes


def _line_label(layout: Layout, index: int) -> tuple[str, re.Match[str]] | None:
    """A link on its own line after its label (``- Code: url``): the line's text before
    the link, and where it names the label."""
    slot, text = layout[index], layout[index - 1] if index else None
    if not isinstance(slot, Slot) or slot.field != "url" or slot.key in ("", "title"):
        return None
    if not isinstance(text, str) or "\n" not in text:
        return None
    line = text.rpartition("\n")[2]
    found = re.search(re.escape(slot.key), line, re.IGNORECASE)
    return (line, found) if found else None


def _last_link(layout: Layout) -> int | None:
    return max(
        (
            i
            for i, part in enumerate(layout)
            if isinstance(part, Slot) and (_label(part) or _line_label(layout, i))
        ),
        default=None,
    )


def extra_links(layout: Layout, fields: Fields) -> list[str]:
    """The labels of ``fields``' links ``layout`` has no slot for but can take after its last
    labelled link (none when it has no labelled link to copy)."""
    return _unslotted(layout, fields) if _last_link(layout) is not None else []


def _unslotted(layout: Layout, fields: Fields) -> list[str]:
    """The labels of ``fields``' links ``layout`` has no slot for."""
    keys = {part.key for part in layout if isinstance(part, Slot) and part.field == "url"}
    extras = (
        key
        for key, url in fields.urls
        if not key.startswith("@") and key not in keys and url not in EMPTY
    )
    return list(dict.fromkeys(extras))


def with_extra_links(
    layout: Layout, fields: Fields, neighbours: Sequence[Entry], file: Sequence[Entry] = ()
) -> Layout:
    """``layout`` with a slot for each labelled link of ``fields`` it has no slot for."""
    last = _last_link(layout)
    extras = _unslotted(layout, fields) if last is not None else []
    if not extras or last is None:
        return layout
    template = layout[last]
    assert isinstance(template, Slot)
    found = _label(template)
    added: list[str | Slot] = []
    if found is None:  # one link a line: a line like the last one
        line, named = _line_label(layout, last) or ("", None)
        assert named is not None
        for key in extras:
            label = _cased(key, named.group(0))
            added += [
                "\n" + line[: named.start()] + label + line[named.end() :],
                Slot("url", key, template.before, template.after),
            ]
        return (*layout[: last + 1], *added, *layout[last + 1 :])
    separator = majority(_between_links(neighbours), _between_links(file))
    separator = " " if separator is None else separator
    for key in extras:
        label = _cased(key, found.group(0))
        before = template.before[: found.start()] + label + template.before[found.end() :]
        added += [separator, Slot("url", key, before, template.after)]
    return (*layout[: last + 1], *added, *layout[last + 1 :])
