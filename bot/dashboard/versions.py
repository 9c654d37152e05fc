"""The survey's versions, as its changelog names them (``V16``, ``v2.1``). Pure.

A paper merged into the survey ships in the first version that appears in the
changelog after its merge: the batch itself may add it (``changelog.version:
bump``), or the maintainers when they release. The scheduled run compares the
versions it finds with those it saw before (kept in the dashboard's data).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from bot.config.schema import ChangelogTarget
from bot.editors.latex_sections import find_sections, resolve_section
from bot.editors.lines import Lines
from bot.editors.sections import find_headings, resolve_heading, section_end
from bot.errors import EditError

_VERSION = re.compile(r"(?<![\w.])[vV]\d+(?:\.\d+)*(?![\w.]*\w)")


def changelog_versions(
    texts: Mapping[str, str | None], targets: tuple[ChangelogTarget, ...]
) -> tuple[str, ...]:
    """Every version label of the first readable changelog, in its order, each once.

    Only the changelog's own section is read (for Markdown and LaTeX logs), so
    that "LLaMA v2" in a paper's title elsewhere is no version of the survey.
    """
    for target in targets:
        text = texts.get(target.path)
        if text is None:
            continue
        region = _region(text, target)
        if region is not None:
            return tuple(dict.fromkeys(m.group(0) for m in _VERSION.finditer(region)))
    return ()


def new_versions(seen: tuple[str, ...], now: tuple[str, ...]) -> tuple[str, ...]:
    """Versions in ``now`` not in ``seen`` (case-insensitive)."""
    known = {v.lower() for v in seen}
    return tuple(v for v in now if v.lower() not in known)


def _region(text: str, target: ChangelogTarget) -> str | None:
    lines = Lines.parse(text).contents
    try:
        if target.format == "yaml":
            return text
        if target.format == "latex":
            section = resolve_section(find_sections(lines), target.heading, "changelog section")
            return "\n".join(lines[section.body : section.end])
        headings = find_headings(lines)
        found = resolve_heading(headings, target.heading, what="changelog heading")
        return "\n".join(lines[found.body : section_end(lines, headings, found)])
    except EditError:
        return None
