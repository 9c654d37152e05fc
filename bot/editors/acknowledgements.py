"""Thank readers by name where the survey thanks people, in the shape it does so.

The thanks live under a heading (Markdown ``## Acknowledgments``, LaTeX
``\\section*{致谢}`` or an ``acknowledgements`` environment; the usual other names
count too: Acknowledgements, Contributors, Credits, Thanks, 鸣谢), or, with ``phrase``, in a
sentence anywhere in the file. Three shapes are edited in place:

* a sentence naming people (:mod:`bot.editors.name_lists`): a new name joins the list
  in its own style, only the old final separator changing ("A, B and C" -> "A, B, C and
  D"; "A, B, and C, who ..." -> "A, B, C, and D, who ..."; "张三、李四和王五");
* a bullet list (``- [A](url)``, ``1. A``, ``\\item A``) or lines of names: one more line,
  shaped like the last; of several lists, one that the text above it thanks ("Thanks to
  the following contributors:"), never a list of maintainers; a list of logins
  (``[@yigaza](https://github.com/yigaza)``) gets the reader's login;
* a Markdown table with a column of names: one more row.

A section with none of these gets a new sentence (``acknowledgements-sentence`` template).
Names already there (case, spacing, accents and links ignored), readers an HTML block of
avatars there shows (:mod:`bot.editors.avatars`) and readers who opted out are skipped.
Names are escaped for the destination: no @-mention pings or HTML in Markdown, no
commands in LaTeX; a name is linked to its GitHub profile only where the list links its
names.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from bot.config.schema import AcknowledgementsTarget
from bot.editors.avatars import avatars
from bot.editors.common import markdown_unescape, mode, name_key
from bot.editors.latex_sections import find_sections, resolve_section, same_kind
from bot.editors.lines import Lines, render_lines
from bot.editors.name_lists import (
    CUE,
    ITEM,
    LOGIN,
    READERS,
    NameList,
    best_name_list,
    item_name,
    list_style,
)
from bot.editors.result import EditResult, finish
from bot.editors.sections import find_headings, match_heading, normalize_heading, section_end
from bot.errors import EditError
from bot.models import Skipped
from bot.render import Renderer
from bot.suggestions import Thanks
from bot.text import escaping
from bot.text import latex as tex

TEMPLATE = "acknowledgements-sentence.md.j2"
TEX_TEMPLATE = "acknowledgements-sentence.tex.j2"


def markup_of(path: str) -> str:
    """``latex`` for a .tex file, ``markdown`` for anything else."""
    return "latex" if path.lower().endswith((".tex", ".ltx")) else "markdown"


@dataclass(frozen=True)
class _Place:
    """Where the thanks are: the lines of their section (or of the whole file)."""

    title: str
    start: int
    end: int


def _place(lines: Lines, target: AcknowledgementsTarget, markup: str) -> _Place:
    heading = target.heading
    try:
        if markup == "latex":
            section = resolve_section(
                find_sections(lines.contents), heading, "acknowledgements section"
            )
            return _Place(section.title, section.body, section.end)
        headings = find_headings(lines.contents)
        found = match_heading(headings, heading)
        if not found:
            key = normalize_heading(heading)
            found = [h for h in headings if same_kind(normalize_heading(h.title), key)]
        if len(found) != 1:
            names = ", ".join(repr(h.title) for h in headings) or "(none)"
            problem = "is ambiguous" if found else "is not a heading of the file"
            raise EditError(f"acknowledgements heading {heading!r} {problem}; headings: {names}")
        end = section_end(lines.contents, headings, found[0])
        return _Place(found[0].title, found[0].body, end)
    except EditError:
        if target.phrase:  # a sentence of its own, anywhere in the file
            return _Place("the file", 0, len(lines))
        raise


def _plain(item: str, markup: str) -> str:
    name = item_name(item)
    return tex.decode(name) if markup == "latex" else markdown_unescape(name)


# --------------------------------------------------------------------------- blocks


_BULLET = re.compile(r"^(?P<lead>[ \t]*(?:[-*+]|\d+[.)]|\\item)[ \t]+)(?P<rest>.*)$")


@dataclass(frozen=True)
class _Block:
    """A bullet list, lines of names or a table: one name per line."""

    lines: tuple[int, ...]
    names: tuple[str, ...]  # each line's item, as written
    kind: str  # bullets | lines | table
    name_column: int = 0
    # Led by thanks ("Thanks to the following contributors:"), or by the heading alone;
    # not a list of maintainers or authors that the section also holds.
    thanked: bool = True


def _line_item(content: str) -> re.Match[str] | None:
    found = ITEM.match(content)
    # A name with a short remark ("(University of X)", "- [commits](url)"), not prose.
    if not found or len(re.sub(r"\]\([^)\s]*\)", "]", content[found.end() :])) > 80:
        return None
    return found


def _thanked(lines: Lines, start: int, first: int) -> bool:
    """Whether the text right above a list (from ``start``, the section's first line)
    thanks the people it lists: the heading alone, a thanks word, or a colon after
    words about readers ("Readers who suggested papers:"), not "Maintainers include:"."""
    lead = next((lines[i] for i in range(first - 1, start - 1, -1) if lines[i].strip()), "")
    introduces = lead.rstrip().endswith((":", "："))
    return not lead or bool(CUE.search(lead) or (introduces and READERS.search(lead)))


def _blocks(lines: Lines, start: int, end: int, shown: Lines) -> list[_Block]:
    """The blocks of names in ``lines[start:end]`` (names read outside HTML); ``shown``:
    the same lines as written, whose ends say where a line breaks."""
    blocks: list[_Block] = []
    run: list[tuple[int, str]] = []
    kind = ""

    def close() -> None:
        thanked = bool(run) and _thanked(lines, start, run[0][0])
        if len(run) >= 2 or (run and thanked and kind == "bullets"):  # one line: prose
            found = _Block(tuple(i for i, _ in run), tuple(n for _, n in run), kind)
            blocks.append(found if thanked else replace(found, thanked=False))

    for index in range(start, end):
        line = lines[index]
        bullet = _BULLET.match(line)
        content = bullet.group("rest") if bullet else line.strip()
        this = "bullets" if bullet else "lines"
        item = _line_item(content) if content and not content.startswith("|") else None
        if item and (not run or kind == this):
            run.append((index, item.group(0)))
            kind = this
            continue
        close()
        run, kind = ([(index, item.group(0))], this) if item else ([], "")
    close()
    blocks.extend(_tables(lines, start, end))
    return [b for b in blocks if b.kind != "lines" or _line_breaks(shown, b)]


def _line_breaks(lines: Lines, block: _Block) -> bool:
    """Lines of names only when they end with a forced break (``\\``, ``<br>``, two
    spaces): otherwise they are one paragraph of prose."""
    return all(re.search(r"(\\\\?|<br\s*/?>|  )\s*$", lines[i]) for i in block.lines[:-1])


def _cells(line: str) -> list[str]:
    return line.strip().strip("|").split("|")


def _tables(lines: Lines, start: int, end: int) -> list[_Block]:
    found = []
    index = start
    while index < end - 1:
        if (
            lines[index].lstrip().startswith("|")
            and re.fullmatch(r"\s*\|?[\s:|-]+\|?\s*", lines[index + 1])
            and "-" in lines[index + 1]
        ):
            rows = []
            row = index + 2
            while row < end and lines[row].lstrip().startswith("|"):
                rows.append(row)
                row += 1
            column = _name_column(lines, index, rows)
            if column is not None and len(rows) >= 1:
                names = tuple(_cells(lines[r])[column].strip() for r in rows)
                found.append(_Block(tuple(rows), names, "table", column))
            index = row
        else:
            index += 1
    return found


def _name_column(lines: Lines, header: int, rows: list[int]) -> int | None:
    titles = [c.strip().lower() for c in _cells(lines[header])]
    for position, title in enumerate(titles):
        if re.search(r"name|contributor|who|reader|姓名|贡献者|名字", title):
            return position
    for position in range(len(titles)):
        cells = [_cells(lines[r]) for r in rows]
        if cells and all(position < len(c) and ITEM.fullmatch(c[position].strip()) for c in cells):
            return position
    return None


# --------------------------------------------------------------------------- writing




def _written(person: Thanks, linked: bool, markup: str, login_text: str | None = None) -> str:
    """The new name, escaped for the file, linked to its GitHub profile if the list
    links names and the login is known; shown as the login (``login_text`` its prefix,
    "@" or "") where the list shows its people's logins."""
    display = " ".join((person.name or person.login).split())
    if login_text is not None and linked and re.fullmatch(LOGIN, person.login or ""):
        return f"[{login_text}{person.login}](https://github.com/{person.login})"
    if markup == "latex":
        name = escaping.latex(display)
        if linked and person.login:
            return f"\\href{{https://github.com/{person.login}}}{{{name}}}"
        return name
    name = escaping.markdown(display)
    if linked and person.login:
        return f"[{name}](https://github.com/{person.login})"
    return name


def _in_sentence(body: str, found: NameList, new: list[str], language: str) -> str:
    middle, final = list_style(found, language, " ".join(new))
    head = body[: found.end]
    if len(found.names) >= 2:
        sep_start, sep_end = found.spans[-2][1], found.spans[-1][0]
        head = body[:sep_start] + middle + body[sep_end : found.end]
    addition = "".join(middle + n for n in new[:-1]) + final + new[-1]
    return head + addition + body[found.end :]


def _in_block(lines: Lines, block: _Block, new: list[str]) -> None:
    last = lines[block.lines[-1]]
    old = block.names[-1]
    if block.kind == "table":
        cells = last.split("|")
        offset = 1 if last.lstrip().startswith("|") else 0
        rows = []
        position = block.name_column + offset
        for name in new:
            row = [_blank_cell(c) if c.strip() else c for c in cells]
            target = cells[position]
            lead = target[: len(target) - len(target.lstrip())] or " "
            row[position] = (
                (lead + name).ljust(len(target)) if _padded(target) else lead + name + " "
            )
            rows.append("|".join(row))
        lines.insert(block.lines[-1] + 1, rows)
        return
    at = last.index(old)
    lead, tail = last[:at], last[at + len(old) :]
    if not re.fullmatch(r"[\s,;.\\]*(<br\s*/?>)?\s*", tail):
        tail = re.sub(r"^.*?([\s,;\\]*(<br\s*/?>)?\s*)$", r"\1", tail)  # keep the break only
    numbered = re.match(r"^([ \t]*)(\d+)([.)])", lead)
    made = []
    for offset, name in enumerate(new, 1):
        if numbered:
            number = int(numbered.group(2)) + offset
            lead = f"{numbered.group(1)}{number}{numbered.group(3)}" + lead[numbered.end() :]
        made.append(lead + name + tail)
    if block.kind == "lines":
        # Lines of names break with "\", "<br>" or two spaces, all but the last: the old
        # last line now breaks too, the new last line ends as the old one did.
        before = lines[block.lines[-2]]
        brk = re.search(r"(\s*(?:\\\\?|<br\s*/?>)|  )\s*$", before)
        if brk and not re.search(r"(\\\\?|<br\s*/?>|  )\s*$", last):
            lines.replace(block.lines[-1], last.rstrip() + brk.group(1))
            made = [m.rstrip() + brk.group(1) for m in made[:-1]] + [made[-1]]
        elif brk:
            made = [m.rstrip() + brk.group(1) for m in made]
    lines.insert(block.lines[-1] + 1, made)


def _padded(cell: str) -> bool:
    """Whether a table cell is padded to its column's width."""
    return len(cell) - len(cell.rstrip()) >= 2


def _blank_cell(cell: str) -> str:
    return " " * len(cell) if _padded(cell) else " "


def _known(items: Sequence[str], markup: str) -> set[str]:
    return {name_key(_plain(item, markup)) for item in items}


@dataclass
class _Thanks:
    """The thanks found at a target: where, and as a sentence or as a block of names."""

    lines: Lines
    place: _Place
    body: str
    sentence: NameList | None
    block: _Block | None

    @property
    def items(self) -> tuple[str, ...]:
        if self.block:
            return self.block.names
        return self.sentence.names if self.sentence else ()

    @property
    def linked(self) -> bool:
        return any(_is_link(item) for item in self.items)

    @property
    def login_text(self) -> str | None:
        """"@" or "" when most of the list's people are shown by their GitHub login
        (``[@yigaza](https://github.com/yigaza)``), else None: a name is better."""
        shown = [_login_shown(item) for item in self.items]
        logins = [s for s in shown if s is not None]
        return mode(logins, None) if len(logins) * 2 > len(shown) else None


# A login link after a name on its line: "Yifan Song[@Yifan-Song793](https://github.com/
# Yifan-Song793)", "Tahmid Rahman ([@tahmedge](https://github.com/tahmedge))".
_LOGIN_AFTER = re.compile(
    rf"(?P<pre>[ \t]*\(?)\[(?P<at>@?)(?P<login>{LOGIN})\]"
    rf"\(https://github\.com/(?P=login)/?\)(?P<post>\)?)"
)


def _login_after(lines: Lines, block: _Block) -> tuple[str, str, str] | None:
    """How most of a list's lines show the person's login after the name (what comes
    before the link, "@" or "", what closes it), or None when most do not."""
    if block.kind == "table":
        return None
    forms: list[tuple[str, str, str] | None] = []
    for index, name in zip(block.lines, block.names, strict=True):
        line = lines[index]
        found = _LOGIN_AFTER.match(line, line.find(name) + len(name))
        forms.append((found["pre"], found["at"], found["post"]) if found else None)
    shown = [form for form in forms if form is not None]
    return mode(shown, None) if len(shown) * 2 > len(forms) else None


def _login_shown(item: str) -> str | None:
    found = ITEM.fullmatch(item)
    text, url = (found.group("md"), found.group("url")) if found else (None, None)
    login = re.fullmatch(rf"https://github\.com/({LOGIN})/?", url or "")
    if not (text and login and text.lstrip("@").lower() == login.group(1).lower()):
        return None
    return "@" if text.startswith("@") else ""


def _is_link(item: str) -> bool:
    found = ITEM.fullmatch(item)
    return bool(found and (found.group("url") or found.group("texurl")))


_COMMENTS = {
    "markdown": re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL),
    "latex": re.compile(r"(?<!\\)%[^\n]*"),
}


