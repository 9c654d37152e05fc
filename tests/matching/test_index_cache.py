"""The index ``check`` keeps between runs: the same answers as reading the files, and
never an index made from other files or other code (``bot.cli.index_cache``)."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

import bot
from benchmarks import bench_check
from bot.cli import index_cache, main
from bot.matching import IndexState, ReferenceIndex
from bot.references import parse

MARKDOWN = """# A survey

## Agents

1. **ReAct: Synergizing Reasoning and Acting in Language Models**. Shunyu Yao et al. ICLR 2023. [[paper](https://arxiv.org/abs/2210.03629)]
2. **Toolformer: Language Models Can Teach Themselves to Use Tools**. Timo Schick et al. 2023. [[paper](https://aclanthology.org/2023.acl-long.1/)]

## Models

- **Llama 2: Open Foundation and Fine-Tuned Chat Models** (2023) [doi](https://doi.org/10.48550/arXiv.2307.09288)
"""
NEW_ENTRY = """
@article{added,
  title = {A Paper Added After the First Run},
  author = {Ada Lovelace},
  year = {2025}
}
"""


@pytest.fixture
def survey(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with a generated 300-entry .bib, a Markdown list and 200 queries on them,
    and the index cache in it, used from the first reference on."""
    rng = random.Random(5)
    papers = bench_check.make_papers(300, rng)
    cases = bench_check.make_cases(papers, 200, rng)
    bench_check.write_bib(papers, tmp_path / "survey.bib", rng)
    (tmp_path / "README.md").write_text(MARKDOWN, encoding="utf-8")
    lines = [bench_check.query_line(n, c.query) for n, c in enumerate(cases)]
    lines.append(json.dumps({"id": "added", "title": "A paper added after the first run"}))
    toolformer = "Toolformer: language models can teach themselves to use tools"
    lines.append(json.dumps({"id": "acl", "title": toolformer}))
    (tmp_path / "queries.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SURVEY_BOT_INDEX_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(index_cache, "CACHE_FROM", 1)
    return tmp_path


class LoadSpy:
    """Counts the files ``check`` reads and parses (a hit reads none)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        from bot.cli import refs

        self.calls = 0
        real = refs.load_all

        def counted(*args: object, **kwargs: object) -> object:
            self.calls += 1
            return real(*args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(refs, "load_all", counted)


def check(capsys: pytest.CaptureFixture[str], *extra: str) -> dict[str, dict[str, object]]:
    """``check --batch`` on the survey: each answer by its id."""
    argv = ["check", "--refs", "survey.bib", "--refs", "README.md", "--batch", "queries.jsonl"]
    assert main([*argv, *extra]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    return {answer["id"]: answer for answer in map(json.loads, out.splitlines())}


def cache_files(survey: Path) -> list[Path]:
    return sorted((survey / "cache").glob("*")) if (survey / "cache").is_dir() else []


def plain(state: IndexState) -> tuple[object, ...]:
    """``state`` as lists and dicts, to compare."""
    rows, sectioned, mappings = state
    return list(rows), list(sectioned), list(mappings)


def test_an_index_made_again_from_its_state_is_the_same(survey: Path) -> None:
    references = [
        *parse((survey / "survey.bib").read_text(encoding="utf-8"), "bibtex", "s.bib").references,
        *parse(MARKDOWN, "markdown", "README.md").references,
    ]
    built = ReferenceIndex.build(references)
    state = built.state()
    again = ReferenceIndex.from_state(state)
    assert again.references == built.references
    assert again.sectioned_references == [r for r in references if r.section] != []
    assert plain(again.state()) == plain(state)
    index_cache._write(survey / "index", "key", state)
    stored = index_cache._read(survey / "index", "key")
    assert stored is not None and plain(stored.state()) == plain(state)
    rng = random.Random(5)
    papers = bench_check.make_papers(300, rng)
    queries = [c.query for c in bench_check.make_cases(papers, 200, rng)]
    assert again.check_many(queries) == built.check_many(queries)


def test_the_second_run_reads_no_file_and_answers_the_same(
    survey: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    uncached = check(capsys, "--no-cache")
    assert cache_files(survey) == []
    spy = LoadSpy(monkeypatch)
    assert check(capsys) == uncached and spy.calls == 1
    assert len(cache_files(survey)) == 1
    assert check(capsys) == uncached and spy.calls == 1  # the hit read nothing
    assert uncached["acl"]["verdict"] == "cited"


@pytest.mark.parametrize(
    "change", ["file", "code", "format", "corrupt", "truncated", "flipped", "other"]
)
def test_anything_changed_reads_the_files_again(
    survey: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, change: str
) -> None:
    before = check(capsys)
    (stored,) = cache_files(survey)
    spy = LoadSpy(monkeypatch)
    if change == "file":
        with (survey / "survey.bib").open("a", encoding="utf-8") as bib:
            bib.write(NEW_ENTRY)
    elif change == "code":
        monkeypatch.setattr(bot, "__version__", "0.0.0-another")
    elif change == "format":
        monkeypatch.setattr(index_cache, "_FORMAT", "survey-bot reference index 0")
    elif change == "corrupt":
        stored.write_bytes(b"not a cache file")
    elif change == "truncated":
        stored.write_bytes(stored.read_bytes()[:5000])
    elif change == "flipped":  # one byte of an entry changed: the checksum tells
        data = bytearray(stored.read_bytes())
        data[100] ^= 1
        stored.write_bytes(bytes(data))
    else:  # a whole cache file, stored under another key
        small = ReferenceIndex.build(parse(MARKDOWN, "markdown", "README.md").references)
        index_cache._write(stored, "another key", small.state())
    after = check(capsys)
    assert spy.calls == 1
    if change == "file":
        assert before["added"]["verdict"] == "new" and after["added"]["verdict"] == "cited"
        del before["added"], after["added"]
    assert after == before
    check(capsys)
    assert spy.calls == 1  # stored again, and read back
    assert cache_files(survey) == [stored]


def test_no_cache_when_turned_off_or_small(
    survey: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SURVEY_BOT_INDEX_CACHE", "off")
    check(capsys)
    monkeypatch.setenv("SURVEY_BOT_INDEX_CACHE", str(survey / "cache"))
    monkeypatch.setattr(index_cache, "CACHE_FROM", 1000)
    check(capsys)
    assert cache_files(survey) == []


def test_a_file_without_references_is_warned_about_every_time(
    survey: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (survey / "empty.md").write_text("# Nothing here yet\n", encoding="utf-8")
    argv = ["check", "--refs", "survey.bib", "--refs", "empty.md", "--batch", "queries.jsonl"]
    for _ in range(2):
        assert main(argv) == 0
        assert "empty.md: no references found" in capsys.readouterr().err
    assert cache_files(survey) == []


def test_an_unwritable_cache_only_costs_the_reading(
    survey: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (survey / "cache").write_text("a file where the folder should be", encoding="utf-8")
    first = check(capsys)
    assert check(capsys) == first
    assert sorted(survey.glob("cache*")) == [survey / "cache"]
