"""``audit --fix``: the fixes as one pull request on its own branch.

Like the batch (``bot.batch.run``), it never touches the working tree: the
files are read from the default branch's head, the fixed texts are committed
on top of it in a throw-away index (``bot.gitrepo``), pushed with a lease to
``survey-bot/audit`` and offered as one pull request, opened or updated in
place. Running it twice with nothing new changes nothing.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path

from bot.audit.apply import apply_fixes, chosen
from bot.audit.checks import audit_sources
from bot.audit.findings import Finding
from bot.audit.report import markdown_report
from bot.audit.survey import Knowledge, Source
from bot.errors import GitError
from bot.github.port import GitHubPort
from bot.gitrepo import open_repo

BRANCH = "survey-bot/audit"
TITLE = "Audit fixes: numbering, links and accepted corrections"
AUTHOR = ("survey-bot", "survey-bot@users.noreply.github.com")


@dataclass(frozen=True)
class FixOutcome:
    action: str  # "opened", "updated", "unchanged", "nothing to fix"
    number: int | None
    fixed: tuple[Finding, ...]
    diff_files: tuple[str, ...]


def open_fix_pull(
    clone: Path,
    sources: Sequence[Source],
    port: GitHubPort,
    *,
    known: Knowledge,
    accepted: Collection[str] = (),
    token: str | None = None,
    server_url: str = "https://github.com",
) -> FixOutcome:
    """Audit the default branch's versions of ``sources`` and offer the fixes as one PR."""
    repo = open_repo(clone, token=token, server_url=server_url)
    repo.fetch()
    default = repo.default_branch()
    base = repo.remote_branch_sha(default)
    if base is None:
        raise GitError(f"the default branch {default!r} is not on the remote")
    names = [s.name for s in sources]
    stored = repo.read_files(base, names)
    current = [
        Source(s.name, text, s.format)
        for s in sources
        if (text := stored.get(s.name)) is not None
    ]
    findings = audit_sources(current, known)
    applied = apply_fixes({s.name: s.text for s in current}, chosen(findings, accepted))
    if not applied.texts:
        return FixOutcome("nothing to fix", None, (), ())
    message = f"{TITLE}\n\n" + "\n".join(f"- [{x.id}] {x.message}" for x in applied.fixed)
    sha = repo.build_commit(base, applied.texts, message, *AUTHOR)
    seen = repo.remote_branch_sha(BRANCH)
    files = tuple(sorted(applied.texts))
    if sha is not None and sha != seen:
        repo.push_branch(BRANCH, sha, expected_remote_sha=seen)
    body = markdown_report(list(applied.fixed), title="Fixed by survey-bot audit")
    pull = port.find_pull(BRANCH)
    if pull is None or pull.state != "open":
        created = port.create_pull(BRANCH, default, TITLE, body)
        return FixOutcome("opened", created.number, applied.fixed, files)
    if pull.title == TITLE and pull.body.strip() == body.strip():
        return FixOutcome("unchanged", pull.number, applied.fixed, files)
    port.edit_pull(pull.number, TITLE, body)
    return FixOutcome("updated", pull.number, applied.fixed, files)

