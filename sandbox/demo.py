"""``make demo``: the whole job on the bundled example survey, offline, in a few seconds.

The bot runs exactly as a survey's workflow runs it: the ``survey-bot``
command, one process per event, told about the event by the Actions
environment (``GITHUB_EVENT_PATH`` and friends), in a working directory of its
own outside any source checkout. Only the services around it are stand-ins:

1. ``examples/llm-survey/`` is copied into a temporary directory and made a git
   repository with a local bare ``origin``; a fake GitHub (``sandbox``) serves
   its issues and pull requests and reads branches from that origin.
2. Three readers open issues: a paper the survey already cites, a new one and
   one nobody can identify. ``survey-bot run`` triages each, its real metadata
   resolver pointed (``SURVEY_BOT_METADATA_URLS``) at ``MetadataStandIn``:
   arXiv, Crossref, Semantic Scholar and dblp on 127.0.0.1, answering in the
   real services' formats from ``examples/demo/records.json``.
3. A maintainer comments ``/accept`` with a section that does not exist (refused,
   with the closest headings), then with a forgiving spelling of a real one.
4. The scheduled ``survey-bot batch`` opens the pull request, and opens the
   survey's dashboard issue (the demo turns ``dashboard:`` on in the copy's
   config): every suggestion, where it stands, and the audit's findings.

It prints the replies, the labels and the pull request (title, body, and the
diff of the pushed branch), then what each step cost in requests; it stops both
servers and removes the temporary directory, whatever happens.

``--bot PATH`` runs another ``survey-bot`` executable, such as one installed
from the wheel into a fresh virtual environment (``make test`` does that); by
default the one beside this Python.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sandbox import FakeGitHub
from sandbox.standin import SERVICE_NAMES, MetadataStandIn, load_entries

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "llm-survey"
MAINTAINER = "ada"
NAMES = {"alice": "Alice Liddell", "bob": "Bob Jones", "carol": "Carol Danvers"}
ISSUES = (
    ("alice", "Add the Transformer paper", "Please add this classic: arXiv:1706.03762"),
    (
        "bob",
        "Paper suggestion: red-teaming LLMs",
        "Our paper on safety alignment would fit the survey: https://arxiv.org/abs/2308.09662\n\n"
        "Please thank me as Bob Jones.",
    ),
    ("carol", "Missing paper", 'You should cite "Llama Herding with Tiny Transformers".'),
)
COMMANDS = ('/accept section: "Alignment Tuning"', '/accept section: "adaptation tuning"')
# Our own git commands get no user config and a fixed identity, like a fresh CI machine.
GIT_ENV = {
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_AUTHOR_NAME": "Ada Maintainer",
    "GIT_AUTHOR_EMAIL": "ada@example.org",
    "GIT_COMMITTER_NAME": "Ada Maintainer",
    "GIT_COMMITTER_EMAIL": "ada@example.org",
}
BRANCH = "survey-bot/updates"  # the example survey's batch.branch
DASHBOARD_MARKER = "<!-- survey-bot:dashboard -->"
DASHBOARD = """
# dashboard: one issue listing every suggestion, where it stands, and the audit's findings.
dashboard:
  enabled: true
