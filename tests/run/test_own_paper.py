"""The survey knows itself: an issue that only names the survey's own paper gets no triage."""

from __future__ import annotations

import pytest
from run_harness import LORA, TRANSFORMER, issue_event

OWN_PAPER = f"""\
survey:
  arxiv: ["{LORA}"]
  title: "LoRA: Low-Rank Adaptation of Large Language Models"
"""
# Issues that name only the survey's own paper, and that intake would otherwise read as
# a suggestion (an id and no typo or question wording).
ISSUES = [
    ("Figure 2", f"Figure 2 of https://arxiv.org/abs/{LORA}v2 has its axes swapped."),
    ("Dataset", f"Section 3 of arXiv:{LORA} mentions a dataset that I cannot find anywhere."),
    ("Please add", '"LoRA: Low-Rank Adaptation of Large Language Models" is missing!'),
]


@pytest.mark.parametrize("own_paper", [False, True], ids=["not-configured", "configured"])
@pytest.mark.parametrize(("title", "body"), ISSUES, ids=["figure", "dataset", "own-title"])
def test_an_issue_about_the_survey_itself_gets_nothing(
    world, title: str, body: str, own_paper: bool
) -> None:
    if own_paper:
        config = world.survey / ".github" / "survey-bot.yml"
        config.write_text(config.read_text(encoding="utf-8") + OWN_PAPER, encoding="utf-8")

    run = world.run("issues", world.seed(issue_event("opened", title, body)))

    assert run.returncode == 0
    assert len(world.port.comments(1)) == (0 if own_paper else 1)


def test_other_papers_in_the_same_issue_are_still_checked(world) -> None:
    config = world.survey / ".github" / "survey-bot.yml"
    config.write_text(config.read_text(encoding="utf-8") + OWN_PAPER, encoding="utf-8")
    body = f"Your survey (arXiv:{LORA}) misses https://arxiv.org/abs/{TRANSFORMER}, please add it."

    assert world.run("issues", world.seed(issue_event("opened", "Missing", body))).returncode == 0

    [comment] = world.port.comments(1)
    assert f"arXiv:{TRANSFORMER}" in comment.body and f"arXiv:{LORA}" not in comment.body
