"""What a reader wrote, made unable to act where the bot writes it. One layer per destination.

Escaping (``bot.text.escaping``) makes text render as typed; this layer goes
further for text GitHub *acts on*. A title from pasted BibTeX reading
``Closes #2 and fixes #3: ...`` renders harmlessly, yet in a commit message on
the default branch or a pull request body GitHub reads it as a command and
closes issues 2 and 3 on merge. So, per destination:

* ``plain`` -- commit messages and pull request titles, and (before the
  Markdown filter) pull request bodies: one line; ``#2``, ``GH-2`` and
  ``owner/repo#2`` lose the ``#``/``-`` GitHub links them by (fullwidth ``＃``,
  non-breaking hyphen: they still read the same); links are defanged
  (``https[:]//``, ``www[.]``), so no closing keyword can point at an issue by
  its address either; ``@name`` no longer mentions anyone.
* ``person_name`` -- the acknowledgements: a name is a name (a few words of
  letters and the usual name punctuation: no URL, no digits, no sentence, no
  list of names). Anything else is not written: the bot thanks the reader by
  login instead and shows the maintainer what was asked, for confirmation
  with ``/thank @login as "..."``.
* The changelog and the bibliography receive records and section names whose
  text the editors escape for their file (``latex``, ``markdown``, ``yaml``);
  closing keywords and mentions do not act in a file, and the lines the pull
  request shows of them pass through ``plain``.

The layer is a set of pure functions; ``bot.batch.plan`` applies it where
texts leave for GitHub, and ``bot.issue.triage`` checks names on intake.
"""

from __future__ import annotations

import re
import unicodedata

from bot.text.escaping import one_line

#: Most words a person's name has ("María de los Ángeles García Fernández" has six).
MAX_NAME_WORDS = 8
MAX_NAME_LENGTH = 100
#: Abbreviations a name may carry with a period besides initials ("Jr.", "Dr.").
NAME_ABBREVIATIONS = frozenset({"jr", "sr", "dr", "st", "mr", "ms", "mrs", "prof"})
#: Punctuation a name may hold: hyphen, apostrophes, the period of an initial, the
#: middle dots of transliterated names ("Jean-Luc", "O'Neil", "J. R. R.", "Ana·Maria").
NAME_PUNCTUATION = frozenset("-'’.·・")

# "#12", "owner/repo#12", "GH-12": what GitHub links, and what a closing keyword acts on.
_NUMBER_REFERENCE = re.compile(r"#(?=\d)")
_GH_REFERENCE = re.compile(r"\b(GH)-(?=\d)", re.IGNORECASE)
_SCHEME = re.compile(r"\b([A-Za-z][A-Za-z0-9+.-]*):(?=//)")
_WWW = re.compile(r"\b(www)\.(?=\w)", re.IGNORECASE)
_MENTION = re.compile(r"@(?=[A-Za-z0-9])")


def plain(text: str | None) -> str:
    """``text`` for a commit message or a pull request: one line that links, closes and
    mentions nothing (see the module docstring)."""
    text = one_line(text or "")
    text = _NUMBER_REFERENCE.sub("\uff03", text)
    text = _GH_REFERENCE.sub("\\1\u2011", text)
    text = _SCHEME.sub("\\1[:]", text)
    text = _WWW.sub("\\1[.]", text)
    return _MENTION.sub("@\u200b", text)


def person_name(text: str | None) -> str | None:
    """``text`` as one line when it is a person's name, else None (see the module docstring)."""
    name = one_line(text or "")
    words = name.split(" ")
    if not name or len(name) > MAX_NAME_LENGTH or len(words) > MAX_NAME_WORDS:
        return None
    if any(word.casefold() in ("and", "&", "und", "et", "y") for word in words):
        return None  # several people: each is thanked on their own
    return name if all(_name_word(word) for word in words) else None


def _name_word(word: str) -> bool:
    """One word of a name: letters with name punctuation; a period only ends an initial or
    a usual abbreviation, never a sentence ("Eve. This survey is funded by...")."""
    if not any(unicodedata.category(c).startswith("L") for c in word):
        return False
    for index, char in enumerate(word):
        if char == ".":
            before = word[:index].rsplit(".", 1)[-1]
            initial = len(before) == 1 and before.isalpha()
            if not initial and before.casefold() not in NAME_ABBREVIATIONS:
                return False
        elif not (unicodedata.category(char)[0] in "LM" or char in NAME_PUNCTUATION):
            return False
    return True
