"""``survey-bot refs [FILE]``: show the references the bot reads from a file.

The quickest way to check that a survey's reference list is understood: one
line per reference, or ``--json`` for the ``Reference.to_json()`` records (a
contract). Entries that had to be skipped, and a paper list's items that are
not papers (tools, repositories, posts), are reported on stderr. Without FILE,
every file the ``references:`` of ``.github/survey-bot.yml`` lists is read.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from bot.errors import InputError

if TYPE_CHECKING:
    from bot.models import Reference


def configure(parser: argparse.ArgumentParser) -> None:
    from bot.references import FORMATS

    parser.add_argument(
        "file",
        metavar="FILE",
        nargs="?",
        help="reference file to read (default: every references: file of the survey's config)",
    )
    parser.add_argument(
        "--repo",
        metavar="DIR",
        default=".",
        help="the survey whose .github/survey-bot.yml lists the files (without FILE; default: .)",
    )
    parser.add_argument(
        "--format",
        metavar="F",
        default=None,
        help=f"file format: {', '.join(FORMATS)} (default: from the extension, else the content)",
    )
    parser.add_argument("--json", action="store_true", help="print a JSON array of references")


def describe(reference: Reference) -> str:
    """``[57] Title (2020) arXiv:2302.13971`` (the human one-line form; `` · Section`` if any)."""
    from bot.text.escaping import one_line

    label = reference.number if reference.number is not None else reference.key
    parts = [f"[{label}]" if label is not None else "-", one_line(reference.title) or "(no title)"]
    if reference.year:
        parts.append(f"({reference.year})")
    if reference.arxiv:
        parts.append(f"arXiv:{reference.arxiv}")
    if reference.doi:
        parts.append(f"doi:{reference.doi}")
    if reference.section:
        parts.append(f"· {one_line(reference.section)}")
    return " ".join(parts)


def nothing_read(path: str, format: str | None) -> str:
    """The stderr warning for a reference file that yields no reference at all.

    Reading a file in the wrong format (or a file that is not a reference list)
    is not an error to the parser, but an empty list would make every paper look
    new, so the maintainer is told instead of seeing silence.
    """
    from bot.references import FORMATS

    how = f" when read as {format}" if format else ""
    return (
        f"survey-bot: warning: {path}: no references found{how}; "
        f"is it a reference list? (--format: {', '.join(FORMATS)})"
    )


def configured_sources(repo: Path) -> list[tuple[Path, str | None]]:
    """(path, format) of each file the survey's ``references:`` names (its edited files
    when it names none); ``InputError`` when ``repo`` has no configuration."""
    from bot.batch.plan import reference_sources
    from bot.config import CONFIG_PATH, load_config

    if not (repo / CONFIG_PATH).is_file():
        raise InputError(
            f"no reference file given and {repo / CONFIG_PATH} does not exist: "
            "pass --refs FILE (or run inside a survey configured with `survey-bot init`)"
        )
    config = load_config(repo)
    return [(config.root / path, fmt) for path, fmt in reference_sources(config)]


def load_all(sources: list[tuple[Path, str | None]], *, details: bool = False) -> list[Reference]:
    """Every reference of the files; a file with none is warned about on stderr, and with
    ``details`` each entry skipped and each item that is not a paper too."""
    from bot.references import load

    references: list[Reference] = []
    for path, fmt in sources:
        result = load(path, fmt)
        if not result.references:
            print(nothing_read(str(path), fmt), file=sys.stderr)
        references.extend(result.references)
        if not details:
            continue
        for skipped in result.skipped:
            print(f"survey-bot: skipped {skipped.what}: {skipped.why}", file=sys.stderr)
        for item in result.not_papers:
            print(f"survey-bot: not a paper, skipped {item.what}: {item.why}", file=sys.stderr)
    return references


def run(args: argparse.Namespace) -> int:
    if args.file:
        sources: list[tuple[Path, str | None]] = [(Path(args.file), args.format)]
    else:
        sources = configured_sources(Path(args.repo))
    references = load_all(sources, details=True)
    if args.json:
        json.dump([ref.to_json() for ref in references], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for reference in references:
            print(describe(reference))
    return 0
