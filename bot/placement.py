"""Which section of the survey a new paper belongs in, from the survey's own taxonomy.

A maintainer who accepts a paper must say where it goes; the bot proposes the
sections whose listed papers are most like it, and says which papers make it
think so. The model is small and lexical, built from the survey alone (no
network, no trained model): each listed paper is a TF-IDF vector of its
title's words and adjacent word pairs (light stemming, common function words
dropped); a new paper (its title, and its abstract at half weight when the
metadata has one) scores each section by the summed cosine similarity of its
:data:`NEIGHBOURS` most similar papers there, plus the similarity of the
section's heading itself ("Chain-of-Thought Reasoning" says what belongs under
it). ``benchmarks/bench_sections.py`` measures it by leave-one-out on real
lists.

Only references that sit under a heading (Markdown paper lists) take part; a
survey with fewer than two such sections gets no proposal.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import pairwise

from bot.matching.titles import MINOR_WORDS
from bot.models import CheckResult, Reference
from bot.text.normalize import title_key, title_tokens

NEIGHBOURS = 5  # a section's score sums its this many papers most like the new one
HEADING_WEIGHT = 1.5  # the heading's own words weigh as much as one and a half very similar papers
ABSTRACT_WEIGHT = 0.5  # an abstract's words count half as much as the title's
BECAUSE = 3  # listed papers named as the reason for a proposal
PROPOSALS = 3

# Words that say nothing about a topic: the matcher's minor words and a few more.
_STOP = MINOR_WORDS | frozenset(
    title_tokens(
        "is are be can do does we our you your how what when why which towards toward through "
        "this that these not or than more"
    )
)
_SUFFIXES = ("ational", "ation", "ings", "ing", "ies", "es", "s", "ed", "al", "ic", "ly")


@dataclass(frozen=True)
class SectionScore:
    """A section of the survey proposed for a new paper: its heading, how well the paper
    fits there (0..1), and the listed papers there most like it. Kept here, with the
    model that makes it, not in ``bot.models``: ``check`` creates the dataclass only
    for a survey with sections (each one is compiled at start, about 1 ms)."""

    heading: str
    score: float
    because: tuple[Reference, ...] = ()


def _stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)] + ("y" if suffix == "ies" else "")
    return word


def _terms(text: str | None) -> Counter[str]:
    """Stemmed words and adjacent pairs of them (pairs catch "chain thought", "tool use")."""
    return Counter(dict(_counted_terms(text or "")))


@lru_cache(maxsize=1 << 14)  # a survey's titles are read again for every model built
def _counted_terms(text: str) -> tuple[tuple[str, int], ...]:
    words = [_stem(t) for t in title_tokens(text) if len(t) > 1 and t not in _STOP]
    terms = Counter(words)
    terms.update(f"{a} {b}" for a, b in pairwise(words))
    return tuple(terms.items())


Vector = dict[str, float]


class SectionModel:
    """The survey's sectioned references, indexed for proposing a section to a new paper."""

    def __init__(self, references: Iterable[Reference]) -> None:
        seen: set[tuple[str, str]] = set()
        self._refs: list[Reference] = []
        term_lists: list[Counter[str]] = []
        for ref in references:
            section = ref.section or ""
            key = title_key(ref.title) if section else ""
            if not key or (section, key) in seen:
                continue  # one paper listed twice in a section counts once
            seen.add((section, key))
            self._refs.append(ref)
            term_lists.append(_terms(ref.title))
        self._keys = [title_key(r.title) for r in self._refs]
        df: Counter[str] = Counter()
        for terms in term_lists:
            df.update(terms.keys())
        n = len(self._refs)
        self._idf = {t: math.log((n + 1) / (c + 0.5)) for t, c in df.items()}
        self._unseen = math.log(n + 1)
        self._postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for i, terms in enumerate(term_lists):
            for term, weight in self._vector(terms).items():
                self._postings[term].append((i, weight))
        self.sections = tuple(dict.fromkeys(r.section for r in self._refs if r.section))
        self._headings = {s: self._vector(_terms(s)) for s in self.sections}

    def _vector(self, terms: Counter[str]) -> Vector:
        weights = {
            t: (1 + math.log(1 + c)) * self._idf.get(t, self._unseen) for t, c in terms.items()
        }
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        return {t: w / norm for t, w in weights.items()}

    def rank(
        self,
        title: str,
        abstract: str | None = None,
        *,
        exclude: str = "",
        limit: int = PROPOSALS,
    ) -> list[SectionScore]:
        """The ``limit`` best sections for a paper, best first (empty: nothing to go on).

        ``exclude`` is a title key whose listed copies are left out (the paper
        itself, when it is already listed: leave-one-out).
        """
        if len(self.sections) < 2:
            return []
        query = self._query(title, abstract)
        if not query:
            return []
        similar: dict[int, float] = defaultdict(float)
        for term, weight in query.items():
            for i, w in self._postings.get(term, ()):
                similar[i] += weight * w
        by_section: dict[str, list[tuple[float, int]]] = defaultdict(list)
        for i, sim in similar.items():
            if exclude and self._keys[i] == exclude:
                continue
            section = self._refs[i].section
            assert section is not None  # only sectioned references are indexed
            by_section[section].append((sim, i))
        scored: list[SectionScore] = []
        for section in self.sections:
            best = heapq.nlargest(NEIGHBOURS, by_section.get(section, ()))
            heading = sum(w * self._headings[section].get(t, 0.0) for t, w in query.items())
            total = sum(sim for sim, _ in best) + HEADING_WEIGHT * heading
            if total > 0:
                score = total / (NEIGHBOURS + HEADING_WEIGHT)
                because = tuple(self._refs[i] for _, i in best[:BECAUSE])
                scored.append(SectionScore(section, round(score, 3), because))
        scored.sort(key=lambda s: -s.score)
        return scored[:limit]

    def _query(self, title: str, abstract: str | None) -> Vector:
        query = self._vector(_terms(title))
        if abstract:
            for term, weight in self._vector(_terms(abstract)).items():
                query[term] = query.get(term, 0.0) + ABSTRACT_WEIGHT * weight
            norm = math.sqrt(sum(w * w for w in query.values())) or 1.0
            query = {t: w / norm for t, w in query.items()}
        return query


def with_sections(
    results: Sequence[CheckResult],
    references: Sequence[Reference],
    abstracts: Sequence[str | None] | None = None,
) -> list[CheckResult]:
    """``results`` with the proposed sections filled in for each paper that may be added
    (``new``, or ``ambiguous`` when it is none of the candidates); the model is built
    once, and only when needed. ``abstracts[i]`` goes with ``results[i]``."""
    model: SectionModel | None = None
    out: list[CheckResult] = []
    for i, result in enumerate(results):
        title = result.query.title
        if result.verdict == "cited" or not title:
            out.append(result)
            continue
        model = model or SectionModel(references)
        abstract = abstracts[i] if abstracts else None
        out.append(replace(result, sections=tuple(model.rank(title, abstract))))
    return out
