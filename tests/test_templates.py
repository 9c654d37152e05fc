"""Every template the code names exists, compiles, and has its Chinese twin where replies need one.

A survey may override any template, so a missing or broken bundled one would only
show up on the day the bot first needs it; these checks make it fail here instead.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.render import PackageTemplates
from tests.conftest import RENDERER

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = PackageTemplates().list_templates()
# Text readers see on GitHub: picked by `language`, so each needs an en and a zh version.
REPLIES = (
    "command-reply",
    "dashboard",
    "dashboard-note",
    "help",
    "not-allowed",
    "pr-body",
    "released",
    "thanks-after-merge",
    "triage-comment",
)


def names_in_code() -> set[str]:
    """Template names the code spells out: literal ``*.j2`` names and reply base names."""
    source = "\n".join(path.read_text(encoding="utf-8") for path in (ROOT / "bot").rglob("*.py"))
    literal = set(re.findall(r"[\"']([a-z0-9-]+(?:\.[a-z]+)?\.j2)[\"']", source))
    bases = re.findall(r"(?:_render|template_name)\(\s*[\"']([a-z-]+)[\"']", source)
    return literal | {f"{base}.md.j2" for base in bases}


@pytest.mark.parametrize("name", TEMPLATES)
def test_every_template_compiles_in_the_sandbox(name: str) -> None:
    RENDERER.environment.get_template(name)


@pytest.mark.parametrize("name", sorted(names_in_code()))
def test_every_template_the_code_names_exists(name: str) -> None:
    assert name in TEMPLATES


@pytest.mark.parametrize("base", REPLIES)
def test_replies_exist_in_both_languages(base: str) -> None:
    assert {f"{base}.md.j2", f"{base}.zh.md.j2"} <= set(TEMPLATES)


def test_the_code_names_the_replies() -> None:
    # Guards the scan above: if the code stopped naming templates this way, the
    # existence test would pass vacuously.
    assert {f"{base}.md.j2" for base in REPLIES} <= names_in_code()