# An HTML table (an avatar grid, the all-contributors tool's list), then any HTML tag,
# attributes and all (an avatar image's address, a link's): no name is written inside
# the one (its cells are HTML, not a line to copy) nor read inside the other, though its
# words may look like names ("repo=owner/Awesome-Name").
_TAG = re.compile(r"<table\b.*?</table\s*>|</?[A-Za-z][^<>]*>", re.DOTALL | re.IGNORECASE)


def _blanked(pattern: re.Pattern[str], text: str) -> str:
    """``text`` with what ``pattern`` matches turned to spaces, offsets and lines kept."""
    return pattern.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


def _uncommented(text: str, markup: str) -> str:
    """``text`` with its comments blanked: a commented-out list of contributors (or
    heading) is no place to thank anyone."""
    return _blanked(_COMMENTS[markup], text)


def _located(text: str, target: AcknowledgementsTarget, markup: str) -> _Thanks:
    lines = Lines.parse(text)
    uncommented = _uncommented(text, markup)
    seen = Lines.parse(uncommented)  # where to look, without the comments
    place = _place(seen, target, markup)
    # The section ends with its last visible line: commented-out lines after it are left be.
    shown = [i + 1 for i in range(place.start, place.end) if seen[i].strip()]
    place = replace(place, end=max(shown, default=place.end))
    body = "\n".join(lines.contents[place.start : place.end])
    # Names are read outside HTML tags (headings are found with them: "<h2>Thanks</h2>").
    prose = Lines.parse(_blanked(_TAG, uncommented)) if markup == "markdown" else seen
    visible = "\n".join(prose.contents[place.start : place.end])
    sentence = best_name_list(visible, target.phrase)
    blocks = [] if target.phrase else _blocks(prose, place.start, place.end, seen)
    thanked = [b for b in blocks if b.thanked] or [b for b in blocks if len(b.names) >= 2]
    block = max(thanked, key=lambda b: len(b.names), default=None)
    if block and sentence and len(sentence.names) > len(block.names):
        block = None
    return _Thanks(lines, place, body, None if block else sentence, block)


