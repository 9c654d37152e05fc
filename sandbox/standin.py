"""A local stand-in of arXiv, Crossref, Semantic Scholar and dblp, for the demo and benchmarks.

The bot's real metadata resolver (``bot.metadata``) talks to it over HTTP on
127.0.0.1 exactly as to the real services: it only has to be told their base
URLs (``SURVEY_BOT_METADATA_URLS`` for the command line, ``base_urls=`` in
process). arXiv knows the papers in ``examples/demo/records.json``; the other
services know nothing, and say so as the real ones do.
"""

from __future__ import annotations

import json
import threading
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit
from xml.sax.saxutils import escape, quoteattr

from bot.config import Config
from bot.identifiers import normalize_arxiv
from bot.metadata import build_resolver
from bot.metadata.resolver import Resolver

ROOT = Path(__file__).resolve().parent.parent
RECORDS = ROOT / "examples" / "demo" / "records.json"

SERVICES = {  # service -> path prefix on the stand-in, as ``build_resolver(base_urls=...)`` takes
    "arxiv": "/arxiv/api/query",
    "crossref": "/crossref",
    "semanticscholar": "/s2/graph/v1",
    "dblp": "/dblp/search/publ/api",
}
SERVICE_NAMES = {
    "arxiv": "arXiv",
    "crossref": "Crossref",
    "semanticscholar": "Semantic Scholar",
    "dblp": "dblp",
}

Reply = tuple[int, str, bytes]  # status, Content-Type, body
_HOST = "127.0.0.1"  # where the metadata stand-in listens (any free port)


# --------------------------------------------------------------------------- metadata stand-in


class MetadataStandIn:
    """The four metadata services on 127.0.0.1, for the real resolver to query.

    arXiv knows the papers in ``records.json`` and serves them as Atom entries
    in the API's own format (unknown ids are silently missing from the feed,
    title searches find nothing, as for a paper arXiv does not have). Crossref,
    Semantic Scholar and dblp know nothing and say so as the real services do:
    Crossref's plain-text 404 and empty work list, Semantic Scholar's JSON 404s
    and ``null`` batch entries, dblp's empty hit list. ``requests`` counts the
    requests each service answered.
    """

    def __init__(self, entries: Sequence[Mapping[str, Any]]) -> None:
        self.entries = {normalize_arxiv(str(e["id"])): e for e in entries}
        self.requests: Counter[str] = Counter()
        self._lock = threading.Lock()
        self._server = _StandInServer(self)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def base_urls(self) -> dict[str, str]:
        port = self._server.server_port
        return {name: f"http://{_HOST}:{port}{prefix}" for name, prefix in SERVICES.items()}

    def __enter__(self) -> MetadataStandIn:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()

    def answer(self, method: str, target: str, body: bytes) -> Reply:
        url = urlsplit(target)
        service = next((n for n, p in SERVICES.items() if url.path.startswith(p)), None)
        if service is None:
            return 404, "text/plain", b"Not Found"
        with self._lock:
            self.requests[service] += 1
        rest = url.path[len(SERVICES[service]) :]
        query = {k: v[0] for k, v in parse_qs(url.query).items()}
        if service == "arxiv":
            return self._arxiv(url.query, query)
        if service == "crossref":
            return _crossref(rest, query)
        if service == "semanticscholar":
            return _semantic_scholar(method, rest, body)
        return _dblp(query)

    def _arxiv(self, raw_query: str, query: Mapping[str, str]) -> Reply:
        found: list[Mapping[str, Any]] = []
        if "search_query" not in query:  # title searches find nothing, like the unknown paper's
            ids = map(normalize_arxiv, query.get("id_list", "").split(","))
            found = [self.entries[key] for key in ids if key in self.entries]
        return 200, "application/atom+xml; charset=utf-8", atom_feed(raw_query, found)


class _StandInServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, stand_in: MetadataStandIn) -> None:
        super().__init__((_HOST, 0), _StandInHandler)
        self.stand_in = stand_in


class _StandInHandler(BaseHTTPRequestHandler):
    server: _StandInServer

    def do_GET(self) -> None:
        self._reply(b"")

    def do_POST(self) -> None:
        self._reply(self.rfile.read(int(self.headers.get("Content-Length") or 0)))

    def _reply(self, body: bytes) -> None:
        status, kind, data = self.server.stand_in.answer(self.command, self.path, body)
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass


