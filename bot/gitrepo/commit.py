"""Building the batch's commit in a throw-away index, without checking anything out.

``read-tree`` loads the base tree into an index file of our own
(``GIT_INDEX_FILE`` in a temporary folder), ``hash-object`` stores the new
texts, ``update-index`` stages them, ``write-tree`` and ``commit-tree`` make
the commit. The maintainer's refs, index and working tree are never touched,
and the same inputs always give the same sha.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping, Sequence

from bot.errors import GitError
from bot.gitrepo.names import check_path
from bot.gitrepo.process import GitProcess

_REGULAR = "100644"
_EXECUTABLE = "100755"


class CommitBuilder(GitProcess):
    """Make commits from file texts on top of a base commit."""

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
        changes = {check_path(p): text for p, text in files.items()}
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
