"""Where the recorded fixtures live (``tests/fixtures/``, see its README), the bundled templates,
and network off."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from bot.render import Renderer

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
WEBHOOKS = FIXTURES / "github" / "webhooks"
RECORDED_GITHUB = FIXTURES / "github" / "recorded"
RECORDED_METADATA = FIXTURES / "metadata"
SEED = FIXTURES / "seed" / "survey-epilogue-zh.txt"
#: The bundled templates, compiled once for the whole suite (a survey's overrides: ``for_config``).
RENDERER = Renderer.bundled()


@pytest.fixture(autouse=True)
def _no_internet(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests may only talk to 127.0.0.1: any other connection attempt fails loudly."""
    real_connect = socket.socket.connect

    def guarded(self: socket.socket, address: object) -> object:
        host = address[0] if isinstance(address, tuple) else address
        local = host in {"127.0.0.1", "localhost", "::1"} or str(host).startswith("/")
        if isinstance(host, str) and not local:
            raise OSError(f"test tried to reach {host!r}: tests never touch the internet")
        return real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", guarded)


@pytest.fixture(autouse=True)
def _no_index_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    """``check`` keeps no index in the user's cache folder (tests/matching/test_index_cache.py
    points it at a temporary one)."""
    monkeypatch.setenv("SURVEY_BOT_INDEX_CACHE", "off")
