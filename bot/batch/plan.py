"""What one batch changes, as data: pure, deterministic, no git and no GitHub.

``plan_batch`` turns the pending papers (and the names owed by issues without
a paper: ``/thank`` names, readers of papers added by hand) plus the current
texts of the survey's files into the new texts, the drafted changelog line,
the names thanked, the papers not included (no such section) and the skipped
items; ``pull_title``/``pull_body``/``commit_message`` present that plan.
The same inputs always give the same outputs (items are sorted by issue number,
the date is an input), which is what lets the batch rebuild its branch from
scratch on every run and still push nothing when nothing changed.

Both ``survey-bot batch`` (on a commit) and ``survey-bot add`` (on a working
tree) use it, so a paper added locally looks exactly like one added by the bot.

The pull request body ends with a hidden data line, written here (outside the
template, so an override cannot drop it)::

    <!-- survey-bot:batch eyJ2IjoxLC... -->

base64url of compact JSON (its alphabet cannot close the HTML comment): the
base commit, the date, the papers and the thanked names with their issues, so
a later run knows which issues a merged pull request added without re-reading
the diff, and whether a pull request closed unmerged held exactly what is
pending now.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from bot.config import Config
from bot.editors import Unplaced, apply_all, reader_key
from bot.editors.acknowledgements import thanked_keys
from bot.editors.changelog.entry import ChangelogEntry, summary
from bot.editors.common import describe_record, name_key
from bot.issue.replies import template_name
from bot.matching import ReferenceIndex
from bot.models import Query, Reference, Skipped
from bot.references import detect_format, parse
from bot.render import Renderer
from bot.suggestions import PaperItem, Thanks
from bot.text.escaping import one_line
from bot.text.hidden import pack, unpack
from bot.text.neutralize import plain

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
    # {"issue", "login", "name"}: every name handed to the acknowledgements for an issue (with
    # its papers, or alone): once merged, those people are thanked, and no one else.
    thanks: tuple[dict[str, Any], ...] = ()
    since: str = ""  # when the oldest of its issues was opened: their comments are newer

    @property
    def issues(self) -> tuple[int, ...]:
        """Issue numbers of the papers and thanks, ascending, each once."""
        numbers = {i.get("issue") for i in (*self.items, *self.thanks)}
        return tuple(sorted(n for n in numbers if isinstance(n, int) and not isinstance(n, bool)))

    def thanked(self, issue: int) -> set[str] | None:
        """The logins (lower-case) it thanked for ``issue``; None for data too old to say."""
        entries = [t for t in self.thanks if t.get("issue") == issue]
        if any("login" not in t for t in entries):
            return None
        return {str(t["login"]).lower() for t in entries if t.get("login")}

    def same_edits(self, other: BatchData) -> bool:
        """Whether both add the same papers and names (whatever their base and date)."""
        return (self.items, self.thanks) == (other.items, other.thanks)

    def to_json(self) -> dict[str, Any]:
        return {
            "v": DATA_VERSION,
            "base": self.base,
            "day": self.day,
            "items": list(self.items),
            "thanks": list(self.thanks),
            **({"since": self.since} if self.since else {}),
        }


@dataclass(frozen=True)
class ThanksItem:
    """The names one issue without a paper to add owes the acknowledgements (``thanks_only``):
    its ``/thank`` names, and its reader's when a maintainer added its paper by hand."""

    issue: int
    thanks: tuple[Thanks, ...]


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
    thanks_added: tuple[ThanksItem, ...] = ()  # thanks-only issues, with their names that went in
    not_included: tuple[Unplaced, ...] = ()  # accepted papers left out: no such section

    @property
    def left_out(self) -> tuple[Skipped, ...]:
        """Everything that did not go in: papers not included first, then editors' skips."""
        papers = (Skipped(describe_record(u.item.record), u.why) for u in self.not_included)
        return (*papers, *self.skipped)

    @property
    def issues(self) -> tuple[int, ...]:
        """Issues whose papers or names went in."""
        papers = {i.issue for i in self.added if i.issue is not None}
        return tuple(sorted(papers | {t.issue for t in self.thanks_added}))

    @property
    def part_of(self) -> tuple[int, ...]:
        """Issues of ``issues`` with a paper not included: merging must leave them open."""
        left = {u.item.issue for u in self.not_included}
        return tuple(n for n in self.issues if n in left)

    @property
    def closes(self) -> tuple[int, ...]:
        """Issues the pull request finishes: it says ``Closes #N`` for these only."""
        partly = set(self.part_of)
        return tuple(n for n in self.issues if n not in partly)


