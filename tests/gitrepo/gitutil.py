"""Real git repositories for tests: a bare ``origin`` and clones of it, in ``tmp_path``.

Import it from any test as ``from tests.gitrepo.gitutil import make_origin``.

Every git process these helpers start runs with :data:`GIT_ENV`: no global or
system config (a developer's ``commit.gpgsign`` or ``init.defaultBranch`` cannot
leak in), a fixed identity and fixed dates, so the helpers work on a fresh CI
machine with no git identity and give the same shas on every run. Code under
test that starts git itself (``bot.gitrepo``) needs the same isolation:
call :func:`isolate_git` with pytest's ``monkeypatch`` (``tests/gitrepo`` does
it in an autouse fixture).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Mapping
from pathlib import Path

import pytest

MAINTAINER_NAME = "Ada Maintainer"
MAINTAINER_EMAIL = "ada@example.org"
FIXED_DATE = "1700000000 +0000"  # 2023-11-14T22:13:20Z

GIT_ENV: dict[str, str] = {
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_TERMINAL_PROMPT": "0",
    "GIT_AUTHOR_NAME": MAINTAINER_NAME,
    "GIT_AUTHOR_EMAIL": MAINTAINER_EMAIL,
    "GIT_AUTHOR_DATE": FIXED_DATE,
    "GIT_COMMITTER_NAME": MAINTAINER_NAME,
    "GIT_COMMITTER_EMAIL": MAINTAINER_EMAIL,
    "GIT_COMMITTER_DATE": FIXED_DATE,
}


def isolate_git(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make every git process of the test (ours and the code's) use :data:`GIT_ENV`."""
    for name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_CONFIG_COUNT"):
        monkeypatch.delenv(name, raising=False)
    for name, value in GIT_ENV.items():
        monkeypatch.setenv(name, value)


def git(cwd: Path, *args: str, env: Mapping[str, str] | None = None) -> str:
    """Run git in ``cwd`` with :data:`GIT_ENV` (plus ``env``); return stdout, stripped."""
    done = subprocess.run(
        ["git", "-c", "core.autocrlf=false", *args],
        cwd=cwd,
        env={**os.environ, **GIT_ENV, **(env or {})},
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise AssertionError(f"git {' '.join(args)} failed in {cwd}:\n{done.stderr}")
    return done.stdout.strip()


def write_files(root: Path, files: Mapping[str, str | bytes | None]) -> None:
    """Write ``files`` under ``root`` byte for byte (str as UTF-8, no newline translation).

    None deletes the file.
    """
    for name, content in files.items():
        target = root / name
        if content is None:
            target.unlink()
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)


def commit_files(
    clone: Path,
    files: Mapping[str, str | bytes | None],
    message: str,
    *,
    author: tuple[str, str] | None = None,
    push: str | None = None,
) -> str:
    """Write ``files`` in ``clone``, commit them all, optionally push ``HEAD`` to branch ``push``.

    ``author`` is ``(name, email)`` for author and committer; default the maintainer.
    Returns the new commit's sha.
    """
    write_files(clone, files)
    git(clone, "add", "--all")
    env = {}
    if author is not None:
        name, email = author
        env = {
            "GIT_AUTHOR_NAME": name,
            "GIT_AUTHOR_EMAIL": email,
            "GIT_COMMITTER_NAME": name,
            "GIT_COMMITTER_EMAIL": email,
        }
    git(clone, "commit", "--quiet", "--allow-empty", "-m", message, env=env)
    sha = git(clone, "rev-parse", "HEAD")
    if push is not None:
        git(clone, "push", "--quiet", "origin", f"HEAD:refs/heads/{push}")
    return sha


def make_origin(
    tmp_path: Path,
    files: Mapping[str, str | bytes],
    *,
    branch: str = "main",
    name: str = "origin",
) -> tuple[Path, Path]:
    """A bare repository ``<tmp_path>/<name>.git`` holding ``files`` in one commit on ``branch``.

    Returns ``(bare_path, clone_path)``: the clone (``<tmp_path>/<name>-clone``)
    has the bare repository as ``origin``, ``branch`` checked out and
    ``origin/HEAD`` set, like a fresh ``git clone``.
    """
    bare = tmp_path / f"{name}.git"
    clone = tmp_path / f"{name}-clone"
    git(tmp_path, "init", "--quiet", "--bare", f"--initial-branch={branch}", str(bare))
    git(tmp_path, "init", "--quiet", f"--initial-branch={branch}", str(clone))
    git(clone, "remote", "add", "origin", str(bare))
    commit_files(clone, files, "Initial survey")
    git(clone, "push", "--quiet", "--set-upstream", "origin", f"HEAD:refs/heads/{branch}")
    git(clone, "remote", "set-head", "origin", branch)
    return bare, clone


def clone_of(bare: Path, dest: Path) -> Path:
    """Another person's clone of ``bare`` at ``dest``."""
    git(dest.parent, "clone", "--quiet", str(bare), str(dest))
    return dest


def copy_origin(template: tuple[Path, Path], tmp_path: Path) -> tuple[Path, Path]:
    """A copy under ``tmp_path`` of ``make_origin``'s ``(bare, clone)``, the clone's ``origin``
    pointing at the copied bare repository: one git process instead of a new history."""
    bare, clone = (tmp_path / path.name for path in template)
    shutil.copytree(template[0], bare, symlinks=True)
    shutil.copytree(template[1], clone, symlinks=True)
    git(clone, "remote", "set-url", "origin", str(bare))
    return bare, clone
