"""The one place that talks HTTP to the metadata services, politely.

- one ``requests.Session`` (imported lazily: offline runs never load ``requests``),
  connect/read timeouts from the config, a ``survey-bot/<version> (mailto:...)``
  User-Agent;
- bounded retries with exponential backoff on 429, 5xx, connection errors and
  timeouts, honouring ``Retry-After`` (seconds or an HTTP date): at most
  ``max_tries`` tries and ``max_wait`` seconds of waiting per request; a service
  that has given up twice in a run fails fast afterwards;
- a minimum spacing between calls per service (arXiv asks for 3 s), on the
  injected ``clock``/``sleep`` so tests check it without sleeping;
- the SQLite cache in front (``fetch``), and ``offline`` mode that only reads it;
- requests go where the client aims them: an identifier enters a URL path only
  through ``path_part`` (no ``.``/``..`` segment), and redirects are followed
  only within the service's own host, so neither a reader's DOI nor a service's
  answer can send the API key or the query to another host.
"""

from __future__ import annotations

import email.utils
import json
import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar
from urllib.parse import quote, unquote, urlencode, urljoin, urlsplit

from bot.metadata.cache import DAY, Cache
from bot.metadata.errors import MalformedResponse, NotFound, OfflineMiss, ServiceError

log = logging.getLogger(__name__)

T = TypeVar("T")

SERVICE_NAMES = {
    "arxiv": "arXiv",
    "crossref": "Crossref",
    "s2": "Semantic Scholar",
    "dblp": "dblp",
    "github": "GitHub",
}

# Seconds between two calls to the same service. arXiv's terms ask for 3 s;
# Semantic Scholar grants 1 request/s to a key; dblp throttles bursts with 429.
DEFAULT_INTERVALS = {"arxiv": 3.0, "s2": 1.0, "dblp": 1.0, "crossref": 0.0, "github": 1.0}

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
MAX_REDIRECTS = 5
# Parameters that identify the caller, not the question: never part of a cache key.
PRIVATE_PARAMS = frozenset({"mailto", "api_key", "key"})


def service_name(service: str) -> str:
    return SERVICE_NAMES.get(service, service)


def cache_key(url: str, params: Mapping[str, Any] | None = None) -> str:
    """The request URL with its (public) parameters in sorted order."""
    items = sorted((k, str(v)) for k, v in (params or {}).items() if k not in PRIVATE_PARAMS)
    return f"{url}?{urlencode(items)}" if items else url


def path_part(value: str, safe: str = "/") -> str:
    """``value`` (a reader's identifier) percent-encoded for a URL path.

    ``NotFound`` when it holds a ``.`` or ``..`` segment, even percent-encoded:
    such a "DOI" would move the request to another path of the service (or, on
    a shared host, to another service) instead of naming a paper.
    """
    if any(segment in (".", "..") for segment in unquote(value).split("/")):
        raise NotFound(f"{value!r} is not an identifier (it has a '.' or '..' path segment)")
    return quote(value, safe=safe)


def _origin(url: str) -> tuple[str, str, int | None]:
    parts = urlsplit(url)
    return parts.scheme.lower(), (parts.hostname or "").lower(), parts.port


