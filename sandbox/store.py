"""The fake GitHub's in-memory state, and its GitHub-shaped JSON.

Records are small mutable dataclasses; :class:`Renderer` turns them into the
JSON GitHub returns (``issue``, ``issue-comment``, ``label``, ``reaction``,
``pull-request``, ``full-repository``, ``public-user``... in the bundled
OpenAPI description). The sandbox's own tests validate every rendered shape
against that description.

Refs live in memory by default. A repository can instead be backed by a real
git repository (:meth:`Store.link_git`), so that branches the bot pushes with
git are the branches the fake's pull-request API sees.
"""

from __future__ import annotations

import base64
import hashlib
import itertools
import subprocess
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any
from urllib.parse import quote

#: Collaborator roles, weakest first.
ROLES = ("none", "read", "triage", "write", "maintain", "admin")
#: ``permission`` is the legacy view of ``role_name`` in GitHub's answer.
LEGACY_PERMISSION = {
    "admin": "admin",
    "maintain": "write",
    "write": "write",
    "triage": "read",
    "read": "read",
    "none": "none",
}
REACTIONS = ("+1", "-1", "laugh", "confused", "heart", "hooray", "rocket", "eyes")
USER_TYPES = ("User", "Bot", "Organization")


def timestamp(moment: datetime | None = None) -> str:
    """GitHub's time format: ``2024-05-01T12:00:00Z``."""
    moment = moment or datetime.now(timezone.utc)
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def node_id(kind: str, number: int) -> str:
    return base64.b64encode(f"0:{kind}{number}".encode()).decode().rstrip("=")


@dataclass
class User:
    login: str
    id: int
    type: str = "User"
    name: str | None = None
    email: str | None = None
    created_at: str = "2020-01-01T00:00:00Z"


@dataclass
class Label:
    id: int
    name: str
    color: str = "ededed"
    description: str | None = None
    default: bool = False


@dataclass
class Reaction:
    id: int
    content: str
    user: str
    created_at: str


@dataclass
class Comment:
    id: int
    issue_number: int
    body: str
    user: str
    created_at: str
    updated_at: str
    author_association: str
    reactions: list[Reaction] = field(default_factory=list)


@dataclass
class Pull:
    """What a pull request has on top of its issue (they share number, title, body)."""

    id: int
    head: str  # branch name
    base: str
    head_sha: str
    base_sha: str
    merged: bool = False
    merged_at: str | None = None
    merged_by: str | None = None
    merge_commit_sha: str | None = None
    draft: bool = False
    maintainer_can_modify: bool = False


@dataclass
class Issue:
    id: int
    number: int
    title: str
    body: str | None
    user: str
    created_at: str
    updated_at: str
    author_association: str = "NONE"
    labels: list[str] = field(default_factory=list)  # label names, repo casing
    state: str = "open"
    state_reason: str | None = None
    closed_at: str | None = None
    closed_by: str | None = None
    locked: bool = False
    reactions: list[Reaction] = field(default_factory=list)
    pull: Pull | None = None


@dataclass
class Repo:
    id: int
    owner: str
    name: str
    default_branch: str = "main"
    private: bool = False
    description: str | None = None
    created_at: str = "2020-01-01T00:00:00Z"
    labels: dict[str, Label] = field(default_factory=dict)  # key: lower-cased name
    issues: dict[int, Issue] = field(default_factory=dict)
    collaborators: dict[str, str] = field(default_factory=dict)  # lower login -> role
    refs: dict[str, str] = field(default_factory=dict)  # "refs/heads/main" -> sha
    git_dir: Path | None = None

    @property
    def full_name(self) -> str:
        return f"{self.owner}/{self.name}"


class GitRefError(Exception):
    """A git-backed ref operation failed (unknown object, missing ref)."""


