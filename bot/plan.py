"""What one batch changes, as data: pure, deterministic, no git and no GitHub.

``plan_batch`` turns the pending papers plus the current texts of the survey's
files into the new texts, the drafted changelog line, the names thanked and the
skipped items; ``pull_title``/``pull_body``/``commit_message`` present that plan.
The same inputs always give the same outputs (items are sorted by issue number,
the date is an input), which is what lets the batch rebuild its branch from
scratch on every run and still push nothing when nothing changed.

Both ``survey-bot batch`` (on a commit) and ``survey-bot add`` (on a working
tree) use it, so a paper added locally looks exactly like one added by the bot.

The pull request body ends with a hidden data line, written here (outside the
template, so an override cannot drop it)::

    <!-- survey-bot:batch eyJ2IjoxLC... -->

base64url of compact JSON (its alphabet cannot close the HTML comment): the
base commit, the date and the items, so a later run knows which issues a merged
pull request added without re-reading the diff.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import difflib
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from jinja2.sandbox import SandboxedEnvironment

from bot.config import Config
from bot.editors import apply_all
from bot.editors.changelog import ChangelogEntry, summary
from bot.escaping import one_line
from bot.matching import ReferenceIndex
from bot.models import PaperItem, Query, Reference, Skipped
from bot.references import detect_format, parse
from bot.render import make_environment, render

DATA_PREFIX = "<!-- survey-bot:batch "
DATA_SUFFIX = " -->"
DATA_VERSION = 1
_DATA = re.compile(r"<!-- survey-bot:batch (?P<data>[A-Za-z0-9_-]*={0,2}) -->")


@dataclass(frozen=True)
class BatchData:
    """What a batch pull request remembers about itself (hidden in its body)."""

    base: str  # the default branch commit the branch was built on
    day: str  # ISO date of the changelog entry
    items: tuple[dict[str, Any], ...] = ()  # {"issue", "title", "section", "arxiv", "doi"}

    @property
    def issues(self) -> tuple[int, ...]:
        """Issue numbers of the items, ascending, each once."""
        return tuple(sorted({i["issue"] for i in self.items if isinstance(i.get("issue"), int)}))

    def to_json(self) -> dict[str, Any]:
        return {"v": DATA_VERSION, "base": self.base, "day": self.day, "items": list(self.items)}


@dataclass(frozen=True)
class BatchPlan:
    """The outcome of applying every pending paper to the survey's files."""

    day: dt.date
    files: dict[str, str] = field(default_factory=dict)  # changed files only: path -> new text
    added: tuple[PaperItem, ...] = ()  # papers that really went in, in order
    skipped: tuple[Skipped, ...] = ()
    thanked: tuple[str, ...] = ()  # names added to the acknowledgements
    changelog: str | None = None  # the drafted changelog line, None when nothing was added
    changes: tuple[str, ...] = ()  # human-readable, one per edit

    @property
    def issues(self) -> tuple[int, ...]:
        """Issues whose papers went in: the pull request closes them."""
        return tuple(sorted({i.issue for i in self.added if i.issue is not None}))


def sort_items(items: Sequence[PaperItem]) -> list[PaperItem]:
    """Items in a stable order: by issue number (no issue last), then as given."""
    ranked = sorted(enumerate(items), key=lambda p: (p[1].issue is None, p[1].issue or 0, p[0]))
    return [item for _, item in ranked]


def target_paths(config: Config) -> list[str]:
    """The files the editors may change, each once, in configuration order."""
    targets = (config.paper_list, config.bibtex, config.changelog, config.acknowledgements)
    return list(dict.fromkeys(t.path for t in targets if t is not None))


def reference_sources(config: Config) -> list[tuple[str, str | None]]:
    """(path, format) of every file whose entries count as cited (default: the edited ones)."""
    if config.references:
        return [(source.path, source.format) for source in config.references]
    targets = [
        (t.path, f) for t, f in ((config.bibtex, "bibtex"), (config.paper_list, "markdown")) if t
    ]
    return list(dict.fromkeys(targets))


def reference_index(texts: Mapping[str, str | None], config: Config) -> ReferenceIndex:
    """An index over the references in ``texts`` (path -> text; missing files count as empty)."""
    references: list[Reference] = []
    for path, format in reference_sources(config):
        text = texts.get(path)
        if text:
            references.extend(parse(text, format or detect_format(path, text), path).references)
    return ReferenceIndex.build(references)


def cited_as(index: ReferenceIndex, item: PaperItem) -> Reference | None:
    """The existing reference ``item`` certainly is (verdict ``cited``), or None."""
    result = index.check(Query.from_record(item.record))
    return result.match if result.verdict == "cited" else None


