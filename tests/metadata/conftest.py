"""A tiny threaded HTTP server on 127.0.0.1 that replays recorded metadata responses.

Routes map (path, query subset) to a sequence of replies (status, headers, body,
optional delay); the last reply repeats. Every request is logged, so tests can
assert how many calls reached each service. The real clients are pointed at it
through ``build_resolver(base_urls=...)``; time is a fake clock whose ``sleep``
only advances it, so spacing and backoff are checked without waiting.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from bot.config.schema import MetadataConfig
from bot.metadata import build_resolver
from tests.conftest import RECORDED_METADATA

PREFIXES = {
    "arxiv": "/arxiv/api/query",
    "crossref": "/crossref",
    "semanticscholar": "/s2/graph/v1",
    "dblp": "/dblp/search/publ/api",
    "github": "/github",
    "pages": "/pages",
}


def fixture(service: str, name: str) -> bytes:
    """The bytes of one recorded response in tests/fixtures/metadata/<service>/<name>."""
    path = RECORDED_METADATA / service / name
    assert path.is_file(), f"missing recorded fixture {path}"
    return path.read_bytes()


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # real seconds before answering (for timeouts)


CONTENT_TYPES = {"arxiv": "application/atom+xml; charset=utf-8", "crossref": "application/json",
                 "semanticscholar": "application/json", "dblp": "application/json",
                 "github": "text/plain; charset=utf-8", "pages": "text/html; charset=utf-8"}


def recorded(service: str, name: str, status: int = 200, **headers: str) -> Reply:
    """A reply replaying a recorded body, with the service's usual Content-Type."""
    if name.endswith(".txt"):
        headers.setdefault("Content-Type", "text/plain")
    headers.setdefault("Content-Type", CONTENT_TYPES[service])
    return Reply(status, fixture(service, name), headers)


@dataclass
class Seen:
    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: bytes = b""


@dataclass
class _Route:
    method: str
    path: str
    query: dict[str, str] | None
    replies: list[Reply]


class FixtureServer:
    def __init__(self) -> None:
        self.routes: list[_Route] = []
        self.log: list[Seen] = []
        self.on_request: Callable[[Seen], None] | None = None
        self._lock = threading.Lock()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._httpd.daemon_threads = True
        self._httpd.block_on_close = False
        self._httpd.handle_error = lambda request, address: None  # clients that hung up
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.05,),
                                        daemon=True)

    @property
    def base(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    def base_urls(self) -> dict[str, str]:
        return {name: self.base + prefix for name, prefix in PREFIXES.items()}

    def start(self) -> FixtureServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def reset(self) -> None:
        with self._lock:
            self.routes.clear()
            self.log.clear()
            self.on_request = None

    def route(self, service: str, path: str, *replies: Reply | tuple[int, bytes],
              query: dict[str, str] | None = None, headers: dict[str, str] | None = None,
              method: str = "GET") -> None:
        """Answer <method> <service prefix><path> (and, if given, these query values)."""
        items = [r if isinstance(r, Reply) else Reply(r[0], r[1], dict(headers or {}))
                 for r in replies] or [Reply()]
        with self._lock:
            self.routes.append(_Route(method, PREFIXES[service] + path, query, items))

    def seen(self, service: str | None = None) -> list[Seen]:
        with self._lock:
            entries = list(self.log)
        if service is None:
            return entries
        return [s for s in entries if s.path.startswith(PREFIXES[service])]

    def _answer(self, seen: Seen) -> Reply:
        with self._lock:
            self.log.append(seen)
            hook = self.on_request
            for route in reversed(self.routes):
                if route.path != seen.path or route.method != seen.method:
                    continue
                if route.query and any(seen.query.get(k) != v for k, v in route.query.items()):
                    continue
                reply = route.replies[0]
                if len(route.replies) > 1:
                    route.replies.pop(0)
                break
            else:
                reply = Reply(404, b"no fixture route", {"Content-Type": "text/plain"})
        if hook is not None:
            hook(seen)
        return reply

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # the body is not held back for the headers' ACK (40 ms)

            def do_GET(self) -> None:
                self._serve(b"")

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                self._serve(self.rfile.read(length))

            def _serve(self, body: bytes) -> None:
                parts = urlsplit(self.path)
                query = {k: v[0] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
                seen = Seen(self.command, unquote(parts.path), query, dict(self.headers.items()),
                            body)
                reply = server._answer(seen)
                if reply.delay:
                    time.sleep(reply.delay)
                try:
                    self.send_response(reply.status)
                    for name, value in reply.headers.items():
                        self.send_header(name, value)
                    self.send_header("Content-Length", str(len(reply.body)))
                    self.end_headers()
                    self.wfile.write(reply.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, format: str, *args: Any) -> None:
                pass

        return Handler


class FakeTime:
    """Monotonic clock + sleep that only advances the clock, and a settable wall clock."""

    def __init__(self) -> None:
        self.t = 1000.0
        self.wall = 1_750_000_000.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.t

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.t += seconds
        self.wall += seconds

    def now(self) -> float:
        return self.wall


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    """requests honours proxy variables; the fixture server is always reached directly."""
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy",
                 "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")


@pytest.fixture(scope="module")
def _module_server() -> Iterator[FixtureServer]:
    server = FixtureServer().start()
    yield server
    server.stop()


@pytest.fixture
def server(_module_server: FixtureServer) -> FixtureServer:
    """The module's fixture server, with no routes and an empty log."""
    _module_server.reset()
    return _module_server


@pytest.fixture
def fake_time() -> FakeTime:
    return FakeTime()


@pytest.fixture
def make_resolver(server: FixtureServer, fake_time: FakeTime, tmp_path: Path
                  ) -> Callable[..., Any]:
    """``make_resolver(offline=False, **config)``: a real resolver aimed at the server."""
    made: list[Any] = []

    def make(offline: bool = False, *, env: dict[str, str] | None = None,
             link_versions: bool = True, **config: Any) -> Any:
        config.setdefault("cache", str(tmp_path / "cache" / "metadata.sqlite"))
        config.setdefault("timeout", 5.0)
        resolver = build_resolver(
            MetadataConfig(**config),
            offline,
            base_urls=server.base_urls(),
            sleep=fake_time.sleep,
            clock=fake_time.clock,
            now=fake_time.now,
            env=env if env is not None else {},
            link_versions=link_versions,
        )
        made.append(resolver)
        return resolver

    yield make
    for resolver in made:
        resolver.close()