class Store:
    """Users, repositories and everything in them; ids are unique per kind."""

    def __init__(self) -> None:
        self.users: dict[str, User] = {}
        self.repos: dict[str, Repo] = {}
        self.comments: dict[int, tuple[Repo, Comment]] = {}
        self._ids = {
            kind: itertools.count(start)
            for kind, start in {
                "user": 10_001,
                "repo": 700_001,
                "issue": 500_001,
                "comment": 1_000_001,
                "label": 3_000_001,
                "reaction": 2_000_001,
                "pull": 900_001,
                "sha": 1,
            }.items()
        }

    def next_id(self, kind: str) -> int:
        return next(self._ids[kind])

    def new_sha(self) -> str:
        return hashlib.sha1(f"fake-github-{self.next_id('sha')}".encode()).hexdigest()

    # -- users ---------------------------------------------------------------

    def user(self, login: str) -> User | None:
        return self.users.get(login.lower())

    def ensure_user(self, login: str, *, type: str | None = None, name: str | None = None) -> User:
        found = self.user(login)
        if found is None:
            if type is None:
                type = "Bot" if login.endswith("[bot]") else "User"
            found = User(login=login, id=self.next_id("user"), type=type, name=name)
            self.users[login.lower()] = found
        elif name is not None:
            found.name = name
        return found

    # -- repositories --------------------------------------------------------

    def repo(self, owner: str, name: str) -> Repo | None:
        return self.repos.get(f"{owner}/{name}".lower())

    def role(self, repo: Repo, login: str) -> str:
        if login.lower() == repo.owner.lower():
            return "admin"
        explicit = repo.collaborators.get(login.lower())
        if explicit is not None:
            return explicit
        return "none" if repo.private else "read"

    def association(self, repo: Repo, login: str) -> str:
        if login.lower() == repo.owner.lower():
            return "OWNER"
        if repo.collaborators.get(login.lower(), "none") != "none":
            return "COLLABORATOR"
        return "NONE"

    def issue_number(self, repo: Repo) -> int:
        return max(repo.issues, default=0) + 1

    def ensure_label(self, repo: Repo, name: str) -> Label:
        found = repo.labels.get(name.lower())
        if found is None:
            found = Label(id=self.next_id("label"), name=name)
            repo.labels[name.lower()] = found
        return found

    def add_labels(self, repo: Repo, issue: Issue, names: list[str]) -> None:
        present = {n.lower() for n in issue.labels}
        for name in names:
            label = self.ensure_label(repo, name)  # GitHub creates unknown labels
            if label.name.lower() not in present:
                issue.labels.append(label.name)
                present.add(label.name.lower())

    # -- refs ----------------------------------------------------------------

    def link_git(self, repo: Repo, git_dir: Path) -> None:
        repo.git_dir = Path(git_dir)

    def refs(self, repo: Repo) -> dict[str, str]:
        if repo.git_dir is None:
            return dict(repo.refs)
        out = _git(repo.git_dir, "for-each-ref", "--format=%(refname) %(objectname)")
        return dict(line.split(" ", 1) for line in out.splitlines() if line.strip())

    def ref(self, repo: Repo, name: str) -> str | None:
        return self.refs(repo).get(name)

    def set_ref(self, repo: Repo, name: str, sha: str) -> None:
        if repo.git_dir is None:
            repo.refs[name] = sha
        else:
            _git(repo.git_dir, "update-ref", name, sha)

    def delete_ref(self, repo: Repo, name: str) -> None:
        if repo.git_dir is None:
            repo.refs.pop(name, None)
        else:
            _git(repo.git_dir, "update-ref", "-d", name)

    def branch_sha(self, repo: Repo, branch: str) -> str | None:
        return self.ref(repo, f"refs/heads/{branch}")


