"""A committed symbolic link never makes the bot read outside the survey (#13 item 13).

The runner's disk holds the event payload, the job's files and more; a link
among the survey's files must neither be followed out of the repository nor
have what it points at quoted in a public comment or log.
"""

from __future__ import annotations

import pytest
from run_harness import LORA, issue_event

from bot.errors import ConfigError

SECRET = "Low-Rank Adaptation of Large Language Models, the runner's secret line"


@pytest.fixture
def outside(tmp_path):
    """A file outside the survey's working tree."""
    path = tmp_path / "outside" / "secret.txt"
    path.parent.mkdir()
    path.write_text(f"[1] {SECRET}\n", encoding="utf-8")
    return path


def test_a_reference_file_linking_out_of_the_survey_is_refused(world, outside):
    (world.survey / "refs.bib").unlink()
    (world.survey / "refs.bib").symlink_to(outside)
    payload = world.seed(issue_event("opened", "A paper", f"arXiv:{LORA}"))

    with pytest.raises(ConfigError) as refused:
        world.run("issues", payload)

    assert "refs.bib" in str(refused.value) and "outside" in str(refused.value)
    assert SECRET not in str(refused.value)
    assert world.port.writes() == []


def test_a_link_inside_the_survey_is_read(world):
    (world.survey / "refs").mkdir()
    (world.survey / "refs.bib").rename(world.survey / "refs" / "real.bib")
    (world.survey / "refs.bib").symlink_to(world.survey / "refs" / "real.bib")
    payload = world.seed(issue_event("opened", "A paper", "arXiv:1706.03762"))

    assert world.run("issues", payload).returncode == 0
    [comment] = world.port.comments(1)
    assert "Already cited" in comment.body


def test_a_paper_list_linking_out_of_the_survey_is_not_read(world, outside):
    (world.survey / "README.md").unlink()
    (world.survey / "README.md").symlink_to(outside)
    (world.survey / ".github" / "survey-bot.yml").write_text(
        "references:\n  - path: refs.bib\nbibtex:\n  path: refs.bib\n"
        "paper_list:\n  path: README.md\n  section: Models\n",
        encoding="utf-8",
    )
    payload = world.seed(issue_event("opened", "A paper", f"arXiv:{LORA}\nSection: secret"))

    run = world.run("issues", payload)

    assert SECRET not in run.stdout + run.summary
    assert all(SECRET not in c.body for c in world.port.comments(1))


def test_a_template_override_linking_out_of_the_survey_is_refused(world, outside):
    overrides = world.survey / ".github" / "survey-bot" / "templates"
    overrides.mkdir(parents=True)
    (overrides / "triage-comment.md.j2").symlink_to(outside)
    payload = world.seed(issue_event("opened", "A paper", f"arXiv:{LORA}"))

    with pytest.raises(ConfigError) as refused:
        world.run("issues", payload)

    assert "triage-comment.md.j2" in str(refused.value) and SECRET not in str(refused.value)
    assert world.port.writes() == []
