"""Just enough BibTeX to read the one entry a reader pasted into a suggestion.

Reads ``@type{key, name = {value} | "value" | bare, ...}`` with nested braces
and ``#`` concatenation, turns common LaTeX accents into Unicode, and splits
``author`` into display names (``Last, First`` -> ``First Last``). Tolerant by
design: whatever it cannot read is simply absent.
"""

from __future__ import annotations

import re
import unicodedata

from bot.identifiers import arxiv_from_doi, normalize_arxiv, normalize_doi
from bot.metadata._text import collapse

_HEAD = re.compile(r"@\s*(\w+)\s*[{(]\s*([^,\s]*)\s*,", re.S)
_NAME = re.compile(r"\s*,?\s*([A-Za-z][\w\-:.]*)\s*=\s*", re.S)
_ACCENTS = {
    "'": "\u0301", "`": "\u0300", "^": "\u0302", '"': "\u0308", "~": "\u0303",
    "=": "\u0304", ".": "\u0307", "u": "\u0306", "v": "\u030c", "H": "\u030b",
    "c": "\u0327", "k": "\u0328", "r": "\u030a",
}
_ACCENT = re.compile(
    r"\\([`'^\"~=.]|[uvHckr](?=[\s{]))\s*(?:\{\s*(\\?[A-Za-z])\s*\}|(\\?[A-Za-z]))")
_SYMBOLS = {
    r"\ss": "ß", r"\o": "ø", r"\O": "Ø", r"\ae": "æ", r"\AE": "Æ", r"\oe": "œ", r"\OE": "Œ",
    r"\aa": "å", r"\AA": "Å", r"\l": "ł", r"\L": "Ł", r"\i": "ı", r"\j": "ȷ", r"\&": "&",
    r"\%": "%", r"\$": "$", r"\#": "#", r"\_": "_",
}


def _read_value(text: str, pos: int) -> tuple[str, int]:
    """One field value starting at ``pos`` (after ``=``), and the position after it."""
    parts: list[str] = []
    while pos < len(text):
        while pos < len(text) and text[pos].isspace():
            pos += 1
        if pos >= len(text):
            break
        char = text[pos]
        if char == "{" or char == '"':
            close = "}" if char == "{" else '"'
            depth, start = 0, pos + 1
            pos += 1
            while pos < len(text):
                c = text[pos]
                if c == "\\":
                    pos += 2
                    continue
                if c == "{":
                    depth += 1
                elif c == "}" and depth > 0:
                    depth -= 1
                elif c == close and depth == 0:
                    break
                pos += 1
            parts.append(text[start:pos])
            pos += 1
        else:
            found = re.match(r"[^,#}\s]+", text[pos:])
            token = found.group(0) if found else ""
            parts.append(token)
            pos += max(len(token), 1)
        while pos < len(text) and text[pos].isspace():
            pos += 1
        if pos < len(text) and text[pos] == "#":
            pos += 1
            continue
        break
    return "".join(parts), pos


def parse(text: str) -> tuple[str | None, dict[str, str]]:
    """The key and the raw fields (lower-case names) of the first entry in ``text``."""
    head = _HEAD.search(text or "")
    if not head:
        return None, {}
    fields: dict[str, str] = {}
    pos = head.end()
    while pos < len(text):
        name = _NAME.match(text, pos)
        if not name:
            break
        value, pos = _read_value(text, name.end())
        fields.setdefault(name.group(1).lower(), value)
    return head.group(2) or None, fields


def latex_to_text(value: str) -> str:
    """``{\\\"o}`` -> ``ö``, ``--`` -> ``–``, braces dropped, whitespace collapsed."""

    def accent(found: re.Match[str]) -> str:
        letter = (found.group(2) or found.group(3) or "").lstrip("\\")
        letter = {"i": "i", "j": "j"}.get(letter, letter)
        return unicodedata.normalize("NFC", letter + _ACCENTS[found.group(1)])

    text = _ACCENT.sub(accent, value)
    for macro, char in sorted(_SYMBOLS.items(), key=lambda kv: -len(kv[0])):
        text = re.sub(re.escape(macro) + r"(?![A-Za-z])\s*", char, text)
    text = text.replace("---", "—").replace("--", "–").replace("~", " ")
    text = re.sub(r"\\(?:emph|textit|textbf|textsc|mathrm|text)\s*", "", text)
    text = text.replace("{", "").replace("}", "")
    return collapse(text)


def split_authors(value: str) -> tuple[str, ...]:
    """``author`` field to display names, ``and`` inside braces left alone."""
    names: list[str] = []
    depth, start = 0, 0
    for found in re.finditer(r"[{}]|\s+and\s+", value):
        token = found.group(0)
        if token == "{":
            depth += 1
        elif token == "}":
            depth = max(0, depth - 1)
        elif depth == 0:
            names.append(value[start : found.start()])
            start = found.end()
    names.append(value[start:])
    out: list[str] = []
    for raw in names:
        name = latex_to_text(raw)
        if not name or name.lower() == "others":
            continue
        if "," in name:
            parts = [p.strip() for p in name.split(",")]
            last, rest = parts[0], parts[1:]
            first = rest[-1] if rest else ""
            suffix = " ".join(rest[:-1])
            name = collapse(" ".join([first, last, suffix]))
        out.append(name)
    return tuple(out)


def ids(fields: dict[str, str]) -> tuple[str | None, str | None]:
    """The arXiv id and the (non-arXiv) DOI an entry carries, from any field that has them."""
    arxiv = None
    doi_raw = fields.get("doi", "")
    prefix = fields.get("archiveprefix", "").lower()
    for name in ("eprint", "arxiv", "arxivid"):
        if fields.get(name) and (prefix in ("", "arxiv") or name != "eprint"):
            arxiv = normalize_arxiv(fields[name])
            if arxiv:
                break
    for name in ("journal", "url", "note", "howpublished", "volume"):
        if arxiv:
            break
        if "arxiv" in fields.get(name, "").lower() or name == "url":
            arxiv = normalize_arxiv(fields.get(name, ""))
    arxiv = arxiv or arxiv_from_doi(doi_raw)
    doi = normalize_doi(doi_raw)
    if doi and arxiv_from_doi(doi):
        doi = None
    return arxiv, doi
