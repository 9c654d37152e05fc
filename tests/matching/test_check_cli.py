"""``survey-bot check``: the output shapes (a contract) and every error path."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main
from tests.metadata.conftest import FixtureServer, Reply, recorded

BIB = r"""@article{touvron2023llama2,
  title = {Llama 2: Open Foundation and Fine-Tuned Chat Models},
  author = {Touvron, Hugo and Martin, Louis},
  year = {2023},
  eprint = {2307.09288},
  archivePrefix = {arXiv},
}

@inproceedings{devlin2019bert,
  title = {{BERT}: Pre-training of Deep Bidirectional Transformers for Language Understanding},
  author = {Devlin, Jacob and Chang, Ming-Wei},
  booktitle = {NAACL},
  year = {2019},
  doi = {10.18653/v1/N19-1423},
}

@article{schaeffer2023mirage,
  title = {Are Emergent Abilities of Large Language Models a Mirage?},
  author = {Schaeffer, Rylan and Miranda, Brando},
  year = {2023},
  journal = {arXiv preprint arXiv:2304.15004},
}
"""

MD = """# Awesome LLM

## Foundation models

1. **PaLM: Scaling Language Modeling with Pathways**. Aakanksha Chowdhery et al. arXiv 2022. [[paper](https://arxiv.org/abs/2204.02311)]
2. **Attention Is All You Need**. Ashish Vaswani et al. NeurIPS 2017. [[paper](https://arxiv.org/abs/1706.03762)]
"""

REF_KEYS = ["number", "key", "title", "arxiv", "doi", "source", "line"]
RESULT_KEYS = ["id", "verdict", "match", "score", "reason", "candidates"]


@pytest.fixture
def survey(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "refs.bib").write_text(BIB, encoding="utf-8")
    (tmp_path / "README.md").write_text(MD, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["check", *argv])
    out, err = capsys.readouterr()
    return code, out, err


# ---------------------------------------------------------------------------
# Shapes


def test_human_lines(survey: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        capsys,
        "--refs", "refs.bib", "--refs", "README.md",
        "2307.09288v2",
        "https://doi.org/10.18653/V1/N19-1423",
        "attention is all you need",
        "Emergent Abilities of Large Language Models",
        "PaLM",
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "2307.09288v2: already cited as [touvron2023llama2] Llama 2: Open Foundation and "
        "Fine-Tuned Chat Models (refs.bib:1), by arxiv-id",
        "https://doi.org/10.18653/V1/N19-1423: already cited as [devlin2019bert] BERT: "
        "Pre-training of Deep Bidirectional Transformers for Language Understanding "
        "(refs.bib:9), by doi",
        "attention is all you need: already cited as [2] Attention Is All You Need "
        "(README.md:6), by title",
        "Emergent Abilities of Large Language Models: new",
        "PaLM: ambiguous: candidates [1] PaLM: Scaling Language Modeling with Pathways "
        "(README.md:5) score 0.80 title-prefix",
    ]


def test_json_array(survey: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "--refs", "refs.bib", "--refs", "README.md", "--json",
        "arXiv:2304.15004", "Emergent Abilities of Large Language Models", "PaLM",
    )  # fmt: skip
    assert code == 0
    data = json.loads(out)
    assert [list(obj) for obj in data] == [RESULT_KEYS] * 3
    cited, new, ambiguous = data
    assert cited == {
        "id": "arXiv:2304.15004",
        "verdict": "cited",
        "match": {
            "number": None,
            "key": "schaeffer2023mirage",
            "title": "Are Emergent Abilities of Large Language Models a Mirage?",
            "arxiv": "2304.15004",
            "doi": None,
            "source": "refs.bib",
            "line": 17,
        },
        "score": 1.0,
        "reason": "arxiv-id",
        "candidates": [{**cited["match"], "score": 1.0, "reason": "arxiv-id"}],
    }
    assert new == {
        "id": "Emergent Abilities of Large Language Models",
        "verdict": "new",
        "match": None,
        "score": 0.0,
        "reason": "no-match",
        "candidates": [],
    }
    assert ambiguous["verdict"] == "ambiguous" and ambiguous["match"] is None
    (candidate,) = ambiguous["candidates"]
    assert list(candidate) == [*REF_KEYS, "score", "reason"]
    assert (candidate["number"], candidate["source"], candidate["line"]) == (1, "README.md", 5)
    assert (candidate["score"], candidate["reason"]) == (0.8, "title-prefix")


BATCH = [
    {"id": "q1", "arxiv": "https://arxiv.org/pdf/2307.09288v3.pdf"},
    {"id": "q2", "doi": "10.18653/V1/N19-1423", "title": "whatever"},
    {"id": 3, "title": "BERT", "authors": ["Jacob Devlin"], "year": 2019},
    {"title": "BERT"},
    {
        "id": "q5",
        "title": "Are Emergent Abilities of Large Language Models a Mirage",
        "authors": "Rylan Schaeffer and Brando Miranda",
        "year": "2023",
    },
    {
        "id": "q6",
        "title": "Emergent Abilities of Large Language Models",
        "authors": ["Jason Wei"],
        "year": 2022,
    },
    {"id": "q7", "doi": "https://doi.org/10.48550/arXiv.1706.03762"},
    {"id": "q8", "title": "Attention Is All You Need", "arxiv": "2501.00001"},
]


def _write_batch(path: Path, lines: list[str]) -> str:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path.name)


def _label(match: dict | None) -> str | int | None:
    return None if match is None else match["key"] or match["number"]


def test_batch_lines(survey: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = [json.dumps(obj) for obj in BATCH]
    lines.insert(2, "")  # blank lines are skipped
    lines.insert(5, "   ")
    batch = _write_batch(survey / "queries.jsonl", lines)
    code, out, err = run(capsys, "--refs", "refs.bib", "--refs", "README.md", "--batch", batch)
    assert (code, err) == (0, "")
    results = [json.loads(line) for line in out.splitlines()]
    assert all(list(r) == RESULT_KEYS for r in results)
    got = [(r["id"], r["verdict"], _label(r["match"]), r["reason"]) for r in results]
    assert got == [
        ("q1", "cited", "touvron2023llama2", "arxiv-id"),
        ("q2", "cited", "devlin2019bert", "doi"),
        (3, "cited", "devlin2019bert", "title-prefix+authors+year"),
        (None, "ambiguous", None, "title-prefix"),
        ("q5", "cited", "schaeffer2023mirage", "title+authors+year"),
        ("q6", "new", None, "no-match"),
        ("q7", "cited", 2, "arxiv-id"),
        ("q8", "ambiguous", None, "title, arxiv-conflict"),
    ]
    assert [c["key"] for c in results[3]["candidates"]] == ["devlin2019bert"]
    assert results[3]["candidates"][0]["line"] == 9


def test_batch_from_stdin(
    survey: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO('{"id": "x", "arxiv": "1706.03762"}\n'))
    code, out, _ = run(capsys, "--refs", "README.md", "--batch", "-")
    assert code == 0
    assert json.loads(out)["match"]["line"] == 6


def test_format_flag_applies_to_every_file(
    survey: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (survey / "papers.list").write_text(MD, encoding="utf-8")
    code, out, _ = run(
        capsys, "--refs", "papers.list", "--format", "markdown", "--json", "1706.03762"
    )
    assert code == 0
    assert json.loads(out)[0]["match"]["source"] == "papers.list"


# ---------------------------------------------------------------------------
# Errors: one line on stderr, exit code 2.

BAD_BATCH = [
    (
        "malformed-json",
        ['{"title": "A"}', '{"title": "B"}', '{"title": "C"'],
        "queries.jsonl:3: not valid JSON",
    ),
    (
        "malformed-after-blank",
        ['{"title": "A"}', "", "not json"],
        "queries.jsonl:3: not valid JSON",
    ),
    ("not-an-object", ['["title", "A"]'], "queries.jsonl:1: expected a JSON object, got list"),
    (
        "no-title-or-id",
        ['{"title": "A"}', '{"id": "x", "year": 2020}'],
        "queries.jsonl:2: needs at least one of 'title', 'arxiv', 'doi'",
    ),
    ("empty-title", ['{"title": "  "}'], "queries.jsonl:1: needs at least one of"),
    (
        "bad-arxiv",
        ['{"arxiv": "not-an-id"}'],
        "queries.jsonl:1: 'arxiv' is not an arXiv id: 'not-an-id'",
    ),
    ("bad-doi", ['{"doi": "11.1/x"}'], "queries.jsonl:1: 'doi' is not a DOI"),
    ("bad-year", ['{"title": "A", "year": "soon"}'], "queries.jsonl:1: 'year' must be a number"),
    (
        "bad-authors",
        ['{"title": "A", "authors": [1, 2]}'],
        "queries.jsonl:1: 'authors' must be a list of strings",
    ),
    ("bad-title-type", ['{"title": 5}'], "queries.jsonl:1: 'title' must be a string"),
    (
        "bad-id-type",
        ['{"title": "A", "id": {"x": 1}}'],
        "queries.jsonl:1: 'id' must be a string or a number",
    ),
]


@pytest.mark.parametrize(
    ("lines", "message"), [(b, m) for _, b, m in BAD_BATCH], ids=[i for i, _, _ in BAD_BATCH]
)
def test_bad_batch_line(
    survey: Path, capsys: pytest.CaptureFixture[str], lines: list[str], message: str
) -> None:
    batch = _write_batch(survey / "queries.jsonl", lines)
    code, out, err = run(capsys, "--refs", "refs.bib", "--batch", batch)
    assert code == 2
    assert out == ""
    assert err.startswith(f"survey-bot: error: {message}")
    assert err.count("\n") == 1


BAD_ARGS = [
    (
        "missing-refs-file",
        ["--refs", "missing.bib", "BERT"],
        "survey-bot: error: missing.bib: no such file",
    ),
    (
        "one-of-many-refs-missing",
        ["--refs", "refs.bib", "--refs", "nope.md", "BERT"],
        "survey-bot: error: nope.md: no such file",
    ),
    (
        "unknown-format",
        ["--refs", "refs.bib", "--format", "docx", "BERT"],
        "survey-bot: error: unknown reference format 'docx'",
    ),
    (
        "missing-batch-file",
        ["--refs", "refs.bib", "--batch", "nope.jsonl"],
        "survey-bot: error: nope.jsonl: no such file",
    ),
    (
        "batch-and-queries",
        ["--refs", "refs.bib", "--batch", "q.jsonl", "BERT"],
        "survey-bot: error: give QUERY arguments or --batch FILE, not both",
    ),
    ("nothing-to-check", ["--refs", "refs.bib"], "survey-bot: error: nothing to check"),
    ("empty-query", ["--refs", "refs.bib", "  "], "survey-bot: error: empty QUERY"),
    (
        "offline-without-resolve",
        ["--refs", "refs.bib", "--offline", "BERT"],
        "survey-bot: error: --offline only applies with --resolve",
    ),
]


@pytest.mark.parametrize(
    ("argv", "message"), [(a, m) for _, a, m in BAD_ARGS], ids=[i for i, _, _ in BAD_ARGS]
)
def test_bad_arguments(
    survey: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, out, err = run(capsys, *argv)
    assert (code, out) == (2, "")
    assert err.startswith(message)
    assert err.count("\n") == 1


def test_without_refs_outside_a_survey_it_says_what_to_give(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--repo", str(tmp_path), "BERT"]) == 2
    err = capsys.readouterr().err
    assert "survey-bot.yml does not exist: pass --refs FILE" in err and err.count("\n") == 1


# ---------------------------------------------------------------------------
# No network without --resolve; the --resolve path merges metadata.


def test_without_resolve_no_network_modules(survey: Path) -> None:
    """Nor the configuration's: a directory without a config file has the default
    metadata cache, found without importing the schema (9 ms of a 230 ms warm check)."""
    code = (
        "import sys\n"
        "from bot.cli import main\n"
        "rc = main(['check', '--refs', 'refs.bib', '--json', 'BERT', '2307.09288'])\n"
        "heavy = ('requests', 'urllib3', 'bot.metadata', 'github', 'bot.config', 'yaml')\n"
        "print(rc, sorted(m for m in heavy if m in sys.modules))\n"
    )
    root = Path(__file__).resolve().parents[2]
    env = {"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=survey,
        env=env,
        check=True,
    )
    assert done.stdout.splitlines()[-1] == "0 []"


def test_check_module_imports_light() -> None:
    code = (
        "import sys, bot.cli.check\n"
        "print(sorted(m for m in ('rapidfuzz', 'bot.matching', 'requests') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def _s2(data: object) -> Reply:
    return Reply(200, json.dumps(data).encode(), {"Content-Type": "application/json"})


def _s2_paper(title: str, **external_ids: str) -> dict[str, object]:
    """A Semantic Scholar paper object, as ``/paper/{id}`` sends it."""
    return {"paperId": "0" * 40, "externalIds": external_ids, "title": title, "venue": "",
            "year": 2023, "authors": []}  # fmt: skip


RESOLVE_QUERIES = (
    "10.1000/acl.1",
    "https://aclanthology.org/N19-1423/",
    "Mirage?",
    "Unknown Paper Title",
    "https://openreview.net/forum?id=unknown",
)


def test_resolve_uses_metadata(
    survey: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """``--resolve`` asks the real resolver at SURVEY_BOT_METADATA_URLS, as ``run`` does.

    The survey's cache is filled from a local stand-in first (without the services'
    pacing); ``--offline`` then answers from it alone, which works only when the
    command uses the same base URLs the cache keys were made with.
    """
    from bot.cli.check import item_from_text, survey_settings
    from bot.metadata import build_resolver
    from bot.suggestions import Suggestion

    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    server = FixtureServer().start()
    try:
        # A published DOI for a preprint cited by its arXiv id.
        server.route(
            "semanticscholar",
            "/paper/DOI:10.1000/acl.1",
            _s2(_s2_paper("Llama 2", ArXiv="2307.09288", DOI="10.1000/acl.1")),
        )
        # A URL that only the services understand: the published BERT (its ACL DOI).
        server.route(
            "crossref",
            "/works/10.18653/v1/n19-1423",
            recorded("crossref", "works_10.18653_v1_n19-1423_bert_trimmed.json"),
        )
        # A title match carrying only the preprint's DOI: it is cited by its arXiv id.
        server.route(
            "semanticscholar",
            "/paper/search/match",
            _s2({"data": [_s2_paper("Mirage", DOI="10.48550/arXiv.2304.15004")]}),
            query={"query": "Mirage"},
        )
        # Everything else is unknown (404), as for the unknown title and forum.
        urls = server.base_urls()
        with build_resolver(
            survey_settings(survey), base_urls=urls, sleep=lambda _: None
        ) as resolver:
            resolver.resolve_many(
                Suggestion(arxiv=i.query.arxiv, doi=i.query.doi, url=i.url, title=i.query.title)
                for i in map(item_from_text, RESOLVE_QUERIES)
            )
        server.log.clear()
        monkeypatch.setenv("SURVEY_BOT_METADATA_URLS", json.dumps(urls))
        code, out, err = run(
            capsys, "--refs", "refs.bib", "--resolve", "--offline", "--json", *RESOLVE_QUERIES
        )
        assert server.seen() == []  # --offline: the cache alone
    finally:
        server.stop()
    assert code == 0
    verdicts = [(r["id"], r["verdict"], r["reason"]) for r in json.loads(out)]
    assert verdicts == [
        ("10.1000/acl.1", "cited", "arxiv-id"),
        ("https://aclanthology.org/N19-1423/", "cited", "doi"),
        ("Mirage?", "cited", "arxiv-id"),
        ("Unknown Paper Title", "new", "no-match"),
        ("https://openreview.net/forum?id=unknown", "new", "no-match"),  # an id, unlisted
    ]
    assert "survey-bot: note: Unknown Paper Title: could not resolve: " in err
    assert err.count("; checked as given\n") == 2  # the title and the forum link


def test_resolve_rejects_bad_metadata_urls(
    survey: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SURVEY_BOT_METADATA_URLS", "[1]")
    code, out, err = run(capsys, "--refs", "refs.bib", "--resolve", "--offline", "BERT")
    assert (code, out) == (2, "")
    assert err.startswith("survey-bot: error: SURVEY_BOT_METADATA_URLS must be a JSON object")


# ---------------------------------------------------------------------------
# Without --resolve: links that name their ids, and where a new paper may go.

SECTIONED = """# Awesome LLM

## Reasoning

1. **Chain-of-Thought Prompting Elicits Reasoning in Large Language Models**. Jason Wei et al. 2022.
2. **Self-Consistency Improves Chain of Thought Reasoning in Language Models**. Xuezhi Wang.
3. **Large Language Models are Zero-Shot Reasoners**. Takeshi Kojima et al. 2022.

## Tool use

1. **Toolformer: Language Models Can Teach Themselves to Use Tools**. Timo Schick et al. 2023.
2. **ToolLLM: Facilitating Large Language Models to Master 16000+ Real-world APIs**. Yujia Qin.

## Evaluation

1. **Holistic Evaluation of Language Models**. Percy Liang et al. 2022.
2. **Measuring Massive Multitask Language Understanding**. Dan Hendrycks et al. 2021.
"""


def test_acl_and_openreview_links_need_no_resolve(
    survey: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(
        capsys, "--refs", "refs.bib", "--json",
        "https://aclanthology.org/N19-1423/", "https://openreview.net/forum?id=unknown",
    )  # fmt: skip
    assert (code, err) == (0, "")
    acl, forum = json.loads(out)
    assert (acl["verdict"], acl["reason"]) == ("cited", "doi")
    assert acl["match"]["key"] == "devlin2019bert"
    assert (forum["verdict"], forum["candidates"]) == ("new", [])


def test_a_link_only_resolve_can_read_is_answered_alone(
    survey: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A conference page among other queries: the others are still checked (the whole
    # command stopped with an error), and that one says what it needs.
    code, out, err = run(
        capsys, "--refs", "refs.bib", "--json",
        "https://aclanthology.org/N19-1423/",
        "https://nips.cc/virtual/2023/poster/70000",
    )  # fmt: skip
    acl, page = json.loads(out)
    assert (code, acl["verdict"]) == (0, "cited")
    assert (page["verdict"], page["reason"]) == ("ambiguous", "needs --resolve")
    assert "nips.cc/virtual/2023/poster/70000: only arXiv, DOI, ACL Anthology and" in err


def test_json_proposes_sections_for_new_papers(
    survey: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (survey / "list.md").write_text(SECTIONED, encoding="utf-8")
    code, out, _ = run(
        capsys, "--refs", "list.md", "--json",
        "Tree of Thoughts: Deliberate Problem Solving with Large Language Models",
        "Holistic Evaluation of Language Models",
    )  # fmt: skip
    assert code == 0
    new, cited = json.loads(out)
    assert cited["verdict"] == "cited" and "sections" not in cited
    assert new["verdict"] == "new"
    assert list(new) == [*RESULT_KEYS, "sections"]
    best = new["sections"][0]
    assert list(best) == ["heading", "score", "because"]
    assert best["heading"] == "Reasoning"
    assert 0 < best["score"] <= 1
    reasoning = SECTIONED.split("## Tool use")[0]
    assert best["because"] and all(title in reasoning for title in best["because"])
    assert [s["score"] for s in new["sections"]] == sorted(
        (s["score"] for s in new["sections"]), reverse=True
    )


@pytest.mark.parametrize(
    "line",
    [
        ' \t{"title": "A"}\r ',
        '{"title": "A"} x',
        '{"title": "A"}{"title": "B"}',
        '\ufeff{"title": "A"}',
        '{"title": "A"}\u00a0',
        '\u00a0{"title": "A"}',
        '{"title": "A"',
        "[1] ",
        ' "A" ',
    ],
)
def test_batch_lines_read_as_json_loads_reads_them(tmp_path: Path, line: str) -> None:
    """``read_batch`` reads a line without ``json.loads``'s white-space passes: the same
    value or the same error for every line, JSON white space or other around it."""
    from bot.cli.check import read_batch
    from bot.errors import InputError

    path = tmp_path / "q.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    try:
        expected: object = json.loads(line)
    except json.JSONDecodeError as exc:
        expected = f"{path}:1: not valid JSON ({exc.msg})"
    try:
        items = read_batch(str(path))
    except InputError as exc:
        got: object = str(exc)
        if isinstance(expected, dict | list | str) and "not valid JSON" not in str(expected):
            assert "expected a JSON object" in got  # the value was read, then refused
            return
    else:
        got = {"title": items[0].query.title}
    assert got == expected
