"""``survey-bot run --dry-run``, and scheduled runs: nothing written that should not be."""

from __future__ import annotations

import subprocess

import pytest
from run_harness import LORA, TRANSFORMER, comment_event, issue_event, webhook


def test_dry_run_prints_intended_actions_and_writes_nothing(harness):
    payload = harness.seed(issue_event("opened", "Two papers", f"arXiv:{LORA} arXiv:{TRANSFORMER}"))

    run = harness.run_process("issues", payload, "--dry-run")  # end to end

    assert run.returncode == 0, run.stdout + run.stderr
    printed = [line for line in run.stdout.splitlines() if line.startswith("[dry-run]")]
    assert printed[0].startswith("[dry-run] comment #1: <!-- survey-bot:triage --> Thanks")
    assert printed[1:] == ["[dry-run] add-labels #1: new-paper, paper-suggestion"]
    assert harness.writes() == []
    assert harness.fake.comments(1) == []

    accept = comment_event(harness.fake, 1, "/accept", user="maint")
    harness.fake.reset_log()
    run = harness.run("issue_comment", accept, "--dry-run")

    assert run.returncode == 0
    assert "[dry-run] comment #1: There is nothing to accept" in run.stdout
    assert harness.writes() == []


def test_scheduled_runs_go_to_the_batch(harness):
    survey = str(harness.survey)
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-C", survey]
    subprocess.run([*git[:-2], "init", "-q", "-b", "main", survey], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "survey"], check=True)
    origin = harness.work / "origin.git"
    subprocess.run(["git", "clone", "-q", "--bare", survey, str(origin)], check=True)
    subprocess.run([*git, "remote", "add", "origin", str(origin)], check=True)

    run = harness.run_process("workflow_dispatch", webhook("workflow_dispatch.1"))  # end to end

    assert run.returncode == 0, run.stdout + run.stderr
    assert "survey-bot: batch: idle" in run.stdout
    assert "### survey-bot: batch" in run.summary
    assert harness.writes() == []


@pytest.mark.parametrize(
    ("event", "payload"),
    [
        ("schedule", {"schedule": "0 3 * * *"}),
        ("workflow_dispatch", webhook("workflow_dispatch.1")),
    ],
    ids=["schedule", "workflow_dispatch"],
)
def test_scheduled_git_failure_exits_1_like_batch(harness, event, payload):
    run = harness.run(event, payload)  # the survey tree is not a git clone

    assert run.returncode == 1, run.stdout + run.stderr
    [error] = run.errors
    assert error.startswith("::error::") and "is not a git repository" in error
    assert run.summary.startswith("### survey-bot failed")
    assert harness.writes() == []
