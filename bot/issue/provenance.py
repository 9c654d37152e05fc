"""Where the bot's state comes from, and why it is trusted.

An issue's comments hold the state (``bot.issue.state``): ``load_state`` finds
the one triage comment the bot trusts and folds in the facts of the batch's
thank-you comments. The rules, and what they do not cover, are in SECURITY.md:

* the triage comment is the oldest comment by the bot's login *shaped* as the
  bot writes it: the marker its first line, the one data line its last.
  Anyone can paste a marker into a comment of their own, and another workflow
  of the repository posting as the same ``github-actions[bot]`` login could
  echo a reader's text; the shape keeps out every echo that adds a word of its
  own, and a comment by the login with the marker but not the shape is
  reported and ignored;
* with a key (``Seal``, the ``SURVEY_BOT_STATE_KEY`` secret) every hidden data
  line is signed for its repository and issue, and nothing unsigned is trusted:
  the stronger option, one setting away;
* the facts in the batch's thank-you comments (``Done``) only ever mark work as
  done: no run edits those comments, so no race rolls them back, and a forged
  one can hold a paper back but never add one;
* decisions are checked once more where they act: the batch adds a paper or a
  name only when a maintainer's command for it is in the issue's thread
  (``bot.batch.verify``).
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from bot.issue.state import (
    DATA_LINE,
    DATA_PREFIX,
    DATA_SUFFIX,
    DONE_LINE,
    DONE_PREFIX,
    MARKER,
    Done,
    PaperState,
    TriageState,
    decode_state,
    has_marker,
    same_paper,
)
from bot.text.hidden import unpack

if TYPE_CHECKING:
    from bot.github.port import GitHubPort

C = TypeVar("C")


class LoadedState(NamedTuple):
    """What an issue's comments say: the bot's comment (if any), its state, and leftovers."""

    comment: Any  # the trusted triage comment, None if the bot never commented
    state: TriageState | None  # None exactly when comment is None
    warning: str | None
    duplicates: list[Any]  # newer bot comments with the marker: delete or ignore them


@dataclass(frozen=True)
class Seal:
    """The optional key that signs the bot's hidden data (``SURVEY_BOT_STATE_KEY``).

    With it, a triage comment or a thank-you's facts are trusted only with a
    valid HMAC-SHA256 of the repository, the issue number and the data: another
    workflow posting as the same login cannot forge one, and one issue's data
    cannot be copied to another.
    """

    key: bytes
    repository: str

    def sign(self, issue: int, payload: str) -> str:
        message = f"{self.repository.lower()}#{issue}\n{payload}".encode()
        return hmac.new(self.key, message, hashlib.sha256).hexdigest()

    def valid(self, issue: int, payload: str, signature: str | None) -> bool:
        return signature is not None and hmac.compare_digest(self.sign(issue, payload), signature)


def seal_body(body: str, seal: Seal | None, issue: int) -> str:
    """``body`` with its hidden data lines signed for ``issue``; unchanged without a key."""
    if seal is None:
        return body
    for pattern, prefix in ((DATA_LINE, DATA_PREFIX), (DONE_LINE, DONE_PREFIX)):
        body = pattern.sub(
            lambda m, prefix=prefix: (  # type: ignore[misc]
                f"{prefix}{m.group('data')} sig:{seal.sign(issue, m.group('data'))}{DATA_SUFFIX}"
            ),
            body,
        )
    return body



def load_state(
    comments: Iterable[C], bot_login: str, *, issue: int = 0, seal: Seal | None = None
) -> LoadedState:
    """Find the bot's triage comment among an issue's comments; its state, with the facts of
    the bot's thank-you comments folded in.

    The triage comment is the oldest one by ``bot_login`` shaped as the bot
    writes it (``_triage_shaped``; signed for ``issue`` when there is a
    ``seal``); newer ones are ``duplicates``, and a command any of them
    recorded as handled is handled again (the oldest ``handled_up_to`` wins:
    handling twice is harmless, forgetting is not). ``comments`` may be GitHub
    REST dicts (``{"id", "user": {"login"}, "body", "created_at"}``), PyGithub
    ``IssueComment`` objects or any object with ``id``, ``body`` and
    ``author_login`` / ``author`` / ``user.login``.
    """
    comments = list(comments)
    login = (bot_login or "").lower()
    by_bot = [c for c in comments if login and comment_author(c).lower() == login]
    ours = _oldest_first([c for c in by_bot if _triage_shaped(comment_body(c), seal, issue)])
    if not ours:
        return LoadedState(None, None, _odd(by_bot, seal), [])
    decoded = decode_state(comment_body(ours[0]))
    state = decoded.state
    handled = [decode_state(comment_body(c)).state.handled_up_to for c in ours]
    if state.handled_up_to is not None and len(ours) > 1:
        state = replace(state, handled_up_to=min(h for h in handled if h is not None))
    for done in done_facts(by_bot, seal, issue):
        state = fold(state, done)
    return LoadedState(ours[0], state, decoded.warning, ours[1:])


def still_at(
    port: GitHubPort, comment_id: int, rev: int, bot_login: str, issue: int, seal: Seal | None
) -> bool:
    """The read of a compare-and-swap: whether triage comment ``comment_id`` of ``issue``
    still holds revision ``rev`` (1 request). GitHub has no conditional edit of a comment,
    so every run re-reads right before it writes over a state read a while ago."""
    now = port.comment(comment_id)
    current = load_state([now] if now else [], bot_login, issue=issue, seal=seal)
    return current.state is not None and current.state.rev == rev


def done_facts(comments: Iterable[C], seal: Seal | None, issue: int) -> list[Done]:
    """The facts hidden in the bot's thank-you comments (``comments`` are the bot's own)."""
    facts: list[Done] = []
    for comment in comments:
        for found in DONE_LINE.finditer(comment_body(comment)):
            if seal is not None and not seal.valid(issue, found.group("data"), found["sig"]):
                continue
            try:
                facts.append(Done.from_json(unpack(found.group("data"))))
            except (ValueError, TypeError, KeyError):
                continue
    return facts


def fold(state: TriageState, done: Done) -> TriageState:
    """``state`` with what ``done`` says is in the survey now: merged or landed papers (by
    their keys), thanked logins, the version that ships the papers in it by then."""

    def updated(paper: PaperState) -> PaperState:
        if paper.done:
            if done.released and not paper.released_in:
                return replace(paper, released_in=done.released)
            return paper
        if done.pull is not None and any(same_paper(paper.keys, keys) for keys in done.merged):
            return replace(paper, merged_in=done.pull)
        where = next((ref for keys, ref in done.landed if same_paper(paper.keys, keys)), None)
        return paper if where is None else replace(paper, landed=where)

    thanked = tuple(dict.fromkeys([*state.thanked, *done.thanked]))
    return replace(state, papers=tuple(map(updated, state.papers)), thanked=thanked)



def _triage_shaped(body: str, seal: Seal | None, issue: int) -> bool:
    """Whether ``body`` is shaped as the bot writes its triage comment: the marker its first
    line, one data line its last (signed for ``issue`` when there is a key)."""
    lines = body.replace("\r\n", "\n").strip().split("\n")
    found = DATA_LINE.fullmatch(lines[-1].strip())
    if lines[0].strip() != MARKER or found is None or len(DATA_LINE.findall(body)) != 1:
        return False
    return seal is None or seal.valid(issue, found.group("data"), found["sig"])


def _odd(by_bot: Sequence[Any], seal: Seal | None) -> str | None:
    """A warning for a comment by the bot's login that has the marker but is not trusted."""
    if any(has_marker(comment_body(c)) for c in by_bot):
        return (
            "a comment by the bot's login carries survey-bot's marker but is not shaped as "
            "survey-bot writes it"
            + (" or not signed with SURVEY_BOT_STATE_KEY" if seal else "")
            + " (edited by hand, or written by another workflow?): ignored"
        )
    return None



