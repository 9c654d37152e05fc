"""``make demo``: the whole job on the bundled example survey, offline, in a few seconds.

1. ``examples/llm-survey/`` is copied into a temporary directory and made a git
   repository with a local bare ``origin``; a fake GitHub (``bot.sandbox``)
   serves its issues and pull requests and reads branches from that origin.
2. Three readers open issues: a paper the survey already cites, a new one and
   one nobody can identify. The same handlers as ``survey-bot run``
   (``bot.app``) triage them, with the real metadata resolver
   (``bot.metadata.build_resolver``, its cache in the temporary directory)
   pointed at ``MetadataStandIn``: arXiv, Crossref, Semantic Scholar and dblp
   on 127.0.0.1, answering in the real services' formats from
   ``examples/demo/records.json``. No network is needed.
3. A maintainer comments ``/accept`` with a section that does not exist (refused,
   with the closest headings), then with a forgiving spelling of a real one.
4. The scheduled batch (``bot.batch``) opens the pull request.

It prints the replies, the labels and the pull request (title, body, diff),
then what each step cost in requests; it stops both servers and removes the
temporary directory, whatever happens.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import replace
from functools import partial
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit
from xml.sax.saxutils import escape, quoteattr

from bot.app import handle_comment, handle_issue
from bot.batch import run_batch
from bot.config import Config, load_config
from bot.events import CommentCommand, IssueTriage
from bot.github import connect
from bot.identifiers import normalize_arxiv
from bot.metadata import build_resolver
from bot.metadata.resolver import Resolver
from bot.sandbox import FakeGitHub
from bot.survey import load_index

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "llm-survey"
RECORDS = ROOT / "examples" / "demo" / "records.json"
MAINTAINER = "ada"
NAMES = {"alice": "Alice Liddell", "bob": "Bob Jones", "carol": "Carol Danvers"}
ISSUES = (
    ("alice", "Add the Transformer paper", "Please add this classic: arXiv:1706.03762"),
    (
        "bob",
        "Paper suggestion: red-teaming LLMs",
        "Our paper on safety alignment would fit the survey: https://arxiv.org/abs/2308.09662",
    ),
    ("carol", "Missing paper", 'You should cite "Llama Herding with Tiny Transformers".'),
)
COMMANDS = ('/accept section: "Alignment Tuning"', '/accept section: "adaptation tuning"')
# Our own git commands get no user config and a fixed identity, like a fresh CI machine.
GIT_ENV = {
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_AUTHOR_NAME": "Ada Maintainer",
    "GIT_AUTHOR_EMAIL": "ada@example.org",
    "GIT_COMMITTER_NAME": "Ada Maintainer",
    "GIT_COMMITTER_EMAIL": "ada@example.org",
}
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
    if entry.get("comment"):
        lines.append(f"    <arxiv:comment>{escape(entry['comment'])}</arxiv:comment>")
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


def git(cwd: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-c", "core.autocrlf=false", *args],
        cwd=cwd,
        env={**os.environ, **GIT_ENV},
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip()


def make_survey(work: Path) -> tuple[Path, Path]:
    """A clone of the example survey with a bare ``origin`` (branch ``main``)."""
    origin, clone = work / "origin.git", work / "survey"
    shutil.copytree(EXAMPLE, clone)
    git(work, "init", "--quiet", "--bare", "--initial-branch=main", str(origin))
    git(clone, "init", "--quiet", "--initial-branch=main")
    git(clone, "add", "--all")
    git(clone, "commit", "--quiet", "-m", "The survey")
    git(clone, "remote", "add", "origin", str(origin))
    git(clone, "push", "--quiet", "origin", "HEAD:refs/heads/main")
    git(clone, "fetch", "--quiet", "origin")
    git(clone, "remote", "set-head", "origin", "main")
    return origin, clone


def run_demo(out: Callable[[str], None] = print) -> None:
    """The whole flow; ``out`` receives the readable transcript, one block at a time."""
    with tempfile.TemporaryDirectory(prefix="survey-bot-demo-") as tmp, FakeGitHub() as github:
        work = Path(tmp)
        origin, clone = make_survey(work)
        github.link_git(origin)
        github.add_user(MAINTAINER, "Ada Maintainer", permission="maintain")
        for user, name in NAMES.items():
            github.add_user(user, name)
        config = load_config(clone)
        index = load_index(config)
        port = connect(
            github.token,
            github.repo,
            github.base_url,
            seconds_between_requests=0,
            seconds_between_writes=0,
        )
        login = github.bot_login
        cost: list[tuple[str, int, Counter[str]]] = []  # (step, GitHub requests, metadata)
        try:
            with demo_resolver(config, work) as (resolver, stand_in):

                def step(name: str, action: Callable[[], object]) -> None:
                    github_before, metadata_before = len(github.requests), stand_in.requests.copy()
                    action()
                    spent = stand_in.requests - metadata_before
                    cost.append((name, len(github.requests) - github_before, spent))

                out(heading("1. Readers suggest papers"))
                numbers = [
                    int(github.add_issue(title=t, body=b, user=u)["number"]) for u, t, b in ISSUES
                ]
                for number, (user, title, body) in zip(numbers, ISSUES, strict=True):
                    trigger = IssueTriage(number, title, body, user, "User", (), "opened")
                    step(
                        f"triage #{number}",
                        partial(handle_issue, trigger, port, config, resolver, index, login),
                    )
                    out(f"#{number} by @{user}: {title}\n    {body}")
                for number in numbers:
                    out(heading(f"survey-bot's reply on #{number}"))
                    out(visible(github.comments(number)[-1]["body"]))

                new = numbers[1]
                out(heading(f"2. A maintainer accepts #{new}"))
                for text in COMMANDS:
                    comment = maintainer_says(github, new, text)
                    step(
                        f"{text} on #{new}",
                        partial(handle_comment, comment, port, config, resolver, index, login),
                    )
                    out(answer(github, comment))
            out(heading("3. The scheduled batch"))
            github_before = len(github.requests)
            outcome = run_batch(config, port, clone, bot_login=login)
            cost.append(("batch", len(github.requests) - github_before, Counter()))
            out(outcome.summary)
            pull = github.pull(outcome.pull) if outcome.pull else None
            if pull is not None:
                out(heading(f"Pull request #{pull['number']}: {pull['title']}"))
                out(visible(pull["body"] or ""))
                out(heading("Diff"))
                out(outcome.diff.rstrip("\n"))
            out(heading("Labels at the end"))
            out("\n".join(f"#{n}: {', '.join(github.labels(n)) or '(none)'}" for n in numbers))
            out(heading("What happened"))
            out(what_happened(cost))
        finally:
            port.close()


def maintainer_says(github: FakeGitHub, number: int, text: str) -> CommentCommand:
    """Post the maintainer's comment on the fake and build the event it would trigger."""
    comment = github.add_comment(number, text, user=MAINTAINER)
    issue = github.issue(number)
    return CommentCommand(
        issue_number=number,
        comment_id=int(comment["id"]),
        body=text,
        author_login=MAINTAINER,
        author_type="User",
        author_association="MEMBER",
        is_pull_request=False,
        issue_author_login=issue["user"]["login"],
        issue_labels=tuple(github.labels(number)),
    )


