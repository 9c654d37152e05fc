"""A paper given by its code repository or project page: the page says which paper it is.

Readers often suggest a paper by the link they have at hand: its GitHub
repository or its ``*.github.io`` project page. Such a page nearly always names
its paper, the way a survey's README names the survey (``bot.own_paper``): a
"please cite" BibTeX entry, else the arXiv or DOI link at its top (a badge). A
page that names none (or that is not a paper's page) gives ``NotFound``.

Only these hosts are ever fetched, through ``HttpClient.fetch`` (cached, spaced,
offline-aware):

* ``raw.githubusercontent.com``: a repository's README (``README.md``, then
  ``readme.md``, then ``README.rst``, at the default branch ``HEAD``), never
  github.com itself nor its API;
* ``<name>.github.io``: the project page itself.

Any other link is refused without a request.
"""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

from bot.identity import project_page
from bot.metadata.errors import NotFound, ServiceError
from bot.metadata.http import HttpClient, Response
from bot.own_paper import OwnPaper, find_own_paper

RAW_BASE = "https://raw.githubusercontent.com"
README_NAMES = ("README.md", "readme.md", "README.rst")
MAX_PAGE = 500_000  # characters of a page read (a README with a huge table still fits)

_DROPPED = re.compile(r"<(script|style|head)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_BLOCK = re.compile(r"<(?:br|/p|/div|/h\d|/li|/pre|/tr)\b[^>]*>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")
_HREF = re.compile(r"""href\s*=\s*["']([^"']+)["']""", re.IGNORECASE)


def page_text(body: str) -> str:
    """A page's text as a reader sees it (tags dropped, lines kept), with its links' targets."""
    text = _DROPPED.sub(" ", body)
    links = " ".join(_HREF.findall(text))
    text = _TAG.sub(" ", _BLOCK.sub("\n", text))
    return html.unescape(f"{text}\n{links}")


class PageClient:
    """Reads a repository's README or a project page for the paper it presents."""

    def __init__(
        self, http: HttpClient, raw_base: str = RAW_BASE, pages_base: str | None = None
    ) -> None:
        self.http = http
        self.raw_base = raw_base.rstrip("/")
        # Tests point every *.github.io page at a local server: <pages_base>/<name>/<path>.
        self.pages_base = pages_base.rstrip("/") if pages_base else None

    def paper(self, url: str) -> OwnPaper:
        """The ids and title of the paper the page presents; ``NotFound`` when it names none."""
        page = project_page(url)
        if page is None:
            raise NotFound(f"{url} is not a GitHub repository or a github.io page")
        parts = urlsplit(page)
        if parts.hostname == "github.com":
            owner_repo = parts.path.strip("/")
            texts = (self._readme(owner_repo, name) for name in README_NAMES)
            text = next((t for t in texts if t is not None), None)
            if text is None:
                raise NotFound(f"the repository {owner_repo} has no README")
        else:
            text = page_text(self._get(self._page_url(parts.hostname or "", parts.path)))
        found = find_own_paper(text[:MAX_PAGE])
        if not (found.arxiv or found.doi):
            raise NotFound(f"{page} names no arXiv id or DOI")
        return found

    def _readme(self, owner_repo: str, name: str) -> str | None:
        try:
            return self._get(f"{self.raw_base}/{owner_repo}/HEAD/{name}")
        except NotFound:
            return None

    def _page_url(self, host: str, path: str) -> str:
        if self.pages_base:
            return f"{self.pages_base}/{host.removesuffix('.github.io')}{path or '/'}"
        return f"https://{host}{path or '/'}"

    def _get(self, url: str) -> str:
        def parse(response: Response) -> str:
            if response.status == 404:
                raise NotFound(f"{url}: not found")
            if response.status != 200:
                raise ServiceError(f"GitHub error: HTTP {response.status}")
            return response.body.decode("utf-8", errors="replace")

        return self.http.fetch("github", url, None, parse)
