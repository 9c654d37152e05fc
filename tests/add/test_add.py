"""``survey-bot add`` on a copy of the bundled example survey."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from bot.cli import main
from tests.example_survey import EXAMPLE, OCTOPACK_BIB, OCTOPACK_LINE

OCTOPACK = {
    "title": "OctoPack: Instruction Tuning Code Large Language Models",
    "authors": ["Niklas Muennighoff", "Qian Liu"],
    "year": 2023,
    "arxiv": "2308.07124",
}
LAST_PRETRAIN = "*Vijay Korthikanti et al*. arXiv 2022. [[Paper](https://arxiv.org/abs/2205.05198)]"


@pytest.fixture
def survey(tmp_path: Path) -> Path:
    root = tmp_path / "survey"
    shutil.copytree(EXAMPLE, root)
    return root


def record_file(tmp_path: Path, data: dict[str, object]) -> str:
    path = tmp_path / "record.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def add(survey: Path, *args: str) -> int:
    return main(["add", "--repo", str(survey), *args])


def test_adds_exactly_the_expected_edits(survey: Path, tmp_path: Path, capsys) -> None:
    readme = (EXAMPLE / "README.md").read_text(encoding="utf-8")
    bib = (EXAMPLE / "paper/references.bib").read_text(encoding="utf-8")
    record = record_file(tmp_path, OCTOPACK)
    assert add(survey, "2308.07124", "--metadata", record, "--thank", "Alice Liddell") == 0
    today = dt.date.today().strftime("%Y/%m/%d")
    content = "Add 1 paper suggested by readers to Section Pre-training."
    row = f"| V11     | {today} | {content:<61}|\n"
    expected = (
        readme.replace(LAST_PRETRAIN + "\n", LAST_PRETRAIN + "\n" + OCTOPACK_LINE + "\n")
        .replace("Kevin Gray, and Jay Alammar.", "Kevin Gray, Jay Alammar, and Alice Liddell.")
        .replace(
            "and some minor points.              |\n",
            "and some minor points.              |\n" + row,
        )
    )
    assert (survey / "README.md").read_text(encoding="utf-8") == expected
    assert (survey / "paper/references.bib").read_text(encoding="utf-8") == bib + OCTOPACK_BIB
    assert "add BibTeX entry muennighoff2023octopack" in capsys.readouterr().out
    epilogue = (survey / "paper/epilogue.tex").read_text(encoding="utf-8")
    assert "Kevin Gray, Jay Alammar, and Alice Liddell." in epilogue


def test_thank_without_an_acknowledgements_target_is_refused(
    survey: Path, tmp_path: Path, capsys
) -> None:
    config = survey / ".github" / "survey-bot.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text[: text.index("# acknowledgements:")], encoding="utf-8")
    before = {p: p.read_bytes() for p in survey.rglob("*") if p.is_file()}
    record = record_file(tmp_path, OCTOPACK)
    assert add(survey, "2308.07124", "--metadata", record, "--thank", "Alice Liddell") == 2
    assert "--thank: .github/survey-bot.yml has no acknowledgements:" in capsys.readouterr().err
    assert {p: p.read_bytes() for p in survey.rglob("*") if p.is_file()} == before


def test_a_log_whose_dates_read_three_ways_is_left_out_and_the_paper_goes_in(
    survey: Path, tmp_path: Path, capsys
) -> None:
    # `add` used to stop with the changelog's error, writing no file at all: the
    # paper, its entry and the thanks now go in, and the note says to write the line.
    readme = survey / "README.md"
    news = "## News\n\n- [04/05/06] Second.\n- [01/02/03] First.\n\n## Acknowledgments"
    readme.write_text(
        readme.read_text(encoding="utf-8").replace("## Acknowledgments", news), encoding="utf-8"
    )
    config = survey / ".github" / "survey-bot.yml"
    text = config.read_text(encoding="utf-8")
    log = ("format: markdown-table\n    heading: Update Log", "format: bullets\n    heading: News")
    config.write_text(text.replace(*log), encoding="utf-8")
    record = record_file(tmp_path, OCTOPACK)
    assert add(survey, "2308.07124", "--metadata", record, "--thank", "Alice Liddell") == 0
    err = capsys.readouterr().err
    assert "not changed: README.md: changelog 'News': changelog: dates like 04/05/06" in err
    after = readme.read_text(encoding="utf-8")
    assert OCTOPACK_LINE in after and "Jay Alammar, and Alice Liddell." in after
    assert "- [04/05/06] Second.\n- [01/02/03] First.\n" in after


def test_a_config_with_no_file_to_add_to_says_so(tmp_path: Path, capsys) -> None:
    # init in a repository whose README only links to its lists writes no bibtex: and no
    # paper_list:; "nothing changed" said nothing of why.
    (tmp_path / ".github").mkdir()
    (tmp_path / ".github" / "survey-bot.yml").write_text("language: en\n", encoding="utf-8")
    record = record_file(tmp_path, OCTOPACK)
    assert add(tmp_path, "2308.07124", "--metadata", record) == 2
    assert "names no file to add papers to: set bibtex:" in capsys.readouterr().err


def test_already_cited_is_refused_with_where(survey: Path, tmp_path: Path, capsys) -> None:
    attention = {
        "title": "Attention Is All You Need",
        "authors": ["Ashish Vaswani"],
        "year": 2017,
        "arxiv": "1706.03762",
    }
    before = {p: (survey / p).read_bytes() for p in ("README.md", "paper/references.bib")}
    assert add(survey, "1706.03762", "--metadata", record_file(tmp_path, attention)) == 2
    err = capsys.readouterr().err
    assert err == (
        "survey-bot: error: 'Attention Is All You Need' is already cited as [22] in "
        "references.txt:55; pass --force to add it anyway\n"
    )
    assert {p: (survey / p).read_bytes() for p in before} == before
    # --force passes the matcher; the editors still never write an exact duplicate line.
    assert add(survey, "1706.03762", "--metadata", record_file(tmp_path, attention), "--force") == 2
    assert "is already listed (line 49)" in capsys.readouterr().err
    assert {p: (survey / p).read_bytes() for p in before} == before


def test_dry_run_prints_the_diff_and_writes_nothing(survey: Path, tmp_path: Path, capsys) -> None:
    before = (survey / "README.md").read_bytes()
    record = record_file(tmp_path, OCTOPACK)
    assert add(survey, "x", "--metadata", record, "--section", "Utilization", "--dry-run") == 0
    out = capsys.readouterr().out
    assert "--- a/README.md\n+++ b/README.md\n" in out
    assert f"+{OCTOPACK_LINE}\n" in out and "+@article{muennighoff2023octopack," in out
    assert (survey / "README.md").read_bytes() == before


def test_crlf_files_keep_their_line_endings(survey: Path, tmp_path: Path) -> None:
    readme = survey / "README.md"
    readme.write_bytes(readme.read_bytes().replace(b"\n", b"\r\n"))
    assert add(survey, "x", "--metadata", record_file(tmp_path, OCTOPACK)) == 0
    data = readme.read_bytes()
    assert OCTOPACK_LINE.encode() + b"\r\n" in data
    assert b"\n" not in data.replace(b"\r\n", b"")


@pytest.mark.parametrize(
    ("metadata", "extra", "message"),
    [
        (json.dumps(OCTOPACK), ["--section", "No Such Section"], "No Such Section"),
        (None, [], "cannot read"),
        ("{bad", [], "not JSON"),
        ('{"authors": []}', [], '"title"'),
        ('{"title": "T", "year": "2023"}', [], '"year"'),
    ],
    ids=["unknown-section", "missing-file", "bad-json", "no-title", "year-not-int"],
)
def test_bad_input_exits_2_and_writes_nothing(
    survey: Path, tmp_path: Path, capsys, metadata: str | None, extra: list[str], message: str
) -> None:
    path = tmp_path / "record.json"
    if metadata is not None:
        path.write_text(metadata, encoding="utf-8")
    before = {p: p.read_bytes() for p in survey.rglob("*") if p.is_file()}
    assert add(survey, "x", "--metadata", str(path), *extra) == 2
    assert message in capsys.readouterr().err
    assert {p: p.read_bytes() for p in survey.rglob("*") if p.is_file()} == before


def test_unresolvable_query_offline_says_so(survey: Path, capsys) -> None:
    assert add(survey, "An Unknown Paper Title Nobody Wrote", "--offline") == 2
    assert "--metadata" in capsys.readouterr().err


def test_thank_at_login_is_the_readers_login(survey: Path, tmp_path: Path) -> None:
    record = record_file(tmp_path, OCTOPACK)
    assert add(survey, "2308.07124", "--metadata", record, "--thank", "@alice-l") == 0
    readme = (survey / "README.md").read_text(encoding="utf-8")
    assert "Kevin Gray, Jay Alammar, and alice-l." in readme  # no "@": no mention in a file
