"""The survey repository as git sees it: the only package that imports GitPython.

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

One module a concern: :mod:`.process` runs git (it alone imports GitPython)
and keeps the token out of argv and ``.git/config``; :mod:`.names` checks
what reaches argv; :mod:`.remote` fetches and pushes with a lease;
:mod:`.history` reads files and tells foreign commits from the bot's;
:mod:`.commit` builds a commit in a temporary index. A failure raises
:class:`bot.errors.GitError`, and a force-with-lease refusal raises its
subclass :class:`LeaseRejected`.
"""

from __future__ import annotations

import os

from bot.gitrepo.commit import CommitBuilder
from bot.gitrepo.history import CommitInfo, History
from bot.gitrepo.process import DEFAULT_SERVER_URL, auth_config, open_git
from bot.gitrepo.remote import DEFAULT_REMOTE, LeaseRejected, Remote

__all__ = ["DEFAULT_REMOTE", "CommitInfo", "LeaseRejected", "SurveyRepo", "open_repo"]


class SurveyRepo(Remote, History, CommitBuilder):
    """A local clone of the survey repository, operated without touching its working tree."""


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
    return SurveyRepo(
        open_git(path), auth_config(token, server_url), secrets=(token,) if token else ()
    )
