"""Fault injection, and every answer of the fake checked against GitHub's schemas."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import pytest
import requests
from github.Requester import Requester

from sandbox import FakeGitHub, faults
from sandbox.spec import load_spec

Http = Callable[..., requests.Response]
REPO = "/repos/octo-org/survey"


# -- faults --------------------------------------------------------------------


def test_fault_answers_then_gets_out_of_the_way(fake_github: FakeGitHub, http: Http) -> None:
    fake_github.add_issue()
    fault = fake_github.inject("POST", r"/issues/\d+/comments$", 502)
    first = http("POST", f"{REPO}/issues/1/comments", json={"body": "hi"})
    second = http("POST", f"{REPO}/issues/1/comments", json={"body": "hi"})
    assert (first.status_code, second.status_code) == (502, 201)
    assert fault.hits == 1
    assert len(fake_github.comments(1)) == 1  # the failed attempt did not act
    assert [r.fault for r in fake_github.requests] == [True, False]


def test_fault_after_acting(fake_github: FakeGitHub, http: Http) -> None:
    fake_github.add_issue()
    fake_github.inject("POST", r"/comments$", 502, after=True)
    answer = http("POST", f"{REPO}/issues/1/comments", json={"body": "hi"})
    assert answer.status_code == 502
    assert [c["body"] for c in fake_github.comments(1)] == ["hi"]  # it did act


def test_fault_matching(fake_github: FakeGitHub, http: Http) -> None:
    fake_github.add_issue()
    fake_github.inject(None, r"^/user$", 503, times=None, body="<html>Unicorn!</html>")
    for _ in range(3):
        answer = http("GET", "/user")
        assert answer.status_code == 503
        assert answer.headers["Content-Type"].startswith("text/html")
    assert http("GET", f"{REPO}/issues/1").status_code == 200
    fake_github.clear_faults()
    assert http("GET", "/user").status_code == 200


def test_fault_delay(fake_github: FakeGitHub, http: Http) -> None:
    fake_github.inject("GET", "/user", 500, delay=0.2)
    started = time.perf_counter()
    assert http("GET", "/user").status_code == 500
    assert time.perf_counter() - started >= 0.2


def test_secondary_rate_limit_shape(fake_github: FakeGitHub, http: Http) -> None:
    fake_github.inject("GET", "/user", **faults.secondary_rate_limit(retry_after=7))
    answer = http("GET", "/user")
    assert answer.status_code == 403
    assert answer.headers["Retry-After"] == "7"
    assert Requester.isSecondaryRateLimitError(answer.json()["message"])
    assert not Requester.isPrimaryRateLimitError(answer.json()["message"])


@pytest.mark.parametrize("status", [403, 429])
def test_primary_rate_limit_shape(fake_github: FakeGitHub, http: Http, status: int) -> None:
    fake_github.inject("GET", "/user", **faults.primary_rate_limit(reset_in=30, status=status))
    answer = http("GET", "/user")
    assert answer.status_code == status
    assert answer.headers["X-RateLimit-Remaining"] == "0"
    assert 0 < int(answer.headers["X-RateLimit-Reset"]) - time.time() <= 31
    assert Requester.isPrimaryRateLimitError(answer.json()["message"])


# -- shapes ----------------------------------------------------------------------


def test_seeded_objects_match_the_schemas(fake_github: FakeGitHub) -> None:
    spec = load_spec()
    fake_github.add_user("alice", "Alice", permission="triage")
    issue = fake_github.add_issue(labels=["paper"], user="alice")
    comment = fake_github.add_comment(1, "hello", user="alice")
    reaction = fake_github.add_reaction("heart", comment_id=comment["id"])
    pull = fake_github.add_pull("batch", "survey-bot/batch", body=None)
    merged = fake_github.add_pull("old batch", "old", merged=True)
    checks: list[tuple[str, int, Any]] = [
        ("issues/get", 200, issue),
        ("issues/get", 200, fake_github.issue(pull["number"])),
        ("issues/get-comment", 200, comment),
        ("reactions/create-for-issue-comment", 201, reaction),
        ("pulls/get", 200, pull),
        ("pulls/get", 200, merged),
        (
            "repos/get",
            200,
            fake_github.render.full_repository(fake_github.store.repos["octo-org/survey"], "alice"),
        ),
        ("users/get-by-username", 200, fake_github.add_user("alice")),
        ("users/get-by-username", 200, fake_github.add_user(fake_github.bot_login)),
    ]
    for operation, status, body in checks:
        assert spec.check_response(spec.by_id[operation], status, body) == [], operation


def test_every_main_operation_answers_on_spec(fake_github: FakeGitHub, http: Http) -> None:
    """Exercise each implemented operation; the fake validates its own answers."""
    fake_github.add_user("alice", "Alice", permission="write")
    fake_github.add_issue(labels=["paper"], user="alice")
    comment = fake_github.add_comment(1, "hi", user="alice")
    fake_github.set_ref("feature")
    calls: list[tuple[str, str, Any, int]] = [
        ("GET", REPO, None, 200),
        ("GET", "/user", None, 200),
        ("GET", "/users/alice", None, 200),
        ("GET", f"{REPO}/collaborators/alice/permission", None, 200),
        ("GET", "/rate_limit", None, 200),
        ("GET", f"{REPO}/issues?state=all&labels=paper", None, 200),
        ("POST", f"{REPO}/issues", {"title": "New", "body": "b", "labels": ["x"]}, 201),
        ("GET", f"{REPO}/issues/1", None, 200),
        ("PATCH", f"{REPO}/issues/2", {"state": "closed", "state_reason": "not_planned"}, 200),
        ("GET", f"{REPO}/issues/1/comments", None, 200),
        ("POST", f"{REPO}/issues/1/comments", {"body": "bot"}, 201),
        ("GET", f"{REPO}/issues/comments/{comment['id']}", None, 200),
        ("PATCH", f"{REPO}/issues/comments/{comment['id']}", {"body": "edited"}, 200),
        ("POST", f"{REPO}/issues/1/labels", {"labels": ["a"]}, 200),
        ("PUT", f"{REPO}/issues/1/labels", {"labels": ["a", "b"]}, 200),
        ("GET", f"{REPO}/issues/1/labels", None, 200),
        ("DELETE", f"{REPO}/issues/1/labels/a", None, 200),
        ("GET", f"{REPO}/labels", None, 200),
        ("GET", f"{REPO}/labels/b", None, 200),
        ("POST", f"{REPO}/labels", {"name": "accepted", "color": "0e8a16"}, 201),
        ("POST", f"{REPO}/issues/1/reactions", {"content": "eyes"}, 201),
        ("POST", f"{REPO}/issues/comments/{comment['id']}/reactions", {"content": "+1"}, 201),
        ("GET", f"{REPO}/issues/1/reactions", None, 200),
        ("GET", f"{REPO}/issues/comments/{comment['id']}/reactions?content=%2B1", None, 200),
        (
            "POST",
            f"{REPO}/pulls",
            {"title": "t", "head": "feature", "base": "main", "body": "b"},
            201,
        ),
        ("GET", f"{REPO}/pulls?state=all&head=octo-org:feature", None, 200),
        ("GET", f"{REPO}/pulls/3", None, 200),
        ("PATCH", f"{REPO}/pulls/3", {"title": "t2", "body": "b2", "state": "closed"}, 200),
        ("GET", f"{REPO}/git/ref/heads/feature", None, 200),
        ("POST", f"{REPO}/git/refs", {"ref": "refs/heads/x", "sha": "c" * 40}, 201),
        ("PATCH", f"{REPO}/git/refs/heads/x", {"sha": "d" * 40, "force": True}, 200),
        ("DELETE", f"{REPO}/git/refs/heads/x", None, 204),
        ("DELETE", f"{REPO}/issues/comments/{comment['id']}", None, 204),
    ]
    for method, path, body, status in calls:
        answer = http(method, path, json=body)
        assert answer.status_code == status, (method, path, answer.text[:300])
    # The fixture fails the test on any violation, including off-schema answers.
    assert fake_github.violations == []
