"""Benchmark the matcher on real lists: near-identical titles cited, look-alikes never.

For every listed paper of the three real lists in ``benchmarks/data/sections``
(titles of four words or more), queries are made the way readers write them,
each once as a title alone and once with the first author and the year:

* the same paper (expected ``cited`` as that entry): two swapped letters, a
  dropped letter or a doubled one in a long word; an HTML character reference
  (``&amp;`` for "and", ``&#39;`` for an apostrophe, ``&#58;`` for a colon); a
  plural "s" added or dropped; a nickname added before the title ("ABC: ...")
  or after it ("... (ABC)"), or dropped when the entry has one;
* another paper (expected anything but ``cited``): a number or version changed,
  one content word replaced by one from another listed title, one letter
  changed in the name a title starts with, or "Not" inserted.

Reported: the share of same-paper queries ``cited`` as the right entry (recall)
and the share at least ``ambiguous`` with it first; the share of look-alikes
called ``cited`` (precision of "cited" is 1 minus that over all ``cited``).
Deterministic (seed 12). Run: ``.venv/bin/python benchmarks/bench_typos.py``;
put an older ``bot`` first on ``PYTHONPATH`` to measure it.
"""

from __future__ import annotations

import random
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.append(str(ROOT))

from bot.matching import ReferenceIndex  # noqa: E402
from bot.models import Query, Reference  # noqa: E402
from bot.references import load_references  # noqa: E402
from bot.text.normalize import title_key  # noqa: E402

DATA = ROOT / "benchmarks" / "data" / "sections"
LISTS = ("llmsurvey.md", "llm-agent-paper-list.md", "promptpapers.md")
_WORD = re.compile(r"[A-Za-z]+")


def _long_words(title: str) -> list[re.Match[str]]:
    """Ordinary long words (not a name in capitals or mixed case) of a title."""
    return [m for m in _WORD.finditer(title) if len(m.group()) >= 6 and m.group()[1:].islower()]


def _at(title: str, match: re.Match[str], word: str) -> str:
    return title[: match.start()] + word + title[match.end() :]


def same_paper(title: str, rng: random.Random) -> list[tuple[str, str]]:
    """(kind, query title) for the ways readers misspell or reshape this title."""
    out: list[tuple[str, str]] = []
    long_words = _long_words(title)
    if long_words:
        m = rng.choice(long_words)
        w = m.group()
        i = rng.randrange(1, len(w) - 2)
        out.append(("swapped letters", _at(title, m, w[:i] + w[i + 1] + w[i] + w[i + 2 :])))
        out.append(("dropped letter", _at(title, m, w[:i] + w[i + 1 :])))
        out.append(("doubled letter", _at(title, m, w[: i + 1] + w[i] + w[i + 1 :])))
    for plain, entity in ((" and ", " &amp; "), ("'", "&#39;"), (": ", "&#58; ")):
        if plain in title:
            out.append(("HTML entity", title.replace(plain, entity, 1)))
            break
    words = [m for m in _WORD.finditer(title) if len(m.group()) >= 5 and m.group().islower()]
    if words:
        m = rng.choice(words)
        w = m.group()
        out.append(("plural variant", _at(title, m, w[:-1] if w.endswith("s") else w + "s")))
    head, colon, rest = title.partition(": ")
    if colon and len(head.split()) <= 3 and len(rest.split()) >= 3:
        out.append(("nickname dropped", rest))
    else:
        acronym = "".join(w[0] for w in _WORD.findall(title) if len(w) > 3)[:4].upper()
        out.append(("nickname added", f"{acronym}: {title}"))
        out.append(("nickname after", f"{title} ({acronym})"))
    return out


