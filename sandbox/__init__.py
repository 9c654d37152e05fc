"""A local fake GitHub REST API for the demo and the tests.

It serves over real HTTP on 127.0.0.1 and only accepts what GitHub's published
OpenAPI description allows (bundled here, MIT, from ``@octokit/openapi``):

* ``server.py``: :class:`FakeGitHub`, the server, its seeding helpers and logs;
* ``spec.py``: routing and validation against the bundled description;
* ``api.py``: what each documented operation does to the in-memory state;
* ``store.py``: that state, and the GitHub-shaped JSON it is served as;
* ``faults.py``: injected 5xx, secondary and primary rate limits;
* ``testing.py``: ``running_fake_github()`` and a pytest fixture for tests.
"""

from .faults import Fault, matrix, primary_rate_limit, secondary_rate_limit, server_error
from .server import BOT_LOGIN, BOT_TOKEN, DEFAULT_REPO, FakeGitHub, RecordedRequest, Violation

__all__ = [
    "BOT_LOGIN",
    "BOT_TOKEN",
    "DEFAULT_REPO",
    "FakeGitHub",
    "Fault",
    "RecordedRequest",
    "Violation",
    "matrix",
    "primary_rate_limit",
    "secondary_rate_limit",
    "server_error",
]