def comment_body(comment: object) -> str:
    value = comment.get("body") if isinstance(comment, Mapping) else getattr(comment, "body", None)
    return value if isinstance(value, str) else ""


def comment_author(comment: object) -> str:
    if isinstance(comment, Mapping):
        user = comment.get("user")
        login = user.get("login") if isinstance(user, Mapping) else comment.get("author_login")
        return login if isinstance(login, str) else ""
    for attribute in ("author_login", "author", "user_login", "user"):
        value = getattr(comment, attribute, None)
        if value is not None and not isinstance(value, str):
            value = getattr(value, "login", None)
        if isinstance(value, str) and value:
            return value
    return ""


def _oldest_first(comments: Sequence[C]) -> list[C]:
    ranked = sorted(enumerate(comments), key=lambda p: (_created(p[1]), _id(p[1]), p[0]))
    return [comment for _, comment in ranked]


def _created(comment: object) -> str:
    value = (
        comment.get("created_at")
        if isinstance(comment, Mapping)
        else getattr(comment, "created_at", None)
    )
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        value = value.isoformat()
    return str(value).replace("+00:00", "Z")


def _id(comment: object) -> int:
    value = comment.get("id") if isinstance(comment, Mapping) else getattr(comment, "id", None)
    return value if isinstance(value, int) else 0
