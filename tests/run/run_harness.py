"""Harnesses for ``survey-bot run``: the real CLI against the fakes, and the handler in memory.

Two ways to play a scenario, with the same survey, payloads and metadata:

* :class:`Harness`: GitHub is :class:`sandbox.FakeGitHub` on 127.0.0.1 (every
  request checked against GitHub's OpenAPI description), seeded from the same
  event payloads the bot receives, and the bot is the real command line:
  ``Harness.run`` calls ``bot.cli.main(["run", ...])`` in this process with the
  Actions environment set, ``Harness.run_process`` runs ``python -m bot run``
  as a subprocess (the end-to-end tests: environment, exit codes, output).
  The bot logs in as ``github-actions[bot]``, as with the workflow's own
  ``GITHUB_TOKEN``.
* :class:`World`: GitHub is a :class:`sandbox.recording.RecordingPort` in memory,
  and ``World.run`` hands the event to ``bot.cli.run.handle_event`` (what
  ``survey-bot run`` calls once it has connected) and shows the report on an
  ``Output`` as the command does: no HTTP, no subprocess, milliseconds per run.

Event payloads are the real examples in ``tests/fixtures/github/webhooks/``
with only the scenario's fields replaced (issue number, title, body, author,
labels; comment id, body, author). Paper metadata comes from a cache filled
once per session by the real resolver from a local server replaying a
recorded arXiv feed (Transformer, BERT, LoRA...); the runs are offline, so they
never wait for arXiv's 3-second spacing and an unknown paper is simply "not
cached". The survey is a small working tree in ``tmp_path``: config, a .bib
file citing "Attention Is All You Need" and a README list citing BERT
(sections "Models" and "3.1 Fine-Tuning").
"""

from __future__ import annotations

import copy
import io
import json
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from dataclasses import dataclass, replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from bot.cli import main
from bot.config import load_config
from bot.github.port import Comment
from bot.issue.event import CommentCommand, IssueTriage, parse_event
from bot.issue.state import DATA_PREFIX, decode_state
from sandbox import FakeGitHub
from sandbox.recording import RecordingPort
from sandbox.testing import running_fake_github
from tests.conftest import RECORDED_METADATA, WEBHOOKS

ROOT = Path(__file__).resolve().parents[2]
ARXIV_FEED = RECORDED_METADATA / "arxiv" / "ml_id_list_8_papers.xml"

BOT = "github-actions[bot]"
REPO = "Codertocat/Hello-World"  # the repository of the example payloads
TRANSFORMER = "1706.03762"  # cited in refs.bib
BERT = "1810.04805"  # cited in README.md
LORA = "2106.09685"  # not cited
CACHED = (TRANSFORMER, BERT, LORA)
NOBODY_KNOWS = "A Nonexistent Paper About Zebras and Quokkas"

CONFIG = """\
references:
  - path: refs.bib
  - path: README.md
    format: markdown
bibtex:
  path: refs.bib
paper_list:
  path: README.md
  section: Models
acknowledgements:  # /thank needs a place to thank (the runs here never edit it)
  path: README.md
"""
BIB = """\
@article{vaswani2017attention,
  title={Attention Is All You Need},
  author={Vaswani, Ashish and Shazeer, Noam and Parmar, Niki},
  journal={arXiv preprint arXiv:1706.03762},
  year={2017}
}
"""
README = """\
# A Tiny Survey

## Models

- **BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding**. \
Devlin et al. NAACL 2019. [[paper](https://arxiv.org/abs/1810.04805)]

## 3.1 Fine-Tuning
"""


# --------------------------------------------------------------------------- metadata


class _ArxivOnly(BaseHTTPRequestHandler):
    """The recorded arXiv feed for any arXiv query; 404 for every other service."""

    def do_GET(self) -> None:
        if self.path.startswith("/arxiv"):
            status, kind, body = 200, "application/atom+xml", ARXIV_FEED.read_bytes()
        else:
            status, kind, body = 404, "application/json", b'{"error": "Not Found"}'
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@dataclass(frozen=True)
class MetadataCache:
    path: Path
    urls: dict[str, str]  # the base URLs the cache keys were made with


