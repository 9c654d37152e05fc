"""Preprints whose published version is known: the venue (and year) to upgrade to.

Only what the metadata cache already holds is used (``Knowledge.records``, by
arXiv id): the published version is found through the preprint's own arXiv
id, never by its title, and proposed only when the record's authors agree
with the entry's (a service that confused two papers is not believed). The
upgrade is not mechanical: ``audit --fix`` writes it once a maintainer accepted
the finding by its id.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.audit import findings as f
from bot.audit.survey import Knowledge
from bot.matching.entries import first_surname
from bot.models import Reference
from bot.suggestions import PaperRecord

_PREPRINT = re.compile(r"^(?:arxiv|corr|preprint|arxiv preprint|biorxiv|medrxiv)$", re.I)
_WRITTEN = re.compile(r"\b(?P<venue>(?:arXiv|CoRR)(?:\s+preprint)?)(?:[ ,]+(?:19|20)\d\d)?", re.I)
_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")


def check(refs: Sequence[Reference], known: Knowledge, texts: dict[int, str]) -> list[f.Finding]:
    """Upgrade proposals for the preprints of one source; ``texts`` are the entries' own
    text by first line (Markdown lists), where the written venue can be replaced."""
    found = []
    for ref in refs:
        if not ref.arxiv or (ref.venue and not _PREPRINT.match(ref.venue.strip())):
            continue
        record = known.records.get(ref.arxiv)
        if record is None or not record.published_venue or not _authors_agree(ref, record):
            continue
        venue = record.published_venue
        message = f"{ref.title!r} (arXiv {ref.arxiv}) was published: {venue}"
        if record.published_doi:
            message += f", doi:{record.published_doi}"
        fixes = _venue_fix(ref, venue, texts.get(ref.line, ""))
        found.append(
            f.Finding(
                f.PUBLISHED,
                message,
                (f.Place.of(ref),),
                proposal=f"cite the published version: {venue}",
                fixes=fixes,
            )
        )
    return found


def _authors_agree(ref: Reference, record: PaperRecord) -> bool:
    """The entry's first author is the record's (an entry without authors is found by its
    own arXiv id, which is evidence enough)."""
    if not ref.authors:
        return True
    return bool(record.authors) and first_surname(ref.authors) == first_surname(record.authors)


def _venue_fix(ref: Reference, venue: str, text: str) -> tuple[f.Fix, ...]:
    """Replace the written ``arXiv 2023`` with the venue; its year too only when the
    venue names one (otherwise the written year stays, and the maintainer checks it)."""
    written = _WRITTEN.search(text)
    if written is None:
        return ()
    old = written.group(0) if _YEAR.search(venue) else written.group("venue")
    end = ref.end_line or ref.line
    return (f.Fix(ref.source, ref.line, old, venue, mechanical=False, end_line=end),)
