"""Intake and every loader run in linear time, whatever shape a hostile text has.

Each case is an issue body or a reference file built from one repeated unit
that once made a parser walk back or scan ahead over everything before it
(quadratic: a 2 MB one-line BibTeX entry took 49 s, a 65,000-character body of
title-like lines 9 s). Each is timed at two sizes, four times apart: linear
code takes about four times as long, a quadratic walk sixteen. The full sizes
(65,000-character bodies, GitHub's limit; 2 MB files) must also stay within a
generous bound; the tight figures are in ``benchmarks/bench_hostile.py``.
"""

from __future__ import annotations

import gc
import time

import pytest

from bot.intake import parse_issue
from bot.references import parse

BODY = 65_000
FILE = 2_000_000
FILE_SECONDS = 30.0  # a 2 MB file; the linear loaders take 1-3 s on a busy 2-core runner
BODY_SECONDS = 5.0  # a 65,000-character body; well under 1 s


def repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


# (format, head, repeated unit): each was superlinear before its fix.
FILES = {
    "bbl-open-bibitem": ("bbl", "", "\\bibitem{"),  # each key's '}' searched to the end
    "bbl-bracket-bibitem": ("bbl", "", "\\bibitem["),
    "bbl-emph": ("bbl", "\\bibitem{a}", "\\emph{"),
    "bbl-href": ("bbl", "\\bibitem{a}", "\\href{x}{"),
    "bibtex-one-line-fields": ("bibtex", "@article{k,", "a=b,"),  # indent: rfind to line start
    "bibtex-open-entries": ("bibtex", "", "@article{"),
    "bibtex-nested-braces": ("bibtex", "@article{k, title={", "{"),
    "bibtex-strings": ("bibtex", "", '@string{a="b"}\n'),
    "text-numbered": ("text", "", "[1] A. B. Title. Venue, 2020.\n"),
    "markdown-brackets": ("markdown", "", "["),
    "markdown-open-link": ("markdown", "[a](", "("),
    "markdown-table": ("markdown", "| a | b |\n|---|---|\n", "| x | y |\n"),
}

# Issue bodies: lines a title check accepts, each walked back over up to 50 earlier ones.
BODIES = {
    "title-lines": "Scaling Laws For Neural Models\n",
    "short-title-lines": "Deep Nets\n",
    "colon-then-titles": "Attention Is All You Need For Everything\n",
    "label-lines": "Title: something here\n",
    "cjk-title-lines": "论文标题很长的一个题目\n",
    "quoted-titles": '"A Title Here" ',
    "open-brackets": "[",
    "open-bibtex": "@article{k,",
}


def seconds(work, *args) -> float:
    """The best of three timings of ``work(*args)`` in CPU time, the garbage collector
    paused: the least disturbed by a busy machine (time spent waiting for a core is not
    counted, and the collector's passes grow with all live objects, not with the work
    timed)."""
    best = float("inf")
    for _ in range(3):
        gc.collect()
        gc.disable()
        try:
            started = time.process_time()
            work(*args)
            best = min(best, time.process_time() - started)
        finally:
            gc.enable()
    return best


def grows_linearly(small: float, large: float) -> bool:
    """Four times the input: about four times the time (a quadratic walk takes sixteen)."""
    return large < 8 * small + 0.05


@pytest.mark.parametrize("shape", FILES)
def test_a_reference_file_of_a_hostile_shape_loads_in_linear_time(shape):
    format, head, unit = FILES[shape]
    small, large = (
        seconds(parse, head + repeat(unit, size), format, "hostile")
        for size in (FILE // 32, FILE // 8)
    )
    assert grows_linearly(small, large), f"{shape}: {small:.2f} s, then {large:.2f} s for 4x"


# The worst shape of each format, at full size.
WORST = ["bbl-open-bibitem", "bibtex-one-line-fields", "text-numbered", "markdown-table"]


@pytest.mark.parametrize("shape", WORST)
def test_a_2_mb_reference_file_loads_within_a_generous_bound(shape):
    format, head, unit = FILES[shape]
    text = head + repeat(unit, FILE)

    started = time.perf_counter()
    parse(text, format, "hostile")
    elapsed = time.perf_counter() - started

    assert elapsed < FILE_SECONDS, f"{shape}: {elapsed:.1f} s for {len(text):,} characters"


@pytest.mark.parametrize("shape", BODIES)
def test_a_65000_character_issue_is_read_in_linear_time(shape):
    intro = "Please add the following papers:\n" if shape == "colon-then-titles" else ""

    def body(size: int) -> str:
        return intro + repeat(BODIES[shape], size - len(intro))

    small, large = (
        seconds(parse_issue, "Paper suggestion", body(size)) for size in (BODY // 4, BODY)
    )

    assert large < BODY_SECONDS, f"{shape}: {large:.1f} s for {BODY:,} characters"
    assert grows_linearly(small, large), f"{shape}: {small:.2f} s, then {large:.2f} s for 4x"
