"""Reading commits: file texts at a commit, and the commits on a branch that are not the bot's.

Files are read straight from the object store (``cat-file --batch``), never
from the working tree. Before the batch rewrites its branch it asks which
commits on it someone else made (:meth:`History.commits_not_by`), so that a
maintainer's fix-up is never dropped silently.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from bot.errors import GitError
from bot.gitrepo.names import check_path
from bot.gitrepo.process import GitProcess


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


class History(GitProcess):
    """Read files and commits of the survey repository."""

    def read_files(self, ref: str, paths: Iterable[str]) -> dict[str, str | None]:
        """The texts of ``paths`` in commit ``ref``, keyed by path; None for a missing file.

        Reads objects only, never the working tree. Bytes are decoded as UTF-8
        exactly as stored: ``\\r\\n``, a byte-order mark and a missing final
        newline all survive a round trip through :meth:`build_commit`.
        """
        commit = self._commit(ref)
        wanted = list(dict.fromkeys(check_path(p) for p in paths))
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

    def _changed_paths(self, sha: str, parent: str | None) -> tuple[str, ...]:
        args = ["diff-tree", "-r", "--name-only", "-z", "--no-commit-id"]
        args += [parent, sha] if parent else ["--root", sha]
        out = self._text(*args, what=f"cannot list the files of {sha[:12]}")
        return tuple(p for p in out.split("\x00") if p)
