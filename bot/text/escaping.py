"""Escaping for untrusted text: issue titles, bodies, comments and even metadata.

Each function makes text *inert* in one output language: it renders as the
literal characters the reader typed and can never run, include, ping or break
out of its surroundings.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote, urlsplit

import yaml

# Zero-width, bidi override/isolate and other invisible format characters: they
# hide text from reviewers (RTL tricks) and break matching, so they are dropped.
_INVISIBLE = re.compile(
    "[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f"
    "\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]"
)


def clean_text(text: str) -> str:
    """Drop invisible/control characters and normalise to NFC; keep newlines and tabs."""
    return _INVISIBLE.sub("", unicodedata.normalize("NFC", text))


def one_line(text: str) -> str:
    """Clean ``text`` and fold all white space (newlines included) to single spaces."""
    return " ".join(clean_text(text).split())


_LATEX_SPECIALS = {
    "\\": r"\textbackslash{}",
    "{": r"\textbraceleft{}",
    "}": r"\textbraceright{}",
    "$": r"\$",
    "&": r"\&",
    "%": r"\%",
    "#": r"\#",
    "_": r"\_",
    "^": r"\textasciicircum{}",
    "~": r"\textasciitilde{}",
}
_LATEX_RE = re.compile("|".join(re.escape(c) for c in _LATEX_SPECIALS))


def latex(text: str) -> str:
    """Text safe inside a brace-delimited BibTeX field or LaTeX paragraph.

    Every brace we emit is balanced, so BibTeX's brace counting (which ignores
    backslashes) can never be broken, and no backslash survives to start a
    command such as ``\\input`` or ``\\write18``.
    """
    return _LATEX_RE.sub(lambda m: _LATEX_SPECIALS[m.group(0)], one_line(text))


_MD_SPECIALS = re.compile(r"([\\`*_\[\]|~])")
# GitHub links ``@name`` after the line's start or a character other than an ASCII letter,
# digit or ``_`` (its mention filter's ``(?:^|\W)@``): ``ClinicalNLP@NAACL`` pings nobody.
_MENTION = re.compile(r"(?<![A-Za-z0-9_])@(?=[A-Za-z0-9])")


def markdown(text: str) -> str:
    """Inline Markdown that renders literally: no markup, no raw HTML, no @-mention pings.

    ``@name`` becomes ``@`` + zero-width space + ``name`` (GitHub only links
    mentions that directly follow ``@``; ``a@b`` is no mention and is kept), HTML
    becomes entities, and the punctuation that can open inline markup is
    backslash-escaped (line-start markup such as ``#`` or ``-`` cannot occur: the
    text is one inline run).
    Also safe inside a table cell.
    """
    text = one_line(text)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_SPECIALS.sub(r"\\\1", text)
    return _MENTION.sub("@\u200b", text)


# Characters a URL keeps as they are: RFC 3986 unreserved and reserved ones, minus
# those that can close or confuse a Markdown link, an HTML attribute or a BibTeX
# field (parentheses, brackets, braces, quotes, backslash, angle brackets, ``|``,
# the backtick, white space). Existing ``%XX`` escapes are kept.
_URL_SAFE = "-._~:/?#@!$&*+,;=%"
# The host part of a link: a name or address and a port, nothing else (no white
# space, no user name: ``https://arxiv.org@evil.example`` goes to evil.example).
_URL_HOST = re.compile(r"[\w.-]+(?::\d{1,5})?")
MAX_URL = 500  # characters; no paper's address is longer


def safe_url(url: str | None) -> str | None:
    """``url`` if it is an http(s) link, percent-encoded so that it can never break
    out of a Markdown link, an HTML attribute or a BibTeX field; else ``None``.

    Other schemes (``javascript:``, ``data:``), an odd host and URLs longer than
    :data:`MAX_URL` are refused. Control and invisible characters are dropped and
    white space inside the URL is encoded (``%20``).
    """
    url = one_line(url or "")
    if len(url) > MAX_URL:
        return None
    try:
        parts = urlsplit(url)
    except ValueError:  # a malformed IPv6 host
        return None
    if parts.scheme.lower() not in ("http", "https") or not _URL_HOST.fullmatch(parts.netloc):
        return None
    return quote(url, safe=_URL_SAFE)


def doi_url(doi: str) -> str | None:
    """The ``https://doi.org/`` link of a DOI, its ``#``, ``?`` and ``%`` encoded."""
    return safe_url("https://doi.org/" + quote(one_line(doi), safe="/:;"))


def yaml_scalar(value: str) -> str:
    """One YAML scalar (quoted as needed) holding exactly ``value``."""
    dumped = yaml.safe_dump(
        clean_text(value), default_flow_style=True, allow_unicode=True, width=10**9
    )
    return dumped.removesuffix("\n...\n").rstrip("\n")
