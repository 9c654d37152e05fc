"""Citation keys in the file's own scheme, learnt from the keys already there.

A key is read back into the parts it was made of, using the entry's own fields:
``vaswani2017attention`` is the first author's surname in lower case, the year, and the
first significant title word; ``bischl_aslib_2016`` is surname, ``_``, word, ``_``, year;
``Vaswani:2017`` and INSPIRE's ``Araz:2026img`` are surname, ``:``, year (and three
letters nobody can derive); ``touvron-etal-2023-llama`` and
``rafailov-sharma-2023-direct`` differ by the number of authors, so schemes are learnt
per author count too; ``DBLP:journals/corr/abs-2303-18223`` is a literal and the arXiv
id. The scheme most keys follow wins; a new key is that scheme filled with the new
paper's fields. Nothing here knows a tool by name: a file of keys like
``smith-jones_2020`` teaches its own scheme the same way.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from bot.editors.common import ascii_word, first_significant_word, mode, split_name
from bot.suggestions import PaperRecord
from bot.text.normalize import fold


class Part(NamedTuple):
    """One slot of a key scheme.

    ``kind``: ``surname`` (of author ``nth``), ``year``, ``word`` (of the title),
    ``arxiv``, ``lit`` (fixed ``text``) or ``free`` (letters or digits nobody can derive,
    such as INSPIRE's suffix; ``text`` says which).
    """

    kind: str
    nth: int = 0  # which author (0: the first)
    form: str = ""  # surname: join|dash|under|last|head; word: sig|first|three; year: 4|2
    case: str = ""  # lower | title | upper | asis
    text: str = ""


Scheme = tuple[Part, ...]


def author_bucket(count: int) -> int:
    """The author counts keys are learnt apart for: 1, 2, 3, and 4 or more. Three is one
    of its own: d2l's keys name three authors and add ``ea`` only for more
    (``Pennington.Socher.Manning.2014``, ``Park.Liu.Wang.ea.2019``)."""
    return min(max(count, 1), 4)


@dataclass(frozen=True)
class KeyScheme:
    """The file's key scheme: one per author count (1, 2, 3, 4 or more) where they differ."""

    default: Scheme
    by_authors: tuple[tuple[int, Scheme], ...] = ()
    suffix: str = "letters"  # how clashes are told apart: Smith2020a or Smith2020-2
    support: float = 0.0  # share of the file's keys the default scheme explains

    def for_authors(self, count: int) -> Scheme:
        return dict(self.by_authors).get(author_bucket(count), self.default)

    @property
    def derivable(self) -> bool:
        """False when the scheme has a part no metadata gives (an INSPIRE suffix, or a
        nickname the title's first word stands in for)."""
        return not any(p.kind == "free" or p.text == "guessed" for p in self.default)


@dataclass(frozen=True)
class KeyParts:
    surnames: tuple[str, ...]  # ASCII lower-case surnames of the first authors
    year: str
    word: str


def key_parts(record: PaperRecord) -> KeyParts:
    """The folded ASCII pieces a key is made of (``anon``/``paper`` when there are none)."""
    surnames = tuple(s for s in (ascii_word(split_name(a)[1]) for a in record.authors) if s) or (
        "anon",
    )
    year = str(record.year) if record.year else ""
    return KeyParts(surnames, year, first_significant_word(record.title) or "paper")


@lru_cache(maxsize=4096)
def _surname(part: str, case: str, form: str) -> str:
    text = fold(part)
    if form == "last":
        text = text.split(" ")[-1] if text else ""
    elif form == "head":  # Google Scholar's: "Rosen-Zvi" -> rosen, "Mac Lane" -> mac
        text = re.split(r"[\s\-]+", text.strip())[0]
    if form == "under":
        text = re.sub(r"[^A-Za-z0-9\-]+", "_", text).strip("_")
    elif form == "dash":
        text = re.sub(r"[^A-Za-z0-9\-]+", "", text)
    else:
        text = re.sub(r"[^A-Za-z0-9]+", "", text)
    return _cased(text, case)


def _cased(text: str, case: str) -> str:
    if case == "lower":
        return text.lower()
    if case == "upper":
        return text.upper()
    if case == "title":
        return text[:1].upper() + text[1:].lower()
    return text


_SURNAME_FORMS = ("join", "dash", "under", "last", "head")
_CASES = ("asis", "lower", "title", "upper")


def _words(title: str) -> list[str]:
    return [
        w
        for w in (re.sub(r"[^A-Za-z0-9]", "", x) for x in re.split(r"[\s\-:/]+", fold(title)))
        if w
    ]


# Words Zotero's Better BibTeX leaves out of a key's short title (its default keys are
# surname, three title words and year: "saaudiInsiderThreatsDetection2019").
_SHORT_TITLE_SKIP_TEXT = """a an the and or nor but of for in on at to by with from into onto
    upon via per than as is about above across after against along among around before behind
    below beneath beside between beyond despite down during except inside like near off over
    past since through toward towards under until up versus while within without"""
_SHORT_TITLE_SKIP = frozenset(_SHORT_TITLE_SKIP_TEXT.split())


@lru_cache(maxsize=4096)
def _title_word(title: str, form: str) -> str:
    if form == "three":  # "Image-Based Feature Representation ..." -> "ImageBasedFeature..."
        joined = (re.sub(r"[^A-Za-z0-9]", "", x) for x in re.split(r"[\s:/]+", fold(title)))
        kept = [w for w in joined if w and w.lower() not in _SHORT_TITLE_SKIP][:3]
        return "".join(w[:1].upper() + w[1:] for w in kept)
    words = _words(title)
    if not words:
        return ""
    if form == "first":
        return words[0]
    significant = first_significant_word(title)
    return next((w for w in words if w.lower() == significant), words[0])


@dataclass(frozen=True)
class Fields:
    """What a key can be made of: surnames (as written in the .bib or split from names),
    year, title and arXiv id."""

    surnames: tuple[str, ...]
    year: str
    title: str
    arxiv: str = ""

    @classmethod
    def of(cls, record: PaperRecord) -> Fields:
        surnames = tuple(split_name(a)[1] for a in record.authors if a.strip())
        return cls(surnames, str(record.year or ""), record.title, record.arxiv or "")


def _value(part: Part, fields: Fields) -> str:
    if part.kind == "surname":
        if part.nth >= len(fields.surnames):
            return ""
        return _surname(fields.surnames[part.nth], part.case, part.form)
    if part.kind == "year":
        return fields.year[-2:] if part.form == "2" and fields.year else fields.year
    if part.kind == "word":
        return _cased(_title_word(fields.title, part.form), part.case)
    if part.kind == "arxiv":
        return fields.arxiv.replace(".", "-") if part.form == "dash" else fields.arxiv
    if part.kind == "lit":
        return part.text
    return ""


def _candidates(fields: Fields) -> list[tuple[Part, str]]:
    found: dict[tuple[Part, str], None] = {}
    for index in range(min(3, len(fields.surnames))):
        for form in _SURNAME_FORMS:
            for case in _CASES:
                part = Part("surname", index, form, case)
                found.setdefault((part, _value(part, fields)), None)
    if fields.year:
        for form in ("4", "2"):
            part = Part("year", form=form)
            found.setdefault((part, _value(part, fields)), None)
    for form in ("sig", "first"):
        for case in _CASES:
            part = Part("word", form=form, case=case)
            found.setdefault((part, _value(part, fields)), None)
    part = Part("word", form="three", case="asis")
    found.setdefault((part, _value(part, fields)), None)
    if fields.arxiv:
        for form in ("dot", "dash"):
            part = Part("arxiv", form=form)
            found.setdefault((part, _value(part, fields)), None)
    return [(part, text) for part, text in found if len(text) >= 2 or part.kind == "surname"]


_MAX_PARSES = 24


@lru_cache(maxsize=8192)
def parse_key(key: str, fields: Fields) -> tuple[tuple[Scheme, tuple[str, ...]], ...]:
    """Every way ``key`` is made of ``fields``: (scheme, text of each free part).

    Cached: a batch learns the scheme of the same file again for every new entry."""
    candidates = [(p, t) for p, t in _candidates(fields) if t and t in key]
    results: list[tuple[Scheme, tuple[str, ...]]] = []

    def walk(at: int, parts: tuple[Part, ...], free: tuple[str, ...]) -> None:
        if len(results) >= _MAX_PARSES:
            return
        if at == len(key):
            results.append((parts, free))
            return
        matched = False
        for part, text in candidates:
            if key.startswith(text, at):
                matched = True
                walk(at + len(text), (*parts, part), free)
        if key[at].isalnum():
            if matched:
                return
            run = re.match(r"[A-Za-z]+|[0-9]+", key[at:])
            assert run is not None
            kind = "letters" if run.group(0)[0].isalpha() else "digits"
            walk(at + run.end(), (*parts, Part("free", text=kind)), (*free, run.group(0)))
        else:
            run = re.match(r"[^A-Za-z0-9]+", key[at:])
            assert run is not None
            walk(at + run.end(), (*parts, Part("lit", text=run.group(0))), free)

    walk(0, (), ())
    return tuple(results)


def _strip_suffix(scheme: Scheme, free: tuple[str, ...]) -> tuple[Scheme, tuple[str, ...], str]:
    """A trailing single letter (or digit after a separator) is a clash suffix, not a part."""
    if scheme and scheme[-1].kind == "free" and free and len(free[-1]) == 1:
        kind = "letters" if free[-1].isalpha() else "digits"
        if kind == "letters" and free[-1].islower() and len(scheme) > 1:
            return scheme[:-1], free[:-1], kind
    return scheme, free, ""


_PREFERENCE = {"asis": 0, "lower": 1, "title": 2, "upper": 3}


def _rank(scheme: Scheme) -> tuple[int, int, int, int]:
    """Simpler schemes first: fewer free parts, then fewer parts, then as-is case, then
    the spelling of compound surnames the file's keys did not show (see
    :func:`_compound_spelling`)."""
    return (
        sum(p.kind == "free" for p in scheme),
        len(scheme),
        sum(_PREFERENCE.get(p.case, 0) for p in scheme),
        _compound_spelling(scheme),
    )


def _compound_spelling(scheme: Scheme) -> int:
    """0 for the likelier way to spell a compound surname where the keys are silent.

    Read back from a key, "Rosen-Zvi" and "Smith" fill a surname part the same whether
    the part takes the whole surname or its first word, so only a compound surname in
    the file tells them apart. A lower-case surname run straight into the year
    (``rosen2004author``, ``sohl2015deep``) is Google Scholar's, which takes the first
    word; any other key takes the whole surname (JabRef's ``RosenZvi2004``)."""
    misses = 0
    for at, part in enumerate(scheme):
        if part.kind != "surname":
            continue
        scholar = (
            part.case == "lower" and at + 1 < len(scheme) and scheme[at + 1].kind == "year"
        )
        misses += (part.form == "head") != scholar
    return misses


@dataclass
class _Tally:
    keys: Counter[Scheme] = field(default_factory=Counter)
    free: dict[Scheme, list[tuple[str, ...]]] = field(default_factory=dict)
    total: int = 0  # keys added

    def add(self, parses: Sequence[tuple[Scheme, tuple[str, ...]]]) -> None:
        self.total += 1
        seen: set[Scheme] = set()
        for scheme, free in parses:
            if scheme in seen:
                continue
            seen.add(scheme)
            self.keys[scheme] += 1
            self.free.setdefault(scheme, []).append(free)

    def count(self, scheme: Scheme) -> int:
        """How many of these keys ``scheme`` (its literals fixed) explains."""
        return max(
            (n for raw, n in self.keys.items() if _fix_literals(raw, self.free[raw]) == scheme),
            default=0,
        )

    def best(self) -> tuple[Scheme, int] | None:
        """The scheme most keys follow, among those a new key can be made in: at most one
        part no metadata gives, at the end (DBLP's ``DBLP:conf/icml/YangPHL25`` is none)."""
        ranked = sorted(self.keys, key=lambda s: (-self.keys[s], _rank(s)))
        for scheme in ranked:
            fixed = _fix_literals(scheme, self.free[scheme])
            if _usable(fixed):
                return fixed, self.keys[scheme]
        return None


def _usable(scheme: Scheme) -> bool:
    underived = [i for i, p in enumerate(scheme) if p.kind == "free" or p.text == "guessed"]
    derived = [i for i, p in enumerate(scheme) if p.kind not in {"free", "lit"}]
    return len(underived) <= 1 and all(i >= max(derived, default=-1) for i in underived) and (
        any(p.kind == "surname" or p.kind == "arxiv" for p in scheme)
    )


def _fix_literals(scheme: Scheme, frees: Sequence[tuple[str, ...]]) -> Scheme:
    """A free part whose text is the same in most keys (``etal``, ``DBLP``) is a literal;
    one holding words (a nickname: ``he2025biomedrag``) is taken as the title's first
    significant word, the nearest thing metadata gives. Short random letters (INSPIRE's
    ``Araz:2026img``) stay free: no metadata gives them."""
    parts = list(scheme)
    slot = 0
    for position, part in enumerate(scheme):
        if part.kind != "free":
            continue
        texts = Counter(f[slot] for f in frees if slot < len(f))
        slot += 1
        if not texts:
            continue
        text, count = texts.most_common(1)[0]
        if count >= 0.8 * sum(texts.values()):
            parts[position] = Part("lit", text=text)
            continue
        lengths = sorted(len(t) for t in texts.elements())
        if part.text == "letters" and lengths[len(lengths) // 2] >= 4:
            case = mode((_case_kind(t) for t in texts.elements()), "lower")
            parts[position] = Part("word", form="sig", case=case, text="guessed")
    return tuple(parts)


def _case_kind(text: str) -> str:
    if text.islower():
        return "lower"
    if text.isupper():
        return "upper"
    return "title" if text[:1].isupper() and text[1:].islower() else "asis"


GOOGLE: Scheme = (
    Part("surname", 0, "head", "lower"),
    Part("year", form="4"),
    Part("word", form="sig", case="lower"),
)
PRESETS: dict[str, KeyScheme] = {
    "google": KeyScheme(GOOGLE),
    "authoryear": KeyScheme((Part("surname", 0, "join", "lower"), Part("year", form="4"))),
    "AuthorYear": KeyScheme((Part("surname", 0, "join", "asis"), Part("year", form="4"))),
    "snake": KeyScheme(
        (
            Part("surname", 0, "join", "lower"),
            Part("lit", text="_"),
            Part("year", form="4"),
            Part("lit", text="_"),
            Part("word", form="sig", case="lower"),
        )
    ),
}
_MAX_KEYS = 2000  # a sample this large decides the scheme of any file


def learn_scheme(keyed: Iterable[tuple[str, Fields]]) -> KeyScheme:
    """The scheme most of the (key, fields) pairs follow; Google Scholar's when none."""
    items = list(keyed)
    if len(items) > _MAX_KEYS:
        step = len(items) / _MAX_KEYS
        items = [items[int(i * step)] for i in range(_MAX_KEYS)]
    overall = _Tally()
    buckets: dict[int, _Tally] = {}
    suffixes: Counter[str] = Counter()
    for key, fields in items:
        parses = []
        for scheme, free in parse_key(key, fields):
            base, rest, suffix = _strip_suffix(scheme, free)
            parses.append((base, rest))
            if suffix:
                suffixes[suffix] += 1
        overall.add(parses)
        buckets.setdefault(author_bucket(len(fields.surnames)), _Tally()).add(parses)
    best = overall.best()
    if best is None or best[1] < max(2, 0.3 * len(items)):
        return PRESETS["google"]  # no scheme a new key can be made in is the file's
    default, count = best
    by_authors = []
    for bucket, tally in sorted(buckets.items()):
        found = tally.best()
        if (
            found
            and found[0] != default
            and found[1] >= 2
            and 2 * tally.count(default) < tally.total  # the file's scheme fails them
            and _is_surname_variant(found[0])
        ):
            by_authors.append((bucket, found[0]))
    # buckets whose keys say how they are made: their own scheme, or the default's
    known = {bucket for bucket, _ in by_authors} | {
        bucket
        for bucket, tally in buckets.items()
        if (tally.best() or ((),))[0] == default or 2 * tally.count(default) >= tally.total
    }
    by_authors += [(b, v) for b, v in _et_al_variants(default) if b not in known]
    suffix = "digits" if suffixes["digits"] > suffixes["letters"] else "letters"
    return KeyScheme(default, tuple(sorted(by_authors)), suffix, count / len(items))


def _et_al_variants(scheme: Scheme) -> list[tuple[int, Scheme]]:
    """A scheme that writes ``etal`` after the first surname (the ACL Anthology's
    ``zhou-etal-2023-navigating``) names one author alone and two by both surnames
    (``brunila-laviolette-2022-company``), where the file's own keys for one or two
    authors do not say otherwise."""
    at = next(
        (i for i, p in enumerate(scheme) if p.kind == "lit" and p.text.lower() == "etal"), None
    )
    if at is None or at < 1:
        return []
    first = next((p for p in scheme[:at] if p.kind == "surname" and p.nth == 0), None)
    if first is None:
        return []
    separator = at - 1 if scheme[at - 1].kind == "lit" else at
    second = Part("surname", 1, first.form, first.case)
    return [
        (1, scheme[:separator] + scheme[at + 1 :]),
        (2, (*scheme[:at], second, *scheme[at + 1 :])),
    ]


def _is_surname_variant(scheme: Scheme) -> bool:
    """Per-author-count schemes are kept only when they name the authors differently."""
    return any(p.kind == "surname" for p in scheme)


def scheme_named(name: str) -> KeyScheme:
    return PRESETS.get(name, PRESETS["google"])


def base_key(record: PaperRecord, scheme: KeyScheme) -> tuple[str, bool]:
    """The key ``scheme`` makes for ``record``, and whether every part could be filled.

    A part with no value (no year, a free suffix) is left out with the separator before it.
    """
    fields = Fields.of(record)
    parts = scheme.for_authors(len(fields.surnames))
    pieces: list[str] = []
    complete = True
    pending_lit = ""
    for part in parts:
        if part.kind == "lit":
            pending_lit += part.text
            continue
        value = _value(part, fields)
        if part.kind == "surname" and not value and part.nth == 0:
            value = _cased("anon", part.case)
        if part.kind == "word" and not value:
            value = _cased("paper", part.case)
        if not value:
            complete = False
            pending_lit = ""
            continue
        pieces.append(pending_lit + value)
        pending_lit = ""
    if not pieces and scheme is not PRESETS["google"]:
        # nothing of the paper fills the file's scheme (keys made of the arXiv id, for
        # a paper without one): Google Scholar's key names it instead
        return base_key(record, PRESETS["google"])[0], False
    key = "".join(pieces) + (pending_lit if pieces and parts and parts[-1].kind == "lit" else "")
    key = re.sub(r"[\s,{}\"#%'~=()\\]", "", key) or "anon"
    return key, complete


def make_key(record: PaperRecord, scheme: KeyScheme | str, taken: set[str]) -> str:
    """A key in ``scheme`` not in ``taken`` (compared case-insensitively), suffixed a, b, ...

    A key the record brings (``citation_key``: an INSPIRE texkey, a reader's pasted
    BibTeX) is used as it is when it is free.
    """
    if isinstance(scheme, str):
        scheme = scheme_named(scheme)
    own = record_key(record)
    if own and own.lower() not in taken:
        return own
    base, _ = base_key(record, scheme)
    if base.lower() not in taken:
        return base
    for suffix in _suffixes(scheme.suffix):
        candidate = f"{base}{suffix}"
        if candidate.lower() not in taken:
            return candidate
    raise AssertionError("unreachable")


_KEY_CHARS = re.compile(r"[^\s,{}\"#%'~=()\\]{1,200}")


def record_key(record: PaperRecord) -> str | None:
    """The record's own key when it is a usable BibTeX key."""
    key = (record.citation_key or "").strip()
    return key if _KEY_CHARS.fullmatch(key) else None


def _suffixes(kind: str) -> Iterator[str]:
    if kind == "digits":
        for number in range(2, 10_000):
            yield str(number)
        return
    letters = "abcdefghijklmnopqrstuvwxyz"
    yield from letters
    for first in letters:
        for second in letters:
            yield first + second
