"""The command line starts fast and maps errors to one clear line."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

import bot.cli
from bot.cli import main


def test_help_lists_commands(capsys):
    try:
        main(["--help"])
    except SystemExit as exc:
        assert exc.code == 0
    assert "survey-bot" in capsys.readouterr().out


def test_help_imports_no_subcommand_nor_loader():
    """Listing the commands imports none of them: no GitHub, git, YAML or reference loader."""
    code = (
        "import sys, bot.cli\n"
        "bot.cli.build_parser(['--help'])\n"
        "heavy = ('github', 'git', 'requests', 'yaml', 'jinja2', 'rapidfuzz', 'bot.models',\n"
        "         'bot.references', *(f'bot.cli.{name}' for name in bot.cli.SUBCOMMANDS))\n"
        "print([m for m in heavy if m in sys.modules])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_a_command_imports_only_its_own_module():
    code = (
        "import sys, bot.cli\n"
        "bot.cli.build_parser(['refs', 'x.bib'])\n"
        "print(sorted(m for m in sys.modules if m.startswith('bot.cli.')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "['bot.cli.refs']"


def _fastest(args: list[str], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(args, capture_output=True, check=True)
        times.append(time.perf_counter() - start)
    return min(times)


def test_help_starts_almost_as_fast_as_python_itself():
    """``survey-bot --help`` against ``python -c pass`` of the same interpreter: the best of
    a few runs each. benchmarks/bench_startup.py measures the ratio in an installed
    environment (target 4x). In the checkout's editable environment ``python -c pass``
    also runs the editable-install hook, so the ratio is lower (about 1.6x; 5.3x when
    every subcommand and loader was imported to list them): 4x there is generous."""
    python = _fastest([sys.executable, "-c", "pass"])
    bot_help = _fastest([sys.executable, "-m", "bot", "--help"])
    assert bot_help < 4 * python, f"--help {bot_help:.3f} s, python -c pass {python:.3f} s"


def test_a_command_named_first_builds_only_its_own_parser_and_a_typo_still_lists_all(capsys):
    """A subcommand named first is handed the rest: the others' parsers are not built. A
    name that is no subcommand still gets the whole list in its error."""
    sub = bot.cli.build_parser(["check", "--json"])._subparsers._group_actions[0]
    assert list(sub.choices) == ["check"]
    with pytest.raises(SystemExit):
        main(["chek"])
    err = capsys.readouterr().err
    assert all(f"'{name}'" in err for name in bot.cli.SUBCOMMANDS), err
