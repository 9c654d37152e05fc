"""What the fake GitHub does for each documented operation.

One function per OpenAPI ``operationId``, taking an already validated
:class:`Call` and returning a :class:`Reply` (or raising :class:`ApiError`
with the status and message GitHub gives). HTTP, auth, validation, faults and
pagination are the server's business, not this module's.

``GET /rate_limit`` is answered by the server, which owns the counters.
Operations of the bundled description that the fake does not model answer
501 and are reported as violations (see ``server.py``), so a test never
silently relies on something the fake only pretends to do.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .store import (
    Comment,
    GitRefError,
    Issue,
    Pull,
    Reaction,
    Renderer,
    Repo,
    Store,
)


class ApiError(Exception):
    """An answer GitHub gives as an error: status, message, optional ``errors[]``."""

    def __init__(
        self, status: int, message: str, errors: list[dict[str, Any]] | None = None
    ) -> None:
        super().__init__(f"{status} {message}")
        self.status = status
        self.message = message
        self.errors = errors


def validation_failed(**error: Any) -> ApiError:
    """GitHub's 422 with one ``errors[]`` entry (``resource``, ``field``, ``code``...)."""
    return ApiError(422, "Validation Failed", [error])


NOT_FOUND = "Not Found"


@dataclass
class Call:
    store: Store
    render: Renderer
    viewer: str
    params: dict[str, Any]
    query: dict[str, Any]
    body: Any
    now: str

    @property
    def repo(self) -> Repo:
        repo = self.store.repo(str(self.params["owner"]), str(self.params["repo"]))
        if repo is None:
            raise ApiError(404, NOT_FOUND)
        return repo

    def issue(self, key: str = "issue_number") -> Issue:
        issue = self.repo.issues.get(int(self.params[key]))
        if issue is None:
            raise ApiError(404, NOT_FOUND)
        return issue

    def pull(self) -> Issue:
        issue = self.issue("pull_number")
        if issue.pull is None:
            raise ApiError(404, NOT_FOUND)
        return issue

    def comment(self) -> Comment:
        found = self.store.comments.get(int(self.params["comment_id"]))
        if found is None or found[0] is not self.repo:
            raise ApiError(404, NOT_FOUND)
        return found[1]


@dataclass
class Reply:
    status: int = 200
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    paginate: bool = False  # body is the full list; the server cuts the page


Handler = Callable[[Call], Reply]
HANDLERS: dict[str, Handler] = {}


def operation(operation_id: str) -> Callable[[Handler], Handler]:
    def register(function: Handler) -> Handler:
        HANDLERS[operation_id] = function
        return function

    return register


def created(body: dict[str, Any]) -> Reply:
    return Reply(201, body, {"Location": str(body["url"])})


# -- users -------------------------------------------------------------------


@operation("users/get-authenticated")
def get_authenticated(call: Call) -> Reply:
    return Reply(body=call.render.public_user(call.viewer))


@operation("users/get-by-username")
def get_user(call: Call) -> Reply:
    user = call.store.user(str(call.params["username"]))
    if user is None:
        raise ApiError(404, NOT_FOUND)
    return Reply(body=call.render.public_user(user.login))


@operation("repos/get-collaborator-permission-level")
def get_permission(call: Call) -> Reply:
    repo = call.repo
    user = call.store.user(str(call.params["username"]))
    if user is None:
        raise ApiError(404, NOT_FOUND)
    return Reply(body=call.render.collaborator_permission(repo, user.login))


# -- repositories --------------------------------------------------------------


@operation("repos/get")
def get_repo(call: Call) -> Reply:
    return Reply(body=call.render.full_repository(call.repo, call.viewer))


# -- issues ------------------------------------------------------------------


def _sort(items: list[Issue], key: str, direction: str) -> list[Issue]:
    keys: dict[str, Callable[[Issue], Any]] = {
        "created": lambda i: (i.created_at, i.number),
        "updated": lambda i: (i.updated_at, i.number),
        "comments": lambda i: i.number,
    }
    return sorted(items, key=keys.get(key, keys["created"]), reverse=direction != "asc")


