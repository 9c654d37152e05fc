"""The fake GitHub over real HTTP: GitHub's answers, compared with real recordings."""

from __future__ import annotations

import re
import socket
import subprocess
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import requests

from sandbox import FakeGitHub
from sandbox.spec import load_spec
from sandbox.testing import running_fake_github

Recorded = Callable[[str], list[dict[str, Any]]]
Http = Callable[..., requests.Response]
REPO = "/repos/octo-org/survey"


def links(header: str | None) -> list[tuple[str, str]]:
    """``[(rel, url), ...]`` of a Link header, in order."""
    return [(rel, url) for url, rel in re.findall(r'<([^>]+)>; rel="(\w+)"', header or "")]


# -- lifecycle -----------------------------------------------------------------


def test_starts_fast_binds_localhost_and_stops_without_threads() -> None:
    load_spec()  # parsed once per process; what is timed is the server itself
    before = set(threading.enumerate())
    started = time.perf_counter()
    server = FakeGitHub().start()
    assert time.perf_counter() - started < 0.25
    assert server.base_url.startswith("http://127.0.0.1:")
    port = int(server.base_url.rsplit(":", 1)[1])
    assert requests.get(server.base_url + "/user", timeout=5).status_code == 401
    server.stop()
    assert set(threading.enumerate()) == before
    with pytest.raises(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
        pass


def test_running_fake_github_fails_on_violations() -> None:
    with pytest.raises(AssertionError, match="unknown-route"), running_fake_github() as server:
        requests.get(server.base_url + "/nope", headers={"Authorization": "token x"}, timeout=5)
    with running_fake_github(allow_violations=True) as server:
        requests.get(server.base_url + "/nope", timeout=5)
    assert len(server.violations) == 1


# -- errors, compared with the recordings ------------------------------------------


def test_unknown_route_is_githubs_404(
    fake_github: FakeGitHub, http: Http, recorded: Recorded
) -> None:
    real = recorded("branch-protection")[0]
    answer = http("GET", f"{REPO}/issues/1/timeline")  # not a documented operation
    assert answer.status_code == real["status"] == 404
    assert answer.json().keys() == real["response"].keys() == {"message", "documentation_url"}
    assert answer.json()["message"] == "Not Found"
    assert answer.headers["Content-Type"] == real["headers"]["content-type"]
    assert [v.kind for v in fake_github.violations] == ["unknown-route"]
    fake_github.violations.clear()


def test_missing_object_is_404_without_violation(fake_github: FakeGitHub, http: Http) -> None:
    answer = http("GET", f"{REPO}/issues/404")
    assert (answer.status_code, answer.json()["message"]) == (404, "Not Found")
    assert fake_github.violations == []


def test_invalid_label_colour_matches_the_recording(
    fake_github: FakeGitHub, http: Http, recorded: Recorded
) -> None:
    real = recorded("errors")[0]
    answer = http("POST", f"{REPO}/labels", json=real["body"])
    assert answer.status_code == real["status"] == 422
    mine, theirs = answer.json(), real["response"]
    assert mine["message"] == theirs["message"] == "Validation Failed"
    assert mine["errors"] == theirs["errors"]
    assert mine.keys() == theirs.keys()
    assert fake_github.violations == []  # a valid request GitHub refuses for its own reasons


def test_off_spec_body_is_422_with_errors(
    fake_github: FakeGitHub, http: Http, recorded: Recorded
) -> None:
    fake_github.add_issue()
    theirs = recorded("errors")[0]["response"]
    answer = http("POST", f"{REPO}/issues/1/comments", json={"body": 42})
    assert answer.status_code == 422
    body = answer.json()
    assert body.keys() == theirs.keys()
    assert body["message"] == "Validation Failed"
    (error,) = body["errors"]
    assert theirs["errors"][0].keys() <= error.keys()
    assert (error["resource"], error["field"], error["code"]) == ("IssueComment", "body", "invalid")
    assert fake_github.comments(1) == []
    assert [v.kind for v in fake_github.violations] == ["body"]
    fake_github.violations.clear()


def test_missing_required_field(fake_github: FakeGitHub, http: Http) -> None:
    fake_github.add_issue()
    answer = http("PATCH", f"{REPO}/issues/comments/1", json={})
    assert answer.status_code == 422
    assert answer.json()["errors"][0]["code"] == "missing_field"
    fake_github.violations.clear()


def test_unparseable_json_is_400(fake_github: FakeGitHub, http: Http) -> None:
    fake_github.add_issue()
    answer = http("POST", f"{REPO}/issues/1/comments", data=b'{"body": ')
    assert answer.status_code == 400
    assert answer.json()["message"] == "Problems parsing JSON"
    assert [v.kind for v in fake_github.violations] == ["json"]
    fake_github.violations.clear()


def test_unknown_fields_are_served_but_reported(fake_github: FakeGitHub, http: Http) -> None:
    fake_github.add_issue()
    answer = http("PATCH", f"{REPO}/issues/1", json={"bdy": "typo"}, params={"lang": "en"})
    assert answer.status_code == 200  # GitHub ignores both
    assert sorted(v.kind for v in fake_github.violations) == ["unknown-field", "unknown-query"]
    fake_github.violations.clear()


def test_unimplemented_operation_is_501_and_reported(fake_github: FakeGitHub, http: Http) -> None:
    answer = http("GET", f"{REPO}/branches/main")
    assert answer.status_code == 501
    assert [v.kind for v in fake_github.violations] == ["unimplemented"]
    fake_github.violations.clear()


@pytest.mark.parametrize(
    ("token", "message"), [(None, "Requires authentication"), ("wrong", "Bad credentials")]
)
def test_authentication(http: Http, token: str | None, message: str) -> None:
    answer = http("GET", "/user", token=token)
    assert (answer.status_code, answer.json()["message"]) == (401, message)


def test_token_user_and_bearer(fake_github: FakeGitHub) -> None:
    fake_github.add_token("ghp_alice", "alice")
    answer = requests.get(
        fake_github.base_url + "/user", headers={"Authorization": "Bearer ghp_alice"}, timeout=5
    )
    assert answer.json()["login"] == "alice"
    bot = requests.get(
        fake_github.base_url + "/user",
        headers={"Authorization": f"token {fake_github.token}"},
        timeout=5,
    ).json()
    assert (bot["login"], bot["type"]) == ("survey-bot[bot]", "Bot")


# -- pagination and headers ----------------------------------------------------------


def test_pagination_links_have_githubs_shape(
    fake_github: FakeGitHub, http: Http, recorded: Recorded
) -> None:
    scenario = recorded("paginate-issues")
    for n in range(1, 14):
        fake_github.add_issue(title=f"Test issue {n}", created_at=f"2017-10-10T16:00:{n:02d}Z")
    url: str | None = f"{fake_github.base_url}{REPO}/issues?per_page=3"
    pages = []
    while url:
        answer = http("GET", url)
        assert answer.status_code == 200
        pages.append(answer)
        url = dict(links(answer.headers.get("Link"))).get("next")
    assert len(pages) == len(scenario) == 5
    for mine, real in zip(pages, scenario, strict=True):
        assert [rel for rel, _ in links(mine.headers["Link"])] == [
            rel for rel, _ in links(real["headers"]["link"])
        ]
        assert len(mine.json()) == len(real["response"])
        for _, link in links(mine.headers["Link"]):
            assert link.startswith(fake_github.base_url + REPO + "/issues?per_page=3&page=")
    numbers = [issue["number"] for page in pages for issue in page.json()]
    assert numbers == list(range(13, 0, -1))  # newest first, as recorded


def test_rate_limit_headers(http: Http, recorded: Recorded) -> None:
    real = recorded("paginate-issues")[0]["headers"]
    first, second = http("GET", "/user"), http("GET", "/user")
    for name in (
        "x-ratelimit-limit",
        "x-ratelimit-remaining",
        "x-ratelimit-reset",
        "x-ratelimit-used",
        "x-ratelimit-resource",
    ):
        assert name in real and name in first.headers
    assert (
        int(second.headers["X-RateLimit-Remaining"])
        == int(first.headers["X-RateLimit-Remaining"]) - 1
    )
    assert int(first.headers["X-RateLimit-Reset"]) > time.time()


def test_primary_budget_runs_out() -> None:
    with running_fake_github(rate_limit=2) as server:
        headers = {"Authorization": f"token {server.token}"}
        statuses = [
            requests.get(server.base_url + "/user", headers=headers, timeout=5) for _ in range(3)
        ]
        assert [s.status_code for s in statuses] == [200, 200, 403]
        assert statuses[2].headers["X-RateLimit-Remaining"] == "0"
        assert statuses[2].json()["message"].startswith("API rate limit exceeded")
        overview = requests.get(server.base_url + "/rate_limit", headers=headers, timeout=5).json()
        assert overview["resources"]["core"]["remaining"] == 0


# -- behaviour ---------------------------------------------------------------------


def test_labels_are_created_on_first_use(
    fake_github: FakeGitHub, http: Http, recorded: Recorded
) -> None:
    fake_github.add_issue()
    real = recorded("add-labels-to-issue")[1]
    answer = http("POST", f"{REPO}/issues/1/labels", json=real["body"])
    assert answer.status_code == real["status"]
    assert [label["name"] for label in answer.json()] == ["Foo", "bAr", "baZ"]
    assert answer.json()[0].keys() == real["response"][0].keys()
    assert http("POST", f"{REPO}/issues/1/labels", json=["FOO", "new"]).status_code == 200
    assert fake_github.labels(1) == ["Foo", "bAr", "baZ", "new"]
    assert [label["name"] for label in fake_github.repo_labels()] == ["bAr", "baZ", "Foo", "new"]
    removed = http("DELETE", f"{REPO}/issues/1/labels/BAR")
    assert [label["name"] for label in removed.json()] == ["Foo", "baZ", "new"]
    absent = http("DELETE", f"{REPO}/issues/1/labels/bAr")
    assert (absent.status_code, absent.json()["message"]) == (404, "Label does not exist")


def test_reactions_are_deduplicated_per_user(fake_github: FakeGitHub, http: Http) -> None:
    fake_github.add_issue()
    comment = fake_github.add_comment(1, "please add", user="alice")
    path = f"{REPO}/issues/comments/{comment['id']}/reactions"
    assert http("POST", path, json={"content": "+1"}).status_code == 201
    assert http("POST", path, json={"content": "+1"}).status_code == 200
    assert [r["content"] for r in fake_github.reactions(comment_id=comment["id"])] == ["+1"]
    assert http("GET", f"{REPO}/issues/comments/{comment['id']}").json()["reactions"]["+1"] == 1


def test_collaborator_permission_roles(fake_github: FakeGitHub, http: Http) -> None:
    for login, role in [("ann", "admin"), ("mo", "maintain"), ("wu", "write"), ("ti", "triage")]:
        fake_github.add_user(login, permission=role)
    fake_github.add_user("reader")
    seen = {
        login: http("GET", f"{REPO}/collaborators/{login}/permission").json()
        for login in ("ann", "mo", "wu", "ti", "reader", "octo-org")
    }
    assert {k: (v["permission"], v["role_name"]) for k, v in seen.items()} == {
        "ann": ("admin", "admin"),
        "mo": ("write", "maintain"),
        "wu": ("write", "write"),
        "ti": ("read", "triage"),
        "reader": ("read", "read"),  # public repository
        "octo-org": ("admin", "admin"),  # owner
    }
    assert http("GET", f"{REPO}/collaborators/ghost/permission").status_code == 404


def test_issue_list_filters_and_includes_pulls(fake_github: FakeGitHub, http: Http) -> None:
    fake_github.add_issue(title="a", labels=["paper"])
    fake_github.add_issue(title="b", labels=["paper", "triaged"], user="bob")
    fake_github.add_issue(title="c", labels=["paper"], state="closed")
    fake_github.add_pull("batch", "survey-bot/batch")

    def titles(**params: str) -> list[str]:
        return [i["title"] for i in http("GET", f"{REPO}/issues", params=params).json()]

    assert titles() == ["batch", "b", "a"]
    assert titles(labels="PAPER,triaged") == ["b"]
    assert titles(state="all", labels="paper", direction="asc") == ["a", "b", "c"]
    assert titles(creator="bob") == ["b"]
    assert "pull_request" in http("GET", f"{REPO}/issues/4").json()


def test_issue_close_and_reopen(fake_github: FakeGitHub, http: Http) -> None:
    fake_github.add_issue()
    closed = http(
        "PATCH", f"{REPO}/issues/1", json={"state": "closed", "state_reason": "not_planned"}
    ).json()
    assert (closed["state"], closed["state_reason"]) == ("closed", "not_planned")
    assert closed["closed_at"] is not None
    reopened = http("PATCH", f"{REPO}/issues/1", json={"state": "open"}).json()
    assert (reopened["state"], reopened["state_reason"], reopened["closed_at"]) == (
        "open",
        "reopened",
        None,
    )


def test_pull_request_rules(fake_github: FakeGitHub, http: Http) -> None:
    new = {"title": "Add papers", "head": "survey-bot/batch", "base": "main", "body": "x"}
    missing = http("POST", f"{REPO}/pulls", json=new)
    assert missing.status_code == 422
    assert missing.json()["errors"][0]["field"] == "head"
    fake_github.set_ref("survey-bot/batch")
    created = http("POST", f"{REPO}/pulls", json=new)
    assert created.status_code == 201
    assert created.headers["Location"] == created.json()["url"]
    again = http("POST", f"{REPO}/pulls", json={**new, "head": "octo-org:survey-bot/batch"})
    assert again.status_code == 422
    assert again.json()["errors"][0]["message"].startswith("A pull request already exists")
    number = created.json()["number"]
    fake_github.merge_pull(number)
    merged = http("GET", f"{REPO}/pulls/{number}").json()
    assert (merged["state"], merged["merged"]) == ("closed", True)
    listed = http(
        "GET", f"{REPO}/pulls", params={"state": "all", "head": "octo-org:survey-bot/batch"}
    )
    assert [p["number"] for p in listed.json()] == [number]
    assert http("PATCH", f"{REPO}/pulls/{number}", json={"state": "open"}).status_code == 422
    assert fake_github.refs()["refs/heads/main"] == merged["head"]["sha"]


def test_git_refs_api(fake_github: FakeGitHub, http: Http, recorded: Recorded) -> None:
    sha = "a" * 40
    real = next(r for r in recorded("git-refs") if r["method"] == "post")
    made = http("POST", f"{REPO}/git/refs", json={"ref": "refs/heads/feature/x", "sha": sha})
    assert made.status_code == 201
    assert made.json().keys() == real["response"].keys()
    assert made.json()["object"].keys() == real["response"]["object"].keys()
    got = http("GET", f"{REPO}/git/ref/heads/feature/x").json()
    assert got["object"]["sha"] == sha
    assert (
        http(
            "POST", f"{REPO}/git/refs", json={"ref": "refs/heads/feature/x", "sha": sha}
        ).status_code
        == 422
    )
    assert (
        http("PATCH", f"{REPO}/git/refs/heads/feature/x", json={"sha": "b" * 40}).status_code == 200
    )
    assert http("DELETE", f"{REPO}/git/refs/heads/feature/x").status_code == 204
    assert http("GET", f"{REPO}/git/ref/heads/feature/x").status_code == 404


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(cwd), *args], check=True, capture_output=True, text=True
    ).stdout.strip()


