"""Every test here runs git with no user config and a fixed identity (see ``gitutil``)."""

from __future__ import annotations

import pytest

from tests.gitrepo.gitutil import isolate_git


@pytest.fixture(autouse=True)
def _isolated_git(monkeypatch: pytest.MonkeyPatch) -> None:
    isolate_git(monkeypatch)
