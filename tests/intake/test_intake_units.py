"""The intake building blocks: identifiers in links, BibTeX, titles and hints."""

from __future__ import annotations

import pytest

from bot.intake import hints, parse_issue
from bot.intake.links import acl_doi, classify_url, find_hits, valid_new_arxiv
from bot.intake.pasted_bibtex import clean_title, find_pasted_entries
from bot.intake.text import code_blocks, sanitize
from bot.intake.titles import looks_like_title, strip_venue_tail


def ids(url: str) -> dict:
    hit = classify_url(url, 0, len(url))
    if hit is None:
        return {}
    keys = ("arxiv", "doi", "acl", "openreview", "url")
    return {k: getattr(hit, k) for k in keys if getattr(hit, k)}


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://arxiv.org/abs/2308.09662", {"arxiv": "2308.09662"}),
        ("https://arxiv.org/pdf/2308.09662v3.pdf", {"arxiv": "2308.09662"}),
        ("https://arxiv.org/html/2308.09662v1", {"arxiv": "2308.09662"}),
        ("http://export.arxiv.org/abs/2308.09662", {"arxiv": "2308.09662"}),
        ("https://arxiv.org/abs/hep-th/9901001v2", {"arxiv": "hep-th/9901001"}),
        ("https://ar5iv.labs.arxiv.org/html/1706.03762", {"arxiv": "1706.03762"}),
        ("https://huggingface.co/papers/2401.04088", {"arxiv": "2401.04088"}),
        ("https://www.alphaxiv.org/abs/2402.03300v2", {"arxiv": "2402.03300"}),
        ("https://www.alphaxiv.org/overview/2501.12948", {"arxiv": "2501.12948"}),
        ("https://paperswithcode.com/paper/2310.06825", {"arxiv": "2310.06825"}),
        ("https://www.semanticscholar.org/arxiv/2309.16609", {"arxiv": "2309.16609"}),
        ("https://doi.org/10.1145/3571730", {"doi": "10.1145/3571730"}),
        ("https://dx.doi.org/10.48550/arXiv.2303.18223", {"arxiv": "2303.18223"}),
        ("https://dl.acm.org/doi/abs/10.1145/3571730", {"doi": "10.1145/3571730"}),
        ("https://dl.acm.org/doi/pdf/10.1145/3571730?download=true", {"doi": "10.1145/3571730"}),
        (
            "https://link.springer.com/chapter/10.1007/978-3-031-19775-8_1",
            {"doi": "10.1007/978-3-031-19775-8_1"},
        ),
        (
            "https://onlinelibrary.wiley.com/doi/epdf/10.1002/widm.1484",
            {"doi": "10.1002/widm.1484"},
        ),
        ("https://www.science.org/doi/10.1126/science.abq1158", {"doi": "10.1126/science.abq1158"}),
        (
            "https://www.nature.com/articles/s41586-021-03819-2.pdf",
            {"doi": "10.1038/s41586-021-03819-2"},
        ),
        (
            "https://aclanthology.org/2023.acl-long.123/",
            {"acl": "2023.acl-long.123", "doi": "10.18653/v1/2023.acl-long.123"},
        ),
        (
            "https://aclanthology.org/2022.findings-emnlp.12.pdf",
            {"acl": "2022.findings-emnlp.12", "doi": "10.18653/v1/2022.findings-emnlp.12"},
        ),
        (
            "https://aclanthology.org/N19-1423.pdf",
            {"acl": "N19-1423", "doi": "10.18653/v1/n19-1423"},
        ),
        (
            "https://www.aclweb.org/anthology/P19-1001",
            {"acl": "P19-1001", "doi": "10.18653/v1/p19-1001"},
        ),
        ("https://aclanthology.org/P02-1040/", {"acl": "P02-1040"}),  # before ACL DOIs existed
        (
            "https://doi.org/10.18653/v1/N19-1423",
            {"acl": "N19-1423", "doi": "10.18653/v1/n19-1423"},
        ),
        ("https://openreview.net/forum?id=ZG3RaNIsO8&noteId=x1", {"openreview": "ZG3RaNIsO8"}),
        ("https://openreview.net/pdf?id=-Aw0rrrPUF", {"openreview": "-Aw0rrrPUF"}),
        (
            "https://ieeexplore.ieee.org/document/10123456",
            {"url": "https://ieeexplore.ieee.org/document/10123456"},
        ),
        # a PDF kept in a repository is the paper (never a DOI from its path); the repo is not
        (
            "https://github.com/org/repo/blob/main/10.1145/x.pdf",
            {"url": "https://github.com/org/repo/blob/main/10.1145/x.pdf"},
        ),
        ("https://github.com/org/repo", {}),
        ("https://huggingface.co/datasets/org/data", {}),
        ("https://openreview.net/group?id=ICLR.cc/2024/Conference", {}),
        ("https://arxiv.org/list/cs.CL/recent", {}),
        ("https://aclanthology.org/events/acl-2023/", {}),
        ("https://user-images.githubusercontent.com/1/2.png", {}),
    ],
)
def test_links(url: str, expected: dict) -> None:
    assert ids(url) == expected


