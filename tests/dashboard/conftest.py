"""A survey whose maintainers keep a dashboard: the fake GitHub, a git origin, ``survey-bot run``.

Everything is real but GitHub and the metadata services: the bot is
``bot.cli.main(["run", ...])`` in this process (``tests/run/run_harness``),
speaking HTTP to :class:`sandbox.FakeGitHub`, which checks every request against
GitHub's OpenAPI description; the scheduled run pushes its batch branch to a
bare git origin the fake serves. Event payloads are the real webhook examples
in ``tests/fixtures/github/webhooks/`` with the scenario's fields replaced.
Paper metadata comes from a cache the real resolver fills once per session
from the recorded arXiv feed: Transformer (cited in refs.bib), BERT (cited in
the README), and LoRA, Adam, GELU, ResNet (new).
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from sandbox.testing import running_fake_github
from tests.gitrepo.gitutil import git, isolate_git, make_origin
from tests.run.run_harness import (
    BIB,
    BOT,
    REPO,
    Harness,
    MetadataCache,
    Run,
    comment_event,
    fill_cache,
    issue_event,
    webhook,
)
from tests.run.run_harness import (
    CONFIG as HARNESS_CONFIG,
)

LORA, ADAM, GELU, RESNET = "2106.09685", "1412.6980", "1606.08415", "1512.03385"
NEW_PAPERS = (LORA, ADAM, GELU, RESNET)
CACHED = ("1706.03762", "1810.04805", *NEW_PAPERS)
LABEL = "survey-bot-dashboard"

CONFIG = (
    HARNESS_CONFIG
    + """\
changelog:
  path: README.md
  format: markdown-table
  heading: Update Log
dashboard:
  enabled: true
"""
)
README = """\
# A Tiny Survey

## Models

- **BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding**. \
Devlin et al. NAACL 2019. [[paper](https://arxiv.org/abs/1810.04805)]

## 3.1 Fine-Tuning

## Update Log

| Version | Time | Update Content |
| ------- | ---- | -------------- |
| V1 | 2023/03/31 | The first release. |

## Acknowledgments

Thanks to Alice Liddell for her suggestions.
"""


@pytest.fixture(scope="session")
def dashboard_cache(tmp_path_factory: pytest.TempPathFactory) -> MetadataCache:
    """A metadata cache holding the papers in ``CACHED``, filled by the real resolver."""
    return fill_cache(tmp_path_factory.mktemp("metadata") / "cache.sqlite", CACHED)


@dataclass
class Site:
    """The survey on the fake GitHub, its origin, and the bot's runs."""

    harness: Harness
    origin: Path

    @property
    def fake(self) -> Any:
        return self.harness.fake

    def suggest(self, body: str, *, user: str = "reader", title: str = "Please add") -> int:
        """A reader opens an issue; the bot triages it. Returns its number."""
        number = max([int(i["number"]) for i in self.fake.issues()] + [0]) + 1
        payload = self.harness.seed(issue_event("opened", title, body, number=number, user=user))
        self.ok(self.harness.run("issues", payload))
        return number

    def command(self, number: int, body: str, *, user: str = "maint") -> Run:
        event = comment_event(self.fake, number, body, user=user)
        return self.ok(self.harness.run("issue_comment", event))

    def schedule(self) -> Run:
        """The scheduled run: the batch, then the dashboard."""
        return self.ok(self.harness.run("schedule", webhook("workflow_dispatch.1")))

    def dashboards(self) -> list[dict[str, Any]]:
        return [i for i in self.fake.issues() if LABEL in [x["name"] for x in i["labels"]]]

    def dashboard(self) -> dict[str, Any]:
        [board] = self.dashboards()
        return board

    def tick(self, key: str, *, user: str, body: str | None = None) -> dict[str, Any]:
        """``user`` ticks box ``key`` in the web interface: the body changes on GitHub, and
        the ``issues.edited`` event (sender, ``changes.body.from``) is returned, not yet run."""
        board = self.dashboard()
        before = board["body"] if body is None else body
        after = ticked(before, key)
        self.fake.edit_issue(board["number"], body=after)
        return edited_event(self.fake.issue(board["number"]), before, after, user)

    def deliver(self, event: dict[str, Any]) -> Run:
        return self.ok(self.harness.run("issues", event))

    def merge(self, number: int) -> None:
        """A maintainer merges the batch pull request ``number`` (fast-forward)."""
        head = self.fake.pull(number)["head"]["ref"]
        git(self.origin, "update-ref", "refs/heads/main", git(self.origin, "rev-parse", head))
        self.fake.merge_pull(number)

    def state(self, number: int) -> Any:
        from bot.issue.provenance import load_state

        return load_state(self.harness.bot_comments(number), BOT, issue=number).state

    @staticmethod
    def ok(run: Run) -> Run:
        assert run.returncode == 0, run.stdout + run.stderr
        return run


def ticked(body: str, key: str) -> str:
    """``body`` with the box of ``key`` ticked, as GitHub's task list does."""
    line = re.compile(r"^- \[ \](?=.*<!-- survey-bot:tick " + re.escape(key) + r" -->)", re.M)
    after, count = line.subn("- [x]", body)
    assert count == 1, f"no box {key} in the dashboard"
    return after


def edited_event(issue: dict[str, Any], before: str, after: str, user: str) -> dict[str, Any]:
    """The real ``issues.edited`` example carrying ``issue`` as edited by ``user``."""
    payload = webhook("issues.edited.1")
    payload["issue"].update({k: issue[k] for k in ("number", "title", "labels", "state", "user")})
    payload["issue"]["body"] = after
    payload["changes"] = {"body": {"from": before}}
    payload["sender"] = {**payload["sender"], "login": user, "type": "User"}
    return payload


@pytest.fixture
def site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dashboard_cache: MetadataCache
) -> Iterator[Site]:
    isolate_git(monkeypatch)
    files = {".github/survey-bot.yml": CONFIG, "refs.bib": BIB, "README.md": README}
    origin, clone = make_origin(tmp_path, files)
    (clone / ".survey-bot").mkdir()
    shutil.copyfile(dashboard_cache.path, clone / ".survey-bot" / "cache.sqlite")
    work = tmp_path / "work"
    work.mkdir()
    with running_fake_github(REPO, bot_login=BOT) as fake:
        fake.link_git(origin)
        fake.add_user("reader", name="Rita Reader")
        fake.add_user("stranger", name="Sam Stranger")
        fake.add_user("maint", permission="write")
        fake.add_user("maint2", permission="maintain")
        yield Site(Harness(fake, clone, work, dashboard_cache), origin)
