"""The survey's existing reference list, read from whatever file holds it.

One module per format, each with the same small interface (``EXTENSIONS``,
``sniff(text)``, ``parse(text, source)``); adding a format is one new module
plus its name in ``FORMATS``. A format's module is imported when it is first
used, so that listing the formats (``survey-bot --help``) costs nothing.
Parsing is pure (text in, records out); only ``load``/``load_references``
touch the file system.

Per-entry failure is data: ``parse``/``load`` return the references together
with the entries that had to be skipped (where, and why), as a
``bot.references.result.ParseResult``.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from bot.errors import InputError
from bot.references.common import gc_paused

if TYPE_CHECKING:
    from bot.models import Reference
    from bot.references.result import ParseResult

__all__ = [
    "FORMATS",
    "detect_format",
    "load",
    "load_references",
    "parse",
    "parse_references",
]

# Format names, each the name of its module in this package. Order matters when
# sniffing content: most specific first.
FORMATS: tuple[str, ...] = ("bibtex", "bbl", "text", "markdown")


def _module(format: str) -> ModuleType:
    name = format.lower().strip()
    if name not in FORMATS:
        raise InputError(f"unknown reference format {format!r}; use one of: {', '.join(FORMATS)}")
    return importlib.import_module(f"{__name__}.{name}")


def detect_format(path: str | Path, content: str | None = None) -> str:
    """The format named by the file's extension, else the first whose ``sniff`` accepts it."""
    suffix = Path(path).suffix.lower()
    for name in FORMATS:
        if suffix in _module(name).EXTENSIONS:
            return name
    if content is not None:
        for name in FORMATS:
            if _module(name).sniff(content):
                return name
    raise InputError(
        f"{path}: cannot tell the reference format from the name or the content; "
        f"pass --format ({', '.join(FORMATS)})"
    )


def parse(content: str, format: str, source: str = "") -> ParseResult:
    """References and skipped entries of ``content`` in ``format`` (pure, no I/O)."""
    module = _module(format)
    with gc_paused():
        result: ParseResult = module.parse(content, source)
    return result


def parse_references(content: str, format: str, source: str = "") -> list[Reference]:
    """The references of ``content`` in ``format``; skipped entries are dropped."""
    return list(parse(content, format, source).references)


def read_text(path: str | Path) -> str:
    """A reference file's text (UTF-8, BOM allowed), or an ``InputError`` saying what is wrong."""
    return decode_text(path, read_data(path))


def read_data(path: str | Path) -> bytes:
    """A reference file's bytes, or an ``InputError`` saying why it cannot be read: what
    the index cache's key is made from, so that a current cache needs no decoding."""
    path = Path(path)
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, not a reference file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None


def decode_text(path: str | Path, data: bytes) -> str:
    """The text of the reference file ``path`` whose bytes are ``data`` (UTF-8, BOM
    allowed, or UTF-16 with a BOM), or an ``InputError`` naming the first bad byte."""
    encoding = "utf-16" if data.startswith((b"\xff\xfe", b"\xfe\xff")) else "utf-8-sig"
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{path}: not valid UTF-8 text (byte {exc.start}); save the file as UTF-8"
        ) from None


def load(path: str | Path, format: str | None = None, content: str | None = None) -> ParseResult:
    """Read and parse one reference file (``content``: its text, already read);
    ``format`` None means detect it."""
    if format is not None:
        _module(format)  # an unknown format is an error before touching the file
    if content is None:
        content = read_text(path)
    return parse(content, format or detect_format(path, content), str(path))


def load_references(path: str | Path, format: str | None = None) -> list[Reference]:
    """The references in one file (``.bib``, ``.bbl``, ``.txt``, ``.md`` or ``format``)."""
    return list(load(path, format).references)
