"""The dashboard on GitHub: found, refreshed after each run, rebuilt on schedule, its ticks run.

Request cost (REST requests, retries aside), measured in ``tests/dashboard/``:

* after a triage, or a command that changed a decision: 1 to find the
  dashboard (the open issues with its label), plus 1 to edit it when its
  body changed: 2 at most, 1 when nothing changed, 0 for a command that
  changed nothing. The triage reads the dashboard before planning, for its
  memory of earlier suggestions (``bot.dashboard.memory``): the same request;
* a tick: the dashboard (1), the sender's permission (1, unless
  ``maintainers`` names them), per ticked paper its issue, comments, triage
  comment edit and labels (4), and the dashboard edit (1): 7 for one tick;
* the scheduled rebuild (``rebuild.py``).

The dashboard is the open issue with the configured label, opened by the bot
and carrying ``MARKER``; anyone's copy of it is ignored. A maintainer who
closes it turns it off: the scheduled run then neither edits it nor opens
another, and a reopened one is used again.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from bot.dashboard import render
from bot.dashboard.entries import issue_entries
from bot.dashboard.memory import paper_ids, recall
from bot.dashboard.model import MAX_TITLE, Dashboard, Entry, decode, is_dashboard
from bot.dashboard.ticks import new_ticks, ticked
from bot.issue import replies
from bot.issue.commands import Accept
from bot.issue.decisions import is_maintainer, plan_comment
from bot.issue.provenance import Seal, load_state, seal_body
from bot.issue.state import Earlier, PaperState
from bot.issue.triage import IssueInfo
from bot.text.escaping import one_line

if TYPE_CHECKING:
    from collections.abc import Callable, Collection, Iterable

    from bot.config import Config
    from bot.github.port import GitHubPort, IssueData
    from bot.issue.handler import Services
    from bot.issue.state import TriageState
    from bot.render import Renderer


def find_dashboards(
    port: GitHubPort, config: Config, bot_login: str, state: str
) -> list[IssueData]:
    """The bot's dashboard issues in ``state`` (``open``, ``closed``, ``all``), oldest first."""
    found = port.issues_with_label(config.dashboard.label, state)
    return sorted(
        (i for i in found if is_dashboard(i.body, i.author, bot_login)), key=lambda i: i.number
    )


def dashboard_note(config: Config, renderer: Renderer, kind: str, **values: object) -> str:
    """One note shown above the dashboard's lists, in the survey's language (plain text: the
    dashboard's template escapes it)."""
    name = replies.template_name("dashboard-note", config.language)
    return one_line(renderer.render(name, kind=kind, **values))


def triage_body(
    state: TriageState,
    read: TriageState,
    config: Config,
    renderer: Renderer,
    seal: Seal | None,
    number: int,
) -> str:
    """The triage comment for ``state``, written over ``read`` (the state as read): its
    revision bumped and its data signed, as every run of the bot writes it
    (``bot.issue.handler``)."""
    body = replies.triage_comment(replace(state, rev=read.rev + 1), config, renderer=renderer)
    return seal_body(body, seal, number)


def renderer_for(config: Config, renderer: Renderer) -> Callable[..., str]:
    name = replies.template_name("dashboard", config.language)
    return lambda **values: renderer.render(name, **values)


@dataclass
class Board:
    """The open dashboard as one run read it, and what it holds."""

    port: GitHubPort
    config: Config
    renderer: Renderer
    issue: IssueData
    data: Dashboard

    @classmethod
    def load(cls, services: Services) -> Board | None:
        """The open dashboard, when the survey has one and refreshes it on events (1 request);
        None otherwise."""
        port, config, renderer = services.port, services.config, services.renderer
        if not (config.dashboard.enabled and config.dashboard.on_events):
            return None
        found = find_dashboards(port, config, services.bot_login, "open")
        data = decode(found[0].body) if found else None
        if data is None:  # none, or its data was lost: the scheduled run rebuilds it
            return None
        return cls(port, config, renderer, found[0], data)

    def recall(
        self, number: int, linked: Callable[[Iterable[str]], set[str]]
    ) -> Callable[[PaperState], tuple[Earlier, ...]]:
        """Where else a paper's work was suggested, for the triage of issue ``number``
        (``linked``: the ids the metadata cache links, ``Resolver.known_ids``)."""
        return lambda paper: recall(self.data.entries, paper_ids(paper, linked), number)

    def update_issue(
        self, number: int, reader: str, state: TriageState | None, today: dt.date
    ) -> bool:
        """Issue ``number``'s entries as ``state`` has them; edits the dashboard if it changed."""
        entries = issue_entries(
            number,
            reader,
            state,
            today.isoformat(),
            replies.default_section(self.config),
            self.data.of_issue(number),
        )
        return self.publish(self.data.with_issue(number, entries), today)

    def publish(
        self, data: Dashboard, today: dt.date, checked: Collection[str] | None = None
    ) -> bool:
        """Edit the dashboard to show ``data``; True if edited.

        Boxes ``checked`` stay ticked; by default those ticked now whose paper
        still awaits a decision: a tick whose run is still to come is not
        erased by another issue's refresh.
        """
        if checked is None:
            checked = {k for k in ticked(self.issue.body) if _awaiting(data, k)}
        self.data, body = render.fit(
            data, today, renderer_for(self.config, self.renderer), checked=checked
        )
        if body == self.issue.body:
            return False
        self.issue = self.port.edit_issue_body(self.issue.number, body)
        return True


