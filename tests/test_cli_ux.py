"""What a maintainer new to survey-bot sees on the command line, run on the example survey.

Each test is a rough edge found by using the commands as a maintainer would:
the message now printed, and the exit code, are the outcome asserted.
"""

from __future__ import annotations

import importlib
import json
import shutil
from pathlib import Path

import pytest

from bot.cli import SUBCOMMANDS, main
from tests.example_survey import EXAMPLE, OCTOPACK

LLAMA_REFS = ["--refs", str(EXAMPLE / "references.txt"), "--refs", str(EXAMPLE / "README.md")]


@pytest.fixture
def survey(tmp_path: Path) -> Path:
    root = tmp_path / "survey"
    shutil.copytree(EXAMPLE, root)
    return root


def command_help(command: str, capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"])
    assert exit_info.value.code == 0
    return " ".join(capsys.readouterr().out.split())


@pytest.mark.parametrize("command", ["run", "batch"])
def test_actions_commands_say_which_environment_they_read(command, capsys):
    text = command_help(command, capsys)
    wanted = ("GITHUB_REPOSITORY", "GITHUB_TOKEN", "SURVEY_BOT_LOGIN", "SURVEY_BOT_STATE_KEY")
    for variable in wanted:
        assert variable in text
    # The job that reads readers' text never gets the write-everything token (#13 item 6).
    assert ("SURVEY_BOT_TOKEN" in text) == (command == "batch")
    assert "Exit codes: 0" in text
    assert ("GITHUB_EVENT_PATH" in text) == (command == "run")


@pytest.mark.parametrize("name", SUBCOMMANDS)
def test_every_command_summary_reads_alike(name):
    summary = SUBCOMMANDS[name]
    assert summary[0].isupper() and summary.endswith("."), summary
    module = importlib.import_module(f"bot.cli.{name}")
    assert callable(module.configure) and callable(module.run)


def test_init_names_the_file_of_each_heading_and_says_why_it_sets_no_default_section(
    survey: Path, capsys
):
    # "Paper List" lists no paper itself, only its five subsections: a default section
    # would be a guess, so none is set (issue 11), and init says so.
    (survey / ".github" / "survey-bot.yml").unlink()
    assert main(["init", "--repo", str(survey)]) == 0
    out = capsys.readouterr().out
    assert "acknowledgements: README.md > Acknowledgments" in out
    assert (
        "note: no default section for new papers: papers are listed under 5 sections "
        "(Resources of LLMs, Pre-training, Adaptation Tuning, Utilization, Capacity Evaluation)"
    ) in out


def test_init_says_nothing_of_subsections_when_the_list_heading_holds_papers(
    tmp_path: Path, capsys
):
    (tmp_path / "README.md").write_text(
        "# S\n\n## Paper List\n\n"
        + "".join(
            f'1. **"Paper {n}"**. *A et al*. arXiv 2020. [[paper](https://arxiv.org/abs/2001.0000{n})]\n'
            for n in range(1, 4)
        ),
        encoding="utf-8",
    )
    assert main(["init", "--repo", str(tmp_path)]) == 0
    assert "note:" not in capsys.readouterr().out


def test_refs_warns_when_a_file_yields_no_reference(capsys):
    assert main(["refs", str(EXAMPLE / "README.md"), "--format", "bibtex", "--json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out) == []
    assert captured.err == (
        f"survey-bot: warning: {EXAMPLE / 'README.md'}: no references found when read as "
        "bibtex; is it a reference list? (--format: bibtex, bbl, text, markdown)\n"
    )


def test_check_warns_of_a_refs_file_that_yields_nothing(capsys):
    readme = str(EXAMPLE / "README.md")
    assert main(["check", "--refs", readme, "--format", "bibtex", "Attention is all you need"]) == 0
    captured = capsys.readouterr()
    assert captured.out == "Attention is all you need: new\n"
    assert f"warning: {readme}: no references found when read as bibtex" in captured.err


@pytest.mark.parametrize(
    ("query", "how"),
    [
        pytest.param("2302.13971", "by arxiv-id (README.md:42, same title)", id="arxiv"),
        pytest.param("10.1145/3394486.3406703", "by doi (README.md:44, same title)", id="doi"),
        pytest.param("Attention is all you need", "by title", id="title"),
    ],
)
def test_check_says_an_id_decided_when_the_numbered_entry_has_none(query, how, capsys):
    assert main(["check", *LLAMA_REFS, query]) == 0
    line = capsys.readouterr().out.strip()
    assert line.startswith(f"{query}: already cited as [")
    assert line.endswith(how.replace("README.md", str(EXAMPLE / "README.md")))


def test_check_batch_names_a_misspelt_key(tmp_path: Path, capsys):
    batch = tmp_path / "q.jsonl"
    batch.write_text('{"id": 1, "arxiv": "2302.13971"}\n{"id": 2, "titel": "X"}\n')
    assert main(["check", *LLAMA_REFS, "--batch", str(batch)]) == 2
    assert capsys.readouterr().err == (
        f"survey-bot: error: {batch}:2: needs at least one of 'title', 'arxiv', 'doi' "
        "(unknown keys: 'titel')\n"
    )


def test_add_needs_no_query_with_metadata(survey: Path, tmp_path: Path, capsys):
    record = tmp_path / "record.json"
    record.write_text(json.dumps(OCTOPACK.to_json()), encoding="utf-8")
    assert main(["add", "--repo", str(survey), "--metadata", str(record), "--dry-run"]) == 0
    assert '+1. **"OctoPack' in capsys.readouterr().out


def test_add_without_query_or_metadata_says_what_to_give(survey: Path, capsys):
    assert main(["add", "--repo", str(survey)]) == 2
    assert capsys.readouterr().err == (
        "survey-bot: error: nothing to add: give QUERY (an arXiv id, DOI or title) "
        "or --metadata RECORD.json\n"
    )


def test_a_forced_partial_add_says_which_file_it_left_alone(survey: Path, tmp_path: Path, capsys):
    # In the .bib only: --force adds it to the README list and leaves the .bib alone.
    record = tmp_path / "record.json"
    record.write_text(
        json.dumps({"title": "The Language Instinct: How the Mind Creates Language", "year": 2014}),
        encoding="utf-8",
    )
    bib = (survey / "paper/references.bib").read_bytes()
    assert main(["add", "--repo", str(survey), "--metadata", str(record), "--force"]) == 0
    captured = capsys.readouterr()
    assert "README.md: add 'The Language Instinct" in captured.out
    assert captured.err == (
        "survey-bot: note: not changed: paper/references.bib: 'The Language Instinct: How the "
        "Mind Creates Language': its title is already in the file as pinker2014language\n"
    )
    assert (survey / "paper/references.bib").read_bytes() == bib
