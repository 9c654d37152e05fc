"""LaTeX-to-Unicode decoding for the text inside BibTeX fields and ``.bbl`` items.

Only what reference lists actually contain: accents in every spelling
(``{\\"u}``, ``\\"{u}``, ``\\"u``, ``\\c{c}``, ``\\c c``), special letters
(``{\\ss}``, ``\\o``, ``{\\L}``), escaped specials (``\\&``, ``\\%``), dashes and
quotes (``--``, ``---``, ````...''``), ties (``~``), font commands (``\\emph``,
``{\\em ...}``, ``\\textit``), links (``\\url``, ``\\href``), a little math, and
protective braces (``{BERT}``). Unknown commands are dropped and their
arguments kept, so the result is always readable text, never an error.
"""

from __future__ import annotations

import re
import unicodedata

# Accent commands -> combining character.
_SYMBOL_ACCENTS = {
    "`": "\u0300",
    "'": "\u0301",
    "^": "\u0302",
    "~": "\u0303",
    "=": "\u0304",
    ".": "\u0307",
    '"': "\u0308",
}
_LETTER_ACCENTS = {
    "u": "\u0306",
    "H": "\u030b",
    "v": "\u030c",
    "r": "\u030a",
    "c": "\u0327",
    "k": "\u0328",
    "d": "\u0323",
    "b": "\u0331",
    "t": "\u0361",
}

# Commands that stand for one character (no argument).
_SYMBOLS = {
    "ss": "ß",
    "SS": "SS",
    "o": "ø",
    "O": "Ø",
    "ae": "æ",
    "AE": "Æ",
    "oe": "œ",
    "OE": "Œ",
    "aa": "å",
    "AA": "Å",
    "l": "ł",
    "L": "Ł",
    "i": "ı",
    "j": "ȷ",
    "dh": "ð",
    "DH": "Ð",
    "th": "þ",
    "TH": "Þ",
    "ng": "ŋ",
    "NG": "Ŋ",
    "textendash": "–",
    "textemdash": "—",
    "textquoteleft": "‘",
    "textquoteright": "’",
    "textquotedblleft": "“",
    "textquotedblright": "”",
    "textasciitilde": "~",
    "textbackslash": "\\",
    "textbar": "|",
    "textless": "<",
    "textgreater": ">",
    "textunderscore": "_",
    "textregistered": "®",
    "texttrademark": "™",
    "copyright": "©",
    "S": "§",
    "P": "¶",
    "dag": "†",
    "ddag": "‡",
    "ldots": "…",
    "dots": "…",
    "textellipsis": "…",
    "LaTeX": "LaTeX",
    "TeX": "TeX",
    "BibTeX": "BibTeX",
    "slash": "/",
    # Greek and a few math symbols that appear in titles ($\alpha$-divergence, PanGu-$\Sigma$).
    "alpha": "α",
    "beta": "β",
    "gamma": "γ",
    "delta": "δ",
    "epsilon": "ε",
    "varepsilon": "ε",
    "zeta": "ζ",
    "eta": "η",
    "theta": "θ",
    "vartheta": "θ",
    "iota": "ι",
    "kappa": "κ",
    "lambda": "λ",
    "mu": "μ",
    "nu": "ν",
    "xi": "ξ",
    "pi": "π",
    "rho": "ρ",
    "varrho": "ρ",
    "sigma": "σ",
    "varsigma": "ς",
    "tau": "τ",
    "upsilon": "υ",
    "phi": "φ",
    "varphi": "φ",
    "chi": "χ",
    "psi": "ψ",
    "omega": "ω",
    "Gamma": "Γ",
    "Delta": "Δ",
    "Theta": "Θ",
    "Lambda": "Λ",
    "Xi": "Ξ",
    "Pi": "Π",
    "Sigma": "Σ",
    "Upsilon": "Υ",
    "Phi": "Φ",
    "Psi": "Ψ",
    "Omega": "Ω",
    # Operator names: LaTeX sets them off by a thin space, and so do we.
    "log": "log ",
    "exp": "exp ",
    "max": "max ",
    "min": "min ",
    "infty": "∞",
    "times": "×",
    "cdot": "·",
    "pm": "±",
    "leq": "≤",
    "geq": "≥",
    "le": "≤",
    "ge": "≥",
    "neq": "≠",
    "approx": "≈",
    "rightarrow": "→",
    "to": "→",
    "leftarrow": "←",
    "star": "*",
    "ast": "*",
    "circ": "∘",
}

# Commands whose first argument disappears with them (\href{url}{text} -> text).
_DROP_FIRST_ARG = ("href", "bibfield", "bibinfo")
# Commands that vanish together with their argument.
_DROP_WITH_ARG = ("bibitem", "label", "cite", "citep", "citet", "hspace", "vspace", "penalty")
# Any other command (\emph, \textit, \url, {\em ...}, unknown ones) loses its name and
# keeps what follows, so its text survives.

# Escaped characters that later steps would eat are parked in private-use code points.
_ESCAPES = {"&": "&", "%": "%", "$": "\ue002", "#": "#", "_": "_", "{": "\ue000", "}": "\ue001"}
_PARKED = {"\ue000": "{", "\ue001": "}", "\ue002": "$", "\ue003": "~"}
_ESCAPE_RE = re.compile(r"\\([&%$#_{}])")

