"""The real GitHub behind :class:`~bot.github.port.GitHubPort`: the only module importing PyGithub.

No PyGithub object ever leaves this module.
:class:`PyGithubPort`, built by :func:`connect`: PyGithub's ``Requester``
  does the HTTP (auth, ``seconds_between_requests``/``seconds_between_writes``
  throttling, retries). Each method is one documented REST call made directly
  (no lazy-object completion behind the scenes), so its cost is known:

  ========================  =========================================
  method                    REST requests
  ========================  =========================================
  issue_comments            1 per 100 comments
  comments_of               1 per 100 comments since the oldest issue, or
                            issue_comments for each issue, whichever is fewer
  comment                   1
  create_comment            1
  edit_comment              1
  add_labels                1 (0 for no labels)
  remove_label              1
  react_to_comment          1
  permission                1 (cached per login)
  open_issues               1 per 100 issues
  issue                     1
  find_pull                 1
  recent_pulls              1
  create_pull               1
  edit_pull                 1
  default_branch            1 (cached)
  edit_issue                1 (state and labels at once)
  delete_comment            1
  ========================  =========================================

  Retries add requests only when GitHub fails.


Pacing (:mod:`bot.github.pacing`): no pause for the few requests of a triage
or a command, GitHub's documented spacing for long runs of writes, and the
rate-limit headers honoured.


Retries, and why no comment is ever posted twice
------------------------------------------------
Transient failures are retried at most ``retries`` times, waiting between
attempts as GitHub asks (``Retry-After``; ``x-ratelimit-reset`` when
``x-ratelimit-remaining`` is 0; one minute for a secondary limit that names no
wait; exponential backoff for 5xx), but never longer than ``max_wait`` seconds
per wait, so a run's worst case is bounded (tests set ``max_wait`` to a few
milliseconds). What is retried depends on whether a repeat could act twice:

* GET, PUT, PATCH and DELETE set absolute state, so repeating them is
  harmless: 5xx, 429, rate-limited 403 and lost connections are retried by
  PyGithub's ``GithubRetry`` (urllib3) with the bounds above.
* A POST is retried *by urllib3* only on answers that prove GitHub did not act:
  a 403/429 rate-limit rejection. A 5xx, a reset connection or a read timeout
  on a POST proves nothing (GitHub sometimes creates the comment and still
  answers 502), so those are handled here instead:

  - POSTs that are idempotent by GitHub's own rules (adding labels, adding a
    reaction: GitHub answers 200 "already exists") are simply sent again;
  - POSTs that create something (:meth:`PyGithubPort.create_comment`,
    :meth:`PyGithubPort.create_pull`) first look for what the failed attempt
    may have created (a comment on that issue with exactly the same body,
    created since the first attempt, give or take ``CLOCK_SKEW``; an open pull
    request from that head branch: GitHub allows only one) and return it if
    found; only otherwise is the POST sent again. That costs one extra GET,
    and only when a POST failed.

Callers add the last layer: they are expected to be idempotent by
construction, searching the issue (``issue_comments``) for the bot's marker
before posting and editing that comment instead of adding a second one, which
also covers a run that dies between two requests.

Permanent errors (401, a 403 that is not a rate limit, 404 on a write, 422...)
and failures that outlast the retries raise :class:`bot.errors.GitHubError`
with one line: method, path, status and GitHub's message.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from types import TracebackType
from typing import Any, TypeVar
from urllib.parse import quote, urlsplit

import requests
from github import Auth, Github, GithubException, GithubRetry
from typing_extensions import Self
from urllib3 import HTTPResponse
from urllib3.connectionpool import ConnectionPool
from urllib3.exceptions import InvalidHeader, MaxRetryError, ResponseError

from bot import __version__
from bot.errors import GitHubError
from bot.github import rest
from bot.github.pacing import (
    DEFAULT_SECONDS_BETWEEN_REQUESTS,
    DEFAULT_SECONDS_BETWEEN_WRITES,
    DEFAULT_UNPACED_WRITES,
    Pacing,
)
from bot.github.port import Comment, IssueData, PullData, issue_edit, pick_pull, reaction

DEFAULT_BASE_URL = "https://api.github.com"
PER_PAGE = 100
#: Tolerated difference between our clock and GitHub's when matching timestamps.
CLOCK_SKEW = 60.0

T = TypeVar("T")
log = logging.getLogger(__name__)


class RetryPolicy(GithubRetry):
    """PyGithub's ``GithubRetry`` with bounded waits and POSTs retried only when safe.

    * GET/PUT/PATCH/DELETE: 5xx, 429 and rate-limited 403 are retried;
    * POST: only 403/429 rate-limit rejections (GitHub did not act);
    * every wait honours ``Retry-After`` / ``x-ratelimit-reset`` but is capped
      at ``max_wait`` seconds, and goes through ``sleep`` (injectable);
    * when retries run out, the last answer is returned to PyGithub (which
      raises it as a ``GithubException``) instead of urllib3's ``RetryError``.
    """

    def __init__(
        self,
        *,
        max_wait: float = 60.0,
        sleep: Callable[[float], None] = time.sleep,
        **kwargs: Any,
    ) -> None:
        self.max_wait = max_wait
        self.sleep_function = sleep
        kwargs.setdefault("allowed_methods", frozenset({"GET", "HEAD", "PUT", "PATCH", "DELETE"}))
        kwargs.setdefault("status_forcelist", [*range(500, 600), 429])  # GithubRetry adds 403
        kwargs.setdefault("raise_on_status", False)
        super().__init__(**kwargs)

    def new(self, **kw: Any) -> RetryPolicy:
        kw.update(max_wait=self.max_wait, sleep=self.sleep_function)
        return super().new(**kw)

    def increment(
        self,
        method: str | None = None,
        url: str | None = None,
        response: HTTPResponse | None = None,  # type: ignore[override]
        error: Exception | None = None,
        _pool: ConnectionPool | None = None,
        _stacktrace: TracebackType | None = None,
    ) -> Self:
        if response is not None and error is None and self.total is not None and self.total <= 0:
            # Out of retries: hand GitHub's answer back untouched (GithubRetry would
            # read the body of a 403 to classify it, and PyGithub would then see none).
            reason = ResponseError(f"{response.status} after retries")
            raise MaxRetryError(_pool, url, reason)  # type: ignore[arg-type]
        retry = super().increment(method, url, response, error, _pool, _stacktrace)
        assert isinstance(retry, RetryPolicy)
        return retry  # type: ignore[return-value]

    def is_retry(self, method: str, status_code: int, has_retry_after: bool = False) -> bool:
        if method.upper() == "POST":
            return bool(self.total) and status_code in (403, 429)
        return super().is_retry(method, status_code, has_retry_after)

    def wanted_wait(self, response: Any = None) -> float:
        """Seconds GitHub asks us to wait before retrying after ``response``."""
        if response is not None:
            try:
                retry_after = self.get_retry_after(response)
            except InvalidHeader:
                retry_after = None
            if retry_after is not None:
                return retry_after
            headers = response.headers
            if response.status in (403, 429) and headers.get("X-RateLimit-Remaining") == "0":
                reset = str(headers.get("X-RateLimit-Reset", ""))
                if reset.isdigit():
                    return max(int(reset) - time.time(), 0.0) + 1.0
            if response.status == 429:
                return float(self.secondary_rate_wait)
        return self.get_backoff_time()

    def sleep(self, response: Any = None) -> None:
        wanted = self.wanted_wait(response)
        wait = min(wanted, self.max_wait)
        status = getattr(response, "status", None)
        log.info("GitHub answered %s; retrying in %.2f s (asked: %.2f s)", status, wait, wanted)
        if wait > 0:
            self.sleep_function(wait)


class _Ambiguous(Exception):
    """A POST failed in a way that does not tell whether GitHub acted."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def connect(
    token: str,
    repository: str,
    base_url: str = DEFAULT_BASE_URL,
    *,
    seconds_between_requests: float = DEFAULT_SECONDS_BETWEEN_REQUESTS,
    seconds_between_writes: float = DEFAULT_SECONDS_BETWEEN_WRITES,
    unpaced_writes: int = DEFAULT_UNPACED_WRITES,
    retries: int = 3,
    max_wait: float = 60.0,
    backoff: float = 1.0,
    timeout: int = 15,
    sleep: Callable[[float], None] = time.sleep,
) -> PyGithubPort:
    """A :class:`PyGithubPort` for ``repository`` (``owner/name``).

    ``seconds_between_requests`` is a pause before every request (default none),
    ``seconds_between_writes`` the spacing of writes after the first
    ``unpaced_writes`` of a run (see ``bot.github.pacing``; tests use 0). ``retries``
    bounds the attempts after the first, ``max_wait`` every single wait,
    ``backoff`` is the exponential factor for 5xx; ``sleep`` waits (tests may
    record instead). See the module docstring for what is retried.
    """
    if not token:
        raise GitHubError("no GitHub token: set GITHUB_TOKEN (or pass --token)")
    if not re.fullmatch(r"[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+", repository):
        raise GitHubError(f"repository must look like 'owner/name', not {repository!r}")
    # PyGithub prints its retry chatter (INFO, own handler); RetryPolicy logs one line instead.
    logging.getLogger("github.GithubRetry").setLevel(logging.WARNING)
    policy = RetryPolicy(
        total=retries,
        backoff_factor=backoff,
        backoff_max=max_wait,
        max_wait=max_wait,
        sleep=sleep,
    )
    github = Github(
        base_url=base_url,
        auth=Auth.Token(token),
        timeout=timeout,
        user_agent=f"survey-bot/{__version__}",
        per_page=PER_PAGE,
        retry=policy,
        seconds_between_requests=None,  # paced here instead, by what GitHub asks
        seconds_between_writes=None,
    )
    pacing = Pacing(seconds_between_requests, seconds_between_writes, unpaced_writes, max_wait)
    return PyGithubPort(
        github,
        repository,
        retries=retries,
        max_wait=max_wait,
        backoff=backoff,
        sleep=sleep,
        pacing=pacing,
    )