def refresh_issue(
    board: Board | Callable[[], Board | None] | None,
    issue: IssueInfo,
    before: TriageState | None,
    after: TriageState | None,
) -> str | None:
    """After a triage or a command (``bot.issue.handler``): ``issue``'s papers on the
    dashboard as ``after`` has them, when the run changed what it shows since ``before``
    (not only what was handled). A triage read the dashboard already, for its memory
    (``board``); a command reads it only then (``board`` is how: ``Board.load``).
    Returns what it did, if anything."""
    if after is None or (
        before is not None
        and replace(before, handled_up_to=None, rev=0) == replace(after, handled_up_to=None, rev=0)
    ):
        return None
    if callable(board):
        board = board()
    today = dt.date.today()
    if board is None or not board.update_issue(issue.number, issue.author_login, after, today):
        return None
    return f"updated the dashboard #{board.issue.number}"


# --------------------------------------------------------------------------- ticks


@dataclass(frozen=True)
class TickOutcome:
    accepted: tuple[int, ...]  # issues where a paper was accepted
    undone: tuple[str, ...]  # the ticks undone (``issue.paper``)
    notes: tuple[str, ...]


def handle_ticks(
    port: GitHubPort,
    config: Config,
    renderer: Renderer,
    bot_login: str,
    *,
    number: int,
    sender: str,
    body: str,
    before: str | None,
    today: dt.date,
    seal: Seal | None = None,
) -> TickOutcome:
    """Run the boxes ``sender`` ticked on dashboard ``number`` (``body``, was ``before``).

    Race-safe and idempotent: the ticks come from the event (``new_ticks``), so
    each run acts on its own sender's only, however the runs are ordered or
    repeated; the current body is read afresh, and boxes ticked by others and
    not yet run (their events are still on their way) stay ticked when it is
    rewritten. A paper already accepted is not accepted again. A tick by someone
    without write access is undone with a note, and changes nothing.
    """
    issue = port.issue(number)
    ours = any(is_dashboard(text, issue.author, bot_login) for text in (issue.body, before))
    if issue.state != "open" or not ours:
        return TickOutcome((), (), ("the dashboard is closed or not the bot's: nothing done",))
    # An emptied or mangled body loses its data: the body before the edit still has it.
    data = decode(issue.body) or decode(before) or Dashboard()
    board = Board(port, config, renderer, issue, data)
    mine = new_ticks(body, before)
    if not mine:
        if decode(issue.body) is None and data.entries:  # emptied or mangled: put it back
            board.publish(data, today)
            return TickOutcome((), (), ("the dashboard's body was emptied: restored",))
        return TickOutcome((), (), ("no box was ticked by this edit",))
    permission = None if is_maintainer(sender, None, config) else port.permission(sender)
    if is_maintainer(sender, permission, config):
        data, accepted, notes = _run_ticks(
            port, config, renderer, bot_login, data, mine, sender, permission, seal
        )
        undone: tuple[str, ...] = ()
    else:
        for key in sorted(mine, key=_numeric):
            entry = data.entry(key)
            what = f"#{entry.issue}" if entry else key
            data = data.with_note(
                dashboard_note(config, renderer, "undone", login=sender, what=what)
            )
        accepted, undone = [], tuple(sorted(mine, key=_numeric))
        notes = [f"undid {len(mine)} tick(s) by {sender}: not a maintainer"]
    # Boxes others ticked whose runs are still to come stay ticked.
    others = ticked(issue.body) - mine
    board.publish(data, today, checked={k for k in others if _awaiting(data, k)})
    return TickOutcome(tuple(accepted), undone, tuple(notes))