def test_paper_url_flag() -> None:
    assert classify_url("https://proceedings.mlr.press/v202/x23a.html", 0, 1).paper_url
    assert classify_url("https://example.org/files/paper.pdf", 0, 1).paper_url
    assert not classify_url("https://mylab.github.io/project", 0, 1).paper_url


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("see arXiv:2308.09662v2.", ["2308.09662"]),
        ("arXiv 2308.09662 and arxiv.2401.00001", ["2308.09662", "2401.00001"]),
        ("arXiv preprint arXiv:1706.03762, 2017", ["1706.03762"]),
        ("bare 2310.06825 in prose", ["2310.06825"]),
        ("not ids: 2313.12345 1234.5678 0612.1234 1412.12345 3.14159", []),
        ("old style hep-th/9901001 and math.AG/0601001", ["hep-th/9901001", "math.AG/0601001"]),
        ("https://github.com/x/2308.09662", []),
    ],
)
def test_arxiv_in_text(text: str, expected: list[str]) -> None:
    hits, _ = find_hits(text)
    assert [h.arxiv for h in hits if h.arxiv] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("doi:10.1145/3571730.", ["10.1145/3571730"]),
        ("DOI: 10.1016/S0140-6736(20)30183-5)", ["10.1016/s0140-6736(20)30183-5"]),
        ("(10.1038/s42256-024-00832-8)", ["10.1038/s42256-024-00832-8"]),
        ("论文 10.1145/3571730。谢谢", ["10.1145/3571730"]),
        (
            "https://doi.org/10.1145/3571730 and 10.1145/3571730",
            ["10.1145/3571730", "10.1145/3571730"],
        ),
    ],
)
def test_dois_in_text(text: str, expected: list[str]) -> None:
    hits, _ = find_hits(text)
    assert [h.doi for h in hits if h.doi] == expected


def test_acl_ids_in_text() -> None:
    hits, _ = find_hits(
        "ACL Anthology N19-1423; new style 2023.acl-long.754 and T19-1234 elsewhere"
    )
    assert [h.acl for h in hits] == ["N19-1423", "2023.acl-long.754", "T19-1234"]
    hits, _ = find_hits("ticket T19-1234 is unrelated")
    assert hits == []


def test_acl_doi_rule() -> None:
    assert acl_doi("2023.ACL-long.123") == "10.18653/v1/2023.acl-long.123"
    assert acl_doi("D15-1166") == "10.18653/v1/d15-1166"
    assert acl_doi("P02-1040") is None


