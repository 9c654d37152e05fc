"""A persistent SQLite cache of raw metadata responses.

Keyed by (service, request key), where the request key is the request URL with
its parameters sorted (contact and API-key parameters left out). It stores the
raw body, the HTTP status, when it was fetched and when it expires. Positive
answers live ``cache_days``; negative ones (404, empty arXiv feed) a shorter time.

It also keeps which identifiers name one work (``work_ids``: ``link``, ``linked``;
see ``bot.identity``), as the services told it, so that a DOI is known to be an
arXiv preprint's published version in later runs and in offline checks.

The cache is an optimisation and never a reason to fail: a file that is not a
database, or is damaged, is moved aside as ``<name>.corrupt`` and rebuilt with a
warning; a directory that cannot be created, or any later SQLite error, degrades
to "not cached" with a warning.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

SCHEMA_VERSION = 1
DAY = 86400.0

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS responses (
    service TEXT NOT NULL,
    key TEXT NOT NULL,
    status INTEGER NOT NULL,
    body BLOB NOT NULL,
    fetched REAL NOT NULL,
    expires REAL NOT NULL,
    PRIMARY KEY (service, key)
);
CREATE TABLE IF NOT EXISTS work_ids (id TEXT PRIMARY KEY, work TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS work_ids_by_work ON work_ids (work);
"""


@dataclass(frozen=True)
class CachedResponse:
    status: int
    body: bytes
    fetched: float
    expires: float


