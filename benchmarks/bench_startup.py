"""Benchmark start-up: ``survey-bot --help`` against ``python -c pass`` of the same environment.

Every Actions run and every local command pays the start-up, so the command line
imports only what the chosen subcommand needs (``bot/cli/__init__.py``). This
runs both commands ``--runs`` times, alternating, each a fresh process, and
prints the fastest and the median wall time of each and the ratio of the
fastest (the figure least disturbed by other work on the machine).

``--bin DIR`` names the environment's ``bin`` directory (default: this
Python's). Measure a survey's view in an environment where survey-bot is
installed from its wheel (``benchmarks/bench_job.py`` builds one): in the
checkout's editable ``.venv`` every ``python`` start also runs the
editable-install hook, which makes ``python -c pass`` slower and the ratio
smaller. ``--json`` prints the figures as JSON.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path


def wall(args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(args, stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def measure(bin_dir: Path, runs: int) -> dict[str, float]:
    python, bot = [str(bin_dir / "python"), "-c", "pass"], [str(bin_dir / "survey-bot"), "--help"]
    wall(bot)  # compile and cache the modules' bytecode first
    times: dict[str, list[float]] = {"python": [], "help": []}
    for _ in range(runs):
        times["python"].append(wall(python))
        times["help"].append(wall(bot))
    return {
        "python_min_s": min(times["python"]),
        "python_median_s": statistics.median(times["python"]),
        "help_min_s": min(times["help"]),
        "help_median_s": statistics.median(times["help"]),
        "ratio": min(times["help"]) / min(times["python"]),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bin", type=Path, default=Path(sys.executable).parent)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    result = measure(args.bin, args.runs)
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"start-up in {args.bin}, {args.runs} runs each (fastest, median):")
    print(
        f"  python -c pass       {1e3 * result['python_min_s']:6.1f} ms "
        f"{1e3 * result['python_median_s']:6.1f} ms"
    )
    print(
        f"  survey-bot --help    {1e3 * result['help_min_s']:6.1f} ms "
        f"{1e3 * result['help_median_s']:6.1f} ms"
    )
    print(f"  ratio                {result['ratio']:6.2f}x (fastest / fastest; target 4x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
