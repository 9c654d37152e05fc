"""What every reference loader shares: small text helpers (its result record is
``bot.references.result``)."""

from __future__ import annotations

import bisect
import gc
import re
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """No garbage collection while many objects are made that all stay alive (a file's
    references, their index): each collection would walk them all to free nothing."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class LineIndex:
    """Turns character offsets of a text into 1-based line numbers."""

    def __init__(self, text: str) -> None:
        starts = [0]
        find = text.find
        at = find("\n")
        while at >= 0:  # str.find runs in C; a loop over characters ran 20x slower
            starts.append(at + 1)
            at = find("\n", at + 1)
        self._starts = starts

    def line(self, offset: int) -> int:
        return bisect.bisect_right(self._starts, offset)


def normalize_newlines(text: str) -> str:
    """``\\r\\n`` and lone ``\\r`` become ``\\n`` (line numbers stay the same)."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def where(source: str, line: int) -> str:
    """``refs.bib:12`` (or ``line 12`` for text without a file name)."""
    return f"{source}:{line}" if source else f"line {line}"


# The patterns below are compiled when first used (``re`` keeps them), not at every
# start: a ``check`` whose index comes from the cache reads no reference file.
# A year: 1800..2099, not glued to other digits, dots or dashes (page ranges, arXiv ids, DOIs).
_YEAR = r"(?<![\w./–—-])(1[89]\d\d|20\d\d)(?!\d)(?![./–—-]\d)"
_PAGES = r"(?i)\b(?:pp?\.|pages)\s*\d+(?:\s*[–—-]+\s*\d+)?"
_URL = r"(?i)https?://[^\s<>\"'\])}]+"


def find_year(text: str) -> int | None:
    """The last plausible publication year in free text, ignoring pages, URLs and ids."""
    text = re.sub(_URL, " ", text)
    text = re.sub(_PAGES, " ", text)
    years = [int(found.group(1)) for found in re.finditer(_YEAR, text)]
    return years[-1] if years else None


def find_urls(text: str) -> tuple[str, ...]:
    """Every http(s) URL in the text, trailing punctuation removed, without repeats."""
    urls: list[str] = []
    for found in re.finditer(_URL, text):
        url = found.group(0).rstrip(".,;:")
        if url not in urls:
            urls.append(url)
    return tuple(urls)


_ET_AL = r"(?i),?\s*(?:and\s+)?\b(?:e[tl]\s*al\b\.?|(?:\d+\s+)?others)\s*$"
_NAME_SPLIT = r"(?i)\s*,\s*and\s+|\s+and\s+|\s*;\s*|\s*,\s*|\s*&\s*"


def split_names(text: str) -> tuple[str, ...]:
    """``A. B, C. D, and E. F et al.`` -> ``("A. B", "C. D", "E. F")`` (First Last lists)."""
    text = " ".join(text.split()).strip().rstrip(",.;:").strip()
    text = re.sub(_ET_AL, "", text).strip().rstrip(",")
    names = [name.strip().strip(",") for name in re.split(_NAME_SPLIT, text)]
    return tuple(name for name in names if name and name.lower() not in {"et al", "et al."})
