"""The issue texts in ``cases/``: each ``NN-name.md`` body has a ``NN-name.json`` companion.

The companion holds the issue ``title``, optional ``ignore_ids`` and the
``expected`` suggestions; keys left out of an expected suggestion mean null
(``opt_out``: false, ``bibtex``: no BibTeX kept).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.intake import parse_issue

CASES = Path(__file__).resolve().parent / "cases"
FIELDS = ("arxiv", "doi", "openreview", "acl", "url", "title", "section", "thank_as")


def _cases() -> list[Path]:
    return sorted(CASES.glob("*.json"))


def _actual(suggestion) -> dict:
    data = suggestion.to_json()
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