def look_alikes(title: str, others: list[str], rng: random.Random) -> list[tuple[str, str]]:
    """(kind, title of another paper) close to this one."""
    out: list[tuple[str, str]] = []
    number = re.search(r"\d+", title)
    if number:
        out.append(("number changed", title[: number.start()] + str(int(number.group()) + 1)
                    + title[number.end() :]))  # fmt: skip
    else:
        first = title.split()[0]
        out.append(("version added", title.replace(first, f"{first} 2", 1)))
    words = [m for m in _WORD.finditer(title) if len(m.group()) >= 5 and m.group().islower()]
    pool = [w for t in others for w in _WORD.findall(t) if len(w) >= 5 and w.islower()]
    if words and pool:
        m = rng.choice(words)
        other = rng.choice([w for w in pool if w != m.group()] or pool)
        out.append(("content word replaced", _at(title, m, other)))
    head, colon, _ = title.partition(": ")
    name = _WORD.fullmatch(head) if colon else None  # "BLOOM: ...", "Mistral: ..."
    if name and len(name.group()) >= 4:
        w = name.group()
        i = rng.randrange(1, len(w) - 1)
        letter = "x" if w[i].lower() != "x" else "z"
        out.append(("one letter in the name", letter.join((w[:i], w[i + 1 :])) + title[len(w) :]))
    parts = title.split(" ", 1)
    if len(parts) == 2:
        out.append(("negated", f"{parts[0]} Not {parts[1]}"))
    return out


def _both(title: str, ref: Reference) -> tuple[Query, Query]:
    """The title alone, and with the entry's first author and year."""
    return Query(title=title), Query(title=title, authors=ref.authors[:1], year=ref.year)


def run() -> dict[str, Counter[str]]:
    rng = random.Random(12)
    tally: dict[str, Counter[str]] = {}
    for name in LISTS:
        refs = [r for r in load_references(DATA / name) if len(r.title.split()) >= 4]
        index = ReferenceIndex.build(refs)
        keys = {title_key(r.title) for r in refs}
        titles = [r.title for r in refs]
        for ref in refs:
            key = title_key(ref.title)
            for kind, title in same_paper(ref.title, rng):
                for with_meta, query in enumerate(_both(title, ref)):
                    result = index.check(query)
                    right = result.match is not None and title_key(result.match.title) == key
                    first = result.candidates[0].reference if result.candidates else None
                    listed = first is not None and title_key(first.title) == key
                    counts = tally.setdefault(f"same: {kind}", Counter())
                    counts["n"] += 1
                    cited = result.verdict == "cited" and right
                    counts["cited"] += cited
                    counts["cited with author and year" if with_meta else "cited alone"] += cited
                    counts["found"] += cited or (result.verdict == "ambiguous" and listed)
            for kind, title in look_alikes(ref.title, titles, rng):
                if title_key(title) in keys:
                    continue  # the list holds that paper too
                for q in _both(title, ref):
                    counts = tally.setdefault(f"other: {kind}", Counter())
                    counts["n"] += 1
                    counts["cited"] += index.check(q).verdict == "cited"
    return tally


def main() -> int:
    tally = run()
    same = Counter()
    other = Counter()
    for kind, counts in sorted(tally.items()):
        (same if kind.startswith("same") else other).update(counts)
        if kind.startswith("same"):
            half = counts["n"] / 2
            print(
                f"{kind:<32} {counts['n']:>5}  cited {counts['cited'] / counts['n']:.3f} "
                f"(title alone {counts['cited alone'] / half:.3f}, with first author and year "
                f"{counts['cited with author and year'] / half:.3f})  "
                f"cited or ambiguous first {counts['found'] / counts['n']:.3f}"
            )
        else:
            print(f"{kind:<32} {counts['n']:>5}  wrongly cited {counts['cited']}")
    wrong = other["cited"]
    print(
        f"\nsame paper: {same['n']} queries, recall of 'cited' {same['cited'] / same['n']:.3f} "
        f"(title alone {2 * same['cited alone'] / same['n']:.3f}, with first author and year "
        f"{2 * same['cited with author and year'] / same['n']:.3f}), "
        f"never 'new' {same['found'] / same['n']:.3f}"
    )
    print(
        f"look-alikes: {other['n']} queries, wrongly cited {wrong}; precision of 'cited' "
        f"{same['cited'] / (same['cited'] + wrong):.3f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
