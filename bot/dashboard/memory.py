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

from collections.abc import Callable, Iterable, Sequence

from bot.dashboard.entries import work_ids
from bot.dashboard.model import Entry
from bot.identity import ids_of_url, typed
from bot.issue.state import Earlier, PaperState

MAX_EARLIER = 3  # other issues named per paper: the latest decisions matter


def same_work(a: Iterable[str], b: Iterable[str]) -> bool:
    """Whether two id sets name one work: any shared id; titles only when a side has no id."""
    a, b = set(a), set(b)
    ids_a = {i for i in a if not i.startswith("title:")}
    ids_b = {i for i in b if not i.startswith("title:")}
    if ids_a and ids_b:
        return bool(ids_a & ids_b)
    return bool((a - ids_a) & (b - ids_b))


def paper_ids(paper: PaperState, linked: Callable[[Iterable[str]], set[str]]) -> set[str]:
    """Every id the triage knows for ``paper``: its record's, those of the link the reader
    gave (an OpenReview forum the services could not resolve today), and every id the
    metadata cache links to them (``linked``: ``Resolver.known_ids``, no lookup)."""
    ids = set(work_ids(paper.record)) | asked_ids(paper.asked)
    ids |= {k for k in paper.keys if k.startswith(("arxiv:", "doi:"))}
    typed = {i for i in ids if not i.startswith("title:")}
    return ids | (linked(typed) if typed else set())


#: How the triage writes what the reader asked for (``triage._asked``), by id kind.
_ASKED = (
    ("arXiv:", "arxiv"),
    ("DOI ", "doi"),
    ("OpenReview ", "openreview"),
    ("ACL Anthology ", "acl"),
)


def asked_ids(asked: str) -> set[str]:
    """The typed id in what the reader asked for (``arXiv:2106.09685``, ``OpenReview abc``),
    or those of the link they gave."""
    for label, kind in _ASKED:
        if asked.startswith(label):
            found = typed(kind, asked[len(label) :])
            return {found} if found else set()
    return ids_of_url(asked)


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
