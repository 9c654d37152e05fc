"""Issue 11: lists that write the authors before the title (``* Touvron et al.
**LLaMA: ...** arXiv 2023. [[pdf]](url)``): each entry is read, authors included, and
a new one is written the same way. Expected lines written by hand."""

from __future__ import annotations

import pytest
from editor_samples import item

from bot.editors.paper_list import add_to_paper_list
from bot.references import parse_references
from bot.suggestions import PaperRecord
from tests.conftest import RENDERER

LIST = """\
## 2023

* Touvron et al. **LLaMA: Open and Efficient Foundation Language Models.** arXiv 2023. [[pdf]](https://arxiv.org/pdf/2302.13971)
* Jiang et al. **Mistral 7B.** arXiv 2023. [[pdf]](https://arxiv.org/pdf/2310.06825)
"""


@pytest.mark.parametrize(
    ("line", "title", "authors"),
    [
        (LIST.splitlines()[2], "LLaMA: Open and Efficient Foundation Language Models", ["Touvron"]),
        (
            '- Jane Doe, Bo Li. "A Quoted Title." ACL 2020. [paper](https://aclanthology.org/x)',
            "A Quoted Title",
            ["Jane Doe", "Bo Li"],
        ),
        # Not names before the bold: no entry (a sentence that happens to have bold in it).
        ("- See also **this list** for more.", None, None),
    ],
    ids=["et-al-then-bold", "names-then-quoted", "prose-then-bold"],
)
def test_authors_before_the_title_are_read(line, title, authors):
    refs = parse_references(f"## S\n\n{line}\n", "markdown")
    assert [(r.title, list(r.authors)) for r in refs] == ([(title, authors)] if title else [])


def test_a_new_entry_is_written_authors_first():
    record = PaperRecord(
        title="Qwen Technical Report", authors=("Jinze Bai", "Shuai Bai"), year=2023,
        venue="arXiv", arxiv="2309.16609",
    )  # fmt: skip
    result = add_to_paper_list(LIST, [item(record, "2023")], None, renderer=RENDERER)
    new = "* Bai et al. **Qwen Technical Report.** arXiv 2023. [[pdf]](https://arxiv.org/pdf/2309.16609)"
    assert result.text == LIST + new + "\n"
