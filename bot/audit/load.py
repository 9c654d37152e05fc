"""The audit's inputs gathered at the edge: the survey's files, and what the metadata
cache knows of the works they list.

``known`` asks a ``Resolver`` (``bot.metadata``) about every arXiv id the
sources list: with ``offline`` it answers from the cache alone, so that
``audit --offline`` works from the survey's text and its cache.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from bot.audit.survey import Knowledge, Source, own_ids
from bot.references import detect_format, parse, read_text

if TYPE_CHECKING:
    from bot.audit.findings import Finding
    from bot.config import Config
    from bot.metadata.resolver import Resolver


def read_sources(files: Sequence[tuple[Path, str | None]], root: Path) -> list[Source]:
    """Each file as a ``Source`` named by its path under ``root`` (as git and reports name it)."""
    sources = []
    for path, fmt in files:
        text = read_text(path)
        try:
            name = path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            name = str(path)
        sources.append(Source(name, text, fmt or detect_format(path, text)))
    return sources


def known(sources: Sequence[Source], resolver: Resolver) -> Knowledge:
    """The ids the cache links to each entry's ids, and the record of each arXiv id
    (published venue and DOI included) that the resolver can give."""
    from bot.suggestions import PaperRecord, Suggestion

    links: dict[str, frozenset[str]] = {}
    arxiv: list[str] = []
    for source in sources:
        for ref in parse(source.text, source.format, source.name).references:
            for typed_id in own_ids(ref):
                if typed_id not in links:
                    links[typed_id] = frozenset(resolver.known_ids([typed_id]))
            if ref.arxiv:
                arxiv.append(ref.arxiv)
    wanted = list(dict.fromkeys(arxiv))
    found = resolver.resolve_many(Suggestion(arxiv=a) for a in wanted)
    records = {
        a: r for a, r in zip(wanted, found, strict=True) if isinstance(r, PaperRecord)
    }
    return Knowledge(links, records)


def audit_config(config: Config, resolver: Resolver | None = None) -> list[Finding]:
    """The findings of a configured survey's reference files, as they are in its working
    tree (``config.root``), with what ``resolver`` knows (None: the text alone). The
    scheduled run's dashboard calls this."""
    from bot.audit.checks import audit_sources
    from bot.batch.plan import reference_sources

    files = [(config.root / path, fmt) for path, fmt in reference_sources(config)]
    sources = read_sources(files, config.root)
    return audit_sources(sources, known(sources, resolver) if resolver else Knowledge())
