"""Normalise titles and author names so that one paper's spellings compare equal.

The same title reaches the bot from BibTeX (``{BERT}: Pre-training``,
``Schr{\\"o}dinger``), from PDF text (``Suther-land``, ``eficient`` after a lost
``ﬃ`` ligature), from a reader's issue (curly quotes, ``&``) and from metadata
services (Unicode accents, en dashes). Everything here is a pure string
function; the matcher calls it once per reference when it builds its index.

Three views of a title:

* :func:`normalize_title`: readable, lower-case ASCII words
  (``"bert pre training of deep bidirectional transformers"``);
* :func:`title_tokens`: the words the matcher compares. Hyphens and letter/digit
  boundaries split words (``GPT-4`` and ``GPT4`` both give ``gpt 4``) and
  ``f`` before ``f``/``i``/``l`` is dropped, so that a lossy PDF ligature
  (``eficient``, ``Chafin``, ``worklow``) and the intact word collide;
* :func:`title_key`: the one comparison key for titles: the matcher's (as
  :func:`join_tokens` of the tokens), the intake's (one paper named twice in an
  issue) and the editors' (a paper already in the ``.bib`` or the list). Its
  normal form, each step undoing one way a title's spelling varies:

  1. HTML character references (``&amp;``, ``&#39;``) and LaTeX decoded
     (:func:`bot.text.latex.decode`: ``Schr{\\"o}dinger``,
     ``\\href{url}{text}`` -> ``text``, ``\\&`` -> ``&``);
  2. accents folded to the base letter (``é`` -> ``e``); letters without a
     decomposition spelled out (``ß`` -> ``ss``, ``ø`` -> ``o``, ``ł`` -> ``l``,
     ``α`` -> ``alpha``); invisible characters and soft hyphens dropped;
  3. ligatures expanded (``ﬁ`` -> ``fi``, ``æ`` -> ``ae``, ``œ`` -> ``oe``) and
     then ``f`` before ``f``/``i``/``l`` dropped, so that a ligature lost in PDF
     text keys as the intact word (``eficient`` and ``efficient`` -> ``eicient``);
  4. lower case, ``&`` read as ``and``;
  5. line-end hyphenation undone (``Suther- land``), then every character that
     is not a letter or digit removed (punctuation, hyphens, apostrophes, white
     space): ``pre-training``, ``pre training`` and ``pretraining`` are one key.
     Letters of every script stay (``大模型综述``).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from sys import intern
from typing import NamedTuple

from bot.text import latex


def _word_list(text: str) -> list[str]:
    return text.split()


# ---------------------------------------------------------------------------
# Unicode

_GREEK_NAMES = _word_list(
    "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho "
    "sigma tau upsilon phi chi psi omega"
)
_CHAR_MAP = {
    "ß": "ss",
    "ẞ": "SS",
    "æ": "ae",
    "Æ": "AE",
    "œ": "oe",
    "Œ": "OE",
    "ø": "o",
    "Ø": "O",
    "ł": "l",
    "Ł": "L",
    "đ": "d",
    "Đ": "D",
    "ð": "d",
    "Ð": "D",
    "þ": "th",
    "Þ": "Th",
    "ı": "i",
    "ȷ": "j",
    "ŋ": "ng",
    "Ŋ": "Ng",
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "\u00b4": "'",
    "`": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u00ab": '"',
    "\u00bb": '"',
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u2015": "-",
    "\u2212": "-",
    "\u00a0": " ",
    "\u00ad": "",  # soft hyphen: PDF line-break hyphenation
}
_GREEK_LETTERS = "αβγδεζηθικλμνξοπρστυφχψω"
for _letter, _name in zip(_GREEK_LETTERS, _GREEK_NAMES, strict=True):
    _CHAR_MAP[_letter] = f" {_name} "
    _CHAR_MAP[_letter.upper()] = f" {_name} "
_CHAR_MAP["ς"] = " sigma "
_CHAR_MAP["ϵ"] = " epsilon "
_CHAR_MAP["ϕ"] = " phi "
_CHAR_MAP["µ"] = " mu "
_TRANSLATE = str.maketrans(_CHAR_MAP)


class _Unaccent(dict[int, "int | str | None"]):
    """A ``str.translate`` table that drops combining marks and maps the letters of
    ``_CHAR_MAP``: one pass in C, each character's entry worked out when first seen."""

    def __missing__(self, code: int) -> int | str | None:
        char = chr(code)
        value = None if unicodedata.combining(char) else _CHAR_MAP.get(char, code)
        self[code] = value
        return value


