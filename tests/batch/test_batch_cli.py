"""``survey-bot batch`` from the command line: ``run``'s environment rules and Actions output."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.cli import main
from tests.batch.conftest import Survey
from tests.example_survey import OCTOPACK

ENV_NAMES = (
    "GITHUB_TOKEN",
    "SURVEY_BOT_TOKEN",
    "SURVEY_BOT_LOGIN",
    "GITHUB_REPOSITORY",
    "GITHUB_API_URL",
    "GITHUB_WORKSPACE",
    "GITHUB_STEP_SUMMARY",
    "GITHUB_EVENT_NAME",
    "GITHUB_EVENT_PATH",
    "SURVEY_BOT_MAX_RETRY_WAIT",
)


def actions_env(survey: Survey, monkeypatch: pytest.MonkeyPatch, **values: str) -> Path:
    """A scheduled workflow's environment (no event variables); returns the summary file."""
    for name in ENV_NAMES:
        monkeypatch.delenv(name, raising=False)
    summary = survey.clone.parent / "summary.md"
    settings = {
        "GITHUB_TOKEN": survey.github.token,
        "SURVEY_BOT_LOGIN": survey.github.bot_login,  # the fake's bot; Actions' is the default
        "GITHUB_REPOSITORY": survey.github.repo,
        "GITHUB_API_URL": survey.github.base_url,
        "GITHUB_WORKSPACE": str(survey.clone),
        "GITHUB_STEP_SUMMARY": str(summary),
        "SURVEY_BOT_SECONDS_BETWEEN_REQUESTS": "0",
        "SURVEY_BOT_SECONDS_BETWEEN_WRITES": "0",
        "SURVEY_BOT_MAX_RETRY_WAIT": "0.01",
        **values,
    }
    for name, value in settings.items():
        if value:
            monkeypatch.setenv(name, value)
        else:
            monkeypatch.delenv(name, raising=False)
    return summary


@pytest.mark.parametrize("dry_run", [True, False], ids=["dry-run", "for-real"])
def test_batch_command(survey: Survey, monkeypatch, capsys, dry_run: bool) -> None:
    survey.accept(OCTOPACK)
    summary = actions_env(survey, monkeypatch)
    assert main(["batch"] + (["--dry-run"] if dry_run else [])) == 0
    out = capsys.readouterr().out
    assert out.startswith("survey-bot: batch: opened")
    assert ("+++ b/README.md" in out) is dry_run
    assert len(survey.github.pulls()) == (0 if dry_run else 1)
    written = summary.read_text(encoding="utf-8")
    assert written.startswith("### survey-bot: batch\n\n- batch: opened")


def test_survey_bot_token_opens_the_pull_request_only(survey: Survey, monkeypatch, capsys) -> None:
    """SURVEY_BOT_TOKEN pushes and opens the pull request (so that CI runs on it); everything
    on the issues still goes through the workflow's own GITHUB_TOKEN (#13 item 6)."""
    survey.accept(OCTOPACK)
    survey.github.add_token("app-token", "survey-app[bot]")
    actions_env(survey, monkeypatch, SURVEY_BOT_TOKEN="app-token")
    assert main(["batch"]) == 0
    assert capsys.readouterr().out.startswith("survey-bot: batch: opened")
    [pull] = survey.github.pulls()
    assert pull["user"]["login"] == "survey-app[bot]"


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"GITHUB_REPOSITORY": ""}, "::error::GITHUB_REPOSITORY is not set"),
        ({"GITHUB_TOKEN": ""}, "::error::no token: set GITHUB_TOKEN"),
        (
            {"GITHUB_TOKEN": "", "SURVEY_BOT_TOKEN": "t", "SURVEY_BOT_LOGIN": ""},
            "::error::SURVEY_BOT_TOKEN is set but SURVEY_BOT_LOGIN is not",
        ),
        ({"SURVEY_BOT_MAX_RETRY_WAIT": "soon"}, "::error::SURVEY_BOT_MAX_RETRY_WAIT must be"),
    ],
    ids=["no-repository", "no-token", "token-without-login", "bad-retry-wait"],
)
def test_bad_settings_exit_2(survey: Survey, monkeypatch, capsys, values, message) -> None:
    summary = actions_env(survey, monkeypatch, **values)
    assert main(["batch"]) == 2
    assert capsys.readouterr().out.startswith(message)
    assert not summary.exists()  # the reader failed: no summary path known yet


def test_missing_config_exits_2_with_a_summary(survey: Survey, monkeypatch, capsys, tmp_path):
    summary = actions_env(survey, monkeypatch, GITHUB_WORKSPACE=str(tmp_path / "empty"))
    assert main(["batch"]) == 2
    assert capsys.readouterr().out.startswith("::error::")
    assert summary.read_text(encoding="utf-8").startswith("### survey-bot batch failed")


def test_github_refusal_exits_1(survey: Survey, monkeypatch, capsys) -> None:
    actions_env(survey, monkeypatch, GITHUB_TOKEN="not-a-token")
    assert main(["batch"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("::error::") and "401" in out


def test_git_failure_exits_1(survey: Survey, monkeypatch, capsys, tmp_path) -> None:
    not_git = tmp_path / "copy"
    shutil.copytree(survey.clone / ".github", not_git / ".github")
    shutil.copy(survey.clone / "README.md", not_git / "README.md")
    actions_env(survey, monkeypatch)
    assert main(["batch", "--repo", str(not_git)]) == 1
    out = capsys.readouterr().out
    assert out.startswith("::error::") and "is not a git repository" in out


def test_paper_left_out_is_a_warning(survey: Survey, monkeypatch, capsys) -> None:
    survey.accept(OCTOPACK, section="Nonexistent")
    actions_env(survey, monkeypatch)
    assert main(["batch"]) == 0
    out = capsys.readouterr().out
    assert "survey-bot: batch: idle" in out
    assert "::warning::accepted paper not included: #1 'OctoPack" in out
    assert "no section 'Nonexistent'" in out
