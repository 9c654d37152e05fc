"""Find paper identifiers in free text, with their offsets.

What counts (each hit is a ``Hit`` with the ids it carries):

* arXiv: arxiv.org abs/pdf/html/format links with or without ``vN`` (also
  ``export.``/``ar5iv`` mirrors), ``arXiv:ID`` / ``arXiv ID``, bare new-style ids
  (``2308.09662``, month and epoch checked) and old-style ids (``hep-th/9901001``);
  sites that put the arXiv id in their URL: huggingface.co/papers, alphaxiv.org,
  paperswithcode.com, semanticscholar.org/arxiv, arxiv-vanity, papers.cool.
* DOI: bare ``10.xxxx/...``, ``doi:``, doi.org / dx.doi.org links and publisher
  links that embed one (ACM, Springer, Wiley, Taylor & Francis, Science, PNAS,
  bioRxiv, ...), nature.com/articles/ID (``10.1038/ID``). An arXiv DOI
  (``10.48550/arXiv.ID``) is reported as the arXiv id.
* ACL Anthology ids from aclanthology.org / aclweb.org links, bare new-style ids
  (``2023.acl-long.123``) and old-style ids (``N19-1423``) next to the word
  ACL/Anthology; they also get the DOI ``10.18653/v1/<id>`` when the Anthology
  registered one (new-style ids and old-style ids from 2015 on).
* OpenReview ``forum|pdf|attachment?id=ID``.
* Any other link, kept as a plain URL; ``paper`` says whether it looks like a
  paper page (a known publisher/proceedings site or a ``.pdf``). Links to code,
  social media, images and the like are dropped (``ignored`` hosts); but
  :func:`project_links` finds the GitHub repositories and ``*.github.io`` pages
  an issue names, for an issue that gives a paper by nothing else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from bot.identifiers import arxiv_from_doi, normalize_arxiv, normalize_doi
from bot.identity import project_page
from bot.intake.text import mask_spans

_URL_CHARS = r"[A-Za-z0-9\-._~:/?#@!$&*+,;=%()]"
_URL = re.compile(
    rf"(?:\bhttps?://|(?<![\w.@/-])www\.){_URL_CHARS}+"
    r"|(?<![\w.@/:-])(?:(?:export|browse)\.arxiv\.org|arxiv\.org|ar5iv\.(?:labs\.arxiv\.)?org"
    r"|aclanthology\.org|aclweb\.org|openreview\.net|(?:dx\.)?doi\.org|huggingface\.co"
    r"|(?:www\.)?alphaxiv\.org|paperswithcode\.com|(?:www\.)?semanticscholar\.org|dl\.acm\.org"
    r"|link\.springer\.com|onlinelibrary\.wiley\.com|ieeexplore\.ieee\.org"
    rf"|proceedings\.neurips\.cc|proceedings\.mlr\.press)/{_URL_CHARS}+",
    re.IGNORECASE,
)
_MD_LINK = re.compile(
    r"\[([^\[\]\n]{1,500})\]\([ \t]*<?(https?://[^\s()<>\[\]]+(?:\([^\s()\[\]]*\)[^\s()<>\[\]]*)*)"
)
_HTML_LINK = re.compile(
    r"<a\s[^>]{0,300}?href\s*=\s*[\"']?(https?://[^\"'\s>]+)[^>]{0,300}>([^<]{1,500})</a>",
    re.IGNORECASE,
)

_NEW_ID = r"\d{4}\.\d{4,5}"
_OLD_ARCHIVES = (
    r"(?:astro-ph|cond-mat|gr-qc|hep-ex|hep-lat|hep-ph|hep-th|math-ph|nlin|nucl-ex|nucl-th|"
    r"physics|quant-ph|math|cs|q-bio|q-fin|stat|acc-phys|adap-org|alg-geom|ao-sci|atom-ph|"
    r"bayes-an|chao-dyn|chem-ph|cmp-lg|comp-gas|dg-ga|funct-an|mtrl-th|patt-sol|plasm-ph|"
    r"q-alg|solv-int|supr-con)"
)
_OLD_ID = rf"{_OLD_ARCHIVES}(?:\.[A-Za-z]{{2}})?/\d{{7}}"
_ID_IN_URL = re.compile(
    rf"(?<![\d.])({_NEW_ID})(?:v\d+)?(?!\d)|({_OLD_ID})(?:v\d+)?", re.IGNORECASE
)
_ARXIV_PREFIXED = re.compile(
    rf"\barxiv(?:\s*(?:preprint|e-?print|id|no\.?|number))?\s*[:：/#.]?\s*(?:abs/)?({_NEW_ID}|{_OLD_ID})(v\d+)?(?![\d])",
    re.IGNORECASE,
)
_ARXIV_BARE_NEW = re.compile(rf"(?<![\w./:#@=+-])({_NEW_ID})(v\d+)?(?![\w/@]|\.\d|-\d)")
_ARXIV_BARE_OLD = re.compile(rf"(?<![\w./-])({_OLD_ID})(v\d+)?(?![\w/])")
_DOI_PREFIXED = re.compile(r"\bdoi\s*[:：]\s*(10\.\d{4,9}/[!-~]+)", re.IGNORECASE)
_DOI_BARE = re.compile(r"(?<![\w/.-])(10\.\d{4,9}/[!-~]+)")
_DOI_BAD_CHARS = re.compile(r"[\"'<>\[\]{}|\\^`]")
_ACL_NEW = r"(?:19|20)\d{2}\.[a-z][a-z0-9]*(?:-[a-z0-9]+)*\.\d{1,4}"
_ACL_OLD = r"[A-Z]\d{2}-\d{4}"
_ACL_IN_URL = re.compile(rf"(?<![\w.])({_ACL_NEW}|{_ACL_OLD})(?:v\d+)?(?![\w-])", re.IGNORECASE)
_ACL_BARE_NEW = re.compile(rf"(?<![\w./-])({_ACL_NEW})(?![\w-]|\.\w)")
_ACL_BARE_OLD = re.compile(rf"(?<![\w/-])({_ACL_OLD})(?![\w-])")
_ACL_CONTEXT = re.compile(
    r"\b(?:acl|anthology|naacl|emnlp|eacl|coling|conll|semeval|tacl|ijcnlp|lrec|findings)\b",
    re.IGNORECASE,
)
_OPENREVIEW_ID = re.compile(r"[?&]id=([A-Za-z0-9_\-]{5,40})")

# Sites whose URL carries an arXiv id.
_ARXIV_HOSTS = (
    "arxiv.org",
    "ar5iv.org",
    "ar5iv.labs.arxiv.org",
    "alphaxiv.org",
    "paperswithcode.com",
    "arxiv-vanity.com",
    "papers.cool",
    "chatpaper.com",
    "scholar-chat.com",
    "emergentmind.com",
    "arxiv.gg",
    "arxivdaily.com",
    "scirate.com",
)
# Links that are never a paper suggestion by themselves.
_IGNORED_HOSTS = (
    "github.com",
    "gist.github.com",
    "githubusercontent.com",
    "gitlab.com",
    "bitbucket.org",
    "gitee.com",
    "twitter.com",
    "x.com",
    "t.co",
    "youtube.com",
    "youtu.be",
    "bilibili.com",
    "colab.research.google.com",
    "drive.google.com",
    "docs.google.com",
    "forms.gle",
    "discord.gg",
    "discord.com",
    "slack.com",
    "kaggle.com",
    "wandb.ai",
    "zhihu.com",
    "zhuanlan.zhihu.com",
    "mp.weixin.qq.com",
    "weibo.com",
    "linkedin.com",
    "facebook.com",
    "reddit.com",
    "medium.com",
    "shields.io",
    "img.shields.io",
    "localhost",
    "127.0.0.1",
    "google.com",
    "scholar.google.com",
    "bing.com",
    "baidu.com",
    "star-history.com",
    "pypi.org",
    "npmjs.com",
    "hub.docker.com",
    "modelscope.cn",
)
# Code hosts whose ``.pdf`` files are papers (a preprint kept next to its code).
_CODE_HOSTS = ("github.com", "githubusercontent.com", "gitlab.com", "gitee.com")
_PAPER_HOSTS = (
    "ieeexplore.ieee.org",
    "sciencedirect.com",
    "proceedings.neurips.cc",
    "papers.nips.cc",
    "neurips.cc",
    "proceedings.mlr.press",
    "jmlr.org",
    "openaccess.thecvf.com",
    "ecva.net",
    "ojs.aaai.org",
    "aaai.org",
    "ijcai.org",
    "mdpi.com",
    "researchgate.net",
    "semanticscholar.org",
    "dblp.org",
    "biorxiv.org",
    "medrxiv.org",
    "ssrn.com",
    "papers.ssrn.com",
    "pubmed.ncbi.nlm.nih.gov",
    "ncbi.nlm.nih.gov",
    "nature.com",
    "science.org",
    "acm.org",
    "springer.com",
    "wiley.com",
    "tandfonline.com",
    "sagepub.com",
    "elsevier.com",
    "cell.com",
    "pnas.org",
    "iopscience.iop.org",
    "aps.org",
    "frontiersin.org",
    "plos.org",
    "cambridge.org",
    "academic.oup.com",
    "jstor.org",
    "usenix.org",
    "isca-speech.org",
    "isca-archive.org",
    "vldb.org",
    "computer.org",
    "openreview.net",
    "aclanthology.org",
    "aclweb.org",
    "huggingface.co",
    "paperswithcode.com",
    "arxiv.org",
    "techrxiv.org",
    "chemrxiv.org",
    "osf.io",
    "hal.science",
    "hal.archives-ouvertes.fr",
    "zenodo.org",
    "cvf.com",
    "thecvf.com",
    "icml.cc",
    "iclr.cc",
    "sigir.org",
    "kdd.org",
    "emerald.com",
    "scitepress.org",
    "worldscientific.com",
    "degruyter.com",
    "jair.org",
    "jmlr.csail.mit.edu",
    "direct.mit.edu",
    "mitpressjournals.org",
    "tacl",
    "cnki.net",
    "wanfangdata.com.cn",
)


@dataclass
class Hit:
    """One identifier (or link) found in text."""

    start: int
    end: int
    arxiv: str | None = None
    doi: str | None = None
    acl: str | None = None
    openreview: str | None = None
    url: str | None = None
    paper_url: bool = False  # a plain URL that looks like a paper page
    link_text: str | None = None  # the text of a Markdown/HTML link around it

    @property
    def has_id(self) -> bool:
        return bool(self.arxiv or self.doi or self.acl or self.openreview)

    def kinds(self) -> set[str]:
        kinds = {k for k in ("arxiv", "doi", "acl", "openreview") if getattr(self, k)}
        if not kinds and self.url:
            kinds.add("url")
        return kinds


def _host_matches(host: str, names: tuple[str, ...]) -> bool:
    return any(host == n or host.endswith("." + n) for n in names)


def trim_url(url: str) -> str:
    """Drop trailing punctuation and an unbalanced closing parenthesis."""
    while url:
        last = url[-1]
        if last in ".,;:!?*'\"" or (last == ")" and url.count("(") < url.count(")")):
            url = url[:-1]
        else:
            break
    return url


def valid_new_arxiv(arxiv_id: str) -> bool:
    """A plausible new-style id: month 01..12, from 0704 on, 5-digit numbers from 1501 on."""
    if "/" in arxiv_id:
        return True
    stem = arxiv_id.split("v")[0]
    yymm, _, number = stem.partition(".")
    if not (yymm.isdigit() and number.isdigit()):
        return False
    month = int(yymm[2:4])
    if not 1 <= month <= 12 or int(yymm) < 704:
        return False
    return (len(number) == 5) == (int(yymm) >= 1501)


def acl_canonical(acl_id: str) -> str:
    if re.fullmatch(_ACL_OLD, acl_id, re.IGNORECASE):
        return acl_id.upper()
    return acl_id.lower()


def acl_doi(acl_id: str) -> str | None:
    """The DOI the ACL Anthology registers for ``acl_id``: ``10.18653/v1/<id>`` (2015 on)."""
    acl_id = acl_canonical(acl_id)
    if re.fullmatch(_ACL_OLD, acl_id):
        year = int(acl_id[1:3])
        if not 15 <= year <= 19:
            return None
    return normalize_doi(f"10.18653/v1/{acl_id}")


def acl_from_doi(doi: str | None) -> str | None:
    if not doi:
        return None
    found = re.fullmatch(rf"10\.18653/v1/({_ACL_NEW}|{_ACL_OLD})", doi, re.IGNORECASE)
    return acl_canonical(found.group(1)) if found else None


def _set_doi(hit: Hit, doi: str | None) -> None:
    """Record a DOI on ``hit``; an arXiv DOI becomes the arXiv id, an ACL DOI adds the ACL id."""
    if not doi:
        return
    arxiv = normalize_arxiv(arxiv_from_doi(doi))
    if arxiv:
        hit.arxiv = hit.arxiv or arxiv
        return
    if doi.startswith("10.1101/"):  # bioRxiv/medRxiv URLs append a version and ".full"
        doi = re.sub(r"(?:v\d+)?(?:\.full(?:-text)?|\.article-info|\.abstract)?$", "", doi)
    hit.doi = hit.doi or doi
    hit.acl = hit.acl or acl_from_doi(doi)


def classify_url(url: str, start: int, end: int) -> Hit | None:
    """The identifiers a link carries; None for links that are never a paper (code, images...)."""
    try:
        parts = urlsplit(url if "://" in url else "https://" + url)
        host = (parts.hostname or "").lower()
    except ValueError:
        return None
    if not host:
        return None
    host = host.removeprefix("www.")
    path = unquote(parts.path)
    query = parts.query
    hit = Hit(start, end)
    if host.endswith("doi.org"):
        _set_doi(hit, normalize_doi(path.lstrip("/")))
        return hit if hit.has_id else None
    if host.endswith("openreview.net"):
        found = _OPENREVIEW_ID.search("?" + query)
        if found and re.match(r"/(?:forum|pdf|attachment|notes)\b", path):
            hit.openreview = found.group(1)
            return hit
        return None  # group pages, profiles
    if host.endswith(("aclanthology.org", "aclweb.org")):
        found = _ACL_IN_URL.search(path)
        if found:
            hit.acl = acl_canonical(found.group(1))
            hit.doi = acl_doi(found.group(1))
            return hit
        return None  # event and volume pages
    if host == "huggingface.co":
        found = re.match(rf"/papers/({_NEW_ID})", path)
        hit.arxiv = normalize_arxiv(found.group(1)) if found else None
        if hit.arxiv:
            return hit
        return None  # models, datasets, spaces
    if host.endswith("semanticscholar.org") and path.lower().startswith("/arxiv/"):
        found = _ID_IN_URL.search(path)
        if found:
            hit.arxiv = normalize_arxiv(found.group(0))
            if hit.arxiv:
                return hit
    if _host_matches(host, _ARXIV_HOSTS):
        found = _ID_IN_URL.search(path) or _ID_IN_URL.search(query)
        arxiv = normalize_arxiv(found.group(0)) if found else None
        if arxiv and valid_new_arxiv(arxiv):
            hit.arxiv = arxiv
            return hit
        if "arxiv" in host:
            return None  # listings, search pages
    if host.endswith("nature.com"):
        found = re.match(r"/articles/([A-Za-z0-9.\-]+?)(?:\.pdf)?/?$", path)
        if found and re.search(r"\d", found.group(1)):
            _set_doi(hit, normalize_doi("10.1038/" + found.group(1)))
            return hit
    embedded = re.search(r"(?:^|/)(10\.\d{4,9}/.+)$", path)
    if embedded and not _host_matches(host, _IGNORED_HOSTS):
        doi = embedded.group(1)
        doi = re.sub(
            r"/(?:full|abstract|pdf|epdf|html|meta|fulltext|references)/?$",
            "",
            doi,
            flags=re.IGNORECASE,
        )
        _set_doi(hit, normalize_doi(doi))
        if hit.has_id:
            return hit
    repo_pdf = _host_matches(host, _CODE_HOSTS) and path.lower().endswith(".pdf")
    if _host_matches(host, _IGNORED_HOSTS) and not repo_pdf:
        return None  # a PDF kept in a repository is the paper; the repository is not
    if re.search(r"\.(?:png|jpe?g|gif|svg|webp|mp4|mov|zip|tar|gz|ipynb)$", path, re.IGNORECASE):
        return None
    hit.url = url if "://" in url else "https://" + url  # "ieeexplore.ieee.org/..." as typed
    hit.paper_url = _host_matches(host, _PAPER_HOSTS) or path.lower().endswith(".pdf")
    return hit


def find_hits(text: str) -> tuple[list[Hit], str]:
    """Every identifier/link in ``text`` in order, and ``text`` with them masked out."""
    hits: list[Hit] = []
    spans: list[tuple[int, int]] = []
    link_texts = _link_texts(text)

    for found in _URL.finditer(text):
        url = trim_url(found.group(0))
        if not url:
            continue
        start, end = found.start(), found.start() + len(url)
        spans.append((start, end))
        hit = classify_url(url, start, end)
        if hit is None:
            continue
        hit.link_text = link_texts.get(start)
        hits.append(hit)
    masked = mask_spans(text, spans)

    spans = []
    for pattern in (_DOI_PREFIXED, _DOI_BARE):
        for found in pattern.finditer(masked):
            raw = _DOI_BAD_CHARS.split(found.group(1), maxsplit=1)[0]
            raw = trim_url(raw)
            doi = normalize_doi(raw)
            if not doi or "/" not in doi or doi.endswith("/"):
                continue
            hit = Hit(found.start(), found.start(1) + len(raw))
            _set_doi(hit, doi)
            hits.append(hit)
            spans.append((hit.start, hit.end))
        masked = mask_spans(masked, spans)
        spans = []

    for found in _ARXIV_PREFIXED.finditer(masked):
        arxiv = normalize_arxiv(found.group(1) + (found.group(2) or ""))
        if arxiv and valid_new_arxiv(found.group(1)):
            hits.append(Hit(found.start(), found.end(), arxiv=arxiv))
        spans.append(found.span())
    masked = mask_spans(masked, spans)
    spans = []
    for pattern in (_ARXIV_BARE_NEW, _ARXIV_BARE_OLD):
        for found in pattern.finditer(masked):
            arxiv = normalize_arxiv(found.group(1))
            if arxiv and valid_new_arxiv(found.group(1)):
                hits.append(Hit(found.start(), found.end(), arxiv=arxiv))
                spans.append(found.span())
    masked = mask_spans(masked, spans)
    spans = []

    for found in _ACL_BARE_NEW.finditer(masked):
        acl = acl_canonical(found.group(1))
        hits.append(Hit(found.start(), found.end(), acl=acl, doi=acl_doi(acl)))
        spans.append(found.span())
    for found in _ACL_BARE_OLD.finditer(masked):
        line_start = masked.rfind("\n", 0, found.start()) + 1
        line_end = masked.find("\n", found.end())
        line = text[line_start : line_end if line_end != -1 else len(text)]
        if _ACL_CONTEXT.search(line):
            acl = acl_canonical(found.group(1))
            hits.append(Hit(found.start(), found.end(), acl=acl, doi=acl_doi(acl)))
            spans.append(found.span())
    masked = mask_spans(masked, spans)

    hits.sort(key=lambda h: h.start)
    return hits, masked


def _link_texts(text: str) -> dict[int, str]:
    """URL start offset -> the text of the Markdown or HTML link it is the target of."""
    texts: dict[int, str] = {}
    for found in _MD_LINK.finditer(text):
        texts[found.start(2)] = found.group(1)
    for found in _HTML_LINK.finditer(text):
        texts[found.start(1)] = found.group(2)
    return texts


# Repositories that collect papers, not a paper's own code ("Awesome-...", "...-Paper-List").
_LIST_REPO = re.compile(r"awesome|paper[-_]?list|papers\b|reading[-_]?list|collection", re.I)


def project_links(text: str) -> list[tuple[int, str]]:
    """(offset, canonical link) of each paper repository or project page in ``text``
    (``bot.identity.project_page``), lists of papers ("Awesome-...") left out."""
    found: dict[str, int] = {}
    for match in _URL.finditer(text):
        page = project_page(trim_url(match.group(0)))
        if page and not _LIST_REPO.search(page.rsplit("/", 1)[-1] or page):
            found.setdefault(page, match.start())
    return sorted(((pos, page) for page, pos in found.items()))

