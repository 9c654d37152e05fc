"""A paper given by its GitHub repository or project page: the README or page names it.

The bodies below are SYNTHETIC, written by hand in the shape real paper
repositories and project pages have (a README with an arXiv badge and a "please
cite" BibTeX block; a github.io page with the BibTeX in a <pre>); the arXiv
answer is the recorded ``ml_id_list_8_papers.xml`` feed (it holds 1706.03762).
"""

from __future__ import annotations

import pytest

from bot.metadata.errors import NotFound
from bot.models import Skipped
from bot.suggestions import PaperRecord, Suggestion

from .conftest import Reply, recorded

README = b"""\
# The Transformer

[![arXiv](https://img.shields.io/badge/arXiv-1706.03762-b31b1b.svg)](https://arxiv.org/abs/1706.03762)

Code for our paper. Related work we build on: https://arxiv.org/abs/1409.0473

## Citation

If you use this code, please cite:

```bibtex
@inproceedings{vaswani2017attention,
  title={Attention Is All You Need},
  author={Vaswani, Ashish and Shazeer, Noam},
  journal={arXiv preprint arXiv:1706.03762},
  year={2017}
}
```
"""
PAGE = b"""<!DOCTYPE html>
<html><head><title>Attention</title><script>var x = "arXiv:9999.99999";</script></head>
<body><h1>Attention Is All You Need</h1>
<a href="https://arxiv.org/abs/1706.03762">Paper</a> <a href="https://github.com/x/y">Code</a>
<h2>BibTeX</h2>
<pre><code>@article{vaswani2017attention,
  title={Attention Is All You Need},
  journal={arXiv preprint arXiv:1706.03762},
  year={2017}
}</code></pre></body></html>
"""
TOOL_README = b"# A toolkit\n\nRun `pip install toolkit`. See https://example.com/docs.\n"


def _arxiv(server) -> None:
    server.route("arxiv", "", recorded("arxiv", "ml_id_list_8_papers.xml"))


@pytest.mark.parametrize(
    ("url", "routes"),
    [
        ("https://github.com/tensorflow/tensor2tensor",
         [("github", "/tensorflow/tensor2tensor/HEAD/README.md", README)]),
        ("https://github.com/tensorflow/tensor2tensor/tree/master/docs",
         [("github", "/tensorflow/tensor2tensor/HEAD/readme.md", README)]),
        ("https://attention.github.io/paper/", [("pages", "/attention/paper/", PAGE)]),
    ],
    ids=["readme", "lower-case-readme-of-a-subfolder-link", "project-page"],
)  # fmt: skip
def test_the_page_names_the_paper(server, make_resolver, url: str, routes: list) -> None:
    _arxiv(server)
    for service, path, body in routes:
        server.route(service, path, Reply(200, body))
    record = make_resolver(link_versions=False).resolve(Suggestion(url=url))
    assert isinstance(record, PaperRecord)
    assert (record.title, record.arxiv) == ("Attention Is All You Need", "1706.03762")
    hosts = {s.path.split("/")[1] for s in server.seen()}
    assert hosts <= {"github", "pages", "arxiv"}  # nothing but the allowed hosts


def test_a_page_that_names_no_paper_is_not_a_paper(server, make_resolver) -> None:
    server.route("github", "/someone/toolkit/HEAD/README.md", Reply(200, TOOL_README))
    result = make_resolver().resolve(Suggestion(url="https://github.com/someone/toolkit"))
    assert isinstance(result, Skipped)
    assert "names no arXiv id or DOI" in result.why
    assert server.seen("arxiv") == [] and server.seen("semanticscholar") == []


def test_a_repository_without_readme(server, make_resolver) -> None:
    result = make_resolver().resolve(Suggestion(url="https://github.com/someone/empty"))
    assert isinstance(result, Skipped) and "has no README" in result.why
    assert [s.path for s in server.seen()] == [
        "/github/someone/empty/HEAD/README.md",
        "/github/someone/empty/HEAD/readme.md",
        "/github/someone/empty/HEAD/README.rst",
    ]


@pytest.mark.parametrize(
    "url",
    ["https://gitlab.com/a/b", "https://example.org/paper", "https://github.com/someone",
     "https://github.com/a/b/blob/main/train.py"],
    ids=["gitlab", "other-site", "a-user", "a-file"],
)  # fmt: skip
def test_other_hosts_are_never_fetched(server, make_resolver, url: str) -> None:
    resolver = make_resolver()
    with pytest.raises(NotFound):
        resolver.pages.paper(url)
    assert server.seen() == []


def test_the_readme_is_cached(server, make_resolver, fake_time) -> None:
    _arxiv(server)
    server.route("github", "/tensorflow/tensor2tensor/HEAD/README.md", Reply(200, README))
    url = "https://github.com/tensorflow/tensor2tensor"
    make_resolver(link_versions=False).resolve(Suggestion(url=url))
    server.log.clear()
    again = make_resolver(offline=True, link_versions=False).resolve(Suggestion(url=url))
    assert isinstance(again, PaperRecord) and again.arxiv == "1706.03762"
    assert server.seen() == []
