"""The bundled example survey: every loader reads it, and its three lists agree."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
import yaml

from bot.references import load
from tests.conftest import SEED
from tests.example_survey import EXAMPLE

ROOT = Path(__file__).resolve().parent.parent.parent


def norm(title: str) -> str:
    """Titles compared as a reader would: no case, accents, punctuation or lost ligatures."""
    text = unicodedata.normalize("NFKD", title.lower())
    text = "".join(char for char in text if char.isalnum())
    return text.replace("ffi", "fi").replace("ff", "f")


@pytest.fixture(scope="module")
def bib():
    return load(EXAMPLE / "paper" / "references.bib")


@pytest.fixture(scope="module")
def readme():
    return load(EXAMPLE / "README.md")


@pytest.fixture(scope="module")
def txt():
    return load(EXAMPLE / "references.txt")


@pytest.mark.parametrize(
    ("path", "format", "count"),
    [
        ("paper/references.bib", "bibtex", 81),
        ("README.md", "markdown", 32),
        ("references.txt", "text", 81),
    ],
)
def test_every_loader_reads_its_example_file(path, format, count):
    result = load(EXAMPLE / path)
    assert len(result.references) == count
    assert all(ref.title for ref in result.references)
    explicit = load(EXAMPLE / path, format)
    assert explicit == result


def test_bib_has_no_broken_entries(bib):
    assert bib.skipped == ()
    assert len({ref.key for ref in bib.references}) == 81


def test_txt_skips_only_the_truncated_tail(txt):
    assert [s.why.split(":")[0] for s in txt.skipped] == ["truncated entry"]


def test_bib_is_in_citation_order_and_agrees_with_the_printed_list(bib, txt):
    for entry, printed in zip(bib.references, txt.references, strict=True):
        assert norm(entry.title) == norm(printed.title), (entry.key, printed.number)
        assert entry.year == printed.year, entry.key
        assert len(entry.authors) == len(printed.authors), entry.key
        if printed.arxiv:
            assert entry.arxiv == printed.arxiv, entry.key


def test_readme_list_papers_are_all_in_the_bib(bib, readme):
    by_title = {norm(ref.title): ref for ref in bib.references}
    for listed in readme.references:
        entry = by_title.get(norm(listed.title))
        assert entry is not None, listed.title
        if entry.arxiv and listed.arxiv:
            assert entry.arxiv == listed.arxiv, listed.title
        assert entry.year == listed.year or listed.venue == "arXiv", listed.title


def test_bib_uses_real_survey_conventions():
    text = (EXAMPLE / "paper" / "references.bib").read_text(encoding="utf-8")
    assert text.count("@string{") >= 3
    assert "archivePrefix = {arXiv}" in text
    assert "journal       = corr," in text
    assert "crossref      = {naacl2019}" in text
    assert "@inproceedings{vaswani2017attention," in text


def test_readme_sections(readme):
    sections = [ref.section for ref in readme.references]
    assert list(dict.fromkeys(sections)) == [
        "Resources of LLMs",
        "Pre-training",
        "Adaptation Tuning",
        "Utilization",
        "Capacity Evaluation",
    ]
    text = (EXAMPLE / "README.md").read_text(encoding="utf-8")
    assert text.count("<u>") == sections.count("Resources of LLMs")


def test_readme_update_log_and_acknowledgments():
    text = (EXAMPLE / "README.md").read_text(encoding="utf-8")
    log = text.split("## Update Log", 1)[1]
    assert log.lstrip().startswith("| Version | Time       | Update Content")
    rows = re.findall(r"^\| (V\d+) +\| (\d{4}/\d\d/\d\d) \|", log, re.MULTILINE)
    assert [version for version, _ in rows] == [f"V{n}" for n in range(1, len(rows) + 1)]
    assert rows[0] == ("V1", "2023/03/31")
    assert [date for _, date in rows] == sorted(date for _, date in rows)  # oldest first
    assert "<br/>" in log
    acknowledgments = text.split("## Acknowledgments", 1)[1].split("\n## ", 1)[0]
    assert (
        "We sincerely thank the readers who have written to us with constructive suggestions "
        "and comments: "
        "Tyler Suard, Damai Dai, Liang Ding, Stella Biderman, Kevin Gray, and Jay Alammar."
    ) in acknowledgments


def test_config():
    config = yaml.safe_load((EXAMPLE / ".github" / "survey-bot.yml").read_text(encoding="utf-8"))
    assert config == {
        "language": "en",
        "references": [
            {"path": "references.txt", "format": "text"},
            {"path": "paper/references.bib"},
            {"path": "README.md", "format": "markdown"},
        ],
        "bibtex": {"path": "paper/references.bib"},
        "paper_list": {"path": "README.md", "section": "Pre-training"},
        "changelog": [
            {"path": "README.md", "format": "markdown-table", "heading": "Update Log"},
            {
                "path": "paper/epilogue.tex",
                "format": "latex",
                "heading": "更新日志",
                "language": "zh",
            },
        ],
        "acknowledgements": [
            {"path": "README.md", "heading": "Acknowledgments"},
            {"path": "paper/epilogue.tex", "heading": "致谢"},
        ],
        "maintainers": [],
        "batch": {"branch": "survey-bot/updates"},
        "metadata": {"contact": "maintainer@example.org"},
    }
    for source in [*config["references"], *config["changelog"], *config["acknowledgements"]]:
        assert (EXAMPLE / source["path"]).is_file()


def test_config_is_valid_for_the_bot():
    from bot.config import load_config

    config = load_config(EXAMPLE)
    assert config.paper_list is not None and config.paper_list.section == "Pre-training"
    assert [source.path for source in config.references] == [
        "references.txt",
        "paper/references.bib",
        "README.md",
    ]


def test_example_is_self_contained():
    for path in EXAMPLE.rglob("*"):
        if path.is_file():
            assert "/shared/" not in path.read_text(encoding="utf-8"), path


def test_references_txt_is_the_seed_list_verbatim():
    seed = SEED.read_text(encoding="utf-8")
    start = seed.index("\n[1] ") + 1
    assert (EXAMPLE / "references.txt").read_text(encoding="utf-8") == seed[start:]
