"""Memory by work, not by link: a paper suggested again is recognised by its ids. Pure.

The dashboard's entries keep every typed id of each suggested paper (the ones
the metadata layer linked: the arXiv id, the DOIs of the preprint and the
published version, ACL Anthology, OpenReview, dblp), so a paper declined in
one issue is recognised in another that links its OpenReview page or its DOI
instead. Titles decide only when one side has no id at all. The triage then
says where the paper was considered and what became of it; the decision stays
the maintainer's.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from bot.dashboard.model import Entry
from bot.issue.state import Earlier

MAX_EARLIER = 3  # other issues named per paper: the latest decisions matter


def same_work(a: Iterable[str], b: Iterable[str]) -> bool:
    """Whether two id sets name one work: any shared id; titles only when a side has no id."""
    a, b = set(a), set(b)
    ids_a = {i for i in a if not i.startswith("title:")}
    ids_b = {i for i in b if not i.startswith("title:")}
    if ids_a and ids_b:
        return bool(ids_a & ids_b)
    return bool((a - ids_a) & (b - ids_b))


def recall(entries: Sequence[Entry], ids: Iterable[str], issue: int) -> tuple[Earlier, ...]:
    """Where else the work with ``ids`` was suggested (not in ``issue``): declined first."""
    ids = tuple(ids)
    if not ids:
        return ()
    found = {
        e.issue: Earlier(e.issue, e.status, e.reason)
        for e in entries
        if e.issue != issue and same_work(ids, e.ids)
    }
    ordered = sorted(found.values(), key=lambda e: (e.status != "declined", -e.issue))
    return tuple(ordered[:MAX_EARLIER])
