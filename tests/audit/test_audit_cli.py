"""``survey-bot audit`` from the command line: the text report, ``--json``, the job
summary, ``--offline`` from the survey's metadata cache, and ``--fix`` as one pull
request on the fake GitHub with byte-preserving edits (real git, bare origin)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from bot.cli import main
from bot.metadata.cache import Cache
from sandbox.standin import MetadataStandIn
from sandbox.testing import running_fake_github
from tests.gitrepo.gitutil import commit_files, isolate_git, make_origin

CONFIG = "references:\n  - path: README.md\n    format: markdown\n"
# CRLF endings, as some upstream READMEs have: fixed lines must keep them.
README = "\r\n".join(
    [
        "# Papers",
        "",
        "## Models",
        "",
        '1. **"Language Models are Few-Shot Learners"**. *Tom B. Brown et al*. NeurIPS 2020.'
        " [[Paper](http://arxiv.org/abs/2005.14165v4)]",
        '3. **"Attention Is All You Need"**. *Ashish Vaswani et al*. NeurIPS 2017.'
        " [[Paper]](https://arxiv.org/abs/1706.03762)",
        "",
        "## Reasoning",
        "",
        '1. **"Least-to-Most Prompting Enables Complex Reasoning in Large Language Models"**.'
        " *Denny Zhou et al*. arXiv 2022. [[Paper](https://arxiv.org/abs/2205.10625)]",
        '2. **"Decomposed Prompting"**. *Tushar Khot et al*. ICLR 2023.'
        " [[Paper](https://openreview.net/forum?id=_nGgzQjzaRy)]",
        '3. **"Language Models are Few-Shot Learners"**. *Tom B. Brown et al*. NeurIPS 2020.'
        " [[Paper](https://arxiv.org/abs/2005.14165)]",
        "",
    ]
)
FIXED = (
    README.replace("http://arxiv.org/abs/2005.14165v4", "https://arxiv.org/abs/2005.14165")
    .replace('\r\n3. **"Attention', '\r\n2. **"Attention')
    .replace(
        "[[Paper]](https://arxiv.org/abs/1706.03762)", "[[Paper](https://arxiv.org/abs/1706.03762)]"
    )
)


@pytest.fixture
def survey(tmp_path: Path) -> Path:
    root = tmp_path / "survey"
    (root / ".github").mkdir(parents=True)
    (root / ".github" / "survey-bot.yml").write_text(CONFIG, encoding="utf-8")
    (root / "README.md").write_bytes(README.encode("utf-8"))
    return root


def test_text_report_and_job_summary(survey: Path, capsys, monkeypatch, tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert main(["audit", "--repo", str(survey), "--offline"]) == 0
    out = capsys.readouterr().out
    assert (
        "] README.md:5, README.md:12: 'Language Models are Few-Shot Learners' is linked as" in out
    )
    assert "3 findings: numbering 1, malformed-entry 1, inconsistent-links 1" in out
    assert not (survey / ".survey-bot").exists()  # --offline without a cache creates none
    written = summary.read_text(encoding="utf-8")
    assert written.startswith("### survey-bot: audit\n")
    assert "| One work linked in different forms | 1 |" in written


def test_json_and_offline_cache_links(survey: Path, capsys) -> None:
    cache = Cache(survey / ".survey-bot" / "cache.sqlite")
    cache.link(["arxiv:2210.02406", "openreview:_nGgzQjzaRy"])
    cache.link(["arxiv:2205.10625", "openreview:WZH7099tgfM"])
    cache.close()
    readme = README.replace(
        "## Reasoning",
        '## Planning\r\n\r\n1. **"Decomposed Prompting: A Modular Approach"**. *Tushar Khot et al*.'
        " arXiv 2022. [[Paper](https://arxiv.org/abs/2210.02406)]\r\n\r\n## Reasoning",
    )
    (survey / "README.md").write_bytes(readme.encode("utf-8"))
    assert main(["audit", "--repo", str(survey), "--offline", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    kinds = sorted(x["kind"] for x in data)
    assert kinds == [
        "inconsistent-links", "malformed-entry", "numbering", "several-identifiers"
    ]  # fmt: skip
    (several,) = [x for x in data if x["kind"] == "several-identifiers"]
    assert [(e["file"], e["line"], e["ids"]) for e in several["entries"]] == [
        ("README.md", 10, ["arxiv:2210.02406"]),
        ("README.md", 15, ["openreview:_nGgzQjzaRy"]),
    ]
    assert set(several) == {"id", "kind", "message", "entries", "fix"}


def test_accept_needs_fix(survey: Path, capsys) -> None:
    assert main(["audit", "--repo", str(survey), "--accept", "abc"]) == 2
    assert "--accept only applies with --fix" in capsys.readouterr().err


def test_fix_opens_one_pull_request_with_byte_preserving_edits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    isolate_git(monkeypatch)
    origin, clone = make_origin(
        tmp_path, {"README.md": README.encode("utf-8"), ".github/survey-bot.yml": CONFIG}
    )
    with running_fake_github() as github:
        github.link_git(origin)
        summary = tmp_path / "summary.md"
        for name, value in {
            "GITHUB_TOKEN": github.token,
            "SURVEY_BOT_LOGIN": github.bot_login,
            "GITHUB_REPOSITORY": github.repo,
            "GITHUB_API_URL": github.base_url,
            "GITHUB_WORKSPACE": str(clone),
            "GITHUB_STEP_SUMMARY": str(summary),
            "SURVEY_BOT_SECONDS_BETWEEN_REQUESTS": "0",
            "SURVEY_BOT_SECONDS_BETWEEN_WRITES": "0",
        }.items():
            monkeypatch.setenv(name, value)
        monkeypatch.delenv("SURVEY_BOT_TOKEN", raising=False)

        assert main(["audit", "--fix", "--offline"]) == 0
        assert capsys.readouterr().out.startswith("survey-bot: audit --fix: opened #")
        (pull,) = github.pulls()
        assert pull["head"]["ref"] == "survey-bot/audit"
        fixed = show(origin, "survey-bot/audit:README.md")
        assert fixed == FIXED.encode("utf-8")  # every other byte, CRLF included, kept
        assert show(origin, "main:README.md") == README.encode("utf-8")  # main untouched
        assert "Fixed by survey-bot audit" in pull["body"]
        assert "audit --fix" in summary.read_text(encoding="utf-8")

        # Again with nothing new: the same commit, the same pull request, nothing written.
        writes = len([r for r in github.requests if r.method != "GET"])
        assert main(["audit", "--fix", "--offline"]) == 0
        assert "unchanged" in capsys.readouterr().out
        assert len(github.pulls()) == 1
        assert len([r for r in github.requests if r.method != "GET"]) == writes

        # A maintainer's edit on main: the pull request is rebuilt on top of it.
        commit_files(clone, {"README.md": README.replace("# Papers", "# Our papers")}, "retitle",
                     push="main")  # fmt: skip
        assert main(["audit", "--fix", "--offline"]) == 0
        assert len(github.pulls()) == 1
        assert show(origin, "survey-bot/audit:README.md") == FIXED.replace(
            "# Papers", "# Our papers"
        ).encode("utf-8")


def show(bare: Path, spec: str) -> bytes:
    return subprocess.run(["git", "show", spec], cwd=bare, capture_output=True, check=True).stdout


PREPRINT = (
    "# Papers\n\n## Reasoning\n\n"
    '1. **"Least-to-Most Prompting Enables Complex Reasoning in Large Language Models"**.'
    " *Denny Zhou et al*. arXiv 2022. [[Paper](https://arxiv.org/abs/2205.10625)]\n"
)
PUBLISHED = {
    "id": "2205.10625v3",
    "title": "Least-to-Most Prompting Enables Complex Reasoning in Large Language Models",
    "authors": ["Denny Zhou", "Nathanael Schärli", "Le Hou"],
    "published": "2022-05-21T00:00:00Z",
    "updated": "2023-04-16T00:00:00Z",
    "summary": "Chain-of-thought prompting ...",
    "journal_ref": "ICLR 2023",
}


def test_published_version_found_online_then_offline_from_the_cache(
    survey: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    (survey / "README.md").write_text(PREPRINT, encoding="utf-8")
    with MetadataStandIn([PUBLISHED]) as stand_in:
        monkeypatch.setenv("SURVEY_BOT_METADATA_URLS", json.dumps(stand_in.base_urls))
        assert main(["audit", "--repo", str(survey), "--json"]) == 0
        online = json.loads(capsys.readouterr().out)
        asked = sum(stand_in.requests.values())
        assert main(["audit", "--repo", str(survey), "--json", "--offline"]) == 0
        offline = json.loads(capsys.readouterr().out)
        assert sum(stand_in.requests.values()) == asked  # the cache answered
    assert online == offline
    (finding,) = online
    assert finding["kind"] == "published-version"
    assert [(e["line"], e["ids"]) for e in finding["entries"]] == [(5, ["arxiv:2205.10625"])]
    assert finding["fix"]["edits"] == [
        {"file": "README.md", "line": 5, "old": "arXiv 2022", "new": "ICLR 2023",
         "mechanical": False}
    ]  # fmt: skip


def test_audit_config_reads_the_configured_files(survey: Path) -> None:
    from bot.audit.load import audit_config
    from bot.config import load_config

    kinds = sorted(x.kind for x in audit_config(load_config(survey)))
    assert kinds == ["inconsistent-links", "malformed-entry", "numbering"]
