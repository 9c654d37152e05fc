"""A reader's identifier never steers a metadata request; a redirect never carries the API key
to another host."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, ClassVar

import pytest

from bot.models import Skipped
from bot.suggestions import Suggestion

from .conftest import PREFIXES, Reply

TRAVERSING_DOIS = [
    "10.1000/../../../s2/graph/v1/paper/x",
    "10.1000/a/../../../dblp/search",
    "10.1000/./x/..",
    "10.1000/%2e%2e/%2E%2E/x",
]


@pytest.mark.parametrize("doi", TRAVERSING_DOIS)
def test_a_doi_with_dot_segments_stays_inside_the_services_path(server, make_resolver, doi):
    result = make_resolver().resolve(Suggestion(doi=doi))

    assert isinstance(result, Skipped)
    for seen in server.seen():
        assert seen.path.startswith((PREFIXES["crossref"] + "/works/",
                                     PREFIXES["semanticscholar"] + "/paper/")), seen.path
        assert "/../" not in seen.path + "/" and "/./" not in seen.path + "/"


class _Elsewhere(BaseHTTPRequestHandler):
    seen: ClassVar[list[dict[str, str]]] = []

    def do_GET(self) -> None:
        _Elsewhere.seen.append(dict(self.headers.items()))
        body = b'{"paperId": "x", "title": "Stolen", "externalIds": {}}'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def elsewhere():
    """Another host (here: another port of 127.0.0.1's name, ``localhost``)."""
    _Elsewhere.seen = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Elsewhere)
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield f"http://localhost:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_a_redirect_to_another_host_is_not_followed_with_the_api_key(
    server, make_resolver, elsewhere
):
    redirect = Reply(302, b"", {"Location": f"{elsewhere}/steal", "Content-Length": "0"})
    server.route("semanticscholar", "/paper/ACL:N19-1423", redirect)

    result = make_resolver(env={"S2_API_KEY": "k-123"}).resolve(Suggestion(acl="N19-1423"))

    assert isinstance(result, Skipped)
    assert _Elsewhere.seen == []  # not followed at all: neither the key nor the query leaves


def test_a_traversing_id_in_a_batch_costs_only_itself(server, make_resolver):
    resolver = make_resolver()
    found = resolver.resolve_many(
        [Suggestion(doi=TRAVERSING_DOIS[0]), Suggestion(doi=TRAVERSING_DOIS[1])]
    )

    assert all(isinstance(result, Skipped) for result in found)
    assert all("/../" not in seen.path for seen in server.seen())
