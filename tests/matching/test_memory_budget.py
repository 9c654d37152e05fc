"""Issue 15's memory budget, kept: ``check --batch`` against 50,000 references stays
under 100 MB of peak RSS (it was 193 MB; ``docs/benchmarks.md`` has the figures).

One process, measured as ``benchmarks/bench_check.py`` measures it (its own
``ru_maxrss``, from a small intermediary process), cold, so that the loader, the
index and the matcher are all in the figure. Memory does not depend on how busy
the machine is, so this bound holds on a loaded CI runner too.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from benchmarks import bench_check

REFERENCES = 50_000
BUDGET = 100 * 2**20  # bytes of peak RSS


def test_check_against_50000_references_stays_under_100_mb(tmp_path: Path) -> None:
    rng = random.Random(2024)
    papers = bench_check.make_papers(REFERENCES, rng)
    bench_check.write_bib(papers, tmp_path / "survey.bib", rng)
    cases = bench_check.make_cases(papers[:2000], 50, rng)
    queries = [bench_check.query_line(n, c.query) for n, c in enumerate(cases)]
    (tmp_path / "queries.jsonl").write_text("\n".join(queries) + "\n", encoding="utf-8")
    command = ["check", "--no-cache", "--refs", "survey.bib", "--batch", "queries.jsonl"]
    run = bench_check.run_process([sys.executable, "-m", "bot", *command], tmp_path)
    assert len(run.stdout.splitlines()) == 50
    assert run.peak_rss < BUDGET, f"peak RSS {run.peak_rss / 2**20:.1f} MB"
