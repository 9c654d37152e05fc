"""A local fake of api.github.com that only accepts what GitHub documents.

:class:`FakeGitHub` is a threaded ``http.server`` on 127.0.0.1 (ephemeral
port) that the real bot, through PyGithub, talks to over real HTTP::

    with FakeGitHub() as github:
        github.add_issue(title="Add our paper", body="arXiv:2308.09662", user="alice")
        port = connect(github.token, github.repo, github.base_url)   # bot.github
        ...
        assert github.comments(1)[0]["user"]["login"] == "survey-bot[bot]"
        github.assert_no_violations()

Every request goes through the same steps:

1. **Route**: method + path are matched to an operation of the bundled OpenAPI
   description (``spec.py``). No operation -> 404 ``Not Found``.
2. **Validate** path/query parameters and the JSON body against it. Invalid
   -> 404 (path), 400 ``Problems parsing JSON``, or 422 ``Validation Failed``
   with ``errors[]``, as GitHub answers.
3. **Authenticate**: ``Authorization: token|Bearer <token>`` mapped to a user
   (:meth:`FakeGitHub.add_token`); otherwise 401.
4. **Faults** injected with :meth:`FakeGitHub.inject` answer instead.
5. **Act** (``api.py``) on the in-memory state (``store.py``), answer
   GitHub-shaped JSON with ``X-RateLimit-*`` headers and, for lists,
   ``per_page``/``page`` pagination with ``Link`` URLs the fake serves.
6. **Check** the answer against the documented response schema.

Anything off-spec (unknown route, invalid request, undocumented query
parameter or body field, unimplemented operation, a response of the fake that
does not match the schema) is appended to :attr:`FakeGitHub.violations`, so a
test can assert that the bot made no off-spec request. Every request is
appended to :attr:`FakeGitHub.requests` for request-budget assertions.
"""

from __future__ import annotations

import json
import math
import re
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit

from . import api
from .faults import PRIMARY_MESSAGE, RATE_LIMIT_DOCS, Fault
from .spec import Operation, Problem, Spec, load_spec
from .store import (
    REACTIONS,
    ROLES,
    USER_TYPES,
    Comment,
    Issue,
    Pull,
    Reaction,
    Renderer,
    Repo,
    Store,
    timestamp,
)

BOT_LOGIN = "survey-bot[bot]"
BOT_TOKEN = "ghs_fakeSurveyBotToken0000000000000000"  # not a secret: the fake's own
DEFAULT_REPO = "octo-org/survey"
DOCS = "https://docs.github.com/rest"
# The longest a gated answer waits for its test (a test that never opens the gate fails, and
# does not hang the suite).
_GATE_TIMEOUT = 60.0


@dataclass(frozen=True)
class RecordedRequest:
    """One request the fake received, for request-budget assertions."""

    method: str
    path: str  # percent-decoded, no query
    query: dict[str, str]
    json: Any  # parsed body, or None
    status: int
    operation: str | None  # OpenAPI operationId, None for unknown routes
    fault: bool = False  # answered by an injected fault

    def __str__(self) -> str:
        query = f"?{urlencode(self.query)}" if self.query else ""
        return f"{self.method} {self.path}{query} -> {self.status}"


@dataclass(frozen=True)
class Violation:
    """A request (or an answer of the fake) that GitHub's description does not allow."""

    kind: str  # unknown-route, path, query, json, body, unknown-query, unknown-field, ...
    method: str
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.method} {self.path}: [{self.kind}] {self.message}"


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = False  # server_close() joins the request threads
    block_on_close = True
    allow_reuse_address = True
    app: FakeGitHub


class _Handler(BaseHTTPRequestHandler):
    server: _HTTPServer
    protocol_version = "HTTP/1.1"
    server_version = "GitHub.com"
    sys_version = ""
    timeout = 10

    def _serve(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        status, headers, payload = self.server.app.handle(
            self.command, self.path, dict(self.headers.items()), body
        )
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(payload)))
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(payload)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _serve

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass


class FakeGitHub:
    """The fake server, its state, seeding helpers, fault injection and logs.

    ``repo`` (``owner/name``) is created at once and is the default repository
    of every helper taking ``repo=None``; pass ``repo=None`` to start empty
    (e.g. to seed from a webhook payload's repository instead).
    """

    def __init__(
        self,
        repo: str | None = DEFAULT_REPO,
        *,
        bot_login: str = BOT_LOGIN,
        token: str = BOT_TOKEN,
        bot_permission: str = "write",
        check_responses: bool = True,
        html_base: str = "https://github.com",
        rate_limit: int = 5000,
    ) -> None:
        self.spec: Spec = load_spec()
        self.store = Store()
        self.bot_login = bot_login
        self.token = token
        self.check_responses = check_responses
        self.rate_limit = rate_limit
        self.rate_limit_reset = int(time.time()) + 3600
        self.requests: list[RecordedRequest] = []
        self.violations: list[Violation] = []
        self.faults: list[Fault] = []
        self._tokens: dict[str, str] = {}
        self._used: dict[str, int] = {}
        self._lock = threading.RLock()
        self._stopping = threading.Event()
        self._httpd = _HTTPServer(("127.0.0.1", 0), _Handler)
        self._httpd.app = self
        self._thread: threading.Thread | None = None
        self.base_url = f"http://127.0.0.1:{self._httpd.server_address[1]}"
        self.render = Renderer(self.store, self.base_url, html_base)
        self._default_repo: str | None = None
        self.add_user(bot_login, type="Bot")
        self.add_token(token, bot_login)
        if repo is not None:
            self.add_repo(repo)
            self.set_permission(bot_login, bot_permission)

    # -- lifecycle -----------------------------------------------------------

    def start(self) -> FakeGitHub:
        if self._thread is None:
            self._thread = threading.Thread(
                target=self._httpd.serve_forever,
                kwargs={"poll_interval": 0.01},
                name=f"fake-github-{self.base_url}",
            )
            self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving, wait for in-flight requests, release the port."""
        self._stopping.set()
        if self._thread is not None:
            self._httpd.shutdown()
            self._thread.join()
            self._thread = None
        self._httpd.server_close()

    def __enter__(self) -> FakeGitHub:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    @property
    def repo(self) -> str:
        """``owner/name`` of the default repository."""
        if self._default_repo is None:
            raise LookupError("the fake has no repository yet: call add_repo() first")
        return self._default_repo

    # -- the request pipeline ------------------------------------------------

    def handle(
        self, method: str, target: str, headers: Mapping[str, str], body: bytes
    ) -> tuple[int, dict[str, str], bytes]:
        """Answer one request (what the HTTP handler calls; usable without sockets)."""
        method = method.upper()
        split = urlsplit(target)
        raw_path = split.path
        path = unquote(raw_path)
        pairs = parse_qsl(split.query, keep_blank_values=True)
        query: dict[str, list[str]] = {}
        for key, value in pairs:
            query.setdefault(key, []).append(value)
        logged_json = _loads(body)

        def finish(
            status: int,
            payload: Any,
            extra: Mapping[str, str] | None = None,
            operation: Operation | None = None,
            fault: bool = False,
        ) -> tuple[int, dict[str, str], bytes]:
            record = RecordedRequest(
                method,
                path,
                {k: v[-1] for k, v in query.items()},
                logged_json,
                status,
                operation.operation_id if operation else None,
                fault,
            )
            with self._lock:
                self.requests.append(record)
            return self._encode(status, payload, extra or {}, viewer)

        viewer = self._authenticate(headers)
        route = self.spec.match(method, raw_path)
        if route is None:
            documented = self.spec.path_exists(raw_path)
            hint = f" (documented: {', '.join(documented)})" if documented else ""
            self._violate("unknown-route", method, path, f"no documented operation{hint}")
            return finish(404, _error(api.NOT_FOUND, DOCS))
        operation, raw_params = route
        checked = self.spec.check_request(operation, raw_params, query, body)
        for problem in checked.problems:
            self._violate(problem.kind, method, path, problem.message)

        if viewer is None:
            message = (
                "Requires authentication"
                if not headers_get(headers, "Authorization")
                else "Bad credentials"
            )
            return finish(401, _error(message, DOCS), operation=operation)
        rejected = checked.rejected
        if rejected is not None:
            status, payload = _rejection(rejected, operation, checked.problems)
            return finish(status, payload, operation=operation)

        with self._lock:
            counted = operation.operation_id != "rate-limit/get"  # free, as on GitHub
            self._used[viewer] = self._used.get(viewer, 0) + counted
            exhausted = counted and self._used[viewer] > self.rate_limit
            fault = next((f for f in self.faults if f.matches(method, path)), None)
            if fault is not None:
                fault.hits += 1
        if exhausted:
            return finish(
                403,
                {"message": PRIMARY_MESSAGE, "documentation_url": RATE_LIMIT_DOCS},
                operation=operation,
            )
        if fault is not None and not fault.after:
            faulty = finish(fault.status, fault.answer_body(), fault.headers, operation, fault=True)
            return self._late(fault, faulty)

        reply = self._dispatch(operation, checked.path_params, checked.query, checked.body, viewer)
        answer = reply.body
        link = None
        if reply.paginate and isinstance(answer, list):
            answer, link = self._paginate(answer, raw_path, pairs, checked.query)
        if self.check_responses:
            for message in self.spec.check_response(operation, reply.status, answer):
                self._violate("response", method, path, message)
        if fault is not None:  # after=True: the fake acted, the client sees a failure
            faulty = finish(fault.status, fault.answer_body(), fault.headers, operation, fault=True)
            return self._late(fault, faulty)
        extra = dict(reply.headers)
        if link:
            extra["Link"] = link
        return finish(reply.status, answer, extra, operation)

    def _late(
        self, fault: Fault, answer: tuple[int, dict[str, str], bytes]
    ) -> tuple[int, dict[str, str], bytes]:
        """``answer``, after the fault's delay. The request is logged before the delay, when
        the fake acted on it: a test that clears the log once its client gave up does not
        find it logged afterwards."""
        if fault.gate is not None:
            fault.gate.wait(_GATE_TIMEOUT)
        self._stopping.wait(fault.delay)
        return answer

    def _authenticate(self, headers: Mapping[str, str]) -> str | None:
        value = headers_get(headers, "Authorization") or ""
        scheme, _, token = value.strip().partition(" ")
        if scheme.lower() not in ("token", "bearer"):
            return None
        return self._tokens.get(token.strip())

    def _dispatch(
        self,
        operation: Operation,
        params: dict[str, Any],
        query: dict[str, Any],
        body: Any,
        viewer: str,
    ) -> api.Reply:
        if operation.operation_id == "rate-limit/get":
            return api.Reply(body=self._rate_limit_overview(viewer))
        handler = api.HANDLERS.get(operation.operation_id)
        if handler is None:
            message = f"{operation.operation_id} is not implemented by the fake GitHub"
            self._violate("unimplemented", operation.method, operation.template, message)
            return api.Reply(501, _error(message, operation.documentation_url))
        call = api.Call(self.store, self.render, viewer, params, query, body, timestamp())
        try:
            with self._lock:
                return handler(call)
        except api.ApiError as error:
            payload = _error(error.message, operation.documentation_url)
            if error.errors is not None:
                payload["errors"] = error.errors
            return api.Reply(error.status, payload)

    def _paginate(
        self,
        items: list[Any],
        raw_path: str,
        pairs: list[tuple[str, str]],
        query: Mapping[str, Any],
    ) -> tuple[list[Any], str | None]:
        per_page = min(max(int(query.get("per_page", 30)), 1), 100)
        page = max(int(query.get("page", 1)), 1)
        last = max(math.ceil(len(items) / per_page), 1)
        chunk = items[(page - 1) * per_page : page * per_page]

        def url(number: int) -> str:
            kept = [(k, v) for k, v in pairs if k != "page"] + [("page", str(number))]
            return f"{self.base_url}{raw_path}?{urlencode(kept)}"

        links: list[tuple[str, int]] = []
        if page > 1:
            links.append(("prev", min(page - 1, last)))
        if page < last:
            links += [("next", page + 1), ("last", last)]
        if page > 1:
            links.append(("first", 1))
        header = ", ".join(f'<{url(n)}>; rel="{rel}"' for rel, n in links)
        return chunk, header or None

    def _rate_limit_overview(self, viewer: str) -> dict[str, Any]:
        used = self._used.get(viewer, 0)
        core = {
            "limit": self.rate_limit,
            "used": used,
            "remaining": max(self.rate_limit - used, 0),
            "reset": self.rate_limit_reset,
        }
        search = {"limit": 30, "used": 0, "remaining": 30, "reset": self.rate_limit_reset}
        return {"resources": {"core": core, "search": search}, "rate": core}

    def _encode(
        self, status: int, payload: Any, extra: Mapping[str, str], viewer: str | None
    ) -> tuple[int, dict[str, str], bytes]:
        used = self._used.get(viewer or "", 0)
        headers = {
            "Content-Type": "application/json; charset=utf-8",
            "X-GitHub-Media-Type": "github.v3; format=json",
            "X-GitHub-Api-Version-Selected": "2022-11-28",
            "X-GitHub-Request-Id": f"FAKE:{len(self.requests):08X}",
            "X-RateLimit-Limit": str(self.rate_limit),
            "X-RateLimit-Remaining": str(max(self.rate_limit - used, 0)),
            "X-RateLimit-Used": str(used),
            "X-RateLimit-Reset": str(self.rate_limit_reset),
            "X-RateLimit-Resource": "core",
        }
        if payload is None:
            data = b""
            del headers["Content-Type"]
        elif isinstance(payload, bytes):
            data = payload
            headers["Content-Type"] = "application/octet-stream"
        elif isinstance(payload, str):
            data = payload.encode()
            headers["Content-Type"] = "text/html; charset=utf-8"
        else:
            data = json.dumps(payload).encode()
        headers.update(extra)
        return status, headers, data

    def _violate(self, kind: str, method: str, path: str, message: str) -> None:
        with self._lock:
            self.violations.append(Violation(kind, method, path, message))

    # -- logs ------------------------------------------------------------------

    def assert_no_violations(self) -> None:
        """Raise ``AssertionError`` listing every off-spec request seen so far."""
        if self.violations:
            listing = "\n  ".join(str(v) for v in self.violations)
            raise AssertionError(f"off-spec GitHub requests:\n  {listing}")

    def count(self, method: str | None = None, path: str | None = None) -> int:
        """How many requests matched ``method`` and the ``path`` regex (searched)."""
        return len(self.matching(method, path))

    def matching(self, method: str | None = None, path: str | None = None) -> list[RecordedRequest]:
        pattern = re.compile(path) if path is not None else None
        return [
            r
            for r in list(self.requests)
            if (method is None or r.method == method.upper())
            and (pattern is None or pattern.search(r.path))
        ]

    def reset_log(self) -> None:
        """Forget logged requests (not violations): count only what follows."""
        with self._lock:
            self.requests.clear()

    # -- faults ----------------------------------------------------------------

    def inject(
        self,
        method: str | None,
        path: str,
        status: int = 502,
        *,
        times: int | None = 1,
        delay: float = 0.0,
        headers: Mapping[str, str] | None = None,
        body: Any = None,
        after: bool = False,
        gate: threading.Event | None = None,
    ) -> Fault:
        """Answer the next ``times`` matching requests with ``status`` instead.

        ``path`` is a regex searched in the percent-decoded path; ``method``
        ``None`` matches any method. See ``faults.py`` for rate-limit shapes.
        """
        fault = Fault(
            method=method,
            path=re.compile(path),
            status=status,
            times=times,
            delay=delay,
            headers=dict(headers or {}),
            body=body,
            after=after,
            gate=gate,
        )
        with self._lock:
            self.faults.append(fault)
        return fault

    def clear_faults(self) -> None:
        with self._lock:
            self.faults.clear()

    # -- seeding ---------------------------------------------------------------

    def _repo(self, repo: str | None) -> Repo:
        full = repo or self.repo
        owner, _, name = full.partition("/")
        found = self.store.repo(owner, name)
        if found is None:
            raise LookupError(f"the fake has no repository {full!r}")
        return found

    def add_token(self, token: str, login: str) -> None:
        """Requests with ``token`` act as ``login``."""
        with self._lock:
            self.store.ensure_user(login)
            self._tokens[token] = login

    def add_user(
        self,
        login: str,
        name: str | None = None,
        *,
        type: str | None = None,
        email: str | None = None,
        permission: str | None = None,
        repo: str | None = None,
    ) -> dict[str, Any]:
        """Create (or update) a user; ``permission`` makes them a collaborator."""
        if type is not None and type not in USER_TYPES:
            raise ValueError(f"user type must be one of {USER_TYPES}, not {type!r}")
        with self._lock:
            user = self.store.ensure_user(login, type=type, name=name)
            if type is not None:
                user.type = type
            if email is not None:
                user.email = email
            if permission is not None:
                self.set_permission(login, permission, repo=repo)
            return self.render.public_user(login)

    def set_permission(self, login: str, permission: str, *, repo: str | None = None) -> None:
        """Collaborator role: admin, maintain, write, triage, read or none."""
        if permission not in ROLES:
            raise ValueError(f"permission must be one of {ROLES}, not {permission!r}")
        with self._lock:
            self.store.ensure_user(login)
            self._repo(repo).collaborators[login.lower()] = permission

    def add_repo(
        self,
        full_name: str,
        *,
        default_branch: str = "main",
        private: bool = False,
        description: str | None = None,
        id: int | None = None,
        owner_type: str = "User",
        git_dir: str | Path | None = None,
    ) -> dict[str, Any]:
        """Create a repository (the first one becomes the default).

        Its default branch gets a commit sha, unless ``git_dir`` links the
        repository's refs to a real git repository (see :meth:`link_git`).
        """
        owner, sep, name = full_name.partition("/")
        if not sep or not owner or not name or "/" in name:
            raise ValueError(f"repository must be 'owner/name', not {full_name!r}")
        with self._lock:
            if self.store.repo(owner, name) is not None:
                raise ValueError(f"repository {full_name!r} already exists")
            self.store.ensure_user(owner, type=owner_type)
            repo = Repo(
                id=id if id is not None else self.store.next_id("repo"),
                owner=owner,
                name=name,
                default_branch=default_branch,
                private=private,
                description=description,
            )
            self.store.repos[full_name.lower()] = repo
            if git_dir is not None:
                self.store.link_git(repo, Path(git_dir))
            else:
                repo.refs[f"refs/heads/{default_branch}"] = self.store.new_sha()
            if self._default_repo is None:
                self._default_repo = repo.full_name
            return self.render.full_repository(repo)

    def link_git(self, git_dir: str | Path, *, repo: str | None = None) -> None:
        """Serve the repository's refs from a real git repository (e.g. a bare origin).

        Branches the bot pushes with git then exist for ``POST /pulls``, and
        ref writes through the API run ``git update-ref`` there.
        """
        with self._lock:
            self.store.link_git(self._repo(repo), Path(git_dir))

    def set_ref(self, branch: str, sha: str | None = None, *, repo: str | None = None) -> str:
        """Point ``refs/heads/<branch>`` (or a full ``refs/...`` name) at ``sha``."""
        name = branch if branch.startswith("refs/") else f"refs/heads/{branch}"
        with self._lock:
            sha = sha or self.store.new_sha()
            self.store.set_ref(self._repo(repo), name, sha)
            return sha

    def add_issue(
        self,
        title: str = "Please add our paper",
        body: str | None = "",
        *,
        user: str = "octocat",
        labels: tuple[str, ...] | list[str] = (),
        state: str = "open",
        state_reason: str | None = None,
        number: int | None = None,
        author_association: str | None = None,
        created_at: str | None = None,
        repo: str | None = None,
    ) -> dict[str, Any]:
        """Create an issue as ``user`` (created if unknown); returns GET-issue JSON."""
        with self._lock:
            r = self._repo(repo)
            self.store.ensure_user(user)
            number = number if number is not None else self.store.issue_number(r)
            if number in r.issues:
                raise ValueError(f"#{number} already exists in {r.full_name}")
            when = created_at or timestamp()
            issue = Issue(
                id=self.store.next_id("issue"),
                number=number,
                title=title,
                body=body,
                user=user,
                created_at=when,
                updated_at=when,
                author_association=author_association or self.store.association(r, user),
            )
            if state == "closed":
                issue.state, issue.closed_at = "closed", when
                issue.state_reason = state_reason or "completed"
            r.issues[number] = issue
            self.store.add_labels(r, issue, list(labels))
            return self.render.issue(r, issue)

    def edit_issue(
        self,
        number: int,
        *,
        body: str | None = None,
        state: str | None = None,
        repo: str | None = None,
    ) -> dict[str, Any]:
        """Edit issue ``number`` as a person in the web interface would (a tick in its body,
        closing it); returns GET-issue JSON."""
        with self._lock:
            r = self._repo(repo)
            issue = r.issues.get(number)
            if issue is None:
                raise LookupError(f"no issue #{number} in {r.full_name}")
            when = timestamp()
            if body is not None:
                issue.body = body
            if state == "closed" and issue.state != "closed":
                issue.state, issue.closed_at, issue.state_reason = "closed", when, "completed"
            elif state == "open":
                issue.state, issue.closed_at, issue.state_reason = "open", None, "reopened"
            issue.updated_at = when
            return self.render.issue(r, issue)

    def add_comment(
        self,
        number: int,
        body: str,
        *,
        user: str = "octocat",
        created_at: str | None = None,
        author_association: str | None = None,
        id: int | None = None,
        repo: str | None = None,
    ) -> dict[str, Any]:
        """Comment on issue/PR ``number`` as ``user``; returns GET-comment JSON."""
        with self._lock:
            r = self._repo(repo)
            issue = r.issues.get(number)
            if issue is None:
                raise LookupError(f"no issue #{number} in {r.full_name}")
            self.store.ensure_user(user)
            when = created_at or timestamp()
            comment = Comment(
                id=id if id is not None else self.store.next_id("comment"),
                issue_number=number,
                body=body,
                user=user,
                created_at=when,
                updated_at=when,
                author_association=author_association or self.store.association(r, user),
            )
            self.store.comments[comment.id] = (r, comment)
            return self.render.comment(r, comment)

    def add_reaction(
        self,
        content: str,
        *,
        user: str = "octocat",
        number: int | None = None,
        comment_id: int | None = None,
        repo: str | None = None,
    ) -> dict[str, Any]:
        """React to issue ``number`` or to comment ``comment_id``."""
        if content not in REACTIONS:
            raise ValueError(f"reaction must be one of {REACTIONS}, not {content!r}")
        with self._lock:
            target = self._reactions(number, comment_id, repo)
            self.store.ensure_user(user)
            reaction = Reaction(self.store.next_id("reaction"), content, user, timestamp())
            target.append(reaction)
            return self.render.reaction(reaction)

    def add_pull(
        self,
        title: str,
        head: str,
        base: str | None = None,
        body: str | None = "",
        *,
        user: str | None = None,
        state: str = "open",
        merged: bool = False,
        repo: str | None = None,
    ) -> dict[str, Any]:
        """Open (or record a closed/merged) PR from branch ``head``; creates the branch."""
        with self._lock:
            r = self._repo(repo)
            base = base or r.default_branch
            head_sha = self.store.branch_sha(r, head) or self.set_ref(head, repo=r.full_name)
            base_sha = self.store.branch_sha(r, base) or self.set_ref(base, repo=r.full_name)
            author = user or self.bot_login
            when = timestamp()
            issue = Issue(
                id=self.store.next_id("issue"),
                number=self.store.issue_number(r),
                title=title,
                body=body,
                user=author,
                created_at=when,
                updated_at=when,
                author_association=self.store.association(r, author),
                pull=Pull(self.store.next_id("pull"), head, base, head_sha, base_sha),
            )
            r.issues[issue.number] = issue
            if merged:
                self._merge(r, issue, by=r.owner)
            elif state == "closed":
                issue.state, issue.closed_at = "closed", when
            return self.render.pull(r, issue)

    def merge_pull(
        self, number: int, *, by: str | None = None, repo: str | None = None
    ) -> dict[str, Any]:
        """Merge PR ``number`` as a maintainer would (base moves to the head sha)."""
        with self._lock:
            r = self._repo(repo)
            issue = r.issues.get(number)
            if issue is None or issue.pull is None:
                raise LookupError(f"no pull request #{number} in {r.full_name}")
            self._merge(r, issue, by=by or r.owner)
            return self.render.pull(r, issue)

    def _merge(self, repo: Repo, issue: Issue, *, by: str) -> None:
        pull = issue.pull
        assert pull is not None
        when = timestamp()
        head_sha = self.store.branch_sha(repo, pull.head) or pull.head_sha
        pull.merged, pull.merged_at, pull.merged_by = True, when, by
        pull.merge_commit_sha = pull.head_sha = head_sha
        issue.state, issue.closed_at, issue.closed_by, issue.updated_at = "closed", when, by, when
        if repo.git_dir is None:
            self.store.set_ref(repo, f"refs/heads/{pull.base}", head_sha)
        if pull.base == repo.default_branch:
            # GitHub closes the issues the body names with a closing keyword ("Closes #12").
            for number in map(int, _CLOSING.findall(issue.body or "")):
                closed = repo.issues.get(number)
                if closed is not None and closed.pull is None and closed.state == "open":
                    closed.state, closed.state_reason = "closed", "completed"
                    closed.closed_at, closed.closed_by, closed.updated_at = when, by, when

    # -- webhook payloads --------------------------------------------------------

    def add_issue_from_webhook(
        self, issue: Mapping[str, Any], *, repository: Mapping[str, Any] | None = None
    ) -> dict[str, Any]:
        """Recreate a webhook payload's ``issue`` object (number, ids, labels, author...)."""
        with self._lock:
            r = self._repo_from_webhook(repository)
            user = issue.get("user") or {"login": "ghost", "type": "User"}
            self.store.ensure_user(str(user["login"]), type=user.get("type"))
            for label in issue.get("labels") or []:
                found = self.store.ensure_label(r, str(label["name"]))
                found.color = str(label.get("color") or found.color)
                found.description = label.get("description")
            when = str(issue.get("created_at") or timestamp())
            record = Issue(
                id=int(issue.get("id") or self.store.next_id("issue")),
                number=int(issue["number"]),
                title=str(issue.get("title") or ""),
                body=issue.get("body"),
                user=str(user["login"]),
                created_at=when,
                updated_at=str(issue.get("updated_at") or when),
                author_association=str(issue.get("author_association") or "NONE"),
                labels=[str(label["name"]) for label in issue.get("labels") or []],
                state=str(issue.get("state") or "open"),
                state_reason=issue.get("state_reason"),
                closed_at=issue.get("closed_at"),
                locked=bool(issue.get("locked", False)),
            )
            r.issues[record.number] = record
            return self.render.issue(r, record)

    def add_comment_from_webhook(
        self,
        comment: Mapping[str, Any],
        number: int,
        *,
        repository: Mapping[str, Any] | None = None,
    ) -> dict[str, Any]:
        """Recreate a webhook payload's ``comment`` (same id) on issue ``number``."""
        with self._lock:
            r = self._repo_from_webhook(repository)
            user = comment.get("user") or {"login": "ghost", "type": "User"}
            self.store.ensure_user(str(user["login"]), type=user.get("type"))
            return self.add_comment(
                number,
                str(comment.get("body") or ""),
                user=str(user["login"]),
                created_at=comment.get("created_at"),
                author_association=comment.get("author_association"),
                id=int(comment["id"]) if comment.get("id") else None,
                repo=r.full_name,
            )

    def seed_event(self, payload: Mapping[str, Any]) -> dict[str, Any]:
        """Seed what an ``issues``/``issue_comment`` webhook payload describes.

        Creates the repository (if new), the issue, and the comment if any;
        returns ``{"issue": ..., "comment": ...}`` as GET JSON.
        """
        repository = payload.get("repository")
        out: dict[str, Any] = {}
        if "issue" in payload:
            out["issue"] = self.add_issue_from_webhook(payload["issue"], repository=repository)
            if "comment" in payload:
                out["comment"] = self.add_comment_from_webhook(
                    payload["comment"], int(payload["issue"]["number"]), repository=repository
                )
        return out

    def _repo_from_webhook(self, repository: Mapping[str, Any] | None) -> Repo:
        if repository is None:
            return self._repo(None)
        full = str(repository["full_name"])
        owner, _, name = full.partition("/")
        found = self.store.repo(owner, name)
        if found is None:
            owner_info = repository.get("owner") or {}
            self.add_repo(
                full,
                default_branch=str(repository.get("default_branch") or "main"),
                private=bool(repository.get("private", False)),
                description=repository.get("description"),
                id=repository.get("id"),
                owner_type=str(owner_info.get("type") or "User"),
            )
            found = self.store.repo(owner, name)
            assert found is not None
            self.set_permission(self.bot_login, "write", repo=full)
        return found

    # -- inspection (GET-shaped JSON, for assertions) -----------------------------

    def issue(self, number: int, *, repo: str | None = None) -> dict[str, Any]:
        with self._lock:
            r = self._repo(repo)
            return self.render.issue(r, r.issues[number])

    def issues(self, *, repo: str | None = None) -> list[dict[str, Any]]:
        with self._lock:
            r = self._repo(repo)
            return [self.render.issue(r, i) for _, i in sorted(r.issues.items())]

    def comments(self, number: int, *, repo: str | None = None) -> list[dict[str, Any]]:
        with self._lock:
            r = self._repo(repo)
            found = [
                c for rr, c in self.store.comments.values() if rr is r and c.issue_number == number
            ]
            return [self.render.comment(r, c) for c in sorted(found, key=lambda c: c.id)]

    def labels(self, number: int, *, repo: str | None = None) -> list[str]:
        with self._lock:
            return list(self._repo(repo).issues[number].labels)

    def repo_labels(self, *, repo: str | None = None) -> list[dict[str, Any]]:
        with self._lock:
            r = self._repo(repo)
            names = sorted((label.name for label in r.labels.values()), key=str.lower)
            return [self.render.label(r, name) for name in names]

    def reactions(
        self, *, number: int | None = None, comment_id: int | None = None, repo: str | None = None
    ) -> list[dict[str, Any]]:
        with self._lock:
            return [self.render.reaction(x) for x in self._reactions(number, comment_id, repo)]

    def _reactions(
        self, number: int | None, comment_id: int | None, repo: str | None
    ) -> list[Reaction]:
        r = self._repo(repo)
        if (number is None) == (comment_id is None):
            raise ValueError("give exactly one of number= or comment_id=")
        if number is not None:
            return r.issues[number].reactions
        found = self.store.comments.get(int(comment_id or 0))
        if found is None or found[0] is not r:
            raise LookupError(f"no comment {comment_id} in {r.full_name}")
        return found[1].reactions

    def pull(self, number: int, *, repo: str | None = None) -> dict[str, Any]:
        with self._lock:
            r = self._repo(repo)
            return self.render.pull(r, r.issues[number])

    def pulls(self, *, repo: str | None = None) -> list[dict[str, Any]]:
        with self._lock:
            r = self._repo(repo)
            return [self.render.pull(r, i) for _, i in sorted(r.issues.items()) if i.pull]

    def refs(self, *, repo: str | None = None) -> dict[str, str]:
        with self._lock:
            return self.store.refs(self._repo(repo))


