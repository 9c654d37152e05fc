"""``make demo``: the whole job on the bundled example survey, offline, in a few seconds.

1. ``examples/llm-survey/`` is copied into a temporary directory and made a git
   repository with a local bare ``origin``; a fake GitHub (``bot.sandbox``)
   serves its issues and pull requests and reads branches from that origin.
2. Three readers open issues: a paper the survey already cites, a new one and
   one nobody can identify. The same handlers as ``survey-bot run``
   (``bot.app``) triage them; paper metadata comes from
   ``examples/demo/records.json`` instead of arXiv, so no network is needed.
3. A maintainer comments ``/accept`` on the new paper's issue.
4. The scheduled batch (``bot.batch``) opens the pull request.

It prints the replies and the pull request (title, body, diff), then stops the
server and removes the temporary directory, whatever happens.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from bot.app import handle_comment, handle_issue
from bot.batch import run_batch
from bot.config import load_config
from bot.events import CommentCommand, IssueTriage
from bot.github import connect
from bot.metadata.resolver import describe
from bot.models import PaperRecord, Skipped, Suggestion
from bot.sandbox import FakeGitHub
from bot.survey import load_index

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "llm-survey"
RECORDS = ROOT / "examples" / "demo" / "records.json"
MAINTAINER = "ada"
NAMES = {"alice": "Alice Liddell", "bob": "Bob Jones", "carol": "Carol Danvers"}
ISSUES = (
    ("alice", "Add the Transformer paper", "Please add this classic: arXiv:1706.03762"),
    (
        "bob",
        "Paper suggestion: red-teaming LLMs",
        "Our paper on safety alignment would fit the survey: https://arxiv.org/abs/2308.09662",
    ),
    ("carol", "Missing paper", 'You should cite "Llama Herding with Tiny Transformers".'),
)
# Our own git commands get no user config and a fixed identity, like a fresh CI machine.
GIT_ENV = {
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_AUTHOR_NAME": "Ada Maintainer",
    "GIT_AUTHOR_EMAIL": "ada@example.org",
    "GIT_COMMITTER_NAME": "Ada Maintainer",
    "GIT_COMMITTER_EMAIL": "ada@example.org",
}


class RecordsResolver:
    """A resolver answering from a JSON file of records (the demo's stand-in for arXiv)."""

    def __init__(self, records: dict[str, PaperRecord]) -> None:
        self.records = records

    def resolve_many(self, suggestions: Sequence[Suggestion]) -> list[PaperRecord | Skipped]:
        return [self.resolve(s) for s in suggestions]

    def resolve(self, suggestion: Suggestion) -> PaperRecord | Skipped:
        for key in (f"arxiv:{suggestion.arxiv}", f"doi:{suggestion.doi}"):
            if key in self.records:
                return self.records[key]
        return Skipped(
            describe(suggestion), "not found on arXiv, Crossref, Semantic Scholar or DBLP"
        )

    def __enter__(self) -> RecordsResolver:
        return self

    def __exit__(self, *exc: object) -> None:
        return None


def load_records(path: Path = RECORDS) -> dict[str, PaperRecord]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return {k: PaperRecord.from_json(v) for k, v in data.items() if not k.startswith("_")}


def git(cwd: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-c", "core.autocrlf=false", *args],
        cwd=cwd,
        env={**os.environ, **GIT_ENV},
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip()


def make_survey(work: Path) -> tuple[Path, Path]:
    """A clone of the example survey with a bare ``origin`` (branch ``main``)."""
    origin, clone = work / "origin.git", work / "survey"
    shutil.copytree(EXAMPLE, clone)
    git(work, "init", "--quiet", "--bare", "--initial-branch=main", str(origin))
    git(clone, "init", "--quiet", "--initial-branch=main")
    git(clone, "add", "--all")
    git(clone, "commit", "--quiet", "-m", "The survey")
    git(clone, "remote", "add", "origin", str(origin))
    git(clone, "push", "--quiet", "origin", "HEAD:refs/heads/main")
    git(clone, "fetch", "--quiet", "origin")
    git(clone, "remote", "set-head", "origin", "main")
    return origin, clone


def run_demo(out: Callable[[str], None] = print) -> None:
    """The whole flow; ``out`` receives the readable transcript, one block at a time."""
    with tempfile.TemporaryDirectory(prefix="survey-bot-demo-") as tmp, FakeGitHub() as github:
        origin, clone = make_survey(Path(tmp))
        github.link_git(origin)
        github.add_user(MAINTAINER, "Ada Maintainer", permission="maintain")
        for user, name in NAMES.items():
            github.add_user(user, name)
        config = load_config(clone)
        index = load_index(config)
        resolver = RecordsResolver(load_records())
        port = connect(
            github.token,
            github.repo,
            github.base_url,
            seconds_between_requests=0,
            seconds_between_writes=0,
        )
        login = github.bot_login
        try:
            out(heading("1. Readers suggest papers"))
            numbers = []
            for user, title, body in ISSUES:
                issue = github.add_issue(title=title, body=body, user=user)
                numbers.append(int(issue["number"]))
                trigger = IssueTriage(issue["number"], title, body, user, "User", (), "opened")
                handle_issue(trigger, port, config, resolver, index, login)
                out(f"#{issue['number']} by @{user}: {title}\n    {body}")
            for number in numbers:
                out(heading(f"survey-bot's reply on #{number}"))
                out(visible(github.comments(number)[-1]["body"]))

            new = numbers[1]
            out(heading(f"2. A maintainer accepts #{new}"))
            comment = github.add_comment(new, "/accept", user=MAINTAINER)
            command = CommentCommand(
                issue_number=new,
                comment_id=int(comment["id"]),
                body="/accept",
                author_login=MAINTAINER,
                author_type="User",
                author_association="MEMBER",
                is_pull_request=False,
                issue_author_login=ISSUES[1][0],
                issue_labels=tuple(github.labels(new)),
            )
            handle_comment(command, port, config, resolver, index, login)
            out(f"@{MAINTAINER}: /accept   ->  labels now: {', '.join(github.labels(new))}")

            out(heading("3. The scheduled batch"))
            outcome = run_batch(config, port, clone, bot_login=login)
            out(outcome.summary)
            pull = github.pull(outcome.pull) if outcome.pull else None
            if pull is not None:
                out(heading(f"Pull request #{pull['number']}: {pull['title']}"))
                out(visible(pull["body"] or ""))
                out(heading("Diff"))
                out(outcome.diff.rstrip("\n"))
        finally:
            port.close()


def heading(text: str) -> str:
    return f"\n=== {text} " + "=" * max(3, 76 - len(text))


def visible(body: str) -> str:
    """A comment as a reader sees it: without the bot's hidden HTML comments."""
    lines = [line for line in body.splitlines() if not line.startswith("<!-- survey-bot:")]
    return "\n".join(lines).strip()


def main() -> int:
    run_demo()
    return 0


if __name__ == "__main__":
    sys.exit(main())
