"""The .bib layout round trip: take an entry out, write it again from its own fields.

For each entry of a real file: the file without that entry teaches the editor its style;
the entry's own fields become a ``PaperRecord`` (its key as ``citation_key``, its names
as written); the editor renders the entry; the result must be the entry's own lines.
An entry is *representable* when each of its fields is one the editor can write from a
record (``title``, ``author``, venue, ``year``, ``pages``, ``doi``, ...) or one the
file's entries of its kind make from the arXiv id or a constant (``eprint``,
``archivePrefix``, ``SLACcitation``); bookkeeping (``timestamp``, ``file``) and free text
(``abstract``, ``keywords``, ``note``) are not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.editors.bibtex import learn, render_entry
from bot.editors.bibtex.editor import string_macros
from bot.editors.bibtex.learn import learn_style
from bot.editors.bibtex.reading import EntryInfo, bib_names, inner
from bot.editors.bibtex.style import CANONICAL
from bot.editors.dates import find_date
from bot.references.bibtex import expand_entries
from bot.references.common import normalize_newlines
from bot.suggestions import PaperRecord
from bot.text import latex
from tests.conftest import RENDERER

WRITABLE = frozenset(CANONICAL) - {"howpublished", "note"}
_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]


def _month(value: str) -> int | None:
    value = value.strip().lower()
    if value.isdigit():
        return int(value)
    return _MONTHS.index(value[:3]) + 1 if value[:3] in _MONTHS else None


def record_of(entry: EntryInfo, expanded: dict[str, str]) -> PaperRecord:
    """The entry's own fields (``@string`` macros expanded) as a record, as close to
    what it says as a record holds: names as written, its type, its key."""
    text = {name: latex.decode(value) for name, value in expanded.items()}
    raw = {name: inner(item) for name, item in entry.fields.items()}
    venue = text.get("journal") or text.get("journaltitle") or text.get("booktitle")
    if entry.preprint:
        venue = None
    date = text.get("date", "")
    month = _month(text["month"]) if "month" in text else None
    if month is None and re.match(r"\d{4}-\d{2}", date):
        month = int(date[5:7])
    authors = []
    for name in bib_names(expanded.get("author", "")):
        braced = name.startswith("{") and name.endswith("}")
        authors.append("{" + latex.decode(name[1:-1]) + "}" if braced else latex.decode(name))
    if re.search(r"\sand\s+others\s*$", expanded.get("author", "")):
        authors.append("others")
    return PaperRecord(
        title=text.get("title", ""),
        authors=tuple(authors),
        year=entry.year,
        venue=venue,
        published_venue=venue,
        arxiv=entry.arxiv,
        doi=raw.get("doi", "").replace("\\_", "_") or None,
        url=raw.get("url", "").replace("\\_", "_") or None,
        month=month,
        volume=text.get("volume") or None,
        number=text.get("number") or None,
        pages=text.get("pages") or None,
        publisher=text.get("publisher") or None,
        primary_class=raw.get("primaryclass") or raw.get("eprintclass") or None,
        citation_key=entry.key,
        kind=entry.type,
    )


@dataclass(frozen=True)
class Outcome:
    key: str
    representable: bool
    same: bool
    why: str  # the first line that differs, or why the entry is not representable
    # The entry without the fields no record holds (timestamps, abstracts, report
    # numbers...) against what was written: the layout round trip; None when the
    # entry has LaTeX beyond text, no title or fields that do not sit on lines of their own.
    layout_same: bool | None = None


def round_trip(text: str) -> list[Outcome]:
    """Every regular entry of the .bib ``text``, written again from its own fields."""
    text = normalize_newlines(text)
    lines = text.split("\n")
    whole, entries, blocks = learn(text)
    expanded = {e.key: e.fields for e in expand_entries(text)[0]}
    macros = string_macros(blocks)
    outcomes = []
    for index, entry in enumerate(entries):
        start = entry.first_line if whole.comment else entry.block.line - 1
        end = entry.block.end_line
        # The style of the file without this entry (the others' offsets stay valid).
        style = learn_style(text, entries[:index] + entries[index + 1 :], macros)
        extra = sorted(set(entry.fields) - WRITABLE - _made_by(style, entry))
        extra += [f"{n} (a # concatenation)" for n, f in entry.fields.items() if f.delimiter == "#"]
        if "title" not in entry.fields:
            extra.append("no title")
        if sum(n in entry.fields for n in ("journal", "journaltitle", "booktitle")) > 1:
            extra.append("two venues")
        for name in ("title", "author"):
            if _beyond_text(inner(entry.fields[name]) if name in entry.fields else ""):
                extra.append(f"LaTeX beyond text in its {name}")
        day = find_date(entry.comment) if entry.comment else None
        record = record_of(entry, expanded.get(entry.key, {}))
        written = render_entry(record, entry.key, style, RENDERER, day.date if day else None)
        own = lines[start:end]
        same = written == own
        why = ", ".join(extra) if extra else _first_difference(own, written)
        kept = _without(text, entry, set(entry.fields) - WRITABLE - _made_by(style, entry), start)
        structural = [r for r in extra if r == "no title" or r.startswith(("LaTeX", "two"))]
        layout = None
        if kept is not None and not structural and "#" not in why:
            layout = _last_comma(kept) == _last_comma(written)
        outcomes.append(Outcome(entry.key, not extra, same, why, layout))
    return outcomes


def _without(text: str, entry: EntryInfo, names: set[str], start: int) -> list[str] | None:
    """The entry's lines less those of the fields ``names`` (None if one shares a line)."""
    lines = text.split("\n")
    drop: set[int] = set()
    for item in entry.block.fields:
        if item.name.lower() not in names:
            continue
        first, last = text.count("\n", 0, item.start), text.count("\n", 0, item.end)
        after = lines[last][len(lines[last]) - len(text[item.end :].split("\n", 1)[0]) :]
        if lines[first][: len(item.indent or "x")].strip() or after.strip() not in {"", ","}:
            return None
        drop.update(range(first, last + 1))
    own = enumerate(lines[start : entry.block.end_line], start)
    kept = [line for i, line in own if i not in drop]
    while len(kept) > 2 and not kept[-2].strip():  # a group of fields left empty
        del kept[-2]
    return kept