@operation("issues/list-for-repo")
def list_issues(call: Call) -> Reply:
    repo = call.repo
    state = call.query.get("state", "open")
    wanted = [n.strip().lower() for n in str(call.query.get("labels", "")).split(",") if n.strip()]
    creator = str(call.query.get("creator", "")).lower()
    since = call.query.get("since")
    found = []
    for issue in repo.issues.values():
        if state != "all" and issue.state != state:
            continue
        names = {n.lower() for n in issue.labels}
        if any(name not in names for name in wanted):
            continue
        if creator and issue.user.lower() != creator:
            continue
        if since and issue.updated_at < str(since):
            continue
        found.append(issue)
    ordered = _sort(
        found, str(call.query.get("sort", "created")), call.query.get("direction", "desc")
    )
    return Reply(body=[call.render.issue(repo, i) for i in ordered], paginate=True)


@operation("issues/get")
def get_issue(call: Call) -> Reply:
    return Reply(body=call.render.issue(call.repo, call.issue()))


def _label_names(items: list[Any]) -> list[str]:
    return [item if isinstance(item, str) else str(item.get("name", "")) for item in items]


@operation("issues/create")
def create_issue(call: Call) -> Reply:
    repo = call.repo
    body = call.body
    title = str(body["title"])
    if not title.strip():
        raise validation_failed(resource="Issue", field="title", code="missing_field")
    issue = Issue(
        id=call.store.next_id("issue"),
        number=call.store.issue_number(repo),
        title=title,
        body=body.get("body"),
        user=call.viewer,
        created_at=call.now,
        updated_at=call.now,
        author_association=call.store.association(repo, call.viewer),
    )
    repo.issues[issue.number] = issue
    call.store.add_labels(repo, issue, _label_names(body.get("labels") or []))
    return created(call.render.issue(repo, issue))


def _close(issue: Issue, viewer: str, now: str, reason: str | None) -> None:
    issue.state = "closed"
    issue.state_reason = reason or "completed"
    issue.closed_at = now
    issue.closed_by = viewer


@operation("issues/update")
def update_issue(call: Call) -> Reply:
    repo = call.repo
    issue = call.issue()
    body = call.body or {}
    if "title" in body and body["title"] is not None:
        issue.title = str(body["title"])
    if "body" in body:
        issue.body = body["body"]
    if "labels" in body and body["labels"] is not None:
        issue.labels = []
        call.store.add_labels(repo, issue, _label_names(body["labels"]))
    state = body.get("state")
    if state == "closed" and issue.state != "closed":
        _close(issue, call.viewer, call.now, body.get("state_reason"))
    elif state == "open" and issue.state != "open":
        if issue.pull is not None and issue.pull.merged:
            raise validation_failed(resource="Issue", field="state", code="invalid")
        issue.state, issue.state_reason, issue.closed_at = "open", "reopened", None
    elif state is None and "state_reason" in body and issue.state == "closed":
        issue.state_reason = body["state_reason"] or issue.state_reason
    issue.updated_at = call.now
    return Reply(body=call.render.issue(repo, issue))


# -- comments ----------------------------------------------------------------


@operation("issues/list-comments")
def list_comments(call: Call) -> Reply:
    repo = call.repo
    issue = call.issue()
    since = call.query.get("since")
    comments = [
        c
        for r, c in call.store.comments.values()
        if r is repo and c.issue_number == issue.number and (not since or c.updated_at >= since)
    ]
    comments.sort(key=lambda c: c.id)
    return Reply(body=[call.render.comment(repo, c) for c in comments], paginate=True)


@operation("issues/list-comments-for-repo")
def list_repo_comments(call: Call) -> Reply:
    """Every comment of the repository's issues and pull requests, ``since`` an update time."""
    repo = call.repo
    since = call.query.get("since")
    comments = [
        c
        for r, c in call.store.comments.values()
        if r is repo and (not since or c.updated_at >= since)
    ]
    key = str(call.query.get("sort", "created"))
    comments.sort(key=lambda c: ((c.updated_at if key == "updated" else c.created_at), c.id))
    if call.query.get("direction", "asc") == "desc":
        comments.reverse()
    return Reply(body=[call.render.comment(repo, c) for c in comments], paginate=True)


