"""``survey-bot add`` writes a paper exactly as the batch pull request does, overrides included.

Both build the renderer from the survey's configuration: a survey's override of
``list-entry.md.j2`` (in ``.github/survey-bot/templates/``) shapes the line
``add --dry-run`` shows just as it shapes the line the bot's branch gets.
"""

from __future__ import annotations

import json
from pathlib import Path

from bot.cli import main
from bot.render import OVERRIDE_DIR
from tests.batch.conftest import Survey
from tests.batch.test_batch_flow import on_branch
from tests.example_survey import OCTOPACK

OVERRIDE = "{{ indent }}{{ marker }}{{ gap }}Ours: {{ title | markdown }} ({{ year }}) <{{ url }}>"


def test_add_dry_run_shows_the_overridden_entry_the_batch_writes(
    survey: Survey, tmp_path: Path, capsys
) -> None:
    templates = survey.clone / OVERRIDE_DIR
    templates.mkdir(parents=True)
    (templates / "list-entry.md.j2").write_text(OVERRIDE, encoding="utf-8")
    survey.accept(OCTOPACK, section="Pre-training")
    assert survey.batch().status == "opened"
    [by_batch] = [line for line in on_branch(survey, "README.md").splitlines() if "Ours:" in line]

    record = tmp_path / "record.json"
    fields = {"title": OCTOPACK.title, "authors": list(OCTOPACK.authors), "year": OCTOPACK.year}
    record.write_text(json.dumps({**fields, "arxiv": OCTOPACK.arxiv}), encoding="utf-8")
    args = ["--dry-run", "--offline", "--metadata", str(record), "--section", "Pre-training"]
    assert main(["add", OCTOPACK.arxiv, "--repo", str(survey.clone), *args]) == 0
    diff = capsys.readouterr().out
    added = [line[1:] for line in diff.splitlines() if line.startswith("+") and "Ours:" in line]

    expected = "1. Ours: OctoPack: Instruction Tuning Code Large Language Models (2023) "
    assert by_batch == expected + "<https://arxiv.org/abs/2308.07124>"
    assert added == [by_batch]
