"""Is a suggested paper already in the survey? An index over the references.

A wrong "already cited" silently rejects a valid suggestion and a wrong "new"
adds a duplicate, so the matcher answers ``ambiguous`` (with ranked candidates)
whenever the evidence does not settle it.

How one lookup works:

1. **Identifiers decide.** The query's arXiv ids (an arXiv DOI counts as one)
   and DOIs are looked up in dicts; any hit is ``cited``.
2. **Candidates, not a scan.** Otherwise the title's rarest words are looked up
   in an inverted index (plus exact-title and main-title dicts); only the best
   :data:`MAX_CANDIDATES` references by shared-word weight are scored.
3. **Scoring is evidence, not just similarity.** Each candidate's title is
   aligned word by word with the query's. Differences that do not change the
   paper (case, punctuation, LaTeX, accents, hyphenation, lost ligatures, a
   typo in a long word, ``the``/``of``-type words) keep it the *same title*;
   differences that do (a number or version, a one-letter suffix like
   ``PaLM-E``, an extra ``Are``/``Not``, a content word) make it a *different
   title*, however similar the strings are. A title equal to the other's part
   before a colon (a dropped subtitle) counts only when authors or year agree.
4. **Other fields confirm or contradict.** A different arXiv id is strong
   evidence against a title match, as are different first authors; a year two
   or more apart and different publisher DOIs are weaker evidence.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import pairwise

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Indel, Levenshtein

from bot.identifiers import arxiv_from_doi, normalize_arxiv, normalize_doi
from bot.models import CheckResult, Query, Reference, ScoredReference
from bot.text import normalize as textnorm

# References scored with rapidfuzz per title lookup, at most (those that come
# close are then compared word by word).
MAX_CANDIDATES = 24
SHORT_TITLE = 3  # words: a title this short is all name ("Mistral 7B", "GPT-4 Technical Report")
# Title similarity (rapidfuzz ratio of the keys, 0..1) needed for "the same title
# up to typos" (NEAR) and for "maybe the same paper" (SIMILAR).
NEAR = 0.85
SIMILAR = 0.8
# A title lookup finds every reference sharing more than this fraction of the
# query's word weight (idf), then scores the best MAX_CANDIDATES of them.
_PREFIX_OVERLAP = 0.5
# Ambiguous answers list at most this many candidates.
MAX_AMBIGUOUS = 5


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words whose presence or absence does not make a different paper. Everything
# else is significant, including function words that change the meaning
# ("Are ...", "Not All ...", "Without ...", "Beyond ...").
MINOR_WORDS = _words(
    "a an the of for on in to with and via by from at as into onto using its their"
)
# First-author strings that name an organisation: never a conflict on their own.
_ORG_WORDS = _words(
    "team workshop collaboration consortium group project inc ai lab labs research "
    "institute university foundation community committee"
)

# Conflict weights: how strongly a field says "a different paper".
_W_ARXIV = 2
_W_AUTHOR = 2
_W_DOI = 1
_W_YEAR = 1


@dataclass
class IndexStats:
    """Counters that show a lookup is not a scan (tests and benchmarks read them)."""

    lookups: int = 0
    id_hits: int = 0
    scored: int = 0  # references compared with rapidfuzz, summed over lookups


@dataclass(frozen=True)
class _Entry:
    """One reference with everything the matcher compares, computed once."""

    ref: Reference
    order: int
    tokens: tuple[str, ...]
    key: str
    main_key: str  # title before the colon ("" when there is no subtitle)
    # Words that name the work (a short title, or the part before the colon: "Mistral
    # 7B", "BLOOMZ: ..."): model names differ by one letter (Mistral/Mixtral), so a
    # one-letter difference there is never a harmless typo.
    names: frozenset[str]
    question: bool
    surnames: tuple[str, ...]
    first_words: frozenset[str]  # all words of the first author's name
    initial: str  # the first author's first initial ("" when unknown)
    all_words: frozenset[str]  # all words of every author's name
    organisation: bool  # first author is a team / consortium / company
    year: int | None
    arxiv: frozenset[str]
    dois: frozenset[str]  # non-arXiv DOIs


def _author_fields(
    names: Iterable[str],
) -> tuple[tuple[str, ...], frozenset[str], str, frozenset[str], bool]:
    """(surnames, first author's name words, first initial, all name words, organisation)."""
    authors = [a for a in names if a and textnorm.surname(a)]
    surnames = tuple(textnorm.surname(a) for a in authors)
    first = textnorm.name_words(authors[0]) if authors else frozenset()
    all_words: frozenset[str] = frozenset().union(*(textnorm.name_words(a) for a in authors))
    organisation = bool(authors) and _is_organisation(authors[0])
    initial = textnorm.given_initial(authors[0]) if authors and not organisation else ""
    return surnames, first, initial, all_words, organisation


def _is_organisation(name: str) -> bool:
    """Whether a first author is an organisation: "OpenAI", "Gemini Team", "IBM"."""
    if textnorm.name_words(name) & _ORG_WORDS:
        return True
    words = textnorm.fold(name).replace(",", " ").split()
    # One word in camel case or capitals ("OpenAI", "DeepMind", "IBM").
    return len(words) == 1 and (words[0].isupper() or any(c.isupper() for c in words[0][1:]))


def _ids(
    arxiv: str | None, doi: str | None, urls: Iterable[str] = ()
) -> tuple[frozenset[str], frozenset[str]]:
    arxivs: set[str] = set()
    dois: set[str] = set()
    for text in (arxiv, *urls):
        found = normalize_arxiv(text)
        if found:
            arxivs.add(found)
    for text in (doi, *urls):
        found = normalize_doi(text)
        if not found:
            continue
        via_doi = arxiv_from_doi(found)
        if via_doi:
            arxivs.add(via_doi)
        else:
            dois.add(found)
    return frozenset(arxivs), frozenset(dois)


def _entry(ref: Reference, order: int) -> _Entry:
    main, sub, question = textnorm.analyse_title(ref.title)
    tokens = tuple(main + sub)
    surnames, first, initial, all_words, organisation = _author_fields(ref.authors)
    arxiv, dois = _ids(ref.arxiv, ref.doi, ref.urls)
    return _Entry(
        ref=ref,
        order=order,
        tokens=tokens,
        key=textnorm.join_tokens(tokens),
        main_key=textnorm.join_tokens(main) if sub else "",
        names=frozenset(tokens if len(tokens) <= SHORT_TITLE else main if sub else ()),
        question=question,
        surnames=surnames,
        first_words=first,
        initial=initial,
        all_words=all_words,
        organisation=organisation,
        year=ref.year,
        arxiv=arxiv,
        dois=dois,
    )


def _query_entry(query: Query) -> _Entry:
    """A query in the same shape as a reference, so one comparison serves both."""
    return _entry(
        Reference(
            title=query.title or "",
            authors=tuple(query.authors or ()),
            year=query.year,
            arxiv=query.arxiv,
            doi=query.doi,
        ),
        -1,
    )


# ---------------------------------------------------------------------------
# Comparing two titles word by word


@dataclass
class _TitleDiff:
    significant: int = 0  # content-word differences (a substitution counts once)
    strong: bool = False  # a number, version or one-letter suffix differs
    minor: int = 0  # differences in MINOR_WORDS
    typos: int = 0  # one-letter slips in long words
    slips: int = 0  # of the significant differences, one-letter slips in short words ("Ned")


def _typo(a: str, b: str) -> bool:
    if not (a.isalpha() and b.isalpha()) or min(len(a), len(b)) < 5:
        return False
    return Levenshtein.distance(a, b, score_cutoff=2) <= (2 if min(len(a), len(b)) >= 9 else 1)


def _ligature_lost(a: str, b: str) -> bool:
    """The words differ only in letters of PDF ligatures (ff, fi, fl, ffi, ffl), as
    "eficient"/"efficient" or "Refexion"/"Reflexion" do after ``textnorm``: a copying
    accident, never a different name (unlike Mistral/Mixtral or BLOOM/BLOOMZ)."""
    letters = set("fil")
    for op in Levenshtein.editops(a, b):
        if op.tag != "insert" and a[op.src_pos] not in letters:
            return False
        if op.tag != "delete" and b[op.dest_pos] not in letters:
            return False
    return True


def _slip(a: str, b: str) -> bool:
    if not (a.isalpha() and b.isalpha()) or min(len(a), len(b)) < 3:
        return False
    return Levenshtein.distance(a, b, score_cutoff=1) <= 1


def _cancel_compounds(xs: list[str], ys: list[str]) -> None:
    """Remove words on one side that are a run of words on the other ("pretraining")."""
    for long_side, short_side in ((xs, ys), (ys, xs)):
        i = 0
        while i < len(long_side):
            word = long_side[i]
            run = _find_run(short_side, word)
            if run:
                del short_side[run[0] : run[1]]
                del long_side[i]
            else:
                i += 1


def _find_run(words: list[str], target: str) -> tuple[int, int] | None:
    """(start, end) of two or more consecutive ``words`` that join into ``target``."""
    for start in range(len(words) - 1):
        for end in range(start + 2, len(words) + 1):
            joined = textnorm.join_tokens(words[start:end])
            if joined == target:
                return start, end
            if len(joined) > len(target) + 2:
                break
    return None


def _pair_off(only_a: list[str], only_b: list[str], close: Callable[[str, str], bool]) -> int:
    """Remove each word of ``only_a`` with the first word of ``only_b`` it is ``close`` to;
    return how many pairs went."""
    pairs = 0
    for word in list(only_a):
        for other in only_b:
            if close(word, other):
                only_a.remove(word)
                only_b.remove(other)
                pairs += 1
                break
    return pairs


def _is_strong(word: str) -> bool:
    # Words are [a-z0-9]+ and split at letter/digit boundaries: not alpha = a number.
    return not word.isalpha() or (len(word) == 1 and word not in MINOR_WORDS)


def _diff(a: tuple[str, ...], b: tuple[str, ...], names: frozenset[str]) -> _TitleDiff:
    only_a: list[str] = []
    only_b: list[str] = []
    block_a: list[str] = []
    block_b: list[str] = []

    def flush() -> None:
        if block_a or block_b:
            if textnorm.join_tokens(block_a) != textnorm.join_tokens(block_b):
                _cancel_compounds(block_a, block_b)
                only_a.extend(block_a)
                only_b.extend(block_b)
            block_a.clear()
            block_b.clear()

    for op in Indel.opcodes(a, b):
        if op.tag == "equal":
            flush()
        else:
            block_a.extend(a[op.src_start : op.src_end])
            block_b.extend(b[op.dest_start : op.dest_end])
    flush()

    diff = _TitleDiff()
    # Words that moved (word order changed): one difference each.
    for word in [w for w in only_a if w in only_b]:
        if word in only_a and word in only_b:
            only_a.remove(word)
            only_b.remove(word)
            if word in MINOR_WORDS:
                diff.minor += 1
            else:
                diff.significant += 1
                diff.strong = diff.strong or _is_strong(word)
    # One-letter slips in long words ("Transfomer", lost ligature "efcient").
    diff.typos += _pair_off(
        only_a,
        only_b,
        lambda x, y: _typo(x, y) and (_ligature_lost(x, y) or not names & {x, y}),
    )
    # One-letter slips in short words: still a different word, but maybe a typo.
    slips = _pair_off(only_a, only_b, _slip)
    diff.slips += slips
    diff.significant += slips
    sig_a = sig_b = 0
    for side in (only_a, only_b):
        count = 0
        for word in side:
            if word in MINOR_WORDS:
                diff.minor += 1
            else:
                count += 1
                diff.strong = diff.strong or _is_strong(word)
        if side is only_a:
            sig_a = count
        else:
            sig_b = count
    diff.significant += max(sig_a, sig_b)
    return diff


# ---------------------------------------------------------------------------
# Evidence for one candidate


@dataclass
class _Assessment:
    entry: _Entry
    relation: str  # same | prefix | similar | different
    level: str  # match | possible | no
    score: float
    reason: str
    conflicts: tuple[tuple[str, int], ...] = field(default=())


def _first_author_agrees(q: _Entry, e: _Entry) -> bool | None:
    """True: same first author; False: clearly different; None: cannot tell."""
    if not q.surnames or not e.surnames:
        return None
    if q.surnames[0] == e.surnames[0]:
        # "Omar Garcia" and "Elena Garcia" are not known to be one person.
        initials = q.initial, e.initial
        return True if not all(initials) or initials[0] == initials[1] else None
    if q.surnames[0] in e.first_words or e.surnames[0] in q.first_words:
        return True  # name order differs ("Zhao Wayne Xin")
    if q.organisation or e.organisation:
        return None  # "OpenAI" vs the first person listed
    if q.surnames[0] in e.all_words or e.surnames[0] in q.all_words:
        return None  # author order differs between sources
    return False


def _conflicts(q: _Entry, e: _Entry, authors: bool | None) -> list[tuple[str, int]]:
    found = []
    if q.arxiv and e.arxiv and not (q.arxiv & e.arxiv):
        found.append(("arxiv", _W_ARXIV))
    if q.dois and e.dois and not (q.dois & e.dois):
        found.append(("doi", _W_DOI))
    if authors is False:
        found.append(("authors", _W_AUTHOR))
    if q.year and e.year and abs(q.year - e.year) >= 2 and authors is not True:
        found.append(("year", _W_YEAR))
    return found


def _prefix_related(q: _Entry, e: _Entry) -> bool:
    """One title is the other's main title (the part before the colon)."""
    return bool(q.main_key and q.main_key == e.key) or bool(e.main_key and e.main_key == q.key)


def _assess(q: _Entry, e: _Entry, sim: float) -> _Assessment:
    """Weigh one candidate; ``sim`` is the rapidfuzz ratio (0..1) of the title keys."""
    if q.key == e.key:
        relation, base = ("same", 1.0) if q.question == e.question else ("same", 0.97)
        diff = _TitleDiff()
    else:
        diff = _diff(q.tokens, e.tokens, q.names | e.names)
        longest = max(len(q.tokens), len(e.tokens))
        if (
            not diff.significant
            and not diff.strong
            and diff.typos <= 2
            and diff.minor + diff.typos <= max(1, longest // 4)
            and sim >= NEAR
        ):
            relation, base = "same", 0.99 * sim
        elif _prefix_related(q, e):
            relation, base = "prefix", 0.8
        elif not diff.strong and diff.significant <= 2 and sim >= SIMILAR:
            relation, base = "similar", sim * 0.85**diff.significant
        else:
            relation, base = "different", sim * 0.85**diff.significant * (0.5 if diff.strong else 1)

    authors = _first_author_agrees(q, e)
    years = None if not (q.year and e.year) else abs(q.year - e.year) <= 1
    conflicts = _conflicts(q, e, authors)
    weight = sum(w for _, w in conflicts)

    score = base
    support = []
    if authors:
        support.append("authors")
        score += (1 - score) * 0.5
    if years:
        support.append("year")
        score += (1 - score) * 0.2
    for name, _ in conflicts:
        score *= {"arxiv": 0.5, "authors": 0.6, "doi": 0.8, "year": 0.9}[name]

    if relation == "same":
        level = "match" if weight == 0 else ("possible" if weight < 3 else "no")
    elif relation == "prefix":
        confirmed = authors is True or (authors is None and years is True)
        level = "match" if (weight == 0 and confirmed) else ("possible" if weight < 2 else "no")
    elif relation == "similar":
        # A slip in a short word ("Ned" for "Need") may be a typo; an added,
        # dropped or replaced word is a different paper unless the authors agree.
        ok = diff.significant == diff.slips == 1 or (diff.significant == 1 and authors is True)
        level = "possible" if ok and weight < 2 else "no"
    else:
        level = "no"

    label = {"same": "title", "prefix": "title-prefix"}.get(relation, "similar-title")
    reason = "+".join([label, *support])
    reason += "".join(f", {name}-conflict" for name, _ in conflicts)
    return _Assessment(e, relation, level, round(min(score, 1.0), 3), reason, tuple(conflicts))


def _distinct(a: _Entry, b: _Entry) -> bool:
    """Whether two references are clearly different papers (not a duplicate entry)."""
    return bool(_conflicts(a, b, _first_author_agrees(a, b)))


def _kept_twice(a: _Entry, b: _Entry) -> bool:
    """One reference kept twice (in the .bib and the README list, say): identical
    title key and nothing against it, so an ambiguous answer lists it once."""
    return a.key == b.key and not _distinct(a, b)


# ---------------------------------------------------------------------------
# The index


def _features(tokens: tuple[str, ...]) -> set[str]:
    """What the inverted index stores per title: its words and pairs of adjacent words
    (MINOR_WORDS alone are not features). Pairs are rare, so they find the few
    references worth scoring even when every single word is common."""
    found = {t for t in tokens if t not in MINOR_WORDS}
    for a, b in pairwise(tokens):
        if a not in MINOR_WORDS or b not in MINOR_WORDS:
            found.add(f"{a} {b}")
    return found


class ReferenceIndex:
    """The survey's references, indexed once for many fast lookups."""

    def __init__(self, entries: list[_Entry]) -> None:
        self._entries = entries
        self._by_arxiv: dict[str, list[int]] = {}
        self._by_doi: dict[str, list[int]] = {}
        self._by_key: dict[str, list[int]] = {}
        self._by_main: dict[str, list[int]] = {}
        postings: dict[str, list[int]] = {}
        for i, e in enumerate(entries):
            for arxiv_id in sorted(e.arxiv):
                self._by_arxiv.setdefault(arxiv_id, []).append(i)
            for doi in sorted(e.dois):
                self._by_doi.setdefault(doi, []).append(i)
            if e.key:
                self._by_key.setdefault(e.key, []).append(i)
            if e.main_key:
                self._by_main.setdefault(e.main_key, []).append(i)
            for feature in _features(e.tokens):
                postings.setdefault(feature, []).append(i)
        self._postings = {t: tuple(ids) for t, ids in postings.items()}
        n = max(len(entries), 1)
        self._idf = {t: math.log(1 + n / len(ids)) for t, ids in postings.items()}
        self.stats = IndexStats()

    @classmethod
    def build(cls, references: Iterable[Reference]) -> ReferenceIndex:
        return cls([_entry(ref, i) for i, ref in enumerate(references)])

    def __len__(self) -> int:
        return len(self._entries)

    # -- lookups ----------------------------------------------------------

    def check_many(self, queries: Iterable[Query]) -> list[CheckResult]:
        return [self.check(query) for query in queries]

    def check(self, query: Query) -> CheckResult:
        self.stats.lookups += 1
        q = _query_entry(query)
        by_id = self._id_matches(q)
        if by_id:
            self.stats.id_hits += 1
            same = self._same_paper_elsewhere(by_id)
            first_i, reason = same[0]
            first = self._entries[first_i].ref
            candidates = tuple(ScoredReference(self._entries[i].ref, 1.0, r) for i, r in same)
            return CheckResult(query, "cited", first, 1.0, reason, candidates)
        if not q.tokens:
            return CheckResult(query, "new", reason="no-match")
        forced, ranked = self._title_candidates(q)
        self.stats.scored += len(forced) + len(ranked)
        # Below SIMILAR a title can only be "the same" by key or as a prefix
        # (those are ``forced``): the rest would all be "no", so only the close
        # ones are compared word by word.
        entries = self._entries
        sims = {
            ranked[at]: score / 100.0
            for _, score, at in process.extract(
                q.key,
                [entries[i].key for i in ranked],
                scorer=fuzz.ratio,
                score_cutoff=100 * SIMILAR,
                limit=None,
            )
        }
        for i in forced:
            sims[i] = fuzz.ratio(q.key, entries[i].key) / 100.0
        assessed = [_assess(q, entries[i], sim) for i, sim in sims.items()]
        return self._decide(query, assessed)

    def _id_matches(self, q: _Entry) -> list[tuple[int, str]]:
        found: dict[int, str] = {}
        for arxiv_id in sorted(q.arxiv):
            for i in self._by_arxiv.get(arxiv_id, ()):
                found.setdefault(i, "arxiv-id")
        for doi in sorted(q.dois):
            for i in self._by_doi.get(doi, ()):
                found.setdefault(i, "doi")
        return sorted(found.items(), key=lambda item: (item[1] != "arxiv-id", item[0]))

    def _same_paper_elsewhere(self, by_id: list[tuple[int, str]]) -> list[tuple[int, str]]:
        """The id matches plus the same paper in the survey's other files, numbered first.

        A survey often keeps one paper in several files (the .bib, a README list,
        the printed reference list) and only some of them carry its ids. An entry
        with exactly the same normalised title and no contradicting arXiv id is
        the same paper; the reply should say "cited as [22]" when any file
        numbers it, because that is how readers see the survey cite it.
        """
        found = dict(by_id)
        for i, _ in by_id:
            entry = self._entries[i]
            for j in self._by_key.get(entry.key, ()):
                other = self._entries[j]
                if not other.arxiv or other.arxiv & entry.arxiv:
                    found.setdefault(j, "title")
        rank = {"arxiv-id": 0, "doi": 1, "title": 2}
        return sorted(
            found.items(),
            key=lambda item: (self._entries[item[0]].ref.number is None, rank[item[1]], item[0]),
        )

    def _title_candidates(self, q: _Entry) -> tuple[list[int], list[int]]:
        """(references whose title or main title equals the query's, the best others
        by shared words), at most MAX_CANDIDATES in all."""
        forced: list[int] = []
        forced += self._by_key.get(q.key, ())
        forced += self._by_main.get(q.key, ())  # the query is a main title only
        if q.main_key:
            forced += self._by_key.get(q.main_key, ())  # the reference lacks the subtitle
        words = sorted(
            (f for f in _features(q.tokens) if f in self._postings),
            key=lambda f: (len(self._postings[f]), f),
        )
        # Prefix filtering: only the rarest features, covering half the query's
        # idf mass (and at least two), bring in candidates. A reference sharing
        # none of them shares at most half the weight, so it cannot be a
        # near-identical title. Candidates are ranked by the idf they share.
        idfs = [self._idf[word] for word in words]
        budget = sum(idfs) * (1 - _PREFIX_OVERLAP)
        weights: dict[int, float] = {}
        if words:
            weights = dict.fromkeys(self._postings[words[0]], idfs[0])
            budget -= idfs[0]
        get = weights.get
        for n in range(1, len(words)):
            if n >= 2 and budget <= 0:
                break
            idf = idfs[n]
            for i in self._postings[words[n]]:
                weights[i] = get(i, 0.0) + idf
            budget -= idf
        forced = list(dict.fromkeys(forced))[:MAX_CANDIDATES]
        room = MAX_CANDIDATES - len(forced)
        ranked: list[int] = []
        if room > 0 and weights:
            taken = set(forced)
            best = heapq.nlargest(room + len(taken), weights, key=weights.__getitem__)
            ranked = [i for i in best if i not in taken][:room]
        return forced, ranked

    def _decide(self, query: Query, assessed: list[_Assessment]) -> CheckResult:
        ranked = sorted(assessed, key=lambda a: (-a.score, a.entry.order))
        matches = [a for a in ranked if a.level == "match"]
        possible = [a for a in ranked if a.level == "possible"]
        if matches:
            best = matches[0]
            rivals = [a for a in matches[1:] if _distinct(best.entry, a.entry)]
            if not rivals or rivals[0].score < best.score - 0.05:
                dupes = [a for a in matches if a is best or not _distinct(best.entry, a.entry)]
                # The same paper in several files: name the numbered entry ("[22]"), as
                # for identifier matches, since that is how readers see it cited.
                shown = min(dupes, key=lambda a: (a.entry.ref.number is None, -a.score))
                return CheckResult(
                    query,
                    "cited",
                    shown.entry.ref,
                    best.score,
                    best.reason,
                    tuple(_scored(a) for a in dupes),
                )
            return _ambiguous(query, [*matches, *possible])
        if possible:
            return _ambiguous(query, possible)
        return CheckResult(query, "new", reason="no-match")


def _ambiguous(query: Query, ranked: list[_Assessment]) -> CheckResult:
    """No clear winner: the best score and reason, and the first few to choose from.

    One paper kept in several files (the .bib, the README list, the printed list)
    is one choice, not several: only its first entry is listed.
    """
    best = ranked[0]
    listed: list[_Assessment] = []
    for a in ranked:
        if not any(_kept_twice(kept.entry, a.entry) for kept in listed):
            listed.append(a)
    listed = listed[:MAX_AMBIGUOUS]
    return CheckResult(
        query, "ambiguous", None, best.score, best.reason, tuple(_scored(a) for a in listed)
    )


def _scored(a: _Assessment) -> ScoredReference:
    return ScoredReference(a.entry.ref, a.score, a.reason)
