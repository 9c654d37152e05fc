"""GitHub is the bot's database: labels plus hidden data in the bot's own triage comment.

The triage comment starts with ``MARKER`` and ends with one data line::

    <!-- survey-bot:triage -->
    ...what readers see...
    <!-- survey-bot:data eyJ2IjoxLCJwYXBlcnMiOltdfQ -->

The data is base64url of compact JSON: its alphabet (``A-Z a-z 0-9 - _``) cannot
contain ``-->`` or ``--!>``, so no untrusted title or name inside can close the
HTML comment early. Decoding never raises: corrupt, foreign or newer data gives
a fresh ``TriageState`` and a warning to log.

Which comment is the triage comment, why it is trusted, and the facts folded
into its state from the batch's thank-you comments (``Done``): see
``bot.issue.provenance``.

``TriageState.rev`` counts the writes of the triage comment: a run that read
the state and then did something slow re-reads the comment and compares the
``rev`` before it edits (``bot.issue.handler``).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, NamedTuple

from bot.models import Reference
from bot.suggestions import PaperItem, PaperRecord, Thanks
from bot.text.hidden import pack, unpack
from bot.text.neutralize import person_name

MARKER = "<!-- survey-bot:triage -->"
DATA_PREFIX = "<!-- survey-bot:data "
DATA_SUFFIX = " -->"
#: Facts the batch learned (merged, added by hand, thanked), in its thank-you comments.
DONE_PREFIX = "<!-- survey-bot:done "
SCHEMA_VERSION = 1
VERDICTS = ("cited", "new", "ambiguous", "unresolved")

_SIGNATURE = r"(?: sig:(?P<sig>[0-9a-f]{64}))?"
#: The hidden lines, each with its optional signature (``bot.issue.provenance.Seal``).
DATA_LINE = re.compile(r"<!-- survey-bot:data (?P<data>[A-Za-z0-9_-]*={0,2})" + _SIGNATURE + " -->")
DONE_LINE = re.compile(r"<!-- survey-bot:done (?P<data>[A-Za-z0-9_-]*={0,2})" + _SIGNATURE + " -->")


@dataclass(frozen=True)
class RefSummary:
    """Enough of an existing reference to show it: "[57] Title (refs.bib, line 120)"."""

    title: str
    number: int | None = None
    key: str | None = None
    source: str = ""
    line: int = 0
    score: float = 0.0

    @classmethod
    def from_reference(cls, ref: Reference, score: float = 0.0) -> RefSummary:
        return cls(
            title=ref.title,
            number=ref.number,
            key=ref.key,
            source=ref.source,
            line=ref.line,
            score=round(float(score), 3),
        )

    @property
    def label(self) -> str:
        """How the survey cites it: ``[57]``, else its key, else empty."""
        if self.number is not None:
            return f"[{self.number}]"
        return self.key or ""

    def to_json(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "number": self.number,
            "key": self.key,
            "source": self.source,
            "line": self.line,
            "score": self.score,
        }

    @classmethod
    def from_json(cls, data: object) -> RefSummary:
        data = _mapping(data)
        return cls(
            title=_str(data, "title"),
            number=_opt_int(data, "number"),
            key=_opt_str(data, "key"),
            source=_str(data, "source"),
            line=_opt_int(data, "line") or 0,
            score=_float(data, "score"),
        )


@dataclass(frozen=True)
class Earlier:
    """The same work in another issue (``bot.dashboard.memory``): where, and what became of it."""

    issue: int
    status: str  # a dashboard status: awaiting, accepted, in_pull, merged, declined
    reason: str | None = None  # declined: the maintainer's reason

    def to_json(self) -> dict[str, Any]:
        return {"issue": self.issue, "status": self.status, "reason": self.reason}

    @classmethod
    def from_json(cls, data: object) -> Earlier:
        data = _mapping(data)
        issue = _opt_int(data, "issue")
        if issue is None:
            raise ValueError("earlier: no issue")
        return cls(issue=issue, status=_str(data, "status"), reason=_opt_str(data, "reason"))


@dataclass(frozen=True)
class PaperState:
    """One suggested paper: what the reader asked for, what we found, what was decided."""

    verdict: str  # one of VERDICTS
    keys: tuple[str, ...] = ()  # identity across edits: "arxiv:...", "doi:...", "title:..."
    asked: str = ""  # what the reader wrote (id, link or title), one line
    record: PaperRecord | None = None
    match: RefSummary | None = None  # verdict "cited"
    candidates: tuple[RefSummary, ...] = ()  # verdict "ambiguous"
    why: str | None = None  # verdict "unresolved": why the lookup failed
    suggested_section: str | None = None  # the reader's wish; only a hint for maintainers
    accepted: bool = False
    section: str | None = None  # where an accepted paper goes (None: the config default)
    merged_in: int | None = None  # pull request that added it
    landed: RefSummary | None = None  # where it is, when it went in without a bot pull request
    # What /accept bound (``record_digest`` of the record and the reader's name then shown)...
    accepted_digest: str | None = None
    # ...and, once the reader's edit changed it, what changed: waiting for a fresh /accept.
    changed: tuple[str, ...] = ()
    # The maintainer whose dashboard tick accepted it: a tick leaves no /accept in the
    # thread, so the batch asks GitHub whether this login may decide (``bot.batch.verify``).
    ticked_by: str | None = None
    # Where /accept without a section puts it (``bot.placement``), and the listed
    # papers there most like it.
    proposed_section: str | None = None
    proposed_because: tuple[RefSummary, ...] = ()
    in_pull: int | None = None  # the open batch pull request that adds it
    released_in: str | None = None  # the survey version (changelog) it first shipped in
    earlier: tuple[Earlier, ...] = ()  # the same work suggested in other issues

    @property
    def done(self) -> bool:
        """Whether it is in the survey: merged by a bot pull request, or added by hand."""
        return self.merged_in is not None or self.landed is not None

    @property
    def acceptable(self) -> bool:
        """Whether a maintainer may accept it: identified and not already cited."""
        return self.record is not None and self.verdict in {"new", "ambiguous"}

    def to_json(self) -> dict[str, Any]:
        return {
            "verdict": self.verdict,
            "keys": list(self.keys),
            "asked": self.asked,
            "record": self.record.to_json() if self.record else None,
            "match": self.match.to_json() if self.match else None,
            "candidates": [c.to_json() for c in self.candidates],
            "why": self.why,
            "suggested_section": self.suggested_section,
            "accepted": self.accepted,
            "section": self.section,
            "merged_in": self.merged_in,
            # Written only when set: every other state keeps its exact old encoding.
            **({"landed": self.landed.to_json()} if self.landed else {}),
            **({"accepted_digest": self.accepted_digest} if self.accepted_digest else {}),
            **({"changed": list(self.changed)} if self.changed else {}),
            **({"ticked_by": self.ticked_by} if self.ticked_by else {}),
            **({"proposed_section": self.proposed_section} if self.proposed_section else {}),
            **(
                {"proposed_because": [r.to_json() for r in self.proposed_because]}
                if self.proposed_because
                else {}
            ),
            **({"in_pull": self.in_pull} if self.in_pull is not None else {}),
            **({"released_in": self.released_in} if self.released_in else {}),
            **({"earlier": [e.to_json() for e in self.earlier]} if self.earlier else {}),
        }

    @classmethod
    def from_json(cls, data: object) -> PaperState:
        data = _mapping(data)
        verdict = _str(data, "verdict")
        if verdict not in VERDICTS:
            raise ValueError(f"unknown verdict {verdict!r}")
        record = data.get("record")
        match = data.get("match")
        landed = data.get("landed")
        return cls(
            verdict=verdict,
            keys=tuple(_str_list(data, "keys")),
            asked=_str(data, "asked"),
            record=_record(record) if record is not None else None,
            match=RefSummary.from_json(match) if match is not None else None,
            candidates=tuple(RefSummary.from_json(c) for c in _list(data, "candidates")),
            why=_opt_str(data, "why"),
            suggested_section=_opt_str(data, "suggested_section"),
            accepted=_bool(data, "accepted"),
            section=_opt_str(data, "section"),
            merged_in=_opt_int(data, "merged_in"),
            landed=RefSummary.from_json(landed) if landed is not None else None,
            accepted_digest=_opt_str(data, "accepted_digest"),
            changed=tuple(_str_list(data, "changed")),
            ticked_by=_opt_str(data, "ticked_by"),
            proposed_section=_opt_str(data, "proposed_section"),
            proposed_because=tuple(
                RefSummary.from_json(r) for r in _list(data, "proposed_because")
            ),
            in_pull=_opt_int(data, "in_pull"),
            released_in=_opt_str(data, "released_in"),
            earlier=tuple(Earlier.from_json(e) for e in _list(data, "earlier")),
        )


@dataclass(frozen=True)
class TriageState:
    """Everything the bot remembers about one issue."""

    version: int = SCHEMA_VERSION
    papers: tuple[PaperState, ...] = ()
    omitted: int = 0  # suggestions beyond the per-issue limit, not checked
    reader: Thanks | None = None  # the issue author, as they want to be thanked
    rejected: bool = False
    rejected_reason: str | None = None
    extra_thanks: tuple[Thanks, ...] = ()  # from /thank
    thanked: tuple[str, ...] = ()  # logins of extra_thanks already in the acknowledgements
    handled_up_to: int | None = None  # id of the newest command comment handled: ``handled``
    since: str | None = None  # ISO date of the first triage: how long it waits for a decision
    rev: int = 0  # writes of the triage comment so far: what a compare-and-swap compares
    reader_asked: str | None = None  # a "thank me as" that is no name: for a maintainer to confirm

    @property
    def accepted(self) -> tuple[PaperState, ...]:
        return tuple(p for p in self.papers if p.accepted)

    @property
    def pending(self) -> bool:
        """Whether the next batch has something to add for this issue."""
        if self.rejected:
            return False
        unfinished = any(not p.done for p in self.accepted)
        return unfinished or bool(self.unthanked)

    @property
    def unthanked(self) -> tuple[Thanks, ...]:
        """The ``/thank`` names not yet in the acknowledgements."""
        done = {login.lower() for login in self.thanked}
        return tuple(t for t in self.extra_thanks if t.login.lower() not in done)

    def handled(self, comment_id: int) -> bool:
        """Whether a run already handled the commands of comment ``comment_id``.

        One id records it, not a set of ids: GitHub's comment ids grow with
        time, and the workflow runs one run per issue at a time, each handling
        every unhandled command comment up to its own event's, oldest first. So
        the handled comments are always exactly those up to some id, in a few
        bytes however long the thread; a set would need a bound, and forgetting
        an id would make its command run again.

        None (no command since the bot started recording it) knows nothing:
        every comment is unhandled here, and ``bot.issue.decisions.missed_commands``
        then replays none of the older ones, so an upgrade never replays an
        issue's history.
        """
        return self.handled_up_to is not None and comment_id <= self.handled_up_to

    def to_json(self) -> dict[str, Any]:
        return {
            "v": self.version,
            "papers": [p.to_json() for p in self.papers],
            "omitted": self.omitted,
            "reader": _thanks_json(self.reader) if self.reader else None,
            "rejected": self.rejected,
            "rejected_reason": self.rejected_reason,
            "extra_thanks": [_thanks_json(t) for t in self.extra_thanks],
            # Written only when set: a state that never recorded them keeps its old encoding.
            **({"thanked": list(self.thanked)} if self.thanked else {}),
            **({"handled_up_to": self.handled_up_to} if self.handled_up_to is not None else {}),
            **({"since": self.since} if self.since else {}),
            **({"rev": self.rev} if self.rev else {}),
            **({"reader_asked": self.reader_asked} if self.reader_asked else {}),
        }

    @classmethod
    def from_json(cls, data: object) -> TriageState:
        data = _mapping(data)
        version = data.get("v")
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            raise ValueError("no schema version")
        if version > SCHEMA_VERSION:
            raise ValueError(f"schema version {version} is newer than this bot's {SCHEMA_VERSION}")
        reader = data.get("reader")
        extra = tuple(_thanks(t) for t in _list(data, "extra_thanks"))
        thanked = tuple(_str_list(data, "thanked"))
        if _opt_int(data, "thanked_in") is not None:  # before per-name records: all of them
            thanked = tuple(dict.fromkeys([*thanked, *(t.login for t in extra)]))
        return cls(
            version=SCHEMA_VERSION,
            papers=tuple(PaperState.from_json(p) for p in _list(data, "papers")),
            omitted=_opt_int(data, "omitted") or 0,
            reader=_thanks(reader) if reader is not None else None,
            rejected=_bool(data, "rejected"),
            rejected_reason=_opt_str(data, "rejected_reason"),
            extra_thanks=extra,
            thanked=thanked,
            handled_up_to=_opt_int(data, "handled_up_to"),
            since=_opt_str(data, "since"),
            rev=_opt_int(data, "rev") or 0,
            reader_asked=_opt_str(data, "reader_asked"),
        )


class DecodedState(NamedTuple):
    state: TriageState
    warning: str | None = None


def encode_state(state: TriageState) -> str:
    """The hidden data line for ``state`` (unsigned: ``provenance.seal_body`` signs it)."""
    return f"{DATA_PREFIX}{pack(state.to_json())}{DATA_SUFFIX}"


@dataclass(frozen=True)
class Done:
    """What the batch learned about one issue, in its thank-you comment (``DONE_PREFIX``).

    Papers are named by their keys (``PaperState.keys``); each fact only ever
    marks work as done, so folding in a stale or forged one can hold a paper
    back, never add one.
    """

    pull: int | None = None  # the merged pull request; None for papers added by hand
    merged: tuple[tuple[str, ...], ...] = ()  # keys of papers that pull request added
    landed: tuple[tuple[tuple[str, ...], RefSummary], ...] = ()  # keys, where it is
    thanked: tuple[str, ...] = ()  # logins now in the acknowledgements
    # The survey version that ships the papers done by then (the dashboard's announcement).
    released: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "v": SCHEMA_VERSION,
            "pull": self.pull,
            "merged": [list(keys) for keys in self.merged],
            "landed": [{"keys": list(keys), "ref": ref.to_json()} for keys, ref in self.landed],
            "thanked": list(self.thanked),
            **({"released": self.released} if self.released else {}),
        }

    @classmethod
    def from_json(cls, data: object) -> Done:
        data = _mapping(data)
        if data.get("v") != SCHEMA_VERSION:
            raise ValueError("unknown version")
        landed = [_mapping(item) for item in _list(data, "landed")]
        return cls(
            pull=_opt_int(data, "pull"),
            merged=tuple(tuple(_keys(keys)) for keys in _list(data, "merged")),
            landed=tuple(
                (tuple(_keys(item.get("keys"))), RefSummary.from_json(item.get("ref")))
                for item in landed
            ),
            thanked=tuple(_str_list(data, "thanked")),
            released=_opt_str(data, "released"),
        )



def encode_done(done: Done) -> str:
    """The hidden line a thank-you comment carries its facts in (unsigned)."""
    return f"{DONE_PREFIX}{pack(done.to_json())}{DATA_SUFFIX}"


def decode_state(body: str | None) -> DecodedState:
    """The state hidden in a bot comment body; never raises."""
    found = list(DATA_LINE.finditer(body or ""))
    if not found:
        return DecodedState(
            TriageState(), "the bot comment has no survey-bot data; starting afresh"
        )
    try:
        return DecodedState(TriageState.from_json(unpack(found[-1].group("data"))))
    except (ValueError, TypeError, KeyError) as exc:
        return DecodedState(TriageState(), f"unreadable survey-bot data ({exc}); starting afresh")


def has_marker(body: str | None) -> bool:
    return MARKER in (body or "")


ID_KINDS = ("arxiv", "doi", "openreview", "acl", "url")


def same_paper(a: Sequence[str], b: Sequence[str]) -> bool:
    """Same paper if the first id kind both name agrees; only without ids, by title.

    Two different arXiv ids are two papers even under one title, so an edit that
    swaps the id of an accepted paper does not carry the acceptance over.
    """
    for kind in ID_KINDS:
        ours = {k for k in a if k.startswith(kind + ":")}
        theirs = {k for k in b if k.startswith(kind + ":")}
        if ours and theirs:
            return bool(ours & theirs)
    titles = {k for k in a if k.startswith("title:")}
    return bool(titles & {k for k in b if k.startswith("title:")})


def record_digest(record: PaperRecord | None, reader: Thanks | None) -> str:
    """What ``/accept`` binds: a digest of the record and of the reader's thanks as shown.

    A later edit by the reader that changes either (authors, venue, year, the
    "thank me as" name...) changes the digest, and the acceptance waits for a
    maintainer to see the new version and accept again.
    """
    shown = {
        "record": record.to_json() if record else None,
        "reader": _thanks_json(reader) if reader else None,
    }
    return hashlib.sha256(pack(shown).encode()).hexdigest()[:16]


def changed_fields(before: PaperRecord | None, after: PaperRecord | None) -> tuple[str, ...]:
    """The fields of a record an edit changed, for the triage comment."""
    old = before.to_json() if before else {}
    new = after.to_json() if after else {}
    return tuple(k for k in sorted(set(old) | set(new)) if old.get(k) != new.get(k))


def accepted_items(
    state: TriageState, issue_number: int | None, default_section: str | None
) -> list[PaperItem]:
    """Accepted papers of one issue not yet in the survey, ready for the editors.

    The reader's ``Thanks`` keeps its ``opt_out`` flag: editors must not print an
    opted-out name.
    """
    if state.rejected:
        return []
    reader: tuple[Thanks, ...] = (thanked_as(state.reader),) if state.reader else ()
    thanks = reader + state.unthanked
    return [
        PaperItem(
            record=paper.record,
            section=paper.section or default_section,
            issue=issue_number,
            thanks=thanks,
        )
        for paper in state.accepted
        if paper.record is not None and not paper.done
    ]


def thanks_only(state: TriageState) -> tuple[Thanks, ...]:
    """The names of an issue that has no accepted paper waiting to carry them.

    ``accepted_items`` hands the reader and extra thanks to the editors with the
    issue's papers; an issue with nothing else pending (no paper, or its papers
    already in) still owes its ``/thank`` names a place in the acknowledgements,
    and, when a paper of it was added by hand (``landed``), its reader's name
    too: a hand edit rarely touches the acknowledgements, and an accepted reader
    was promised that line. Names already there drop out in the batch
    (``plan.drop_thanked``); an opted-out reader is never owed.
    """
    if state.rejected or any(p.record is not None and not p.done for p in state.accepted):
        return ()
    reader = thanked_as(state.reader) if state.reader else None
    landed = any(p.landed is not None for p in state.accepted)
    owed: tuple[Thanks, ...] = (
        (reader,) if reader is not None and not reader.opt_out and landed else ()
    )
    return owed + state.unthanked


def thanked_as(reader: Thanks) -> Thanks:
    """The reader as the acknowledgements may name them: by their name if it is a person's
    name (``neutralize.person_name``), else by their login.

    Triage keeps only checked names, so this is the last line of defence: a
    state written before the check, or one not written by the bot, cannot
    put a sentence or a link into the survey.
    """
    if person_name(reader.name) == reader.name:
        return reader
    return replace(reader, name=reader.login)


def _thanks_json(thanks: Thanks) -> dict[str, Any]:
    return {"login": thanks.login, "name": thanks.name, "opt_out": thanks.opt_out}


def _thanks(data: object) -> Thanks:
    data = _mapping(data)
    return Thanks(
        login=_str(data, "login"), name=_str(data, "name"), opt_out=_bool(data, "opt_out")
    )


def _record(data: object) -> PaperRecord:
    data = _mapping(data)
    for field in (
        "title",
        "venue",
        "arxiv",
        "doi",
        "url",
        "published_venue",
        "published_doi",
        "source",
    ):
        _opt_str(data, field)
    _str_list(data, "authors")
    _opt_int(data, "year")
    return PaperRecord.from_json(dict(data))


def _mapping(data: object) -> Mapping[str, Any]:
    if not isinstance(data, Mapping):
        raise ValueError(f"expected an object, got {type(data).__name__}")
    return data


def _list(data: Mapping[str, Any], key: str) -> Sequence[Any]:
    value = data.get(key) or []
    if not isinstance(value, list):
        raise ValueError(f"{key}: expected a list")
    return value


def _str_list(data: Mapping[str, Any], key: str) -> list[str]:
    values = _list(data, key)
    if not all(isinstance(v, str) for v in values):
        raise ValueError(f"{key}: expected a list of strings")
    return list(values)


def _str(data: Mapping[str, Any], key: str) -> str:
    return _opt_str(data, key) or ""


def _opt_str(data: Mapping[str, Any], key: str) -> str | None:
    value = data.get(key)
    if value is not None and not isinstance(value, str):
        raise ValueError(f"{key}: expected a string")
    return value


def _opt_int(data: Mapping[str, Any], key: str) -> int | None:
    value = data.get(key)
    if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
        raise ValueError(f"{key}: expected an integer")
    return value


def _keys(value: object) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(k, str) for k in value):
        raise ValueError("keys: expected a list of strings")
    return value


def _float(data: Mapping[str, Any], key: str) -> float:
    value = data.get(key) or 0.0
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(f"{key}: expected a number")
    return float(value)


def _bool(data: Mapping[str, Any], key: str) -> bool:
    value = data.get(key, False)
    if not isinstance(value, bool):
        raise ValueError(f"{key}: expected true or false")
    return value