@operation("issues/create-comment")
def create_comment(call: Call) -> Reply:
    repo = call.repo
    issue = call.issue()
    text = str(call.body["body"])
    if not text.strip():
        raise validation_failed(resource="IssueComment", field="body", code="missing_field")
    comment = Comment(
        id=call.store.next_id("comment"),
        issue_number=issue.number,
        body=text,
        user=call.viewer,
        created_at=call.now,
        updated_at=call.now,
        author_association=call.store.association(repo, call.viewer),
    )
    call.store.comments[comment.id] = (repo, comment)
    issue.updated_at = call.now
    return created(call.render.comment(repo, comment))


@operation("issues/get-comment")
def get_comment(call: Call) -> Reply:
    return Reply(body=call.render.comment(call.repo, call.comment()))


@operation("issues/update-comment")
def update_comment(call: Call) -> Reply:
    comment = call.comment()
    text = str(call.body["body"])
    if not text.strip():
        raise validation_failed(resource="IssueComment", field="body", code="missing_field")
    comment.body = text
    comment.updated_at = call.now
    return Reply(body=call.render.comment(call.repo, comment))


@operation("issues/delete-comment")
def delete_comment(call: Call) -> Reply:
    comment = call.comment()
    del call.store.comments[comment.id]
    return Reply(204)


# -- labels ------------------------------------------------------------------


def _issue_labels(call: Call, issue: Issue) -> list[dict[str, Any]]:
    return [call.render.label(call.repo, name) for name in issue.labels]


@operation("issues/add-labels")
def add_labels(call: Call) -> Reply:
    issue = call.issue()
    names = _label_names((call.body or {}).get("labels") or [])
    call.store.add_labels(call.repo, issue, names)
    issue.updated_at = call.now
    return Reply(body=_issue_labels(call, issue))


@operation("issues/set-labels")
def set_labels(call: Call) -> Reply:
    issue = call.issue()
    issue.labels = []
    call.store.add_labels(call.repo, issue, _label_names((call.body or {}).get("labels") or []))
    issue.updated_at = call.now
    return Reply(body=_issue_labels(call, issue))


@operation("issues/list-labels-on-issue")
def list_issue_labels(call: Call) -> Reply:
    return Reply(body=_issue_labels(call, call.issue()), paginate=True)


@operation("issues/remove-label")
def remove_label(call: Call) -> Reply:
    issue = call.issue()
    name = str(call.params["name"]).lower()
    kept = [n for n in issue.labels if n.lower() != name]
    if len(kept) == len(issue.labels):
        raise ApiError(404, "Label does not exist")
    issue.labels = kept
    issue.updated_at = call.now
    return Reply(body=_issue_labels(call, issue))


@operation("issues/list-labels-for-repo")
def list_repo_labels(call: Call) -> Reply:
    repo = call.repo
    labels = sorted(repo.labels.values(), key=lambda label: label.name.lower())
    return Reply(body=[call.render.label(repo, label.name) for label in labels], paginate=True)


@operation("issues/get-label")
def get_label(call: Call) -> Reply:
    repo = call.repo
    if str(call.params["name"]).lower() not in repo.labels:
        raise ApiError(404, NOT_FOUND)
    return Reply(body=call.render.label(repo, str(call.params["name"])))


@operation("issues/create-label")
def create_label(call: Call) -> Reply:
    repo = call.repo
    body = call.body
    name = str(body["name"])
    color = str(body.get("color", "ededed")).lstrip("#")
    if not _is_hex_color(color):
        raise validation_failed(resource="Label", code="invalid", field="color")
    if name.lower() in repo.labels:
        raise validation_failed(resource="Label", code="already_exists", field="name")
    label = call.store.ensure_label(repo, name)
    label.color = color.lower()
    label.description = body.get("description")
    return created(call.render.label(repo, name))


