"""Why one metadata lookup failed: per item, always turned into a ``Skipped`` by the resolver.

Every failure is a ``ResolveError`` whose message finishes the sentence
"could not resolve: ...", so it can go straight into a reader-facing reply.
"""

from __future__ import annotations

from bot.errors import ResolveError


class LookupFailure(ResolveError):
    """A service could not give a record for one request."""


class NotFound(LookupFailure):
    """The service answered, and it has no such paper (a definite, cacheable "no")."""


class ServiceError(LookupFailure):
    """The service kept failing (429/5xx/connection/timeout, after retries) or refused us."""


class MalformedResponse(LookupFailure):
    """The service answered 200, but the body is not what its API documents."""


class OfflineMiss(LookupFailure):
    """Offline mode, and the answer is not in the cache."""

    def __init__(self, message: str = "offline and not cached") -> None:
        super().__init__(message)
