"""``survey-bot refs``: human lines, the --json contract, and errors as exit code 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.cli import main

FIXTURES = Path(__file__).resolve().parent / "fixtures"
JSON_KEYS = [
    "number",
    "key",
    "title",
    "authors",
    "year",
    "venue",
    "arxiv",
    "doi",
    "section",
    "line",
]


def test_json_shape(capsys):
    assert main(["refs", str(FIXTURES / "survey.bib"), "--json"]) == 0
    captured = capsys.readouterr()
    records = json.loads(captured.out)
    assert isinstance(records, list) and len(records) == 14
    for record in records:
        assert list(record) == JSON_KEYS
        assert isinstance(record["authors"], list)
    assert records[2] == {
        "number": None,
        "key": "liu2019roberta",
        "title": "RoBERTa: A Robustly Optimized BERT Pretraining Approach",
        "authors": [
            "Yinhan Liu",
            "Myle Ott",
            "Naman Goyal",
            "Jingfei Du",
            "Mandar Joshi",
            "Danqi Chen",
            "Omer Levy",
            "Mike Lewis",
            "Luke Zettlemoyer",
            "Veselin Stoyanov",
        ],
        "year": 2019,
        "venue": "CoRR",
        "arxiv": "1907.11692",
        "doi": None,
        "section": None,
        "line": 45,
    }
    assert "skipped" in captured.err  # the broken entries are reported, not fatal


@pytest.mark.parametrize(
    ("fixture", "number", "section"),
    [
        ("awesome-auto.md", None, "Data Collection"),  # "1." throughout: no numbers
        ("awesome-explicit.md", 1, "Publicly Available Models"),
    ],
    ids=["one-dot-throughout", "explicit-numbers"],
)
def test_json_for_a_markdown_list_has_numbers_and_sections(capsys, fixture, number, section):
    assert main(["refs", str(FIXTURES / fixture), "--json"]) == 0
    first = json.loads(capsys.readouterr().out)[0]
    assert (first["number"], first["section"], first["key"]) == (number, section, None)


def test_human_output(capsys):
    assert main(["refs", str(FIXTURES / "natbib.bbl")]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1] == "[2] Scaling laws for neural language models (2020) arXiv:2001.08361"
    assert lines[0].endswith("(2019) doi:10.18653/v1/n19-1423")


def test_human_output_names_the_section(capsys):
    assert main(["refs", str(FIXTURES / "awesome-auto.md")]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert first == (
        "- The BigScience ROOTS Corpus: A 1.6TB Composite Multilingual Dataset (2022) "
        "arXiv:2303.03915 · Data Collection"
    )


def test_format_option(capsys, tmp_path):
    path = tmp_path / "list.txt"
    path.write_text('1. **"A Title"**. *A. B*. arXiv 2020.\n', encoding="utf-8")
    assert main(["refs", str(path), "--format", "markdown", "--json"]) == 0
    assert [r["title"] for r in json.loads(capsys.readouterr().out)] == ["A Title"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        pytest.param(["refs", "does-not-exist.bib"], "no such file", id="missing-file"),
        pytest.param(
            ["refs", str(FIXTURES / "survey.bib"), "--format", "ris"],
            "unknown reference format",
            id="unknown-format",
        ),
    ],
)
def test_errors_exit_2_with_one_line(capsys, argv, message):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith("survey-bot: error:") and message in err
