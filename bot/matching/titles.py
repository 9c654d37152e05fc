"""Are two titles the same title? A word-by-word comparison.

Differences that do not change the paper (a typo in a long word, where a
swapped pair of letters is one slip; a plural "s"; a lost PDF ligature; a
compound written apart; ``the``/``of``-type words) are counted apart
from those that do (a number or version, a one-letter suffix like ``PaLM-E``, a
one-letter change in a name like Mistral/Mixtral, an added ``Are``/``Not``, a
content word): ``bot.matching.evidence`` weighs the counts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import cast

from rapidfuzz.distance import OSA, Indel, Levenshtein

from bot.text import normalize as textnorm

# Words whose presence or absence does not make a different paper. Everything
# else is significant, including function words that change the meaning
# ("Are ...", "Not All ...", "Without ...", "Beyond ...").
MINOR_WORDS = frozenset(
    textnorm.title_tokens(  # as tokens: the form they are compared in
        "a an the of for on in to with and via by from at as into onto using its their"
    )
)


@dataclass
class TitleDiff:
    """What differs between two titles, word by word, counted by kind."""

    significant: int = 0  # content-word differences (a substitution counts once)
    strong: bool = False  # a number, version or one-letter suffix differs
    minor: int = 0  # differences in MINOR_WORDS
    typos: int = 0  # one-letter slips in long words
    slips: int = 0  # of the significant differences, one-letter slips in short words ("Ned")


def _typo(a: str, b: str) -> bool:
    """A slip in a long word ("Transfomer", "Modles": a swapped pair is one edit) or a
    one-letter grammatical variant ("work"/"works")."""
    if not (a.isalpha() and b.isalpha()):
        return False
    shorter = min(len(a), len(b))
    if shorter >= 3 and 0 < abs(len(a) - len(b)) <= 2 and _inflected(a, b):
        return True
    if shorter < 5:
        return False
    limit = 2 if shorter >= 9 else 1
    if OSA.distance(a, b, score_cutoff=2) <= limit:
        return True
    # "unifeid" for "unified", which the ligature fold keys as "uniied" (``textnorm``).
    return ("f" in a or "f" in b) and OSA.distance(
        a.replace("f", ""), b.replace("f", ""), score_cutoff=2
    ) <= limit


def _name_typo(a: str, b: str) -> bool:
    """A slip that does not make another name: two letters swapped ("Tranfsormers"), or a
    letter dropped or added inside a word ("Hipos", "Mdels").
    Model names differ by a changed letter (Mistral/Mixtral) or an added last one
    (BLOOM/BLOOMZ), so those stay different names."""
    if not (a.isalpha() and b.isalpha()) or min(len(a), len(b)) < 5:
        return False
    if sorted(a) == sorted(b):
        return OSA.distance(a, b, score_cutoff=1) <= 1
    short, long_ = sorted((a, b), key=len)
    if len(long_) - len(short) != 1:
        return False
    # A letter before f/i/l may stand for an "f" that the ligature fold dropped from the
    # other word ("OneFlow" keys as "onelow"): "Onexlow" changed a letter, it added none.
    return any(
        long_[:i] + long_[i + 1 :] == short
        and long_[i + 1] not in "fil"
        for i in range(1, len(long_) - 1)
    )


def _inflected(a: str, b: str) -> bool:
    """One word is the other's plural: "work"/"works", "process"/"processes"."""
    short, long_ = sorted((a, b), key=len)
    return long_ in (short + "s", short + "es") or (
        short.endswith("y") and long_ == short[:-1] + "ies"
    )


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


def _small_word_slip(a: str, b: str) -> bool:
    """A small word ("for", "in", "by", "the") with a letter dropped or two swapped: "fo",
    "ni", "yb", "teh". Never one that grew a letter: "fork" is no "for"."""
    if (a in MINOR_WORDS) == (b in MINOR_WORDS) or not (a.isalpha() and b.isalpha()):
        return False
    small, other = (a, b) if a in MINOR_WORDS else (b, a)
    return len(other) <= len(small) and OSA.distance(small, other, score_cutoff=1) <= 1


def _slip(a: str, b: str) -> bool:
    if not (a.isalpha() and b.isalpha()) or min(len(a), len(b)) < 3:
        return False
    return OSA.distance(a, b, score_cutoff=1) <= 1


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


# (tag, start and end in the first sequence, start and end in the second.)
_Opcode = tuple[str, int, int, int, int]
# Closes the last run of unequal words, as an equal stretch would.
_END: _Opcode = ("equal", 0, 0, 0, 0)


def _unequal_words(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[list[str], list[str]]:
    """The words of ``a`` and of ``b`` outside their common subsequence, less the runs
    that are one word written apart ("pretraining" / "pre training")."""
    only_a: list[str] = []
    only_b: list[str] = []
    block_a: list[str] = []
    block_b: list[str] = []
    # The opcodes as tuples (``as_list``; rapidfuzz's stubs call them Opcode objects): a
    # third of the cost of reading Opcode objects' attributes.
    opcodes = cast("list[_Opcode]", Indel.opcodes(a, b).as_list())
    for tag, a_start, a_end, b_start, b_end in [*opcodes, _END]:
        if tag != "equal":
            block_a += a[a_start:a_end]
            block_b += b[b_start:b_end]
        elif block_a and block_b:  # words on both sides: the same words written apart?
            if textnorm.join_tokens(block_a) != textnorm.join_tokens(block_b):
                _cancel_compounds(block_a, block_b)
                only_a += block_a
                only_b += block_b
            block_a, block_b = [], []
        elif block_a or block_b:  # words on one side only: nothing to join or cancel
            only_a += block_a
            only_b += block_b
            block_a, block_b = [], []
    return only_a, only_b


def title_diff(a: tuple[str, ...], b: tuple[str, ...], names: frozenset[str]) -> TitleDiff:
    only_a, only_b = _unequal_words(a, b)
    diff = TitleDiff()
    if only_a and only_b:  # a moved word or a pair needs a word on each side
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
            lambda x, y: (
                _typo(x, y) and (_ligature_lost(x, y) or not names & {x, y} or _name_typo(x, y))
            ),
        )
        # A misspelt small word ("fo" for "for"): a difference in a small word, as before.
        diff.minor += _pair_off(only_a, only_b, _small_word_slip)
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
