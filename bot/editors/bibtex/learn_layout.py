"""The layout of a .bib file's entries: spacing, alignment, wrapping, order, groups.

Measured on the entries as written (``bot.references.bibtex_split`` keeps every field's
spacing and offsets): indentation and the blanks around ``=``, a fixed ``=`` column
(DBLP's, JabRef's) or one per entry, where a value's continuation lines start, the
width long values wrap at, one author a line, delimiters per field, blank lines
between entries and inside them (JabRef's second group), the order fields come in,
spelling of types and field names, and a dated comment above each entry.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from bot.editors.bibtex.columns import width
from bot.editors.bibtex.reading import EntryInfo, bib_names, inner
from bot.editors.common import mode
from bot.editors.dates import DateFormat, detect_format, find_date
from bot.references.bibtex_split import BibField

_PLAIN_NAME = re.compile(r"[A-Za-z][\w\-]*")


_BLANKS = re.compile(r"[ \t]*")
# Fields a tool keeps for itself or that only a person can write: never invented.


def _layout(item: BibField) -> tuple[str, str, str, str] | None:
    """(indent, name, blanks before and after ``=``) of a field on a line of its own."""
    if (
        item.indent is None
        or not _BLANKS.fullmatch(item.indent)
        or not _PLAIN_NAME.fullmatch(item.name)
        or not _BLANKS.fullmatch(item.before_eq)
    ):
        return None
    rest = item.after_eq.lstrip(" \t")
    after = item.after_eq[: len(item.after_eq) - len(rest)]
    return item.indent, item.name, item.before_eq, after


@dataclass(frozen=True)
class Spacing:
    indent: str
    before: str
    after: str
    column: int | None  # as shown (columns.width): Emacs reaches it with tabs
    extra: int | None
    tabs: bool  # the blanks before an aligned "=" are tabs (then spaces)


def spacing(entries: Sequence[EntryInfo]) -> Spacing:
    indents: list[str] = []
    befores: list[str] = []
    afters: list[str] = []
    fixed: list[int] = []
    extras: list[int] = []
    aligned_votes: list[bool] = []
    tab_votes: list[bool] = []
    for entry in entries:
        columns: list[tuple[int, int]] = []  # ("=" column, where the name ends)
        names: set[int] = set()
        for item in entry.block.fields:
            layout = _layout(item)
            if layout is None:
                continue
            indent, name, before, after = layout
            indents.append(indent)
            befores.append(before)
            afters.append(after)
            columns.append((width(indent + name + before), width(indent + name)))
            names.add(len(name))
        if len(columns) >= 2 and len(names) >= 2:
            # Aligned: every "=" at one column, but for names too long for it (DBLP's
            # archivePrefix), which get one space.
            at = Counter(c for c, _ in columns).most_common(1)[0][0]
            aligned = all(c == at or (end >= at and c == end + 1) for c, end in columns)
            aligned_votes.append(aligned)
            if aligned:
                fixed.append(at)
                extras.append(at - max(end for c, end in columns if c == at))
                tab_votes.extend("\t" in item.before_eq for item in entry.block.fields)
    column: int | None = None
    extra: int | None = None
    if mode(aligned_votes, False):
        best_fixed = Counter(fixed).most_common(1)[0][1]
        best_extra = Counter(extras).most_common(1)[0]
        if best_extra[1] > best_fixed:
            extra = best_extra[0]
        else:
            column = mode(fixed, 0)
    tabs = bool(mode(tab_votes, False))
    return Spacing(mode(indents, "  "), mode(befores, ""), mode(afters, ""), column, extra, tabs)


def way_of_writing(entry: EntryInfo) -> tuple[str, str, str, str] | None:
    """How one entry writes its fields: indentation, the blanks before ``=`` ("" none,
    " " one, "aligned" more: a column that varies with the name), the blanks after it
    and the case of the names, each the entry's own majority; None for an entry with no
    field on a line of its own. Entries pasted from one tool (BibDesk, Google Scholar,
    DBLP) share it."""
    found = [layout for item in entry.block.fields if (layout := _layout(item))]
    if not found:
        return None
    before = mode((b for _, _, b, _ in found), "")
    return (
        mode((indent for indent, _, _, _ in found), ""),
        before if before in ("", " ") else "aligned",
        mode((after for _, _, _, after in found), ""),
        mode((case_of(name) for _, name, _, _ in found if name.isalpha()), "lower"),
    )


def one_way(entries: Sequence[EntryInfo]) -> Sequence[EntryInfo]:
    """The entries written the way most of the file's are (see ``way_of_writing``), with
    those that show no way. A file that grew by pasting from several tools is learnt
    from its commonest one, so that a new entry looks like some entry of the file and
    not like a mix of all of them (capitalised names from one tool, lower-case from
    another)."""
    ways = [way_of_writing(entry) for entry in entries]
    best = mode((way for way in ways if way is not None), None)
    return [entry for entry, way in zip(entries, ways, strict=True) if way in (best, None)]


def _value_index(text: str, item: BibField) -> int:
    """Where on its first line ``item``'s value text starts (after its delimiter)."""
    line_start = text.rfind("\n", 0, item.start) + 1
    value_start = item.end - len(item.value)
    opener = 1 if item.value[:1] in '{"' else 0
    return value_start + opener - line_start


