"""The ``yaml`` changelog: a data file holding a list of ``{date, version, changes}`` mappings.

The file is read with PyYAML's composer for its positions only, and edited as
text: the new mapping copies the indentation and the key names of the entries
already there (``date``/``time``, ``version``/``release``, ``changes``/
``content``/...), and goes newest-first or newest-last as they do. Layouts the
bot cannot edit without rewriting the file (flow style, multi-line scalars,
unusual line breaks) are refused with an :class:`~bot.errors.EditError`.
"""

from __future__ import annotations

import datetime as dt
import re

import yaml

from bot.editors.changelog.entry import (
    ChangelogEntry,
    content_lines,
    find_summary,
    merge_summary,
    newest_first,
    next_version,
)
from bot.editors.dates import find_date
from bot.editors.lines import Lines, render_lines
from bot.errors import EditError
from bot.render import Renderer
from bot.text.escaping import yaml_scalar

YAML_TEMPLATE = "changelog.yml.j2"


_DATE_KEYS = ("date", "time", "day")
_VERSION_KEYS = ("version", "release")
_CHANGE_KEYS = ("changes", "content", "updates", "items", "notes", "update")


def _mapping(node: yaml.Node) -> dict[str, tuple[yaml.Node, yaml.Node]]:
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {str(k.value).lower(): (k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode)}


def _last_line(node: yaml.Node) -> int:
    """0-based index of the last line holding ``node``'s text."""
    end = node.end_mark
    return end.line - 1 if end.column == 0 and end.line > node.start_mark.line else end.line


def _scalar_date(node: yaml.Node | None) -> dt.date | None:
    if not isinstance(node, yaml.ScalarNode):
        return None
    try:
        return dt.date.fromisoformat(str(node.value).strip()[:10])
    except ValueError:
        found = find_date(str(node.value))
        return found.date if found else None


def edit(
    lines: Lines, entry: ChangelogEntry, language: str, renderer: Renderer, policy: str = "bump"
) -> str:
    """Add the entry's mapping to the list in ``lines`` (the whole file), or update that day's."""
    text = lines.text()
    if any(ch in text for ch in "\x85\u2028\u2029") or re.search(r"\r(?!\n)", text):
        raise EditError("the changelog YAML uses unusual line breaks; edit it by hand")
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        raise EditError(f"the changelog is not valid YAML: {exc}") from exc
    sequence: yaml.Node | None = root
    if isinstance(root, yaml.MappingNode):
        lists = [v for _, v in root.value if isinstance(v, yaml.SequenceNode)]
        if len(lists) != 1:
            raise EditError(
                "the changelog YAML must be a list of entries, or a mapping with one list"
            )
        sequence = lists[0]
    if sequence is not None and not isinstance(sequence, yaml.SequenceNode):
        raise EditError("the changelog YAML must be a list of entries")
    items = list(sequence.value) if sequence is not None else []
    if sequence is not None and items and sequence.flow_style:
        raise EditError("the changelog YAML uses a flow-style list; use one entry per block")
    keys = {"date": "date", "version": "version", "changes": "changes"}
    mappings = [_mapping(item) for item in items]
    for present in mappings:
        for role, names in (
            ("date", _DATE_KEYS),
            ("version", _VERSION_KEYS),
            ("changes", _CHANGE_KEYS),
        ):
            for name in names:
                if name in present:
                    keys[role] = str(present[name][0].value)
                    break
    has_version = policy != "none" and (
        not items or any(keys["version"].lower() in m for m in mappings)
    )
    dates = [_scalar_date(m.get(keys["date"].lower(), (None, None))[1]) for m in mappings]

    for present, day in zip(mappings, dates, strict=True):
        if day != entry.date:
            continue
        changes = present.get(keys["changes"].lower(), (None, None))[1]
        if not isinstance(changes, yaml.SequenceNode) or changes.flow_style:
            break
        return _update_day(lines, changes, entry, language)

    content = content_lines(entry, language)
    if items:
        changes_node = mappings[0].get(keys["changes"].lower(), (None, None))[1]
        indent, key_indent, list_indent = _indents(lines, items[0], changes_node)
    else:
        indent, key_indent, list_indent = "", "  ", "  "
    version_nodes = [m.get(keys["version"].lower(), (None, None))[1] for m in mappings]
    version = next_version(
        str(node.value) for node in version_nodes if isinstance(node, yaml.ScalarNode)
    )
    new = render_lines(
        YAML_TEMPLATE,
        renderer,
        indent=indent,
        key_indent=key_indent,
        list_indent=list_indent,
        keys=keys,
        date=entry.date.isoformat(),
        version=version if has_version else None,
        changes=content,
    )
    if not items:
        position = len(lines)
        if isinstance(root, yaml.MappingNode) and sequence is not None:
            position = _last_line(sequence) + 1
        elif root is not None and isinstance(sequence, yaml.SequenceNode):
            position = len(lines)
        lines.insert(position, new)
    elif newest_first(dates):
        lines.insert(items[0].start_mark.line, new)
    else:
        lines.insert(_last_line(items[-1]) + 1, new)
    label = f"{version} " if has_version else ""
    return f"add changelog entry {label}({entry.date.isoformat()}): {' '.join(content)}"


def _update_day(
    lines: Lines, changes: yaml.SequenceNode, entry: ChangelogEntry, language: str
) -> str:
    """Merge the batch into a same-day entry's ``changes``: into its summary, else as new items."""
    for change in changes.value:
        if isinstance(change, yaml.ScalarNode):
            found = find_summary(str(change.value), markdown=False)
            if found:
                merged, sentence = merge_summary(str(change.value), found, entry, language)
                line = change.start_mark.line
                if _last_line(change) != line:
                    raise EditError("the changelog YAML entry spans several lines; edit it by hand")
                old = lines[line]
                lines.replace(
                    line,
                    old[: change.start_mark.column]
                    + yaml_scalar(merged)
                    + old[change.end_mark.column :],
                )
                for note in entry.notes:
                    _append_change(lines, changes, note)
                return f"update the changelog entry of {entry.date.isoformat()}: {sentence}"
    for line_text in content_lines(entry, language):
        _append_change(lines, changes, line_text)
    added = " ".join(content_lines(entry, language))
    return f"update the changelog entry of {entry.date.isoformat()}: {added}"


def _indents(lines: Lines, first: yaml.Node, changes: yaml.Node | None) -> tuple[str, str, str]:
    """The first entry's indentation: before its dash, of its keys, of its list of changes."""
    first_line = lines[first.start_mark.line]
    dash = first_line.index("-") if "-" in first_line[: first.start_mark.column] else 0
    key_indent = " " * (first.start_mark.column - dash)
    if isinstance(changes, yaml.SequenceNode) and changes.value:
        first_change = changes.value[0]
        change_line = lines[first_change.start_mark.line]
        change_dash = change_line.rfind("-", 0, first_change.start_mark.column)
        list_indent = " " * max(0, change_dash - first.start_mark.column)
    else:
        list_indent = "  "
    return " " * dash, key_indent, list_indent


def _append_change(lines: Lines, changes: yaml.SequenceNode, text: str) -> None:
    last = changes.value[-1] if changes.value else None
    if last is None:
        raise EditError("the changelog YAML entry has an empty list of changes; edit it by hand")
    first = changes.value[0]
    dash = lines[first.start_mark.line].rfind("-", 0, first.start_mark.column)
    prefix = " " * dash + "-" + " " * (first.start_mark.column - dash - 1)
    lines.insert(_last_line(last) + 1, [prefix + yaml_scalar(text)])
