r"""Draft one changelog entry per batch, in the changelog's own format.

Five formats, one module each:

* ``markdown-table`` (:mod:`.table`): an "Update Log" table
  (``| Version | Time | Update Content |``); the next version after the highest
  ``V16`` is ``V17``, multi-line content is joined by ``<br/>``, the row goes
  newest-first or newest-last as the table is.
* ``bullets`` (:mod:`.bullets`): lines like ``• 2023 年 4 月 9 日更新:添加了……`` or
  ``• Update on April 9, 2023: ...``, in the style of the existing bullets.
* ``yaml`` (:mod:`.yaml_file`): a data file holding a list of
  ``{date, version, changes}`` mappings.
* ``latex`` (:mod:`.latex`): an ``itemize``/``description`` of versions under a
  ``\section*{更新日志}`` of the survey's LaTeX source.
* ``sections`` (:mod:`.sections`): a ``CHANGELOG.md`` of dated headings
  (``## 2026-09-07 — ...``), each over its bullets.

Where a log numbers its entries (``V16``), the ``version`` policy says whether a
batch's entry takes the next number (``bump``) or none (``none``: an update line; the
survey's versions stay its own).

A second batch on the same day updates that day's entry (adding up the paper
count, merging the sections) instead of adding another; :mod:`.entry` holds
what the formats share for that (the entry, its summary sentence, found again
and merged) and for versions and order. The date is an input: the editor never
reads the clock.

Adding a format is one new module here, plus its name in two lists:

1. ``bot/editors/changelog/<format>.py`` with an ``edit`` function that edits
   ``lines`` in place and returns a one-line description of the change (raising
   :class:`~bot.errors.EditError` where the file cannot be edited safely). A
   format that lives under a heading, like the table and the bullets, takes
   ``(lines, start, end, entry, language, renderer, version)``, ``start:end`` being
   the lines of that section; a format that is a whole file, like YAML, takes
   ``(lines, entry, language, renderer, version)``. Its template goes into ``templates/``;
   :func:`.entry.merged_text` merges a same-day entry.
2. Its name and ``edit`` in ``UNDER_HEADING`` or ``WHOLE_FILE`` below.
3. Its name in ``CHANGELOG_FORMATS`` (and the ``changelog.format`` doc) in
   ``bot/config/schema.py``, so that the config accepts it;
   ``tests/editors/test_changelog.py`` checks that the two lists agree.
"""

from __future__ import annotations

from collections.abc import Callable

from bot.config.schema import CHANGELOG_FORMATS
from bot.editors.changelog import bullets, latex, sections, table, yaml_file
from bot.editors.changelog.entry import ChangelogEntry
from bot.editors.latex_sections import find_sections, resolve_section
from bot.editors.lines import Lines
from bot.editors.result import EditResult, NoChange, finish
from bot.editors.sections import find_headings, resolve_heading, section_end
from bot.errors import EditError
from bot.render import Renderer

__all__ = ["ChangelogEntry", "add_changelog_entry"]

SectionEditor = Callable[[Lines, int, int, ChangelogEntry, str, Renderer, str], str]
FileEditor = Callable[[Lines, ChangelogEntry, str, Renderer, str], str]

# The formats, by their name in the config's ``changelog.format``.
UNDER_HEADING: dict[str, SectionEditor] = {
    "markdown-table": table.edit,
    "bullets": bullets.edit,
    "latex": latex.edit,
}
WHOLE_FILE: dict[str, FileEditor] = {"yaml": yaml_file.edit, "sections": sections.edit}
# Formats whose headings are LaTeX sections rather than Markdown headings.
LATEX = {"latex"}


def add_changelog_entry(
    text: str,
    entry: ChangelogEntry,
    fmt: str = "markdown-table",
    heading: str | None = "Update Log",
    language: str = "en",
    *,
    renderer: Renderer,
    version: str = "bump",
) -> EditResult:
    """Add (or update, on the same day) the batch's changelog entry in ``text``."""
    if fmt not in CHANGELOG_FORMATS:
        formats = ", ".join(CHANGELOG_FORMATS)
        raise EditError(f"unknown changelog format {fmt!r}; expected one of {formats}")
    if not entry.papers and not any(n.strip() for n in entry.notes):
        return NoChange(text=text, reason="nothing to log")
    lines = Lines.parse(text)
    if fmt == "sections":  # a whole file, or a README heading's dated subsections
        change = sections.edit(lines, entry, language, renderer, version, heading)
    elif fmt in WHOLE_FILE:
        change = WHOLE_FILE[fmt](lines, entry, language, renderer, version)
    elif fmt in LATEX:
        section = resolve_section(
            find_sections(lines.contents), heading or "Update Log", "changelog section"
        )
        change = UNDER_HEADING[fmt](
            lines, section.body, section.end, entry, language, renderer, version
        )
    else:
        headings = find_headings(lines.contents)
        found = resolve_heading(headings, heading or "Update Log", what="changelog heading")
        start, end = found.body, section_end(lines.contents, headings, found)
        change = UNDER_HEADING[fmt](lines, start, end, entry, language, renderer, version)
    return finish(text, lines.text(), [change], [], [entry], reason="changelog already up to date")