class Cache:
    """Raw responses by (service, key). ``path=None`` or ``""`` keeps them in memory only."""

    def __init__(self, path: str | os.PathLike[str] | None, *,
                 now: Callable[[], float] = time.time) -> None:
        self.path = Path(path) if path else None
        self.now = now
        self._db: sqlite3.Connection | None = None
        self._open()

    # -- opening and recovery -------------------------------------------------

    def _open(self) -> None:
        if self.path is None:
            self._db = self._connect(":memory:")
            return
        try:
            if not self.path.parent.exists():
                # A folder we create only holds the cache: keep it out of the survey's
                # commits (as .pytest_cache does), whoever runs `git add -A` there.
                self.path.parent.mkdir(parents=True)
                (self.path.parent / ".gitignore").write_text("*\n", encoding="utf-8")
        except OSError as exc:
            self._in_memory(f"cannot create {self.path.parent}", exc)
            return
        try:
            self._db = self._connect(str(self.path))
        except sqlite3.OperationalError as exc:  # cannot open, locked: not damage
            self._in_memory(f"cannot open {self.path}", exc)
        except sqlite3.DatabaseError as exc:  # not a database, or damaged
            self._move_aside(exc)
            try:
                self._db = self._connect(str(self.path))
            except sqlite3.Error as again:
                self._in_memory(f"cannot rebuild {self.path}", again)

    def _in_memory(self, problem: str, exc: BaseException) -> None:
        log.warning("metadata cache: %s (%s); caching in memory only", problem, exc)
        self.path = None
        self._db = self._connect(":memory:")

    @staticmethod
    def _connect(target: str) -> sqlite3.Connection:
        db = sqlite3.connect(target, timeout=10.0, isolation_level=None, check_same_thread=False)
        try:
            check = db.execute("PRAGMA quick_check").fetchone()
            if not check or check[0] != "ok":
                detail = check[0] if check else "?"
                raise sqlite3.DatabaseError(f"integrity check failed: {detail}")
            db.executescript(_SCHEMA)
            row = db.execute("SELECT value FROM meta WHERE name = 'schema'").fetchone()
            if row is None:
                db.execute("INSERT INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
            elif row[0] != str(SCHEMA_VERSION):
                db.execute("DELETE FROM responses")
                db.execute("UPDATE meta SET value = ? WHERE name = 'schema'",
                           (str(SCHEMA_VERSION),))
        except BaseException:
            db.close()
            raise
        return db

    def _move_aside(self, exc: BaseException) -> None:
        assert self.path is not None
        aside = self.path.with_name(self.path.name + ".corrupt")
        log.warning("metadata cache: %s is unusable (%s); moved it to %s and starting a new cache",
                    self.path, exc, aside.name)
        try:
            os.replace(self.path, aside)
        except OSError:
            with contextlib.suppress(OSError):
                self.path.unlink()
        for suffix in ("-journal", "-wal", "-shm"):
            with contextlib.suppress(OSError):
                self.path.with_name(self.path.name + suffix).unlink()

    def _recover(self, exc: sqlite3.Error) -> None:
        """A database error in use: rebuild once if the file is damaged, else carry on."""
        if self.path is None or isinstance(exc, sqlite3.OperationalError):
            log.warning("metadata cache: %s; continuing without this entry", exc)
            return
        self.close()
        self._move_aside(exc)
        self._open()

    # -- use --------------------------------------------------------------------

    def get(self, service: str, key: str, *, allow_expired: bool = False
            ) -> CachedResponse | None:
        """The stored response, or None when absent or expired (unless ``allow_expired``)."""
        if self._db is None:
            return None
        try:
            row = self._db.execute(
                "SELECT status, body, fetched, expires FROM responses"
                " WHERE service = ? AND key = ?",
                (service, key),
            ).fetchone()
        except sqlite3.Error as exc:
            self._recover(exc)
            return None
        if row is None:
            return None
        entry = CachedResponse(int(row[0]), bytes(row[1]), float(row[2]), float(row[3]))
        if not allow_expired and entry.expires <= self.now():
            return None
        return entry

    def put(self, service: str, key: str, status: int, body: bytes, ttl: float) -> None:
        """Store (or replace) one response for ``ttl`` seconds."""
        if self._db is None:
            return
        fetched = self.now()
        try:
            self._db.execute(
                "INSERT OR REPLACE INTO responses VALUES (?, ?, ?, ?, ?, ?)",
                (service, key, int(status), sqlite3.Binary(body), fetched, fetched + ttl),
            )
        except sqlite3.Error as exc:
            self._recover(exc)

    def delete(self, service: str, key: str) -> None:
        if self._db is None:
            return
        try:
            self._db.execute("DELETE FROM responses WHERE service = ? AND key = ?", (service, key))
        except sqlite3.Error as exc:
            self._recover(exc)

    # -- one work, many identifiers (``bot.identity``) ----------------------------

    def link(self, ids: Iterable[str]) -> None:
        """Record that the typed ``ids`` name one work (joining the works they already
        name). A join that would give one work two arXiv ids is refused: one of the
        services confused two papers, and the links stay as they were."""
        wanted = sorted(set(ids))
        if len(wanted) < 2 or self._db is None:
            return
        try:
            members = set(wanted) | self._members(wanted)
            if len({i for i in members if i.startswith("arxiv:")}) > 1:
                log.warning("metadata cache: not linking %s: two arXiv ids", ", ".join(wanted))
                return
            work = min(members)
            self._db.executemany(
                "INSERT OR REPLACE INTO work_ids VALUES (?, ?)", [(i, work) for i in members]
            )
        except sqlite3.Error as exc:
            self._recover(exc)

    def linked(self, ids: Iterable[str]) -> set[str]:
        """Every id known to name the same work as one of ``ids`` (``ids`` included)."""
        wanted = sorted(set(ids))
        if not wanted or self._db is None:
            return set(wanted)
        try:
            return set(wanted) | self._members(wanted)
        except sqlite3.Error as exc:
            self._recover(exc)
            return set(wanted)

    def _members(self, ids: list[str]) -> set[str]:
        assert self._db is not None
        marks = ",".join("?" * len(ids))
        rows = self._db.execute(
            "SELECT id FROM work_ids WHERE work IN"
            f" (SELECT work FROM work_ids WHERE id IN ({marks}))",
            ids,
        ).fetchall()
        return {str(row[0]) for row in rows}

    def close(self) -> None:
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
            self._db = None