def fill_cache(path: Path, arxiv_ids: tuple[str, ...]) -> MetadataCache:
    """A metadata cache at ``path`` holding the papers ``arxiv_ids``, filled by the real
    resolver from the recorded arXiv feed (it holds eight papers)."""
    from bot.config.schema import MetadataConfig
    from bot.metadata import build_resolver
    from bot.suggestions import PaperRecord, Suggestion

    server = ThreadingHTTPServer(("127.0.0.1", 0), _ArxivOnly)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    urls = {
        "arxiv": f"{base}/arxiv/api/query",
        "crossref": f"{base}/crossref",
        "semanticscholar": f"{base}/s2/graph/v1",
        "dblp": f"{base}/dblp/search/publ/api",
    }
    try:
        with build_resolver(
            MetadataConfig(cache=str(path)), base_urls=urls, sleep=lambda _: None
        ) as resolver:
            found = resolver.resolve_many([Suggestion(arxiv=a) for a in arxiv_ids])
    finally:
        server.shutdown()
        server.server_close()
    assert all(isinstance(r, PaperRecord) for r in found), found
    return MetadataCache(path, urls)


@pytest.fixture(scope="session")
def metadata_cache(tmp_path_factory: pytest.TempPathFactory) -> MetadataCache:
    """A metadata cache holding the papers in ``CACHED``, filled by the real resolver."""
    return fill_cache(tmp_path_factory.mktemp("metadata") / "cache.sqlite", CACHED)


# --------------------------------------------------------------------------- payloads


def webhook(name: str) -> dict[str, Any]:
    """A real example payload, e.g. ``issues.opened.1``."""
    return json.loads((WEBHOOKS / f"{name}.json").read_text(encoding="utf-8"))


def issue_event(
    action: str,
    title: str,
    body: str,
    *,
    number: int = 1,
    user: str = "reader",
    labels: tuple[str, ...] = (),
) -> dict[str, Any]:
    """``issues.<action>`` from the real example, with the scenario's issue."""
    payload = webhook(f"issues.{action}.1")
    issue = payload["issue"]
    issue.update(number=number, title=title, body=body, state="open")
    issue["user"] = {**issue["user"], "login": user, "type": "User"}
    template = issue["labels"][0] if issue.get("labels") else {"id": 1, "color": "ededed"}
    issue["labels"] = [{**template, "name": name} for name in labels]
    payload["sender"] = {**payload["sender"], "login": user, "type": "User"}
    return payload


def comment_event(fake: FakeGitHub, number: int, body: str, *, user: str) -> dict[str, Any]:
    """``issue_comment.created``: the comment is posted on the fake, then delivered.

    The payload's issue is the issue as the fake has it now (labels, state), as
    GitHub would send it.
    """
    posted = fake.add_comment(number, body, user=user)
    current = fake.issue(number)
    issue = {k: current[k] for k in ("number", "title", "body", "labels", "state", "user")}
    return _comment_payload(posted, issue)


def _comment_payload(comment: dict[str, Any], issue: dict[str, Any]) -> dict[str, Any]:
    """The real ``issue_comment.created`` example, carrying ``comment`` on ``issue``."""
    payload = webhook("issue_comment.created.1")
    payload["comment"].update(
        id=comment["id"],
        body=comment["body"],
        user={**payload["comment"]["user"], **comment["user"]},
        author_association=comment["author_association"],
    )
    payload["issue"].update(issue)
    payload["sender"] = {**payload["sender"], **comment["user"]}
    return payload


def fresh(payload: dict[str, Any]) -> dict[str, Any]:
    """A copy of a payload, to deliver it again."""
    return copy.deepcopy(payload)


def make_survey(tmp: Path, cache: MetadataCache) -> Path:
    """The survey's working tree under ``tmp``, with the session's metadata cache."""
    survey = tmp / "survey"
    (survey / ".github").mkdir(parents=True)
    (survey / ".github" / "survey-bot.yml").write_text(CONFIG, encoding="utf-8")
    (survey / "refs.bib").write_text(BIB, encoding="utf-8")
    (survey / "README.md").write_text(README, encoding="utf-8")
    (survey / ".survey-bot").mkdir()
    shutil.copyfile(cache.path, survey / ".survey-bot" / "cache.sqlite")
    return survey


# --------------------------------------------------------------------------- running the bot


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str
    summary: str

    @property
    def warnings(self) -> list[str]:
        return [line for line in self.stdout.splitlines() if line.startswith("::warning::")]

    @property
    def errors(self) -> list[str]:
        return [line for line in self.stdout.splitlines() if line.startswith("::error::")]


