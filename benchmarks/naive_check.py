"""The naive checker of ``bench_check.py`` as a program: the end-to-end baseline.

``python benchmarks/naive_check.py REFS.bib QUERIES.jsonl`` reads the references
with survey-bot's own loader (the same parse, so both programs see the same
titles), pre-processes the titles once, then for each query line runs one
``rapidfuzz.process.extractOne`` over all of them (``token_sort_ratio`` on
lower-cased, punctuation-free text, cut-off 90) and prints a JSON line
``{"id", "verdict", "match"}`` as ``survey-bot check --batch`` does: a hit is
``cited``, no hit is ``new``. It has no notion of identifiers.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from rapidfuzz import fuzz, process, utils

CUTOFF = 90


def scan(title: str | None, choices: list[str]) -> int | None:
    """The index of the best title at or above the cut-off, else None."""
    if not title:
        return None  # it can only compare titles
    hit = process.extractOne(
        utils.default_process(title),
        choices,
        scorer=fuzz.token_sort_ratio,
        processor=None,
        score_cutoff=CUTOFF,
    )
    return hit[2] if hit else None


def main(refs_path: str, queries_path: str) -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from bot.references import load_references

    refs = load_references(refs_path)
    choices = [utils.default_process(r.title) for r in refs]
    with open(queries_path, encoding="utf-8") as lines:
        for line in lines:
            query = json.loads(line)
            hit = scan(query.get("title"), choices)
            match = None if hit is None else {"key": refs[hit].key}
            verdict = "new" if hit is None else "cited"
            print(json.dumps({"id": query.get("id"), "verdict": verdict, "match": match}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(*sys.argv[1:3]))