def test_valid_new_arxiv() -> None:
    assert (
        valid_new_arxiv("0704.0001")
        and valid_new_arxiv("1501.00001")
        and valid_new_arxiv("2412.12345")
    )
    assert not valid_new_arxiv("0703.0001")  # before new-style ids
    assert not valid_new_arxiv("1412.12345")  # 5-digit numbers only from 2015
    assert not valid_new_arxiv("1501.0001")
    assert not valid_new_arxiv("2313.00001")


def test_bibtex_entries() -> None:
    text = """
    @inproceedings{vaswani2017attention,
      title={Attention is {All} you Need},
      author={Vaswani, Ashish},
      booktitle = "Advances in {Neural} Information Processing Systems",
      url = {https://proceedings.neurips.cc/paper/2017/hash/3f5ee243547dee91fbd053c1c4a845aa-Abstract.html},
      year = 2017
    }
    @comment{ignored}
    @misc{key2, title = "Caf{\\'e} {\\"U}ber \\& {GPT}-4", eprint = {arXiv:2303.08774v3},
          archivePrefix = {arXiv}, doi = {10.48550/arXiv.2303.08774}}
    @article{broken, title={Unbalanced {entry
    """
    entries = find_pasted_entries(text)
    assert [e.key for e in entries] == ["vaswani2017attention", "key2", "broken"]
    first, second, third = entries
    assert first.title == "Attention is All you Need"
    assert first.url.startswith("https://proceedings.neurips.cc/") and first.arxiv is None
    assert second.title == "Café Über & GPT-4"
    assert second.arxiv == "2303.08774" and second.doi is None
    assert third.title == "Unbalanced entry"
    assert first.raw.startswith("@inproceedings{") and first.raw.endswith("}")


def test_bibtex_corr_volume_and_journal() -> None:
    [entry] = find_pasted_entries(
        "@article{x, journal={CoRR}, volume={abs/2307.09288}, title={Llama 2}}"
    )
    assert entry.arxiv == "2307.09288"
    [entry] = find_pasted_entries(
        "@article{x, journal={arXiv preprint arXiv:2201.11903}, title={CoT}}"
    )
    assert entry.arxiv == "2201.11903"
    [entry] = find_pasted_entries("@article{x, volume={abs/2307.09288}, journal={Nature}}")
    assert entry.arxiv == "2307.09288"


def test_clean_title() -> None:
    assert clean_title("{{BERT}}: Pre-training of Deep {B}idirectional Transformers") == (
        "BERT: Pre-training of Deep Bidirectional Transformers"
    )
    assert clean_title(r"\textit{Tree} of \emph{Thoughts}") == "Tree of Thoughts"
    assert clean_title("A --- B") == "A \u2014 B"


def test_code_blocks() -> None:
    text = "a\n```python\nx = 1\n```\nb\n~~~~\n```\nstill code\n~~~~\nc\n```\nunclosed"
    blocks = code_blocks(text)
    assert [(b.info, b.content) for b in blocks] == [
        ("python", "x = 1"),
        ("", "```\nstill code"),
        ("", "unclosed"),
    ]


def test_sanitize() -> None:
    assert sanitize(None) == ""
    assert sanitize("a\r\nb\rc") == "a\nb\nc"
    assert sanitize("x\u200by\u202ez\ud800") == "xyz\ufffd"
    assert sanitize("a\u00a0b\u3000c") == "a b c"


@pytest.mark.parametrize(
    ("text", "level", "expected"),
    [
        ("Attention Is All You Need", "strict", True),
        ("LoRA: Low-Rank Adaptation of Large Language Models", "strict", True),
        ("Hi, could you add our work to Section 5.2?", "strict", False),
        ("add a search function", "strict", False),
        ("Thanks a lot", "medium", False),
        ("our paper", "medium", False),
        ("state of the art results", "loose", False),
        ("mT5: A Massively Multilingual Pre-trained Text-to-Text Transformer", "strict", True),
        ("大语言模型综述", "loose", True),
        ("我们的论文", "strict", False),
        ('04"FDX6Ro)>a}g1P]RE0r1', "loose", False),
        ("GPT-4 Technical Report", "strict", True),
        ("Language models are few-shot learners", "strict", False),  # sentence case: too risky bare
        ("Language models are few-shot learners", "loose", True),
    ],
)
def test_looks_like_title(text: str, level: str, expected: bool) -> None:
    assert looks_like_title(text, level) is expected


