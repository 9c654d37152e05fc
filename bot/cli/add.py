"""``survey-bot add``: add one paper to a local working tree, as the batch would.

For maintainers who edit the survey locally: the same editors and the same
plan as the batch pull request (``bot.batch.plan``), applied to the files on disk.
A paper the survey already cites is refused (saying where) unless ``--force``.
Files are written only after every edit succeeded, byte for byte (CRLF stays
CRLF); ``--dry-run`` prints the unified diff instead.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from bot.errors import InputError

if TYPE_CHECKING:
    from bot.config import Config
    from bot.suggestions import PaperRecord, Thanks


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "query",
        metavar="QUERY",
        nargs="?",
        help="an arXiv id or URL, a DOI, or a title to look up (not needed with --metadata)",
    )
    parser.add_argument("--section", metavar="S", help="heading of the paper list to add it under")
    parser.add_argument(
        "--thank",
        metavar="NAME",
        help="a reader to thank in the acknowledgements: a name, or @login (a GitHub login, "
        "linked to its profile where the list links its people)",
    )
    parser.add_argument(
        "--metadata",
        metavar="RECORD.json",
        help='the paper as JSON {"title", "authors", "year", "venue", "arxiv", "doi", "url"} '
        '(optionally "citation_key", "month", "day", "volume", "number", "pages", "publisher", '
        '"primary_class", "kind") instead of looking QUERY up',
    )
    parser.add_argument("--offline", action="store_true", help="use cached metadata only")
    parser.add_argument("--repo", default=".", metavar="DIR", help="the survey (default: .)")
    parser.add_argument("--force", action="store_true", help="add it even if already cited")
    parser.add_argument(
        "--dry-run", action="store_true", help="print the unified diff, write nothing"
    )


def run(args: argparse.Namespace) -> int:
    from bot.batch.plan import (
        cited_as,
        describe_reference,
        plan_batch,
        reference_index,
        source_paths,
        unified_diff,
    )
    from bot.config import load_config, survey_file
    from bot.render import Renderer
    from bot.suggestions import PaperItem

    if not args.query and not args.metadata:
        raise InputError(
            "nothing to add: give QUERY (an arXiv id, DOI or title) or --metadata RECORD.json"
        )
    root = Path(args.repo)
    config = load_config(root)
    record = read_record(args.metadata) if args.metadata else resolve(args.query, config, args)
    thanks = (_thanked(args.thank.strip()),) if args.thank and args.thank.strip() else ()
    if thanks and not config.acknowledgements:
        raise InputError(
            "--thank: .github/survey-bot.yml has no acknowledgements: (the file and heading "
            "where readers are thanked); add it, or leave --thank out"
        )
    if config.bibtex is None and config.paper_list is None:
        raise InputError(
            ".github/survey-bot.yml names no file to add papers to: set bibtex: (the .bib) "
            "or paper_list: (the Markdown list), or run `survey-bot init` where the list is"
        )
    item = PaperItem(record, args.section or _default_section(config), None, thanks)
    texts = {path: _read(survey_file(root, path)) for path in source_paths(config)}
    match = cited_as(reference_index(texts, config), item)
    if match is not None and not args.force:
        raise InputError(
            f"{record.title!r} is already cited as {describe_reference(match)}; "
            "pass --force to add it anyway"
        )
    plan = plan_batch(texts, config, [item], dt.date.today(), renderer=Renderer.for_config(config))
    if not plan.files:
        reasons = "; ".join(f"{s.what}: {s.why}" for s in plan.left_out) or "nothing changed"
        raise InputError(f"nothing to add: {reasons}")
    # A partial add (e.g. --force when the .bib already has the paper) must say
    # which files were left alone and why, or it looks complete.
    for skipped in plan.left_out:
        print(f"survey-bot: note: not changed: {skipped.what}: {skipped.why}", file=sys.stderr)
    if args.dry_run:
        print(unified_diff(texts, plan.files), end="")
        return 0
    for path, text in plan.files.items():
        with open(survey_file(root, path), "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
    for change in plan.changes:
        print(change)
    return 0


def read_record(path: str) -> PaperRecord:
    """A ``PaperRecord`` from a JSON file; ``InputError`` says what is wrong with it."""
    from bot.suggestions import PaperRecord

    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except ValueError as exc:
        raise InputError(f"{path}: not JSON: {exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("title"), str) or not data["title"]:
        raise InputError(f'{path}: expected a JSON object with a "title"')
    authors = data.get("authors") or []
    if not isinstance(authors, list) or not all(isinstance(a, str) for a in authors):
        raise InputError(f'{path}: "authors" must be a list of names')
    year = data.get("year")
    if year is not None and (isinstance(year, bool) or not isinstance(year, int)):
        raise InputError(f'{path}: "year" must be a whole number')
    if data.get("month") is not None and (
        isinstance(data["month"], bool) or data["month"] not in range(1, 13)
    ):
        raise InputError(f'{path}: "month" must be a month number, 1 to 12')
    if data.get("day") is not None and (
        isinstance(data["day"], bool) or data["day"] not in range(1, 32)
    ):
        raise InputError(f'{path}: "day" must be a day of the month, 1 to 31')
    text_keys = ("venue", "arxiv", "doi", "url", "citation_key", "volume", "number", "pages")
    for key in (*text_keys, "publisher", "primary_class", "kind"):
        if data.get(key) is not None and not isinstance(data[key], str):
            raise InputError(f'{path}: "{key}" must be text')
    return PaperRecord.from_json(data)


def resolve(query: str, config: Config, args: argparse.Namespace) -> PaperRecord:
    """Look QUERY up (arXiv id, DOI or title) with the metadata services, or say why not."""
    from bot.cli.check import item_from_text
    from bot.metadata import build_resolver
    from bot.suggestions import PaperRecord, Suggestion

    parsed = item_from_text(query)
    q = parsed.query
    suggestion = Suggestion(arxiv=q.arxiv, doi=q.doi, url=parsed.url, title=q.title)
    with build_resolver(config, offline=args.offline) as resolver:
        result = resolver.resolve(suggestion)
    if not isinstance(result, PaperRecord):
        raise InputError(f"cannot identify {query!r}: {result.why}; pass --metadata RECORD.json")
    return result


def _thanked(text: str) -> Thanks:
    """``--thank``'s reader: "@login" is a GitHub login, anything else a name."""
    import re

    from bot.editors.name_lists import LOGIN
    from bot.suggestions import Thanks

    if re.fullmatch(rf"@{LOGIN}", text):
        return Thanks(login=text[1:], name="")
    return Thanks(login="", name=text)


def _default_section(config: Config) -> str | None:
    return config.paper_list.section if config.paper_list else None


def _read(path: Path) -> str | None:
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            return handle.read()
    except FileNotFoundError:
        return None
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text ({exc.reason})") from None
