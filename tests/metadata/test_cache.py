"""The SQLite cache in front of every service: hits, expiry, corruption, offline mode."""

from __future__ import annotations

import logging
import sqlite3

from bot.metadata.cache import DAY, Cache
from bot.models import Skipped
from bot.suggestions import PaperRecord, Suggestion

from .conftest import Reply, fixture

EIGHT = fixture("arxiv", "ml_id_list_8_papers.xml")
BERT_WORK = fixture("crossref", "works_10.18653_v1_n19-1423_bert_trimmed.json")
BERT_DOI = "10.18653/v1/n19-1423"


def test_second_resolution_makes_no_request(server, make_resolver):
    server.route("arxiv", "", Reply(200, EIGHT))
    server.route("crossref", f"/works/{BERT_DOI}", Reply(200, BERT_WORK))
    first = make_resolver(link_versions=False)
    a = first.resolve(Suggestion(arxiv="1706.03762"))
    b = first.resolve(Suggestion(doi=BERT_DOI))
    assert len(server.seen()) == 2
    # the same resolver, and a new one on the same cache file (a later run)
    assert first.resolve(Suggestion(arxiv="1706.03762v5")) == a
    assert make_resolver(link_versions=False).resolve(Suggestion(doi=BERT_DOI.upper())) == b
    assert len(server.seen()) == 2


def test_ids_from_a_batch_are_cached_one_by_one(server, make_resolver):
    server.route("arxiv", "", Reply(200, EIGHT))
    resolver = make_resolver(link_versions=False)
    batch = resolver.resolve_many(Suggestion(arxiv=i) for i in ("1706.03762", "1810.04805",
                                                                "1512.03385", "1999.99999"))
    assert len(server.seen("arxiv")) == 1
    again = resolver.resolve_many([Suggestion(arxiv="1810.04805"), Suggestion(arxiv="1999.99999")])
    assert again[0] == batch[1]
    assert isinstance(again[1], Skipped)  # the negative answer is cached too
    assert len(server.seen("arxiv")) == 1


def test_expired_entries_refresh(server, make_resolver, fake_time):
    server.route("crossref", f"/works/{BERT_DOI}", Reply(200, BERT_WORK))
    resolver = make_resolver(link_versions=False, cache_days=30)
    resolver.resolve(Suggestion(doi=BERT_DOI))
    fake_time.wall += 29 * DAY
    resolver.resolve(Suggestion(doi=BERT_DOI))
    assert len(server.seen("crossref")) == 1
    fake_time.wall += 2 * DAY
    resolver.resolve(Suggestion(doi=BERT_DOI))
    assert len(server.seen("crossref")) == 2
    resolver.resolve(Suggestion(doi=BERT_DOI))  # refreshed: fresh again
    assert len(server.seen("crossref")) == 2


def test_negative_answers_expire_sooner(server, make_resolver, fake_time):
    server.route("crossref", "/works/10.1371/notarealdoi", Reply(404, b"Resource not found."))
    server.route("semanticscholar", "/paper/DOI:10.1371/notarealdoi", Reply(404, b'{"error":"x"}'))
    resolver = make_resolver(link_versions=False)
    for _ in range(2):
        assert isinstance(resolver.resolve(Suggestion(doi="10.1371/notarealdoi")), Skipped)
    assert len(server.seen("crossref")) == 1
    fake_time.wall += 1.5 * DAY  # past the negative lifetime, well within cache_days
    resolver.resolve(Suggestion(doi="10.1371/notarealdoi"))
    assert len(server.seen("crossref")) == 2


def test_service_errors_are_not_cached(server, make_resolver):
    server.route("crossref", f"/works/{BERT_DOI}", Reply(500, b""), Reply(500, b""),
                 Reply(500, b""), Reply(200, BERT_WORK))
    resolver = make_resolver(link_versions=False)
    assert isinstance(resolver.resolve(Suggestion(doi=BERT_DOI)), Skipped)
    assert isinstance(resolver.resolve(Suggestion(doi=BERT_DOI)), PaperRecord)


def test_corrupt_cache_file_is_moved_aside_and_rebuilt(server, make_resolver, tmp_path, caplog):
    path = tmp_path / "cache.sqlite"
    path.write_bytes(b"this is not a database, it is a text file\n" * 100)
    server.route("crossref", f"/works/{BERT_DOI}", Reply(200, BERT_WORK))
    with caplog.at_level(logging.WARNING, logger="bot.metadata.cache"):
        resolver = make_resolver(link_versions=False, cache=str(path))
    assert "unusable" in caplog.text and "cache.sqlite.corrupt" in caplog.text
    assert (tmp_path / "cache.sqlite.corrupt").read_bytes().startswith(b"this is not a database")
    assert isinstance(resolver.resolve(Suggestion(doi=BERT_DOI)), PaperRecord)
    resolver.close()
    assert isinstance(make_resolver(link_versions=False, cache=str(path)).resolve(
        Suggestion(doi=BERT_DOI)), PaperRecord)
    assert len(server.seen("crossref")) == 1  # the rebuilt cache works