def _last_comma(lines: list[str]) -> list[str]:
    """The lines with the comma after the last field taken off (its presence follows the
    file's trailing-comma habit, which the fields taken out decided)."""
    out = list(lines)
    for index in range(len(out) - 2, -1, -1):
        if out[index].strip():
            out[index] = out[index].rstrip().removesuffix(",")
            break
    return out


def _beyond_text(value: str) -> bool:
    """Math or commands other than accents and escapes: a record holds plain text only."""
    return "$" in value or bool(re.search(r"\\(?![`'^\"~=.uvcHkbdrt]\W?|[&%#_]|[ij]\b)", value))


def _made_by(style: object, entry: EntryInfo) -> set[str]:
    """Fields the file's entries of this kind make from the arXiv id or a constant."""
    from bot.editors.bibtex.style import BibStyle

    assert isinstance(style, BibStyle)
    shape = style.shape("preprint" if entry.preprint else entry.type)
    return {name for name, template in shape.fields if template} if shape else set()


def _first_difference(own: list[str], written: list[str]) -> str:
    for a, b in zip(own, written, strict=False):
        if a != b:
            return f"{a.strip()!r} became {b.strip()!r}"
    if len(own) != len(written):
        return f"{len(own)} lines became {len(written)}"
    return ""


def share(outcomes: list[Outcome]) -> tuple[int, int]:
    """(entries that round-trip, representable entries)."""
    representable = [o for o in outcomes if o.representable]
    return sum(o.same for o in representable), len(representable)


def layout_share(outcomes: list[Outcome]) -> tuple[int, int]:
    """(entries whose layout round-trips, entries the layout trip applies to)."""
    measured = [o for o in outcomes if o.layout_same is not None]
    return sum(bool(o.layout_same) for o in measured), len(measured)
