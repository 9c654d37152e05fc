"""Each outside library the bot talks through is imported by one adapter module only."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

BOT = Path(__file__).resolve().parents[1] / "bot"


@pytest.mark.parametrize(
    ("library", "adapter"),
    [("github", "github/pygithub.py"), ("git", "gitrepo/process.py")],
    ids=["PyGithub", "GitPython"],
)
def test_one_module_imports_the_library(library: str, adapter: str) -> None:
    imports = re.compile(rf"^\s*(import {library}\b|from {library}\b)", re.M)
    importers = [
        path.relative_to(BOT).as_posix()
        for path in BOT.rglob("*.py")
        if imports.search(path.read_text(encoding="utf-8"))
    ]
    assert importers == [adapter]
