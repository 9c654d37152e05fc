"""When the next request to GitHub may go: by what GitHub asks, not by the clock.

PyGithub's own throttle (0.25 s before every request, 1 s before every write)
was most of the time a reader waited for an answer. GitHub asks for spacing in
two cases only, and :class:`Pacing` honours both:

* a long run of writes (GitHub's secondary rate limits: "wait at least one
  second between each" POST, PATCH, PUT or DELETE when making many): after
  ``unpaced_writes`` writes in a run, each further write waits until
  ``between_writes`` (1 s) after the previous one. A triage or a command makes
  a handful and never waits; the thank-you comments after a merged batch are
  such a run;
* the rate limit: an answer saying ``x-ratelimit-remaining: 0`` makes the next
  request wait for ``x-ratelimit-reset`` (at most ``max_wait``). A refusal's
  ``Retry-After`` or reset is honoured by the retries
  (``bot.github.pygithub.RetryPolicy``).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from typing import Any

#: No pause between requests: GitHub asks for none.
DEFAULT_SECONDS_BETWEEN_REQUESTS = 0.0
#: GitHub's documented spacing for a long run of writes.
DEFAULT_SECONDS_BETWEEN_WRITES = 1.0
#: Writes a run makes before that spacing applies: more than any triage or command makes.
DEFAULT_UNPACED_WRITES = 10


class Pacing:
    """When the next request may go (see the module docstring); one per run."""

    def __init__(
        self,
        between_requests: float = 0.0,
        between_writes: float = DEFAULT_SECONDS_BETWEEN_WRITES,
        unpaced_writes: int = DEFAULT_UNPACED_WRITES,
        max_wait: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.between_requests, self.between_writes = between_requests, between_writes
        self.unpaced_writes, self.max_wait, self.clock = unpaced_writes, max_wait, clock
        self.writes = 0
        self.last_request: float | None = None
        self.last_write: float | None = None
        self.blocked_until: float | None = None  # the rate limit is spent until then

    def wait(self, verb: str) -> float:
        """Seconds to wait before a ``verb`` request; records it as sent."""
        now = self.clock()
        ready = now
        if self.last_request is not None:
            ready = max(ready, self.last_request + self.between_requests)
        if verb != "GET":
            self.writes += 1
            if self.writes > self.unpaced_writes and self.last_write is not None:
                ready = max(ready, self.last_write + self.between_writes)
        if self.blocked_until is not None:
            ready = max(ready, min(self.blocked_until, now + self.max_wait))
            self.blocked_until = None
        self.last_request = ready
        if verb != "GET":
            self.last_write = ready
        return ready - now

    def answered(self, headers: Mapping[str, Any]) -> None:
        """Note an answer's rate-limit headers: none left means waiting for the reset."""
        lowered = {str(k).lower(): v for k, v in headers.items()}
        reset = str(lowered.get("x-ratelimit-reset", ""))
        if str(lowered.get("x-ratelimit-remaining", "")) == "0" and reset.isdigit():
            self.blocked_until = self.clock() + max(int(reset) - time.time(), 0.0) + 1.0
