"""LaTeX sections: find ``\\section*{致谢}``, ``\\subsection{Update Log}`` or an
``acknowledgements`` environment, and bound its body.

A survey's LaTeX source keeps its thanks and its changelog in starred sections
(``\\section*{Acknowledgments}``), in an environment that journal classes define
(``\\begin{acknowledgements}``, NeurIPS' ``\\begin{ack}``, acmart's ``\\begin{acks}``),
or under a ``\\paragraph``. Their body runs to the next sectioning command of any
level, or to the end of the environment, and never past the bibliography, the appendix
or ``\\end{document}``. Commented-out lines (``%``) are not commands. Titles are matched
as Markdown headings are (``bot.editors.sections.normalize_heading``): case, numbering
and accents ignored.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.editors.sections import normalize_heading
from bot.errors import EditError
from bot.text import latex

_LEVELS = {
    "part": 0,
    "chapter": 1,
    "section": 2,
    "subsection": 3,
    "subsubsection": 4,
    "paragraph": 5,
    "subparagraph": 6,
}
_COMMAND = re.compile(
    r"^\s*\\(?P<name>part|chapter|section|subsection|subsubsection|paragraph|subparagraph)"
    r"\*?\s*(?:\[[^\]]*\])?\s*\{"
)
_BEGIN = re.compile(r"^\s*\\begin\{(?P<env>acknowledge?ments?|acks?|thanks|changelog|updates)\}")
_STOP = re.compile(
    r"^\s*\\(?:bibliography|bibliographystyle|printbibliography|appendix|end\{document\}|"
    r"begin\{thebibliography\})"
)


def _rule(line: str) -> bool:
    """A comment line (``%%%%%%``) set between sections."""
    return line.lstrip().startswith("%")


@dataclass(frozen=True)
class TexSection:
    """One section or environment: where it starts, its title, and its body's lines."""

    line: int  # 0-based line of the command
    level: int
    title: str  # readable text of the title (the environment's name for an environment)
    body: int  # first line of the body
    end: int  # just past the body's last line


def _braced(text: str, start: int) -> tuple[str, int] | None:
    """The text of the group whose ``{`` is at ``start`` and the index past it."""
    end = latex.matching_brace(text, start)
    return (text[start + 1 : end], end + 1) if end >= 0 else None


def find_sections(lines: Sequence[str]) -> list[TexSection]:
    """Every section command and thanks/changelog environment, in order."""
    found: list[tuple[int, int, str, int, int | None]] = []  # line, level, title, body, end
    for index, line in enumerate(lines):
        if line.lstrip().startswith("%"):
            continue
        command = _COMMAND.match(line)
        if command:
            group = _braced(line, command.end() - 1)
            if group is None:
                continue
            title = latex.decode(group[0])
            rest = line[group[1] :].strip()
            own_line = not rest or rest.startswith(("%", "\\label"))
            body = index + 1 if own_line else index
            found.append((index, _LEVELS[command.group("name")], title, body, None))
            continue
        begin = _BEGIN.match(line)
        if begin:
            env = begin.group("env")
            closing = next(
                (j for j in range(index + 1, len(lines)) if f"\\end{{{env}}}" in lines[j]),
                len(lines),
            )
            found.append((index, 9, env, index + 1, closing))
    stops = [i for i, line in enumerate(lines) if _STOP.match(line)]
    sections = []
    for position, (at, level, title, body, end) in enumerate(found):
        if end is None:
            later = [other[0] for other in found[position + 1 :]]
            end = min((i for i in (*later, *stops) if i > at), default=len(lines))
            while end > body and (not lines[end - 1].strip() or _rule(lines[end - 1])):
                end -= 1  # rules and blank lines before the next section are not its text
        sections.append(TexSection(at, level, title, body, max(end, body)))
    return sections


# Names a thank-you or a changelog section goes by, as one word each.
_SYNONYMS = (
    {"acknowledgments", "acknowledgements", "acknowledgment", "acknowledgement", "ack", "acks",
     "thanks", "contributors", "credits", "致谢", "鸣谢"},
    {"update log", "changelog", "change log", "updates", "news", "更新日志", "更新记录",
     "version history", "revision history"},
)  # fmt: skip


def same_kind(a: str, b: str) -> bool:
    """Whether two normalised titles name the same kind of section (both thanks, or
    both a changelog): "Other contributors" and "Acknowledgments" do."""

    def kinds(title: str) -> set[int]:
        words = f" {title} "
        return {i for i, group in enumerate(_SYNONYMS) if any(f" {w} " in words for w in group)}

    return bool(kinds(a) & kinds(b))


def resolve_section(
    sections: Sequence[TexSection], requested: str, what: str = "section"
) -> TexSection:
    """The one section ``requested`` names (its spelling variants too: Acknowledgments,
    Acknowledgements, 致谢...), or an ``EditError`` listing the file's sections."""
    key = normalize_heading(requested)
    found = [s for s in sections if normalize_heading(s.title) == key]
    if not found:
        found = [s for s in sections if same_kind(normalize_heading(s.title), key)]
    if len(found) == 1:
        return found[0]
    titles = ", ".join(repr(s.title) for s in sections) or "(none)"
    if not found:
        raise EditError(f"no {what} {requested!r} in the LaTeX file; its sections are: {titles}")
    raise EditError(f"{what} {requested!r} is ambiguous in the LaTeX file: {titles}")
