"""The matcher's answer from the assessed candidates.

A clear best match is ``cited`` (naming the numbered entry when the survey keeps
the paper in several files); two matches that are different papers, or only
possible ones, are ``ambiguous`` with a short ranked list; nothing is ``new``.
"""

from __future__ import annotations

from bot.matching.evidence import Assessment, distinct, kept_twice
from bot.models import CheckResult, Query, ScoredReference

# Ambiguous answers list at most this many candidates.
MAX_AMBIGUOUS = 5


def decide(query: Query, assessed: list[Assessment]) -> CheckResult:
    """The verdict from the assessed candidates: ``cited`` when one paper is a clear
    match, ``ambiguous`` with the few to choose from, else ``new``."""
    ranked = sorted(assessed, key=lambda a: (-a.score, a.entry.order))
    matches = [a for a in ranked if a.level == "match"]
    possible = [a for a in ranked if a.level == "possible"]
    if matches:
        best = matches[0]
        rivals = [a for a in matches[1:] if distinct(best.entry, a.entry)]
        if not rivals or rivals[0].score < best.score - 0.05:
            dupes = [a for a in matches if a is best or not distinct(best.entry, a.entry)]
            # The same paper in several files: name the numbered entry ("[22]"), as
            # for identifier matches, since that is how readers see it cited.
            shown = min(dupes, key=lambda a: (a.entry.ref.number is None, -a.score))
            return CheckResult(
                query,
                "cited",
                shown.entry.ref,
                best.score,
                best.reason,
                tuple(_scored(a) for a in dupes),
            )
        return _ambiguous(query, [*matches, *possible])
    if possible:
        return _ambiguous(query, possible)
    return CheckResult(query, "new", reason="no-match")


def _ambiguous(query: Query, ranked: list[Assessment]) -> CheckResult:
    """No clear winner: the best score and reason, and the first few to choose from.

    One paper kept in several files (the .bib, the README list, the printed list)
    is one choice, not several: only its first entry is listed.
    """
    best = ranked[0]
    listed: list[Assessment] = []
    for a in ranked:
        if not any(kept_twice(kept.entry, a.entry) for kept in listed):
            listed.append(a)
    listed = listed[:MAX_AMBIGUOUS]
    return CheckResult(
        query, "ambiguous", None, best.score, best.reason, tuple(_scored(a) for a in listed)
    )


def _scored(a: Assessment) -> ScoredReference:
    return ScoredReference(a.entry.ref, a.score, a.reason)