def commit_empty(cwd: Path, message: str) -> None:
    identity = ("-c", "user.name=t", "-c", "user.email=t@example.org")
    git(cwd, *identity, "commit", "--allow-empty", "-m", message)


def test_refs_can_come_from_a_real_git_repository(
    tmp_path: Path, fake_github: FakeGitHub, http: Http
) -> None:
    origin, work = tmp_path / "origin.git", tmp_path / "work"
    subprocess.run(
        ["git", "init", "--bare", "-b", "main", str(origin)], check=True, capture_output=True
    )
    subprocess.run(["git", "init", "-b", "main", str(work)], check=True, capture_output=True)
    commit_empty(work, "one")
    git(work, "push", str(origin), "main")
    fake_github.link_git(origin)
    new = {"title": "Add papers", "head": "survey-bot/batch", "base": "main"}
    assert http("POST", f"{REPO}/pulls", json=new).status_code == 422  # not pushed yet
    git(work, "switch", "-c", "survey-bot/batch")
    commit_empty(work, "two")
    git(work, "push", str(origin), "survey-bot/batch")
    pull = http("POST", f"{REPO}/pulls", json=new)
    assert pull.status_code == 201
    assert pull.json()["head"]["sha"] == git(work, "rev-parse", "HEAD")
    assert http("GET", f"{REPO}/git/ref/heads/survey-bot/batch").json()["object"]["sha"] == git(
        work, "rev-parse", "HEAD"
    )


