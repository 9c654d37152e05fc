"""``survey-bot intake``: which papers does an issue suggest?

Reads an issue either as ``--title TEXT --body-file FILE`` (``-`` for stdin)
or as a GitHub ``issues`` webhook payload (``--event PAYLOAD.json``; the
file Actions names in ``GITHUB_EVENT_PATH``), and prints one line per
suggested paper, or with ``--json`` exactly
``{"suggestions": [{"arxiv", "doi", "openreview", "acl", "url", "title", "section", "thank_as"}]}``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from bot.errors import InputError


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--title", help="issue title")
    parser.add_argument(
        "--body-file", metavar="FILE", help="file with the issue body ('-' for stdin)"
    )
    parser.add_argument(
        "--event",
        metavar="PAYLOAD.json",
        help="GitHub issues webhook payload (reads issue.title and issue.body)",
    )
    parser.add_argument(
        "--ignore-id",
        action="append",
        default=[],
        metavar="ID",
        help="the survey's own arXiv id/DOI: never a suggestion (repeatable)",
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")


def read_bytes(path: str, what: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError(f"{what} {path!r} does not exist") from None
    except IsADirectoryError:
        raise InputError(f"{what} {path!r} is a directory, not a file") from None
    except OSError as exc:
        raise InputError(f"cannot read {what} {path!r}: {exc.strerror or exc}") from None


def decode(data: bytes) -> str:
    """UTF-8 text, with invalid bytes replaced by U+FFFD instead of failing.

    GitHub always sends valid UTF-8, so an invalid byte can only come from a
    file damaged or hand-edited on the way; replacing it loses nothing that
    could identify a paper (identifiers are ASCII) and lets the rest of the
    issue be read. A leading BOM is dropped.
    """
    return data.decode("utf-8-sig", errors="replace")


def issue_from_event(path: str) -> tuple[str, str | None]:
    """``(title, body)`` of the issue in a GitHub webhook payload file."""
    text = decode(read_bytes(path, "event file"))
    try:
        payload: Any = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"event file {path!r} is not JSON: {exc.msg} at line {exc.lineno}"
        ) from None
    issue = payload.get("issue") if isinstance(payload, dict) else None
    if not isinstance(issue, dict):
        raise InputError(
            f"event file {path!r} has no issue: expected a GitHub 'issues' webhook payload"
        )
    title, body = issue.get("title"), issue.get("body")
    if title is not None and not isinstance(title, str):
        raise InputError(f"event file {path!r}: issue.title is not a string")
    if body is not None and not isinstance(body, str):
        raise InputError(f"event file {path!r}: issue.body is not a string")
    return title or "", body


def describe(suggestion: Any) -> str:
    """One readable line for a suggestion (terminal-safe: control characters removed)."""
    from bot.text.escaping import one_line

    parts = []
    for label, value in (
        ("arXiv:", suggestion.arxiv),
        ("doi:", suggestion.doi),
        ("ACL:", suggestion.acl),
        ("OpenReview:", suggestion.openreview),
        ("", suggestion.url),
    ):
        if value:
            parts.append(f"{label}{value}")
    if suggestion.title:
        parts.append(f"\u201c{suggestion.title}\u201d")
    notes = []
    if suggestion.section:
        notes.append(f"section: {suggestion.section}")
    if suggestion.opt_out:
        notes.append("do not thank by name")
    elif suggestion.thank_as:
        notes.append(f"thank as: {suggestion.thank_as}")
    line = " ".join(parts) or "(no identifier)"
    if notes:
        line += " (" + "; ".join(notes) + ")"
    return one_line(line)


def run(args: argparse.Namespace) -> int:
    from bot.intake import parse_issue_detailed

    if args.event:
        if args.title is not None or args.body_file is not None:
            raise InputError("give either --event or --title/--body-file, not both")
        title, body = issue_from_event(args.event)
    elif args.title is not None or args.body_file is not None:
        title = args.title or ""
        body = decode(read_bytes(args.body_file, "body file")) if args.body_file else None
    else:
        raise InputError("nothing to read: give --title and --body-file, or --event PAYLOAD.json")

    result = parse_issue_detailed(title, body, ignore_ids=args.ignore_id)
    if result.dropped:
        print(
            f"survey-bot: note: the issue lists more papers than the limit; "
            f"{result.dropped} not read",
            file=sys.stderr,
        )
    if args.json:
        json.dump(
            {"suggestions": [s.to_json() for s in result.suggestions]},
            sys.stdout,
            ensure_ascii=False,
            indent=2,
        )
        sys.stdout.write("\n")
    elif not result.suggestions:
        print("no paper suggestion found")
    else:
        for index, suggestion in enumerate(result.suggestions, 1):
            print(f"{index}. {describe(suggestion)}")
    return 0
