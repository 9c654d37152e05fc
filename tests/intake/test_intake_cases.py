"""The issue texts in ``cases/`` (written for the parser), ``realworld/`` (real reader
issues from public survey repositories, sources in ``realworld/SOURCES.md``) and ``heldout/``
(real reader issues collected *after* the parser was tuned, expected outputs written before it
was run on them; sources and the before/after figures in ``heldout/SOURCES.md``): each
``NN-name.md`` body has a ``NN-name.json`` companion.

The companion holds the issue ``title``, optional ``ignore_ids`` and ``source``, and the
``expected`` suggestions, written by hand; keys left out of an expected suggestion mean null
(``opt_out``: false, ``bibtex``: no BibTeX kept). Real issues the parser still gets wrong are
listed in ``KNOWN_MISSES`` / ``HELDOUT_MISSES`` (strict xfail, so fixing one shows up).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.intake import parse_issue

HERE = Path(__file__).resolve().parent
CASES = HERE / "cases"
REALWORLD = HERE / "realworld"
HELDOUT = HERE / "heldout"
# Real issues still read wrongly, and why.
KNOWN_MISSES = {
    "14-agentlist-pr73-section-headings": "'**Name** (date): summary' is taken as the title",
    "15-agentsurvey-pr34-bold-arxiv-colon": "headings other than 'Section N' give no section",
    "25-halludetect-16-title-line-no-id": "a bare title line after a sentence asking to add it",
    "27-lmssp-pr11-title-dash-github": "'added Title -- <code link>' gives no title-only paper",
    "28-llmhallu-pr1-two-titles-in-prose": "titles opening prose paragraphs (', which ...')",
    "42-llmsinchina-36-website-not-paper-zh": "a plain non-paper link in an issue that asks to add",
    "55-arxivhtml-3419-feedback-form-paper-url": "a foreign bug-report form with a 'Paper URL'",
}
# Held-out issues still read wrongly, and why.
HELDOUT_MISSES = {
    "13-awesomekg-3-title-then-bare-link": "a 2-word title ('Knowledge Graphs') before a bare link",
    "15-iclpaperlist-pr11-title-after-venue-comma": "a title after 'our paper in NeurIPS 2024,'",
    "22-icrl-6-four-plain-title-lines": "a sentence-case question title line ('Can large ...?')",
}
FIELDS = ("arxiv", "doi", "openreview", "acl", "url", "title", "section", "thank_as", "name")


def _cases() -> list[Path]:
    return sorted(CASES.glob("*.json"))


def _real(folder: Path, misses: dict[str, str]) -> list:
    return [
        pytest.param(
            path,
            id=path.stem,
            marks=[pytest.mark.xfail(reason=misses[path.stem], strict=True)]
            if path.stem in misses
            else [],
        )
        for path in sorted(folder.glob("*.json"))
    ]


def _actual(suggestion) -> dict:
    data = {"name": None, **suggestion.to_json()}
    data["opt_out"] = suggestion.opt_out
    data["bibtex"] = bool(suggestion.bibtex)
    return data


def _expected(item: dict) -> dict:
    data = {key: item.get(key) for key in FIELDS}
    data["opt_out"] = bool(item.get("opt_out", False))
    data["bibtex"] = bool(item.get("bibtex", False))
    return data


@pytest.mark.parametrize("case", _cases(), ids=lambda p: p.stem)
def test_case(case: Path) -> None:
    _check(case)


@pytest.mark.parametrize("case", _real(REALWORLD, KNOWN_MISSES))
def test_realworld(case: Path) -> None:
    _check(case)


@pytest.mark.parametrize("case", _real(HELDOUT, HELDOUT_MISSES))
def test_heldout(case: Path) -> None:
    _check(case)


def _check(case: Path) -> None:
    spec = json.loads(case.read_text(encoding="utf-8"))
    body_file = case.with_suffix(".md")
    body = body_file.read_text(encoding="utf-8") if body_file.exists() else None
    got = parse_issue(spec["title"], body, ignore_ids=spec.get("ignore_ids", ()))
    assert [_actual(s) for s in got] == [_expected(e) for e in spec["expected"]]


def test_enough_cases_of_each_kind() -> None:
    specs = [json.loads(p.read_text(encoding="utf-8")) for p in _cases()]
    assert len(specs) >= 35
    assert sum(1 for s in specs if not s["expected"]) >= 8
    assert sum(1 for s in specs if len(s["expected"]) > 1) >= 5


@pytest.mark.parametrize("folder", [REALWORLD, HELDOUT], ids=lambda p: p.name)
def test_real_sources_are_listed(folder: Path) -> None:
    sources = (folder / "SOURCES.md").read_text(encoding="utf-8")
    for path in sorted(folder.glob("*.json")):
        spec = json.loads(path.read_text(encoding="utf-8"))
        assert spec["source"] and f"`{path.stem}`" in sources, path.stem


def test_heldout_is_new() -> None:
    """Held-out issues must not repeat the ones the parser was tuned on."""
    tuned = (REALWORLD / "SOURCES.md").read_text(encoding="utf-8")
    for path in sorted(HELDOUT.glob("*.json")):
        source = json.loads(path.read_text(encoding="utf-8"))["source"]
        assert f"| {source} |" not in tuned, path.stem
