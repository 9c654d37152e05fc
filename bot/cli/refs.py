"""``survey-bot refs FILE``: show the references the bot reads from a file.

The quickest way to check that a survey's reference list is understood: one
line per reference, or ``--json`` for the ``Reference.to_json()`` records (a
contract). Entries that had to be skipped are reported on stderr.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.models import Reference


def configure(parser: argparse.ArgumentParser) -> None:
    from bot.references import FORMATS

    parser.add_argument("file", metavar="FILE", help="reference file to read")
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


def run(args: argparse.Namespace) -> int:
    from bot.references import load

    result = load(args.file, args.format)
    if not result.references:
        print(nothing_read(args.file, args.format), file=sys.stderr)
    if args.json:
        json.dump(
            [ref.to_json() for ref in result.references], sys.stdout, ensure_ascii=False, indent=2
        )
        sys.stdout.write("\n")
    else:
        for reference in result.references:
            print(describe(reference))
    for skipped in result.skipped:
        print(f"survey-bot: skipped {skipped.what}: {skipped.why}", file=sys.stderr)
    return 0
