"""The survey as the bot sees it: its reference index, and suggestions assessed against it.

Glue between the pure steps: every ``config.references`` file becomes one
``ReferenceIndex``; each suggestion is resolved (``bot.metadata``) and checked
(``bot.matching``). A paper that cannot be resolved is data (``Skipped``), not
an error: its reader-given ids and title are still checked, so a paper the
survey already cites is recognised even when the metadata services are down.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.errors import ConfigError, InputError
from bot.identifiers import normalize_arxiv, normalize_doi
from bot.identity import acl_canonical, acl_doi, ids_of
from bot.models import CheckResult, Query, Reference, Skipped
from bot.suggestions import PaperRecord, Suggestion

if TYPE_CHECKING:
    from bot.config import Config
    from bot.matching import ReferenceIndex
    from bot.metadata import Resolver
    from bot.references.result import ParseResult


@dataclass(frozen=True)
class Assessment:
    """One suggestion, what the metadata services made of it, and the matcher's verdict."""

    suggestion: Suggestion
    resolution: PaperRecord | Skipped
    result: CheckResult | None  # None: nothing to check (no record, no id, no title)


def load_index(config: Config) -> ReferenceIndex:
    """Every ``config.references`` file (relative to ``config.root``), in one index."""
    from bot.matching import ReferenceIndex

    return ReferenceIndex.build(survey_references(config).references)


def survey_references(config: Config) -> ParseResult:
    """The references of every ``config.references`` file, and the entries skipped in them.

    A missing or unreadable file is a ``ConfigError``: checking against part of
    the survey would call cited papers new.
    """
    from bot.config import survey_file
    from bot.references import detect_format, parse, read_text
    from bot.references.result import ParseResult

    if not config.references:
        raise ConfigError(
            ".github/survey-bot.yml: references: no reference file configured "
            "(list them under references:, or set bibtex: or paper_list:)"
        )
    references: list[Reference] = []
    skipped: list[Skipped] = []
    for source in config.references:
        try:  # the file as the survey names it, not the runner's absolute path
            path = survey_file(config.root, source.path)
            content = read_text(path)
            parsed = parse(content, source.format or detect_format(path, content), source.path)
        except (InputError, ConfigError) as exc:
            raise ConfigError(f".github/survey-bot.yml: references: {exc}") from exc
        references.extend(parsed.references)
        skipped.extend(parsed.skipped)
    return ParseResult(tuple(references), tuple(skipped))


def assess(
    suggestions: Sequence[Suggestion], resolver: Resolver, index: ReferenceIndex
) -> list[Assessment]:
    """Resolve and check each suggestion; one ``Assessment`` per suggestion, in order.

    A new paper's result also proposes the sections it may go in (``bot.placement``,
    from its title and abstract).
    """
    from bot.placement import with_sections

    resolutions = resolver.resolve_many(suggestions)
    queries = [_query(s, r, resolver) for s, r in zip(suggestions, resolutions, strict=True)]
    wanted = [q for q in queries if q is not None]
    abstracts = [
        r.abstract if isinstance(r, PaperRecord) else None
        for r, q in zip(resolutions, queries, strict=True)
        if q is not None
    ]
    checked = iter(with_sections(index.check_many(wanted), index.references, abstracts))
    return [
        Assessment(s, r, next(checked) if q is not None else None)
        for s, r, q in zip(suggestions, resolutions, queries, strict=True)
    ]


def _query(
    suggestion: Suggestion, resolution: PaperRecord | Skipped, resolver: Resolver
) -> Query | None:
    """What to look up: the resolved record, else what the reader wrote (with the ids
    the metadata cache knows to name the same work)."""
    if isinstance(resolution, PaperRecord):
        return Query.from_record(resolution)
    arxiv = normalize_arxiv(suggestion.arxiv) if suggestion.arxiv else None
    doi = normalize_doi(suggestion.doi) if suggestion.doi else None
    title = " ".join((suggestion.title or suggestion.name or "").split()) or None
    ids = suggestion_ids(suggestion)
    if not (ids or title):
        return None
    return Query(title=title, arxiv=arxiv, doi=doi, ids=tuple(sorted(resolver.known_ids(ids))))


def suggestion_ids(suggestion: Suggestion) -> frozenset[str]:
    """The typed ids a reader gave for one paper (``bot.identity``)."""
    others = [f"acl:{acl_canonical(suggestion.acl)}"] if suggestion.acl else []
    if suggestion.openreview:
        others.append(f"openreview:{suggestion.openreview}")
    return ids_of(
        arxiv=suggestion.arxiv,
        dois=[suggestion.doi, acl_doi(suggestion.acl) if suggestion.acl else None],
        urls=[suggestion.url] if suggestion.url else [],
        others=others,
    )
