"""Fixtures for the fake GitHub's own tests: raw HTTP access and the real recordings."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
import requests

from sandbox import FakeGitHub
from sandbox.testing import fake_github  # noqa: F401  (fixture)
from tests.conftest import RECORDED_GITHUB, WEBHOOKS

Call = Callable[..., requests.Response]


@pytest.fixture
def recorded() -> Callable[[str], list[dict[str, Any]]]:
    """A real api.github.com scenario: its list of recorded requests and answers."""

    def load(name: str) -> list[dict[str, Any]]:
        return json.loads((RECORDED_GITHUB / f"{name}.json").read_text(encoding="utf-8"))

    return load


@pytest.fixture
def webhook() -> Callable[[str], dict[str, Any]]:
    def load(name: str) -> dict[str, Any]:
        return json.loads((WEBHOOKS / f"{name}.json").read_text(encoding="utf-8"))

    return load


def raw_client(server: FakeGitHub) -> Call:
    def call(
        method: str,
        path: str,
        *,
        json: Any = None,
        data: bytes | str | None = None,
        token: str | None = "default",
        params: dict[str, Any] | None = None,
    ) -> requests.Response:
        headers = {"Accept": "application/vnd.github+json"}
        if token is not None:
            headers["Authorization"] = f"token {server.token if token == 'default' else token}"
        url = path if path.startswith("http") else server.base_url + path
        return requests.request(
            method, url, json=json, data=data, headers=headers, params=params, timeout=5
        )

    return call


@pytest.fixture
def http(fake_github: FakeGitHub) -> Call:  # noqa: F811
    """``http(method, path, json=..., token=...)``: plain requests to the running fake."""
    return raw_client(fake_github)