def sort_items(items: Sequence[PaperItem]) -> list[PaperItem]:
    """Items in a stable order: by issue number (no issue last), then as given."""
    ranked = sorted(enumerate(items), key=lambda p: (p[1].issue is None, p[1].issue or 0, p[0]))
    return [item for _, item in ranked]


def target_paths(config: Config) -> list[str]:
    """The files the editors may change, each once, in configuration order."""
    targets = (config.paper_list, config.bibtex, *config.changelog, *config.acknowledgements)
    return list(dict.fromkeys(t.path for t in targets if t is not None))


def reference_sources(config: Config) -> list[tuple[str, str | None]]:
    """(path, format) of every file whose entries count as cited (default: the edited ones)."""
    if config.references:
        return [(source.path, source.format) for source in config.references]
    pairs = ((config.bibtex, "bibtex"), (config.paper_list, "markdown"))
    targets = [(t.path, f) for t, f in pairs if t and not t.path.lower().endswith(".tex")]
    return list(dict.fromkeys(targets))


def source_paths(config: Config) -> list[str]:
    """Every file a batch reads, each once: the edited ones, then the reference sources."""
    return list(dict.fromkeys([*target_paths(config), *(p for p, _ in reference_sources(config))]))


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


def drop_thanked(
    thanks: Sequence[ThanksItem], texts: Mapping[str, str | None], config: Config
) -> tuple[list[ThanksItem], list[str]]:
    """Thanks-only names not yet in the acknowledgements, and a line for each issue dropping some.

    Like papers already cited, names already there (by hand, or by another pull
    request) drop out, so an issue holding only such names adds nothing.
    """
    if not config.acknowledgements or not thanks:
        return list(thanks), []
    # A name counts as there when every thank-you of the survey has it.
    present = set.intersection(
        *(
            thanked_keys(texts.get(t.path) or "", t.heading, path=t.path, phrase=t.phrase)
            for t in config.acknowledgements
        )
    )
    keep: list[ThanksItem] = []
    landed: list[str] = []
    for entry in thanks:
        there = [p for p in entry.thanks if name_key(p.name or p.login) in present]
        if there:
            names = ", ".join(repr(one_line(p.name)) for p in there)
            landed.append(f"#{entry.issue} {names}: already in the acknowledgements")
        rest = tuple(p for p in entry.thanks if p not in there)
        if rest:
            keep.append(ThanksItem(entry.issue, rest))
    return keep, landed


def describe_reference(ref: Reference) -> str:
    """``[57] in paper/references.bib:120`` (the key when unnumbered)."""
    label = f"[{ref.number}]" if ref.number is not None else (ref.key or f"{ref.title!r}")
    where = f" in {ref.source}" + (f":{ref.line}" if ref.line else "") if ref.source else ""
    return f"{label}{where}"


def plan_batch(
    texts: Mapping[str, str | None],
    config: Config,
    items: Sequence[PaperItem],
    day: dt.date,
    thanks: Sequence[ThanksItem] = (),
    *,
    renderer: Renderer,
) -> BatchPlan:
    """Apply ``items`` (sorted by issue) and ``thanks`` to ``texts`` (path -> text) on ``day``.

    A configured file missing from ``texts`` (or None there) starts empty; one an
    editor cannot use raises ``EditError``. A paper
    whose section does not exist is reported in ``not_included`` (the others go
    ahead); items an editor merely skips are reported in ``skipped``.
    """
    ordered = sorted(thanks, key=lambda t: t.issue)
    extra = [person for entry in ordered for person in entry.thanks]
    files = {path: texts.get(path) or "" for path in target_paths(config)}
    edits = apply_all(files, config, sort_items(items), day, extra, renderer=renderer)
    added_keys = {reader_key(person) for person in edits.thanked}
    thanks_added = [
        ThanksItem(entry.issue, tuple(p for p in entry.thanks if reader_key(p) in added_keys))
        for entry in ordered
    ]
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
        thanks_added=tuple(t for t in thanks_added if t.thanks),
        not_included=edits.unplaced,
    )


def batch_data(plan: BatchPlan, base: str, since: str = "") -> BatchData:
    """``plan`` as the pull request remembers it; ``since`` is when its oldest issue was opened."""
    handed = [(item.issue, item.thanks) for item in plan.added if item.issue is not None]
    handed += [(entry.issue, entry.thanks) for entry in plan.thanks_added]
    thanks: list[dict[str, Any]] = []
    for issue, people in handed:
        for person in people:
            entry = {"issue": issue, "login": person.login, "name": one_line(person.name)}
            if person.login and entry not in thanks:
                thanks.append(entry)
    return BatchData(
        base=base,
        day=plan.day.isoformat(),
        since=since,
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
        thanks=tuple(thanks),
    )


