"""Planning the triage of an issue, as data. Pure: no GitHub, no network.

``plan_triage``: an issue was opened or edited (or a maintainer asked for
``/recheck``). Its suggestions, their resolved metadata and the matcher's
verdicts become one triage comment, the bot's labels and the ``TriageState``
hidden in that comment. Decisions taken earlier (``/accept``, ``/reject``,
``/thank``) survive the edit: a paper keeps them while its ids (``paper_keys``,
``same_paper``) say it is the same paper.

Every untrusted field is clipped here (``clip``, ``clip_record``), so that ten
papers always fit in one GitHub comment; the maintainers' slash commands are
planned in ``bot.issue.decisions``, and what happens once papers reach the
survey in ``bot.batch.followup``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

from bot.config import Config
from bot.editors.sections import Heading, match_heading
from bot.identifiers import normalize_arxiv, normalize_doi
from bot.issue import replies
from bot.issue.state import (
    Earlier,
    PaperState,
    RefSummary,
    TriageState,
    changed_fields,
    record_digest,
    same_paper,
)
from bot.models import CheckResult, Reference, Skipped
from bot.render import Renderer
from bot.suggestions import PaperRecord, Suggestion, Thanks
from bot.text.escaping import one_line
from bot.text.neutralize import person_name

MAX_PAPERS = 10  # per issue; more are counted in ``TriageState.omitted``, not checked
MAX_CANDIDATES = 5
MAX_AUTHORS_KEPT = 20  # longer author lists end with "others" (BibTeX's "et al.")
MAX_TEXT = 300
COMMENT_BUDGET = 60_000  # GitHub's limit is 65,536; commands may add a little later


@dataclass(frozen=True)
class IssueInfo:
    """The issue a plan is about, as far as the plans need it."""

    number: int
    author_login: str = ""
    labels: tuple[str, ...] = ()
    open: bool = True


@dataclass(frozen=True)
class TriagePlan:
    comment_body: str | None  # None: post or edit nothing
    labels_to_add: tuple[str, ...]
    labels_to_remove: tuple[str, ...]
    state: TriageState | None
    notes: tuple[str, ...] = ()  # for the log: e.g. an acceptance dropped by an edit


def desired_labels(state: TriageState | None, config: Config) -> set[str]:
    """The bot-managed labels an issue in ``state`` should carry."""
    names = config.labels
    if state is None:
        return set()
    wanted: set[str] = set()
    if state.papers:
        wanted.add(names.suggestion)
        if all(p.verdict == "cited" for p in state.papers):
            wanted.add(names.cited)
        if any(p.verdict == "new" and p.record is not None for p in state.papers):
            wanted.add(names.new)
        if any(p.record is None and p.verdict != "cited" for p in state.papers):
            wanted.add(names.needs_info)
    if state.rejected:
        wanted.add(names.rejected)
    elif state.accepted or state.extra_thanks:  # /thank alone also means "batch this issue"
        wanted.add(names.accepted)
    return wanted


def managed_labels(config: Config) -> set[str]:
    n = config.labels
    return {n.suggestion, n.cited, n.new, n.needs_info, n.accepted, n.rejected}


def label_changes(
    current: Iterable[str], state: TriageState | None, config: Config
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(to add, to remove) so that the bot's labels match ``state``; other labels stay."""
    current = set(current)
    wanted = desired_labels(state, config)
    return tuple(sorted(wanted - current)), tuple(
        sorted((managed_labels(config) - wanted) & current)
    )


# --- triage ---------------------------------------------------------------------------------