_UNACCENT = _Unaccent()
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
# An HTML character reference (``&amp;``, ``&#39;``, ``&#x2014;``), as web pages, feeds
# and issue text copied from them carry in titles.
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def fold(text: str | None) -> str:
    """ASCII-ish plain text: HTML character references and LaTeX decoded
    (:func:`bot.text.latex.decode`), accents stripped (NFKD, so ``ﬁ`` -> ``fi``),
    curly quotes straightened, every dash a hyphen, whitespace collapsed. Case kept."""
    if not text:
        return ""
    if "&" in text and _ENTITY.search(text):
        import html  # with its table of 2,000 entities: only for the few texts that need it

        text = html.unescape(text)
    if not latex.is_plain(text):
        text = latex.decode(text)
    text = text.replace("`", "'")  # the one ASCII character folded
    if not text.isascii():
        text = _NON_ASCII.sub(_fold_run, text)
    return " ".join(text.split())


def _fold_run(run: re.Match[str]) -> str:
    """A run of characters other than ASCII, folded: invisible ones dropped, those of
    ``_CHAR_MAP`` spelt out, then accents (NFKD's combining marks) dropped and letters
    NFKD leaves alone (ø, ł, ...) mapped.

    Only the runs go through the tables, whose ``translate`` reads a character at a
    time through Python's lookup (a title with one accented letter among sixty costs
    about 50,000 instructions less). The same text as folding it whole: ASCII is left as
    it is, and NFKD never reorders marks across it. (Of the two characters whose NFKD
    holds a "`", U+1FEF and U+FF40, each now gives "'", where folding whole kept the
    "`" in a text otherwise ASCII after NFKD.)"""
    text = unicodedata.normalize("NFKD", _INVISIBLE.sub("", run[0]).translate(_TRANSLATE))
    return text.translate(_UNACCENT)


# ---------------------------------------------------------------------------
# Titles

# A hyphen at a line end, joined by white space to the rest of the word
# ("Suther- land"); not a suspended hyphen ("pre- and post-training").
_LINE_END_HYPHEN = re.compile(r"(?<=[A-Za-z])-\s+(?!(?:and|or|to|und|et)\b)(?=[a-z])")
_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)|(?<=s)'(?!\w)")
_NON_WORD = re.compile(r"[^a-z0-9]+")
_KEY_NON_WORD = re.compile(r"[\W_]+")
# A token: letters or digits, so that "gpt4" and "gpt-4" give the same two; in Chinese,
# Japanese and Korean, which write no spaces between words, each character (a title of
# them alone would otherwise have no token, and could never be found).
_TOKEN = r"[a-z]+|[0-9]+|[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]"
# The tokens of ASCII text, all but the fewest titles once folded. ``_TOKEN`` is compiled
# when first used (``re`` keeps it): compiling it costs 19 M instructions (1.6% of a warm
# ``check``), ``re`` setting its 40,000 ideographs one by one in a table.
_ASCII_TOKEN = re.compile(r"[a-z]+|[0-9]+")
_LIGATURE = re.compile(r"f(?=[fil])")
# A subtitle starts after a colon, or a dash set off by spaces.
_SUBTITLE = re.compile(r"\s*:\s*|\s+-{1,3}\s+")


def _plain_title(title: str | None) -> str:
    """Folded, lower-cased title with line-end hyphenation undone; punctuation kept."""
    text = fold(title)
    if "- " in text:  # white space in ``fold``'s text is single spaces: no pass for "Pre-training"
        text = _LINE_END_HYPHEN.sub("", text)
    return text.lower().replace("&", " and ")


def normalize_title(title: str | None) -> str:
    """Readable normal form: lower-case ASCII words separated by single spaces.

    >>> normalize_title("{BERT}: Pre-training of Deep Bidirectional Transformers.")
    'bert pre training of deep bidirectional transformers'
    """
    text = _APOSTROPHE.sub("", _plain_title(title))
    return _NON_WORD.sub(" ", text).strip()


def _tokens_of_plain(plain: str) -> list[str]:
    if "'" in plain:
        plain = _APOSTROPHE.sub("", plain)
    # One ligature pass over the whole text, not one per word: "f" is dropped only
    # before a letter, and letters stay next to the same letters when the text is cut
    # into tokens. Tokens recur across titles: one string each.
    plain = _LIGATURE.sub("", plain)
    words = _ASCII_TOKEN.findall(plain) if plain.isascii() else re.findall(_TOKEN, plain)
    return list(map(intern, words))


