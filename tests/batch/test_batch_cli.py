"""``survey-bot batch`` from the command line, against the fake GitHub."""

from __future__ import annotations

import pytest

from bot.cli import main
from tests.batch.conftest import Survey
from tests.example_survey import OCTOPACK


@pytest.mark.parametrize("dry_run", [True, False], ids=["dry-run", "for-real"])
def test_batch_command(survey: Survey, monkeypatch, capsys, dry_run: bool) -> None:
    survey.accept(OCTOPACK)
    monkeypatch.setenv("GITHUB_TOKEN", survey.github.token)
    monkeypatch.setenv("GITHUB_REPOSITORY", survey.github.repo)
    monkeypatch.setenv("GITHUB_API_URL", survey.github.base_url)
    monkeypatch.setenv("SURVEY_BOT_LOGIN", survey.github.bot_login)
    args = ["batch", "--repo", str(survey.clone)] + (["--dry-run"] if dry_run else [])
    assert main(args) == 0
    out = capsys.readouterr().out
    assert out.startswith("batch: opened")
    assert ("+++ b/README.md" in out) is dry_run
    assert len(survey.github.pulls()) == (0 if dry_run else 1)


def test_batch_command_needs_github_settings(survey: Survey, monkeypatch, capsys) -> None:
    for name in ("GITHUB_TOKEN", "SURVEY_BOT_TOKEN", "GITHUB_REPOSITORY"):
        monkeypatch.delenv(name, raising=False)
    assert main(["batch", "--repo", str(survey.clone)]) == 2
    assert "GITHUB_REPOSITORY" in capsys.readouterr().err
