"""Benchmark intake (``bot.intake.parse_issue``) on real reader issues: does it find them?

For each set of real issues (each with the papers it suggests, written by hand):

* detection: of the issues that suggest a paper, the share where intake finds one;
* silence: of the issues that suggest none (questions, typo reports, corrections,
  mentions of the repository's own paper), the share where intake finds none;
* arXiv recall: of the arXiv ids the suggestions carry, the share intake reports.

Sets: ``benchmarks/data/intake/heldout.jsonl`` (collected for issue 12, after intake
was tuned and before the issue-12 intake work; sources in ``SOURCES.md`` there),
and the repository's own ``tests/intake/realworld`` and ``tests/intake/heldout``.
Run: ``.venv/bin/python benchmarks/bench_intake.py [--json]``; to measure an older
``bot`` put its directory first on ``PYTHONPATH``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.append(str(ROOT))  # appended: an older bot first on PYTHONPATH wins

from bot.intake import parse_issue  # noqa: E402

HELDOUT = ROOT / "benchmarks" / "data" / "intake" / "heldout.jsonl"
TEST_SETS = (ROOT / "tests" / "intake" / "realworld", ROOT / "tests" / "intake" / "heldout")


def _cases_from_tests(folder: Path) -> list[dict]:
    cases = []
    for path in sorted(folder.glob("*.json")):
        spec = json.loads(path.read_text(encoding="utf-8"))
        body = path.with_suffix(".md")
        expected = spec["expected"]
        cases.append(
            {
                "source": spec["source"],
                "title": spec["title"],
                "body": body.read_text(encoding="utf-8") if body.exists() else None,
                "ignore_ids": spec.get("ignore_ids", []),
                "expected": {
                    "papers": len(expected),
                    "arxiv": [e["arxiv"] for e in expected if e.get("arxiv")],
                },
            }
        )
    return cases


def measure(cases: list[dict], own_ids: bool = True) -> dict:
    suggesting = [c for c in cases if c["expected"]["papers"]]
    silent = [c for c in cases if not c["expected"]["papers"]]
    found_ids = wanted_ids = detected = quiet = 0
    misses: list[str] = []
    for case in cases:
        got = parse_issue(case["title"], case["body"], case["ignore_ids"] if own_ids else ())
        arxiv = {s.arxiv for s in got if s.arxiv}
        wanted = set(case["expected"]["arxiv"])
        wanted_ids += len(wanted)
        found_ids += len(wanted & arxiv)
        if case["expected"]["papers"]:
            detected += bool(got)
            if not got or wanted - arxiv:
                misses.append(case["source"])
        else:
            quiet += not got
            if got:
                misses.append(case["source"])
    return {
        "issues": len(cases),
        "detection": round(detected / max(len(suggesting), 1), 3),
        "detected": f"{detected}/{len(suggesting)}",
        "silence": round(quiet / max(len(silent), 1), 3),
        "silent": f"{quiet}/{len(silent)}",
        "arxiv_recall": round(found_ids / max(wanted_ids, 1), 3),
        "arxiv_found": f"{found_ids}/{wanted_ids}",
        "wrong": misses,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--without-own-ids",
        action="store_true",
        help="do not tell intake the repository's own ids (as the bot ran before `survey:`)",
    )
    args = parser.parse_args(argv)
    sets = {"heldout (issue 12)": [json.loads(line) for line in HELDOUT.read_text().splitlines()]}
    for folder in TEST_SETS:
        sets[f"tests/intake/{folder.name}"] = _cases_from_tests(folder)
    rows = {name: measure(cases, not args.without_own_ids) for name, cases in sets.items()}
    if args.json:
        print(json.dumps(rows, indent=1))
        return 0
    for name, row in rows.items():
        print(
            f"{name:<26} {row['issues']:>3} issues  detection {row['detected']:>6} "
            f"({row['detection']:.2f})  silence {row['silent']:>6} ({row['silence']:.2f})  "
            f"arXiv recall {row['arxiv_found']:>6} ({row['arxiv_recall']:.2f})"
        )
        if row["wrong"]:
            print(f"{'':<26} not right: {', '.join(row['wrong'])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