#: A closing keyword and an issue of the same repository, as GitHub reads them on merge.
_CLOSING = re.compile(
    r"(?i)\b(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?)\b:?[ \t]+#(\d+)\b"
)


def headers_get(headers: Mapping[str, str], name: str) -> str | None:
    for key, value in headers.items():
        if key.lower() == name.lower():
            return value
    return None


def _loads(body: bytes) -> Any:
    if not body:
        return None
    try:
        return json.loads(body)
    except ValueError:
        return None


def _error(message: str, documentation_url: str) -> dict[str, Any]:
    return {"message": message, "documentation_url": documentation_url}


_RESOURCES = (
    ("comment", "IssueComment"),
    ("label", "Label"),
    ("reaction", "Reaction"),
    ("issues/", "Issue"),
    ("pulls/", "PullRequest"),
    ("git/", "Reference"),
    ("repos/", "Repository"),
    ("users/", "User"),
)


def _resource(operation: Operation) -> str:
    for needle, name in _RESOURCES:
        if needle in operation.operation_id:
            return name
    return "Request"


def _rejection(
    rejected: Problem, operation: Operation, problems: list[Problem]
) -> tuple[int, dict[str, Any]]:
    """GitHub's answer to an invalid request: 404, 400 or 422 ``Validation Failed``."""
    docs = operation.documentation_url
    if rejected.kind == "path":
        return 404, _error(api.NOT_FOUND, docs)
    if rejected.kind == "json":
        return 400, _error("Problems parsing JSON", docs)
    errors = []
    for problem in problems:
        if problem.kind != rejected.kind:
            continue
        error: dict[str, Any] = {"resource": _resource(operation), "code": problem.code}
        if problem.field:
            error["field"] = problem.field
        if problem.value is not None:
            error["value"] = problem.value
        error["message"] = problem.message
        errors.append(error)
    return 422, {"message": "Validation Failed", "errors": errors, "documentation_url": docs}
