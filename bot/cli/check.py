"""``survey-bot check``: is a paper already cited by the survey?

Queries are arXiv ids or URLs, DOIs or DOI URLs, or titles on the command line,
or a JSON Lines file (``--batch``) of objects with any of ``id``, ``title``,
``arxiv``, ``doi``, ``authors``, ``year``. The output shapes are a contract:
``--batch`` prints one JSON object per input line, in input order; ``--json``
prints a JSON array of the same objects (a paper that may be added also has
``"sections"``: the survey's sections proposed for it, ``{"heading", "score",
"because"}``, by ``bot.placement``); otherwise one readable line per query.

The survey's references come from ``--refs`` files, or else from the
``references:`` of the ``.github/survey-bot.yml`` in ``--repo`` (default: the
current directory): inside a configured survey, ``survey-bot check TITLE`` is
enough. Without ``--resolve`` the command never touches the network; it reads the
survey's metadata cache, when there is one, for the ids known to name the same
work (``bot.identity``: a DOI whose arXiv twin is listed is cited), and reads
ACL Anthology and OpenReview links as ids. With it, each query
is first resolved to full metadata (title, authors, year, arXiv id and the
published DOI) by ``bot.metadata``; ``--offline`` restricts that to the cache.
The lookups follow the ``metadata`` settings of the survey named by ``--repo``
(default: the current directory), as ``survey-bot run`` does: the contact in the
User-Agent the services ask for, the timeout, and the cache and its lifetime,
with the cache path relative to the survey, so both commands share one cache.
A directory without ``.github/survey-bot.yml`` gets the defaults.
"""

from __future__ import annotations

import argparse
import atexit
import gc
import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from bot.errors import InputError

# Every run of ``check`` reads queries and makes answers: imported here, not in the
# functions called once per query (an import statement costs about a microsecond even
# for a module already loaded: 4,000 of them in a batch of 1,000 lines).
from bot.identifiers import arxiv_from_doi, normalize_arxiv, normalize_doi
from bot.models import CheckResult, Query

if TYPE_CHECKING:
    from bot.config import Config
    from bot.matching import ReferenceIndex
    from bot.models import Reference
    from bot.suggestions import Suggestion


_BATCH_FIELDS = ("title", "arxiv", "doi")
_JSON_SPACE = " \t\n\r"  # the white space JSON allows around a value
_OTHER_FIELDS = ("id", "authors", "year")  # the rest of what a --batch line may hold


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--refs",
        action="append",
        metavar="FILE",
        help="a file of existing references (.bib, .bbl, .md, .txt); repeatable "
        "(default: the references: of the survey's .github/survey-bot.yml, see --repo)",
    )
    parser.add_argument(
        "--format", metavar="F", help="format of every --refs file: bibtex, bbl, markdown, text"
    )
    parser.add_argument("--json", action="store_true", help="print a JSON array")
    parser.add_argument(
        "--batch",
        metavar="QUERIES.jsonl",
        help="read queries from a JSON Lines file ('-' for stdin); prints JSON Lines",
    )
    parser.add_argument(
        "--resolve",
        action="store_true",
        help="look queries up in arXiv/Crossref/Semantic Scholar/DBLP before checking",
    )
    parser.add_argument(
        "--offline", action="store_true", help="with --resolve: use cached metadata only"
    )
    parser.add_argument(
        "--repo",
        metavar="DIR",
        help="the survey whose .github/survey-bot.yml lists the references (when no --refs) "
        "and sets the metadata contact, timeout and cache for --resolve (default: .)",
    )
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="read the reference files even when the index kept from the last run is current",
    )
    parser.add_argument(
        "queries", nargs="*", metavar="QUERY", help="an arXiv id or URL, a DOI or DOI URL, a title"
    )


class _Item(NamedTuple):
    """One query as the user gave it, and what the matcher looks up.

    A named tuple (made in one step), not a frozen dataclass (four ``object.__setattr__``
    calls): a batch makes one for each of its lines."""

    label: Any  # echoed as "id": the batch line's id, or the command-line text
    query: Query
    url: str | None = None  # a URL that only --resolve can understand
    # After --resolve, DOIs a Query cannot carry besides its own (the preprint's,
    # the reader's): the paper is cited if any of its ids is.
    other_dois: tuple[str, ...] = ()


