"""bot.gitrepo against real repositories: a bare origin and clones in ``tmp_path``."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.errors import GitError
from bot.gitrepo import LeaseRejected, SurveyRepo, open_repo
from tests.gitrepo.gitutil import (
    MAINTAINER_EMAIL,
    clone_of,
    commit_files,
    git,
    make_origin,
)

BOT_NAME = "survey-bot"
BOT_EMAIL = "survey-bot@users.noreply.github.com"
BRANCH = "survey-bot/updates"

SURVEY = {
    "README.md": "# Survey\r\n\r\n## Papers\r\n\r\n- [1] Attention Is All You Need\r\n",
    "refs.bib": "@article{vaswani2017,\n  title = {Attention Is All You Need},\n}\n",
    "scripts/build.sh": "#!/bin/sh\necho build\n",
    "notes/zh.md": "综述\n",
}


@pytest.fixture
def origin(tmp_path: Path) -> tuple[Path, Path]:
    bare, clone = make_origin(tmp_path, SURVEY)
    (clone / "scripts" / "build.sh").chmod(0o755)
    git(clone, "add", "scripts/build.sh")
    git(clone, "commit", "--quiet", "-m", "Make build.sh executable")
    git(clone, "push", "--quiet", "origin", "HEAD:refs/heads/main")
    return bare, clone


@pytest.fixture
def repo(origin: tuple[Path, Path]) -> SurveyRepo:
    survey = open_repo(origin[1])
    survey.fetch()
    return survey


def build(
    survey: SurveyRepo, files: dict[str, str | None], base: str = "origin/main", **kwargs: int
) -> str | None:
    return survey.build_commit(
        base, files, "Add papers suggested by readers", BOT_NAME, BOT_EMAIL, **kwargs
    )


# ---- opening and reading ---------------------------------------------------------------


def test_open_repo_rejects_a_plain_directory(tmp_path: Path) -> None:
    with pytest.raises(GitError, match="not a git repository"):
        open_repo(tmp_path)
    with pytest.raises(GitError, match="no such directory"):
        open_repo(tmp_path / "missing")


def test_read_files_at_a_ref_keeps_bytes_and_reports_missing(repo: SurveyRepo) -> None:
    got = repo.read_files("origin/main", ["README.md", "notes/zh.md", "nope.md", "notes"])
    assert got == {
        "README.md": SURVEY["README.md"],  # \r\n kept exactly
        "notes/zh.md": "综述\n",
        "nope.md": None,
        "notes": None,  # a directory is not a file
    }
    assert list(got) == ["README.md", "notes/zh.md", "nope.md", "notes"]


def test_read_files_reads_the_ref_not_the_working_tree(
    origin: tuple[Path, Path], repo: SurveyRepo
) -> None:
    clone = origin[1]
    old = git(clone, "rev-parse", "HEAD")
    commit_files(clone, {"refs.bib": "changed\n"}, "Edit refs")
    (clone / "README.md").write_text("dirty, not committed\n")
    assert repo.read_files(old, ["refs.bib", "README.md"]) == {
        "refs.bib": SURVEY["refs.bib"],
        "README.md": SURVEY["README.md"],
    }
    assert repo.read_files("HEAD", ["refs.bib"]) == {"refs.bib": "changed\n"}


def test_read_files_handles_odd_paths_and_rejects_unsafe_ones(
    origin: tuple[Path, Path], repo: SurveyRepo
) -> None:
    commit_files(origin[1], {"docs/a file with spaces.md": "x", "empty.txt": ""}, "Odd files")
    assert repo.read_files("HEAD", ["docs/a file with spaces.md", "empty.txt", "b c.md"]) == {
        "docs/a file with spaces.md": "x",
        "empty.txt": "",
        "b c.md": None,
    }
    for bad in ("../etc/passwd", "/abs", "a//b", ".git/config", "a\nb", ""):
        with pytest.raises(GitError, match="not a usable repository path"):
            repo.read_files("HEAD", [bad])


def test_read_files_errors_clearly(origin: tuple[Path, Path], repo: SurveyRepo) -> None:
    with pytest.raises(GitError, match="names no commit"):
        repo.read_files("no-such-branch", ["README.md"])
    commit_files(origin[1], {"latin1.txt": b"caf\xe9\n"}, "Latin-1 file")
    with pytest.raises(GitError, match=r"latin1\.txt at HEAD is not UTF-8"):
        repo.read_files("HEAD", ["latin1.txt"])


# ---- building commits ------------------------------------------------------------------


def test_build_commit_is_deterministic_and_exact(repo: SurveyRepo) -> None:
    new_readme = SURVEY["README.md"] + "- [2] BERT\r\n"
    files: dict[str, str | None] = {"README.md": new_readme, "new/dir/file.md": "new\n"}
    first = build(repo, files)
    assert first is not None
    assert build(repo, files) == first  # same inputs, same sha
    assert build(repo, dict(reversed(files.items()))) == first  # order does not matter
    assert build(repo, files, timestamp=1_800_000_000) != first  # the date is an input
    assert repo.read_files(first, ["README.md", "new/dir/file.md"]) == files
    assert git(repo.path, "log", "-1", "--format=%an <%ae>|%cn <%ce>|%P|%s", first) == (
        f"{BOT_NAME} <{BOT_EMAIL}>|{BOT_NAME} <{BOT_EMAIL}>|"
        f"{repo.resolve('origin/main')}|Add papers suggested by readers"
    )
    # Dated like the base commit unless told otherwise.
    assert git(repo.path, "log", "-1", "--format=%ct", first) == git(
        repo.path, "log", "-1", "--format=%ct", "origin/main"
    )


def test_build_commit_gives_the_same_sha_in_another_clone(
    origin: tuple[Path, Path], repo: SurveyRepo, tmp_path: Path
) -> None:
    other = open_repo(clone_of(origin[0], tmp_path / "other"))
    files: dict[str, str | None] = {"refs.bib": "@misc{x}\n"}
    assert build(repo, files, timestamp=1_750_000_000) == build(
        other, files, timestamp=1_750_000_000
    )


def test_build_commit_with_nothing_to_change_is_none(repo: SurveyRepo) -> None:
    assert build(repo, {}) is None
    assert build(repo, {"README.md": SURVEY["README.md"], "absent.md": None}) is None


def test_build_commit_keeps_modes_and_deletes(repo: SurveyRepo) -> None:
    sha = build(repo, {"scripts/build.sh": "#!/bin/sh\necho new\n", "notes/zh.md": None})
    assert sha is not None
    tree = git(repo.path, "ls-tree", "-r", sha)
    assert "100755 blob" in next(line for line in tree.splitlines() if "build.sh" in line)
    assert "notes/zh.md" not in tree
    assert repo.read_files(sha, ["notes/zh.md"]) == {"notes/zh.md": None}


def test_build_commit_leaves_working_tree_index_and_refs_alone(
    origin: tuple[Path, Path], repo: SurveyRepo
) -> None:
    clone = origin[1]
    (clone / "README.md").write_text("maintainer's unsaved work\n")
    (clone / "untracked.txt").write_text("scratch\n")
    (clone / "refs.bib").write_text("staged edit\n")
    git(clone, "add", "refs.bib")

    def snapshot() -> tuple[str, str, str, str, bytes]:
        return (
            git(clone, "status", "--porcelain=v1", "--untracked-files=all"),
            git(clone, "rev-parse", "HEAD"),
            git(clone, "for-each-ref"),
            git(clone, "ls-files", "--stage"),
            (clone / "README.md").read_bytes(),
        )

    before = snapshot()
    sha = build(repo, {"README.md": "bot text\n", "refs.bib": "bot refs\n"})
    assert sha is not None
    assert snapshot() == before


def test_build_commit_refuses_bad_input(repo: SurveyRepo) -> None:
    with pytest.raises(GitError, match="names no commit"):
        build(repo, {"a.md": "x"}, base="origin/nope")
    with pytest.raises(GitError, match="not a usable repository path"):
        build(repo, {"../a.md": "x"})
    with pytest.raises(GitError, match="empty message"):
        repo.build_commit("origin/main", {"a.md": "x"}, "  ", BOT_NAME, BOT_EMAIL)
    with pytest.raises(GitError, match="not a regular file"):
        build(repo, {"notes": "a file where a directory is"})


# ---- pushing with a lease --------------------------------------------------------------


def test_push_with_lease_then_a_concurrent_push_is_refused(
    origin: tuple[Path, Path], repo: SurveyRepo, tmp_path: Path
) -> None:
    bare = origin[0]
    assert repo.remote_branch_sha(BRANCH) is None
    first = build(repo, {"README.md": "v1\n"})
    assert first is not None
    repo.push_branch(BRANCH, first, expected_remote_sha=None)
    assert git(bare, "rev-parse", f"refs/heads/{BRANCH}") == first
    assert repo.remote_branch_sha(BRANCH) == first

    # A rebuild with the lease we hold replaces the branch (a force push).
    second = build(repo, {"README.md": "v2\n"})
    assert second is not None
    repo.push_branch(BRANCH, second, expected_remote_sha=first)
    assert git(bare, "rev-parse", f"refs/heads/{BRANCH}") == second

    # Someone else pushes to the branch; our next push, still expecting `second`, must fail.
    other = clone_of(bare, tmp_path / "someone")
    git(other, "checkout", "--quiet", BRANCH)
    theirs = commit_files(other, {"README.md": "theirs\n"}, "Fix typo", push=BRANCH)
    third = build(repo, {"README.md": "v3\n"})
    assert third is not None
    with pytest.raises(LeaseRejected, match="someone else pushed") as info:
        repo.push_branch(BRANCH, third, expected_remote_sha=second)
    assert BRANCH in str(info.value)
    assert isinstance(info.value, GitError)
    assert git(bare, "rev-parse", f"refs/heads/{BRANCH}") == theirs  # their work survives

    # "The branch must not exist" is a lease too.
    with pytest.raises(LeaseRejected):
        repo.push_branch(BRANCH, third, expected_remote_sha=None)

    # After a fetch we see their commit and may decide to overwrite it knowingly.
    repo.fetch()
    assert repo.remote_branch_sha(BRANCH) == theirs
    repo.push_branch(BRANCH, third, expected_remote_sha=theirs)
    assert git(bare, "rev-parse", f"refs/heads/{BRANCH}") == third


def test_push_errors_other_than_the_lease_are_plain_git_errors(
    origin: tuple[Path, Path], repo: SurveyRepo
) -> None:
    sha = build(repo, {"README.md": "v1\n"})
    assert sha is not None
    hook = origin[0] / "hooks" / "pre-receive"
    hook.write_text("#!/bin/sh\necho 'protected branch' >&2\nexit 1\n")
    hook.chmod(0o755)
    with pytest.raises(GitError, match=r"cannot push.*hook declined.*protected branch") as info:
        repo.push_branch(BRANCH, sha, expected_remote_sha=None)
    assert not isinstance(info.value, LeaseRejected)
    with pytest.raises(GitError, match="not a valid branch name"):
        repo.push_branch("bad..name", sha, expected_remote_sha=None)
    with pytest.raises(GitError, match="full commit sha"):
        repo.push_branch(BRANCH, sha, expected_remote_sha="abc123")


def test_delete_remote_branch(origin: tuple[Path, Path], repo: SurveyRepo) -> None:
    bare = origin[0]
    sha = build(repo, {"README.md": "v1\n"})
    assert sha is not None
    repo.push_branch(BRANCH, sha, expected_remote_sha=None)
    other = build(repo, {"README.md": "other\n"})
    assert other is not None
    with pytest.raises(LeaseRejected):
        repo.delete_remote_branch(BRANCH, expected_sha=other)
    assert repo.delete_remote_branch(BRANCH, expected_sha=sha) is True
    assert git(bare, "branch", "--list", BRANCH) == ""
    assert repo.remote_branch_sha(BRANCH) is None
    assert repo.delete_remote_branch(BRANCH, expected_sha=sha) is False  # already gone


# ---- a maintainer's commits on the bot branch ------------------------------------------


def test_commits_not_by_finds_a_maintainer_commit(
    origin: tuple[Path, Path], repo: SurveyRepo, tmp_path: Path
) -> None:
    bot_sha = build(repo, {"README.md": "bot v1\n"})
    assert bot_sha is not None
    repo.push_branch(BRANCH, bot_sha, expected_remote_sha=None)
    assert repo.commits_not_by("origin/main", bot_sha, BOT_EMAIL) == []

    other = clone_of(origin[0], tmp_path / "maintainer")
    git(other, "checkout", "--quiet", BRANCH)
    mine = commit_files(other, {"refs.bib": "fixed by hand\n"}, "Fix a BibTeX key", push=BRANCH)
    repo.fetch()
    tip = repo.remote_branch_sha(BRANCH)
    assert tip == mine
    found = repo.commits_not_by("origin/main", tip, BOT_EMAIL.upper())
    assert [(c.sha, c.author_email, c.subject, c.paths, c.is_merge) for c in found] == [
        (mine, MAINTAINER_EMAIL, "Fix a BibTeX key", ("refs.bib",), False)
    ]
    assert found[0].short == mine[:12]


def test_commits_not_by_counts_an_amended_bot_commit_and_merges(
    origin: tuple[Path, Path], repo: SurveyRepo, tmp_path: Path
) -> None:
    bot_sha = build(repo, {"README.md": "bot v1\n"})
    assert bot_sha is not None
    repo.push_branch(BRANCH, bot_sha, expected_remote_sha=None)
    other = clone_of(origin[0], tmp_path / "maintainer")
    git(other, "checkout", "--quiet", BRANCH)
    # The maintainer amends the bot's commit: author stays the bot, committer is them.
    git(other, "commit", "--quiet", "--amend", "--no-edit", "--allow-empty")
    amended = git(other, "rev-parse", "HEAD")
    # Meanwhile main moves, and "Update branch" merges it into the bot branch.
    main_tip = commit_files(origin[1], {"main.txt": "m\n"}, "Work on main", push="main")
    git(other, "fetch", "--quiet", "origin")
    git(other, "merge", "--quiet", "--no-edit", "origin/main")
    merge = git(other, "rev-parse", "HEAD")
    git(other, "push", "--quiet", "--force", "origin", f"HEAD:refs/heads/{BRANCH}")
    repo.fetch()
    found = repo.commits_not_by(repo.default_branch(), merge, BOT_EMAIL)
    assert [(c.sha, c.author_email, c.committer_email, c.is_merge) for c in found] == [
        (amended, BOT_EMAIL, MAINTAINER_EMAIL, False),
        (merge, MAINTAINER_EMAIL, MAINTAINER_EMAIL, True),
    ]
    assert found[1].paths == ("main.txt",)  # against the first parent
    assert main_tip == repo.remote_branch_sha("main")


# ---- the default branch ----------------------------------------------------------------


def test_default_branch_follows_the_remote(origin: tuple[Path, Path], repo: SurveyRepo) -> None:
    bare, clone = origin
    assert repo.default_branch() == "main"
    git(clone, "push", "--quiet", "origin", "HEAD:refs/heads/trunk")
    git(bare, "symbolic-ref", "HEAD", "refs/heads/trunk")
    git(bare, "branch", "--quiet", "-D", "main")
    repo.fetch()
    assert repo.default_branch() == "trunk"
    assert repo.remote_branch_sha("main") is None  # pruned


def test_default_branch_falls_back(origin: tuple[Path, Path], repo: SurveyRepo) -> None:
    clone = origin[1]
    git(clone, "remote", "set-head", "origin", "--delete")
    git(clone, "push", "--quiet", "origin", "HEAD:refs/heads/develop")
    repo.fetch()
    git(clone, "remote", "set-head", "origin", "--delete")  # as if the remote had no HEAD
    assert repo.default_branch(fallback="develop") == "develop"
    assert repo.default_branch(fallback="gone") == "main"
    assert repo.default_branch() == "main"
    git(clone, "update-ref", "-d", "refs/remotes/origin/main")
    with pytest.raises(GitError, match="cannot tell the default branch"):
        repo.default_branch()


def test_fetch_deepens_a_shallow_clone(origin: tuple[Path, Path], tmp_path: Path) -> None:
    shallow = tmp_path / "shallow"
    git(tmp_path, "clone", "--quiet", "--depth=1", f"file://{origin[0]}", str(shallow))
    survey = open_repo(shallow)
    survey.fetch()
    assert git(shallow, "rev-parse", "--is-shallow-repository") == "false"
    assert git(shallow, "rev-list", "--count", "origin/main") == "2"


def test_fetch_from_an_unknown_remote_is_a_git_error(repo: SurveyRepo) -> None:
    with pytest.raises(GitError, match="cannot fetch from upstream"):
        repo.fetch("upstream")
    with pytest.raises(GitError, match="not a valid remote name"):
        repo.fetch("--upload-pack=evil")


# ---- cloning and credentials -----------------------------------------------------------


def test_token_reaches_git_only_through_the_environment(
    origin: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The token is an http.extraheader for the server only: not in argv, not in .git/config."""
    import bot.gitrepo.process as process

    survey = open_repo(origin[1], token="ghs_secret", server_url="https://github.example/")
    seen: list[dict[str, str]] = []
    real = process._network_env

    def spy(auth: dict[str, str]) -> dict[str, str]:
        env = real(auth)
        seen.append(env)
        return env

    monkeypatch.setattr(process, "_network_env", spy)
    monkeypatch.setenv("GIT_CONFIG_COUNT", "1")
    monkeypatch.setenv("GIT_CONFIG_KEY_0", "core.abbrev")
    monkeypatch.setenv("GIT_CONFIG_VALUE_0", "12")
    survey.fetch()  # a local remote ignores the header; the fetch itself must work
    assert seen and seen[0] == {
        "GIT_TERMINAL_PROMPT": "0",
        "GIT_CONFIG_COUNT": "2",
        "GIT_CONFIG_KEY_1": "http.https://github.example/.extraheader",
        "GIT_CONFIG_VALUE_1": "AUTHORIZATION: basic eC1hY2Nlc3MtdG9rZW46Z2hzX3NlY3JldA==",
    }
    assert "ghs_secret" not in (origin[1] / ".git" / "config").read_text()
    assert "extraheader" not in (origin[1] / ".git" / "config").read_text()


