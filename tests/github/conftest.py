"""Fixtures for the PyGithub adapter's tests: the fake GitHub and a port talking to it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.github.pygithub import PyGithubPort
from sandbox import FakeGitHub
from sandbox.testing import fake_github, port_for  # noqa: F401  (fixture)


@pytest.fixture
def waits() -> list[float]:
    """The waits the port asked for (recorded instead of slept)."""
    return []


@pytest.fixture
def port(fake_github: FakeGitHub, waits: list[float]) -> Iterator[PyGithubPort]:  # noqa: F811
    """The real PyGithub port against the fake, no throttling, waits recorded not slept."""
    with port_for(fake_github, sleep=waits.append) as github_port:
        yield github_port