def answer(github: FakeGitHub, command: CommentCommand) -> str:
    """The command, the bot's reaction to it and its reply (or what the triage comment now says)."""
    reactions = github.reactions(comment_id=command.comment_id)
    lines = [
        f"@{MAINTAINER}: {command.body}",
        f"    reaction: {', '.join(r['content'] for r in reactions)}",
    ]
    later = [c for c in github.comments(command.issue_number) if c["id"] > command.comment_id]
    if later:
        lines += [
            "    reply:",
            *("      " + line for line in visible(later[-1]["body"]).splitlines()),
        ]
    else:
        triage = visible(github.comments(command.issue_number)[0]["body"])
        said = [line.strip() for line in triage.splitlines() if "**Accepted**" in line]
        lines += ["    no reply; the triage comment now says:", *("      " + line for line in said)]
    return "\n".join(lines)


def what_happened(cost: Sequence[tuple[str, int, Counter[str]]]) -> str:
    """One line per step: requests to the fake GitHub and to the metadata stand-in."""
    lines = []
    for name, github_requests, metadata in cost:
        services = ", ".join(f"{SERVICE_NAMES[s]} {n}" for s, n in sorted(metadata.items()))
        line = f"- {name}: {github_requests} requests to the fake GitHub"
        lines.append(line + (f"; metadata stand-in: {services}" if services else ""))
    total = sum((metadata for *_, metadata in cost), Counter())
    lines.append(
        f"Paper metadata came from the real resolver (bot.metadata), which made {total.total()} "
        "HTTP requests to the local stand-in of arXiv, Crossref, Semantic Scholar and dblp."
    )
    return "\n".join(lines)


def heading(text: str) -> str:
    return f"\n=== {text} " + "=" * max(3, 76 - len(text))


def visible(body: str) -> str:
    """A comment as a reader sees it: without the bot's hidden HTML comments."""
    lines = [line for line in body.splitlines() if not line.startswith("<!-- survey-bot:")]
    return "\n".join(lines).strip()


def main() -> int:
    run_demo()
    return 0


if __name__ == "__main__":
    sys.exit(main())
