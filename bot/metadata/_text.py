"""Small text helpers shared by the clients: whitespace, entities, title comparison.

The title normal form is the matcher's (``bot.text.normalize``); what stays here is the
resolver's hit check, stricter than a duplicate check: a wrong paper is worse than none.
"""

from __future__ import annotations

import html
import re

from bot.text import normalize as textnorm

# A title search accepts a hit only at or above this similarity (0..1) of the
# normalised titles: "Not All Attention Is All You Need" (0.86) must not pass for
# "Attention Is All You Need". A wrong hit is worse than none.
TITLE_THRESHOLD = 0.92
# Below this many characters (normalised) only an exact match counts.
SHORT_TITLE = 16

_TAG = re.compile(r"<[^>]+>")
_LATEX_CMD = re.compile(r"\\[a-zA-Z]+\*?")


def collapse(text: str | None) -> str:
    """Whitespace runs (newlines, indentation, NBSP) to one space, ends trimmed."""
    if not text:
        return ""
    return " ".join(text.split())


def clean(text: str | None) -> str:
    """Collapse whitespace, unescape HTML entities and drop markup tags (JATS, <i>)."""
    if not text:
        return ""
    return collapse(html.unescape(_TAG.sub(" ", text)))


def normalize_title(title: str | None) -> str:
    """The matcher's ``textnorm.normalize_title`` of a service's title, markup removed first.

    Services send HTML entities and tags (Crossref's JATS ``<i>``) that a survey's
    own files do not have; past that, a hit's title is normalised as the matcher
    normalises references, so both agree on accents, LaTeX, ``&`` and apostrophes.
    """
    return textnorm.normalize_title(clean(title))


def _unmatched_words(a: list[str], b: list[str]) -> bool:
    """True when a word of ``a`` has no counterpart in ``b``.

    A counterpart is the same word, or a spelling variant of a word that ``b`` has
    and ``a`` lacks (``optimisation``/``optimization``, ``network``/``networks``).
    Short words and numbers must match exactly: "not", "of"/"on", "2"/"3" change
    which paper a title names.
    """
    from rapidfuzz import fuzz

    only_b = [w for w in b if w not in a]
    for word in a:
        if word in b:
            continue
        if len(word) < 4 or word.isdigit():
            return True
        if not any(len(v) >= 4 and fuzz.ratio(word, v) >= 80 for v in only_b):
            return True
    return False


def title_similarity(a: str | None, b: str | None) -> float:
    """0..1 similarity of two titles after ``normalize_title`` (1.0: the same words).

    Character similarity of the titles without spaces ("pre-training" equals
    "pretraining"), but 0.0 as soon as one title has a word the other lacks.
    """
    from rapidfuzz import fuzz  # lazy: keeps `import bot.metadata` light

    na, nb = normalize_title(a), normalize_title(b)
    if not na or not nb:
        return 0.0
    ca, cb = na.replace(" ", ""), nb.replace(" ", "")
    if ca == cb:
        return 1.0
    if min(len(ca), len(cb)) < SHORT_TITLE:
        return 0.0
    wa, wb = na.split(), nb.split()
    if _unmatched_words(wa, wb) or _unmatched_words(wb, wa):
        return 0.0
    return fuzz.ratio(ca, cb) / 100.0


def same_title(a: str | None, b: str | None) -> bool:
    """True when two titles are the same paper's title, strictly."""
    return title_similarity(a, b) >= TITLE_THRESHOLD


def search_terms(title: str) -> str:
    """A title reduced to plain words for a search box (no quotes, colons or operators)."""
    text = clean(title)
    text = _LATEX_CMD.sub(" ", text)
    return collapse(re.sub(r"[^\w\s\-]+", " ", text))


# DOI prefixes of preprint servers: such a DOI is not "the published version".
PREPRINT_DOI_PREFIXES = frozenset({
    "10.48550",  # arXiv (DataCite)
    "10.1101",  # bioRxiv, medRxiv
    "10.2139",  # SSRN
    "10.20944",  # Preprints.org
    "10.21203",  # Research Square
    "10.31219", "10.31234", "10.31235", "10.31222",  # OSF preprints
    "10.36227",  # TechRxiv
    "10.26434",  # ChemRxiv
    "10.22541",  # Authorea
})


def is_preprint_doi(doi: str | None) -> bool:
    if not doi:
        return False
    return doi.split("/", 1)[0] in PREPRINT_DOI_PREFIXES


def is_preprint_venue(venue: str | None) -> bool:
    """True for no venue or a preprint server's (``arXiv``, ``CoRR``, ``bioRxiv``)."""
    lowered = (venue or "").lower()
    return not lowered or "arxiv" in lowered or lowered in {"corr", "biorxiv", "medrxiv"}
