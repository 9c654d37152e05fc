"""Failures the fake GitHub can be told to give, per route.

A :class:`Fault` replaces the answer to matching requests ``times`` times.
By default the fake fails *before* acting (GitHub's load balancer or rate
limiter answered); ``after=True`` makes it act first and then fail, the case
where a client cannot know whether its POST took effect.

The builders return keyword arguments for :meth:`FakeGitHub.inject`, shaped
like GitHub's real answers (see GitHub's "Rate limits for the REST API")::

    server.inject("POST", r"/comments$", **faults.secondary_rate_limit(retry_after=1))
"""

from __future__ import annotations

import re
import threading
import time
from dataclasses import dataclass, field
from typing import Any

RATE_LIMIT_DOCS = "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api"
SECONDARY_MESSAGE = (
    "You have exceeded a secondary rate limit. Please wait a few minutes before you try "
    "again. If you reach out to GitHub Support for help, please include the request ID "
    "0000:00000:0000000:0000000:00000000."
)
PRIMARY_MESSAGE = (
    "API rate limit exceeded for installation ID 1. If you reach out to GitHub Support "
    "for help, please include the request ID 0000:00000:0000000:0000000:00000000."
)


@dataclass
class Fault:
    """One injected failure rule; ``hits`` counts the requests it answered."""

    method: str | None  # None: any method
    path: re.Pattern[str]
    status: int
    times: int | None = 1  # None: every matching request
    delay: float = 0.0
    headers: dict[str, str] = field(default_factory=dict)
    body: Any = None  # dict/list -> JSON, str -> text, None -> a default for the status
    after: bool = False  # act first, then fail
    # The answer waits until the test opens the gate (its own moment, not a fixed delay
    # that a busy machine may outrun).
    gate: threading.Event | None = None
    hits: int = 0

    def matches(self, method: str, path: str) -> bool:
        if self.times is not None and self.hits >= self.times:
            return False
        if self.method is not None and self.method.upper() != method.upper():
            return False
        return self.path.search(path) is not None

    def answer_body(self) -> Any:
        if self.body is not None:
            return self.body
        if self.status >= 500:
            return {"message": "Server Error"}
        return {"message": "Fault injected by the fake GitHub"}


def server_error(status: int = 502) -> dict[str, Any]:
    """A 5xx from GitHub's front end (the fake did not act unless ``after=True``)."""
    return {"status": status}


def secondary_rate_limit(retry_after: int | None = 60, status: int = 403) -> dict[str, Any]:
    """GitHub's abuse/secondary limit: 403 (or 429), ``Retry-After`` when it names a wait."""
    headers = {"Retry-After": str(retry_after)} if retry_after is not None else {}
    return {
        "status": status,
        "headers": headers,
        "body": {"message": SECONDARY_MESSAGE, "documentation_url": RATE_LIMIT_DOCS},
    }


def primary_rate_limit(reset_in: float = 60.0, status: int = 403) -> dict[str, Any]:
    """The hourly budget is spent: ``x-ratelimit-remaining: 0`` until ``x-ratelimit-reset``."""
    reset = int(time.time() + reset_in)
    return {
        "status": status,
        "headers": {
            "X-RateLimit-Limit": "5000",
            "X-RateLimit-Remaining": "0",
            "X-RateLimit-Used": "5000",
            "X-RateLimit-Reset": str(reset),
            "X-RateLimit-Resource": "core",
        },
        "body": {"message": PRIMARY_MESSAGE, "documentation_url": RATE_LIMIT_DOCS},
    }


def timeout_after(client_timeout: float) -> dict[str, Any]:
    """GitHub acted, but answers only after the client gave up (``client_timeout`` seconds)."""
    return {"status": 200, "delay": client_timeout + 0.5, "after": True}


def matrix(client_timeout: float) -> dict[str, dict[str, Any]]:
    """The ways one request fails in the fault-injection matrix (#13), by name."""
    return {
        "502": server_error(502),
        "502-after": {**server_error(502), "after": True},
        "timeout-after": timeout_after(client_timeout),
        "secondary-rate-limit": secondary_rate_limit(retry_after=1),
    }