def _git(git_dir: Path, *args: str) -> str:
    result = subprocess.run(
        ["git", "-C", str(git_dir), *args],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise GitRefError(result.stderr.strip() or f"git {args[0]} failed")
    return result.stdout


class Renderer:
    """Records -> the JSON GitHub answers, with URLs the fake itself serves."""

    def __init__(self, store: Store, api_base: str, html_base: str = "https://github.com") -> None:
        self.store = store
        self.api = api_base.rstrip("/")
        self.html = html_base.rstrip("/")

    # -- users ---------------------------------------------------------------

    def simple_user(self, login: str) -> dict[str, Any]:
        user = self.store.ensure_user(login)
        url = f"{self.api}/users/{quote(user.login, safe='')}"
        html = (
            f"{self.html}/apps/{user.login.removesuffix('[bot]')}"
            if user.type == "Bot"
            else f"{self.html}/{user.login}"
        )
        return {
            "login": user.login,
            "id": user.id,
            "node_id": node_id("User", user.id),
            "avatar_url": f"https://avatars.githubusercontent.com/u/{user.id}?v=4",
            "gravatar_id": "",
            "url": url,
            "html_url": html,
            "followers_url": f"{url}/followers",
            "following_url": f"{url}/following{{/other_user}}",
            "gists_url": f"{url}/gists{{/gist_id}}",
            "starred_url": f"{url}/starred{{/owner}}{{/repo}}",
            "subscriptions_url": f"{url}/subscriptions",
            "organizations_url": f"{url}/orgs",
            "repos_url": f"{url}/repos",
            "events_url": f"{url}/events{{/privacy}}",
            "received_events_url": f"{url}/received_events",
            "type": user.type,
            "user_view_type": "public",
            "site_admin": False,
        }

    def public_user(self, login: str) -> dict[str, Any]:
        user = self.store.ensure_user(login)
        return {
            **self.simple_user(login),
            "name": user.name,
            "company": None,
            "blog": "",
            "location": None,
            "email": user.email,
            "hireable": None,
            "bio": None,
            "twitter_username": None,
            "public_repos": sum(
                1 for r in self.store.repos.values() if r.owner.lower() == login.lower()
            ),
            "public_gists": 0,
            "followers": 0,
            "following": 0,
            "created_at": user.created_at,
            "updated_at": user.created_at,
        }

    def collaborator_permission(self, repo: Repo, login: str) -> dict[str, Any]:
        role = self.store.role(repo, login)
        rank = ROLES.index(role)
        return {
            "permission": LEGACY_PERMISSION[role],
            "role_name": role,
            "user": {
                **self.simple_user(login),
                "permissions": {
                    "admin": rank >= ROLES.index("admin"),
                    "maintain": rank >= ROLES.index("maintain"),
                    "push": rank >= ROLES.index("write"),
                    "triage": rank >= ROLES.index("triage"),
                    "pull": rank >= ROLES.index("read"),
                },
                "role_name": role,
            },
        }

    # -- repositories --------------------------------------------------------

    def _repo_urls(self, repo: Repo) -> dict[str, Any]:
        u = f"{self.api}/repos/{repo.full_name}"
        html = f"{self.html}/{repo.full_name}"
        return {
            "url": u,
            "html_url": html,
            "archive_url": u + "/{archive_format}{/ref}",
            "assignees_url": u + "/assignees{/user}",
            "blobs_url": u + "/git/blobs{/sha}",
            "branches_url": u + "/branches{/branch}",
            "collaborators_url": u + "/collaborators{/collaborator}",
            "comments_url": u + "/comments{/number}",
            "commits_url": u + "/commits{/sha}",
            "compare_url": u + "/compare/{base}...{head}",
            "contents_url": u + "/contents/{+path}",
            "contributors_url": u + "/contributors",
            "deployments_url": u + "/deployments",
            "downloads_url": u + "/downloads",
            "events_url": u + "/events",
            "forks_url": u + "/forks",
            "git_commits_url": u + "/git/commits{/sha}",
            "git_refs_url": u + "/git/refs{/sha}",
            "git_tags_url": u + "/git/tags{/sha}",
            "git_url": f"git://github.com/{repo.full_name}.git",
            "issue_comment_url": u + "/issues/comments{/number}",
            "issue_events_url": u + "/issues/events{/number}",
            "issues_url": u + "/issues{/number}",
            "keys_url": u + "/keys{/key_id}",
            "labels_url": u + "/labels{/name}",
            "languages_url": u + "/languages",
            "merges_url": u + "/merges",
            "milestones_url": u + "/milestones{/number}",
            "notifications_url": u + "/notifications{?since,all,participating}",
            "pulls_url": u + "/pulls{/number}",
            "releases_url": u + "/releases{/id}",
            "ssh_url": f"git@github.com:{repo.full_name}.git",
            "stargazers_url": u + "/stargazers",
            "statuses_url": u + "/statuses/{sha}",
            "subscribers_url": u + "/subscribers",
            "subscription_url": u + "/subscription",
            "tags_url": u + "/tags",
            "teams_url": u + "/teams",
            "trees_url": u + "/git/trees{/sha}",
            "clone_url": f"{html}.git",
            "mirror_url": None,
            "hooks_url": u + "/hooks",
            "svn_url": html,
        }

    def repository(self, repo: Repo) -> dict[str, Any]:
        """The ``repository`` shape (as nested in pull requests)."""
        open_issues = sum(1 for i in repo.issues.values() if i.state == "open")
        return {
            "id": repo.id,
            "node_id": node_id("Repository", repo.id),
            "name": repo.name,
            "full_name": repo.full_name,
            "private": repo.private,
            "owner": self.simple_user(repo.owner),
            "description": repo.description,
            "fork": False,
            **self._repo_urls(repo),
            "homepage": None,
            "language": None,
            "forks": 0,
            "forks_count": 0,
            "stargazers_count": 0,
            "watchers_count": 0,
            "watchers": 0,
            "size": 0,
            "default_branch": repo.default_branch,
            "open_issues": open_issues,
            "open_issues_count": open_issues,
            "is_template": False,
            "topics": [],
            "has_issues": True,
            "has_projects": True,
            "has_wiki": True,
            "has_pages": False,
            "has_downloads": True,
            "has_discussions": False,
            "archived": False,
            "disabled": False,
            "visibility": "private" if repo.private else "public",
            "license": None,
            "pushed_at": repo.created_at,
            "created_at": repo.created_at,
            "updated_at": repo.created_at,
            "allow_forking": True,
            "web_commit_signoff_required": False,
        }

    def full_repository(self, repo: Repo, viewer: str | None = None) -> dict[str, Any]:
        out = self.repository(repo)
        out.update(network_count=0, subscribers_count=0, custom_properties={})
        if viewer is not None:
            rank = ROLES.index(self.store.role(repo, viewer))
            out["permissions"] = {
                "admin": rank >= ROLES.index("admin"),
                "maintain": rank >= ROLES.index("maintain"),
                "push": rank >= ROLES.index("write"),
                "triage": rank >= ROLES.index("triage"),
                "pull": rank >= ROLES.index("read"),
            }
        return out

    # -- labels, reactions ---------------------------------------------------

    def label(self, repo: Repo, name: str) -> dict[str, Any]:
        label = self.store.ensure_label(repo, name)
        return {
            "id": label.id,
            "node_id": node_id("Label", label.id),
            "url": f"{self.api}/repos/{repo.full_name}/labels/{quote(label.name, safe='')}",
            "name": label.name,
            "color": label.color,
            "default": label.default,
            "description": label.description,
        }

    def reaction(self, reaction: Reaction) -> dict[str, Any]:
        return {
            "id": reaction.id,
            "node_id": node_id("Reaction", reaction.id),
            "user": self.simple_user(reaction.user),
            "content": reaction.content,
            "created_at": reaction.created_at,
        }

    def rollup(self, url: str, reactions: list[Reaction]) -> dict[str, Any]:
        counts: dict[str, Any] = {c: 0 for c in REACTIONS}
        for reaction in reactions:
            counts[reaction.content] += 1
        return {"url": f"{url}/reactions", "total_count": len(reactions), **counts}

    # -- issues and comments -------------------------------------------------

    def issue_url(self, repo: Repo, number: int) -> str:
        return f"{self.api}/repos/{repo.full_name}/issues/{number}"

    def issue_html_url(self, repo: Repo, issue: Issue) -> str:
        kind = "pull" if issue.pull is not None else "issues"
        return f"{self.html}/{repo.full_name}/{kind}/{issue.number}"

    def issue(self, repo: Repo, issue: Issue) -> dict[str, Any]:
        url = self.issue_url(repo, issue.number)
        out: dict[str, Any] = {
            "url": url,
            "repository_url": f"{self.api}/repos/{repo.full_name}",
            "labels_url": url + "/labels{/name}",
            "comments_url": url + "/comments",
            "events_url": url + "/events",
            "html_url": self.issue_html_url(repo, issue),
            "id": issue.id,
            "node_id": node_id("Issue", issue.id),
            "number": issue.number,
            "title": issue.title,
            "user": self.simple_user(issue.user),
            "labels": [self.label(repo, name) for name in issue.labels],
            "state": issue.state,
            "locked": issue.locked,
            "assignee": None,
            "assignees": [],
            "milestone": None,
            "comments": sum(
                1
                for r, c in self.store.comments.values()
                if r is repo and c.issue_number == issue.number
            ),
            "created_at": issue.created_at,
            "updated_at": issue.updated_at,
            "closed_at": issue.closed_at,
            "author_association": issue.author_association,
            "active_lock_reason": None,
            "body": issue.body,
            "reactions": self.rollup(url, issue.reactions),
            "timeline_url": url + "/timeline",
            "performed_via_github_app": None,
            "state_reason": issue.state_reason,
        }
        if issue.pull is not None:
            pulls = f"{self.api}/repos/{repo.full_name}/pulls/{issue.number}"
            html = self.issue_html_url(repo, issue)
            out["draft"] = issue.pull.draft
            out["pull_request"] = {
                "url": pulls,
                "html_url": html,
                "diff_url": html + ".diff",
                "patch_url": html + ".patch",
                "merged_at": issue.pull.merged_at,
            }
        return out

    def comment(self, repo: Repo, comment: Comment) -> dict[str, Any]:
        url = f"{self.api}/repos/{repo.full_name}/issues/comments/{comment.id}"
        issue = repo.issues[comment.issue_number]
        return {
            "url": url,
            "html_url": f"{self.issue_html_url(repo, issue)}#issuecomment-{comment.id}",
            "issue_url": self.issue_url(repo, comment.issue_number),
            "id": comment.id,
            "node_id": node_id("IssueComment", comment.id),
            "user": self.simple_user(comment.user),
            "created_at": comment.created_at,
            "updated_at": comment.updated_at,
            "author_association": comment.author_association,
            "body": comment.body,
            "reactions": self.rollup(url, comment.reactions),
            "performed_via_github_app": None,
        }

    # -- pull requests and refs ----------------------------------------------

    def _pull_end(self, repo: Repo, branch: str, sha: str) -> dict[str, Any]:
        return {
            "label": f"{repo.owner}:{branch}",
            "ref": branch,
            "sha": sha,
            "user": self.simple_user(repo.owner),
            "repo": self.repository(repo),
        }

    def pull(self, repo: Repo, issue: Issue, *, simple: bool = False) -> dict[str, Any]:
        pull = issue.pull
        assert pull is not None, f"#{issue.number} is an issue, not a pull request"
        base_url = f"{self.api}/repos/{repo.full_name}"
        url = f"{base_url}/pulls/{issue.number}"
        html = self.issue_html_url(repo, issue)
        issue_url = self.issue_url(repo, issue.number)
        # An open pull request follows its branch; a closed one keeps the head it was closed at.
        live = self.store.branch_sha(repo, pull.head) if issue.state == "open" else None
        head_sha = live or pull.head_sha
        out: dict[str, Any] = {
            "url": url,
            "id": pull.id,
            "node_id": node_id("PullRequest", pull.id),
            "html_url": html,
            "diff_url": html + ".diff",
            "patch_url": html + ".patch",
            "issue_url": issue_url,
            "commits_url": url + "/commits",
            "review_comments_url": url + "/comments",
            "review_comment_url": base_url + "/pulls/comments{/number}",
            "comments_url": issue_url + "/comments",
            "statuses_url": f"{base_url}/statuses/{head_sha}",
            "number": issue.number,
            "state": issue.state,
            "locked": issue.locked,
            "title": issue.title,
            "user": self.simple_user(issue.user),
            "body": issue.body,
            "labels": [self.label(repo, name) for name in issue.labels],
            "milestone": None,
            "active_lock_reason": None,
            "created_at": issue.created_at,
            "updated_at": issue.updated_at,
            "closed_at": issue.closed_at,
            "merged_at": pull.merged_at,
            "merge_commit_sha": pull.merge_commit_sha,
            "assignee": None,
            "assignees": [],
            "requested_reviewers": [],
            "requested_teams": [],
            "head": self._pull_end(repo, pull.head, head_sha),
            "base": self._pull_end(repo, pull.base, pull.base_sha),
            "_links": {
                "self": {"href": url},
                "html": {"href": html},
                "issue": {"href": issue_url},
                "comments": {"href": issue_url + "/comments"},
                "review_comments": {"href": url + "/comments"},
                "review_comment": {"href": base_url + "/pulls/comments{/number}"},
                "commits": {"href": url + "/commits"},
                "statuses": {"href": f"{base_url}/statuses/{head_sha}"},
            },
            "author_association": issue.author_association,
            "auto_merge": None,
            "draft": pull.draft,
        }
        if simple:
            return out
        comments = self.issue(repo, issue)["comments"]
        out.update(
            merged=pull.merged,
            mergeable=None if pull.merged or issue.state == "closed" else True,
            rebaseable=None if pull.merged or issue.state == "closed" else True,
            mergeable_state="unknown" if pull.merged else "clean",
            merged_by=self.simple_user(pull.merged_by) if pull.merged_by else None,
            comments=comments,
            review_comments=0,
            maintainer_can_modify=pull.maintainer_can_modify,
            commits=1,
            additions=0,
            deletions=0,
            changed_files=0,
        )
        return out

    def git_ref(self, repo: Repo, name: str, sha: str) -> dict[str, Any]:
        base = f"{self.api}/repos/{repo.full_name}/git"
        return {
            "ref": name,
            "node_id": node_id("Ref", int(sha[:8], 16)),
            "url": f"{base}/{name}",
            "object": {"type": "commit", "sha": sha, "url": f"{base}/commits/{sha}"},
        }
