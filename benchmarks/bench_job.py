"""Benchmark the Actions job a reader waits for: install or restore survey-bot, then answer.

A simulated run of the triage job of ``.github/workflows/survey-bot.yml``, after
``actions/checkout`` and ``actions/setup-python`` (the runner's own steps, not
simulated), on this machine:

1. **cold**: what the install step does when the cache has no environment: a
   fresh virtual environment without pip, then ``pip --python ENV install`` of
   survey-bot from this checkout's source (as ``pip install "$SURVEY_BOT_SPEC"``
   builds it from the git URL), with pip's own cache as this machine has it.
   Timed: creating the environment and ``pip install``, each. (Before the
   cache, the workflow ran ``pip install`` into the runner's Python on every
   event: the ``pip install`` figure.)
2. **save**: what ``actions/cache`` does after the job: the environment packed
   as a zstd-compressed tar (its size is what the cache stores and a warm job
   downloads; the download itself is not simulated).
3. **warm**: what the restore step does on a hit: the environment removed and
   unpacked again at the same path.
4. **answer**: ``survey-bot run`` from that environment, one process per event
   as on a runner, on a real ``issues.opened`` webhook payload
   (``tests/fixtures/github/webhooks/issues.opened.1.json``, with the issue's
   number, title, body and author replaced) suggesting a new paper, against the
   OpenAPI-checked fake GitHub (``sandbox.FakeGitHub``) with a real git clone
   of the example survey and its bare origin, and the metadata stand-in
   (``sandbox.standin``) for arXiv. Each answer is a new issue. Timed with
   PyGithub's default pauses between requests (0.25 s, 1 s before a write:
   what survey-bot uses unless ``SURVEY_BOT_SECONDS_BETWEEN_*`` says otherwise)
   and with both pauses at 0.
5. **start-up**: ``survey-bot --help`` against ``python -c pass`` in that
   installed environment (``bench_startup.py``).

It prints each figure (the answers: fastest and median of ``--runs``) and the
two totals a reader waits for after the checkout: warm restore + answer, and
cold install + answer. ``--json`` prints them as JSON. Run it with
``.venv/bin/python benchmarks/bench_job.py`` (about a minute, most of it
``pip install``; it needs pip to reach the package index, or pip's cache).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import venv
from collections.abc import Mapping
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import bench_startup
from sandbox import FakeGitHub
from sandbox.demo import Workflow, make_survey
from sandbox.standin import MetadataStandIn, load_entries

ROOT = Path(__file__).resolve().parent.parent
WEBHOOK = ROOT / "tests" / "fixtures" / "github" / "webhooks" / "issues.opened.1.json"
READER = "bob"
SUGGESTION = (
    "Paper suggestion: red-teaming LLMs",
    "Our paper on safety alignment would fit the survey: https://arxiv.org/abs/2308.09662",
)
PAUSES = ("SURVEY_BOT_SECONDS_BETWEEN_REQUESTS", "SURVEY_BOT_SECONDS_BETWEEN_WRITES")


def timed(args: list[str], cwd: Path, env: Mapping[str, str] | None = None) -> float:
    start = time.perf_counter()
    done = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed:\n{done.stdout}{done.stderr}")
    return time.perf_counter() - start


def install(env_dir: Path, scratch: Path) -> dict[str, float]:
    """The install step on a cache miss: a fresh environment, then pip."""
    start = time.perf_counter()
    venv.create(env_dir, with_pip=False)
    created = time.perf_counter() - start
    pip = [sys.executable, "-m", "pip", "--python", str(env_dir / "bin" / "python"), "install"]
    installed = timed([*pip, "--quiet", "--disable-pip-version-check", str(ROOT)], cwd=scratch)
    return {"venv_s": created, "pip_install_s": installed}


def environment_size(env_dir: Path) -> tuple[int, int]:
    """(bytes on disk, installed distributions) of the environment."""
    size = sum(f.stat().st_size for f in env_dir.rglob("*") if f.is_file() and not f.is_symlink())
    site = next(env_dir.glob("lib/python*/site-packages"))
    return size, len(list(site.glob("*.dist-info")))


def save(env_dir: Path, archive: Path) -> float:
    """``actions/cache``'s save: tar, compressed with zstd."""
    return timed(
        ["tar", "--posix", "-I", "zstd -T0", "-cf", str(archive), "-C", "/", str(env_dir)[1:]],
        cwd=archive.parent,
    )


def restore(env_dir: Path, archive: Path) -> float:
    """``actions/cache``'s restore on a hit: the environment unpacked where it was."""
    shutil.rmtree(env_dir)
    return timed(["tar", "-I", "zstd -d", "-xf", str(archive), "-C", "/"], cwd=archive.parent)


class Job(Workflow):
    """The triage step's environment, with PyGithub's default pauses unless ``no_pauses``."""

    no_pauses = False

    def environment(self, event: str, payload: Mapping[str, Any] | None) -> dict[str, str]:
        env = super().environment(event, payload)
        if not self.no_pauses:
            for name in PAUSES:
                env.pop(name)
        return env


