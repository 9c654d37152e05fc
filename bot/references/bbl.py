"""LaTeX ``.bbl`` files: the ``thebibliography`` list that BibTeX writes.

Every ``\\bibitem[label]{key}`` / ``\\bibitem{key}`` is one reference, numbered by
its order (1-based). The title is found the way each family of styles prints it:

* IEEEtran and other quoting styles: the text in ````...''``;
* plain, unsrt, natbib (plainnat, acl_natbib): the block after the authors in
  the ``\\newblock`` structure (``authors \\newblock title \\newblock venue``);
* otherwise the first emphasised group, or the text up to the first period;
  for comma-separated styles without ``\\newblock`` (elsarticle-num:
  ``A.~B, C.~D, Title, Journal 4~(5) (2014) 380--409.``) the title is the
  ``\\href`` text when there is one, else the venue tail (``in: ...``, a URL,
  ``Journal vol (no) (year)``, ``, 2014, pp.``) is cut off the title.

Git conflict markers left in a committed ``.bbl`` are ignored, so both sides'
items are read.

Font commands, ties, accents and IEEEtran's spacing macros are decoded away.
"""

from __future__ import annotations

import re

from bot.identifiers import arxiv_from_doi, find_dois, normalize_arxiv
from bot.models import Reference, Skipped
from bot.references.common import (
    LineIndex,
    find_urls,
    find_year,
    normalize_newlines,
    split_names,
    where,
)
from bot.references.result import ParseResult
from bot.references.text import split_title
from bot.text import latex

EXTENSIONS = (".bbl",)

_BIBITEM = re.compile(r"\\bibitem(?![A-Za-z])\s*")
_END = re.compile(r"\\end\s*\{thebibliography\}")
_COMMENT = re.compile(r"(?<!\\)%.*")
_NEWBLOCK = re.compile(r"\\newblock(?![A-Za-z])\s*")
_SPACING = re.compile(
    r"\\BIBentry(?:ALT|STD)interwordspacing(?![A-Za-z])|\\BIBforeignlanguage\{[^}]*\}"
)
_EMPH = re.compile(r"\\(?:emph|textit|textsl)\s*\{|\{\\(?:em|it|sl)(?![A-Za-z])\s*")
_LINK_ARG = re.compile(r"\\(?:url|href|doi)\s*\{([^{}]*)\}")
_TRAILING_YEAR = re.compile(r"[\s,.]*\(?\b(?:18|19|20)\d\d[a-z]?\)?[.,]?\s*$")
_CONFLICT_MARKER = re.compile(r"^(?:<{7}|={7}|>{7})(?:[ \t].*)?$", re.MULTILINE)
# "Journal 4 (5) (2014) 380--409": what follows the journal name in comma-separated styles.
_VOLUME_TAIL = re.compile(r"\s+\d+\s*(?:\([^)]*\)\s*)?(?:\((?:18|19|20)\d\d\).*)?$")
_HREF = re.compile(r"\\href\s*\{[^{}]*\}\s*\{")
# Where an elsarticle-style title runs into its venue (searched in the decoded title).
_VENUE_TAIL = re.compile(
    r",\s*(?:in:\s|https?://|vol\.?$|(?:18|19|20)\d\d\b)"  # proceedings, URL, volume, year
    r"|,\s*\d+(?:st|nd|rd|th)\s+ed(?:ition|\.)"  # "4th Edition"
    r"|(?<=\.),\s"  # "classification., IEEE Transactions": the title's own period, then a comma
    r"|,(?=[^,]*?\s\d+\s*(?:\([^)]*\)\s*)?\((?:18|19|20)\d\d\))"  # Journal 4 (5) (2014)
    r"|,(?=[^,]*?\s\d+\s*\([^)]*\),)",  # Journal 14 (SUPPL16), cited by
    re.IGNORECASE,
)


def sniff(text: str) -> bool:
    """Does this text contain ``\\bibitem`` entries?"""
    return _BIBITEM.search(text) is not None


def parse(text: str, source: str = "") -> ParseResult:
    """Every ``\\bibitem`` as a ``Reference`` (number = order), plus the skipped ones."""
    text = normalize_newlines(text)
    text = _CONFLICT_MARKER.sub("", text)  # same line numbers, markers gone
    lines = LineIndex(text)
    starts = list(_BIBITEM.finditer(text))
    references: list[Reference] = []
    skipped: list[Skipped] = []
    for index, start in enumerate(starts):
        limit = starts[index + 1].start() if index + 1 < len(starts) else len(text)
        end = _END.search(text, start.end(), limit)
        if end:
            limit = end.start()
        line = lines.line(start.start())
        label, key, body_start = _head(text, start.end(), limit)
        if key is None:
            skipped.append(Skipped(f"{where(source, line)} \\bibitem", "no {key} after \\bibitem"))
            continue
        body = _COMMENT.sub("", text[body_start:limit])
        if not body.strip():
            skipped.append(Skipped(f"{where(source, line)} \\bibitem{{{key}}}", "empty entry"))
            continue
        end_line = lines.line(body_start + len(text[body_start:limit].rstrip()) - 1)
        references.append(parse_item(body, key, label, index + 1, source, line, end_line))
    return ParseResult(tuple(references), tuple(skipped))