def _is_hex_color(color: str) -> bool:
    return len(color) == 6 and all(c in "0123456789abcdefABCDEF" for c in color)


# -- reactions ---------------------------------------------------------------


def _react(call: Call, reactions: list[Reaction]) -> Reply:
    content = str(call.body["content"])
    for reaction in reactions:
        if reaction.user.lower() == call.viewer.lower() and reaction.content == content:
            return Reply(200, call.render.reaction(reaction))  # GitHub: "Reaction exists"
    reaction = Reaction(call.store.next_id("reaction"), content, call.viewer, call.now)
    reactions.append(reaction)
    return Reply(201, call.render.reaction(reaction))


def _list_reactions(call: Call, reactions: list[Reaction]) -> Reply:
    content = call.query.get("content")
    chosen = [r for r in reactions if content is None or r.content == content]
    return Reply(body=[call.render.reaction(r) for r in chosen], paginate=True)


@operation("reactions/create-for-issue")
def react_to_issue(call: Call) -> Reply:
    return _react(call, call.issue().reactions)


@operation("reactions/create-for-issue-comment")
def react_to_comment(call: Call) -> Reply:
    return _react(call, call.comment().reactions)


@operation("reactions/list-for-issue")
def list_issue_reactions(call: Call) -> Reply:
    return _list_reactions(call, call.issue().reactions)


@operation("reactions/list-for-issue-comment")
def list_comment_reactions(call: Call) -> Reply:
    return _list_reactions(call, call.comment().reactions)


# -- pull requests -----------------------------------------------------------


def _branch(repo: Repo, name: str) -> str:
    """``owner:branch`` -> ``branch`` for this repository's own owner."""
    owner, sep, branch = name.partition(":")
    if sep and owner.lower() == repo.owner.lower():
        return branch
    return name


@operation("pulls/list")
def list_pulls(call: Call) -> Reply:
    repo = call.repo
    state = call.query.get("state", "open")
    head = call.query.get("head")
    base = call.query.get("base")
    found = []
    for issue in repo.issues.values():
        if issue.pull is None or (state != "all" and issue.state != state):
            continue
        if head is not None:
            owner, sep, branch = str(head).partition(":")
            if not sep or owner.lower() != repo.owner.lower() or issue.pull.head != branch:
                continue
        if base is not None and issue.pull.base != base:
            continue
        found.append(issue)
    sort = str(call.query.get("sort", "created"))
    default_direction = "desc" if sort == "created" else "asc"
    direction = call.query.get("direction", default_direction)
    ordered = _sort(found, "updated" if sort == "updated" else "created", direction)
    return Reply(body=[call.render.pull(repo, i, simple=True) for i in ordered], paginate=True)


@operation("pulls/get")
def get_pull(call: Call) -> Reply:
    return Reply(body=call.render.pull(call.repo, call.pull()))


@operation("pulls/create")
def create_pull(call: Call) -> Reply:
    repo = call.repo
    body = call.body
    if "issue" in body:
        raise ApiError(501, "The fake GitHub does not convert issues into pull requests")
    if not str(body.get("title", "")).strip():
        raise validation_failed(resource="PullRequest", field="title", code="missing_field")
    head = _branch(repo, str(body.get("head", "")))
    base = str(body.get("base", ""))
    if not head:
        raise validation_failed(resource="PullRequest", field="head", code="missing_field")
    if not base:
        raise validation_failed(resource="PullRequest", field="base", code="missing_field")
    base_sha = call.store.branch_sha(repo, base)
    if base_sha is None:
        raise validation_failed(resource="PullRequest", field="base", code="invalid")
    head_sha = call.store.branch_sha(repo, head)
    if head_sha is None:
        raise validation_failed(resource="PullRequest", field="head", code="invalid")
    for other in repo.issues.values():
        if (
            other.pull
            and other.state == "open"
            and other.pull.head == head
            and other.pull.base == base
        ):
            raise validation_failed(
                resource="PullRequest",
                code="custom",
                message=f"A pull request already exists for {repo.owner}:{head}.",
            )
    if head_sha == base_sha:
        raise validation_failed(
            resource="PullRequest", code="custom", message=f"No commits between {base} and {head}"
        )
    issue = Issue(
        id=call.store.next_id("issue"),
        number=call.store.issue_number(repo),
        title=str(body["title"]),
        body=body.get("body"),
        user=call.viewer,
        created_at=call.now,
        updated_at=call.now,
        author_association=call.store.association(repo, call.viewer),
        pull=Pull(
            id=call.store.next_id("pull"),
            head=head,
            base=base,
            head_sha=head_sha,
            base_sha=base_sha,
            draft=bool(body.get("draft", False)),
            maintainer_can_modify=bool(body.get("maintainer_can_modify", False)),
        ),
    )
    repo.issues[issue.number] = issue
    return created(call.render.pull(repo, issue))


