"""The survey repository as git sees it: the only module that imports GitPython.

Everything here works on refs and objects, never on the maintainer's working
tree or index: files are read straight from commits (``cat-file``), and commits
are built in a throw-away index (``GIT_INDEX_FILE``) with ``hash-object``,
``update-index``, ``write-tree`` and ``commit-tree``. Values in and out are
plain strings: shas, branch names, paths, file texts.

The batch step uses it like this::

    repo = open_repo(".", token=token)
    repo.fetch()
    base = repo.remote_branch_sha(repo.default_branch())
    seen = repo.remote_branch_sha("survey-bot/updates")       # None: no branch yet
    foreign = repo.commits_not_by(base, seen, bot_email) if seen else []
    texts = repo.read_files(base, ["papers.md", "refs.bib"])
    sha = repo.build_commit(base, {"papers.md": new_text}, message, name, email)
    if sha:
        repo.push_branch("survey-bot/updates", sha, expected_remote_sha=seen)

Every value reaches git as its own argv element (GitPython never uses a shell
here); a failure raises :class:`bot.errors.GitError`, and a force-with-lease
refusal raises its subclass :class:`LeaseRejected`.
"""

from __future__ import annotations

import base64
import os
import re
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

import git

from bot.errors import GitError

DEFAULT_REMOTE = "origin"
DEFAULT_SERVER_URL = "https://github.com"

_REGULAR = "100644"
_EXECUTABLE = "100755"
_SHA_RE = re.compile(r"^[0-9a-f]{40}([0-9a-f]{24})?$")
_CREDENTIALS_IN_URL = re.compile(r"(?<=://)[^/@\s]+@")


class LeaseRejected(GitError):
    """The remote branch is no longer where we last saw it: someone else pushed to it."""


@dataclass(frozen=True)
class CommitInfo:
    """One commit, as :meth:`SurveyRepo.commits_not_by` reports it."""

    sha: str
    author_name: str
    author_email: str
    committer_name: str
    committer_email: str
    subject: str
    is_merge: bool
    paths: tuple[str, ...]  # files changed against the first parent

    @property
    def short(self) -> str:
        return self.sha[:12]


def open_repo(
    path: str | os.PathLike[str],
    *,
    token: str | None = None,
    server_url: str = DEFAULT_SERVER_URL,
) -> SurveyRepo:
    """Open the git repository at ``path`` (its top level, not a subfolder).

    ``token``, when given, authenticates fetches and pushes over HTTPS to
    ``server_url`` the way ``actions/checkout`` does (an ``http.extraheader``),
    but only in the environment of the git processes we start: it is never
    written to ``.git/config`` nor put on a command line.
    """
    try:
        repo = git.Repo(os.fspath(path), search_parent_directories=False)
    except git.NoSuchPathError:
        raise GitError(f"{path}: no such directory") from None
    except git.InvalidGitRepositoryError:
        raise GitError(f"{path} is not a git repository") from None
    return SurveyRepo(repo, _auth_config(token, server_url), secrets=(token,) if token else ())