def plan_triage(
    issue: IssueInfo,
    suggestions: Sequence[Suggestion],
    resolutions: Sequence[PaperRecord | Skipped],
    results: Sequence[CheckResult | None],
    config: Config,
    previous_state: TriageState | None,
    sections: Sequence[Heading] | None = None,
    *,
    renderer: Renderer,
    today: str | None = None,
    recall: Callable[[PaperState], tuple[Earlier, ...]] | None = None,
) -> TriagePlan:
    """Plan the triage comment and labels for an opened or edited issue.

    Only the first ``MAX_PAPERS`` suggestions are used (the rest are counted),
    so the caller need only resolve and check those.

    ``resolutions[i]`` and ``results[i]`` belong to ``suggestions[i]``;
    ``results[i]`` may be None when the paper could not be resolved (the
    matcher may still have checked the reader's ids or title: then its verdict
    is used). ``previous_state`` is None exactly when the bot has not commented
    yet (pass a fresh ``TriageState()`` when its comment exists but its data
    was unreadable). ``sections``, the paper list's headings, turn a reader's
    suggested section into the heading's real name when it names one.
    ``today`` (ISO date) starts the wait for a decision on a first triage;
    ``recall`` names the other issues that suggested a paper's work
    (``bot.dashboard.memory``).
    """
    checked = list(suggestions)[:MAX_PAPERS]
    if len(resolutions) < len(checked) or len(results) < len(checked):
        raise ValueError("plan_triage needs one resolution and one result (or None) per suggestion")
    if not suggestions and previous_state is None:
        return TriagePlan(None, (), (), None)

    fresh = _one_per_work(
        [_paper_state(s, resolutions[i], results[i], sections) for i, s in enumerate(checked)]
    )
    if recall is not None:
        fresh = [replace(p, earlier=recall(p)) if p.verdict != "cited" else p for p in fresh]
    previous = previous_state or TriageState()
    reader = issue_reader(issue, checked) or previous.reader
    papers, notes = _carry_decisions(previous.papers, fresh, previous.reader, reader)
    state = replace(
        previous,
        papers=tuple(papers),
        omitted=max(0, len(suggestions) - MAX_PAPERS),
        reader=reader,
        reader_asked=asked_name(checked),
        # An issue triaged before without papers starts waiting now; one from an older bot
        # that did not record it says no date rather than a wrong one.
        since=previous.since or (today if not previous.papers else None),
    )
    gone = not papers and bool(previous.papers)
    state, body = _fit(
        state, lambda s: replies.triage_comment(s, config, renderer=renderer, papers_gone=gone)
    )
    add, remove = label_changes(issue.labels, state, config)
    return TriagePlan(body, add, remove, state, tuple(notes))


def _fit(state: TriageState, render: Callable[[TriageState], str]) -> tuple[TriageState, str]:
    """Shrink a state whose comment would exceed ``COMMENT_BUDGET``: fewer details, then papers.

    Clipping keeps ordinary issues far below the budget; this is the backstop
    that makes "one GitHub comment" hold for any input.
    """
    body = render(state)
    if len(body) > COMMENT_BUDGET:
        state = replace(state, papers=tuple(_compact(p) for p in state.papers))
        body = render(state)
    while len(body) > COMMENT_BUDGET and state.papers:
        state = replace(state, papers=state.papers[:-1], omitted=state.omitted + 1)
        body = render(state)
    return state, body


def _compact(paper: PaperState) -> PaperState:
    record = paper.record
    if record is not None and len(record.authors) > 3:
        record = replace(record, authors=(*record.authors[:3], "others"))
    return replace(paper, record=record, candidates=paper.candidates[:2])