def title_tokens(title: str | None) -> list[str]:
    """The words the matcher compares (see the module docstring).

    >>> title_tokens("GPT-4 Technical Report")
    ['gpt', '4', 'technical', 'report']
    >>> title_tokens("Eficient Worklow") == title_tokens("Efficient Workflow")
    True
    """
    return _tokens_of_plain(_plain_title(title))


@lru_cache(maxsize=1 << 16)  # intake compares every pair of an issue's candidates
def title_key(title: str | None) -> str:
    """The one comparison key for titles: equal keys, same title (see the module docstring).

    >>> title_key("{BERT}: Pre-training of Deep Bidirectional Transformers.")
    'bertpretrainingofdeepbidirectionaltransformers'
    >>> title_key("Eﬃcient Größe") == title_key("Eficient Grosse") == "eicientgrosse"
    True

    For a title in Latin script or in Chinese, Japanese or Korean it is
    ``join_tokens(title_tokens(title))``, the matcher's own key; letters of other
    scripts (Cyrillic, Arabic) are kept, where the matcher's tokens drop them.
    """
    return _LIGATURE.sub("", _KEY_NON_WORD.sub("", _plain_title(title)))


def join_tokens(tokens: list[str] | tuple[str, ...]) -> str:
    """Tokens joined without spaces, ligatures folded again across the joins
    (``Eff-icient`` -> ``ef`` + ``icient`` -> ``eicient``, as ``efficient``)."""
    return _LIGATURE.sub("", "".join(tokens))


def split_title(title: str | None) -> tuple[list[str], list[str]]:
    """(main title tokens, subtitle tokens); the subtitle is empty when there is none.

    >>> split_title("PaLM: Scaling Language Modeling with Pathways")[0]
    ['palm']
    """
    parts = analyse_title(title)
    return parts.main, parts.sub


class TitleParts(NamedTuple):
    """A title's tokens in the parts the matcher compares."""

    main: list[str]  # before the colon (all of it when there is no subtitle)
    sub: list[str]  # the subtitle, empty when there is none
    question: bool
    nickname: list[str]  # a leading "Nick:" or trailing "(Nick)", empty when none
    bare: list[str]  # the title without that nickname, empty when none


def analyse_title(title: str | None) -> TitleParts:
    """The title's parts (see :class:`TitleParts`), folding the text once."""
    plain = _plain_title(title)
    question = plain.rstrip(" .)]}\"'").endswith("?")
    # White space in ``plain`` is single spaces (``fold``): no ":" nor " -", no subtitle.
    parts = _SUBTITLE.split(plain, maxsplit=1) if ":" in plain or " -" in plain else [plain]
    if len(parts) == 1:
        main, sub = _tokens_of_plain(plain), []
    else:
        main, sub = _tokens_of_plain(parts[0]), _tokens_of_plain(parts[1])
        if not main or not sub:
            main, sub = main + sub, []
    nickname, bare = _trailing_name(plain) or ([], [])
    if not nickname and sub and len(parts[0].split()) <= NICKNAME_WORDS and len(sub) >= _MIN_REST:
        nickname, bare = main, sub
    return TitleParts(main, sub, question, nickname, bare)


# A short name in parentheses closing a title: "... Transformer (T5)", "(GELUs)".
_TRAILING_NAME = re.compile(r"\s*[(\[]([^()\[\]]{1,30})[)\]]\s*[.?!]?\s*$")
NICKNAME_WORDS = 3  # a nickname ("T5", "Llama 2", "GPT-NeoX-20B") is at most this many words
_MIN_REST = 3  # tokens the title must keep without its nickname


def nickname_split(title: str | None) -> tuple[list[str], list[str]] | None:
    """(nickname tokens, the other tokens) when the title leads with a short name
    ("T5: Exploring the Limits ...") or closes with one in parentheses ("... (T5)").

    Readers and lists add or drop such a name; the rest is the paper's title. None
    when there is no nickname, or when too little would be left without it.

    >>> nickname_split("Exploring the Limits of Transfer Learning (T5)")[0]
    ['t', '5']
    """
    parts = analyse_title(title)
    return (parts.nickname, parts.bare) if parts.nickname else None


