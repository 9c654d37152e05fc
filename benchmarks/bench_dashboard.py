"""Benchmark how fast the dashboard's body is fitted under GitHub's 65,536 characters.

A survey with years of suggestions has thousands of entries; the scheduled run
and every refresh render the dashboard and fold its oldest entries until the
body fits. ``bot.dashboard.render.fit`` finds how many to fold by bisection;
the naive baseline folds one entry at a time, rendering after each, which is
what a straightforward loop does. Both must give the same body.

Run: ``.venv/bin/python benchmarks/bench_dashboard.py`` (prints one line per
size; about half a minute, nearly all of it the baseline). The entries are
synthetic: 160-character titles (the dashboard's clip), half merged, a
quarter declined, the rest awaiting a decision.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import replace

from bot.dashboard.model import Dashboard, Entry
from bot.dashboard.render import BODY_BUDGET, FOLD_ORDER, body, fit
from bot.render import Renderer

TODAY = dt.date(2024, 5, 1)
NAIVE_UP_TO = 1000  # entries: the baseline takes about 4 minutes at 3000
TITLE = ("A Survey-Sized Title About Large Language Models and Their Evaluation " * 3)[:160]


def dashboard(size: int) -> Dashboard:
    entries = []
    for n in range(size):
        status = "merged" if n % 4 < 2 else "declined" if n % 4 == 2 else "awaiting"
        since = f"20{20 + n % 5}-{1 + n % 12:02d}-01"
        entries.append(Entry(n + 1, 0, TITLE, f"reader{n}", status, since, section="Models"))
    return Dashboard(entries=tuple(entries))


def naive_fit(data: Dashboard, render: object) -> tuple[Dashboard, str]:
    """One entry folded per render, in the same order."""
    text = body(data, TODAY, render)  # type: ignore[arg-type]
    order = [
        e
        for status, oldest in FOLD_ORDER
        for e in (lambda xs: xs if oldest else xs[::-1])(
            [x for x in data.entries if x.status == status]
        )
    ]
    for entry in order:
        if len(text) <= BODY_BUDGET:
            break
        folded = dict(data.folded)
        folded[entry.status] = folded.get(entry.status, 0) + 1
        data = replace(
            data, entries=tuple(e for e in data.entries if e is not entry), folded=folded
        )
        text = body(data, TODAY, render)  # type: ignore[arg-type]
    return data, text


def main() -> None:
    renderer = Renderer.bundled()

    def render(**values: object) -> str:
        return renderer.render("dashboard.md.j2", **values)

    print("entries  fit (bisection)  naive (one per render)  ratio  body chars")
    for size in (200, 1000, 3000):
        data = dashboard(size)
        started = time.perf_counter()
        _, text = fit(data, TODAY, render)
        fast = time.perf_counter() - started
        if size > NAIVE_UP_TO:  # minutes: the point is made by then
            print(f"{size:7d}  {fast:13.3f} s  {'(not run)':>22}  {'':>6}  {len(text):10d}")
            continue
        started = time.perf_counter()
        _, slow_text = naive_fit(data, render)
        slow = time.perf_counter() - started
        assert slow_text == text, "the baseline and fit disagree"
        print(f"{size:7d}  {fast:13.3f} s  {slow:20.3f} s  {slow / fast:5.1f}x  {len(text):10d}")


if __name__ == "__main__":
    main()