@operation("pulls/update")
def update_pull(call: Call) -> Reply:
    repo = call.repo
    issue = call.pull()
    assert issue.pull is not None
    body = call.body or {}
    if "title" in body:
        issue.title = str(body["title"])
    if "body" in body:
        issue.body = body["body"]
    if "base" in body:
        if call.store.branch_sha(repo, str(body["base"])) is None:
            raise validation_failed(resource="PullRequest", field="base", code="invalid")
        issue.pull.base = str(body["base"])
    state = body.get("state")
    if state == "closed" and issue.state == "open":
        issue.state, issue.closed_at, issue.closed_by = "closed", call.now, call.viewer
        issue.pull.head_sha = call.store.branch_sha(repo, issue.pull.head) or issue.pull.head_sha
    elif state == "open" and issue.state == "closed":
        if issue.pull.merged:
            raise validation_failed(
                resource="PullRequest", code="custom", message="Cannot reopen a merged pull request"
            )
        issue.state, issue.closed_at = "open", None
    issue.updated_at = call.now
    return Reply(body=call.render.pull(repo, issue))


# -- git refs ----------------------------------------------------------------


@operation("git/get-ref")
def get_ref(call: Call) -> Reply:
    repo = call.repo
    name = "refs/" + str(call.params["ref"])
    sha = call.store.ref(repo, name)
    if sha is None:
        raise ApiError(404, NOT_FOUND)
    return Reply(body=call.render.git_ref(repo, name, sha))


def _valid_sha(sha: str) -> bool:
    return len(sha) == 40 and all(c in "0123456789abcdef" for c in sha)


@operation("git/create-ref")
def create_ref(call: Call) -> Reply:
    repo = call.repo
    name = str(call.body["ref"])
    sha = str(call.body["sha"])
    if not name.startswith("refs/") or name.count("/") < 2:
        raise ApiError(422, "Reference name must start with 'refs/' and have at least two slashes.")
    if call.store.ref(repo, name) is not None:
        raise ApiError(422, "Reference already exists")
    if not _valid_sha(sha):
        raise ApiError(422, "Object does not exist")
    try:
        call.store.set_ref(repo, name, sha)
    except GitRefError as error:
        raise ApiError(422, "Object does not exist") from error
    return created(call.render.git_ref(repo, name, sha))


@operation("git/update-ref")
def update_ref(call: Call) -> Reply:
    repo = call.repo
    name = "refs/" + str(call.params["ref"])
    sha = str(call.body["sha"])
    if call.store.ref(repo, name) is None:
        raise ApiError(422, "Reference does not exist")
    if not _valid_sha(sha):
        raise ApiError(422, "Object does not exist")
    try:
        call.store.set_ref(repo, name, sha)
    except GitRefError as error:
        raise ApiError(422, "Object does not exist") from error
    return Reply(body=call.render.git_ref(repo, name, sha))


@operation("git/delete-ref")
def delete_ref(call: Call) -> Reply:
    repo = call.repo
    name = "refs/" + str(call.params["ref"])
    if call.store.ref(repo, name) is None:
        raise ApiError(422, "Reference does not exist")
    call.store.delete_ref(repo, name)
    return Reply(204)