class Harness:
    """The fake GitHub, a survey working tree, and ``survey-bot run`` (in process, or not)."""

    def __init__(self, fake: FakeGitHub, survey: Path, work: Path, cache: MetadataCache) -> None:
        self.fake = fake
        self.survey = survey
        self.work = work
        self.cache = cache
        self.runs = 0

    def seed(self, payload: dict[str, Any]) -> dict[str, Any]:
        """Make the fake hold the issue an ``issues`` payload describes, as GitHub would."""
        self.fake.seed_event(payload)
        return payload

    def run(
        self,
        event: str,
        payload: dict[str, Any] | bytes,
        *args: str,
        env: dict[str, str] | None = None,
    ) -> Run:
        """``survey-bot run --offline`` in this process: ``bot.cli.main`` with the run's
        environment (only it: no other ``GITHUB_*`` or ``SURVEY_BOT_*`` variable) and
        working directory."""
        environ, summary = self._environ(event, payload, env)
        stdout, stderr = io.StringIO(), io.StringIO()
        with pytest.MonkeyPatch.context() as patch:
            for name in os.environ:
                if name.startswith(("GITHUB_", "SURVEY_BOT_", "RUNNER_", "ACTIONS_")):
                    patch.delenv(name)
            for name, value in environ.items():
                patch.setenv(name, value)
            patch.chdir(self.work)
            with redirect_stdout(stdout), redirect_stderr(stderr):
                code = main(["run", "--offline", *args])
        return Run(code, stdout.getvalue(), stderr.getvalue(), _read(summary))

    def run_process(
        self,
        event: str,
        payload: dict[str, Any] | bytes,
        *args: str,
        env: dict[str, str] | None = None,
    ) -> Run:
        """``survey-bot run --offline`` as a subprocess, with only the run's environment."""
        environ, summary = self._environ(event, payload, env)
        base = {"PATH": os.environ.get("PATH", ""), "PYTHONPATH": str(ROOT)}
        done = subprocess.run(
            [sys.executable, "-m", "bot", "run", "--offline", *args],
            env={**base, **environ},
            cwd=self.work,
            capture_output=True,
            text=True,
            timeout=60,
        )
        return Run(done.returncode, done.stdout, done.stderr, _read(summary))

    def _environ(
        self, event: str, payload: dict[str, Any] | bytes, extra: dict[str, str] | None
    ) -> tuple[dict[str, str], Path]:
        """A workflow run's environment for ``event`` (its payload written to a file)."""
        self.runs += 1
        event_path = self.work / f"event-{self.runs}.json"
        data = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
        event_path.write_bytes(data)
        summary = self.work / f"summary-{self.runs}.md"
        environ = {
            "HOME": str(self.work),
            "GITHUB_ACTIONS": "true",
            "GITHUB_EVENT_NAME": event,
            "GITHUB_EVENT_PATH": str(event_path),
            "GITHUB_REPOSITORY": self.fake.repo,
            "GITHUB_TOKEN": self.fake.token,
            "GITHUB_API_URL": self.fake.base_url,
            "GITHUB_WORKSPACE": str(self.survey),
            "GITHUB_STEP_SUMMARY": str(summary),
            "SURVEY_BOT_SECONDS_BETWEEN_REQUESTS": "0",
            "SURVEY_BOT_SECONDS_BETWEEN_WRITES": "0",
            "SURVEY_BOT_MAX_RETRY_WAIT": "0.01",
            "SURVEY_BOT_METADATA_URLS": json.dumps(self.cache.urls),
            **(extra or {}),
        }
        return environ, summary

    def bot_comments(self, number: int = 1) -> list[dict[str, Any]]:
        return [c for c in self.fake.comments(number) if c["user"]["login"] == BOT]

    def writes(self) -> list[str]:
        return [str(r) for r in self.fake.requests if r.method != "GET"]


@contextmanager
def running_harness(tmp: Path, cache: MetadataCache) -> Iterator[Harness]:
    """A fresh fake GitHub (users ``reader`` and ``maint``) and survey tree under ``tmp``."""
    survey = make_survey(tmp, cache)
    work = tmp / "work"
    work.mkdir()
    with running_fake_github(REPO, bot_login=BOT) as fake:
        fake.add_user("reader", name="Rita Reader")
        fake.add_user("maint", permission="write")
        yield Harness(fake, survey, work, cache)


@pytest.fixture
def harness(tmp_path: Path, metadata_cache: MetadataCache) -> Iterator[Harness]:
    with running_harness(tmp_path, metadata_cache) as harness:
        yield harness


