"""``make demo`` runs offline on a fresh clone, prints the replies and the PR, and cleans up.

The demo resolves papers with the real ``bot.metadata`` resolver against its
local stand-in of arXiv, Crossref, Semantic Scholar and dblp; its closing
"What happened" lines count the requests each service answered.
"""

from __future__ import annotations

import os
import re
import resource
import subprocess
import sys
import urllib.request
from pathlib import Path

from bot.metadata.arxiv import parse_feed
from bot.metadata.http import Response
from sandbox.standin import MetadataStandIn, atom_feed, load_entries

ROOT = Path(__file__).resolve().parents[2]


def test_demo_prints_replies_and_the_pull_request_quickly(tmp_path: Path) -> None:
    # The demo's temporary files go to a folder of this test's own (TMPDIR), so
    # "it cleans up" is checked without seeing other processes' demo runs.
    env = {
        **os.environ,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        "TMPDIR": str(tmp_path),
    }
    # "Quickly" is CPU time (the demo and every process it starts), which a
    # busy machine does not stretch the way it stretches the wall clock.
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(
        [sys.executable, "-m", "sandbox.demo"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert out.count("=== survey-bot's reply on #") == 3
    assert "**Already cited** as" in out  # the Transformer paper
    assert "**Not in the survey yet.**" in out  # arXiv 2308.09662
    assert "**We could not identify the paper**" in out
    assert "=== Pull request #4: Add papers suggested by readers (1 paper)" in out
    assert "Closes #2" in out
    assert "+++ b/README.md" in out and "+@article{bhardwaj2023red," in out
    assert "Jay Alammar, and Bob Jones." in out
    # The survey's LaTeX epilogue gets its 更新日志 item and its 致谢 name too.
    assert "+++ b/paper/epilogue.tex" in out
    assert re.search(
        r"^\+    \\item \d{4} 年 \d{1,2} 月 \d{1,2} 日更新:"
        r"添加了读者建议的 1 篇论文到“Adaptation Tuning”部分。$",
        out,
        re.MULTILINE,
    )
    assert "读者:Tyler Suard, Damai Dai, Liang Ding, Stella Biderman, Kevin Gray, " in out
    assert "Gray, Jay Alammar, and Bob Jones.\n" in out
    assert "<!-- survey-bot:" not in out
    # /accept with a section that is no heading is refused; a forgiving spelling is recorded.
    assert 'section "Alignment Tuning" is not a heading of README.md' in out
    assert "reaction: none" in out and "      - Adaptation Tuning\n" in out  # the reply says it
    assert '**Accepted** for section "Adaptation Tuning"' in out
    assert "#2: new-paper, paper-suggestion, accepted" in out
    # The dashboard, opened by the scheduled run: #2 in the pull request.
    assert "=== The dashboard, issue #5: Survey dashboard" in out
    assert "## In the open pull request #4 (1)" in out
    assert "- #2 **Red-Teaming Large Language Models" in out
    # The real resolver asked the stand-in: arXiv for each id and the title, the rest for it.
    # A triage asks for the dashboard too (1 request; none is open before the first batch).
    assert "- triage #1: 4 requests to the fake GitHub; metadata stand-in: arXiv 1" in out
    assert (
        "- triage #3: 4 requests to the fake GitHub; metadata stand-in: arXiv 1, Crossref 1," in out
    )
    # The audit of the example survey: its list is clean; one batched arXiv lookup.
    assert "=== 4. An audit of the survey's own list" in out and "No problems found." in out
    assert "- audit: 0 requests to the fake GitHub; metadata stand-in: arXiv 1" in out
    assert "which made 9 HTTP requests to the local stand-in" in out
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    assert cpu < 15
    assert list(tmp_path.iterdir()) == []


def test_the_arxiv_stand_in_serves_feeds_the_real_parser_reads() -> None:
    with MetadataStandIn(load_entries()) as stand_in:
        url = stand_in.base_urls["arxiv"] + "?id_list=1706.03762,9999.99999&max_results=2"
        with urllib.request.urlopen(url, timeout=5) as reply:
            found = parse_feed(Response(reply.status, reply.read()))
        assert stand_in.requests == {"arxiv": 1}
    [(record, _)] = found.values()  # the unknown id is silently missing, as on arXiv
    assert (record.arxiv, record.title, record.year) == (
        "1706.03762",
        "Attention Is All You Need",
        2017,
    )
    assert parse_feed(Response(200, atom_feed('search_query=ti:"x"', []))) == {}
