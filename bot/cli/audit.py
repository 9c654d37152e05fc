"""``survey-bot audit``: check the survey's own list (see ``bot.audit``).

Reads the ``references:`` of the survey in ``--repo`` (or ``--refs`` files) and
reports the same work twice in a section, conflicting details or identifiers
of one work in several sections, preprints with a known published version,
numbering that skips or repeats, malformed entries and one work linked in
different forms: as text, as ``--json`` (a list of findings: kind, message, the
entries with file, line and identifiers, and the proposed fix), and in the
Actions job summary when ``GITHUB_STEP_SUMMARY`` is set. ``--offline`` uses the
survey's metadata cache alone (no lookups). Finding the published versions
otherwise asks the metadata services once per listed arXiv id.

``--fix`` writes the mechanical fixes (numbering, link forms) and the fixes of
findings accepted with ``--accept ID`` (a venue upgrade) as one pull request on
the branch ``survey-bot/audit``, with the environment of ``survey-bot batch``.
Exit codes: 0 done (findings are a report, not a failure), 1 GitHub or git
refused, 2 bad configuration or input.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import TYPE_CHECKING

from bot.errors import InputError

if TYPE_CHECKING:
    from bot.audit import Finding, Knowledge, Source


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--repo", metavar="DIR", help="the survey (default: $GITHUB_WORKSPACE, else .)"
    )
    parser.add_argument(
        "--refs", action="append", metavar="FILE",
        help="audit these files instead of the configured references (repeatable)",
    )  # fmt: skip
    parser.add_argument("--format", metavar="F", help="format of every --refs file")
    parser.add_argument("--json", action="store_true", help="print the findings as a JSON array")
    parser.add_argument(
        "--offline", action="store_true", help="use the metadata cache only, no lookups"
    )
    parser.add_argument(
        "--fix", action="store_true",
        help="open (or update) one pull request with the mechanical fixes and the accepted ones",
    )  # fmt: skip
    parser.add_argument(
        "--accept", action="append", default=[], metavar="ID",
        help="with --fix: also write the fix of this finding (a venue upgrade); repeatable",
    )  # fmt: skip


def run(args: argparse.Namespace) -> int:
    if args.accept and not args.fix:
        raise InputError("--accept only applies with --fix")
    if args.fix:
        return _fix(args)
    repo = Path(args.repo or os.environ.get("GITHUB_WORKSPACE") or ".")
    sources = _sources(args, repo)
    findings = _audit(sources, repo, offline=args.offline)
    _print(findings, as_json=args.json)
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        from bot.audit.report import markdown_report

        with open(summary, "a", encoding="utf-8") as handle:
            handle.write(markdown_report(findings) + "\n")
    return 0


def _sources(args: argparse.Namespace, repo: Path) -> list[Source]:
    from bot.audit.load import read_sources
    from bot.cli.refs import configured_sources

    if args.refs:
        files = [(Path(path), args.format) for path in args.refs]
    else:
        files = configured_sources(repo)
    return read_sources(files, repo)


def _audit(sources: list[Source], repo: Path, *, offline: bool) -> list[Finding]:
    from bot.audit import audit_sources

    return audit_sources(sources, _known(sources, repo, offline=offline))


def _known(sources: list[Source], repo: Path, *, offline: bool) -> Knowledge:
    """What the survey's metadata cache (and, online, the services) know of its works;
    nothing, and no cache created, offline without a cache."""
    from bot.audit import Knowledge
    from bot.audit.load import known
    from bot.cli.actions import parse_metadata_urls
    from bot.cli.check import survey_settings
    from bot.metadata import build_resolver

    config = survey_settings(repo)
    cache = Path(config.metadata.cache) if config.metadata.cache else None
    if cache is not None and not cache.is_absolute():
        cache = repo / cache
    if offline and (cache is None or not cache.is_file()):
        return Knowledge()
    urls = parse_metadata_urls(os.environ.get("SURVEY_BOT_METADATA_URLS", "").strip())
    with build_resolver(config, offline=offline, base_urls=urls) as resolver:
        return known(sources, resolver)


def _print(findings: list[Finding], *, as_json: bool) -> None:
    if as_json:
        import json

        from bot.audit.report import json_report

        print(json.dumps(json_report(findings), ensure_ascii=False, indent=2))
    else:
        from bot.audit.report import text_report

        print(text_report(findings), end="")


def _fix(args: argparse.Namespace) -> int:
    from bot.cli.actions import run_in_actions

    def fix(env: object, out: object) -> int:
        from bot.audit.pull import open_fix_pull
        from bot.audit.report import markdown_report
        from bot.cli.actions import ActionsEnv, Output, connect_port

        assert isinstance(env, ActionsEnv) and isinstance(out, Output)
        repo = Path(args.repo) if args.repo else env.workspace
        sources = _sources(args, repo)
        known = _known(sources, repo, offline=args.offline)
        port = connect_port(env)
        try:
            outcome = open_fix_pull(
                repo, sources, port, known=known, accepted=args.accept,
                token=env.token, server_url=env.server_url,
            )  # fmt: skip
        finally:
            port.close()
        where = f" #{outcome.number}" if outcome.number else ""
        out.info(f"survey-bot: audit --fix: {outcome.action}{where}")
        out.summary(markdown_report(list(outcome.fixed), title="survey-bot: audit --fix"))
        return 0

    return run_in_actions("survey-bot audit", fix, os.environ, Path.cwd(), needs_event=False)