def thanked_keys(
    text: str,
    heading: str = "Acknowledgments",
    *,
    path: str = "README.md",
    phrase: str | None = None,
) -> set[str]:
    """``name_key`` of every name the thanks under ``heading`` already hold, so that a
    batch drops names that are already there (by hand, or by an earlier pull request)."""
    target = AcknowledgementsTarget(path, heading, phrase)
    markup = markup_of(path)
    found = _located(text, target, markup)
    shown = avatars(found.body).names if markup == "markdown" else frozenset()
    return _known(found.items, markup) | shown


def add_acknowledgements(
    text: str,
    names: Sequence[Thanks],
    heading: str = "Acknowledgments",
    language: str = "en",
    *,
    renderer: Renderer,
    path: str = "README.md",
    phrase: str | None = None,
) -> EditResult:
    """Add each reader's display name to the thanks under ``heading`` of the file at
    ``path`` (its extension says Markdown or LaTeX), or after ``phrase``."""
    target = AcknowledgementsTarget(path, heading, phrase)
    markup = markup_of(path)
    found = _located(text, target, markup)
    known = _known(found.items, markup)
    skipped: list[Skipped] = []
    new: list[str] = []
    raw: list[str] = []
    added: list[Thanks] = []
    after = _login_after(found.lines, found.block) if found.block else None
    shown = avatars(found.body if markup == "markdown" else "")
    for person in names:
        display = " ".join((person.name or person.login or "").split())
        who = display or person.login or "(unnamed)"
        if person.opt_out:
            skipped.append(Skipped(who, "asked not to be thanked by name"))
            continue
        key = name_key(display)
        if not key:
            skipped.append(Skipped(who, "no name to thank"))
            continue
        if key in known:
            skipped.append(Skipped(who, "already thanked"))
            continue
        if shown.show(person):
            why = f"already thanked (shown among the avatars under {found.place.title!r})"
            skipped.append(Skipped(who, why))
            continue
        known.add(key)
        written = _written(person, found.linked, markup, found.login_text)
        if after is not None and markup == "markdown" and re.fullmatch(LOGIN, person.login):
            pre, at, post = after  # "Dee Dunn[@dd-login](https://github.com/dd-login)"
            written += f"{pre}[{at}{person.login}](https://github.com/{person.login}){post}"
        new.append(written)
        raw.append(display)
        added.append(person)
    if not new:
        return finish(text, text, [], skipped, reason="no new names to thank")
    lines, place = found.lines, found.place
    if found.block is not None:
        _in_block(lines, found.block, new)
        where = "the table" if found.block.kind == "table" else "the list"
    elif found.sentence is not None:
        sentence = _in_sentence(found.body, found.sentence, new, language)
        lines.replace_range(place.start, place.end, sentence.split("\n"))
        where = "the thank-you sentence"
    else:
        middle, final = list_style(None, language, " ".join(raw))
        made = render_lines(
            TEX_TEMPLATE if markup == "latex" else TEMPLATE,
            renderer,
            names=raw,
            middle=middle,
            final=final,
            language=language,
        )
        if markup == "latex" and not found.body.strip():
            lines.insert(place.start, made)  # LaTeX text follows its \section directly
        else:
            lines.append_block(place.start, place.end, made)
        where = "a new thank-you sentence"
    change = f"thank {', '.join(raw)} in {where} under {place.title!r}"
    return finish(text, lines.text(), [change], skipped, added)
