"""Running git: the only module that imports GitPython.

Every value reaches git as its own argv element (GitPython never uses a shell
here), with ``GIT_LITERAL_PATHSPECS`` set; a failure becomes a
:class:`bot.errors.GitError` carrying git's most telling line, with any
credentials redacted. The token for HTTPS remotes lives only in the
environment of the git processes that talk to a remote (see :func:`auth_config`).
"""

from __future__ import annotations

import base64
import os
import re
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import git

from bot.errors import GitError

DEFAULT_SERVER_URL = "https://github.com"

_CREDENTIALS_IN_URL = re.compile(r"(?<=://)[^/@\s]+@")


def open_git(path: str | os.PathLike[str]) -> git.Repo:
    """The git repository at ``path`` (its top level, not a subfolder)."""
    try:
        return git.Repo(os.fspath(path), search_parent_directories=False)
    except git.NoSuchPathError:
        raise GitError(f"{path}: no such directory") from None
    except git.InvalidGitRepositoryError:
        raise GitError(f"{path} is not a git repository") from None


class GitProcess:
    """Runs git commands in one repository; the base of every part of ``SurveyRepo``."""

    def __init__(
        self, repo: git.Repo, auth: Mapping[str, str], secrets: Sequence[str] = ()
    ) -> None:
        self._repo = repo
        self._auth = dict(auth)  # {} or {"key": ..., "value": ...}: one git config entry
        self._secrets = tuple(secrets)

    @property
    def path(self) -> Path:
        """The top of the working tree (the git directory for a bare repository)."""
        return Path(self._repo.working_tree_dir or self._repo.git_dir)

    def resolve(self, ref: str) -> str | None:
        """The full sha of the commit ``ref`` names, or None if it names none."""
        status, out, _err = self._call(
            "rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}"
        )
        return out if status == 0 and isinstance(out, str) and out else None

    def _commit(self, ref: str) -> str:
        sha = self.resolve(ref)
        if sha is None:
            raise GitError(f"{ref!r} names no commit in {self.path}")
        return sha

    def _text(
        self, *args: str, env: Mapping[str, str] | None = None, network: bool = False, what: str
    ) -> str:
        status, out, err = self._call(*args, env=env, network=network)
        if status != 0:
            raise GitError(f"{what}: {first_error(err, self._secrets)}")
        return str(out)

    def _bytes(self, *args: str, stdin: bytes, what: str) -> bytes:
        status, out, err = self._call(*args, stdin=stdin, raw=True)
        if status != 0 or not isinstance(out, bytes):
            raise GitError(f"{what}: {first_error(err, self._secrets)}")
        return out

    def _call(
        self,
        command: str,
        *args: str,
        env: Mapping[str, str] | None = None,
        network: bool = False,
        stdin: bytes | None = None,
        raw: bool = False,
    ) -> tuple[int, str | bytes, str]:
        """Run ``git <command> <args...>`` (argv, no shell); return status, stdout, stderr."""
        full_env = {"GIT_LITERAL_PATHSPECS": "1", **(env or {})}
        if network:
            full_env.update(_network_env(self._auth))
        method = getattr(self._repo.git, command.replace("-", "_"))
        kwargs: dict[str, Any] = {
            "env": full_env,
            "with_extended_output": True,
            "with_exceptions": False,
        }
        if raw:
            kwargs.update(stdout_as_string=False, strip_newline_in_stdout=False)
        try:
            if stdin is None:
                status, out, err = method(*args, **kwargs)
            else:
                with tempfile.TemporaryFile() as fh:  # Popen needs a real file as stdin
                    fh.write(stdin)
                    fh.seek(0)
                    status, out, err = method(*args, istream=fh, **kwargs)
        except git.GitCommandNotFound:
            raise GitError("git is not installed (or not on PATH)") from None
        return int(status), out, str(err or "")


def auth_config(token: str | None, server_url: str) -> dict[str, str]:
    """The one git config entry that sends ``token`` to ``server_url`` only (or none)."""
    if not token:
        return {}
    basic = base64.b64encode(f"x-access-token:{token}".encode()).decode("ascii")
    return {
        "key": f"http.{server_url.rstrip('/')}/.extraheader",
        "value": f"AUTHORIZATION: basic {basic}",
    }


def _network_env(auth: Mapping[str, str]) -> dict[str, str]:
    """Environment for a git process that talks to a remote: never prompt, maybe authenticate.

    ``GIT_CONFIG_COUNT``/``KEY``/``VALUE`` add one config entry for this
    process only (git >= 2.31), after any the caller's environment already set.
    """
    env = {"GIT_TERMINAL_PROMPT": "0"}
    if auth:
        start = int(os.environ.get("GIT_CONFIG_COUNT", "0") or "0")
        env.update(
            {
                "GIT_CONFIG_COUNT": str(start + 1),
                f"GIT_CONFIG_KEY_{start}": auth["key"],
                f"GIT_CONFIG_VALUE_{start}": auth["value"],
            }
        )
    return env


def redact(text: str, secrets: Sequence[str]) -> str:
    """``text`` without credentials: ``user:pass@`` in URLs and every one of ``secrets``."""
    text = _CREDENTIALS_IN_URL.sub("***@", text)
    for secret in secrets:
        text = text.replace(secret, "***")
    return text


def first_error(stderr: str, secrets: Sequence[str]) -> str:
    """The most telling line of git's stderr: the first ``fatal:``/``error:``, else the last."""
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    if not lines:
        return "git failed without a message"
    for line in lines:
        if line.startswith(("fatal:", "error:")):
            return redact(line, secrets)
    return redact(lines[-1], secrets)
