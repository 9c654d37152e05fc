"""The tight figures behind ``tests/test_linear_time.py`` (#13 items 8, 15).

Every hostile shape the test knows (a reference file or an issue body built
from one repeated unit that once made a parser walk back or scan ahead) is
timed at full size (2 MB files, 65,000-character bodies: GitHub's limit) and at
a quarter of it, the best of three runs with the garbage collector paused. A
linear parser takes about 4x as long for 4x the input; a quadratic one 16x.

Run it with ``.venv/bin/python benchmarks/bench_hostile.py`` (about a minute;
not part of the test suite).
"""

from __future__ import annotations

import os
import platform
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.intake import parse_issue
from bot.references import parse
from tests.test_linear_time import BODIES, BODY, FILE, FILES, repeat, seconds


def main() -> int:
    print("| shape | size | seconds at full size | at a quarter | ratio (4 = linear) |")
    print("|---|---:|---:|---:|---:|")
    for shape, (format, head, unit) in FILES.items():
        quarter, full = (
            seconds(parse, head + repeat(unit, size), format, "hostile")
            for size in (FILE // 4, FILE)
        )
        print(f"| file: {shape} | {FILE:,} | {full:.2f} | {quarter:.3f} | {full / quarter:.1f} |")
    for shape, unit in BODIES.items():
        intro = "Please add the following papers:\n" if shape == "colon-then-titles" else ""
        quarter, full = (
            seconds(parse_issue, "Paper suggestion", intro + repeat(unit, size - len(intro)))
            for size in (BODY // 4, BODY)
        )
        print(f"| body: {shape} | {BODY:,} | {full:.2f} | {quarter:.3f} | {full / quarter:.1f} |")
    print(f"\n{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
