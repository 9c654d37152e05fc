"""Thank readers by name in the acknowledgements sentence, in its own style.

The sentence is the last one in the section that ends with a list of names
after a colon, e.g. "... suggestions and comments: Tyler Suard, Damai Dai and
Yubo Feng." or "……的读者：张三、李四和王五。" New names are added to its end in
the list's own style ("A, B and C" or "A, B, and C" with the Oxford comma;
"、" and "和" in Chinese lists); only the old final separator changes, every
other byte of the sentence stays as it was. Names already there (case,
spacing and accents ignored) and readers who opted out are skipped. Names go
through the ``markdown`` filter: no @-mention pings, no HTML.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.editors.common import markdown_unescape, name_key
from bot.editors.lines import Lines, render_lines
from bot.editors.result import EditResult, finish
from bot.editors.sections import Heading, find_headings, resolve_heading, section_end
from bot.models import Skipped, Thanks
from bot.render import Renderer
from bot.text.escaping import markdown

TEMPLATE = "acknowledgements-sentence.md.j2"

_SEPARATOR = re.compile(r"\s*,\s*and\s+|\s*，\s*|\s*,\s*|\s+and\s+|\s*、\s*|\s*(?:和|及|与)\s*")
_TERMINATOR = re.compile(r"[.。!！]")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


@dataclass(frozen=True)
class NameList:
    """A parsed list of names: their spans in the section text and the separators between."""

    names: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]
    separators: tuple[str, ...]

    @property
    def end(self) -> int:
        return self.spans[-1][1]


def _plausible(name: str) -> bool:
    if not name or len(name) > 80 or "\n\n" in name:
        return False
    if re.search(r"https?:|/|\||\*\*|^#", name):
        return False
    words = name.split()
    return 1 <= len(words) <= 8 or (bool(_CJK.search(name)) and len(name) <= 20)


def _parse_names(body: str, start: int, end: int) -> NameList | None:
    segment = body[start:end]
    names, spans, separators = [], [], []
    cursor = 0
    for found in _SEPARATOR.finditer(segment):
        piece = segment[cursor : found.start()]
        if found.start() == found.end():
            continue
        names.append(piece)
        spans.append((start + cursor, start + found.start()))
        separators.append(found.group(0))
        cursor = found.end()
    names.append(segment[cursor:])
    spans.append((start + cursor, start + len(segment)))
    # Trim white space around each name; spans follow.
    trimmed_names, trimmed_spans = [], []
    for name, (a, b) in zip(names, spans, strict=True):
        lead = len(name) - len(name.lstrip())
        trail = len(name) - len(name.rstrip())
        trimmed_names.append(name.strip())
        trimmed_spans.append((a + lead, b - trail))
    if not all(_plausible(n) for n in trimmed_names):
        return None
    return NameList(tuple(trimmed_names), tuple(trimmed_spans), tuple(separators))


def find_name_list(body: str) -> NameList | None:
    """The last "…: A, B and C." list of names in ``body`` (a section's text)."""
    best: NameList | None = None
    for colon in re.finditer(r"[:：]", body):
        start = colon.end()
        end = None
        for term in _TERMINATOR.finditer(body, start):
            before = body[start : term.start()]
            if re.search(r"(?:^|\s)[A-Z]$", before):  # an initial: "Kevin J. Gray"
                continue
            after = body[term.end() : term.end() + 1]
            if term.group(0) in ".!" and after and not after.isspace():
                continue
            end = term.start()
            break
        if end is None:
            # A list that runs to the end of the paragraph without punctuation.
            paragraph_end = body.find("\n\n", start)
            end = len(body.rstrip()) if paragraph_end < 0 else paragraph_end
        if "\n\n" in body[start:end] or not body[start:end].strip():
            continue
        parsed = _parse_names(body, start, end)
        if parsed:
            best = parsed
    return best


def _style(found: NameList | None, language: str, new_names: Sequence[str]) -> tuple[str, str]:
    """(middle separator, final separator) for the list."""
    seps = found.separators if found else ()
    sample = " ".join((found.names if found else ()) + tuple(new_names))
    if any("、" in s for s in seps) or (not seps and language == "zh" and _CJK.search(sample)):
        final = next((s.strip() for s in reversed(seps) if s.strip() in {"和", "及", "与"}), "和")
        return "、", final
    if any("，" in s for s in seps):
        return "，", "和" if not any(" and " in s for s in seps) else " and "
    if len(seps) >= 2:
        oxford = bool(re.match(r"\s*,\s*and\s+", seps[-1]))
        return ", ", ", and " if oxford else " and "
    if seps and "," in seps[-1] and "and" in seps[-1]:
        return ", ", ", and "
    if seps and seps[-1].strip() in {"和", "及", "与"}:
        return "、", seps[-1].strip()
    return ", ", " and "


@dataclass(frozen=True)
class _Section:
    heading: Heading
    start: int  # first line of the section's body
    end: int  # just past its last line
    body: str
    names: NameList | None


def _section(lines: Lines, heading: str | None) -> _Section:
    headings = find_headings(lines.contents)
    found = resolve_heading(headings, heading or "Acknowledgments", what="acknowledgements heading")
    start, end = found.body, section_end(lines.contents, headings, found)
    body = "\n".join(lines.contents[start:end])
    return _Section(found, start, end, body, find_name_list(body))


def thanked_keys(text: str, heading: str | None = "Acknowledgments") -> set[str]:
    """``name_key`` of every name the thank-you sentence under ``heading`` already holds.

    Lets a batch drop names that are already there (added by hand or by an
    earlier pull request) before planning, as it drops papers already cited.
    """
    return _keys(_section(Lines.parse(text), heading).names)


def _keys(found: NameList | None) -> set[str]:
    return {name_key(markdown_unescape(n)) for n in (found.names if found else ())}


def add_acknowledgements(
    text: str,
    names: Sequence[Thanks],
    heading: str | None = "Acknowledgments",
    language: str = "en",
    *,
    renderer: Renderer,
) -> EditResult:
    """Add each reader's display name to the thank-you sentence under ``heading``."""
    lines = Lines.parse(text)
    section = _section(lines, heading)
    found_heading, start, end, body = section.heading, section.start, section.end, section.body
    found = section.names
    known = _keys(found)

    skipped: list[Skipped] = []
    new_names: list[str] = []  # escaped for Markdown
    raw_names: list[str] = []
    added: list[Thanks] = []
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
        known.add(key)
        new_names.append(markdown(display))
        raw_names.append(display)
        added.append(person)
    if not new_names:
        return finish(text, text, [], skipped, reason="no new names to thank")

    if found:
        middle, final = _style(found, language, new_names)
        if len(found.names) >= 2:
            sep_start, sep_end = found.spans[-2][1], found.spans[-1][0]
            head = body[:sep_start] + middle + body[sep_end : found.end]
        else:
            head = body[: found.end]
        tail_names = new_names
        addition = "".join(middle + n for n in tail_names[:-1]) + final + tail_names[-1]
        new_body = head + addition + body[found.end :]
        lines.replace_range(start, end, new_body.split("\n"))
        where = "the thank-you sentence"
    else:
        middle, final = _style(None, language, new_names)
        new = render_lines(
            TEMPLATE,
            renderer,
            names=raw_names,
            middle=middle,
            final=final,
            language=language,
        )
        lines.append_block(start, end, new)
        where = "a new thank-you sentence"
    change = f"thank {', '.join(raw_names)} in {where} under {found_heading.title!r}"
    return finish(text, lines.text(), [change], skipped, added)
