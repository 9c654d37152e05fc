"""One field of a new entry as the file would write it: escaped, protected, wrapped.

Untrusted text (titles, names, venues from metadata) goes through
``bot.text.escaping.latex`` first, so no backslash or brace of its own survives; only
then are the file's conventions applied, each adding balanced braces or fixed
commands: capitals protected as the file protects them, accents written as the file
writes them (``{\\'e}``), ``--`` for dashes, ``"`` made safe inside quoted values, and
long values wrapped at the file's width with its continuation indent.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from bot.editors.bibtex.columns import width as shown
from bot.editors.bibtex.style import BibStyle, TitleStyle, word_class
from bot.editors.common import split_name
from bot.editors.dates import MONTHS
from bot.text.escaping import latex
from bot.text.initials import initialled

_COMBINING = {
    "\u0300": "`",
    "\u0301": "'",
    "\u0302": "^",
    "\u0303": "~",
    "\u0304": "=",
    "\u0307": ".",
    "\u0308": '"',
    "\u0306": "u",
    "\u030b": "H",
    "\u030c": "v",
    "\u030a": "r",
    "\u0327": "c",
    "\u0328": "k",
}
_LETTERS = {
    "ß": "ss",
    "ø": "o",
    "Ø": "O",
    "æ": "ae",
    "Æ": "AE",
    "œ": "oe",
    "Œ": "OE",
    "ł": "l",
    "Ł": "L",
    "đ": "dj",
    "ı": "i",
}


def _accent(base: str, mark: str, form: str, dotless: bool) -> str:
    command = _COMBINING[mark]
    if base == "i" and dotless:
        base = "\\i"
    letter_command = command.isalpha()
    if form == "{\\'{e}}":
        return f"{{\\{command}{{{base}}}}}"
    if form == "\\'{e}" or (form == "\\'e" and letter_command):
        return f"\\{command}{{{base}}}"
    if form == "\\'e":
        # ``\'\irez`` would read as a command ``\irez``: the dotless i ends with ``{}``
        return f"\\{command}{base}" + ("{}" if base == "\\i" else "")
    return f"{{\\{command}{' ' if letter_command else ''}{base}}}"


def encode_accents(text: str, form: str | None, dotless: bool = False) -> str:
    """Accented letters in LaTeX, the way the file writes them (``form``), or as UTF-8."""
    if form is None or text.isascii():
        return text
    out: list[str] = []
    for char in text:
        if char in _LETTERS:
            name = _LETTERS[char]
            out.append(f"{{\\{name}}}" if form != "\\'e" else f"\\{name}{{}}")
            continue
        decomposed = unicodedata.normalize("NFD", char)
        if len(decomposed) == 2 and decomposed[0].isascii() and decomposed[1] in _COMBINING:
            out.append(_accent(decomposed[0], decomposed[1], form, dotless))
        else:
            out.append(char)
    return "".join(out)


def _bare_letters(token: str) -> str:
    """The token's letters and hyphens (a compound is classed part by part)."""
    token = re.sub(r"\\[A-Za-z]+(?:\{\})?|\\.", "", token)
    return re.sub(r"[^A-Za-z-]", "", token)


def _protect_token(token: str, style: TitleStyle, first: bool) -> str:
    """``token`` with its capitals braced as ``style`` says. The title's first word keeps
    its capital in every style, but only its first part: Zotero writes "Image-{Based}"."""
    kind = word_class(_bare_letters(token))
    if first and kind in {"single", "capital"} and "-" not in token:
        return token
    if not style.protects(kind):
        return token
    if "\\" in token or style.punct_inside:
        return f"{{{token}}}"
    lead = re.search(r"[A-Za-z0-9]", token)
    opening = lead.start() if first and lead else -1  # where the exempt first part starts

    def kept(run: str, at: int) -> bool:
        run_kind = word_class(run)
        exempt = at == opening and run_kind in {"single", "capital"}
        return style.protects(run_kind) and not exempt

    if style.letters:
        return re.sub(
            r"[A-Z]+", lambda m: m[0] if m.start() == opening else "{" + m[0] + "}", token
        )

    def core(match: re.Match[str]) -> str:
        run = match.group(0)
        parts = run.split("-")
        starts = [match.start() + sum(len(p) + 1 for p in parts[:n]) for n in range(len(parts))]
        placed = list(zip(parts, starts, strict=True))
        lettered = [(p, at) for p, at in placed if re.search(r"[A-Za-z]", p)]
        if len(parts) > 1 and lettered and all(kept(p, at) for p, at in lettered):
            return f"{{{run}}}"  # {MIMIC-IV}, {GPT-4}
        return "-".join(f"{{{p}}}" if kept(p, at) else p for p, at in placed)

    runs = r"[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*" if style.hyphen_inside else r"[A-Za-z0-9]+"
    return re.sub(runs, core, token)


