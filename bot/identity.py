"""One paper, many identifiers: typed ids, and the links between them.

A paper reaches the survey as an arXiv preprint, a DOI of the published (or
the preprint) version, an ACL Anthology id, an OpenReview forum, a dblp record,
a Semantic Scholar paper. Each identifier is written here as one typed string,
``kind:value`` in its normal form:

    arxiv:1810.04805   doi:10.18653/v1/n19-1423   acl:N19-1423   openreview:rJ4km2R5t7
    dblp:conf/naacl/DevlinCLT19   s2:df2b0e26...   corpus:52967399

so that "is this the same work?" is a set intersection. Which ids belong to
one work comes from the metadata services (``bot.metadata``: Semantic Scholar's
``externalIds``, Crossref's ``has-preprint``/``is-preprint-of`` relations, dblp's
CoRR and proceedings records of one title); it is kept in the metadata cache
(``bot.metadata.cache``) so that later runs, and ``survey-bot check`` without
``--resolve``, know it without asking again. Everything here is pure.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.identifiers import arxiv_from_doi, normalize_arxiv, normalize_doi

KINDS = ("arxiv", "doi", "acl", "openreview", "dblp", "s2", "corpus")

# The patterns of links and keys few surveys hold are compiled when first used (``re``
# keeps them), not at every start: most runs of ``check`` never meet one.
_OPENREVIEW_URL = r"openreview\.net/(?:forum|pdf|attachment)\?(?:[^#\s]*&)?id=([\w\-]{5,40})"
_ACL_NEW = r"(?:19|20)\d{2}\.[a-z][a-z0-9]*(?:-[a-z0-9]+)*\.\d{1,4}"
_ACL_OLD = r"[A-Z]\d{2}-\d{4}"
_ACL_URL = (
    rf"(?:aclanthology\.org|aclweb\.org/anthology)/(?:[A-Z]/[A-Z]\d{{2}}/)?({_ACL_NEW}|{_ACL_OLD})"
)
# ACL's DOI prefix: a DOI without it is no Anthology paper, and needs no pattern.
_ACL_PREFIX = "10.18653/"
_ACL_DOI = rf"^10\.18653/v1/({_ACL_NEW}|{_ACL_OLD})$"
_DBLP_RECORD = r"(?:conf|journals|books|phd|series|reference)/[\w\-]+/[\w\-.]+?"
_DBLP_KEY = rf"^(?:DBLP:)?({_DBLP_RECORD})$"
_DBLP_URL = rf"dblp\.org/rec/({_DBLP_RECORD})(?:\.html|\.bib)?$"


def typed(kind: str, value: str | None) -> str | None:
    """``kind:value`` in normal form, or None when ``value`` is not such an id."""
    if not value or not value.strip():
        return None
    value = value.strip()
    if kind == "arxiv":
        found = normalize_arxiv(value)
        return f"arxiv:{found}" if found else None
    if kind == "doi":
        doi = normalize_doi(value)
        if not doi:
            return None
        via = arxiv_from_doi(doi)
        return f"arxiv:{via}" if via else f"doi:{doi}"
    if kind == "acl":
        return f"acl:{acl_canonical(value)}"
    if kind == "dblp":
        record = re.match(_DBLP_KEY, value)
        return f"dblp:{record.group(1)}" if record else None
    if kind in ("openreview", "s2", "corpus"):
        return f"{kind}:{value}"
    raise ValueError(f"unknown identifier kind {kind!r}")


def kind_of(typed_id: str) -> str:
    return typed_id.partition(":")[0]


def value_of(typed_id: str) -> str:
    return typed_id.partition(":")[2]


def acl_canonical(acl_id: str) -> str:
    """Old-style ACL ids upper case (``N19-1423``), new-style lower case (``2023.acl-long.1``)."""
    return acl_id.upper() if re.fullmatch(_ACL_OLD, acl_id, re.I) else acl_id.lower()


def acl_doi(acl_id: str) -> str | None:
    """The DOI the ACL Anthology registered for ``acl_id`` (none for old ids before 2015)."""
    acl_id = acl_canonical(acl_id)
    if re.fullmatch(_ACL_OLD, acl_id) and not 15 <= int(acl_id[1:3]) <= 19:
        return None
    return normalize_doi(f"10.18653/v1/{acl_id}")


def acl_from_doi(doi: str | None) -> str | None:
    if not doi or not doi.startswith(_ACL_PREFIX):
        return None
    found = re.match(_ACL_DOI, doi, re.I)
    return acl_canonical(found.group(1)) if found else None


def openreview_from_url(url: str | None) -> str | None:
    found = re.search(_OPENREVIEW_URL, url or "", re.I)
    return found.group(1) if found else None


def acl_from_url(url: str | None) -> str | None:
    found = re.search(_ACL_URL, url or "", re.I)
    return acl_canonical(found.group(1)) if found else None


def ids_of_url(url: str | None) -> set[str]:
    """The typed ids a link names: arXiv and DOI links, ACL Anthology pages (with their
    DOI), OpenReview forums, dblp records."""
    ids: set[str] = set()
    if not url:
        return ids
    for kind in ("arxiv", "doi"):
        if found := typed(kind, url):
            ids.add(found)
    lowered = url.lower()
    if "acl" in lowered and (acl := acl_from_url(url)):
        ids.add(f"acl:{acl}")
        if doi := acl_doi(acl):
            ids.add(f"doi:{doi}")
    if "openreview" in lowered and (forum := openreview_from_url(url)):
        ids.add(f"openreview:{forum}")
    if "dblp" in lowered and (record := re.search(_DBLP_URL, url)):
        ids.add(f"dblp:{record.group(1)}")
    return ids


def ids_of(
    *,
    arxiv: str | None = None,
    dois: Iterable[str | None] = (),
    urls: Iterable[str] = (),
    key: str | None = None,
    others: Iterable[str] = (),
) -> frozenset[str]:
    """Every typed id of one work from its fields: arXiv id, DOIs (an ACL DOI also
    names the Anthology id), links, a BibTeX key that is a dblp key (``DBLP:conf/...``),
    and ``others`` already typed."""
    ids: set[str] = set(others)
    if found := typed("arxiv", arxiv):
        ids.add(found)
    for doi in dois:
        if found := typed("doi", doi):
            ids.add(found)
            if acl := acl_from_doi(value_of(found)):
                ids.add(f"acl:{acl}")
    for url in urls:
        ids |= ids_of_url(url)
    if key and key.startswith("DBLP:") and (found := typed("dblp", key)):
        ids.add(found)
    return frozenset(ids)


_GITHUB_REPO = r"^/([\w.\-]+)/([\w.\-]+?)(?:\.git)?(?:/(?:tree|blob)/[^?#]*)?/?$"
_NOT_OWNERS = frozenset({"orgs", "topics", "features", "marketplace", "sponsors", "settings"})


def project_page(url: str | None) -> str | None:
    """The canonical link of a paper's project page or code repository, else None:
    ``https://github.com/<owner>/<repo>`` for a repository (any page in it but a
    file: a PDF kept there is the paper itself), or the ``*.github.io`` page as given."""
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(url if url and "://" in url else f"https://{url or ''}")
    except ValueError:
        return None
    host = (parts.hostname or "").lower().removeprefix("www.")
    if host.endswith(".github.io") and host != ".github.io":
        return f"https://{host}{parts.path or '/'}"
    if host != "github.com":
        return None
    found = re.match(_GITHUB_REPO, parts.path)
    if not found or found.group(1).lower() in _NOT_OWNERS or parts.path.lower().endswith(".pdf"):
        return None
    readme = parts.path.rstrip("/").lower().endswith(("readme.md", "readme"))
    if "/blob/" in parts.path and not readme:
        return None  # a file in the repository, not the repository
    return f"https://github.com/{found.group(1)}/{found.group(2)}"