def encode_data(data: BatchData) -> str:
    return f"{DATA_PREFIX}{pack(data.to_json())}{DATA_SUFFIX}"


def decode_data(body: str | None) -> BatchData | None:
    """The data hidden in a batch pull request's body; None when absent or unreadable."""
    found = list(_DATA.finditer(body or ""))
    if not found:
        return None
    try:
        raw = unpack(found[-1].group("data"))
    except ValueError:
        return None
    if not isinstance(raw, dict) or raw.get("v") != DATA_VERSION:
        return None
    items = raw.get("items")
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        return None
    thanks = raw.get("thanks", [])
    if not isinstance(thanks, list) or not all(isinstance(t, dict) for t in thanks):
        return None
    return BatchData(
        base=str(raw.get("base") or ""),
        day=str(raw.get("day") or ""),
        items=tuple(items),
        thanks=tuple(thanks),
        since=str(raw.get("since") or ""),
    )


def commit_message(config: Config, plan: BatchPlan) -> str:
    """Subject plus one line per paper; reader text through ``neutralize.plain`` (a title
    reading "Fixes #2" must not close issue 2 when the commit reaches the default branch)."""
    lines = [pull_title(config, plan), ""]
    for item in plan.added:
        issue = f" (#{item.issue})" if item.issue is not None else ""
        lines.append(f"- {plain(item.record.title)}{issue}")
    if plan.thanked:
        lines += ["", "Thanks: " + ", ".join(plain(n) for n in plan.thanked)]
    return "\n".join(lines) + "\n"


def pull_title(config: Config, plan: BatchPlan) -> str:
    """The configured title plus what the batch adds: papers, or only names to thank."""
    count = len(plan.added)
    if config.language == "zh":
        return f"{config.batch.title}（{f'{count} 篇论文' if count else '致谢'}）"
    if not count:
        return f"{config.batch.title} (acknowledgements only)"
    return f"{config.batch.title} ({count} paper{'' if count == 1 else 's'})"


def pull_body(
    config: Config, plan: BatchPlan, base: str, *, renderer: Renderer, since: str = ""
) -> str:
    """The pull request body: readable summary, ``Closes #N`` lines, then the hidden data.

    Every value from a reader or a metadata service goes through ``neutralize.plain``
    first (then the template's Markdown filter): only the bot's own ``Closes #N``
    lines close anything, and templates a survey overrides get defused values too.

    An issue the pull request only partly covers is named ``Part of #N``: GitHub
    closes every ``Closes #N`` on merge, and the issue's left-out paper is still
    to come.
    """
    visible = renderer.render(
        template_name("pr-body", config.language),
        papers=[
            {
                "title": plain(item.record.title),
                "arxiv": plain(item.record.arxiv) or None,
                "doi": plain(item.record.doi) or None,
                "section": plain(item.section) or None,
                "issue": item.issue,
            }
            for item in plan.added
        ],
        issues=list(plan.closes),
        part_of=list(plan.part_of),
        changelog=plain(plan.changelog) or None,
        thanked=[plain(name) for name in plan.thanked],
        thanks_only=[
            {"issue": t.issue, "names": [plain(p.name) for p in t.thanks]}
            for t in plan.thanks_added
        ],
        not_included=[
            {"title": plain(u.item.record.title), "issue": u.item.issue, "why": plain(u.why)}
            for u in plan.not_included
        ],
        skipped=[{"what": plain(s.what), "why": plain(s.why)} for s in plan.skipped],
        branch=config.batch.branch,
        base=base[:12],
    )
    return f"{visible.strip()}\n\n{encode_data(batch_data(plan, base, since))}\n"


def unified_diff(old: Mapping[str, str | None], new: Mapping[str, str]) -> str:
    """A ``git diff``-like unified diff of every file in ``new`` against ``old``."""
    parts: list[str] = []
    for path in sorted(new):
        before = (old.get(path) or "").splitlines(keepends=True)
        after = new[path].splitlines(keepends=True)
        lines = difflib.unified_diff(before, after, f"a/{path}", f"b/{path}")
        parts.extend(line if line.endswith("\n") else line + "\n" for line in lines)
    return "".join(parts)