def describe_reference(ref: Reference) -> str:
    """``[57] in paper/references.bib:120`` (the key when unnumbered)."""
    label = f"[{ref.number}]" if ref.number is not None else (ref.key or f"{ref.title!r}")
    where = f" in {ref.source}" + (f":{ref.line}" if ref.line else "") if ref.source else ""
    return f"{label}{where}"


def plan_batch(
    files: Mapping[str, str],
    config: Config,
    items: Sequence[PaperItem],
    day: dt.date,
    env: SandboxedEnvironment | None = None,
) -> BatchPlan:
    """Apply ``items`` (sorted by issue) to ``files`` (path -> current text) on ``day``.

    Raises ``EditError`` when a configured file is missing or cannot take an item
    at all; items an editor merely skips are reported in ``skipped``.
    """
    edits = apply_all(files, config, sort_items(items), day, env)
    drafted = None
    if edits.added:
        entry = ChangelogEntry.from_items(day, edits.added)
        drafted = summary(entry.papers, entry.sections, config.language)
    return BatchPlan(
        day=day,
        files=dict(sorted(edits.files.items())),
        added=edits.added,
        skipped=edits.skipped,
        thanked=tuple(t.name for t in edits.thanked),
        changelog=drafted,
        changes=edits.changes,
    )


def batch_data(plan: BatchPlan, base: str) -> BatchData:
    return BatchData(
        base=base,
        day=plan.day.isoformat(),
        items=tuple(
            {
                "issue": item.issue,
                "title": one_line(item.record.title),
                "section": item.section,
                "arxiv": item.record.arxiv,
                "doi": item.record.doi,
            }
            for item in plan.added
        ),
    )


def encode_data(data: BatchData) -> str:
    raw = json.dumps(data.to_json(), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    encoded = base64.urlsafe_b64encode(raw.encode("utf-8")).decode("ascii").rstrip("=")
    return f"{DATA_PREFIX}{encoded}{DATA_SUFFIX}"


def decode_data(body: str | None) -> BatchData | None:
    """The data hidden in a batch pull request's body; None when absent or unreadable."""
    found = list(_DATA.finditer(body or ""))
    if not found:
        return None
    data = found[-1].group("data").rstrip("=")
    try:
        raw = json.loads(base64.urlsafe_b64decode(data + "=" * (-len(data) % 4)).decode("utf-8"))
    except (ValueError, binascii.Error, UnicodeDecodeError, RecursionError):
        return None
    if not isinstance(raw, dict) or raw.get("v") != DATA_VERSION:
        return None
    items = raw.get("items")
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        return None
    return BatchData(
        base=str(raw.get("base") or ""), day=str(raw.get("day") or ""), items=tuple(items)
    )


def commit_message(config: Config, plan: BatchPlan) -> str:
    """Subject plus one line per paper; titles folded to one line."""
    lines = [pull_title(config, plan), ""]
    for item in plan.added:
        issue = f" (#{item.issue})" if item.issue is not None else ""
        lines.append(f"- {one_line(item.record.title)}{issue}")
    if plan.thanked:
        lines += ["", "Thanks: " + ", ".join(one_line(n) for n in plan.thanked)]
    return "\n".join(lines) + "\n"


def pull_title(config: Config, plan: BatchPlan) -> str:
    count = len(plan.added)
    return f"{config.batch.title} ({count} paper{'' if count == 1 else 's'})"


def pull_body(
    config: Config, plan: BatchPlan, base: str, env: SandboxedEnvironment | None = None
) -> str:
    """The pull request body: readable summary, ``Closes #N`` lines, then the hidden data."""
    name = "pr-body.zh.md.j2" if config.language == "zh" else "pr-body.md.j2"
    visible = render(
        name,
        env or make_environment(),
        papers=[
            {
                "title": item.record.title,
                "arxiv": item.record.arxiv,
                "doi": item.record.doi,
                "section": item.section,
                "issue": item.issue,
            }
            for item in plan.added
        ],
        issues=list(plan.issues),
        changelog=plan.changelog,
        thanked=list(plan.thanked),
        skipped=[{"what": s.what, "why": s.why} for s in plan.skipped],
        branch=config.batch.branch,
        base=base[:12],
    )
    return f"{visible.strip()}\n\n{encode_data(batch_data(plan, base))}\n"


def unified_diff(old: Mapping[str, str | None], new: Mapping[str, str]) -> str:
    """A ``git diff``-like unified diff of every file in ``new`` against ``old``."""
    parts: list[str] = []
    for path in sorted(new):
        before = (old.get(path) or "").splitlines(keepends=True)
        after = new[path].splitlines(keepends=True)
        lines = difflib.unified_diff(before, after, f"a/{path}", f"b/{path}")
        parts.extend(line if line.endswith("\n") else line + "\n" for line in lines)
    return "".join(parts)
