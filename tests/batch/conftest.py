"""A survey repository (the bundled example) with a bare origin, a fake GitHub serving its refs,
and helpers that write accepted issues exactly as the triage code would."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.batch.run import BatchOutcome, run_batch
from bot.config import Config, load_config
from bot.github.pygithub import PyGithubPort
from bot.issue.replies import triage_comment
from bot.issue.state import PaperState, TriageState
from bot.render import Renderer
from bot.suggestions import PaperRecord, Thanks
from sandbox.server import FakeGitHub
from sandbox.testing import port_for, running_fake_github
from tests.conftest import RENDERER
from tests.example_survey import EXAMPLE
from tests.gitrepo.gitutil import copy_origin, isolate_git, make_origin

TODAY = dt.date(2024, 1, 2)
MAINTAINER = "ada"  # write permission on the repository
FILES = (
    "README.md",
    "paper/references.bib",
    "paper/epilogue.tex",
    ".github/survey-bot.yml",
)

LIMA = PaperRecord(
    title="LIMA: Less Is More for Alignment",
    authors=("Chunting Zhou", "Pengfei Liu"),
    year=2023,
    arxiv="2305.11206",
    source="arxiv",
)


@dataclass
class Survey:
    """Everything one batch test needs: the fake GitHub, the clone the bot runs in, origin."""

    github: FakeGitHub
    port: PyGithubPort
    origin: Path
    clone: Path
    config: Config

    def accept(
        self,
        record: PaperRecord,
        *,
        section: str | None = None,
        reader: str = "alice",
        name: str = "Alice Liddell",
    ) -> int:
        """An open issue whose bot comment accepts ``record``, as ``/accept`` leaves it."""
        issue = self.github.add_issue(
            title=f"Add {record.title}",
            body=f"arXiv:{record.arxiv}",
            user=reader,
            labels=["paper-suggestion", "new-paper", "accepted"],
        )
        number = int(issue["number"])
        state = TriageState(
            papers=(accepted_paper(record, section or "Pre-training"),),
            reader=Thanks(reader, name),
        )
        self.github.add_comment(
            number,
            triage_comment(state, self.config, renderer=RENDERER),
            user=self.github.bot_login,
        )
        # The maintainer's word the batch checks a decision against (bot.batch.verify).
        self.github.add_comment(number, "/accept", user=MAINTAINER)
        return number

    def thank(self, *people: Thanks, reader: str = "dora") -> int:
        """An open issue with no paper, only a maintainer's ``/thank`` (as ``_thank`` leaves it)."""
        issue = self.github.add_issue(
            title="Typo in Section 2", body="A typo.", user=reader, labels=["accepted"]
        )
        number = int(issue["number"])
        state = TriageState(reader=Thanks(reader, reader), extra_thanks=people)
        self.github.add_comment(
            number,
            triage_comment(state, self.config, renderer=RENDERER),
            user=self.github.bot_login,
        )
        for person in people:
            self.github.add_comment(number, f"/thank @{person.login}", user=MAINTAINER)
        return number

    def batch(self, **options: object) -> BatchOutcome:
        return run_batch(
            self.config,
            self.port,
            self.clone,
            renderer=Renderer.for_config(self.config),
            bot_login=self.github.bot_login,
            today=TODAY,
            **options,  # type: ignore[arg-type]
        )

    def writes(self) -> list[str]:
        return [str(r) for r in self.github.requests if r.method != "GET"]


def accepted_paper(record: PaperRecord, section: str) -> PaperState:
    """``record`` as ``/accept`` leaves it in the issue's state: new, accepted into ``section``."""
    return PaperState(
        verdict="new",
        keys=(f"arxiv:{record.arxiv}",),
        asked=f"arXiv:{record.arxiv}",
        record=record,
        accepted=True,
        section=section,
    )


def example_files() -> dict[str, bytes]:
    return {name: (EXAMPLE / name).read_bytes() for name in FILES}


@pytest.fixture(scope="session")
def example_origin(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The example survey as a bare origin and a clone, built once (tests copy them)."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        isolate_git(monkeypatch)
        return make_origin(tmp_path_factory.mktemp("example"), example_files())


@pytest.fixture
def survey(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, example_origin: tuple[Path, Path]
) -> Iterator[Survey]:
    isolate_git(monkeypatch)
    origin, clone = copy_origin(example_origin, tmp_path)
    with running_fake_github() as github:
        github.add_user(MAINTAINER, "Ada Maintainer", permission="write")
        github.link_git(origin)
        port = port_for(github)
        yield Survey(github, port, origin, clone, load_config(clone))
        port.close()