class PyGithubPort:
    """:class:`GitHubPort` over PyGithub; build it with :func:`connect`."""

    def __init__(
        self,
        github: Github,
        repository: str,
        *,
        retries: int = 3,
        max_wait: float = 60.0,
        backoff: float = 1.0,
        sleep: Callable[[float], None] = time.sleep,
        pacing: Pacing | None = None,
    ) -> None:
        self.repository = repository
        self._github = github
        self._requester = github.requester
        self._repo_path = f"/repos/{repository}"
        self._owner = repository.split("/", 1)[0]
        self._retries = retries
        self._max_wait = max_wait
        self._backoff = backoff
        self._sleep = sleep
        self._pacing = pacing or Pacing(max_wait=max_wait)
        self._default_branch: str | None = None
        self._permissions: dict[str, str] = {}

    def close(self) -> None:
        self._github.close()

    def __enter__(self) -> PyGithubPort:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- plumbing ------------------------------------------------------------

    def _request(
        self,
        verb: str,
        path: str,
        params: Mapping[str, Any] | None = None,
        body: Any = None,
    ) -> tuple[dict[str, Any], Any]:
        """One REST call, paced; PyGithub retries what is safe (see ``RetryPolicy``)."""
        wait = self._pacing.wait(verb)
        if wait > 0:
            self._sleep(wait)
        try:
            answer = self._requester.requestJsonAndCheck(
                verb, path, parameters=dict(params) if params else None, input=body
            )
        except GithubException as error:
            self._pacing.answered(error.headers or {})
            if verb == "POST" and error.status >= 500:
                raise _Ambiguous(_describe(verb, path, error)) from error
            raise GitHubError(_describe(verb, path, error)) from error
        except requests.RequestException as error:
            message = f"GitHub {verb} {_short(path)} failed: {type(error).__name__}: {error}"
            message = " ".join(message.split())
            if verb == "POST":
                raise _Ambiguous(message) from error
            raise GitHubError(message) from error
        self._pacing.answered(answer[0])
        return answer

    def _post(
        self,
        path: str,
        body: Any,
        existing: Callable[[], T | None] | None = None,
    ) -> tuple[dict[str, Any], Any] | T:
        """POST, retrying an ambiguous failure only when it cannot duplicate.

        ``existing`` looks for what a failed attempt may have created; ``None``
        means the POST is idempotent on GitHub's side and is simply repeated.
        """
        for attempt in range(self._retries + 1):
            try:
                return self._request("POST", path, body=body)
            except _Ambiguous as failure:
                if existing is not None:
                    found = existing()
                    if found is not None:
                        return found
                if attempt == self._retries:
                    raise GitHubError(
                        f"{failure.message} (after {self._retries + 1} attempts)"
                    ) from failure
                wait = min(self._backoff * (2**attempt), self._max_wait)
                if wait > 0:
                    self._sleep(wait)
        raise AssertionError("unreachable")  # pragma: no cover

    def _pages(self, path: str, params: Mapping[str, Any]) -> Iterator[Any]:
        url: str | None = path
        query: Mapping[str, Any] | None = {**params, "per_page": PER_PAGE}
        while url:
            headers, data = self._request("GET", url, query)
            yield from data or []
            url, query = rest.next_link(headers.get("link")), None

    # -- issues and comments -------------------------------------------------

    def issue(self, number: int) -> IssueData:
        _, data = self._request("GET", f"{self._repo_path}/issues/{int(number)}")
        return rest.issue(data)

    def open_issues(self, label: str | None = None) -> list[IssueData]:
        params: dict[str, Any] = {"state": "open"}
        if label:
            params["labels"] = label
        issues = (rest.issue(item) for item in self._pages(f"{self._repo_path}/issues", params))
        return [issue for issue in issues if not issue.is_pull]

    def issues_with_label(self, label: str, state: str = "all") -> list[IssueData]:
        params = {"state": state, "labels": label}
        issues = (rest.issue(item) for item in self._pages(f"{self._repo_path}/issues", params))
        return [issue for issue in issues if not issue.is_pull]

    def create_issue(self, title: str, body: str, labels: Sequence[str]) -> IssueData:
        first_attempt = time.time()

        def already_opened() -> IssueData | None:
            # A failed attempt may have opened it: same title and body, since that attempt.
            for issue in self.issues_with_label(labels[0], "open") if labels else ():
                if issue.body == body and rest.since(issue.created_at, first_attempt - CLOCK_SKEW):
                    return issue
            return None

        payload = {"title": title, "body": body, "labels": list(labels)}
        answer = self._post(f"{self._repo_path}/issues", payload, existing=already_opened)
        return answer if isinstance(answer, IssueData) else rest.issue(answer[1])

    def edit_issue_body(self, number: int, body: str) -> IssueData:
        path = f"{self._repo_path}/issues/{int(number)}"
        _, data = self._request("PATCH", path, body={"body": body})
        return rest.issue(data)

    def issue_comments(self, number: int) -> list[Comment]:
        path = f"{self._repo_path}/issues/{int(number)}/comments"
        return [rest.comment(item) for item in self._pages(path, {})]

    def comments_of(self, numbers: Sequence[int], since: str) -> dict[int, list[Comment]]:
        wanted = sorted(set(numbers))
        found: dict[int, list[Comment]] = {number: [] for number in wanted}
        if not wanted:
            return found
        path = f"{self._repo_path}/issues/comments"
        query = {"since": since, "sort": "created", "direction": "asc", "per_page": PER_PAGE}
        headers, data = self._request("GET", path, query)
        if rest.last_page(headers.get("link")) > len(wanted):  # more pages than issues
            return {number: self.issue_comments(number) for number in wanted}
        url: str | None = path
        while True:
            for listed in map(rest.comment, data or []):
                if listed.issue in found:
                    found[listed.issue].append(listed)
            url = rest.next_link(headers.get("link"))
            if url is None:
                return found
            headers, data = self._request("GET", url)

    def comment(self, comment_id: int) -> Comment | None:
        try:
            _, data = self._request("GET", f"{self._repo_path}/issues/comments/{int(comment_id)}")
        except GitHubError as error:
            if _status(error) != 404:
                raise
            return None
        return rest.comment(data)

    def create_comment(self, number: int, body: str) -> Comment:
        first_attempt = time.time()

        def already_posted() -> Comment | None:
            # A failed attempt may have posted it: same body, on this issue, and
            # created since that attempt (with room for clock skew).
            earliest = first_attempt - CLOCK_SKEW
            for posted in reversed(self.issue_comments(number)):
                if posted.body == body and rest.since(posted.created_at, earliest):
                    return posted
            return None

        path = f"{self._repo_path}/issues/{int(number)}/comments"
        answer = self._post(path, {"body": body}, existing=already_posted)
        return answer if isinstance(answer, Comment) else rest.comment(answer[1])

    def edit_comment(self, comment_id: int, body: str) -> Comment:
        path = f"{self._repo_path}/issues/comments/{int(comment_id)}"
        _, data = self._request("PATCH", path, body={"body": body})
        return rest.comment(data)

    def add_labels(self, number: int, labels: Sequence[str]) -> None:
        names = [str(label) for label in labels]
        if names:  # GitHub requires at least one
            self._post(f"{self._repo_path}/issues/{int(number)}/labels", {"labels": names})

    def remove_label(self, number: int, label: str) -> None:
        path = f"{self._repo_path}/issues/{int(number)}/labels/{quote(label, safe='')}"
        try:
            self._request("DELETE", path)
        except GitHubError as error:
            if _status(error) != 404:
                raise

    def react_to_comment(self, comment_id: int, content: str) -> None:
        self._post(
            f"{self._repo_path}/issues/comments/{int(comment_id)}/reactions",
            {"content": reaction(content)},
        )

    def edit_issue(
        self,
        number: int,
        *,
        state: str | None = None,
        reason: str | None = None,
        labels: Sequence[str] | None = None,
    ) -> None:
        edit = issue_edit(state, reason, labels)
        if edit:
            self._request("PATCH", f"{self._repo_path}/issues/{int(number)}", body=edit)

    def delete_comment(self, comment_id: int) -> None:
        try:
            self._request("DELETE", f"{self._repo_path}/issues/comments/{int(comment_id)}")
        except GitHubError as error:
            if _status(error) != 404:
                raise

    # -- people --------------------------------------------------------------

    def permission(self, login: str) -> str:
        key = login.lower()
        if key not in self._permissions:
            path = f"{self._repo_path}/collaborators/{quote(login, safe='')}/permission"
            try:
                _, data = self._request("GET", path)
            except GitHubError as error:
                if _status(error) != 404:
                    raise
                self._permissions[key] = "none"
            else:
                self._permissions[key] = str(
                    data.get("role_name") or data.get("permission") or "none"
                )
        return self._permissions[key]


    # -- the batch pull request ----------------------------------------------

    def default_branch(self) -> str:
        if self._default_branch is None:
            _, data = self._request("GET", self._repo_path)
            self._default_branch = str(data["default_branch"])
        return self._default_branch

    def find_pull(self, head_branch: str) -> PullData | None:
        return pick_pull(self.recent_pulls(head_branch))

    def recent_pulls(self, head_branch: str) -> list[PullData]:
        params = {
            "state": "all",
            "head": f"{self._owner}:{head_branch}",
            "sort": "updated",
            "direction": "desc",
            "per_page": 10,
        }
        _, data = self._request("GET", f"{self._repo_path}/pulls", params)
        return [rest.pull(item) for item in data or []]

    def create_pull(self, head: str, base: str, title: str, body: str) -> PullData:
        def already_open() -> PullData | None:
            found = self.find_pull(head)
            return found if found is not None and found.state == "open" else None

        payload = {"title": title, "head": head, "base": base, "body": body}
        answer = self._post(f"{self._repo_path}/pulls", payload, existing=already_open)
        return answer if isinstance(answer, PullData) else rest.pull(answer[1])

    def edit_pull(self, number: int, title: str, body: str, state: str | None = None) -> PullData:
        payload: dict[str, Any] = {"title": title, "body": body}
        if state is not None:
            payload["state"] = state
        _, data = self._request("PATCH", f"{self._repo_path}/pulls/{int(number)}", body=payload)
        return rest.pull(data)


