"""``survey-bot check --resolve --repo DIR``: the lookups follow the survey's metadata settings.

Offline throughout: ``--offline`` answers from the cache only, and still opens
(creates) the cache file, so where that file appears shows which settings the
resolver was built from, wherever the command runs.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.cli import main

BIB = """@article{vaswani2017attention,
  title = {Attention Is All You Need},
  author = {Vaswani, Ashish and Shazeer, Noam},
  journal = {arXiv preprint arXiv:1706.03762},
  year = {2017},
}
"""


@pytest.fixture
def elsewhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The current directory: not the survey."""
    cwd = tmp_path / "elsewhere"
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    return cwd


def make_survey(root: Path, config: str | None) -> Path:
    root.mkdir()
    (root / "refs.bib").write_text(BIB, encoding="utf-8")
    if config is not None:
        (root / ".github").mkdir()
        (root / ".github" / "survey-bot.yml").write_text(config, encoding="utf-8")
    return root


@pytest.mark.parametrize(
    ("config", "cache"),
    [
        ("metadata:\n  contact: ada@example.org\n  cache: meta/lookups.sqlite\n",
         "meta/lookups.sqlite"),
        ("language: en\n", ".survey-bot/cache.sqlite"),
        (None, ".survey-bot/cache.sqlite"),
    ],
    ids=["configured-cache", "default-cache", "no-config-file"],
)  # fmt: skip
def test_resolve_uses_the_survey_cache(
    tmp_path: Path,
    elsewhere: Path,
    capsys: pytest.CaptureFixture[str],
    config: str | None,
    cache: str,
) -> None:
    survey = make_survey(tmp_path / "survey", config)
    code = main(
        ["check", "--refs", str(survey / "refs.bib"), "--resolve", "--offline",
         "--repo", str(survey), "--json", "1706.03762", "A Paper Nobody Cached"]
    )  # fmt: skip
    out, err = capsys.readouterr()
    assert code == 0, err
    assert [r["verdict"] for r in json.loads(out)] == ["cited", "new"]
    assert (survey / cache).is_file()
    assert list(elsewhere.iterdir()) == []  # no cache where it ran


def test_invalid_survey_config_is_reported(
    tmp_path: Path, elsewhere: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    survey = make_survey(tmp_path / "survey", "metadata:\n  timeout: 0\n")
    code = main(
        ["check", "--refs", str(survey / "refs.bib"), "--resolve", "--offline",
         "--repo", str(survey), "1706.03762"]
    )  # fmt: skip
    assert code == 2
    assert capsys.readouterr().err == (
        "survey-bot: error: .github/survey-bot.yml:2: metadata.timeout: "
        "expected at least 0.1, got 0.0\n"
    )
    assert not (survey / ".survey-bot").exists()


def test_without_resolve_the_survey_cache_gives_the_known_ids_only(
    tmp_path: Path, elsewhere: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A DOI whose arXiv twin is listed is cited without --resolve once a run (or a
    ``check --resolve``) has learnt the link; nothing is asked and nothing created."""
    from bot.metadata.cache import Cache

    survey = make_survey(tmp_path / "survey", None)
    acm_doi = "10.5555/3295222.3295349"  # the NeurIPS 2017 proceedings version
    argv = ["check", "--refs", str(survey / "refs.bib"), "--repo", str(survey), "--json", acm_doi]

    def verdict() -> tuple[str, str]:
        assert main(argv) == 0
        (result,) = json.loads(capsys.readouterr().out)
        return result["verdict"], result["reason"]

    assert verdict() == ("new", "no-match")
    assert not (survey / ".survey-bot").exists()  # no cache: none is created
    cache = Cache(survey / ".survey-bot" / "cache.sqlite")
    cache.link({f"doi:{acm_doi}", "arxiv:1706.03762"})
    cache.close()
    assert verdict() == ("cited", "arxiv-id")


@pytest.mark.parametrize(
    "config",
    ["references:\n  - path: refs.bib\n", "bibtex:\n  path: refs.bib\n"],
    ids=["references", "edited-files"],
)
def test_in_a_configured_survey_the_references_come_from_its_config(
    tmp_path: Path,
    elsewhere: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    config: str,
) -> None:
    survey = make_survey(tmp_path / "survey", config)
    code = main(["check", "--repo", str(survey), "--json", "1706.03762", "Another Paper"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert [r["verdict"] for r in json.loads(out)] == ["cited", "new"]
    monkeypatch.chdir(survey)  # inside the survey, neither --refs nor --repo is needed
    assert main(["check", "1706.03762"]) == 0
    assert "already cited" in capsys.readouterr().out
    assert main(["refs"]) == 0
    assert "Attention Is All You Need" in capsys.readouterr().out
