"""Normalise paper identifiers so that equal papers compare equal.

arXiv ids lose their ``arXiv:`` prefix, URL and ``vN`` suffix; DOIs lose their
resolver URL and are lower-cased (DOIs are case-insensitive by definition).
An arXiv DOI (``10.48550/arXiv.2303.18223``) is reported as the arXiv id too,
because surveys cite the same preprint either way.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

_NEW_ID = r"\d{4}\.\d{4,5}"
_OLD_ID = r"[a-z][a-z\-]+(?:\.[A-Z]{2})?/\d{7}"
_ARXIV_ID = rf"(?:{_NEW_ID}|{_OLD_ID})"

_ARXIV_URL = re.compile(
    rf"arxiv\.org/(?:abs|pdf|html|format|ps)/(?P<id>{_ARXIV_ID})(?:v\d+)?", re.IGNORECASE
)
_ARXIV_DOI = re.compile(rf"10\.48550/arxiv\.(?P<id>{_ARXIV_ID})(?:v\d+)?", re.IGNORECASE)
_ARXIV_PREFIXED = re.compile(rf"arxiv\s*[:/]?\s*(?P<id>{_ARXIV_ID})(?:v\d+)?", re.IGNORECASE)
# Compiled when first used (``re`` keeps them), not at every start: most ids are found
# by the patterns above, and ``check`` never looks for ids in free text (5 M instructions).
_CORR = rf"(?i)(?:corr[,\s]*(?:vol\.?\s*)?)?abs/(?P<id>{_NEW_ID}|{_OLD_ID})"
_BARE_NEW = rf"(?<![\w./])(?P<id>{_NEW_ID})(?:v\d+)?(?![\w/])"
_EXACT = re.compile(rf"^(?P<id>{_ARXIV_ID})(?:v\d+)?$", re.IGNORECASE)

_DOI = re.compile(r"\b(?P<doi>10\.\d{4,9}/[^\s\"'<>\]\[{}|\\^`]+)", re.IGNORECASE)
_DOI_TRAILING = ".,;:)]}>'\""
# What a publisher's link adds to the DOI it holds (``.../full``, ``....pdf``).
_DOI_PAGE = re.compile(r"(?:\.pdf|/full|/abstract|/pdf)$", re.IGNORECASE)


def _valid_new_id(arxiv_id: str) -> bool:
    """A new-style id's month must be 01..12 (rules out dates and page ranges)."""
    if "/" in arxiv_id:
        return True
    month = int(arxiv_id[2:4])
    return 1 <= month <= 12


def _old_style_case(arxiv_id: str) -> str:
    """Old-style archives are lower case, subject classes upper case (``math.AG``)."""
    if "/" not in arxiv_id:
        return arxiv_id
    archive, number = arxiv_id.split("/", 1)
    if "." in archive:
        name, subject = archive.split(".", 1)
        archive = f"{name.lower()}.{subject.upper()}"
    else:
        archive = archive.lower()
    return f"{archive}/{number}"


def normalize_arxiv(text: str | None) -> str | None:
    """The arXiv id carried by ``text`` (an id, a URL, a DOI, ``CoRR abs/...``), or None.

    >>> normalize_arxiv("https://arxiv.org/pdf/2308.09662v3.pdf")
    '2308.09662'
    """
    if not text:
        return None
    text = unquote(text.strip())
    for pattern in (_EXACT, _ARXIV_URL, _ARXIV_DOI, _ARXIV_PREFIXED, None):
        # (the compiled patterns' own search; re's module-level one costs as much again)
        found = pattern.search(text) if pattern else re.search(_CORR, text)
        if found and _valid_new_id(found.group("id")):
            return _old_style_case(found.group("id"))
    return None


def find_arxiv_ids(text: str) -> list[str]:
    """Every arXiv id mentioned in free text (URLs, prefixed and bare new-style ids), in order."""
    seen: dict[str, int] = {}
    for pattern in (_ARXIV_URL, _ARXIV_DOI, _ARXIV_PREFIXED, _CORR, _BARE_NEW):
        for found in re.finditer(pattern, text):
            arxiv_id = found.group("id")
            if _valid_new_id(arxiv_id):
                seen.setdefault(_old_style_case(arxiv_id), found.start())
    return sorted(seen, key=seen.__getitem__)


def normalize_doi(text: str | None) -> str | None:
    """The DOI in ``text`` (bare, ``doi:``, doi.org / dx.doi.org URL, any case), lower-cased."""
    if not text:
        return None
    found = _DOI.search(unquote(text.strip()))
    if not found:
        return None
    doi = found.group("doi").rstrip(_DOI_TRAILING)
    doi = _DOI_PAGE.sub("", doi)
    return doi.lower()


def find_dois(text: str) -> list[str]:
    """Every DOI mentioned in free text, normalised, in order, without repeats."""
    dois: list[str] = []
    for found in _DOI.finditer(unquote(text)):
        doi = normalize_doi(found.group("doi"))
        if doi and doi not in dois:
            dois.append(doi)
    return dois


def arxiv_from_doi(doi: str | None) -> str | None:
    """The arXiv id behind an arXiv DOI, else None."""
    if not doi:
        return None
    found = _ARXIV_DOI.search(doi)
    return _old_style_case(found.group("id")) if found else None


# Compiled when first used (``re`` keeps it), not at every start: few texts are such links.
_ACL_ID = (
    r"(?:aclanthology\.org|aclweb\.org/anthology)/(?:[A-Z]/[A-Z]\d{2}/)?"
    r"(?P<id>[A-Z]\d{2}-\d{4}|\d{4}\.[a-z]+(?:-[a-z]+)?\.\d+)(?![\w.-]*\.\d)"
)
# Anthology series whose papers get Crossref DOIs under ACL's prefix: old-style letters
# (ACL, EMNLP, NAACL, EACL, CoNLL, workshops, *SEM/SemEval) and new-style event names.
_ACL_DOI_LETTERS = frozenset("PDNEKWS")
_ACL_DOI_EVENTS = frozenset({"acl", "emnlp", "naacl", "eacl", "aacl", "findings", "conll"})


def acl_doi(text: str | None) -> str | None:
    """The DOI of the ACL Anthology paper an Anthology URL names, when the Anthology's
    rule gives it: ``10.18653/v1/<id>`` from 2015 on (``10.3115/v1/<id>`` for 2014),
    for the series that register DOIs; None otherwise (LREC, TACL, older years, ...)."""
    found = re.search(_ACL_ID, text or "", re.IGNORECASE)
    if not found:
        return None
    acl_id = found.group("id")
    if "." in acl_id:
        year, event = acl_id.split(".")[:2]
        if int(year) >= 2015 and event.split("-")[0].lower() in _ACL_DOI_EVENTS:
            return f"10.18653/v1/{acl_id}".lower()
        return None
    letter, year = acl_id[0].upper(), int(acl_id[1:3])
    if letter not in _ACL_DOI_LETTERS or year > 50:
        return None
    prefix = "10.18653" if year >= 15 else "10.3115" if year == 14 else None
    return f"{prefix}/v1/{letter}{acl_id[1:]}".lower() if prefix else None
