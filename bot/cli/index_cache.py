"""The survey's reference index, kept between runs of ``survey-bot check``.

Reading 10,000 BibTeX entries and indexing them costs about a second and a
half; a maintainer checking a batch of papers against a survey that has not
changed pays it on every run. So ``check`` stores the built index (its plain
data, ``ReferenceIndex.state``, written with ``marshal``) and reads it back
when nothing it was made from has changed.

What "nothing has changed" means, all of it in the key stored with the index:
the exact text of every reference file, its path (references name their file)
and its format; the bot's code (every ``.py`` file of the installed package,
by path, size and modification time, so a new version or a local edit never
reads an old index); the
Python version and ``marshal``'s format. Anything else is a miss: the files
are read as always and the cache is written anew. A cache file that cannot be
read (truncated, from another tool, a different shape) is a miss too; the
cache never changes an answer, only how soon it comes.

Only surveys of at least ``CACHE_FROM`` references are stored: smaller ones
are read faster than the cache is written. One file per set of reference
paths, overwritten when they change, in ``$SURVEY_BOT_INDEX_CACHE`` (``off``
turns the cache off), else ``$XDG_CACHE_HOME/survey-bot``, else
``~/.cache/survey-bot``. ``check --no-cache`` reads the files as if there
were none and stores nothing.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import sys
import zlib
from array import array
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bot.matching import EntryRow, IndexState, ReferenceIndex

CACHE_FROM = 1000  # references: below this the index is built every time
_FORMAT = "survey-bot reference index 1"


def cache_dir() -> Path | None:
    """Where the index is kept; None when the cache is turned off."""
    chosen = os.environ.get("SURVEY_BOT_INDEX_CACHE", "").strip()
    if chosen.lower() == "off":
        return None
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME", "").strip() or os.path.expanduser("~/.cache")
    return Path(base) / "survey-bot"


def code_digest() -> str:
    """A digest of the bot's own code: every ``.py`` file of the package, by path, size
    and modification time: a new version or a local edit changes them, and a stat is
    cheaper than reading 200 files on every run (5 ms of a 0.5 s warm check)."""
    import bot

    root = os.path.dirname(bot.__file__)
    digest = hashlib.sha256(f"{bot.__version__}\0{sys.version}\0{marshal.version}".encode())
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = sorted(name for name in subfolders if name != "__pycache__")
        for name in sorted(files):
            if name.endswith(".py"):
                path = os.path.join(folder, name)
                stat = os.stat(path)
                digest.update(f"\0{path}\0{stat.st_size}\0{stat.st_mtime_ns}".encode())
    return digest.hexdigest()


def survey_index(sources: list[tuple[Path, str | None]], *, cache: bool = True) -> ReferenceIndex:
    """The index of every reference in ``sources`` ((path, format or None) pairs),
    from the cache when it holds one made from exactly these files and this code.

    An index is stored only when every file gave references, so a hit never hides
    the warning ``load_all`` prints for a file that has none.
    """
    from bot.cli.refs import load_all
    from bot.matching import ReferenceIndex
    from bot.references import decode_text, read_data

    folder = cache_dir() if cache else None
    if folder is None:
        return ReferenceIndex.build(load_all(sources))
    data = [read_data(path) for path, _ in sources]
    names = hashlib.sha256(repr([(str(p), f) for p, f in sources]).encode()).hexdigest()
    where = folder / f"index-{names[:20]}.marshal"
    key = _key(sources, data)
    index = _read(where, key)
    if index is not None:
        return index
    texts = [decode_text(path, raw) for (path, _), raw in zip(sources, data, strict=True)]
    data.clear()  # neither kept while the index is built
    references = load_all(sources, texts=texts)
    texts.clear()
    index = ReferenceIndex.build(references)
    every_file = {str(path) for path, _ in sources} <= {r.source for r in references}
    del references
    if len(index) >= CACHE_FROM and every_file:
        _write(where, key, index.state())
    return index


def _key(sources: list[tuple[Path, str | None]], data: list[bytes]) -> str:
    """What the index is made from: the files' paths, formats and bytes, and the code.
    The bytes, not the text: hashing them needs neither decoding nor encoding again."""
    digest = hashlib.sha256(f"{_FORMAT}\0{code_digest()}".encode())
    for (path, fmt), raw in zip(sources, data, strict=True):
        digest.update(f"\0{path}\0{fmt}\0{len(raw)}\0".encode())
        digest.update(raw)
    return digest.hexdigest()


# The cache file: marshal objects one after another (each entry's row, then the
# sectioned entries and each mapping in chunks of _CHUNK items, so that writing holds
# one chunk at a time), then the trailer, a marshal tuple (_FORMAT, key, the end offset
# of every object as 8-byte integers, how many entries, the object range of each part,
# the CRC-32 of all before it), then the trailer's length in 8 bytes.
_CHUNK = 128  # items: big chunks (or marshal's table of shared objects for them) grow
# the heap by megabytes that are not given back (50,000 references: +4.5 MB at 4,096)


def _write(where: Path, key: str, state: IndexState) -> None:
    """Store ``state`` at ``where`` whole or not at all; a cache that cannot be written
    (read-only home, full disk) only means the next run reads the files again."""
    rows, sectioned, mappings = state
    partial = where.with_name(f"{where.name}.{os.getpid()}.tmp")
    try:
        where.parent.mkdir(parents=True, exist_ok=True)
        with partial.open("wb") as out:
            ends = array("Q")  # 8 bytes an offset, not an int object
            crc = 0

            def put(value: Any, version: int = marshal.version) -> None:
                nonlocal crc
                data = marshal.dumps(value, version)
                crc = zlib.crc32(data, crc)
                out.write(data)
                ends.append((ends[-1] if ends else 0) + len(data))

            def chunks(items: Iterable[Any]) -> tuple[int, int]:
                first, it = len(ends), iter(items)
                while chunk := tuple(islice(it, _CHUNK)):
                    put(chunk)
                return first, len(ends)

            for row in rows:
                put(row)
            parts = (chunks(sectioned), *(chunks(m.items()) for m in mappings))
            trailer = marshal.dumps((_FORMAT, key, ends.tobytes(), len(rows), parts, crc))
            out.write(trailer)
            out.write(len(trailer).to_bytes(8, "little"))
        os.replace(partial, where)
    except OSError:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)


def _read(where: Path, key: str) -> ReferenceIndex | None:
    """The index stored at ``where`` under ``key``, else None."""
    from bot.matching import ReferenceIndex
    from bot.references.common import gc_paused

    try:
        data = where.read_bytes()
    except OSError:
        return None
    view = memoryview(data)
    try:
        size = int.from_bytes(data[-8:], "little")
        trailer = marshal.loads(view[len(data) - 8 - size : len(data) - 8])
        if not (isinstance(trailer, tuple) and trailer[:2] == (_FORMAT, key)):
            return None
        _, _, offsets, count, parts, crc = trailer
        if zlib.crc32(view[: len(data) - 8 - size]) != crc:
            return None
        ends = memoryview(offsets).cast("Q")

        def joined(first: int, last: int) -> Iterator[Any]:
            # Each chunk's items handed on in C: a mapping holds tens of thousands.
            return chain.from_iterable(
                marshal.loads(view[ends[at - 1] if at else 0 : ends[at]])
                for at in range(first, last)
            )

        with gc_paused():  # many tuples that all stay alive: nothing to collect
            sectioned, *mappings = (joined(*part) for part in parts)
            state: IndexState = (
                _StoredRows(view, ends, count),
                tuple(sectioned),
                [dict(mapping) for mapping in mappings],
            )
        return ReferenceIndex.from_state(state)
    except (EOFError, ValueError, TypeError, IndexError):
        return None  # not a cache file of this shape: read the references instead


class _StoredRows(Sequence["EntryRow"]):
    """The entries' rows in a cache file, each read when asked for."""

    def __init__(self, view: memoryview, ends: memoryview, count: int) -> None:
        self._view, self._ends, self._count = view, ends, count

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, i: int) -> EntryRow:  # type: ignore[override]  # no slices needed
        row: EntryRow = marshal.loads(self._view[self._ends[i - 1] if i else 0 : self._ends[i]])
        return row
