"""The bundled OpenAPI description: provenance, routing, request validation."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path
from typing import Any

import pytest

from sandbox import api
from sandbox.cut_spec import EXTRA_OPERATIONS, cut
from sandbox.spec import HERE, SPEC_FILES, load_spec

#: GitHub's whole OpenAPI description (``openapi-full.json.gz`` of ``@octokit/openapi``
#: 23.0.2, 0.9 MB), not kept in the repository; set to check the bundled cut against it.
FULL_SPEC = os.environ.get("SURVEY_BOT_OPENAPI_FULL", "")

#: Documented operations the fake deliberately does not model (they answer 501).
UNIMPLEMENTED = {
    "repos/get-content",
    "repos/create-or-update-file-contents",
    "repos/get-branch",
    "search/issues-and-pull-requests",
}


def test_bundled_files_are_small_and_licensed() -> None:
    for name in SPEC_FILES:
        assert (HERE / name).stat().st_size < 1_000_000, name
    assert "MIT License" in (HERE / "octokit-openapi.LICENSE").read_text(encoding="utf-8")


@pytest.mark.skipif(
    not Path(FULL_SPEC).is_file(),
    reason="opt-in: SURVEY_BOT_OPENAPI_FULL names no file (GitHub's whole OpenAPI description)",
)
def test_subset_and_extra_are_cut_from_the_full_description() -> None:
    bundled = (HERE / "openapi-subset.json").read_bytes()
    with gzip.open(FULL_SPEC, "rt", encoding="utf-8") as handle:
        full = json.load(handle)
    for template, operations in json.loads(bundled)["paths"].items():
        for method, operation in operations.items():
            assert full["paths"][template][method] == operation, (method, template)
    extra = json.loads((HERE / "openapi-extra.json").read_text(encoding="utf-8"))
    assert cut(full, json.loads(bundled)) == extra


def test_every_reference_resolves() -> None:
    spec = load_spec()

    def refs(node: Any) -> list[str]:
        if isinstance(node, dict):
            own = [node["$ref"]] if isinstance(node.get("$ref"), str) else []
            return own + [r for v in node.values() for r in refs(v)]
        if isinstance(node, list):
            return [r for v in node for r in refs(v)]
        return []

    for ref in set(refs(spec.raw)):
        assert spec.pointer(ref) is not None, ref


def test_every_operation_is_implemented_or_explicitly_not() -> None:
    ids = {op.operation_id for op in load_spec().operations}
    assert len(ids) == 31 + len(EXTRA_OPERATIONS)
    handled = set(api.HANDLERS) | {"rate-limit/get"}
    assert ids - handled == UNIMPLEMENTED
    assert handled - ids == set(), "handlers for operations the description lacks"


@pytest.mark.parametrize(
    ("method", "path", "operation", "params"),
    [
        ("GET", "/repos/o/r", "repos/get", {"owner": "o", "repo": "r"}),
        ("GET", "/repos/o/r/issues/comments/7", "issues/get-comment", {"comment_id": "7"}),
        ("GET", "/repos/o/r/issues/7", "issues/get", {"issue_number": "7"}),
        ("POST", "/repos/o/r/issues/7/labels", "issues/add-labels", {}),
        ("DELETE", "/repos/o/r/issues/7/labels/a%2Fb", "issues/remove-label", {"name": "a/b"}),
        (
            "DELETE",
            "/repos/o/r/issues/7/labels/good%20first",
            "issues/remove-label",
            {"name": "good first"},
        ),
        ("GET", "/repos/o/r/git/ref/heads/feature/a", "git/get-ref", {"ref": "heads/feature/a"}),
        ("PATCH", "/repos/o/r/git/refs/heads/x", "git/update-ref", {"ref": "heads/x"}),
        (
            "GET",
            "/users/survey-bot%5Bbot%5D",
            "users/get-by-username",
            {"username": "survey-bot[bot]"},
        ),
        ("GET", "/user", "users/get-authenticated", {}),
        (
            "GET",
            "/repos/o/r/collaborators/al/permission",
            "repos/get-collaborator-permission-level",
            {},
        ),
        (
            "POST",
            "/repos/o/r/issues/comments/9/reactions",
            "reactions/create-for-issue-comment",
            {},
        ),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_routing(method: str, path: str, operation: str, params: dict[str, str]) -> None:
    found = load_spec().match(method, path)
    assert found is not None
    op, raw = found
    assert op.operation_id == operation
    assert params.items() <= raw.items()


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/repos/o/r/issues/7/comment"),  # typo
        ("PUT", "/repos/o/r/issues/7/comments"),  # wrong method
        ("GET", "/repos/o/r/git/refs/"),  # trailing slash
        ("GET", "/repositories/1000/issues"),  # undocumented (real link URLs use it)
        ("POST", "/repos/o/r/issues/7/assignees"),  # outside the bundled operations
    ],
)
def test_unknown_routes(method: str, path: str) -> None:
    assert load_spec().match(method, path) is None


def check(method: str, path: str, *, query: dict[str, list[str]] | None = None, body: Any = None):
    spec = load_spec()
    found = spec.match(method, path)
    assert found is not None
    raw = body if isinstance(body, bytes) else b"" if body is None else json.dumps(body).encode()
    return spec.check_request(found[0], found[1], query or {}, raw)


COMMENTS = "/repos/o/r/issues/1/comments"
LABELS = "/repos/o/r/issues/1/labels"
ISSUE = "/repos/o/r/issues/1"


@pytest.mark.parametrize(
    ("method", "path", "body", "kind", "field", "code"),
    [
        ("POST", COMMENTS, {"body": 5}, "body", "body", "invalid"),
        ("POST", COMMENTS, {}, "body", "body", "missing_field"),
        ("POST", COMMENTS, None, "body", None, "missing_field"),
        ("POST", COMMENTS, b"{not json", "json", None, "invalid"),
        ("POST", COMMENTS, {"body": "x", "bdy": "typo"}, "unknown-field", "bdy", "invalid"),
        ("POST", LABELS, {"labels": []}, "body", "labels", "invalid"),
        ("POST", LABELS, {"labels": [5]}, "body", "labels.0", "invalid"),
        (
            "POST",
            LABELS,
            {"labels": [{"name": "a", "colour": "red"}]},
            "unknown-field",
            "labels.0.colour",
            "invalid",
        ),
        ("PATCH", ISSUE, {"state": "shut"}, "body", "state", "invalid"),
        ("PATCH", ISSUE, {"state_reason": "bogus"}, "body", "state_reason", "invalid"),
        (
            "POST",
            "/repos/o/r/issues/comments/1/reactions",
            {"content": "smile"},
            "body",
            "content",
            "invalid",
        ),
        (
            "POST",
            "/repos/o/r/pulls",
            {"title": "t", "head": "h", "base": 1},
            "body",
            "base",
            "invalid",
        ),
        ("PATCH", "/repos/o/r/git/refs/heads/x", {"force": True}, "body", "sha", "missing_field"),
        (
            "DELETE",
            "/repos/o/r/issues/1/labels/x",
            {"labels": ["x"]},
            "unexpected-body",
            None,
            "invalid",
        ),
    ],
)
def test_invalid_bodies(
    method: str, path: str, body: Any, kind: str, field: str | None, code: str
) -> None:
    problems = check(method, path, body=body).problems
    assert [(p.kind, p.field, p.code) for p in problems] == [(kind, field, code)]


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("POST", COMMENTS, {"body": "Thanks! <!-- survey-bot -->"}),
        ("POST", LABELS, {"labels": ["paper", "needs review"]}),
        ("POST", LABELS, ["paper"]),  # PyGithub's bare array (documented quirk)
        ("POST", LABELS, {"labels": [{"name": "paper"}]}),
        ("PUT", LABELS, ["a", "b"]),
        ("PATCH", ISSUE, {"state": "closed", "state_reason": "not_planned"}),
        ("PATCH", ISSUE, {"state": "open", "state_reason": None}),  # nullable + enum
        ("PATCH", ISSUE, {"title": 12}),  # oneOf string|integer
        ("POST", "/repos/o/r/pulls", {"title": "t", "head": "h", "base": "main", "body": "b"}),
        ("POST", "/repos/o/r/git/refs", {"ref": "refs/heads/x", "sha": "a" * 40}),
    ],
)
def test_valid_bodies(method: str, path: str, body: Any) -> None:
    assert check(method, path, body=body).problems == []


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"state": ["open"], "labels": ["paper,triaged"], "per_page": ["100"]}, []),
        ({"state": ["shut"]}, [("query", "state")]),
        ({"per_page": ["lots"]}, [("query", "per_page")]),
        ({"labelz": ["paper"]}, [("unknown-query", "labelz")]),
        ({"page": ["2"], "direction": ["asc"], "sort": ["updated"]}, []),
    ],
)
def test_query_parameters(query: dict[str, list[str]], expected: list[tuple[str, str]]) -> None:
    problems = check("GET", "/repos/o/r/issues", query=query).problems
    assert [(p.kind, p.field) for p in problems] == expected


def test_path_parameters_are_typed() -> None:
    problems = check("GET", "/repos/o/r/issues/abc").problems
    assert [(p.kind, p.field) for p in problems] == [("path", "issue_number")]
    assert check("GET", "/repos/o/r/issues/12").path_params["issue_number"] == 12


def test_nullable_enum_accepts_null_in_responses() -> None:
    spec = load_spec()
    op = spec.by_id["issues/get"]
    schema = spec.pointer("#/components/schemas/issue/properties/state_reason")
    assert None in schema["enum"] and "null" in schema["type"]
    assert spec.check_response(op, 200, {"state_reason": None}) != []  # still needs the rest
    assert all(
        "state_reason" not in m for m in spec.check_response(op, 200, {"state_reason": None})
    )
