"""Typed ids of one work, from fields and links; which links are a paper's project page."""

from __future__ import annotations

import pytest

from bot.identity import acl_doi, ids_of, ids_of_url, project_page, typed


@pytest.mark.parametrize(
    ("url", "ids"),
    [
        ("https://arxiv.org/abs/2303.18223v13", {"arxiv:2303.18223"}),
        ("https://doi.org/10.48550/arXiv.2303.18223", {"arxiv:2303.18223"}),
        ("https://aclanthology.org/N19-1423/", {"acl:N19-1423", "doi:10.18653/v1/n19-1423"}),
        ("https://aclanthology.org/2023.acl-long.1.pdf",
         {"acl:2023.acl-long.1", "doi:10.18653/v1/2023.acl-long.1"}),
        ("https://aclanthology.org/P02-1040/", {"acl:P02-1040"}),  # before 2015: no DOI
        ("https://openreview.net/forum?id=rJ4km2R5t7", {"openreview:rJ4km2R5t7"}),
        ("https://dblp.org/rec/conf/naacl/DevlinCLT19.html", {"dblp:conf/naacl/DevlinCLT19"}),
        ("https://dl.acm.org/doi/10.1145/3580305.3599256", {"doi:10.1145/3580305.3599256"}),
        ("https://github.com/a/b", set()),
    ],
)  # fmt: skip
def test_ids_of_url(url: str, ids: set[str]) -> None:
    assert ids_of_url(url) == ids


def test_ids_of_a_reference() -> None:
    assert ids_of(arxiv="1810.04805v2", dois=["10.18653/V1/N19-1423", None],
                  key="DBLP:conf/naacl/DevlinCLT19") == {
        "arxiv:1810.04805", "doi:10.18653/v1/n19-1423", "acl:N19-1423",
        "dblp:conf/naacl/DevlinCLT19",
    }  # fmt: skip
    assert ids_of(key="devlin2019bert") == frozenset()
    assert typed("doi", "10.48550/arXiv.2401.00001") == "arxiv:2401.00001"
    assert typed("arxiv", "not an id") is None
    assert acl_doi("P02-1040") is None and acl_doi("W18-5446") == "10.18653/v1/w18-5446"


@pytest.mark.parametrize(
    ("url", "page"),
    [
        ("https://github.com/tianyi-lab/HallusionBench", "https://github.com/tianyi-lab/HallusionBench"),
        ("github.com/a/b/tree/main/src", "https://github.com/a/b"),
        ("https://github.com/a/b/blob/main/README.md", "https://github.com/a/b"),
        ("https://nerfies.github.io/", "https://nerfies.github.io/"),
        ("https://github.com/a", None),
        ("https://github.com/a/b/blob/main/paper.pdf", None),
        ("https://github.com/a/b/blob/main/train.py", None),
        ("https://github.com/orgs/x/people", None),
        ("https://gitlab.com/a/b", None),
        ("https://arxiv.org/abs/2303.18223", None),
    ],
)  # fmt: skip
def test_project_page(url: str, page: str | None) -> None:
    assert project_page(url) == page
