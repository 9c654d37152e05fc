"""The Actions edge in-process: environment reading, workflow-command escaping, the summary."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli.actions import ACTIONS_BOT_LOGIN, Output, annotation, escape_data, read_env
from bot.errors import InputError
from bot.issue.handler import Report

BASE = {
    "GITHUB_EVENT_NAME": "issues",
    "GITHUB_EVENT_PATH": "/tmp/event.json",
    "GITHUB_REPOSITORY": "octo-org/survey",
    "GITHUB_TOKEN": "ghs_token",
}


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("plain", "plain"),
        ("100% sure", "100%25 sure"),
        ("two\nlines\r\n", "two%0Alines%0D%0A"),
        ("::stop-commands::x", "%3A%3Astop-commands%3A%3Ax"),
        ("%0A already", "%250A already"),
    ],
    ids=["plain", "percent", "newlines", "double-colon", "no-double-unescape"],
)
def test_escape_data(text, escaped):
    assert escape_data(text) == escaped


def test_annotation_is_one_line():
    assert annotation("warning", "title\n::error::x") == "::warning::title%0A%3A%3Aerror%3A%3Ax"
    with pytest.raises(ValueError):
        annotation("debugx", "x")


def test_read_env_defaults_and_overrides(tmp_path):
    env = read_env(BASE, tmp_path)
    assert (env.bot_login, env.api_url, env.workspace) == (
        ACTIONS_BOT_LOGIN,
        "https://api.github.com",
        tmp_path,
    )
    assert env.seconds_between_requests is None and env.max_retry_wait == 60.0
    env = read_env(
        {
            **BASE,
            "SURVEY_BOT_TOKEN": "ghp_own",
            "SURVEY_BOT_LOGIN": "survey-helper",
            "GITHUB_API_URL": "http://127.0.0.1:9/",
            "GITHUB_WORKSPACE": "/srv/survey",
            "SURVEY_BOT_SECONDS_BETWEEN_WRITES": "0",
            "SURVEY_BOT_METADATA_URLS": '{"arxiv": "http://127.0.0.1:8/arxiv"}',
        },
        tmp_path,
    )
    # GITHUB_TOKEN speaks on the issues; SURVEY_BOT_TOKEN only pushes and opens the pull request.
    assert (env.token, env.pull_token, env.bot_login, env.api_url) == (
        BASE["GITHUB_TOKEN"],
        "ghp_own",
        "survey-helper",
        "http://127.0.0.1:9",
    )
    assert env.workspace == Path("/srv/survey") and env.seconds_between_writes == 0.0
    assert env.metadata_urls == {"arxiv": "http://127.0.0.1:8/arxiv"}


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"GITHUB_EVENT_NAME": ""}, "^GITHUB_EVENT_NAME is not set"),
        ({"GITHUB_EVENT_PATH": ""}, "^GITHUB_EVENT_PATH is not set"),
        ({"GITHUB_EVENT_NAME": "", "GITHUB_EVENT_PATH": ""}, "NAME and GITHUB_EVENT_PATH are"),
        ({"GITHUB_REPOSITORY": ""}, "GITHUB_REPOSITORY is not set"),
        ({"GITHUB_REPOSITORY": "survey"}, "GITHUB_REPOSITORY is 'survey': expected owner/name"),
        ({"GITHUB_TOKEN": ""}, "no token"),
        ({"GITHUB_TOKEN": "", "SURVEY_BOT_TOKEN": "x"}, "SURVEY_BOT_LOGIN"),
        ({"SURVEY_BOT_SECONDS_BETWEEN_REQUESTS": "-1"}, "SURVEY_BOT_SECONDS_BETWEEN_REQUESTS"),
        ({"SURVEY_BOT_MAX_RETRY_WAIT": "nan"}, "SURVEY_BOT_MAX_RETRY_WAIT"),
        ({"SURVEY_BOT_METADATA_URLS": "[1]"}, "SURVEY_BOT_METADATA_URLS"),
        ({"SURVEY_BOT_METADATA_URLS": '{"arxiv": "file:///x"}'}, "SURVEY_BOT_METADATA_URLS"),
    ],
    ids=[
        "no-event-name",
        "no-event-path",
        "no-event",
        "no-repo",
        "repo-without-owner",
        "no-token",
        "token-without-login",
        "negative",
        "nan",
        "list",
        "file",
    ],
)
def test_read_env_names_the_bad_variable(tmp_path, changes, message):
    with pytest.raises(InputError, match=message):
        read_env({**BASE, **changes}, tmp_path)


def test_summary_escapes_untrusted_text(tmp_path):
    lines: list[str] = []
    out = Output(lines.append, tmp_path / "summary.md")
    report = Report("issue #1 opened: triage", papers=[("<img src=x> @everyone | x", "new")])
    report.warnings.append("could not identify ::set-env:: @team")

    out.summary(report.markdown())
    out.info("::add-mask::oops")
    for warning in report.warnings:
        out.warning(warning)

    text = (tmp_path / "summary.md").read_text(encoding="utf-8")
    assert "| 1 | &lt;img src=x&gt; @\u200beveryone \\| x | new |" in text
    assert "- could not identify ::set-env:: @\u200bteam" in text
    assert lines == [
        "%3A%3Aadd-mask%3A%3Aoops",
        "::warning::could not identify %3A%3Aset-env%3A%3A @team",
    ]