class World:
    """A :class:`RecordingPort` GitHub (users ``reader`` and ``maint``), a survey working tree,
    and the event handler ``survey-bot run`` calls, in this process."""

    def __init__(self, survey: Path, cache: MetadataCache) -> None:
        self.port = RecordingPort(BOT)
        self.port.add_user("reader")
        self.port.add_user("maint", permission="write")
        self.survey = survey
        self.cache = cache
        self.runs = 0

    def seed(self, payload: dict[str, Any]) -> dict[str, Any]:
        """Make the port hold the issue an ``issues`` payload describes, as GitHub would."""
        issue = payload["issue"]
        self.port.add_issue(
            int(issue["number"]),
            issue["title"],
            issue["body"],
            author=issue["user"]["login"],
            labels=[label["name"] for label in issue["labels"]],
            state=issue["state"],
        )
        return payload

    def comment_event(self, number: int, body: str, *, user: str) -> dict[str, Any]:
        """``issue_comment.created``: the comment is posted on the port, then delivered
        with the issue as the port has it now (labels, state)."""
        posted = self.port.add_comment(number, body, user=user)
        current = self.port.current(number)
        comment = {
            "id": posted.id,
            "body": body,
            "user": {"login": user, "type": posted.author_type},
            "author_association": posted.association,  # a hint only: the bot asks GitHub
        }
        issue = {
            "number": number,
            "title": current.title,
            "body": current.body,
            "labels": [{"name": name} for name in current.labels],
            "state": current.state,
            "user": {"login": current.author, "type": current.author_type},
        }
        return _comment_payload(comment, issue)

    def run(self, event: str, payload: dict[str, Any]) -> Run:
        """The event handled as ``survey-bot run --offline`` handles it, and its output."""
        from bot.cli.actions import Output
        from bot.cli.run import handle_event, show

        self.runs += 1
        summary = self.survey.parent / f"summary-{self.runs}.md"
        trigger = parse_event(event, fresh(payload), BOT)
        assert isinstance(trigger, (IssueTriage, CommentCommand)), trigger
        lines: list[str] = []
        out = Output(lines.append, summary)
        report = handle_event(
            trigger,
            payload,
            load_config(self.survey),
            self.port,
            out,
            bot_login=BOT,
            offline=True,
            metadata_urls=self.cache.urls,
        )
        show(report, out)
        return Run(0, "".join(f"{line}\n" for line in lines), "", _read(summary))


@pytest.fixture
def world(tmp_path: Path, metadata_cache: MetadataCache) -> World:
    return World(make_survey(tmp_path, metadata_cache), metadata_cache)


TWO_PAPERS = f"arXiv:{LORA}\narXiv:{TRANSFORMER}"  # one new, one cited


@pytest.fixture(scope="session")
def two_papers_triage(
    tmp_path_factory: pytest.TempPathFactory, metadata_cache: MetadataCache
) -> tuple[str, tuple[str, ...]]:
    """The bot's comment and labels for an issue suggesting ``TWO_PAPERS``, from one real run."""
    world = World(make_survey(tmp_path_factory.mktemp("triage"), metadata_cache), metadata_cache)
    payload = world.seed(issue_event("opened", "Two papers", TWO_PAPERS))
    assert world.run("issues", payload).returncode == 0
    [comment] = world.port.comments(1)
    return comment.body, tuple(world.port.labels(1))


@pytest.fixture
def triaged(
    harness: Harness, two_papers_triage: tuple[str, tuple[str, ...]]
) -> tuple[Harness, dict[str, Any]]:
    """Issue #1 suggesting ``TWO_PAPERS`` on the fake GitHub, as the bot left it."""
    body, labels = two_papers_triage
    harness.seed(issue_event("opened", "Two papers", TWO_PAPERS, labels=labels))
    comment = harness.fake.add_comment(1, body, user=BOT)
    return harness, comment


@pytest.fixture
def triaged_world(world: World, two_papers_triage: tuple[str, tuple[str, ...]]) -> World:
    """Issue #1 suggesting ``TWO_PAPERS`` on the recording port, as the bot left it."""
    body, labels = two_papers_triage
    world.seed(issue_event("opened", "Two papers", TWO_PAPERS, labels=labels))
    world.port.add_comment(1, body, user=BOT)
    return world


def only_recorded(before: Comment, after: Comment, comment_id: int) -> bool:
    """Whether the bot comment ``after`` is ``before`` that also records comment ``comment_id``.

    A command that changes no decision still rewrites the hidden data, to mark
    the comment handled (and bump the revision a compare-and-swap checks); what
    readers see stays the same.
    """
    old, new = decode_state(before.body).state, decode_state(after.body).state
    return (
        after.id == before.id
        and new == replace(old, handled_up_to=comment_id, rev=old.rev + 1)
        and after.body.split(DATA_PREFIX)[0] == before.body.split(DATA_PREFIX)[0]
    )


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8") if path.exists() else ""
