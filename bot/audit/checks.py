"""Every check over every source: the pure core of ``survey-bot audit``.

Markdown lists are read twice, by ``bot.references`` (the papers, as the
matcher and the identity layer see them) and by ``bot.lists`` (every item as
written, for numbering and markup); other formats (``.bib``, ``.bbl``, text)
have only their references. Works are grouped within one source: the same
paper in the ``.bib`` and in the README is how surveys are kept, not a problem.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.audit import findings as f
from bot.audit import malformed, numbering, published, works
from bot.audit.survey import Knowledge, Source
from bot.lists.document import read_list
from bot.references import parse
from bot.references.common import normalize_newlines


def audit_sources(sources: Sequence[Source], known: Knowledge | None = None) -> list[f.Finding]:
    """The findings of every source, in report order (kind, then file and line)."""
    known = known or Knowledge()
    found: list[f.Finding] = []
    for source in sources:
        refs = list(parse(source.text, source.format, source.name).references)
        found += works.check(refs, known)
        texts: dict[int, str] = {}
        if source.format == "markdown":
            document = read_list(normalize_newlines(source.text).split("\n"))
            by_line = {ref.line: ref for ref in refs}
            found += numbering.check_list(document, source.name)
            found += malformed.check_list(document, source.name, by_line)
            texts = {i.block.start + 1: i.text for i in document.items}
        else:
            found += numbering.check_numbers(refs)
        found += published.check(refs, known, texts)
    order = {kind: n for n, kind in enumerate(f.KINDS)}
    return sorted(
        found, key=lambda x: (order[x.kind], x.entries[0].source, x.entries[0].line, x.message)
    )


def audit_texts(
    texts: Sequence[tuple[str, str, str | None]], known: Knowledge | None = None
) -> list[f.Finding]:
    """``audit_sources`` over ``(name, text, format)`` triples (format None: from the name
    or the content)."""
    from bot.references import detect_format

    sources = [Source(name, text, fmt or detect_format(name, text)) for name, text, fmt in texts]
    return audit_sources(sources, known)