"""


class DemoError(Exception):
    """A step of the demo failed; the message says which and what the bot printed."""


def default_bot() -> Path:
    """The ``survey-bot`` installed beside the running Python (the checkout's ``.venv``)."""
    beside = Path(sys.executable).parent / "survey-bot"
    found = beside if beside.exists() else shutil.which("survey-bot")
    if found is None:
        raise DemoError("no survey-bot command found: install the bot first (make demo does)")
    return Path(found)


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
    config = clone / ".github" / "survey-bot.yml"
    config.write_text(config.read_text(encoding="utf-8") + DASHBOARD, encoding="utf-8")
    git(work, "init", "--quiet", "--bare", "--initial-branch=main", str(origin))
    git(clone, "init", "--quiet", "--initial-branch=main")
    git(clone, "add", "--all")
    git(clone, "commit", "--quiet", "-m", "The survey")
    git(clone, "remote", "add", "origin", str(origin))
    git(clone, "push", "--quiet", "origin", "HEAD:refs/heads/main")
    git(clone, "fetch", "--quiet", "origin")
    git(clone, "remote", "set-head", "origin", "main")
    return origin, clone


@dataclass
class Workflow:
    """What a survey's workflow gives ``survey-bot``: an event file and its environment."""

    bot: Path
    github: FakeGitHub
    stand_in: MetadataStandIn
    survey: Path
    work: Path
    runs: int = 0

    def environment(self, event: str, payload: Mapping[str, Any] | None) -> dict[str, str]:
        self.runs += 1
        env = {
            "PATH": os.environ.get("PATH", ""),
            "HOME": str(self.work),
            "LANG": "C.UTF-8",
            **GIT_ENV,
            "GITHUB_ACTIONS": "true",
            "GITHUB_REPOSITORY": self.github.repo,
            "GITHUB_TOKEN": self.github.token,
            "GITHUB_API_URL": self.github.base_url,
            "GITHUB_WORKSPACE": str(self.survey),
            "GITHUB_STEP_SUMMARY": str(self.work / f"summary-{self.runs}.md"),
            "SURVEY_BOT_LOGIN": self.github.bot_login,
            # No pauses between requests: the fake GitHub is on this machine.
            "SURVEY_BOT_SECONDS_BETWEEN_REQUESTS": "0",
            "SURVEY_BOT_SECONDS_BETWEEN_WRITES": "0",
            "SURVEY_BOT_METADATA_URLS": json.dumps(self.stand_in.base_urls),
        }
        if payload is not None:
            path = self.work / f"event-{self.runs}.json"
            path.write_text(json.dumps(payload), encoding="utf-8")
            env |= {"GITHUB_EVENT_NAME": event, "GITHUB_EVENT_PATH": str(path)}
        return env

    def run(self, command: str, event: str, payload: Mapping[str, Any] | None) -> str:
        """``survey-bot COMMAND`` for one event; its output, or ``DemoError`` if it failed."""
        done = subprocess.run(
            [str(self.bot), command],
            cwd=self.work,  # outside any checkout, as on a runner
            env=self.environment(event, payload),
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        if done.returncode != 0:
            raise DemoError(
                f"survey-bot {command} ({event}) exited {done.returncode}:\n"
                f"{done.stdout}{done.stderr}"
            )
        return done.stdout


@contextlib.contextmanager
def staged(bot: Path, prefix: str) -> Iterator[tuple[Workflow, Path]]:
    """The stage the demo and the attacks play on: the example survey with its bare
    origin, the fake GitHub serving it (with its maintainer), the metadata stand-in and
    a runner's folder; the workflow that runs ``bot`` there, and the origin."""
    with (
        tempfile.TemporaryDirectory(prefix=prefix) as tmp,
        FakeGitHub() as github,
        MetadataStandIn(load_entries()) as stand_in,
    ):
        work = Path(tmp)
        origin, clone = make_survey(work)
        github.link_git(origin)
        github.add_user(MAINTAINER, "Ada Maintainer", permission="maintain")
        (work / "runner").mkdir()
        yield Workflow(bot, github, stand_in, clone, work / "runner"), origin


def issue_opened(github: FakeGitHub, number: int) -> dict[str, Any]:
    """The ``issues.opened`` payload GitHub sends for an issue the fake holds."""
    issue = github.issue(number)
    return {"action": "opened", "issue": issue, "sender": issue["user"]}


def comment_created(github: FakeGitHub, number: int, text: str, user: str) -> dict[str, Any]:
    """Post a comment on the fake; the ``issue_comment.created`` payload it triggers."""
    comment = github.add_comment(number, text, user=user)
    return {
        "action": "created",
        "issue": github.issue(number),
        "comment": comment,
        "sender": comment["user"],
    }


def run_demo(bot: Path, out: Callable[[str], None] = print) -> None:
    """The whole flow; ``out`` receives the readable transcript, one block at a time."""
    with staged(bot, "survey-bot-demo-") as (workflow, origin):
        github, stand_in = workflow.github, workflow.stand_in
        for user, name in NAMES.items():
            github.add_user(user, name)
        cost: list[tuple[str, int, Counter[str]]] = []  # (step, GitHub requests, metadata)

        def step(name: str, command: str, event: str, payload: Mapping[str, Any] | None) -> None:
            github_before, metadata_before = len(github.requests), stand_in.requests.copy()
            workflow.run(command, event, payload)
            spent = stand_in.requests - metadata_before
            cost.append((name, len(github.requests) - github_before, spent))

        version = subprocess.run(
            [str(bot), "--version"], capture_output=True, text=True, check=True
        ).stdout.strip()
        out(f"Running {version} ({bot}) as a survey's workflow would, against local stand-ins.")
        out(heading("1. Readers suggest papers"))
        numbers = [int(github.add_issue(title=t, body=b, user=u)["number"]) for u, t, b in ISSUES]
        for number, (user, title, body) in zip(numbers, ISSUES, strict=True):
            step(f"triage #{number}", "run", "issues", issue_opened(github, number))
            out(f"#{number} by @{user}: {title}\n    {body}")
        for number in numbers:
            out(heading(f"survey-bot's reply on #{number}"))
            out(visible(github.comments(number)[-1]["body"]))

        new = numbers[1]
        out(heading(f"2. A maintainer accepts #{new}"))
        for text in COMMANDS:
            payload = comment_created(github, new, text, MAINTAINER)
            step(f"{text} on #{new}", "run", "issue_comment", payload)
            out(answer(github, new, payload["comment"]))

        out(heading("3. The scheduled batch"))
        step("batch", "batch", "schedule", None)
        pulls = github.pulls()
        if pulls:
            pull = pulls[-1]
            out(heading(f"Pull request #{pull['number']}: {pull['title']}"))
            out(visible(pull["body"] or ""))
            out(heading("Diff"))
            out(git(origin, "diff", "main", BRANCH))
        boards = [i for i in github.issues() if DASHBOARD_MARKER in (i["body"] or "")]
        if boards:
            out(heading(f"The dashboard, issue #{boards[0]['number']}: {boards[0]['title']}"))
            out(visible(boards[0]["body"] or ""))
        out(heading("4. An audit of the survey's own list"))
        step("audit", "audit", "schedule", None)
        out((workflow.work / f"summary-{workflow.runs}.md").read_text(encoding="utf-8"))
        out(heading("Labels at the end"))
        out("\n".join(f"#{n}: {', '.join(github.labels(n)) or '(none)'}" for n in numbers))
        out(heading("What happened"))
        out(what_happened(cost))


def answer(github: FakeGitHub, number: int, comment: Mapping[str, Any]) -> str:
    """The command, the bot's reaction to it and its reply (or what the triage comment now says)."""
    reactions = github.reactions(comment_id=comment["id"])
    lines = [
        f"@{MAINTAINER}: {comment['body']}",
        f"    reaction: {', '.join(r['content'] for r in reactions) or 'none'}",
    ]
    later = [c for c in github.comments(number) if c["id"] > comment["id"]]
    if later:
        lines += [
            "    reply:",
            *("      " + line for line in visible(later[-1]["body"]).splitlines()),
        ]
    else:
        triage = visible(github.comments(number)[0]["body"])
        said = [line.strip() for line in triage.splitlines() if "**Accepted**" in line]
        lines += ["    no reply; the triage comment now says:", *("      " + line for line in said)]
    return "\n".join(lines)


def what_happened(cost: Sequence[tuple[str, int, Counter[str]]]) -> str:
    """One line per step: requests to the fake GitHub and to the metadata stand-in."""
    lines = []
    for name, github_requests, metadata in cost:
        services = ", ".join(f"{SERVICE_NAMES[s]} {n}" for s, n in sorted(metadata.items()))
        line = f"- {name}: {github_requests} requests to the fake GitHub"
        lines.append(line + (f"; metadata stand-in: {services}" if services else ""))
    total = sum((metadata for *_, metadata in cost), Counter())
    lines.append(
        f"Paper metadata came from the bot's real resolver, which made {total.total()} "
        "HTTP requests to the local stand-in of arXiv, Crossref, Semantic Scholar and dblp."
    )
    return "\n".join(lines)


def heading(text: str) -> str:
    return f"\n=== {text} " + "=" * max(3, 76 - len(text))


def visible(body: str) -> str:
    """A comment as a reader sees it: without the bot's hidden HTML comments."""
    lines = [line for line in body.splitlines() if not line.startswith("<!-- survey-bot:")]
    return "\n".join(lines).strip()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sandbox.demo", description=__doc__)
    parser.add_argument("--bot", type=Path, help="the survey-bot executable to run")
    args = parser.parse_args(argv)
    try:
        run_demo(args.bot or default_bot())
    except DemoError as exc:
        print(f"demo: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
