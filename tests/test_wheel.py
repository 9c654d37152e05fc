"""The wheel a survey installs: every template the code names, no test-only code, lean deps.

``make test`` also installs this wheel into a fresh environment and runs the
whole job with it (``sandbox/installed.py``); this test looks inside it.
"""

from __future__ import annotations

import zipfile
from email.parser import Parser
from pathlib import Path

import pytest
from packaging.requirements import Requirement

from sandbox.installed import build_wheel
from tests.test_templates import names_in_code

#: What the bot needs at run time, and why (the note on "Ship what users install" lists them).
RUNTIME = {
    "pygithub",  # the GitHub REST adapter (bot/github/pygithub.py)
    "gitpython",  # the batch's commits and pushes (bot/gitrepo/)
    "pyyaml",  # .github/survey-bot.yml
    "jinja2",  # every text the bot writes comes from a template
    "requests",  # the metadata services (bot/metadata/http.py)
    "rapidfuzz",  # title similarity in the matcher
}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> zipfile.ZipFile:
    path = build_wheel(tmp_path_factory.mktemp("wheel"))
    with zipfile.ZipFile(path) as archive:
        yield archive


def test_the_wheel_holds_every_template_the_code_names(wheel: zipfile.ZipFile) -> None:
    shipped = {Path(n).name for n in wheel.namelist() if n.startswith("bot/templates/")}
    assert names_in_code() <= shipped


def test_the_wheel_holds_no_test_only_code(wheel: zipfile.ZipFile) -> None:
    top = {name.split("/")[0] for name in wheel.namelist()}
    assert top == {"bot", next(t for t in top if t.endswith(".dist-info"))}
    assert not [n for n in wheel.namelist() if "sandbox" in n or "demo" in n]


def test_installing_the_wheel_pulls_only_runtime_dependencies(wheel: zipfile.ZipFile) -> None:
    [metadata] = [n for n in wheel.namelist() if n.endswith(".dist-info/METADATA")]
    requires = Parser().parsestr(wheel.read(metadata).decode()).get_all("Requires-Dist") or []
    needed = [Requirement(r) for r in requires]
    assert {r.name.lower() for r in needed if r.marker is None} == RUNTIME


def test_the_wheel_holds_every_module_of_the_bot(wheel: zipfile.ZipFile) -> None:
    # A package missing from pyproject's list installs as nothing, and the installed bot
    # fails on its first import of it (bot.editors.bibtex once did).
    root = Path(__file__).resolve().parents[1]
    modules = {p.relative_to(root).as_posix() for p in (root / "bot").rglob("*.py")}
    assert modules <= set(wheel.namelist())