def parse_retry_after(value: str | None, now: float) -> float | None:
    """Seconds to wait from a ``Retry-After`` header: delta-seconds or an HTTP-date."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - now)


@dataclass(frozen=True)
class Response:
    status: int
    body: bytes

    def json(self, sender: str) -> Any:
        """The body parsed as JSON, or ``MalformedResponse`` saying that ``sender`` broke it."""
        try:
            return json.loads(self.body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            raise MalformedResponse(f"{sender} sent a body that is not JSON ({exc})") from exc


class HttpClient:
    """GET with politeness, retries and a cache in front. One per run (per process)."""

    def __init__(
        self,
        *,
        user_agent: str,
        timeout: float = 20.0,
        connect_timeout: float | None = None,
        cache: Cache | None = None,
        offline: bool = False,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        now: Callable[[], float] = time.time,
        max_tries: int = 3,
        max_wait: float = 60.0,
        backoff: float = 1.0,
        intervals: Mapping[str, float] | None = None,
        headers: Mapping[str, Mapping[str, str]] | None = None,
        ttl: float = 30 * DAY,
        negative_ttl: float = 1 * DAY,
        give_up_after: int = 2,
    ) -> None:
        self.user_agent = user_agent
        self.timeout = (connect_timeout if connect_timeout is not None else min(timeout, 10.0),
                        timeout)
        self.cache = cache if cache is not None else Cache(None, now=now)
        self.offline = offline
        self.sleep = sleep
        self.clock = clock
        self.now = now
        self.max_tries = max(1, max_tries)
        self.max_wait = max_wait
        self.backoff = backoff
        self.intervals = dict(DEFAULT_INTERVALS if intervals is None else intervals)
        self.service_headers = {k: dict(v) for k, v in (headers or {}).items()}
        self.ttl = ttl
        self.negative_ttl = min(negative_ttl, ttl)
        self.give_up_after = give_up_after
        self._last_call: dict[str, float] = {}
        self._given_up: dict[str, int] = {}
        self._session: Any = None

    # -- the network --------------------------------------------------------------

    def _get_session(self) -> Any:
        if self._session is None:
            import requests  # lazy: `survey-bot --help` and offline runs never pay for it

            session = requests.Session()
            session.headers["User-Agent"] = self.user_agent
            session.headers["Accept-Encoding"] = "gzip, deflate"
            self._session = session
        return self._session

    def _space(self, service: str) -> None:
        interval = self.intervals.get(service, 0.0)
        last = self._last_call.get(service)
        if interval > 0 and last is not None:
            wait = last + interval - self.clock()
            if wait > 0:
                self.sleep(wait)
        self._last_call[service] = self.clock()

    def request(self, service: str, url: str, params: Mapping[str, Any] | None = None, *,
                method: str = "GET", json_body: Any = None) -> Response:
        """One call, retried on 429/5xx/connection errors/timeouts; any other status is returned.

        Raises ``OfflineMiss`` in offline mode and ``ServiceError`` when it gives up.
        """
        name = service_name(service)
        if self.offline:
            raise OfflineMiss()
        if self._given_up.get(service, 0) >= self.give_up_after:
            raise ServiceError(f"{name} is not answering (gave up on it earlier in this run)")
        import requests

        session = self._get_session()
        headers = self.service_headers.get(service, {})
        deadline = self.clock() + self.max_wait
        problem = ""
        for attempt in range(1, self.max_tries + 1):
            self._space(service)
            retry_after: float | None = None
            try:
                reply = self._send(session, name, method, url, params, json_body, headers)
                body = reply.content
            except requests.Timeout:
                problem = f"timed out (after {self.timeout[1]:g} s)"
            except (requests.ConnectionError, requests.exceptions.ChunkedEncodingError,
                    requests.exceptions.ContentDecodingError) as exc:
                problem = f"connection failed ({type(exc).__name__})"
            except requests.RequestException as exc:
                raise ServiceError(f"{name}: request failed ({exc})") from exc
            else:
                if reply.status_code not in RETRY_STATUSES:
                    self._given_up.pop(service, None)
                    return Response(reply.status_code, body)
                problem = f"HTTP {reply.status_code}"
                retry_after = parse_retry_after(reply.headers.get("Retry-After"), self.now())
            if attempt == self.max_tries:
                break
            wait = retry_after if retry_after is not None else self.backoff * 2 ** (attempt - 1)
            if self.clock() + wait > deadline:
                problem += f" (asked to wait {wait:g} s, more than the {self.max_wait:g} s allowed)"
                break
            log.info("%s: %s; retrying in %g s", name, problem, wait)
            if wait > 0:
                self.sleep(wait)
        self._given_up[service] = self._given_up.get(service, 0) + 1
        raise ServiceError(f"{name} error: {problem}, after {attempt} "
                           f"{'try' if attempt == 1 else 'tries'}")

    def _send(self, session: Any, name: str, method: str, url: str,
              params: Mapping[str, Any] | None, json_body: Any, headers: Mapping[str, str]
              ) -> Any:
        """One exchange; redirects followed only within ``url``'s own scheme, host and port."""
        reply = session.request(method, url, params=dict(params or {}), json=json_body,
                                headers=headers, timeout=self.timeout, allow_redirects=False)
        for _ in range(MAX_REDIRECTS):
            location = reply.headers.get("Location")
            if reply.status_code not in REDIRECT_STATUSES or not location:
                return reply
            target = urljoin(reply.url, location)
            if _origin(target) != _origin(url):
                host = urlsplit(target).hostname or target
                raise ServiceError(f"{name} redirected to another host ({host}): not followed")
            keep = reply.status_code in (307, 308)  # the same request again, body included
            reply = session.request(method if keep else "GET", target,
                                    json=json_body if keep else None, headers=headers,
                                    timeout=self.timeout, allow_redirects=False)
        raise ServiceError(f"{name}: more than {MAX_REDIRECTS} redirects")

    # -- the cache in front ---------------------------------------------------------

    def cached(self, service: str, key: str) -> Response | None:
        """A cached response by key (expired entries count only when offline)."""
        entry = self.cache.get(service, key, allow_expired=self.offline)
        if entry is None:
            return None
        return Response(entry.status, entry.body)

    def store(self, service: str, key: str, response: Response, *, negative: bool = False) -> None:
        """Cache ``response`` for the positive time, or the shorter negative one."""
        self.cache.put(service, key, response.status, response.body,
                       self.negative_ttl if negative else self.ttl)

    def fetch(
        self,
        service: str,
        url: str,
        params: Mapping[str, Any] | None,
        parse: Callable[[Response], T],
    ) -> T:
        """Cache, else network; ``parse`` the response; cache it when it parsed.

        A ``NotFound`` from ``parse`` is cached for the shorter negative time; a
        ``MalformedResponse`` or ``ServiceError`` is not cached at all.
        """
        key = cache_key(url, params)
        hit = self.cached(service, key)
        if hit is not None:
            try:
                return parse(hit)
            except (MalformedResponse, ServiceError):
                self.cache.delete(service, key)  # should not happen; refetch
        response = self.request(service, url, params)
        try:
            result = parse(response)
        except NotFound:
            self.store(service, key, response, negative=True)
            raise
        self.store(service, key, response)
        return result

    def close(self) -> None:
        if self._session is not None:
            self._session.close()
            self._session = None
        self.cache.close()
