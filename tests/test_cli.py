"""The command line starts fast and maps errors to one clear line."""

from __future__ import annotations

import subprocess
import sys
import time

from bot.cli import main


def test_help_lists_commands(capsys):
    try:
        main(["--help"])
    except SystemExit as exc:
        assert exc.code == 0
    assert "survey-bot" in capsys.readouterr().out


def test_help_does_not_import_github_or_git():
    code = (
        "import sys, bot.cli\n"
        "bot.cli.build_parser()\n"
        "heavy = [m for m in ('github', 'git', 'requests') if m in sys.modules]\n"
        "print(heavy)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_help_starts_fast():
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "bot", "--help"], capture_output=True, check=True)
    assert time.perf_counter() - start < 1.5  # target 0.3 s; slack for a loaded CI machine