def reader_issue(github: FakeGitHub, number: int) -> dict[str, Any]:
    """The real ``issues.opened`` example, carrying a reader's new suggestion as ``number``;
    the fake GitHub holds the issue, as GitHub would."""
    payload: dict[str, Any] = json.loads(WEBHOOK.read_text(encoding="utf-8"))
    title, body = SUGGESTION
    issue = payload["issue"]
    issue.update(number=number, title=title, body=body, state="open", labels=[])
    issue["user"] = {**issue["user"], "login": READER, "type": "User"}
    payload["sender"] = {**payload["sender"], "login": READER, "type": "User"}
    github.seed_event(payload)
    return payload


def answers(bot: Path, work: Path, runs: int) -> dict[str, list[float]]:
    """``survey-bot run`` on ``runs`` new reader issues, with default pauses and with none."""
    repository = json.loads(WEBHOOK.read_text(encoding="utf-8"))["repository"]["full_name"]
    times: dict[str, list[float]] = {"default_pauses": [], "no_pauses": []}
    with FakeGitHub(repository) as github, MetadataStandIn(load_entries()) as stand_in:
        origin, clone = make_survey(work)
        github.link_git(origin)
        github.add_user(READER, "Bob Jones")
        runner = work / "runner"
        runner.mkdir()
        job = Job(bot, github, stand_in, clone, runner)
        number = 0
        for _ in range(runs):
            for kind in times:
                number += 1
                job.no_pauses = kind == "no_pauses"
                payload = reader_issue(github, number)
                start = time.perf_counter()
                job.run("run", "issues", payload)
                times[kind].append(time.perf_counter() - start)
                bot_comments = [
                    c for c in github.comments(number) if c["user"]["login"] == github.bot_login
                ]
                if len(bot_comments) != 1 or "Not in the survey yet" not in bot_comments[0]["body"]:
                    raise SystemExit(f"issue #{number} was not answered as expected")
    return times


def measure(runs: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="bench-job-") as tmp:
        work = Path(tmp)
        env_dir = work / "home" / ".survey-bot-venv"
        env_dir.parent.mkdir()
        cold = install(env_dir, work)
        size, distributions = environment_size(env_dir)
        archive = work / "cache.tzst"
        saved = save(env_dir, archive)
        restored = [restore(env_dir, archive) for _ in range(runs)]
        answered = answers(env_dir / "bin" / "survey-bot", work / "job", runs)
        startup = bench_startup.measure(env_dir / "bin", 10 * runs)
        result: dict[str, Any] = {
            "machine": f"{platform.machine()}, {os.cpu_count()} cores, "
            f"Python {platform.python_version()}",
            "runs": runs,
            **cold,
            "cold_install_s": cold["venv_s"] + cold["pip_install_s"],
            "environment_bytes": size,
            "distributions": distributions,
            "cache_bytes": archive.stat().st_size,
            "cache_save_s": saved,
            "warm_restore_s": min(restored),
            "warm_restore_median_s": statistics.median(restored),
        }
        result |= {f"startup_{name}": value for name, value in startup.items()}
        for kind, times in answered.items():
            result[f"answer_{kind}_s"] = min(times)
            result[f"answer_{kind}_median_s"] = statistics.median(times)
        for kind in answered:
            result[f"warm_total_{kind}_s"] = result["warm_restore_s"] + result[f"answer_{kind}_s"]
            result[f"cold_total_{kind}_s"] = result["cold_install_s"] + result[f"answer_{kind}_s"]
        return result


def report(r: dict[str, Any]) -> str:
    mb = 2**20
    return "\n".join(
        [
            f"simulated triage job ({r['machine']}); answers: fastest and median of {r['runs']}",
            f"  cold install          {r['cold_install_s']:6.2f} s   (venv {r['venv_s']:.2f} s, "
            f"pip install {r['pip_install_s']:.2f} s; {r['distributions']} distributions, "
            f"{r['environment_bytes'] / mb:.0f} MB)",
            f"  cache save            {r['cache_save_s']:6.2f} s   (after the job; "
            f"{r['cache_bytes'] / mb:.1f} MB compressed)",
            f"  warm restore          {r['warm_restore_s']:6.2f} s   "
            f"(median {r['warm_restore_median_s']:.2f} s; download not simulated)",
            f"  answer, default pauses{r['answer_default_pauses_s']:6.2f} s   "
            f"(median {r['answer_default_pauses_median_s']:.2f} s)",
            f"  answer, no pauses     {r['answer_no_pauses_s']:6.2f} s   "
            f"(median {r['answer_no_pauses_median_s']:.2f} s)",
            f"  start-up              survey-bot --help {1e3 * r['startup_help_min_s']:.0f} ms, "
            f"python -c pass {1e3 * r['startup_python_min_s']:.0f} ms: "
            f"{r['startup_ratio']:.2f}x (fastest of {10 * r['runs']})",
            "  after the checkout, a reader waits:",
            f"    warm: {r['warm_total_default_pauses_s']:.2f} s with default pauses, "
            f"{r['warm_total_no_pauses_s']:.2f} s without",
            f"    cold: {r['cold_total_default_pauses_s']:.2f} s with default pauses, "
            f"{r['cold_total_no_pauses_s']:.2f} s without",
        ]
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="restores and answers of each kind")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    result = measure(args.runs)
    print(json.dumps(result, indent=2) if args.json else report(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
