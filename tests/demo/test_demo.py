"""``make demo`` runs offline on a fresh clone, prints the replies and the PR, and cleans up."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_demo_prints_replies_and_the_pull_request_quickly() -> None:
    before = set(Path(tempfile.gettempdir()).glob("survey-bot-demo-*"))
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "bot.demo"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    elapsed = time.monotonic() - started
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert out.count("=== survey-bot's reply on #") == 3
    assert "**Already cited** as" in out  # the Transformer paper
    assert "**Not in the survey yet.**" in out  # arXiv 2308.09662
    assert "**We could not identify the paper**" in out
    assert "=== Pull request #4: Add papers suggested by readers (1 paper)" in out
    assert "Closes #2" in out
    assert "+++ b/README.md" in out and "+@article{bhardwaj2023red," in out
    assert "Jay Alammar, and Bob Jones." in out
    assert "<!-- survey-bot:" not in out
    assert elapsed < 15
    assert set(Path(tempfile.gettempdir()).glob("survey-bot-demo-*")) == before