def test_errors_never_show_credentials(origin: tuple[Path, Path]) -> None:
    git(origin[1], "remote", "set-url", "origin", "https://user:ghs_secret@127.0.0.1:9/x.git")
    survey = open_repo(origin[1], token="ghs_other")
    with pytest.raises(GitError, match="cannot fetch") as info:
        survey.fetch()
    assert "ghs_secret" not in str(info.value)
    assert "ghs_other" not in str(info.value)


def test_commits_not_by_ignores_history_the_bot_built_on(
    origin: tuple[Path, Path], repo: SurveyRepo
) -> None:
    """A rewritten default branch leaves its old commits under the bot's: not a maintainer's."""
    clone = origin[1]
    old_main = commit_files(clone, {"typo.md": "teh\n"}, "Add notes", push="main")
    repo.fetch()
    bot_sha = build(repo, {"README.md": "bot v1\n"})
    assert bot_sha is not None
    repo.push_branch(BRANCH, bot_sha, expected_remote_sha=None)
    git(clone, "commit", "--quiet", "--amend", "-m", "Add notes (fixed)")
    git(clone, "push", "--quiet", "--force", "origin", "HEAD:refs/heads/main")
    repo.fetch()
    assert repo.resolve("origin/main") != old_main
    assert repo.commits_not_by("origin/main", bot_sha, BOT_EMAIL) == []
    # Without a bot commit on the branch, everything on it is someone else's.
    assert [c.sha for c in repo.commits_not_by("origin/main", old_main, BOT_EMAIL)] == [old_main]
