"""Papers versus everything else a list links: repositories, home pages, videos, posts.

An entry is a reference when it names a paper: an identifier (arXiv, DOI) or a
paper-like link (arXiv, DOI, ACL Anthology, OpenReview, a publisher or
proceedings page, a PDF), or a citation written out (authors and a venue with
its year). A title linking a GitHub repository, a documentation site or a home
page, with nothing else, is a tool or a project, not a reference.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from bot.identifiers import normalize_arxiv, normalize_doi

_PAPER_HOSTS = re.compile(
    r"(?:^|\.)(?:arxiv\.org|doi\.org|dx\.doi\.org|aclanthology\.org|aclweb\.org|openreview\.net|"
    r"ieeexplore\.ieee\.org|dl\.acm\.org|link\.springer\.com|springer\.com|sciencedirect\.com|"
    r"nature\.com|science\.org|pnas\.org|proceedings\.mlr\.press|mlr\.press|papers\.nips\.cc|"
    r"proceedings\.neurips\.cc|neurips\.cc|openaccess\.thecvf\.com|thecvf\.com|ecva\.net|"
    r"aaai\.org|ijcai\.org|jmlr\.org|biorxiv\.org|medrxiv\.org|ssrn\.com|semanticscholar\.org|"
    r"researchgate\.net|tandfonline\.com|wiley\.com|mdpi\.com|frontiersin\.org|plos\.org|"
    r"cell\.com|iopscience\.iop\.org|aps\.org|usenix\.org|ndss-symposium\.org|isca-speech\.org|"
    r"cvf\.com|acm\.org|ieee\.org|oup\.com|cambridge\.org|jstor\.org|hal\.science|"
    r"scholar\.archive\.org|mlsys\.org|aclanthology\.info|pubmed\.ncbi\.nlm\.nih\.gov|"
    r"ncbi\.nlm\.nih\.gov|europepmc\.org|chemrxiv\.org|osf\.io|zenodo\.org)$",
    re.IGNORECASE,
)
_PAPER_PATH = re.compile(
    r"\.pdf(?:$|[?#])|/(?:abs|pdf|paper|papers|publication|publications|doi|"
    r"proceedings|content_[a-z]+_\d{4}|forum)(?:/|$|\?)"
    r"|/virtual/\d{4}/(?:poster|oral|spotlight)/",  # a conference's page of one paper
    re.IGNORECASE,
)
_HF_PAPER = re.compile(r"huggingface\.co/papers/\d{4}\.\d{4,5}", re.IGNORECASE)
_CODE_HOSTS = re.compile(
    r"(?:^|\.)(?:github\.com|gitlab\.com|bitbucket\.org|gitee\.com|huggingface\.co|"
    r"colab\.research\.google\.com|pypi\.org|readthedocs\.io|github\.io)$",
    re.IGNORECASE,
)


def url_kind(url: str) -> str:
    """``arxiv``, ``doi``, ``paper`` (another paper-like page), ``code`` or ``web`` (or ``""``)."""
    url = url.strip()
    if not re.match(r"https?://", url, re.IGNORECASE):
        return ""
    if normalize_arxiv(url) or _HF_PAPER.search(url):
        return "arxiv"
    if normalize_doi(url):
        return "doi"
    host = (urlsplit(url).hostname or "").lower()
    if _PAPER_HOSTS.search(host):
        return "paper"
    if _CODE_HOSTS.search(host):
        # (a PDF on a project's pages is its paper: "robustart.github.io/long_paper/31.pdf")
        pdf = host.endswith(".github.io") and re.search(r"\.pdf$", urlsplit(url).path, re.I)
        return "paper" if pdf else "code"
    if _PAPER_PATH.search(urlsplit(url).path or ""):
        return "paper"
    return "web"


def paper_like(url: str) -> bool:
    return url_kind(url) in ("arxiv", "doi", "paper")