def run(args: argparse.Namespace) -> int:
    if args.batch and args.queries:
        raise InputError("give QUERY arguments or --batch FILE, not both")
    if args.batch:
        items = read_batch(args.batch)
    elif args.queries:
        items = [item_from_text(text) for text in args.queries]
    else:
        raise InputError("nothing to check: give QUERY arguments or --batch FILE")
    if args.offline and not args.resolve:
        raise InputError("--offline only applies with --resolve")
    for item in items:
        if item.url and not (args.resolve or item.query.ids):
            # Said, and answered "ambiguous": the other queries are still checked.
            print(
                f"survey-bot: note: {item.url}: only arXiv, DOI, ACL Anthology and OpenReview "
                "links can be checked without --resolve",
                file=sys.stderr,
            )

    from bot.cli.index_cache import survey_index
    from bot.cli.refs import configured_sources
    from bot.references.common import gc_paused

    if args.refs:
        sources = [(Path(path), args.format) for path in args.refs]
    else:
        sources = configured_sources(Path(args.repo or "."))
    with gc_paused():
        index = survey_index(sources, cache=not args.no_cache)
        # The index lives until the answers are printed: the garbage collector need not
        # walk its hundreds of thousands of objects, neither now nor while queries are
        # matched. Thawed afterwards for a caller in the same process (the tests).
        gc.freeze()
    try:
        return _answer(args, items, index)
    finally:
        gc.unfreeze()
        # The interpreter's last act is a collection of every object still alive (the
        # modules and all they hold; 24 M instructions, 2% of a warm run): frozen at exit,
        # none is walked. Matching leaves no garbage cycle to collect then, and what
        # needs closing is closed by ``with``. Registered once, however many runs.
        atexit.unregister(gc.freeze)
        atexit.register(gc.freeze)


def _answer(args: argparse.Namespace, items: list[_Item], index: ReferenceIndex) -> int:
    """Check each item against ``index`` and print the answers as ``args`` asks."""
    from bot.references.common import gc_paused

    repo = Path(args.repo or ".")
    if args.resolve:
        items = resolve_items(items, offline=args.offline, repo=repo)
    else:
        items = with_known_ids(items, repo)
    # Matching makes no reference cycles (``tests/matching/test_batch_cycles.py``): a
    # collection would walk the entries and answers it makes only to free nothing.
    with gc_paused():
        results = [_check(index, item, args.resolve) for item in items]
        # Sections are proposed from the references listed under headings: a survey
        # without any (a .bib alone) has none to propose, and no model is imported.
        if (args.batch or args.json) and (sectioned := index.sectioned_references):
            from bot.placement import with_sections

            results = with_sections(results, sectioned)
        _print(args, items, results)
        # Frozen with the index (and thawed with it, by ``run``): else the collector,
        # enabled again, would first walk all that matching made.
        gc.freeze()
    return 0


def _print(args: argparse.Namespace, items: list[_Item], results: list[CheckResult]) -> None:
    """The answers in the shape ``args`` asks for (see the module docstring)."""
    if args.batch:
        import json

        encode = json.JSONEncoder(ensure_ascii=False).encode  # one encoder for every line
        answers = zip(items, results, strict=True)
        sys.stdout.writelines(f"{encode(result_json(item.label, r))}\n" for item, r in answers)
    elif args.json:
        import json

        data = [result_json(item.label, r) for item, r in zip(items, results, strict=True)]
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        for item, result in zip(items, results, strict=True):
            print(f"{' '.join(str(item.label).split())}: {describe(result)}")


# ---------------------------------------------------------------------------
# Input


def item_from_text(text: str) -> _Item:
    """A command-line QUERY: an arXiv id or URL, a DOI or DOI URL, else a title."""
    label = text
    text = " ".join(text.split())
    if not text:
        raise InputError("empty QUERY")
    one_word = " " not in text or text.lower().startswith(("arxiv:", "arxiv "))
    if one_word:
        doi = normalize_doi(text)
        if doi:
            return _Item(label, Query(arxiv=arxiv_from_doi(doi), doi=doi, id=label))
        arxiv = normalize_arxiv(text)
        if arxiv:
            return _Item(label, Query(arxiv=arxiv, id=label))
        if text.lower().startswith(("http://", "https://")):
            from bot.identity import ids_of_url

            ids = tuple(sorted(ids_of_url(text)))  # an ACL Anthology page names its DOI
            return _Item(label, Query(id=label, ids=ids), url=text)
    return _Item(label, Query(title=text, id=label))


def read_batch(path: str) -> list[_Item]:
    """Parse a ``--batch`` JSON Lines file; blank lines are skipped."""
    import json

    if path == "-":
        lines = sys.stdin.read().splitlines()
        name = "<stdin>"
    else:
        try:
            with open(path, encoding="utf-8") as handle:
                lines = handle.read().splitlines()
        except FileNotFoundError:
            raise InputError(f"{path}: no such file") from None
        except IsADirectoryError:
            raise InputError(f"{path}: is a directory, not a JSON Lines file") from None
        except UnicodeDecodeError:
            raise InputError(f"{path}: not UTF-8 text") from None
        name = path
    # ``json.loads`` is ``raw_decode`` between two regex passes over the white space
    # around the value: a line stripped of JSON's own white space needs neither (a
    # quarter of reading a batch).
    decode = json.JSONDecoder().raw_decode
    items = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        text = line.strip(_JSON_SPACE)
        try:
            data, end = decode(text)
        except json.JSONDecodeError:
            end = -1
        if end != len(text):  # not one value whole: json.loads says why, as it always did
            try:
                data = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{where}: not valid JSON ({exc.msg})") from None
        if not isinstance(data, dict):
            raise InputError(f"{where}: expected a JSON object, got {type(data).__name__}")
        items.append(_item_from_json(data, where))
    return items