def test_strip_venue_tail() -> None:
    assert strip_venue_tail("Foo Bar Baz (ICLR 2024)") == "Foo Bar Baz"
    assert (
        strip_venue_tail("Attention Is All You Need, NeurIPS 2017") == "Attention Is All You Need"
    )
    assert strip_venue_tail("Deep Residual Learning for Image Recognition. In CVPR, 2016") == (
        "Deep Residual Learning for Image Recognition"
    )
    kept = "Fairness and Bias in AI: Sources, Impacts, Mitigation"
    assert strip_venue_tail(kept) == kept
    # A reader's note that the paper is theirs is no part of the title.
    for note in ("(our work)", "(ours)", "（我们的工作）"):
        assert strip_venue_tail(f"Affective Computing in the Era of LLMs {note}") == (
            "Affective Computing in the Era of LLMs"
        )


@pytest.mark.parametrize(
    ("text", "section"),
    [
        ("please add it to Section 5.2.", "5.2"),
        ("fits in sec. 3", "3"),
        ("in the section on Instruction Tuning, since", "Instruction Tuning"),
        ("to the Tool Learning section", "Tool Learning"),
        ("under the 'Agents' category", "Agents"),
        ("to your evaluation section", "evaluation"),
        ("Section: Alignment", "Alignment"),
        ("建议放到第 5.2 节", "5.2"),
        ("章节 3.1", "3.1"),
        ("放到 指令微调 部分", "指令微调"),
        ("建议放在“多模态”章节", "多模态"),
        ("nothing here", None),
        ("in the same section", None),
    ],
)
def test_find_section(text: str, section: str | None) -> None:
    assert hints.find_section(text) == section


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Please thank me as Jane Doe.", "Jane Doe"),
        ("please acknowledge me as Dr. Jane Q. Public, thanks!", "Dr. Jane Q. Public"),
        ("You can credit me as **Ada L.**", "Ada L."),
        ("Thanks as: Kim Lee", "Kim Lee"),
        ("致谢署名：张三", "张三"),
        ("致谢时请署名为李四。谢谢", "李四"),
        ("thank me as https://evil.example", None),
        ("no name given", None),
    ],
)
def test_find_thank_as(text: str, name: str | None) -> None:
    assert hints.find_thank_as(text) == name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Please don't thank me by name.", True),
        ("No need to acknowledge me.", True),
        ("I'd prefer to stay anonymous", True),
        ("不用致谢", True),
        ("Please thank me as Bob", False),
    ],
)
def test_opt_out(text: str, expected: bool) -> None:
    assert hints.wants_opt_out(text) is expected


def test_markdown_table_rows() -> None:
    body = (
        "Please add:\n\n| Title | Venue | Link |\n|---|---|---|\n"
        "| Visual Instruction Tuning | NeurIPS 2023 | [paper](https://arxiv.org/abs/2304.08485) |\n"
    )
    [s] = parse_issue("Two papers", body)
    assert (s.arxiv, s.title) == ("2304.08485", "Visual Instruction Tuning")


def test_same_line_different_kinds() -> None:
    one = parse_issue(
        "x",
        "Please add [ACM](https://doi.org/10.1145/3571730) | [arXiv](https://arxiv.org/abs/2202.03629)",
    )
    assert [(s.arxiv, s.doi) for s in one] == [("2202.03629", "10.1145/3571730")]
    two = parse_issue(
        "x", "Please add https://doi.org/10.1145/3571730, https://arxiv.org/abs/2106.09685"
    )
    assert [(s.arxiv, s.doi) for s in two] == [(None, "10.1145/3571730"), ("2106.09685", None)]