def _short(path: str) -> str:
    """A path without scheme and host, for messages."""
    split = urlsplit(path)
    return split.path + (f"?{split.query}" if split.query else "") if split.scheme else path


def _describe(verb: str, path: str, error: GithubException) -> str:
    """``GitHub POST /repos/o/r/issues/1/comments -> 422: Validation Failed (...)``."""
    data = error.data if isinstance(error.data, Mapping) else {}
    message = str(data.get("message") or data.get("data") or error.message or "no message")
    details = [
        str(
            e.get("message")
            or "/".join(str(e[k]) for k in ("resource", "field", "code") if e.get(k))
        )
        for e in data.get("errors") or []
        if isinstance(e, Mapping)
    ]
    if details:
        message += f" ({'; '.join(details)})"
    if error.status in (403, 429) and _is_rate_limit(error):
        reset = (error.headers or {}).get("x-ratelimit-reset")
        if reset and str(reset).isdigit():
            message += (
                f"; rate limit resets at {time.strftime('%H:%M:%S UTC', time.gmtime(int(reset)))}"
            )
    text = f"GitHub {verb} {_short(path)} -> {error.status}: {message}"
    return " ".join(text.split())


def _is_rate_limit(error: GithubException) -> bool:
    data = error.data if isinstance(error.data, Mapping) else {}
    message = str(data.get("message") or "").lower()
    return "rate limit" in message or (error.headers or {}).get("x-ratelimit-remaining") == "0"


def _status(error: GitHubError) -> int | None:
    cause = error.__cause__
    return cause.status if isinstance(cause, GithubException) else None