def protect_title(escaped: str, style: TitleStyle) -> str:
    """The (already escaped) title with its capitals braced as the file braces them."""
    if style.outer:
        return "{" + escaped + "}"
    if not (style.upper or style.mixed or style.single or style.capitals):
        return escaped
    tokens = escaped.split(" ")
    return " ".join(_protect_token(t, style, i == 0) for i, t in enumerate(tokens))


def encode_text(
    text: str, style: BibStyle, protect: TitleStyle | None = None, *, quoted: bool = False
) -> str:
    """Untrusted ``text`` as the value of a field in this file (without delimiters),
    its capitals braced as ``protect`` says (titles, venues); ``quoted``: inside ``"..."``,
    where a ``"`` of the text would end the value."""
    value = latex(text)
    if quoted:
        value = value.replace('"', '{"}')
    if style.braced_escapes:
        value = re.sub(r"\\[&%$#_]", lambda m: "{" + m.group(0) + "}", value)
    if style.tex_dashes:
        value = value.replace("—", "---").replace("–", "--")
    if style.tex_quotes:
        value = value.replace("“", "``").replace("”", "''")
    if protect is not None:
        value = protect_title(value, protect)
    return encode_accents(value, style.accents, style.dotless_i)


_CORPORATE = re.compile(
    r"\b(?:collaboration|consortium|team|group|community|project|initiative|organization|"
    r"organisation|institute|university|association|council|committee|foundation)\b",
    re.IGNORECASE,
)


def format_name(name: str, style: BibStyle, *, quoted: bool = False) -> str:
    """One author, escaped, in the file's name order and initials; an organisation whole."""
    name = " ".join(name.split())
    if name.lower() == "others":  # BibTeX's own "and others"
        return "others"
    if _CORPORATE.search(name) or (name.startswith("{") and name.endswith("}")):
        return "{" + encode_text(name.strip("{}"), style, quoted=quoted) + "}"
    first, last, suffix = split_name(name)
    if style.initials is not None and first:
        first = initialled(first, style.initials)
    surname = encode_text(last, style, quoted=quoted) if last else ""
    if re.search(r"\band\b", last, re.IGNORECASE):
        surname = "{" + surname + "}"  # "and" inside a name would split it in two
    given = encode_text(first, style, quoted=quoted) if first else ""
    junior = encode_text(suffix, style, quoted=quoted) if suffix else ""
    if style.name_hyphen != "-":
        surname, given = (re.sub(r"(?<=\w)-(?=\w)", style.name_hyphen, p) for p in (surname, given))
    if style.names_last_first:
        return ", ".join(p for p in (surname, junior, given) if p)
    return " ".join(p for p in (given, surname, junior) if p)


def format_month(month: int, style: BibStyle) -> tuple[str, bool]:
    """The month as the file writes it, and whether it goes without delimiters (a macro)."""
    names = MONTHS
    if style.month_form == "number":
        return str(month), False
    if style.month_form == "name":
        return names[month - 1], False
    if style.month_form == "abbrev":
        return names[month - 1][:3], False
    return names[month - 1][:3].lower(), True


def wrap(
    first_prefix: str,
    words: Sequence[str],
    continuation: str,
    closing: str,
    width: int | None,
    overflow: tuple[int, int] | None = None,
) -> list[str]:
    """Lines holding ``words`` after ``first_prefix``, greedily filled up to ``width``
    (columns as shown: a tab runs to its tab stop);
    or, with ``overflow`` (the width, and where the first line's count starts), each line
    running on to the end of the word that reaches the width (JabRef 2)."""
    if overflow is not None:
        return _overflow_wrap(first_prefix, words, continuation, closing, overflow)
    lines: list[str] = []
    current = first_prefix
    started = False
    for index, word in enumerate(words):
        tail = closing if index == len(words) - 1 else ""
        candidate = f"{current} {word}" if started else current + word
        if width is not None and started and shown(candidate + tail) > width:
            lines.append(current)
            current = continuation + word
        else:
            current = candidate
        started = True
    lines.append(current + closing)
    return lines


def _overflow_wrap(
    first_prefix: str,
    words: Sequence[str],
    continuation: str,
    closing: str,
    overflow: tuple[int, int],
) -> list[str]:
    width, counted_from = overflow
    lines: list[str] = []
    current = first_prefix
    for index, word in enumerate(words):
        current += word
        if index == len(words) - 1:
            break
        if len(current) - counted_from >= width:
            lines.append(current)
            current, counted_from = continuation, 0
        else:
            current += " "
    lines.append(current + closing)
    return lines