class SurveyRepo:
    """A local clone of the survey repository, operated without touching its working tree."""

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

    # ---- remotes -------------------------------------------------------------------

    def fetch(self, remote: str = DEFAULT_REMOTE) -> None:
        """Bring every branch of ``remote`` up to date as ``refs/remotes/<remote>/*``.

        Prunes branches deleted on the remote, deepens a shallow clone (the
        history is needed to tell our commits from a maintainer's), and
        refreshes ``refs/remotes/<remote>/HEAD`` so that a renamed default
        branch is noticed.
        """
        _check_remote_name(remote)
        args = ["--quiet", "--prune", "--no-tags"]
        shallow = self._text(
            "rev-parse", "--is-shallow-repository", what="cannot inspect the clone"
        )
        if shallow == "true":
            args.append("--unshallow")
        args += ["--end-of-options", remote, f"+refs/heads/*:refs/remotes/{remote}/*"]
        self._text("fetch", *args, network=True, what=f"cannot fetch from {remote}")
        # Best effort: a remote without a HEAD (an empty one) is not an error here;
        # default_branch() then falls back.
        self._call("remote", "set-head", remote, "--auto", network=True)

    def default_branch(self, remote: str = DEFAULT_REMOTE, fallback: str | None = None) -> str:
        """The name of the remote's default branch, as of the last :meth:`fetch`.

        Taken from ``refs/remotes/<remote>/HEAD``; when that is missing or
        dangling, ``fallback`` (e.g. the event payload's
        ``repository.default_branch``), else ``main``, else ``master``, each
        only if fetched.
        """
        _check_remote_name(remote)
        prefix = f"refs/remotes/{remote}/"
        status, out, _err = self._call("symbolic-ref", "--quiet", f"{prefix}HEAD")
        candidates: list[str] = []
        if status == 0 and isinstance(out, str) and out.startswith(prefix):
            candidates.append(out[len(prefix) :])
        candidates += [name for name in (fallback, "main", "master") if name]
        for name in candidates:
            if self.remote_branch_sha(name, remote) is not None:
                return name
        raise GitError(
            f"cannot tell the default branch of {remote}: none of {', '.join(candidates)} "
            f"was fetched; fetch first or name the branch"
        )

    def remote_branch_sha(self, branch: str, remote: str = DEFAULT_REMOTE) -> str | None:
        """The commit ``<remote>/<branch>`` pointed to at the last fetch or push; None if absent.

        This is the value to hand back to :meth:`push_branch` as
        ``expected_remote_sha``: the push then fails if the branch moved since.
        """
        _check_branch_name(branch)
        _check_remote_name(remote)
        return self.resolve(f"refs/remotes/{remote}/{branch}")

    # ---- reading -------------------------------------------------------------------

    def resolve(self, ref: str) -> str | None:
        """The full sha of the commit ``ref`` names, or None if it names none."""
        status, out, _err = self._call(
            "rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}"
        )
        return out if status == 0 and isinstance(out, str) and out else None

    def read_files(self, ref: str, paths: Iterable[str]) -> dict[str, str | None]:
        """The texts of ``paths`` in commit ``ref``, keyed by path; None for a missing file.

        Reads objects only, never the working tree. Bytes are decoded as UTF-8
        exactly as stored: ``\\r\\n``, a byte-order mark and a missing final
        newline all survive a round trip through :meth:`build_commit`.
        """
        commit = self._commit(ref)
        wanted = list(dict.fromkeys(_check_path(p) for p in paths))
        if not wanted:
            return {}
        request = "".join(f"{commit}:{p}\n" for p in wanted).encode("utf-8")
        out = self._bytes("cat-file", "--batch", stdin=request, what=f"cannot read files at {ref}")
        result: dict[str, str | None] = {}
        pos = 0
        for path in wanted:
            end = out.index(b"\n", pos)
            line = out[pos:end].decode("utf-8", "replace")
            pos = end + 1
            header = line.split(" ")
            if line.endswith((" missing", " ambiguous")) or len(header) != 3:
                result[path] = None
                continue
            size = int(header[2])
            data = out[pos : pos + size]
            pos += size + 1  # the object, then a newline
            if header[1] != "blob":  # a directory or a submodule is not a file
                result[path] = None
                continue
            try:
                result[path] = data.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise GitError(f"{path} at {ref} is not UTF-8 text ({exc.reason})") from None
        return result

    def commits_not_by(self, base: str, branch_sha: str, bot_email: str) -> list[CommitInfo]:
        """Commits on ``branch_sha`` but not on ``base`` that the bot did not make, oldest first.

        A commit is the bot's only if both its author and its committer email
        are ``bot_email`` (case-insensitive): a bot commit amended or rebased by
        a maintainer counts as the maintainer's. Merge commits (GitHub's
        "Update branch" button) are listed too, with ``is_merge`` set.

        Commits the bot's own commits were built on are not listed: they are the
        history the branch started from, which ``base`` no longer contains only
        when the default branch was rewritten.
        """
        base_sha = self._commit(base)
        tip = self._commit(branch_sha)
        fmt = "%H%x00%P%x00%an%x00%ae%x00%cn%x00%ce%x00%s%x00"
        out = self._text(
            "log",
            "--reverse",
            "--topo-order",
            f"--format={fmt}",
            f"{base_sha}..{tip}",
            "--",
            what="cannot list the branch's commits",
        )
        bot = bot_email.strip().lower()
        records = [r.strip("\n").split("\x00") for r in out.split("\x00\n")]
        records = [r[:7] for r in records if len(r) >= 7]
        ours = [
            r[0] for r in records if r[3].strip().lower() == bot and r[5].strip().lower() == bot
        ]
        if not ours:
            return [self._commit_info(r) for r in records]
        under_ours = set(
            self._text(
                "rev-list",
                f"^{base_sha}",
                *ours,
                "--",
                what="cannot list the history of the bot's commits",
            ).split()
        )
        return [self._commit_info(r) for r in records if r[0] not in under_ours]

    def _commit_info(self, record: Sequence[str]) -> CommitInfo:
        sha, parents, an, ae, cn, ce, subject = record
        parent_list = parents.split()
        return CommitInfo(
            sha=sha,
            author_name=an,
            author_email=ae,
            committer_name=cn,
            committer_email=ce,
            subject=subject,
            is_merge=len(parent_list) > 1,
            paths=self._changed_paths(sha, parent_list[0] if parent_list else None),
        )

    # ---- writing -------------------------------------------------------------------

    def build_commit(
        self,
        base_ref: str,
        files: Mapping[str, str | None],
        message: str,
        author_name: str,
        author_email: str,
        *,
        timestamp: int | None = None,
    ) -> str | None:
        """Commit ``files`` on top of ``base_ref`` without checking anything out.

        ``files`` maps a path to its complete new text (written as UTF-8, byte
        for byte) or to None to delete it. Existing files keep their mode
        (an executable stays executable); new ones are ``100644``.

        Author and committer are ``author_name <author_email>``, dated
        ``timestamp`` (Unix seconds, UTC) or, when None, the base commit's
        committer date, and the commit is never signed: the same inputs always
        give the same sha, so re-running a batch that has nothing new to say
        reproduces the branch exactly.

        Returns the new commit's sha, or None when the tree would equal the
        base's (nothing to commit). Refs, the index and the working tree are
        left alone: the commit is reachable only from the returned sha until
        it is pushed.
        """
        base = self._commit(base_ref)
        if not message.strip():
            raise GitError("refusing to build a commit with an empty message")
        changes = {_check_path(p): text for p, text in files.items()}
        when = timestamp if timestamp is not None else self._commit_time(base)
        with tempfile.TemporaryDirectory(prefix="survey-bot-index-") as tmp:
            env = {"GIT_INDEX_FILE": os.path.join(tmp, "index")}
            self._text("read-tree", base, env=env, what="cannot load the base tree")
            writes = sorted(p for p, text in changes.items() if text is not None)
            deletes = sorted(p for p, text in changes.items() if text is None)
            if writes:
                modes = self._modes(base, writes)
                blob_files = []
                for i, path in enumerate(writes):
                    blob_file = os.path.join(tmp, f"blob-{i}")
                    with open(blob_file, "wb") as fh:
                        fh.write((changes[path] or "").encode("utf-8"))
                    blob_files.append(blob_file)
                shas = self._text(
                    "hash-object",
                    "-w",
                    "--no-filters",
                    "--",
                    *blob_files,
                    what="cannot store the new file contents",
                ).split()
                cacheinfo: list[str] = []
                for path, sha in zip(writes, shas, strict=True):
                    mode = modes.get(path, _REGULAR)
                    if mode not in (_REGULAR, _EXECUTABLE):
                        raise GitError(f"{path} is not a regular file at {base_ref} (mode {mode})")
                    cacheinfo += ["--cacheinfo", mode, sha, path]
                self._text(
                    "update-index",
                    "--add",
                    *cacheinfo,
                    env=env,
                    what="cannot stage the new files",
                )
            if deletes:
                self._text(
                    "update-index",
                    "--force-remove",
                    "--",
                    *deletes,
                    env=env,
                    what="cannot stage the deletions",
                )
            tree = self._text("write-tree", env=env, what="cannot write the new tree")
        if tree == self._text("rev-parse", f"{base}^{{tree}}", what="cannot read the base tree"):
            return None
        date = f"{when} +0000"
        identity = {
            "GIT_AUTHOR_NAME": author_name,
            "GIT_AUTHOR_EMAIL": author_email,
            "GIT_AUTHOR_DATE": date,
            "GIT_COMMITTER_NAME": author_name,
            "GIT_COMMITTER_EMAIL": author_email,
            "GIT_COMMITTER_DATE": date,
        }
        return self._text(
            "commit-tree",
            "--no-gpg-sign",
            tree,
            "-p",
            base,
            "-m",
            message,
            env=identity,
            what="cannot create the commit",
        )

    def push_branch(
        self, branch: str, sha: str, expected_remote_sha: str | None, remote: str = DEFAULT_REMOTE
    ) -> None:
        """Point ``<remote>/<branch>`` at ``sha``, but only if it is still ``expected_remote_sha``.

        ``expected_remote_sha`` is what :meth:`remote_branch_sha` said (None:
        the branch must not exist yet). Anything else on the remote means
        someone pushed meanwhile, and :class:`LeaseRejected` is raised instead
        of overwriting their work.
        """
        _check_branch_name(branch)
        _check_remote_name(remote)
        target = self._commit(sha)
        expected = self._expected(expected_remote_sha)
        self._push(
            branch,
            remote,
            f"{target}:refs/heads/{branch}",
            expected,
            what=f"cannot push {branch} to {remote}",
        )
        self._text(
            "update-ref",
            f"refs/remotes/{remote}/{branch}",
            target,
            what="cannot record the pushed branch",
        )

    def delete_remote_branch(
        self, branch: str, expected_sha: str, remote: str = DEFAULT_REMOTE
    ) -> bool:
        """Delete ``<remote>/<branch>`` if it still points at ``expected_sha``.

        Returns False when the branch was already gone; raises
        :class:`LeaseRejected` when it has moved.
        """
        _check_branch_name(branch)
        _check_remote_name(remote)
        expected = self._expected(expected_sha)
        try:
            self._push(
                branch,
                remote,
                f":refs/heads/{branch}",
                expected,
                what=f"cannot delete {branch} on {remote}",
            )
        except LeaseRejected:
            if self._remote_has_branch(branch, remote):
                raise
            deleted = False
        else:
            deleted = True
        self._call("update-ref", "-d", f"refs/remotes/{remote}/{branch}")
        return deleted

    # ---- helpers -------------------------------------------------------------------

    def _push(self, branch: str, remote: str, refspec: str, expected: str, *, what: str) -> None:
        lease = f"--force-with-lease=refs/heads/{branch}:{expected}"
        status, raw_out, err = self._call(
            "push",
            "--porcelain",
            "--no-verify",
            lease,
            "--end-of-options",
            remote,
            refspec,
            network=True,
        )
        if status == 0:
            return
        out = raw_out if isinstance(raw_out, str) else raw_out.decode("utf-8", "replace")
        report = f"{out}\n{err}"
        if "stale info" in report:
            seen = f"at {expected[:12]}" if expected else "not to exist"
            raise LeaseRejected(
                f"{what}: the branch changed on {remote} since it was read (expected it "
                f"{seen}); someone else pushed to it. Fetch and run the batch again."
            )
        reason = next(
            (line.split("\t")[-1] for line in out.splitlines() if line.startswith("!")),
            _first_error(err, self._secrets),
        )
        said = [
            line[len("remote:") :].strip()
            for line in err.splitlines()
            if line.startswith("remote:") and line[len("remote:") :].strip()
        ]
        if said:  # what the server's hook or branch protection said
            reason += f": {said[0]}"
        raise GitError(f"{what}: {_redact(reason, self._secrets)}")

    def _remote_has_branch(self, branch: str, remote: str) -> bool:
        out = self._text(
            "ls-remote",
            "--heads",
            "--end-of-options",
            remote,
            f"refs/heads/{branch}",
            network=True,
            what=f"cannot list branches of {remote}",
        )
        return bool(out.strip())

    def _expected(self, sha: str | None) -> str:
        if sha is None or sha == "":
            return ""
        if not _SHA_RE.match(sha):
            raise GitError(f"expected remote sha must be a full commit sha, not {sha!r}")
        return sha

    def _commit(self, ref: str) -> str:
        sha = self.resolve(ref)
        if sha is None:
            raise GitError(f"{ref!r} names no commit in {self.path}")
        return sha

    def _commit_time(self, sha: str) -> int:
        return int(self._text("log", "-1", "--format=%ct", sha, "--", what="cannot read a date"))

    def _modes(self, base: str, paths: Sequence[str]) -> dict[str, str]:
        out = self._text(
            "ls-tree", "-z", "--full-tree", base, "--", *paths, what="cannot list the base tree"
        )
        modes: dict[str, str] = {}
        for entry in out.split("\x00"):
            if "\t" in entry:
                meta, path = entry.split("\t", 1)
                modes[path] = meta.split(" ")[0]
        return modes

    def _changed_paths(self, sha: str, parent: str | None) -> tuple[str, ...]:
        args = ["diff-tree", "-r", "--name-only", "-z", "--no-commit-id"]
        args += [parent, sha] if parent else ["--root", sha]
        out = self._text(*args, what=f"cannot list the files of {sha[:12]}")
        return tuple(p for p in out.split("\x00") if p)

    def _text(
        self, *args: str, env: Mapping[str, str] | None = None, network: bool = False, what: str
    ) -> str:
        status, out, err = self._call(*args, env=env, network=network)
        if status != 0:
            raise GitError(f"{what}: {_first_error(err, self._secrets)}")
        return str(out)

    def _bytes(self, *args: str, stdin: bytes, what: str) -> bytes:
        status, out, err = self._call(*args, stdin=stdin, raw=True)
        if status != 0 or not isinstance(out, bytes):
            raise GitError(f"{what}: {_first_error(err, self._secrets)}")
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


# ---- module helpers ------------------------------------------------------------------


def _auth_config(token: str | None, server_url: str) -> dict[str, str]:
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


def _redact(text: str, secrets: Sequence[str]) -> str:
    text = _CREDENTIALS_IN_URL.sub("***@", text)
    for secret in secrets:
        text = text.replace(secret, "***")
    return text


def _first_error(stderr: str, secrets: Sequence[str]) -> str:
    """The most telling line of git's stderr: the first ``fatal:``/``error:``, else the last."""
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    if not lines:
        return "git failed without a message"
    for line in lines:
        if line.startswith(("fatal:", "error:")):
            return _redact(line, secrets)
    return _redact(lines[-1], secrets)


def _check_path(path: str) -> str:
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


def _check_branch_name(branch: str) -> None:
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


def _check_remote_name(remote: str) -> None:
    if (
        not remote
        or remote.startswith("-")
        or "/" in remote
        or any(ch.isspace() or ord(ch) < 32 for ch in remote)
    ):
        raise GitError(f"not a valid remote name: {remote!r}")
