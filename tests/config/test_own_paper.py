"""``init`` finds the survey's own paper in its README; ``survey:`` keeps it out of intake."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main
from bot.config import load_config
from bot.intake import parse_issue
from bot.own_paper import OwnPaper, find_own_paper

# The head of RUCAIBox/LLMSurvey's README.md at 4a468e40 (lines 1-22, e-mail lines left out).
LLMSURVEY_HEAD = """\
# LLMSurvey


> A collection of papers and resources related to Large Language Models.
>
> The organization of papers refers to our survey [**"A Survey of Large Language Models"**](https://arxiv.org/abs/2303.18223). [![Paper page](https://huggingface.co/datasets/huggingface/badges/raw/main/paper-page-sm-dark.svg)](https://huggingface.co/papers/2303.18223)
>
> If you find our survey useful for your research, please cite the following paper:

```
@article{LLMSurvey,
    title={A Survey of Large Language Models},
    author={Zhao, Wayne Xin and Zhou, Kun and Li, Junyi and Tang, Tianyi},
    year={2023},
    journal={arXiv preprint arXiv:2303.18223},
    url={http://arxiv.org/abs/2303.18223}
}
```

## 🚀(New) We have released the Chinese book of our survey!
"""  # noqa: E501
# The "Citation" section of WooooDyy/LLM-Agent-Paper-List's README.md at 6a56655c (authors cut).
AGENTS_CITATION = """\
# LLM Agent Paper List

## 1. The Birth of An Agent

- [2023/10] **Lemur: Harmonizing Natural Language and Code for Language Agents** [[paper](https://arxiv.org/abs/2310.06830)]

## Citation
If you find this repository useful, please cite our paper:

```
@misc{xi2023rise,
      title={The Rise and Potential of Large Language Model Based Agents: A Survey},
      author={Zhiheng Xi and Wenxiang Chen and Xin Guo},
      year={2023},
      eprint={2309.07864},
      archivePrefix={arXiv},
      primaryClass={cs.AI}
}
```
"""
LEAD_ONLY = """\
# Awesome Graph Prompting

Our survey: [Graph Prompting: A Survey](https://doi.org/10.1145/3580305.3599256) (KDD 2023).

## Papers

- **GPPT: Graph Pre-training and Prompt Tuning** [[paper](https://doi.org/10.1145/3534678.3539249)]
"""
# lonePatient/awesome-pretrained-chinese-nlp-models (65abd11a), README.md lines 1-9: a list
# of models that links, at its top, the LLM survey of another group (RUCAIBox's); nothing
# calls it the list's own.
SOMEONE_ELSES_SURVEY = """\
# Awesome Pretrained Chinese NLP Models[![Awesome](https://awesome.re/badge.svg)](https://awesome.re)

![](/resources/LLMS.png)

<div align="center"> 
    <a href="https://arxiv.org/pdf/2303.18223.pdf">论文: A Survey of Large Language Models</a>
</div>

在自然语言处理领域中，预训练语言模型（Pretrained Language Models）已成为非常重要的基础技术

## 📑 目录导航
"""  # noqa: W291
# nmakke/SR-LivingReview (162899a0), README.md lines 1-3 (cut): the list is part of its
# authors' review.
PART_OF_A_REVIEW = """\
# A Living Review of Symbolic Regression Methods and Applications

This note aims to collect references for symbolic regression (SR) [methods](#methods) and \
[datasets](#datasets) as part of the recent [review](https://arxiv.org/abs/2211.10873) entitled \
"**Interpretable Scientific Discovery with Symbolic Regression: A Review**".

## Methods
"""
# thunlp/ToolLearningPapers (0b5e6690), README.md lines 1-5: the group's survey linked on the
# topic's name, beside the slides "we also made" about it (kept in the repository).
WE_ALSO_MADE_SLIDES = """\
<div style="text-align: center;">
    <h1><img src="assets/logo.png" height="28px" /> Tool Learning Papers </h1>
</div>

Must-read papers on [tool learning](https://arxiv.org/abs/2304.08354) with foundation models. \
We also made some [slides](https://github.com/thunlp/ToolLearningPapers/tree/master/assets/\
tool_learning_ppt.pdf) about tool learning.

## Content
"""
WE_MADE_A_LIST = """\
# Agent Papers

We have released a paper list following [this survey](https://arxiv.org/abs/2308.11432).

## Papers
"""
BIBTEX_WITHOUT_CITE_WORDING = """\
# Papers

## Models

```
@article{touvron2023llama,
  title={LLaMA: Open and Efficient Foundation Language Models},
  journal={arXiv preprint arXiv:2302.13971},
}
```
"""


@pytest.mark.parametrize(
    ("readme", "own"),
    [
        (LLMSURVEY_HEAD, OwnPaper(("2303.18223",), (), "A Survey of Large Language Models")),
        (AGENTS_CITATION, OwnPaper(
            ("2309.07864",), (),
            "The Rise and Potential of Large Language Model Based Agents: A Survey",
        )),
        (LEAD_ONLY, OwnPaper((), ("10.1145/3580305.3599256",))),
        (BIBTEX_WITHOUT_CITE_WORDING, OwnPaper()),
        ("# A list\n\n## Papers\n", OwnPaper()),
        (SOMEONE_ELSES_SURVEY, OwnPaper(unclaimed=("arXiv 2303.18223",))),
        (PART_OF_A_REVIEW, OwnPaper(("2211.10873",))),
        (WE_ALSO_MADE_SLIDES, OwnPaper(("2304.08354",))),
        (WE_MADE_A_LIST, OwnPaper(unclaimed=("arXiv 2308.11432",))),
    ],
    ids=["citation-in-the-lead", "citation-section", "link-in-the-lead", "bibtex-of-a-paper",
         "nothing", "someone-elses-survey-in-the-lead", "part-of-a-review",
         "slides-we-made-beside-it", "a-list-we-made-after-it"],
)  # fmt: skip
def test_find_own_paper(readme: str, own: OwnPaper) -> None:
    assert find_own_paper(readme) == own


def test_init_fills_the_survey_key_and_intake_ignores_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "README.md").write_text(LLMSURVEY_HEAD, encoding="utf-8")
    assert main(["init", "--repo", str(tmp_path)]) == 0
    assert "the survey's own paper: A Survey of Large Language Models" in capsys.readouterr().out
    survey = load_config(tmp_path).survey
    assert (survey.arxiv, survey.doi, survey.title) == (
        ("2303.18223",),
        (),
        "A Survey of Large Language Models",
    )
    issue = "Figure 2 of https://arxiv.org/abs/2303.18223v13 shows GPT-4 in 2022."
    assert parse_issue("Figure 2", issue) != []  # an id: a suggestion for intake alone
    assert parse_issue("Figure 2", issue, survey.ids) == []
    title_only = 'Please add "A Survey of Large Language Models"!'
    assert parse_issue("Missing", title_only, survey.ids) == []


def test_init_without_a_citation_leaves_the_key_commented(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("# A list\n\n## Papers\n", encoding="utf-8")
    assert main(["init", "--repo", str(tmp_path)]) == 0
    text = (tmp_path / ".github" / "survey-bot.yml").read_text(encoding="utf-8")
    assert "# survey:\n#   arxiv:" in text
    assert load_config(tmp_path).survey.ids == ()


def test_init_says_why_a_paper_linked_at_the_top_is_not_the_surveys_own(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "README.md").write_text(SOMEONE_ELSES_SURVEY, encoding="utf-8")
    assert main(["init", "--repo", str(tmp_path)]) == 0
    assert load_config(tmp_path).survey.ids == ()
    assert (
        "note: the README's top links arXiv 2303.18223 but does not call it its own (no "
        "citation of it, no \"our survey\"): the survey's own paper is left unset"
    ) in capsys.readouterr().out
