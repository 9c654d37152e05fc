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
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial

from bot.config import Config
from bot.editors.acknowledgements import add_acknowledgements, markup_of
from bot.editors.bibtex import add_bibtex_entries, keys_for
from bot.editors.changelog import ChangelogEntry, add_changelog_entry
from bot.editors.common import name_key
from bot.editors.latex_cites import add_citations
from bot.editors.paper_list import (
    Unplaced,
    add_to_paper_list,
    resolve_section,
    split_by_section,
)
from bot.editors.result import EditResult, NoChange
from bot.errors import EditError
from bot.models import Skipped
from bot.render import Renderer
from bot.suggestions import PaperItem, Thanks

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
    once, in every configured thank-you. A paper list in LaTeX cites the papers by
    the keys the .bib file has for them. A configured file missing from ``files`` is
    an ``EditError``. A changelog or thank-you an editor refuses (its heading renamed,
    two-digit-year dates it cannot read) is left out and reported in ``skipped``, with
    the readers it would have thanked: one such file must not hold back the papers, or
    stop the weekly pull request that would show the maintainers what went wrong.
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

    def attempt(
        path: str, what: str, edit: Callable[[], EditResult], readers: str = ""
    ) -> EditResult | None:
        try:
            return take(path, edit())
        except EditError as exc:
            to_thank = f"; to thank there by hand: {readers}" if readers else ""
            skipped.append(Skipped(f"{path}: {what}", f"{exc}{to_thank}"))
            return None

    added: tuple[PaperItem, ...] = ()  # what went into the list (or, without one, the .bib)
    unplaced: list[Unplaced] = []
    list_target = config.paper_list
    in_latex = list_target is not None and markup_of(list_target.path) == "latex"
    if list_target and not in_latex:
        placeable, refused = split_by_section(text_of(list_target.path), items, list_target.section)
        unplaced = [Unplaced(u.item, f"{list_target.path}: {u.why}") for u in refused]
        items = placeable
        result = add_to_paper_list(
            text_of(list_target.path), items, list_target.section, renderer=renderer
        )
        added = take(list_target.path, result).added
    if config.bibtex:
        path = config.bibtex.path
        result = take(path, add_bibtex_entries(text_of(path), items, renderer=renderer, day=day))
        if not config.paper_list:
            added = result.added
    if list_target and in_latex:
        added, refused = _cite_in_latex(texts, config, items, take)
        unplaced = [Unplaced(u.item, f"{list_target.path}: {u.why}") for u in refused]
    if config.changelog and added:
        entry = ChangelogEntry.from_items(day, added)
        for log_target in config.changelog:
            edit = partial(
                add_changelog_entry,
                text_of(log_target.path),
                entry,
                log_target.format,
                log_target.heading,
                log_target.language or config.language,
                renderer=renderer,
                version=log_target.version,
            )
            heading = f" {log_target.heading!r}" if log_target.heading else ""
            attempt(log_target.path, f"changelog{heading}", edit)
    thanked: dict[str, Thanks] = {}
    readers = unique_readers([*(person for item in added for person in item.thanks), *extra_thanks])
    if readers:
        names = ", ".join(person.name or person.login for person in readers)
        for thanks_target in config.acknowledgements:
            edit = partial(
                add_acknowledgements,
                text_of(thanks_target.path),
                readers,
                thanks_target.heading,
                thanks_target.language or config.language,
                renderer=renderer,
                path=thanks_target.path,
                phrase=thanks_target.phrase,
            )
            where = repr(thanks_target.phrase or thanks_target.heading)
            done = attempt(thanks_target.path, f"acknowledgements {where}", edit, names)
            for person in done.added if done else ():
                thanked.setdefault(reader_key(person), person)
    changed = {path: text for path, text in texts.items() if text != files.get(path)}
    return AppliedEdits(
        changed,
        tuple(changes),
        tuple(skipped),
        tuple(added),
        tuple(thanked.values()),
        tuple(unplaced),
    )


def _cite_in_latex(
    texts: dict[str, str],
    config: Config,
    items: Sequence[PaperItem],
    take: Callable[[str, EditResult], EditResult],
) -> tuple[tuple[PaperItem, ...], list[Unplaced]]:
    """Cite each paper in the LaTeX list, by its key in the .bib file."""
    target = config.paper_list
    assert target is not None
    if config.bibtex is None:
        raise EditError(
            f"{target.path} is a LaTeX paper list: it cites papers by BibTeX key, so the "
            "config needs bibtex: (the .bib file the keys come from)"
        )
    keys = keys_for(texts.get(config.bibtex.path, ""), [item.record for item in items])
    added: list[PaperItem] = []
    refused: list[Unplaced] = []
    for item, key in zip(items, keys, strict=True):
        section = item.section or target.section
        if key is None or not section:
            why = "no section named and no default section" if key else "no BibTeX key"
            refused.append(Unplaced(item, why))
            continue
        try:
            result = add_citations(texts[target.path], [key], section)
        except EditError as exc:
            refused.append(Unplaced(item, str(exc)))
            continue
        take(target.path, result)
        if result.changed:
            added.append(item)
    return tuple(added), refused
