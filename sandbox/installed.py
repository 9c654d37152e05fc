"""The bot as a survey installs it: wheel, fresh virtual environment, the whole job.

``make test`` ends with this check, because the editable checkout the test
suite imports can hide what a real install lacks (a template left out of the
wheel, a module imported from the source tree, a dependency only the tests
pull in). It

1. builds the wheel from this checkout (``pip wheel``, no dependencies);
2. creates a new virtual environment in a temporary directory outside the
   source tree and ``pip install``\\ s the wheel there, as the workflow does;
3. checks that this environment's ``bot`` is the installed one, that it holds
   no test-only code, and that ``survey-bot --version`` answers;
4. runs the demo (``sandbox.demo``) with that environment's ``survey-bot``:
   triage of three reader issues, a refused and an accepted ``/accept``, and
   the batch pull request, each a process whose working directory is outside
   the checkout;
5. re-runs #13's attacks against it (``sandbox.attacks``): closing keywords
   in a pasted title, a sentence as a name, a state forged by another
   workflow posting as the bot's login.

Run it with ``python -m sandbox.installed`` from the checkout's environment
(which has the fake GitHub's dependencies); ``--keep DIR`` reuses and keeps
the environment in DIR instead of a temporary one.
"""

from __future__ import annotations

import argparse
import io
import subprocess
import sys
import tempfile
import time
import venv
from collections.abc import Sequence
from contextlib import redirect_stdout
from pathlib import Path

from sandbox.attacks import run_attacks
from sandbox.demo import DemoError, run_demo

ROOT = Path(__file__).resolve().parent.parent
#: What the demo's transcript must show for the installed bot to have done its job.
EXPECTED = (
    "**Already cited** as",
    "**Not in the survey yet.**",
    "**We could not identify the paper**",
    "Closes #2",
    "+@article{bhardwaj2023red,",
)


class InstallCheckError(Exception):
    """The installed bot is not what a survey needs; the message says what is wrong."""


def run(*args: str | Path, cwd: Path) -> str:
    done = subprocess.run(
        [str(a) for a in args], cwd=cwd, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        command = " ".join(str(a) for a in args)
        raise InstallCheckError(f"{command} failed:\n{done.stdout}{done.stderr}")
    return done.stdout


def build_wheel(into: Path) -> Path:
    """The project's wheel, built from the checkout without dependencies."""
    run(
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "--quiet",
        "--no-deps",
        "--no-build-isolation",
        "--wheel-dir",
        into,
        ROOT,
        cwd=into,
    )
    [wheel] = into.glob("survey_bot-*.whl")
    return wheel


def install(wheel: Path, env_dir: Path) -> Path:
    """A fresh virtual environment with the wheel installed; its ``bin`` directory."""
    python = env_dir / "bin" / "python"
    pip = (python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check")
    if python.exists():  # a kept environment: the same version number must not hide a change
        run(*pip, "--force-reinstall", "--no-deps", wheel, cwd=env_dir)
    else:
        venv.create(env_dir, with_pip=True)
    run(*pip, wheel, cwd=env_dir)
    return env_dir / "bin"


def check_environment(bin_dir: Path, outside: Path) -> str:
    """The installed ``bot`` package is the environment's own and holds no test-only code."""
    probe = (
        "import importlib.util, bot, bot.render; "
        "print(bot.__file__); "
        "print(len(bot.render.PackageTemplates().list_templates())); "
        "print(importlib.util.find_spec('sandbox') is None)"
    )
    location, templates, no_sandbox = run(bin_dir / "python", "-c", probe, cwd=outside).split()
    if not Path(location).resolve().is_relative_to(bin_dir.parent.resolve()):
        raise InstallCheckError(f"the environment imports bot from {location}, not its own copy")
    if int(templates) == 0:
        raise InstallCheckError("the installed bot has no templates")
    if no_sandbox != "True":
        raise InstallCheckError("the installed environment can import the test-only sandbox")
    return run(bin_dir / "survey-bot", "--version", cwd=outside).strip()


def check(env_dir: Path, scratch: Path) -> list[str]:
    """Every step above; the lines to print."""
    started = time.monotonic()
    wheel = build_wheel(scratch)
    bin_dir = install(wheel, env_dir)
    installed = time.monotonic()
    version = check_environment(bin_dir, scratch)
    transcript = io.StringIO()
    with redirect_stdout(transcript):
        run_demo(bin_dir / "survey-bot")
    missing = [text for text in EXPECTED if text not in transcript.getvalue()]
    if missing:
        raise InstallCheckError(
            f"the installed bot's demo run lacks {missing}:\n{transcript.getvalue()}"
        )
    demo = time.monotonic()
    failed = run_attacks(bin_dir / "survey-bot")
    if failed:
        raise InstallCheckError(f"#13's attacks against the installed bot: {'; '.join(failed)}")
    done = time.monotonic()
    return [
        f"installed-bot check: {wheel.name} -> {env_dir} ({version}), "
        f"built and installed in {installed - started:.1f} s",
        f"installed-bot check: the demo's triage, /accept and batch passed in "
        f"{demo - installed:.1f} s, run from {scratch}",
        f"installed-bot check: #13's attacks (closing keywords in a pasted title, a sentence "
        f"as a name, a forged state) all held, in {done - demo:.1f} s",
    ]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sandbox.installed", description=__doc__)
    parser.add_argument("--keep", type=Path, help="create (or reuse) the environment here")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="survey-bot-installed-") as tmp:
        scratch = Path(tmp)
        env_dir = args.keep.resolve() if args.keep else scratch / "venv"
        try:
            lines = check(env_dir, scratch)
        except (InstallCheckError, DemoError) as exc:
            print(f"installed-bot check failed: {exc}", file=sys.stderr)
            return 1
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
