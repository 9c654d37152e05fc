"""Pure, surgical editors for the survey's human-owned files.

Each editor takes the old text plus the items to add and returns an
``EditResult`` (new text, human-readable changes, ``Skipped`` items) or a
``NoChange(reason)``. None re-serialises a file: it locates the spot, splices
whole lines (or, for the thank-you sentence, a few characters), keeps every
other byte and the newline style. ``apply_all`` runs the configured editors
over a set of files for one batch.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from bot.config import Config
from bot.editors.acknowledgements import add_acknowledgements
from bot.editors.bibtex import add_bibtex_entries
from bot.editors.changelog import ChangelogEntry, add_changelog_entry
from bot.editors.common import name_key
from bot.editors.paper_list import (
    Unplaced,
    add_to_paper_list,
    resolve_section,
    split_by_section,
)
from bot.editors.result import EditResult, NoChange
from bot.errors import EditError
from bot.models import PaperItem, Skipped, Thanks
from bot.render import Renderer

__all__ = [
    "AppliedEdits",
    "ChangelogEntry",
    "EditResult",
    "NoChange",
    "Unplaced",
    "add_acknowledgements",
    "add_bibtex_entries",
    "add_changelog_entry",
    "add_to_paper_list",
    "apply_all",
    "reader_key",
    "resolve_section",
    "split_by_section",
]


@dataclass(frozen=True)
class AppliedEdits:
    """The new text of every file that changed, plus what changed and what was skipped."""

    files: dict[str, str] = field(default_factory=dict)
    changes: tuple[str, ...] = ()
    skipped: tuple[Skipped, ...] = ()
    added: tuple[PaperItem, ...] = ()  # papers that really went in, with their resolved section
    thanked: tuple[Thanks, ...] = ()
    unplaced: tuple[Unplaced, ...] = ()  # papers left out of every file: no such section


def reader_key(person: Thanks) -> str:
    """Who ``person`` is, for deduplication: the login when known, else the name."""
    return person.login.casefold() if person.login else name_key(person.name)


def unique_readers(people: Sequence[Thanks]) -> list[Thanks]:
    """Each reader once, first mention first; a reader who opted out anywhere stays out."""
    by_key: dict[str, Thanks] = {}
    for person in people:
        key = reader_key(person)
        first = by_key.setdefault(key, person)
        if person.opt_out and not first.opt_out:
            by_key[key] = person
    return list(by_key.values())


def apply_all(
    files: Mapping[str, str],
    config: Config,
    items: Sequence[PaperItem],
    day: dt.date,
    extra_thanks: Sequence[Thanks] = (),
    *,
    renderer: Renderer,
) -> AppliedEdits:
    """Run every configured editor for one batch over ``files`` (path -> current text).

    A paper whose section the list does not have is left out of every file and
    reported in ``unplaced``; the others go ahead. The paper list decides which
    papers are new (with the BibTeX file when there is no list); the changelog
    counts only those, and only their readers, plus ``extra_thanks`` (names a
    maintainer asked to thank on an issue without a paper), are thanked, each
    once. A configured file missing from ``files`` is an ``EditError``.
    """
    texts = dict(files)
    changes: list[str] = []
    skipped: list[Skipped] = []

    def text_of(path: str) -> str:
        if path not in texts:
            raise EditError(f"{path} (from .github/survey-bot.yml) is not in the repository")
        return texts[path]

    def take(path: str, result: EditResult) -> EditResult:
        texts[path] = result.text
        changes.extend(f"{path}: {change}" for change in result.changes)
        skipped.extend(Skipped(f"{path}: {s.what}", s.why) for s in result.skipped)
        return result

    added: tuple[PaperItem, ...] = tuple(items)
    unplaced: list[Unplaced] = []
    if config.paper_list:
        list_target = config.paper_list
        placeable, refused = split_by_section(text_of(list_target.path), items, list_target.section)
        unplaced = [Unplaced(u.item, f"{list_target.path}: {u.why}") for u in refused]
        items = placeable
        result = add_to_paper_list(
            text_of(list_target.path), items, list_target.section, renderer=renderer
        )
        added = take(list_target.path, result).added
    if config.bibtex:
        path = config.bibtex.path
        result = take(path, add_bibtex_entries(text_of(path), items, renderer=renderer))
        if not config.paper_list:
            added = result.added
    if config.changelog and added:
        log_target = config.changelog
        entry = ChangelogEntry.from_items(day, added)
        result = add_changelog_entry(
            text_of(log_target.path),
            entry,
            log_target.format,
            log_target.heading,
            config.language,
            renderer=renderer,
        )
        take(log_target.path, result)
    thanked: tuple[Thanks, ...] = ()
    if config.acknowledgements:
        thanks_target = config.acknowledgements
        readers = unique_readers(
            [*(person for item in added for person in item.thanks), *extra_thanks]
        )
        if readers:
            result = add_acknowledgements(
                text_of(thanks_target.path),
                readers,
                thanks_target.heading,
                config.language,
                renderer=renderer,
            )
            thanked = take(thanks_target.path, result).added
    changed = {path: text for path, text in texts.items() if text != files.get(path)}
    return AppliedEdits(
        changed, tuple(changes), tuple(skipped), tuple(added), thanked, tuple(unplaced)
    )
