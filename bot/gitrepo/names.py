"""What may reach git's argv as a path, a branch or a remote name.

Values come from the config and from GitHub (branch names, file paths); each
is checked before it is handed to git, so that none can be read as an option
("-x"), escape the repository ("../", ".git/") or name something else
("main@{1}").
"""

from __future__ import annotations

from pathlib import PurePosixPath

from bot.errors import GitError


def check_path(path: str) -> str:
    """A repository path, relative and normalised: no ``..``, no ``.git``, no control characters."""
    pure = PurePosixPath(path)
    parts = pure.parts
    if (
        not path
        or pure.is_absolute()
        or "\\" in path
        or any(part in ("", ".", "..") for part in path.split("/"))
        or any(part.lower() == ".git" for part in parts)
        or any(ord(ch) < 32 or ord(ch) == 127 for ch in path)
    ):
        raise GitError(f"not a usable repository path: {path!r}")
    return path


def check_branch_name(branch: str) -> None:
    if (
        not branch
        or branch.startswith(("-", "/"))
        or branch.endswith(("/", ".", ".lock"))
        or ".." in branch
        or "//" in branch
        or "@{" in branch
        or any(ch in branch for ch in " ~^:?*[\\")
        or any(ord(ch) < 32 or ord(ch) == 127 for ch in branch)
        or any(part.startswith(".") for part in branch.split("/"))
    ):
        raise GitError(f"not a valid branch name: {branch!r}")


def check_remote_name(remote: str) -> None:
    if (
        not remote
        or remote.startswith("-")
        or "/" in remote
        or any(ch.isspace() or ord(ch) < 32 for ch in remote)
    ):
        raise GitError(f"not a valid remote name: {remote!r}")