def atom_feed(raw_query: str, entries: Sequence[Mapping[str, Any]]) -> bytes:
    """An arXiv API answer: the feed header the API sends, then one ``<entry>`` per paper."""
    lines = [
        "<?xml version='1.0' encoding='UTF-8'?>",
        '<feed xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" '
        'xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns="http://www.w3.org/2005/Atom">',
        "  <id>https://arxiv.org/api/survey-bot-demo</id>",
        f"  <title>arXiv Query: {escape(raw_query)}</title>",
        "  <updated>2026-01-01T00:00:00Z</updated>",
        f"  <link href={quoteattr('https://arxiv.org/api/query?' + raw_query)} "
        'type="application/atom+xml"/>',
        f"  <opensearch:itemsPerPage>{len(entries)}</opensearch:itemsPerPage>",
        f"  <opensearch:totalResults>{len(entries)}</opensearch:totalResults>",
        "  <opensearch:startIndex>0</opensearch:startIndex>",
        *(_atom_entry(entry) for entry in entries),
        "</feed>",
        "",
    ]
    return "\n".join(lines).encode("utf-8")


def _atom_entry(entry: Mapping[str, Any]) -> str:
    abs_url = f"https://arxiv.org/abs/{entry['id']}"
    categories = list(entry.get("categories") or ["cs.CL"])
    lines = [
        "  <entry>",
        f"    <id>http://arxiv.org/abs/{escape(entry['id'])}</id>",
        f"    <title>{escape(entry['title'])}</title>",
        f"    <updated>{escape(entry['updated'])}</updated>",
        f'    <link href={quoteattr(abs_url)} rel="alternate" type="text/html"/>',
        f'    <link href={quoteattr(abs_url.replace("/abs/", "/pdf/"))} rel="related" '
        'type="application/pdf" title="pdf"/>',
        f"    <summary>{escape(entry['summary'])}</summary>",
        *(
            f'    <category term={quoteattr(c)} scheme="http://arxiv.org/schemas/atom"/>'
            for c in categories
        ),
        f"    <published>{escape(entry['published'])}</published>",
    ]
    for field in ("comment", "doi", "journal_ref"):  # the published version, when recorded
        if entry.get(field):
            lines.append(f"    <arxiv:{field}>{escape(entry[field])}</arxiv:{field}>")
    lines.append(f"    <arxiv:primary_category term={quoteattr(categories[0])}/>")
    lines += [
        f"    <author>\n      <name>{escape(a)}</name>\n    </author>" for a in entry["authors"]
    ]
    lines.append("  </entry>")
    return "\n".join(lines)


def _dblp(query: Mapping[str, str]) -> Reply:
    """dblp's answer without hits: every number a string, the query echoed back."""
    nothing = {"@total": "0", "@computed": "0", "@sent": "0"}
    result = {
        "query": query.get("q", ""),
        "status": {"@code": "200", "text": "OK"},
        "time": {"@unit": "msecs", "text": "0.50"},
        "completions": nothing,
        "hits": {**nothing, "@first": "0"},
    }
    return _json(200, {"result": result})


def _crossref(path: str, query: Mapping[str, str]) -> Reply:
    if path.startswith("/works/"):  # an unknown DOI: plain text, not JSON
        return 404, "text/plain", b"Resource not found."
    rows = int(query.get("rows") or 20)
    return _json(
        200,
        {
            "status": "ok",
            "message-type": "work-list",
            "message-version": "1.0.0",
            "message": {
                "facets": {},
                "total-results": 0,
                "items": [],
                "items-per-page": rows,
                "query": {"start-index": 0, "search-terms": None},
            },
        },
    )


def _semantic_scholar(method: str, path: str, body: bytes) -> Reply:
    if method == "POST" and path == "/paper/batch":  # request order, null for each unknown id
        ids = json.loads(body or b"{}").get("ids") or []
        return _json(200, [None] * len(ids))
    if path == "/paper/search/match":
        return _json(404, {"error": "Title match not found"})
    paper_id = path.removeprefix("/paper/")
    return _json(404, {"error": f"Paper with id {paper_id} not found"})


def _json(status: int, value: object) -> Reply:
    return status, "application/json", (json.dumps(value) + "\n").encode("utf-8")


def load_entries(path: Path = RECORDS) -> list[dict[str, Any]]:
    return list(json.loads(path.read_text(encoding="utf-8"))["arxiv"])


@contextmanager
def demo_resolver(
    config: Config, work: Path, entries: Sequence[Mapping[str, Any]] | None = None
) -> Iterator[tuple[Resolver, MetadataStandIn]]:
    """The real resolver, its cache under ``work``, querying a running ``MetadataStandIn``.

    ``entries`` (arXiv entries as in ``records.json``; default: that file) are
    the papers the stand-in knows; benchmarks add made-up ones.
    """
    metadata = replace(config.metadata, cache=str(work / "metadata-cache.sqlite"))
    with (
        MetadataStandIn(load_entries() if entries is None else entries) as stand_in,
        build_resolver(
            metadata,
            base_urls=stand_in.base_urls,
            # arXiv asks for 3 s between calls; a local stand-in needs no such courtesy.
            sleep=lambda _seconds: None,
        ) as resolver,
    ):
        yield resolver, stand_in
