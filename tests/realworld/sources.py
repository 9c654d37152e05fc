"""The real-world fixtures (tests/realworld/fixtures, SOURCES.md says where each comes
from), read as the tests need them: a file's text, or a list's text with its own line
endings (CRLF kept, as the editors must keep it)."""

from __future__ import annotations

from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"


def fixture(name: str) -> str:
    """A fixture file's text (``name`` with its extension)."""
    return (FIXTURES / name).read_text(encoding="utf-8")


def list_text(name: str) -> str:
    """A Markdown list fixture's text, byte for byte (``name`` without ``.md``)."""
    return (FIXTURES / f"{name}.md").read_bytes().decode("utf-8")