def test_truncated_database_is_rebuilt(tmp_path, caplog):
    path = tmp_path / "c.sqlite"
    cache = Cache(path)
    for n in range(20):  # many pages, few commits (each put is one)
        cache.put("s", f"k{n}", 200, b"x" * 10_000, 100.0)
    cache.close()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    with caplog.at_level(logging.WARNING):
        cache = Cache(path)
        cache.put("s", "k", 200, b"fresh", 100.0)
        assert cache.get("s", "k").body == b"fresh"
    cache.close()
    assert "malformed" in caplog.text
    assert (tmp_path / "c.sqlite.corrupt").is_file()


def test_cache_directory_is_created_and_unwritable_place_degrades(tmp_path, caplog):
    Cache(tmp_path / "a" / "b" / "cache.sqlite").close()
    assert (tmp_path / "a" / "b" / "cache.sqlite").is_file()
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with caplog.at_level(logging.WARNING):
        cache = Cache(blocker / "sub" / "cache.sqlite")  # parent is a file: cannot mkdir
    cache.put("s", "k", 200, b"body", 100.0)
    assert cache.get("s", "k").body == b"body"  # in memory
    assert "caching in memory only" in caplog.text


def test_a_cache_path_it_cannot_open_is_left_alone(tmp_path, caplog):
    taken = tmp_path / "cache.sqlite"
    taken.mkdir()  # "unable to open database file": not damage, nothing to move aside
    with caplog.at_level(logging.WARNING):
        cache = Cache(taken)
    cache.put("s", "k", 200, b"body", 100.0)
    assert cache.get("s", "k").body == b"body"  # in memory
    assert "cannot open" in caplog.text
    assert taken.is_dir() and not (tmp_path / "cache.sqlite.corrupt").exists()


def test_offline_uses_only_the_cache(server, make_resolver, fake_time):
    server.route("arxiv", "", Reply(200, EIGHT))
    online = make_resolver(link_versions=False)
    cached = online.resolve(Suggestion(arxiv="1810.04805"))
    online.close()
    server.reset()
    fake_time.wall += 400 * DAY  # offline, even an expired entry beats nothing
    offline = make_resolver(offline=True)
    results = offline.resolve_many([Suggestion(arxiv="1810.04805"), Suggestion(arxiv="1706.03762"),
                                    Suggestion(title="Some Title Never Looked Up")])
    assert results[0] == cached
    assert results[1] == Skipped("arXiv:1706.03762", "could not resolve: offline and not cached")
    assert results[2] == Skipped('"Some Title Never Looked Up"',
                                 "could not resolve: offline and not cached")
    assert server.seen() == []


def test_offline_does_not_import_requests():
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from bot.config.schema import MetadataConfig\n"
        "from bot.metadata import build_resolver\n"
        "from bot.suggestions import Suggestion\n"
        "r = build_resolver(MetadataConfig(cache=''), offline=True)\n"
        "print(r.resolve(Suggestion(arxiv='1706.03762')).why)\n"
        "print('requests' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split("\n")[:2] == ["could not resolve: offline and not cached", "False"]


def test_cache_keys_ignore_the_contact(server, make_resolver, tmp_path):
    server.route("crossref", f"/works/{BERT_DOI}", Reply(200, BERT_WORK))
    path = str(tmp_path / "shared.sqlite")
    make_resolver(link_versions=False, cache=path, contact="a@example.org").resolve(
        Suggestion(doi=BERT_DOI))
    make_resolver(link_versions=False, cache=path, contact="b@example.org").resolve(
        Suggestion(doi=BERT_DOI))
    assert len(server.seen("crossref")) == 1
    rows = sqlite3.connect(path).execute("SELECT service, key, status FROM responses").fetchall()
    assert rows == [("crossref", f"{server.base}/crossref/works/{BERT_DOI}", 200)]


def test_a_cache_folder_it_creates_is_git_ignored_and_an_existing_one_untouched(tmp_path):
    Cache(tmp_path / ".survey-bot" / "cache.sqlite").close()
    assert (tmp_path / ".survey-bot" / ".gitignore").read_text(encoding="utf-8") == "*\n"
    Cache(tmp_path / "cache.sqlite").close()  # the survey's own folder: no .gitignore there
    assert not (tmp_path / ".gitignore").exists()