def _paper_state(
    suggestion: Suggestion,
    resolution: PaperRecord | Skipped,
    result: CheckResult | None,
    sections: Sequence[Heading] | None,
) -> PaperState:
    record = clip_record(resolution) if isinstance(resolution, PaperRecord) else None
    why = clip(resolution.why) if isinstance(resolution, Skipped) else None
    hint = clip(suggestion.section)
    if hint and sections:
        hint = known_section(sections, hint) or hint
    base = PaperState(
        verdict="unresolved",
        keys=paper_keys(suggestion, record),
        asked=_asked(suggestion),
        record=record,
        why=why,
        suggested_section=hint or None,
    )
    if result is None:
        if record is not None:
            raise ValueError(f"no check result for the resolved paper {record.title!r}")
        return base
    if result.sections:  # the reader's section when it is a heading, else the model's
        best = result.sections[0]
        reader = known_section(sections, hint) if hint and sections else None
        base = replace(
            base,
            proposed_section=clip(reader or best.heading),
            proposed_because=() if reader else tuple(ref_summary(r, 0) for r in best.because),
        )
    match = result.match or (result.candidates[0].reference if result.candidates else None)
    if result.verdict == "cited" and match is not None:
        return replace(base, verdict="cited", match=ref_summary(match, result.score or 1.0))
    if result.verdict == "ambiguous" and result.candidates:
        ranked = sorted(result.candidates, key=lambda c: -c.score)[:MAX_CANDIDATES]
        return replace(
            base,
            verdict="ambiguous",
            candidates=tuple(ref_summary(c.reference, c.score) for c in ranked),
        )
    return replace(base, verdict="new" if record is not None else "unresolved")


def _one_per_work(papers: list[PaperState]) -> list[PaperState]:
    """One paper per work: a later suggestion of a paper suggested before (an arXiv link
    and the DOI of the same paper, once resolved and linked) is left out."""
    kept: list[PaperState] = []
    for paper in papers:
        if not any(same_paper(k.keys, paper.keys) for k in kept):
            kept.append(paper)
    return kept


def _carry_decisions(
    old: Sequence[PaperState],
    new: Sequence[PaperState],
    old_reader: Thanks | None,
    reader: Thanks | None,
) -> tuple[list[PaperState], list[str]]:
    """Keep each paper's acceptance, section and merge across an edit of the issue.

    ``/accept`` bound the record and the reader's name it was shown
    (``accepted_digest``): when the reader's edit changed either, the
    acceptance waits (``changed`` says what changed) for a maintainer to
    accept the new version; it comes back by itself if the edit is undone.
    """
    unused = list(old)
    papers: list[PaperState] = []
    notes: list[str] = []
    for paper in new:
        before = next((p for p in unused if same_paper(p.keys, paper.keys)), None)
        if before is None:
            papers.append(paper)
            continue
        unused.remove(before)
        bound = before.accepted_digest
        was_accepted = before.accepted or bool(before.changed)
        accepted = was_accepted and paper.acceptable
        changed: tuple[str, ...] = ()
        if accepted and bound is not None and record_digest(paper.record, reader) != bound:
            accepted = False
            changed = before.changed or _what_changed(before, paper, old_reader, reader)
            notes.append(
                f"acceptance of {paper.asked!r} waits: the reader changed {', '.join(changed)}"
            )
        elif was_accepted and not accepted:
            notes.append(f"acceptance of {paper.asked!r} dropped: it is now {paper.verdict}")
        papers.append(
            replace(
                paper,
                accepted=accepted,
                section=before.section if accepted or changed else None,
                merged_in=before.merged_in,
                landed=before.landed,
                accepted_digest=bound if accepted or changed else None,
                changed=changed,
                ticked_by=before.ticked_by if accepted or changed else None,
                in_pull=before.in_pull if accepted else None,
                released_in=before.released_in,
            )
        )
    notes += [f"accepted paper {p.asked!r} is no longer in the issue" for p in unused if p.accepted]
    return papers, notes


def paper_keys(suggestion: Suggestion, record: PaperRecord | None) -> tuple[str, ...]:
    """Identity of a paper across edits: its ids and normalised title, prefixed by kind."""
    keys: list[str] = []
    for value in (suggestion.arxiv, record and record.arxiv):
        if value and (arxiv := normalize_arxiv(value)):
            keys.append(f"arxiv:{arxiv}")
    for value in (suggestion.doi, record and record.doi, record and record.published_doi):
        if value and (doi := normalize_doi(value)):
            keys.append(f"doi:{doi}")
    for kind, value in (("openreview", suggestion.openreview), ("acl", suggestion.acl)):
        if value:
            keys.append(f"{kind}:{one_line(value).lower()}")
    if suggestion.url:
        keys.append(
            "url:" + re.sub(r"^https?://(www\.)?|/+$", "", one_line(suggestion.url).lower())
        )
    for value in (suggestion.title or suggestion.name, record and record.title):
        if value and (title := re.sub(r"\W+", "", one_line(value).casefold())):
            keys.append(f"title:{title}")
    return tuple(dict.fromkeys(key[:MAX_TEXT] for key in keys))


