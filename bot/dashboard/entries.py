"""A reader issue's triage state -> the entries the dashboard lists for it. Pure.

Only papers a maintainer can decide on (identified, new or possibly cited)
and papers already decided are listed: a paper the survey already cites, or
one the bot could not identify, needs no decision.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.dashboard.model import MAX_TITLE, Entry
from bot.identity import ids_of
from bot.issue.state import PaperState, TriageState
from bot.suggestions import PaperRecord
from bot.text.escaping import one_line


def work_ids(record: PaperRecord | None, *more: Iterable[str]) -> tuple[str, ...]:
    """Every typed id of the paper (those the metadata cache linked too) and its title key.

    The title key (``title:`` + letters and digits) is only used when one side
    of a comparison has no id (``bot.dashboard.memory``).
    """
    ids: set[str] = set()
    for extra in more:
        ids |= set(extra)
    if record is not None:
        ids |= set(record.ids) | ids_of(
            arxiv=record.arxiv, dois=[record.doi, record.published_doi], urls=[record.url or ""]
        )
        if key := title_key(record.title):
            ids.add(key)
    return tuple(sorted(ids))


def title_key(title: str | None) -> str | None:
    key = re.sub(r"\W+", "", one_line(title or "").casefold())
    return f"title:{key[:120]}" if key else None


def status_of(paper: PaperState, state: TriageState) -> str | None:
    """Where one paper stands; None for a paper that needs no decision."""
    decided = paper.accepted or paper.done
    if state.rejected and paper.record is not None and paper.verdict in {"new", "ambiguous"}:
        return "declined"
    if paper.done:
        return "merged"
    if paper.accepted:
        return "in_pull" if paper.in_pull is not None else "accepted"
    if paper.acceptable and not decided:
        return "awaiting"
    return None


def issue_entries(
    number: int,
    reader: str,
    state: TriageState | None,
    since: str,
    default_section: str | None,
    known: Iterable[Entry] = (),
) -> tuple[Entry, ...]:
    """The entries of issue ``number``; ``known`` (its entries so far) keeps ids and versions."""
    if state is None:
        return ()
    before = {e.paper: e for e in known}
    entries: list[Entry] = []
    for n, paper in enumerate(state.papers):
        status = status_of(paper, state)
        if status is None or paper.record is None:
            continue
        old = before.get(n)
        same = old is not None and old.title == one_line(paper.record.title)[:MAX_TITLE]
        entries.append(
            Entry(
                issue=number,
                paper=n,
                title=one_line(paper.record.title)[:MAX_TITLE],
                reader=reader,
                status=status,
                since=state.since or (old.since if old else "") or since,
                # The proposed section is a heading of the list (the reader's when it is
                # one); a reader's wish that names none is only a hint, never a target.
                section=paper.section or paper.proposed_section or default_section,
                pull=paper.merged_in if status == "merged" else paper.in_pull,
                version=paper.released_in or (old.version if same and old else None),
                reason=state.rejected_reason if status == "declined" else None,
                ids=work_ids(paper.record, old.ids if same and old else ()),
            )
        )
    return tuple(entries)
