"""Test helpers around the fake GitHub, for every test suite of the bot.

::

    from sandbox.testing import fake_github, port_for  # noqa: F401 (fixture)

    def test_triage_answers_once(fake_github):
        fake_github.add_issue(title="Add our paper", body="arXiv:2308.09662", user="alice")
        port = port_for(fake_github)
        ...                                   # run the real bot code with `port`
        assert len(fake_github.comments(1)) == 1
        assert fake_github.count() <= 4       # request budget
        # off-spec requests fail the test when the fixture ends

Or without pytest's fixture machinery::

    with running_fake_github() as github:
        ...

Importing this module needs pytest; the demo uses ``FakeGitHub`` directly.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

import pytest

from bot.github.pygithub import PyGithubPort, connect

from .server import DEFAULT_REPO, FakeGitHub

#: The waits tests allow: GitHub's Retry-After/reset are honoured up to this.
TEST_MAX_WAIT = 0.05


@contextmanager
def running_fake_github(
    repo: str | None = DEFAULT_REPO,
    *,
    allow_violations: bool = False,
    **options: Any,
) -> Iterator[FakeGitHub]:
    """A started :class:`FakeGitHub`; on a clean exit, fails if any request was off-spec.

    ``options`` go to :class:`FakeGitHub` (``bot_login``, ``token``,
    ``rate_limit``...). The server is stopped, and its port released, whatever
    happens.
    """
    server = FakeGitHub(repo, **options)
    with server:
        yield server
        if not allow_violations:
            server.assert_no_violations()


def port_for(
    server: FakeGitHub,
    *,
    repo: str | None = None,
    token: str | None = None,
    retries: int = 3,
    max_wait: float = TEST_MAX_WAIT,
    sleep: Callable[[float], None] | None = None,
) -> PyGithubPort:
    """The real PyGithub port, talking to ``server`` with no throttling.

    Waits are capped at ``max_wait`` (a few milliseconds), so rate-limit and
    5xx retries cost no real time; pass ``sleep=waits.append`` to record them.
    """
    extra: dict[str, Any] = {} if sleep is None else {"sleep": sleep}
    return connect(
        token or server.token,
        repo or server.repo,
        server.base_url,
        seconds_between_requests=0,
        seconds_between_writes=0,
        retries=retries,
        max_wait=max_wait,
        backoff=max_wait,
        **extra,
    )


@pytest.fixture
def fake_github() -> Iterator[FakeGitHub]:
    """A running fake GitHub with the default repository; off-spec requests fail the test."""
    with running_fake_github() as server:
        yield server


def fault_cases(requests: Sequence[tuple[str, str]], faults: Mapping[str, Any]) -> list[Any]:
    """The fault-injection matrix's cases: each ``(method, path)`` request of a run with each
    fault of ``faults`` (``sandbox.faults.matrix``), as ``pytest.param(method, path, fault)``."""
    return [
        pytest.param(method, path, fault, id=f"{method}-{path.strip('$')}-{fault}")
        for method, path in requests
        for fault in faults
    ]


def pause_before_write(
    port: object, writes: Sequence[str], k: int, other: Callable[[], object]
) -> list[int]:
    """Make ``port`` run ``other`` once, just before its ``k``-th write (a call of one of
    the methods named in ``writes``): #13's interleavings of two runs at each write.

    The port's own methods are put back before ``other`` runs, so that the other run
    writes through the plain port and the paused one then goes on. The list returned
    holds how many writes were made up to that point (``k`` once ``other`` has run)."""
    count = [0]
    plain = {name: getattr(port, name) for name in writes}

    def paused_at(name: str) -> Callable[..., object]:
        write = plain[name]

        def paused(*args: object, **kwargs: object) -> object:
            count[0] += 1
            if count[0] == k:
                for each, method in plain.items():
                    setattr(port, each, method)
                other()
            return write(*args, **kwargs)

        return paused

    for name in writes:
        setattr(port, name, paused_at(name))
    return count