def _head(text: str, pos: int, limit: int) -> tuple[str | None, str | None, int]:
    """``[label]{key}`` after ``\\bibitem``: (label, key, where the body starts)."""
    label = None
    if pos < limit and text[pos] == "[":
        depth = 0
        for i in range(pos, limit):
            char = text[i]
            if char in "[{":
                depth += 1
            elif char in "]}":
                depth -= 1
                if depth == 0:
                    label = text[pos + 1 : i]
                    pos = i + 1
                    break
        else:
            return None, None, pos
    while pos < limit and text[pos].isspace():
        pos += 1
    if pos >= limit or text[pos] != "{":
        return label, None, pos
    close = text.find("}", pos, limit)  # bounded: an unclosed key must not scan to the end
    if close < 0:
        return label, None, pos
    return label, text[pos + 1 : close].strip(), close + 1


def _first_emph(raw: str, *, at_start: bool = False) -> str | None:
    """The text of the first ``\\emph{...}`` / ``{\\em ...}`` group (a leading one if asked)."""
    found = _EMPH.match(raw) if at_start else _EMPH.search(raw)
    if not found:
        return None
    brace = raw.rfind("{", found.start(), found.end())
    close = latex.matching_brace(raw, brace)
    return raw[found.end() : close] if close > 0 else None


def _href_title(body: str) -> tuple[str, str, str] | None:
    """(authors, title, rest) when the title is the text of a ``\\href{url}{title}``.

    elsarticle and natbib styles link the title this way; a link whose text is
    itself a URL is not a title.
    """
    found = _HREF.search(body)
    if found is None:
        return None
    close = latex.matching_brace(body, found.end() - 1)
    if close < 0:
        return None
    title = _clean_title(body[found.end() : close])
    if not title or re.match(r"(?:https?://|www\.)", title):
        return None
    return body[: found.start()], title, body[close + 1 :]


def _clean_title(raw: str) -> str:
    title = latex.decode(raw).strip()
    title = re.sub(r"^[“\"]|[”\"]$", "", title).strip()
    if title.endswith((",", ".")) and not title.endswith(".."):
        title = title[:-1]
    return title.strip()


def _venue(raw: str) -> str | None:
    raw = raw.strip().lstrip(",.").strip()
    raw = re.sub(r"^(?:in|In)(?![A-Za-z])\s*", "", raw)
    emph = _first_emph(raw, at_start=True)
    if emph is not None:  # a period inside the italics ends an abbreviation ("J. Artif. Res.")
        venue = latex.decode(emph).strip().rstrip(",").strip()
    else:
        venue = latex.decode(raw).split(",")[0].strip().rstrip(".").strip()
    not_venue = r"^(?:vol\.|pp?\.|pages|(?:19|20)\d\d\b|\[Online\]|URL|https?://|\()"
    if not venue or re.match(not_venue, venue, re.I):
        return None
    return venue


def parse_item(
    body: str, key: str, label: str | None, number: int, source: str, line: int, end_line: int
) -> Reference:
    """The ``Reference`` for one ``\\bibitem`` body."""
    body = _SPACING.sub(" ", body)
    open_quote = body.find("``")
    close_quote = body.find("''", open_quote + 2) if open_quote >= 0 else -1
    blocks = [block for block in _NEWBLOCK.split(body) if block.strip()]
    if open_quote >= 0 and close_quote > open_quote:
        authors_raw = body[:open_quote]
        title = _clean_title(body[open_quote + 2 : close_quote])
        venue = _venue(body[close_quote + 2 :])
    elif len(blocks) >= 2:
        authors_raw = blocks[0]
        title = _clean_title(blocks[1])
        venue = _venue(blocks[2]) if len(blocks) >= 3 else None
    else:
        emph = _first_emph(body)
        if emph is not None:
            authors_raw = body[: body.find(emph)]
            authors_raw = re.sub(
                r"(?:\\(?:emph|textit|textsl)\s*|\{\\(?:em|it|sl))\s*\{?\s*$", "", authors_raw
            )
            title = _clean_title(emph)
            venue = _venue(body[body.find(emph) + len(emph) :].lstrip("}"))
        elif (href := _href_title(body)) is not None:
            authors_raw, title, rest = href
            venue = _venue(rest)
        else:
            authors_raw, title_text, rest = split_title(latex.decode(body))
            tail = _VENUE_TAIL.search(title_text)
            if tail is not None:
                title_text, rest = title_text[: tail.start()], title_text[tail.start() :] + rest
            title = _clean_title(title_text)
            venue = _venue(re.sub(r"^\s*,\s*in:", "", rest))
            venue = _VOLUME_TAIL.sub("", venue) if venue else None

    authors_text = _TRAILING_YEAR.sub("", latex.decode(authors_raw))
    decoded = latex.decode(body)
    link_args = " ".join(match.group(1) for match in _LINK_ARG.finditer(body))
    urls = find_urls(link_args + " " + decoded)
    dois = find_dois(latex.decode(link_args) + " " + decoded)
    label_year = re.search(r"\((?:19|20)\d\d", label or "")
    year = int(label_year.group(0)[1:]) if label_year else find_year(decoded)
    arxiv = normalize_arxiv(decoded) or next(filter(None, map(normalize_arxiv, urls)), None)
    return Reference(
        title=title,
        number=number,
        key=key,
        authors=split_names(authors_text),
        year=year,
        venue=venue,
        arxiv=arxiv or arxiv_from_doi(dois[0] if dois else None),
        doi=dois[0] if dois else None,
        urls=urls,
        source=source,
        line=line,
        end_line=end_line,
    )
