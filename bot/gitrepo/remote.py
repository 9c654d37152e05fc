"""The remote: fetching, the default branch, and pushing with a lease.

A push names the sha the branch had when the bot last read it
(``--force-with-lease``): if a maintainer pushed in between, git refuses and
:class:`LeaseRejected` is raised instead of overwriting their work.
"""

from __future__ import annotations

import re

from bot.errors import GitError
from bot.gitrepo.names import check_branch_name, check_remote_name
from bot.gitrepo.process import GitProcess, first_error, redact

DEFAULT_REMOTE = "origin"

_SHA_RE = re.compile(r"^[0-9a-f]{40}([0-9a-f]{24})?$")


class LeaseRejected(GitError):
    """The remote branch is no longer where we last saw it: someone else pushed to it."""


class Remote(GitProcess):
    """Fetch from and push to the survey's remote (``origin``)."""

    def fetch(self, remote: str = DEFAULT_REMOTE) -> None:
        """Bring every branch of ``remote`` up to date as ``refs/remotes/<remote>/*``.

        Prunes branches deleted on the remote, deepens a shallow clone (the
        history is needed to tell our commits from a maintainer's), and
        refreshes ``refs/remotes/<remote>/HEAD`` so that a renamed default
        branch is noticed.
        """
        check_remote_name(remote)
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
        check_remote_name(remote)
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
        check_branch_name(branch)
        check_remote_name(remote)
        return self.resolve(f"refs/remotes/{remote}/{branch}")

    def push_branch(
        self, branch: str, sha: str, expected_remote_sha: str | None, remote: str = DEFAULT_REMOTE
    ) -> None:
        """Point ``<remote>/<branch>`` at ``sha``, but only if it is still ``expected_remote_sha``.

        ``expected_remote_sha`` is what :meth:`remote_branch_sha` said (None:
        the branch must not exist yet). Anything else on the remote means
        someone pushed meanwhile, and :class:`LeaseRejected` is raised instead
        of overwriting their work.
        """
        check_branch_name(branch)
        check_remote_name(remote)
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
        check_branch_name(branch)
        check_remote_name(remote)
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
            first_error(err, self._secrets),
        )
        said = [
            line[len("remote:") :].strip()
            for line in err.splitlines()
            if line.startswith("remote:") and line[len("remote:") :].strip()
        ]
        if said:  # what the server's hook or branch protection said
            reason += f": {said[0]}"
        raise GitError(f"{what}: {redact(reason, self._secrets)}")

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