_SYMBOL_ACCENT_RE = re.compile(
    r"\\(?P<acc>[`'^~=.\"])\s*"
    r"(?:\{\s*(?P<sb>\\[ij](?![A-Za-z])|[A-Za-z]?)\s*\}|(?P<sc>\\[ij](?![A-Za-z])|[A-Za-z]))"
)
_LETTER_ACCENT_RE = re.compile(
    r"\\(?P<acc>[uHvrckdbt])(?:\s*\{\s*(?P<lb>\\[ij](?![A-Za-z])|[A-Za-z]?)\s*\}|\s+(?P<lc>[A-Za-z]))"
)
_GLUE = r"[-+]?\s*[\d.]+\s*(?:em|ex|pt|mm|cm|in|bp|sp|pc|dd|cc|fil+|mu)"
_SKIP_RE = re.compile(rf"\\[hv]skip\s*{_GLUE}(?:\s*plus\s*{_GLUE})?(?:\s*minus\s*{_GLUE})?")
_COMMAND_RE = re.compile(r"\\([A-Za-z]+)\*?\s*")
_CONTROL_SYMBOL_RE = re.compile(r"\\([^A-Za-z])")
_GROUPING_BRACE = re.compile(r"(?<!\\)[{}]")


def _accented(accent: str, base: str) -> str:
    base = {"\\i": "i", "\\j": "j"}.get(base, base)
    if not base:  # \~{} and \^{} are the characters themselves
        return {"\u0303": "\ue003", "\u0302": "^"}.get(accent, "")
    return unicodedata.normalize("NFC", base + accent)


def _symbol_accent(match: re.Match[str]) -> str:
    base = match.group("sb") if match.group("sb") is not None else match.group("sc")
    return _accented(_SYMBOL_ACCENTS[match.group("acc")], base or "")


def _letter_accent(match: re.Match[str]) -> str:
    base = match.group("lb") if match.group("lb") is not None else match.group("lc")
    return _accented(_LETTER_ACCENTS[match.group("acc")], base or "")


def _escaped(match: re.Match[str]) -> str:
    return _ESCAPES[match.group(1)]


def matching_brace(text: str, start: int) -> int:
    """Index of the ``}`` closing the ``{`` at ``start``, or -1 when it never closes."""
    depth = 0
    i = start
    while i < len(text):
        char = text[i]
        if char == "\\":
            i += 2
            continue
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return -1


def _skip_group(text: str, pos: int) -> int:
    """Position after the braced group starting at ``pos`` (after spaces), else ``pos``."""
    i = pos
    while i < len(text) and text[i] in " \t\n":
        i += 1
    if i < len(text) and text[i] == "{":
        end = matching_brace(text, i)
        if end >= 0:
            return end + 1
    elif i < len(text) and text[i] == "[":  # optional argument
        end = text.find("]", i)
        if end >= 0:
            return _skip_group(text, end + 1)
    return pos


def _decode_commands(text: str) -> str:
    out: list[str] = []
    pos = 0
    for match in _COMMAND_RE.finditer(text):
        if match.start() < pos:
            continue
        out.append(text[pos : match.start()])
        name = match.group(1)
        pos = match.end()
        if name in _SYMBOLS:
            out.append(_SYMBOLS[name])
            if text.startswith("{}", pos):
                pos += 2
        elif name in _DROP_FIRST_ARG or name in _DROP_WITH_ARG:
            pos = _skip_group(text, pos)
        # Any other command (\emph, \url, unknown ones): the name goes, a following
        # group stays and loses its braces at the end, so its text is kept.
    out.append(text[pos:])
    return "".join(out)


def decode(text: str) -> str:
    """Readable Unicode for LaTeX: ``{\\"U}ber {BERT} -- \\emph{it}`` -> ``Über BERT – it``."""
    if not text:
        return ""
    if is_plain(text):  # the common case
        return squeeze(text)
    if "\\" in text:  # commands, accents, escapes: all start with a backslash
        text = _decode_backslashes(text)
    text = text.replace("---", "—").replace("--", "–")
    text = text.replace("``", "“").replace("''", "”")
    text = text.replace("~", " ")
    text = text.replace("$", "")
    text = text.replace("{", "").replace("}", "")
    return squeeze(text if text.isascii() else _unpark(text))


def _decode_backslashes(text: str) -> str:
    """Every command, accent and escape decoded (each pass only where it can apply)."""
    if "skip" in text:
        text = _SKIP_RE.sub(" ", text)
    text = _SYMBOL_ACCENT_RE.sub(_symbol_accent, text)
    text = _LETTER_ACCENT_RE.sub(_letter_accent, text)
    text = _ESCAPE_RE.sub(_escaped, text)
    text = text.replace("\\\\", " ")  # forced line break
    text = _decode_commands(text)
    if "\\" in text:  # control symbols: what the commands left
        text = _CONTROL_SYMBOL_RE.sub(_control_symbol, text)
    return text


def _unpark(text: str) -> str:
    """The escaped characters parked in private-use code points put back (no ASCII
    text holds one)."""
    for parked, char in _PARKED.items():
        text = text.replace(parked, char)
    return text


def squeeze(text: str) -> str:
    """``text`` in NFC with its white space collapsed: all that text without LaTeX
    needs (ASCII, the commonest, is already NFC)."""
    return " ".join((text if text.isascii() else unicodedata.normalize("NFC", text)).split())


def is_plain(text: str) -> bool:
    """Whether ``text`` has no LaTeX to decode. Every title the matcher folds is
    tested, hence plain ``in`` tests: several times faster than a regex search."""
    return not (
        "\\" in text
        or "{" in text
        or "}" in text
        or "~" in text
        or "$" in text
        or "--" in text
        or "``" in text
        or "''" in text
    )


def _control_symbol(match: re.Match[str]) -> str:
    char = match.group(1)
    if char in " \n\t":
        return " "  # "\ " is a space
    if char in ",;:!>":
        return " "  # thin and medium spaces
    if char in "-/@":
        return ""  # discretionary hyphen, italic correction, sentence spacing
    return char


def strip_braces(text: str) -> str:
    """Drop grouping braces (not escaped ones) without decoding anything else."""
    return _GROUPING_BRACE.sub("", text)