def _value_column(text: str, item: BibField) -> int:
    """The same as a column as shown (a tab before it runs to its tab stop)."""
    line_start = text.rfind("\n", 0, item.start) + 1
    return width(text[line_start : line_start + _value_index(text, item)])


def continuation(text: str, entries: Sequence[EntryInfo]) -> tuple[tuple[str, int], bool]:
    """Where a value's next lines start (relative to its first character, at a fixed
    column, or after JabRef 2's tabs), and whether the blanks before them are tabs as
    far as they go (Emacs's BibTeX mode), all in columns as shown."""
    votes: list[tuple[str, int]] = []
    tab_votes: list[bool] = []
    for entry in entries:
        for item in entry.block.fields:
            if "\n" not in item.value:
                continue
            column = _value_column(text, item)
            for line in item.value.split("\n")[1:]:
                if not line.strip():
                    continue
                blanks = line[: len(line) - len(line.lstrip(" \t"))]
                lead = width(blanks)
                if lead >= column - 1:
                    votes.append(("rel", lead - column))
                elif blanks == "\t" * len(blanks):
                    votes.append(("tab", len(blanks)))  # JabRef 2's one tab
                    continue
                else:
                    votes.append(("abs", lead))
                tab_votes.append("\t" in blanks)
    return mode(votes, ("rel", 0)), mode(tab_votes, False)


_KEY_GAP = re.compile(r"@[ \t]*[A-Za-z]+[ \t]*[{(]([ \t]*)")


def key_column(entries: Sequence[EntryInfo]) -> tuple[int, bool] | None:
    """The column, as shown, most entries' keys start at when blanks come between the
    brace and the key (Emacs's ``@Article{<tab>  Key,``), and whether those blanks
    are tabs; None when the key follows the brace."""
    votes: list[tuple[int, bool] | None] = []
    for entry in entries:
        found = _KEY_GAP.match(entry.block.raw)
        if found:
            gap = found.group(1)
            votes.append((width(found.group(0)), "\t" in gap) if gap else None)
    return mode(votes, None)


def _field_lines(text: str, item: BibField) -> list[str]:
    start = text.rfind("\n", 0, item.start) + 1
    end = text.find("\n", item.end)
    return text[start : len(text) if end < 0 else end].split("\n")


def wrap_rule(text: str, entries: Sequence[EntryInfo]) -> tuple[int | None, int | None]:
    """(width lines are filled up to, width lines run past): the rule of the two that
    explains more of the file's lines, when one does (a few long lines in a short file
    fit a filling width too)."""
    filled = _fill_width(text, entries)
    overflow = _overflow_width(text, entries)
    if overflow is not None and (filled is None or overflow[1] > filled[1]):
        return None, overflow[0]
    return (filled[0] if filled else None), None


