"""Benchmark the section suggestion (``bot.placement``) by leave-one-out on real paper lists.

Each listed paper is taken out of the list (with any other copy of it), the
model is built from the rest, and the paper's title is placed back: a hit at
rank 1 (top-1) or among the three proposals (top-3) when the maintainers' own
section is there. Two baselines on the same folds: "always the largest
section" (its top-3 is the three largest sections) and a plain TF-IDF
nearest neighbour over titles (the section of the single most similar title;
its top-3 the sections of the nearest titles in different sections).

Only titles are used: the lists hold no abstracts, and nothing is fetched.
Data: ``benchmarks/data/sections/`` (sources and commits in its ``SOURCES.md``).
Run: ``.venv/bin/python benchmarks/bench_sections.py [--json]``.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.models import Reference
from bot.placement import SectionModel
from bot.references import load_references
from bot.text.normalize import title_key, title_tokens

DATA = Path(__file__).resolve().parent / "data" / "sections"
LISTS = ("llmsurvey.md", "llm-agent-paper-list.md", "promptpapers.md")


def _nearest_title_sections(
    held: Counter[str], rest: list[Reference], docs: list[Counter[str]]
) -> list[str]:
    """The plain baseline: sections in order of their nearest title (TF-IDF cosine)."""
    df: Counter[str] = Counter()
    for doc in docs:
        df.update(doc.keys())
    n = len(rest)

    def vector(doc: Counter[str]) -> dict[str, float]:
        weights = {t: c * math.log((n + 1) / (df.get(t, 0) + 1)) for t, c in doc.items()}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        return {t: w / norm for t, w in weights.items()}

    query = vector(held)
    vectors = [vector(doc) for doc in docs]
    sims = [sum(w * v.get(t, 0.0) for t, w in query.items()) for v in vectors]
    order = sorted(range(n), key=lambda i: -sims[i])
    return list(dict.fromkeys(rest[i].section or "" for i in order))


def evaluate(path: Path) -> dict:
    refs = [r for r in load_references(path) if r.section and title_key(r.title)]
    keys = [title_key(r.title) for r in refs]
    words = [Counter(title_tokens(r.title)) for r in refs]
    hits: Counter[str] = Counter()
    start = time.process_time()
    for i, held in enumerate(refs):
        kept = [j for j, key in enumerate(keys) if key != keys[i]]
        rest = [refs[j] for j in kept]
        ours = [s.heading for s in SectionModel(rest).rank(held.title)]
        sizes = Counter(r.section for r in rest)
        largest = [section for section, _ in sizes.most_common(3)]
        nearest = _nearest_title_sections(words[i], rest, [words[j] for j in kept])
        for name, ranked in (("ours", ours), ("largest", largest), ("nearest", nearest)):
            hits[f"{name}@1"] += bool(ranked) and ranked[0] == held.section
            hits[f"{name}@3"] += held.section in ranked[:3]
    seconds = time.process_time() - start
    n = len(refs)
    return {
        "list": path.name,
        "papers": n,
        "sections": len({r.section for r in refs}),
        **{key: round(count / n, 3) for key, count in sorted(hits.items())},
        "ms_per_paper": round(1000 * seconds / max(n, 1), 2),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print the rows as JSON")
    args = parser.parse_args(argv)
    rows = [evaluate(DATA / name) for name in LISTS]
    if args.json:
        print(json.dumps(rows, indent=1))
        return 0
    print("leave-one-out, titles only; top-1 / top-3")
    print(
        f"{'list':<26}{'papers':>7}{'sections':>9}{'survey-bot':>14}{'largest':>14}"
        f"{'nearest title':>16}"
    )
    for r in rows:
        print(
            f"{r['list']:<26}{r['papers']:>7}{r['sections']:>9}"
            f"{r['ours@1']:>8.2f} / {r['ours@3']:.2f}"
            f"{r['largest@1']:>8.2f} / {r['largest@3']:.2f}"
            f"{r['nearest@1']:>10.2f} / {r['nearest@3']:.2f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