# -- webhook payloads ----------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "issues.opened.1",
        "issues.opened.2",
        "issues.labeled.1",
        "issue_comment.created.1",
        "issue_comment.created.4",
    ],
)
def test_seed_from_webhook_payload(name: str, webhook: Callable[[str], dict[str, Any]]) -> None:
    payload = webhook(name)
    with running_fake_github(repo=None) as server:
        seeded = server.seed_event(payload)
        issue = payload["issue"]
        headers = {"Authorization": f"token {server.token}"}
        path = f"/repos/{payload['repository']['full_name']}/issues/{issue['number']}"
        got = requests.get(server.base_url + path, headers=headers, timeout=5).json()
        for key in ("number", "title", "body", "state", "author_association", "created_at", "id"):
            assert got[key] == issue[key], key
        assert got["user"]["login"] == issue["user"]["login"]
        assert [label["name"] for label in got["labels"]] == [
            label["name"] for label in issue["labels"]
        ]
        assert server.repo == payload["repository"]["full_name"]
        if "comment" in payload:
            comment = requests.get(
                f"{server.base_url}/repos/{server.repo}/issues/comments/{payload['comment']['id']}",
                headers=headers,
                timeout=5,
            ).json()
            assert comment["body"] == payload["comment"]["body"] == seeded["comment"]["body"]
            assert comment["user"]["login"] == payload["comment"]["user"]["login"]


def test_recorded_issue_shape_is_covered(fake_github: FakeGitHub, recorded: Recorded) -> None:
    real = recorded("paginate-issues")[0]["response"][0]
    mine = fake_github.add_issue(labels=["paper"])
    assert real.keys() <= mine.keys()
    assert real["user"].keys() <= mine["user"].keys()
    assert real["reactions"].keys() == mine["reactions"].keys()
