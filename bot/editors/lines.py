"""Line-level splicing that keeps every untouched byte and the file's newline style.

An editor never re-serialises a file: it splits the text into lines *with their
own endings*, inserts or replaces a few lines, and joins everything back. New
lines get the file's dominant newline (CRLF files stay CRLF); a file without a
trailing newline keeps none, even when a line is appended at the very end.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from bot.render import Renderer

_LINE = re.compile(r"[^\n]*\n|[^\n]+")


def detect_newline(text: str) -> str:
    """The file's dominant line ending: ``"\\r\\n"`` or ``"\\n"`` (``"\\n"`` without any)."""
    crlf = text.count("\r\n")
    lf = text.count("\n") - crlf
    return "\r\n" if crlf > lf else "\n"


def _split_ending(raw: str) -> tuple[str, str]:
    if raw.endswith("\r\n"):
        return raw[:-2], "\r\n"
    if raw.endswith("\n"):
        return raw[:-1], "\n"
    return raw, ""


@dataclass
class Lines:
    """A text as lines (without endings) plus each line's own ending."""

    contents: list[str]
    endings: list[str]
    newline: str

    @classmethod
    def parse(cls, text: str) -> Lines:
        contents: list[str] = []
        endings: list[str] = []
        for raw in _LINE.findall(text):
            content, ending = _split_ending(raw)
            contents.append(content)
            endings.append(ending)
        return cls(contents, endings, detect_newline(text))

    def __len__(self) -> int:
        return len(self.contents)

    def __getitem__(self, index: int) -> str:
        return self.contents[index]

    def __iter__(self) -> Iterator[str]:
        return iter(self.contents)

    def text(self) -> str:
        return "".join(c + e for c, e in zip(self.contents, self.endings, strict=True))

    def insert(self, index: int, new_lines: Sequence[str]) -> None:
        """Insert ``new_lines`` (no endings) before line ``index`` (``len(self)``: append)."""
        if not new_lines:
            return
        new_lines = list(new_lines)
        new_endings = [self.newline] * len(new_lines)
        if index >= len(self.contents):
            index = len(self.contents)
            if self.contents and self.endings[-1] == "":
                # The file had no trailing newline: the old last line gets one,
                # the new last line goes without, as the file did.
                self.endings[-1] = self.newline
                new_endings[-1] = ""
        self.contents[index:index] = new_lines
        self.endings[index:index] = new_endings

    def append_block(self, start: int, end: int, new_lines: Sequence[str]) -> None:
        """Insert ``new_lines`` after the last non-blank line of ``[start, end)`` (a section's
        body), set off by one blank line from any text right before or after them."""
        position = start
        for index in range(start, end):
            if self.contents[index].strip():
                position = index + 1
        before = [""] if self.contents[position - 1].strip() else []
        after = [""] if position < len(self.contents) and self.contents[position].strip() else []
        self.insert(position, [*before, *new_lines, *after])

    def replace(self, index: int, content: str) -> None:
        """Replace the content of line ``index``, keeping its ending."""
        self.contents[index] = content

    def replace_range(self, start: int, end: int, new_contents: Sequence[str]) -> None:
        """Replace lines ``[start, end)`` by ``new_contents``, reusing their endings in order."""
        old_endings = self.endings[start:end]
        endings = [
            old_endings[i] if i < len(old_endings) else self.newline
            for i in range(len(new_contents))
        ]
        if old_endings and len(new_contents) >= len(old_endings):
            # The block's last line keeps the block's last ending ("" at EOF stays "").
            endings[len(old_endings) - 1] = (
                self.newline if len(new_contents) > len(old_endings) else old_endings[-1]
            )
            if len(new_contents) > len(old_endings):
                endings[-1] = old_endings[-1]
        elif old_endings and new_contents:
            endings[-1] = old_endings[-1]
        self.contents[start:end] = list(new_contents)
        self.endings[start:end] = endings

    def is_blank(self, index: int) -> bool:
        return not self.contents[index].strip()


def render_lines(name: str, renderer: Renderer, **values: Any) -> list[str]:
    """Template ``name`` rendered with ``values``, as lines without endings (see ``bot.render``).

    The trailing newline is ignored; the caller splices the lines with the file's own endings.
    """
    rendered = renderer.render(name, **values).replace("\r\n", "\n").replace("\r", "\n")
    if rendered.endswith("\n"):
        rendered = rendered[:-1]
    return rendered.split("\n") if rendered else []


def indent_of(line: str) -> str:
    """The leading white space of ``line``."""
    return line[: len(line) - len(line.lstrip(" \t"))]