def _what_changed(
    before: PaperState, after: PaperState, old_reader: Thanks | None, reader: Thanks | None
) -> tuple[str, ...]:
    """What a reader's edit changed of what ``/accept`` bound: record fields, the name."""
    fields = changed_fields(before.record, after.record)
    if old_reader != reader:
        fields += ("thank-you name",)
    return fields or ("the record",)


def issue_reader(issue: IssueInfo, suggestions: Sequence[Suggestion]) -> Thanks | None:
    """The issue author, named as they asked when that is a person's name, else by login.

    The GitHub profile name is not used: it is free text nobody confirmed (a
    profile "name" can be a sentence with a link) and asking for it costs a
    request per new issue. A "thank me as" that is no name (``asked_name``) is
    shown to the maintainers to confirm with ``/thank`` instead.
    """
    if not issue.author_login:
        return None
    name = person_name(requested_name(suggestions)) or issue.author_login
    return Thanks(login=issue.author_login, name=name, opt_out=any(s.opt_out for s in suggestions))


def requested_name(suggestions: Sequence[Suggestion]) -> str | None:
    """The name the reader asked to be thanked as (the form's "thank as"), if any."""
    return next(
        (clip(s.thank_as) for s in suggestions if s.thank_as and one_line(s.thank_as)), None
    )


def asked_name(suggestions: Sequence[Suggestion]) -> str | None:
    """A "thank me as" that is not a person's name (``neutralize.person_name``): not written
    anywhere, only shown to the maintainers for confirmation."""
    asked = requested_name(suggestions)
    return asked if asked and person_name(asked) is None else None


def _asked(suggestion: Suggestion) -> str:
    """What the reader gave us, shortest strong id first."""
    for label, value in (
        ("arXiv:", suggestion.arxiv),
        ("DOI ", suggestion.doi),
        ("OpenReview ", suggestion.openreview),
        ("ACL Anthology ", suggestion.acl),
        ("", suggestion.url),
        ("", suggestion.title),
        ("", suggestion.name),
    ):
        if value and one_line(value):
            return clip(label + one_line(value))
    return "(no id, link or title)"


def ref_summary(reference: Reference, score: float) -> RefSummary:
    summary = RefSummary.from_reference(reference, score)
    return replace(
        summary,
        title=clip(summary.title),
        key=clip(summary.key) or None,
        source=clip(summary.source),
    )


def clip_record(record: PaperRecord) -> PaperRecord:
    """Bound every field so that ten papers always fit in one GitHub comment."""
    authors = tuple(clip(a, 100) for a in record.authors[:MAX_AUTHORS_KEPT])
    if len(record.authors) > MAX_AUTHORS_KEPT:
        authors += ("others",)
    return replace(
        record,
        title=clip(record.title),
        authors=authors,
        venue=clip(record.venue) or None,
        published_venue=clip(record.published_venue) or None,
        url=record.url if record.url and len(record.url) <= 500 else None,
        doi=clip(record.doi) or None,
        published_doi=clip(record.published_doi) or None,
    )


def clip(text: str | None, limit: int = MAX_TEXT) -> str:
    text = one_line(text or "")
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def known_section(sections: Sequence[Heading], requested: str) -> str | None:
    """The name to record for ``requested``: its heading's real text; None unless one matches.

    The batch matches the recorded name again, the same way; a name that only a
    "Parent > Child" path makes unique is therefore kept as it was written.
    """
    found = match_heading(sections, requested)
    if len(found) != 1:
        return None
    return found[0].title if match_heading(sections, found[0].title) == found else requested
