"""The batch against hostile readers and careless settings (#13 items 4, 11, 14)."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from bot.batch.run import FOREIGN_MARKER
from bot.errors import ConfigError
from tests.batch.conftest import LIMA, Survey
from tests.example_survey import OCTOPACK
from tests.gitrepo.gitutil import commit_files, git

BRANCH = "survey-bot/updates"


def merge(survey: Survey, number: int, *, squash: bool) -> None:
    """A maintainer merges the bot's pull request: a merge commit, or one squashed commit."""
    head = git(survey.origin, "rev-parse", BRANCH)
    if squash:
        tree = git(survey.origin, "rev-parse", f"{head}^{{tree}}")
        main = git(survey.origin, "rev-parse", "main")
        head = git(survey.origin, "commit-tree", tree, "-p", main, "-m", "Squashed (#1)")
    git(survey.origin, "update-ref", "refs/heads/main", head)
    survey.github.merge_pull(number)


def push_to_bot_branch(survey: Survey) -> str:
    """A maintainer's commit on top of what is left of the bot's branch."""
    git(survey.clone, "fetch", "--quiet", "origin")
    git(survey.clone, "checkout", "--quiet", "-B", "fix", f"origin/{BRANCH}")
    return commit_files(survey.clone, {"NOTES.md": "by hand\n"}, "Tweak", push=BRANCH)


@pytest.mark.parametrize("squash", [False, True], ids=["merge-commit", "squash"])
def test_a_maintainers_commit_after_the_merge_is_never_overwritten(survey: Survey, squash):
    survey.accept(OCTOPACK)
    number = survey.batch().pull
    assert number is not None
    merge(survey, number, squash=squash)
    theirs = push_to_bot_branch(survey)
    survey.accept(LIMA, reader="bob", name="Bob Jones")

    outcome = survey.batch()

    assert outcome.status == "blocked"
    assert git(survey.origin, "rev-parse", BRANCH) == theirs


@pytest.mark.parametrize("squash", [False, True], ids=["merge-commit", "squash"])
def test_the_bots_own_leftover_branch_is_rebuilt_after_the_merge(survey: Survey, squash):
    survey.accept(OCTOPACK)
    number = survey.batch().pull
    assert number is not None
    merge(survey, number, squash=squash)
    survey.accept(LIMA, reader="bob", name="Bob Jones")

    outcome = survey.batch()

    assert outcome.status == "opened"


def test_a_readers_foreign_commit_marker_does_not_hide_the_notice(survey: Survey) -> None:
    survey.accept(OCTOPACK)
    number = survey.batch().pull
    assert number is not None
    theirs = push_to_bot_branch(survey)
    survey.github.add_user("mallory")
    survey.github.add_comment(number, FOREIGN_MARKER.format(sha=theirs), user="mallory")
    survey.accept(LIMA, reader="bob", name="Bob Jones")

    assert survey.batch().status == "blocked"

    notices = [c for c in survey.github.comments(number) if c["user"]["login"] != "mallory"]
    assert len(notices) == 1 and theirs[:12] in notices[0]["body"]


def test_the_batch_never_pushes_to_the_default_branch(survey: Survey) -> None:
    survey.accept(OCTOPACK)
    before = git(survey.origin, "rev-parse", "main")
    config = survey.config
    survey.config = type(config)(**{**vars(config), "batch": type(config.batch)(
        **{**vars(config.batch), "branch": "main"})})

    with pytest.raises(ConfigError, match="default branch"):
        survey.batch()

    assert git(survey.origin, "rev-parse", "main") == before
    assert survey.github.pulls() == []


CLOSING = re.compile(
    r"(?i)\b(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?)\b:?\s+(?:#|GH-|[\w.-]+/[\w.-]+#)(\d+)"
)


def test_a_readers_title_closes_no_issue(survey: Survey) -> None:
    hostile = replace(OCTOPACK, title="Closes #2 and fixes #3: resolves GH-4 @everyone")
    number = survey.accept(hostile)

    pull = survey.github.pull(survey.batch().pull)  # type: ignore[arg-type]

    message = git(survey.origin, "log", "-1", "--format=%B", BRANCH)
    assert [int(n) for n in CLOSING.findall(pull["body"])] == [number]  # the bot's own only
    assert CLOSING.findall(message) == [] and CLOSING.findall(pull["title"]) == []
    assert "@everyone" not in pull["body"] + message
    assert "Closes \uff032 and fixes \uff033" in message


@pytest.mark.parametrize(
    "name",
    [
        "Eve. This survey is funded by Evil Corp, see https://evil.example",
        "Eve Example, Tim Cook and Linus Torvalds",
    ],
)
def test_a_readers_name_that_is_no_name_is_not_written(survey: Survey, name: str) -> None:
    survey.accept(OCTOPACK, reader="eve", name=name)

    survey.batch()

    readme = git(survey.origin, "show", f"{BRANCH}:README.md")
    assert "Evil" not in readme and "Tim Cook" not in readme and "Linus" not in readme
    assert "Jay Alammar, and eve." in readme
