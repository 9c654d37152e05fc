"""BibTeX entries pasted into an issue, fenced or not.

Readers paste whole entries (``@article{key, title={...}, ...}``), often the
one Google Scholar or arXiv gives them. We keep the raw entry text and read the
few fields that identify the paper: title, arXiv id (``eprint``, a CoRR
``volume = {abs/...}``, an arXiv ``journal``/``note``/``url``), DOI and URL.
The reader is lenient: an unbalanced or truncated entry still yields what it can.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.identifiers import arxiv_from_doi, normalize_arxiv, normalize_doi
from bot.text import latex

_ENTRY_START = re.compile(r"@[ \t]*([A-Za-z]{2,24})[ \t]*([{(])")
_SKIP_TYPES = {"comment", "string", "preamble"}
_FIELD_NAME = re.compile(r"\s*([A-Za-z][\w\-:.+]*)\s*=\s*")
MAX_ENTRY_CHARS = 20_000


@dataclass
class BibEntry:
    start: int  # offsets into the text that was searched
    end: int
    raw: str
    entry_type: str
    key: str
    fields: dict[str, str] = field(default_factory=dict)

    @property
    def title(self) -> str | None:
        return clean_title(self.fields.get("title", "")) or None

    @property
    def arxiv(self) -> str | None:
        f = self.fields
        eprint = f.get("eprint", "")
        prefix = (f.get("archiveprefix") or f.get("eprinttype") or "").lower()
        if eprint and (not prefix or "arxiv" in prefix):
            found = normalize_arxiv(eprint)
            if found:
                return found
        for name in ("doi",):
            found = arxiv_from_doi(f.get(name))
            if found:
                return found
        for name in (
            "journal",
            "journaltitle",
            "booktitle",
            "note",
            "howpublished",
            "url",
            "ee",
            "pdf",
            "volume",
            "arxiv",
            "arxivid",
        ):
            value = f.get(name, "")
            if not value:
                continue
            if name == "volume" and not re.search(r"abs/", value, re.IGNORECASE):
                continue
            if name in ("url", "ee", "pdf") and "arxiv" not in value.lower():
                continue
            if name in ("journal", "journaltitle", "booktitle", "note", "howpublished") and not (
                "arxiv" in value.lower() or "corr" in value.lower()
            ):
                continue
            found = normalize_arxiv(value)
            if found:
                return found
        return None

    @property
    def doi(self) -> str | None:
        value = self.fields.get("doi", "")
        doi = normalize_doi(value) if value else None
        if doi and arxiv_from_doi(doi):
            return None  # an arXiv DOI is reported as the arXiv id
        return doi

    @property
    def url(self) -> str | None:
        for name in ("url", "ee", "pdf", "howpublished"):
            value = self.fields.get(name, "")
            found = re.search(r"https?://[^\s{}\\]+", value)
            if found:
                return found.group(0).rstrip(".,;")
        return None


def find_entries(text: str, *, stop_at_blank_line: bool = True) -> list[BibEntry]:
    """Every BibTeX entry in ``text`` (``@comment``/``@string``/``@preamble`` skipped).

    An entry ends at its matching brace. An unbalanced entry ends at the next
    entry, at the first blank line (when ``stop_at_blank_line``) or at the end.
    """
    entries: list[BibEntry] = []
    pos = 0
    while True:
        found = _ENTRY_START.search(text, pos)
        if not found:
            break
        entry_type = found.group(1).lower()
        if entry_type in _SKIP_TYPES:
            pos = found.end()
            continue
        # "@article{" must not be part of an e-mail address or a mention.
        if found.start() > 0 and (
            text[found.start() - 1].isalnum() or text[found.start() - 1] in "._-"
        ):
            pos = found.end()
            continue
        following = _ENTRY_START.search(text, found.end())
        window = following.start() if following else len(text)
        end = _matching_end(text, found.end() - 1, found.group(2), window)
        if end is None:
            end = _lenient_end(text, found.end(), stop_at_blank_line)
        raw = text[found.start() : end].strip()
        body = text[found.end() : end]
        if body.endswith(("}", ")")):
            body = body[:-1]
        key, fields = _parse_body(body)
        if fields or key:
            entries.append(BibEntry(found.start(), end, raw, entry_type, key, fields))
        pos = max(end, found.end())
    return entries


def _matching_end(text: str, open_at: int, opener: str, window: int) -> int | None:
    """Offset just past the delimiter closing the entry opened at ``open_at``, before ``window``."""
    depth = 0
    limit = min(window, open_at + MAX_ENTRY_CHARS)
    i = open_at
    while i < limit:
        ch = text[i]
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if opener == "{" and depth == 0:
                return i + 1
            if depth < 0:
                return None
        elif ch == ")" and opener == "(" and depth == 0:
            return i + 1
        elif opener == "(" and ch == "(" and i == open_at:
            pass
        i += 1
    return None


def _lenient_end(text: str, start: int, stop_at_blank_line: bool) -> int:
    end = min(len(text), start + MAX_ENTRY_CHARS)
    following = _ENTRY_START.search(text, start, end)
    if following:
        end = following.start()
    if stop_at_blank_line:
        blank = re.compile(r"\n[ \t]*\n").search(text, start, end)
        if blank:
            end = blank.start()
    return end


def _parse_body(body: str) -> tuple[str, dict[str, str]]:
    """The citation key and the fields of an entry body (everything after ``{``)."""
    key_end = body.find(",")
    if key_end == -1:
        return body.strip()[:200], {}
    key = body[:key_end].strip()
    if "=" in key:  # no key at all: ``@misc{title = {...}}``
        key, key_end = "", -1
    fields: dict[str, str] = {}
    pos = key_end + 1
    while pos < len(body):
        found = _FIELD_NAME.match(body, pos)
        if not found:
            nxt = body.find(",", pos)
            if nxt == -1:
                break
            pos = nxt + 1
            continue
        name = found.group(1).lower()
        value, pos = _read_value(body, found.end())
        if name not in fields:
            fields[name] = " ".join(value.split())
        while pos < len(body) and body[pos] in " \t\n,":
            pos += 1
    return key[:200], fields


def _read_value(body: str, pos: int) -> tuple[str, int]:
    """One field value (``{...}``, ``"..."``, a bare word, joined by ``#``) and where it ends."""
    parts: list[str] = []
    while pos < len(body):
        while pos < len(body) and body[pos] in " \t\n":
            pos += 1
        if pos >= len(body):
            break
        ch = body[pos]
        if ch == "{":
            depth, i = 0, pos
            while i < len(body):
                if body[i] == "{":
                    depth += 1
                elif body[i] == "}":
                    depth -= 1
                    if depth == 0:
                        break
                i += 1
            parts.append(body[pos + 1 : i])
            pos = i + 1
        elif ch == '"':
            depth, i = 0, pos + 1
            while i < len(body):
                if body[i] == "{":
                    depth += 1
                elif body[i] == "}":
                    depth -= 1
                elif body[i] == '"' and depth <= 0:
                    break
                i += 1
            parts.append(body[pos + 1 : i])
            pos = i + 1
        else:
            found = re.compile(r"[^,#}\s]+").match(body, pos)
            if not found:
                break
            parts.append(found.group(0))
            pos = found.end()
        while pos < len(body) and body[pos] in " \t\n":
            pos += 1
        if pos < len(body) and body[pos] == "#":
            pos += 1
            continue
        break
    return "".join(parts), pos


def clean_title(value: str) -> str:
    """A BibTeX title as plain text: braces, accents and macros resolved (``latex.decode``)."""
    return latex.decode(value).strip(" ,.;")