def _fill_width(text: str, entries: Sequence[EntryInfo]) -> tuple[int, float] | None:
    """The width long values are wrapped at, when the file wraps them: the width that
    explains the most of its line lengths and line breaks (at least 90% of them; a
    tool's count and ours differ on LaTeX-heavy lines, so not all), and that share.
    Lines are measured as shown, as Emacs fills them (a tab to its tab stop)."""
    lengths: list[int] = []  # every field line: must fit
    breaks: list[int] = []  # line + next word: must not have fitted
    wrapped = 0
    for entry in entries:
        per_name = _one_name_a_line(entry)
        for item in entry.block.fields:
            if item.name.lower() in {"author", "editor"} and per_name:
                continue
            lines = [line.rstrip() for line in _field_lines(text, item)]
            lengths.extend(width(line) for line in lines)
            if len(lines) == 1:
                continue
            wrapped += 1
            for this, after in pairwise(lines):
                following = after.split()
                if following:
                    breaks.append(width(this) + 1 + len(following[0]))
    if wrapped < 2 or not breaks:
        return None
    observed = len(lengths) + len(breaks)
    lengths.sort()
    breaks.sort()

    def explained(width: int) -> int:
        fitting = bisect.bisect_right(lengths, width)
        return fitting + len(breaks) - bisect.bisect_right(breaks, width)

    best = max(range(40, 200), key=lambda width: (explained(width), -abs(width - 80)))
    share = explained(best) / observed
    return (best, share) if share >= 0.9 else None


def _overflow_width(text: str, entries: Sequence[EntryInfo]) -> tuple[int, float] | None:
    """The width of JabRef 2's wrapping, when the file wraps that way: counted from the
    value's opening brace (a continuation line from its start, its tab one character),
    a line runs on to the end of the word that reaches the width. Every wrapped line
    then reaches the width without its last word falling short of it, and no line keeps
    a space at or past it (at least 90% of them); and the share of lines explained."""
    breaks: list[tuple[int, int]] = []  # each line broken: the widths it agrees with
    ends: list[tuple[int, int]] = []  # each value's last line: the same
    wrapped = 0
    for entry in entries:
        per_name = _one_name_a_line(entry)
        for item in entry.block.fields:
            if (item.name.lower() in {"author", "editor"} and per_name) or not item.value:
                continue
            lines = [line.rstrip() for line in _field_lines(text, item)]
            opener = 1 if item.value[:1] in '{"' else 0
            lines[0] = lines[0][_value_index(text, item) - opener :]
            wrapped += len(lines) > 1
            for line in lines[:-1]:
                words = line.split()
                if not words:
                    break
                breaks.append((len(line) - len(words[-1]), len(line)))
            ends.append((lines[-1].rfind(" ") + 1, 10_000))
    if wrapped < 2:
        return None

    def explained(width: int, ranges: list[tuple[int, int]]) -> int:
        return sum(low <= width <= high for low, high in ranges)

    best = max(range(40, 200), key=lambda width: explained(width, breaks + ends))
    share = explained(best, breaks + ends) / len(breaks + ends)
    if explained(best, breaks) < 0.9 * len(breaks) or share < 0.9:
        return None
    return best, share


def _one_name_a_line(entry: EntryInfo) -> bool:
    item = entry.fields.get("author")
    if item is None or "\n" not in item.value:
        return False
    names = bib_names(inner(item))
    value_lines = inner(item).split("\n")
    return (
        len(names) >= 2
        and len(value_lines) == len(names)
        and all(re.search(r"\sand\s*$", line) for line in value_lines[:-1])
    )


def author_joiner(entries: Sequence[EntryInfo]) -> str | None:
    votes: list[str | None] = []
    for entry in entries:
        item = entry.fields.get("author")
        if item is None or len(bib_names(inner(item))) < 2:
            continue
        if _one_name_a_line(entry):
            first = inner(item).split("\n")[0]
            found = re.search(r"\s+and\s*$", first)
            votes.append(found.group(0).rstrip(" \t") if found else " and")
        else:
            votes.append(None)
    return mode(votes, None)


