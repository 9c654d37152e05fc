"""Paper metadata from arXiv, Crossref, Semantic Scholar and dblp, cached in SQLite.

The public API is ``build_resolver``; its ``Resolver`` turns each ``Suggestion``
into a ``PaperRecord`` or a ``Skipped`` (never an exception)::

    resolver = build_resolver(config.metadata, offline=args.offline)
    for result in resolver.resolve_many(suggestions):
        if isinstance(result, PaperRecord):
            query = Query.from_record(result)

This module stays import-light (no ``requests``, no ``sqlite3`` work at import):
the clients are imported when a resolver is built, so ``survey-bot --help`` is fast.
The chain order is documented in ``bot/metadata/resolver.py``.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.models import Query, Skipped
from bot.suggestions import PaperRecord, Suggestion

if TYPE_CHECKING:
    from bot.config.schema import MetadataConfig
    from bot.metadata.resolver import Resolver

__all__ = [
    "DEFAULT_BASE_URLS",
    "PaperRecord",
    "Query",
    "Resolver",
    "Skipped",
    "Suggestion",
    "build_resolver",
    "user_agent",
]

DEFAULT_BASE_URLS: dict[str, str] = {
    "arxiv": "https://export.arxiv.org/api/query",
    "crossref": "https://api.crossref.org",
    "semanticscholar": "https://api.semanticscholar.org/graph/v1",
    "dblp": "https://dblp.org/search/publ/api",
    "github": "https://raw.githubusercontent.com",  # READMEs of paper repositories
}
_ALIASES = {"s2": "semanticscholar"}


def _email(contact: str | None) -> str | None:
    """The e-mail address of a contact setting (``me@x.org``, ``mailto:me@x.org``), else None."""
    contact = (contact or "").strip()
    if "@" in contact and "://" not in contact:
        return contact.removeprefix("mailto:")
    return None


def user_agent(contact: str | None) -> str:
    """``survey-bot/<version> (mailto:<contact>)``, as the services' etiquette asks."""
    from bot import __version__

    agent = f"survey-bot/{__version__}"
    if contact:
        email = _email(contact)
        return f"{agent} (mailto:{email})" if email else f"{agent} (+{contact.strip()})"
    return agent


def build_resolver(
    config: MetadataConfig | Any,
    offline: bool = False,
    *,
    base_urls: Mapping[str, str] | None = None,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
    now: Callable[[], float] = time.time,
    env: Mapping[str, str] | None = None,
    link_versions: bool = True,
) -> Resolver:
    """A ready ``Resolver`` for one run.

    ``config`` is a ``MetadataConfig`` (a whole ``Config`` works too: its
    ``metadata`` is used and a relative cache path is taken from its ``root``).
    ``offline`` answers from the cache only. ``base_urls`` points services
    (``arxiv``, ``crossref``, ``semanticscholar``/``s2``, ``dblp``) elsewhere, e.g. at a
    test server (and ``pages`` every ``*.github.io`` page, for tests: see
    ``bot.metadata.pages``). ``sleep``/``clock`` pace the calls (monotonic seconds), ``now`` dates
    cache entries (wall-clock seconds). ``env`` is where ``S2_API_KEY`` is read (default:
    the process environment, read now, not at import).
    """
    from bot.metadata.arxiv import ArxivClient
    from bot.metadata.cache import DAY, Cache
    from bot.metadata.crossref import CrossrefClient
    from bot.metadata.dblp import DblpClient
    from bot.metadata.http import HttpClient
    from bot.metadata.pages import PageClient
    from bot.metadata.resolver import Resolver
    from bot.metadata.semanticscholar import SemanticScholarClient

    metadata = getattr(config, "metadata", config)
    path: Path | None = Path(metadata.cache) if metadata.cache else None
    root = getattr(config, "root", None)
    if path is not None and root is not None and not path.is_absolute():
        path = Path(root) / path
    cache = Cache(path, now=now)

    urls = dict(DEFAULT_BASE_URLS)
    for name, url in (base_urls or {}).items():
        urls[_ALIASES.get(name, name)] = url

    environment = os.environ if env is None else env
    api_key = (environment.get("S2_API_KEY") or "").strip()
    ttl = max(0.0, float(metadata.cache_days)) * DAY
    http = HttpClient(
        user_agent=user_agent(metadata.contact),
        timeout=float(metadata.timeout),
        cache=cache,
        offline=offline,
        sleep=sleep,
        clock=clock,
        now=now,
        headers={"s2": {"x-api-key": api_key}} if api_key else None,
        ttl=ttl,
        negative_ttl=min(ttl, 1 * DAY),
    )
    return Resolver(
        http,
        ArxivClient(http, urls["arxiv"]),
        CrossrefClient(http, urls["crossref"], contact=_email(metadata.contact)),
        SemanticScholarClient(http, urls["semanticscholar"]),
        DblpClient(http, urls["dblp"]),
        PageClient(http, urls["github"], urls.get("pages")),
        link_versions=link_versions,
    )


def __getattr__(name: str) -> Any:
    if name == "Resolver":
        from bot.metadata.resolver import Resolver

        return Resolver
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