def _text_field(data: dict[str, Any], name: str, where: str) -> str | None:
    """The text of a ``--batch`` line's field ``name``, its white space collapsed."""
    value = data.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(f"{where}: {name!r} must be a string")
    return " ".join(value.split()) or None


def _item_from_json(data: dict[str, Any], where: str) -> _Item:
    title = _text_field(data, "title", where)
    arxiv = _text_field(data, "arxiv", where)
    doi = _text_field(data, "doi", where)
    if not (title or arxiv or doi):
        unknown = sorted(set(data) - {*_BATCH_FIELDS, *_OTHER_FIELDS})
        hint = f" (unknown keys: {', '.join(map(repr, unknown))})" if unknown else ""
        raise InputError(f"{where}: needs at least one of 'title', 'arxiv', 'doi'{hint}")
    if arxiv:
        arxiv_id = normalize_arxiv(arxiv)
        if not arxiv_id:
            raise InputError(f"{where}: 'arxiv' is not an arXiv id: {arxiv!r}")
        arxiv = arxiv_id
    if doi:
        normal = normalize_doi(doi)
        if not normal:
            raise InputError(f"{where}: 'doi' is not a DOI: {doi!r}")
        doi = normal

    authors = data.get("authors")
    if authors is None:
        authors = ()
    elif isinstance(authors, str):
        authors = tuple(a.strip() for a in authors.replace(";", " and ").split(" and "))
    elif isinstance(authors, list) and all(isinstance(a, str) for a in authors):
        authors = tuple(authors)
    else:
        raise InputError(f"{where}: 'authors' must be a list of strings")
    authors = tuple(a for a in authors if a.strip())

    year = data.get("year")
    if year is not None:
        if isinstance(year, str) and year.strip().isdigit():
            year = int(year.strip())
        if not isinstance(year, int) or isinstance(year, bool):
            raise InputError(f"{where}: 'year' must be a number, got {year!r}")

    label = data.get("id")
    if isinstance(label, (dict, list)):
        raise InputError(f"{where}: 'id' must be a string or a number")
    query = Query(
        title=title,
        arxiv=arxiv,
        doi=doi,
        authors=authors,
        year=year,
        id=None if label is None else str(label),
    )
    return _Item(label, query)


# ---------------------------------------------------------------------------
# --resolve


def _suggestion(item: _Item) -> Suggestion:
    from bot.suggestions import Suggestion

    q = item.query
    return Suggestion(arxiv=q.arxiv, doi=q.doi, url=item.url, title=q.title)


def survey_settings(repo: Path) -> Config:
    """The config of the survey in ``repo``, or the defaults there when it has none.

    Only its ``metadata`` and ``root`` matter here: ``build_resolver`` takes the
    cache path relative to the root, so the cache is the survey's wherever the
    command runs from. A config file that exists must be valid (``ConfigError``).
    """
    from bot.config import CONFIG_PATH, Config, load_config

    if (repo / CONFIG_PATH).is_file():
        return load_config(repo)
    return Config(root=repo)


def resolve_items(items: list[_Item], offline: bool, repo: Path) -> list[_Item]:
    """Replace each query by the metadata the services know (title, authors, both ids).

    The lookups use the metadata settings of the survey in ``repo`` and, like
    ``survey-bot run``, the service base URLs in ``SURVEY_BOT_METADATA_URLS``. A
    query that cannot be resolved is checked as given, with a note on stderr; a
    link that cannot be resolved gets the verdict ``ambiguous`` (reason ``unresolved``).
    """
    import os

    from bot.cli.actions import parse_metadata_urls
    from bot.metadata import build_resolver
    from bot.suggestions import PaperRecord

    base_urls = parse_metadata_urls(os.environ.get("SURVEY_BOT_METADATA_URLS", "").strip())
    with build_resolver(survey_settings(repo), offline, base_urls=base_urls) as resolver:
        outcomes = resolver.resolve_many(_suggestion(item) for item in items)
    resolved = []
    for item, outcome in zip(items, outcomes, strict=True):
        if not isinstance(outcome, PaperRecord):
            print(
                f"survey-bot: note: {item.label}: {outcome.why}; checked as given", file=sys.stderr
            )
            resolved.append(item)
            continue
        given = item.query
        found = Query.from_record(outcome)
        query = replace(
            found,
            title=found.title or given.title,
            arxiv=found.arxiv or given.arxiv,
            doi=found.doi or given.doi,
            authors=found.authors or given.authors,
            year=found.year or given.year,
            id=given.id,
        )
        extra = tuple(d for d in dict.fromkeys((outcome.doi, given.doi)) if d and d != query.doi)
        resolved.append(_Item(item.label, query, None, extra))
    return resolved