def delimiters(entries: Sequence[EntryInfo]) -> tuple[tuple[str, str], ...]:
    by_name: dict[str, Counter[str]] = defaultdict(Counter)
    for entry in entries:
        for name, item in entry.fields.items():
            kind = item.delimiter
            if kind == "bare" and item.parts[0].kind == "name" and name != "month":
                continue  # a macro (@string) says nothing about delimiters
            if kind != "#":
                by_name[name][kind] += 1
    return tuple(sorted((n, c.most_common(1)[0][0]) for n, c in by_name.items()))


def blank_lines_between(lines: Sequence[str], entries: Sequence[EntryInfo]) -> int:
    gaps = []
    for before, after in pairwise(entries):
        between = lines[before.block.end_line : after.first_line]
        if all(not line.strip() for line in between):
            gaps.append(len(between))
    return mode(gaps, 1)


def field_groups(text: str, entries: Sequence[EntryInfo]) -> tuple[tuple[str, frozenset[str]], ...]:
    """For files that set off some fields with a blank line (JabRef): the fields after it."""
    after: dict[str, Counter[str]] = defaultdict(Counter)
    seen: dict[str, Counter[str]] = defaultdict(Counter)
    grouped = 0
    for entry in entries:
        fields = entry.block.fields
        splits = [
            i
            for i, (a, b) in enumerate(pairwise(fields), 1)
            if "\n\n" in text[a.end : b.start].replace(" ", "").replace("\t", "").replace(",", "")
        ]
        if len(splits) != 1:
            continue  # no blank line, or one after every field (double spacing): no groups
        split = splits[0]
        grouped += 1
        for index, item in enumerate(fields):
            name = item.name.lower()
            for kind in (entry.type, "*"):
                seen[kind][name] += 1
                if index >= split:
                    after[kind][name] += 1
    if grouped < max(2, len(entries) // 2):
        return ()
    return tuple(
        (kind, frozenset(n for n, c in after[kind].items() if c * 2 > seen[kind][n]))
        for kind in sorted(seen)
    )


def precedence(
    entries: Sequence[EntryInfo],
) -> tuple[tuple[str, tuple[tuple[tuple[str, str], int], ...]], ...]:
    tables: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
    for entry in entries:
        names = list(dict.fromkeys(item.name.lower() for item in entry.block.fields))
        for i, first in enumerate(names):
            for second in names[i + 1 :]:
                tables[entry.type][(first, second)] += 1
                tables["*"][(first, second)] += 1
    return tuple((kind, tuple(sorted(counts.items()))) for kind, counts in sorted(tables.items()))


_RECENT = 12


def comment_style(entries: Sequence[EntryInfo]) -> tuple[str, DateFormat, str] | None:
    """How the dated comment above each entry is written, when most entries have one:
    as the newest ones write it (a living review's way of dating drifts over the years:
    HEPML went from '%Nov. 8, 2021' to '% October 31, 2023')."""
    dated = []
    for entry in entries:
        if entry.comment is None:
            continue
        found = find_date(entry.comment)
        if found:
            dated.append((found.date, entry.comment, found.start, found.end))
    if len(dated) < max(2, len(entries) // 2):
        return None
    recent = sorted(dated, key=lambda d: d[0], reverse=True)[:_RECENT]
    before, after = mode(((c[:start], c[end:]) for _, c, start, end in recent), ("% ", ""))
    date_format = detect_format((c for _, c, _, _ in recent), DateFormat("mdy", comma=True))
    return before, date_format, after


def spellings(names: Iterable[str]) -> tuple[tuple[str, str], ...]:
    by_lower: dict[str, Counter[str]] = defaultdict(Counter)
    for name in names:
        by_lower[name.lower()][name] += 1
    return tuple(sorted((low, c.most_common(1)[0][0]) for low, c in by_lower.items()))


def case_of(word: str) -> str:
    if word.isupper() and len(word) > 1:
        return "upper"
    if word[:1].isupper():
        return "title"
    return "lower"
