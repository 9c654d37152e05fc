"""``check`` matches and prints with the garbage collector paused (``bot.cli.check``),
which is only sound while matching a query makes no reference cycles: garbage that
only a collection frees would pile up over a long batch. This keeps that true (the
``--json`` encoder's few cycles are made once per run, whatever the batch)."""

from __future__ import annotations

import argparse
import gc
import io
import random
import subprocess
import sys
from collections.abc import Iterator
from contextlib import redirect_stdout
from pathlib import Path

import pytest

from benchmarks import bench_check
from bot.cli import check
from bot.matching import ReferenceIndex
from bot.references import parse

# Headings, so that sections are proposed for the new papers (``bot.placement``).
MARKDOWN = """# A survey

## Agents

1. **ReAct: Synergizing Reasoning and Acting in Language Models**. Shunyu Yao et al. 2023.
2. **Toolformer: Language Models Can Teach Themselves to Use Tools**. Timo Schick et al. 2023.

## Models

- **Llama 2: Open Foundation and Fine-Tuned Chat Models** (2023)
"""


@pytest.fixture
def collector_off() -> Iterator[None]:
    """The collector paused, with nothing collectable left from before."""
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


@pytest.mark.parametrize("shape", ["batch", "json", "text"])
def test_matching_and_printing_a_batch_leave_no_cycles(
    shape: str, tmp_path: Path, collector_off: None
) -> None:
    rng = random.Random(7)
    papers = bench_check.make_papers(400, rng)
    bench_check.write_bib(papers, tmp_path / "survey.bib", rng)
    bib = (tmp_path / "survey.bib").read_text(encoding="utf-8")
    references = [
        *parse(bib, "bibtex", "survey.bib").references,
        *parse(MARKDOWN, "markdown", "README.md").references,
    ]
    index = ReferenceIndex.build(references)
    items = [
        check._Item(n, case.query)
        for n, case in enumerate(bench_check.make_cases(papers, 300, rng))
    ]
    args = argparse.Namespace(
        batch=shape == "batch", json=shape == "json", resolve=False, repo=str(tmp_path)
    )
    assert cycles(args, items[:10], index) == cycles(args, items, index)


def cycles(args: argparse.Namespace, items: list[check._Item], index: ReferenceIndex) -> int:
    """How many objects only a collection frees after answering ``items`` as ``args`` asks."""
    gc.collect()
    with redirect_stdout(io.StringIO()) as out:
        assert check._answer(args, items, index) == 0
    assert len(out.getvalue().splitlines()) >= len(items)
    return gc.collect()


def test_a_check_thaws_the_collector_for_its_caller_and_freezes_all_at_exit(tmp_path: Path):
    """The interpreter's last collection would walk every object left: ``check`` freezes
    them at exit instead (atexit), and leaves a caller in the same process a collector
    that walks as before."""
    (tmp_path / "survey.bib").write_text(
        "@article{a, title = {Attention Is All You Need}, year = {2017}}\n", encoding="utf-8"
    )
    code = (
        "import atexit, gc, io, contextlib\n"
        "atexit.register(lambda: print('frozen at exit:', gc.get_freeze_count() > 0))\n"
        "from bot.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    for _ in range(2):\n"
        "        main(['check', '--refs', 'survey.bib', 'Attention is all you need'])\n"
        "print('frozen after:', gc.get_freeze_count())\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True
    )
    assert done.stdout.split("\n") == ["frozen after: 0", "frozen at exit: True", ""], done