def with_known_ids(items: list[_Item], repo: Path) -> list[_Item]:
    """Each query with the ids the survey's metadata cache knows to name the same work
    (a DOI's arXiv twin, learnt by an earlier ``run`` or ``check --resolve``); no lookup,
    and nothing is created when the survey has no cache."""
    from bot.identity import ids_of
    from bot.paths import CONFIG_PATH, METADATA_CACHE

    configured = (repo / CONFIG_PATH).is_file()
    path = Path(survey_settings(repo).metadata.cache if configured else METADATA_CACHE)
    path = path if path.is_absolute() else repo / path
    if not path.is_file():
        return items
    from bot.metadata.cache import Cache

    cache = Cache(path)
    try:
        known = []
        for item in items:
            q = item.query
            ids = cache.linked(ids_of(arxiv=q.arxiv, dois=[q.doi], others=q.ids))
            known.append(item._replace(query=replace(q, ids=tuple(sorted(ids)))))
        return known
    finally:
        cache.close()


def _check(index: ReferenceIndex, item: _Item, resolve: bool) -> CheckResult:
    q = item.query
    if not (q.title or q.arxiv or q.doi or q.ids):
        # A link that --resolve could not identify, or that needs it: nothing to compare,
        # so no verdict either way ("new" would be a guess).
        return CheckResult(q, "ambiguous", reason="unresolved" if resolve else "needs --resolve")
    result = index.check(q)
    if result.verdict != "cited":
        for doi in item.other_dois:
            other = index.check(Query(doi=doi))
            if other.verdict == "cited":
                return replace(other, query=item.query)
    return result


# ---------------------------------------------------------------------------
# Output


def _ref_json(ref: Reference) -> dict[str, Any]:
    return {
        "number": ref.number,
        "key": ref.key,
        "title": ref.title or None,
        "arxiv": ref.arxiv,
        "doi": ref.doi,
        "source": ref.source or None,
        "line": ref.line or None,
    }


def result_json(label: Any, result: CheckResult) -> dict[str, Any]:
    """One ``--batch`` output object (also an element of the ``--json`` array)."""
    return {
        "id": label,
        "verdict": result.verdict,
        "match": _ref_json(result.match) if result.match else None,
        "score": round(result.score, 3),
        "reason": result.reason,
        "candidates": [
            {**_ref_json(c.reference), "score": round(c.score, 3), "reason": c.reason}
            for c in result.candidates
        ],
        **(
            {"sections": [
                {"heading": s.heading, "score": s.score, "because": [r.title for r in s.because]}
                for s in result.sections
            ]}
            if result.sections
            else {}
        ),
    }


def _ref_label(ref: Reference) -> str:
    if ref.number is not None:
        head = f"[{ref.number}] "
    elif ref.key:
        head = f"[{ref.key}] "
    else:
        head = ""
    where = f" ({ref.source}:{ref.line})" if ref.source and ref.line else ""
    title = " ".join((ref.title or "(untitled)").split())
    return f"{head}{title}{where}"


def _how(result: CheckResult) -> str:
    """Why the match is the paper: its reason, or the id that led to it.

    The match named is the numbered entry when a file numbers the paper, even if
    only another file's entry of the same title carries the id the query gave;
    "by title" alone would then hide that an arXiv id or DOI decided it.
    """
    if result.reason == "title":
        for candidate in result.candidates:
            ref = candidate.reference
            if candidate.reason in ("arxiv-id", "doi") and ref.source and ref.line:
                return f"{candidate.reason} ({ref.source}:{ref.line}, same title)"
    return result.reason


def describe(result: CheckResult) -> str:
    """One readable line: ``already cited as [57] Title (refs.md:120), by arxiv-id``."""
    if result.verdict == "cited" and result.match is not None:
        return f"already cited as {_ref_label(result.match)}, by {_how(result)}"
    if result.verdict == "ambiguous" and not result.candidates:
        return f"ambiguous: {result.reason or 'not enough to decide'}"
    if result.verdict == "ambiguous":
        listed = "; ".join(
            f"{_ref_label(c.reference)} score {c.score:.2f} {c.reason}" for c in result.candidates
        )
        return f"ambiguous: candidates {listed}"
    return "new"