def _trailing_name(plain: str) -> tuple[list[str], list[str]] | None:
    """(name, the other tokens) of a title closing with a short name in parentheses."""
    if not plain.rstrip(" .?!").endswith((")", "]")):
        return None
    trailing = _TRAILING_NAME.search(plain)
    if trailing and len(trailing.group(1).split()) <= NICKNAME_WORDS:
        rest = _tokens_of_plain(plain[: trailing.start()])
        name = _tokens_of_plain(trailing.group(1))
        if name and len(rest) >= _MIN_REST:
            return name, rest
    return None


# ---------------------------------------------------------------------------
# Author names

_SUFFIXES = frozenset(_word_list("jr sr ii iii iv phd"))
_ET_AL = re.compile(r"^(?:et\.?\s*al\.?|others|and others|etc\.?)$", re.IGNORECASE)
_NAME_WORD = re.compile(r"[a-z0-9]+")
_INITIALS = re.compile(r"[A-Z]{1,3}\.?")  # "A", "AN.": given names in PubMed order


@lru_cache(maxsize=256)  # a name is folded for its surname, then its words and initial
def fold_name(name: str) -> str:
    """``fold`` of an author's name, kept for the next few names: the matcher reads a
    name's surname, words and initial in turn, each cached apart, and folding (its LaTeX
    and accents) is the costliest step of each."""
    return fold(name)


def _name_words(text: str) -> list[str]:
    """Lower-case words of a name; a hyphenated surname is one word."""
    return _folded_name_words(fold(text))


def _folded_name_words(folded: str) -> list[str]:
    """``_name_words`` of a name already folded: a name is folded once, not per use
    (``fold`` decodes its LaTeX, the costliest step)."""
    return _NAME_WORD.findall(folded.lower().replace("-", "").replace("'", ""))


@lru_cache(maxsize=1 << 16)  # the same authors recur across a survey's references
def surname(name: str | None) -> str:
    """The family name of one author, normalised: ``"Karafiát, Martin"``,
    ``"Martin Karafi{\\'a}t"`` and ``"M. Karafiat"`` all give ``"karafiat"``.

    It is the last word of the family name, so that both name orders agree on
    ``van der Maaten`` (``maaten``) and ``Quoc V. Le`` stays ``le``.
    Returns ``""`` for an empty name or ``et al.``.
    """
    if not name:
        return ""
    name = name.strip()
    folded = fold_name(name)
    if not name or _ET_AL.match(folded):
        return ""
    if "," in name:
        head, _, rest = name.partition(",")
        words = _name_words(head)
        if words and words[-1] in _SUFFIXES:  # "King, Jr., Martin Luther"
            words = words[:-1]
        if not words:
            words = _name_words(rest)
    else:
        raw = folded.split()
        words = _folded_name_words(folded)
        while words and words[-1] in _SUFFIXES:
            words.pop()
            raw = raw[:-1]
        # "Vaswani A" / "Vaswani AN" (PubMed order): a trailing block of initials.
        if len(words) >= 2 and raw and _INITIALS.fullmatch(raw[-1]):
            words = words[:-1]
            return words[0] if words else ""
    return words[-1] if words else ""


@lru_cache(maxsize=1 << 16)
def given_initial(name: str | None) -> str:
    """The first letter of an author's first given name, lower case, or ``""``:
    ``"Vaswani, Ashish"``, ``"A. Vaswani"`` and ``"Vaswani A"`` all give ``"a"``."""
    if not name:
        return ""
    text = fold_name(name).strip()
    if "," in text:
        for part in text.split(",")[1:]:
            words: list[str] = _NAME_WORD.findall(part.lower())  # no groups: whole matches
            if words and words[0] not in _SUFFIXES:
                return words[0][0]
        return ""
    raw = text.split()
    if len(raw) >= 2 and _INITIALS.fullmatch(raw[-1]):  # "Vaswani A"
        return raw[-1][0].lower()
    words = _NAME_WORD.findall(text.lower())
    return words[0][0] if len(words) >= 2 else ""


@lru_cache(maxsize=1 << 16)
def name_words(name: str | None) -> frozenset[str]:
    """Every word of a name longer than an initial (for lenient order-free comparison)."""
    if not name:
        return frozenset()
    words = _folded_name_words(fold_name(name))
    return frozenset(w for w in words if len(w) > 1 and w not in _SUFFIXES)