def _run_ticks(
    port: GitHubPort,
    config: Config,
    renderer: Renderer,
    bot_login: str,
    data: Dashboard,
    keys: Collection[str],
    sender: str,
    permission: str | None,
    seal: Seal | None,
) -> tuple[Dashboard, list[int], list[str]]:
    """A maintainer's ticks, each accepting its paper; the dashboard's data as they leave it."""
    notes: list[str] = []
    accepted: list[int] = []
    for key in sorted(keys, key=_numeric):
        entry = data.entry(key)
        if entry is None or entry.status != "awaiting":
            notes.append(f"tick {key}: no paper awaiting a decision there (already decided)")
            continue
        state, note = _accept(
            port, config, renderer, bot_login, entry, sender, permission, seal
        )
        notes.append(note)
        if state is None:
            text = dashboard_note(config, renderer, "refused", issue=entry.issue, reason=note)
            data = data.with_note(text)
            continue
        accepted.append(entry.issue)
        entries = issue_entries(
            entry.issue,
            entry.reader,
            state,
            entry.since,
            replies.default_section(config),
            data.of_issue(entry.issue),
        )
        data = data.with_issue(entry.issue, entries)
    return data, accepted, notes


def _awaiting(data: Dashboard, key: str) -> bool:
    entry = data.entry(key)
    return entry is not None and entry.status == "awaiting"


def _numeric(key: str) -> tuple[int, ...]:
    return tuple(int(part) for part in key.split("."))


def _accept(
    port: GitHubPort,
    config: Config,
    renderer: Renderer,
    bot_login: str,
    entry: Entry,
    sender: str,
    permission: str | None,
    seal: Seal | None,
) -> tuple[TriageState | None, str]:
    """Accept ``entry``'s paper on its issue as ``/accept N section: "S"`` from ``sender`` would.

    The paper is found in the issue's state by position and title, so a tick
    on a line that no longer describes the issue (it was edited since) accepts
    nothing. Returns the issue's new state and a line for the log, or None and
    why not: ``missing`` (no triage comment), ``changed``, or the refusal's text.
    """
    number = entry.issue
    issue = port.issue(number)
    comments = port.issue_comments(number)
    loaded = load_state(comments, bot_login, issue=number, seal=seal)
    state = loaded.state
    if state is None or loaded.comment is None:
        return None, "missing"
    papers = state.papers
    paper = papers[entry.paper] if entry.paper < len(papers) else None
    title = one_line(paper.record.title)[:MAX_TITLE] if paper and paper.record else None
    if title != entry.title:
        return None, "changed"
    info = IssueInfo(number, issue.author, labels=issue.labels, open=issue.state == "open")
    command = Accept(papers=(entry.paper + 1,), section=entry.section)
    plan = plan_comment([command], sender, permission, config, state, info, renderer=renderer)
    if plan is None or plan.reaction == "confused" or plan.new_state is None:
        return None, one_line(plan.reply_body or "")[:300] if plan else ""
    # No /accept is in the thread for the batch to find: the state says whose tick it was.
    ticked = list(plan.new_state.papers)
    ticked[entry.paper] = replace(ticked[entry.paper], ticked_by=sender)
    new_state = replace(plan.new_state, papers=tuple(ticked))
    port.edit_comment(
        loaded.comment.id, triage_body(new_state, state, config, renderer, seal, number)
    )
    if plan.labels_to_add:
        port.add_labels(number, list(plan.labels_to_add))
    for label in plan.labels_to_remove:
        port.remove_label(number, label)
    if plan.reopen_issue:
        port.edit_issue(number, state="open")
    return new_state, f"accepted #{number} {entry.title!r} for {entry.section or 'the list'}"


def new_board(
    port: GitHubPort, config: Config, renderer: Renderer, data: Dashboard, today: dt.date
) -> IssueData:
    """Open the dashboard issue showing ``data``."""
    _, body = render.fit(data, today, renderer_for(config, renderer))
    return port.create_issue(config.dashboard.title, body, [config.dashboard.label])
