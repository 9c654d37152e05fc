"""``survey-bot init`` looks at a sample survey repo and writes a config that loads."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main
from bot.config import Config, load_config
from tests.realworld.sources import fixture

README = """# Awesome Survey

## 论文 Paper List

1. **"A"**. *X et al*. arXiv 2020. [[paper](https://arxiv.org/abs/2001.00001)]
1. **"B"**. *Y et al*. arXiv 2021. [[paper](https://arxiv.org/abs/2101.00001)]
1. **"C"**. *Z et al*. arXiv 2022. [[paper](https://arxiv.org/abs/2201.00001)]

## Acknowledgements

Thanks to: Ana and Bo.

## Update Log

- Update on April 9, 2023: First.
"""


def sample_repo(root: Path) -> Path:
    (root / "paper").mkdir()
    (root / "paper" / "main.bib").write_text("@article{a2020a, title={A}}\n@misc{b, title={B}}\n")
    (root / "paper" / "extra.bib").write_text("@article{c2020c, title={C}}\n")
    (root / "README.md").write_text(README, encoding="utf-8")
    return root


def test_init_writes_a_config_that_loads(tmp_path, capsys):
    repo = sample_repo(tmp_path)
    assert main(["init", "--repo", str(repo)]) == 0
    config = load_config(repo)
    assert config.bibtex.path == "paper/main.bib"
    assert [r.path for r in config.references] == ["paper/main.bib", "paper/extra.bib", "README.md"]
    assert config.paper_list.section == "论文 Paper List"
    [log] = config.changelog
    assert (log.heading, log.format) == ("Update Log", "bullets")
    assert [t.heading for t in config.acknowledgements] == ["Acknowledgements"]
    assert "wrote" in capsys.readouterr().out


def test_init_refuses_to_overwrite_without_force(tmp_path, capsys):
    repo = sample_repo(tmp_path)
    target = repo / ".github" / "survey-bot.yml"
    target.parent.mkdir()
    target.write_text("language: zh\n")
    assert main(["init", "--repo", str(repo)]) == 2
    assert "--force" in capsys.readouterr().err
    assert target.read_text() == "language: zh\n"
    assert main(["init", "--repo", str(repo), "--force"]) == 0
    assert load_config(repo).bibtex is not None


@pytest.mark.parametrize("files", [{}, {"notes.txt": "hello"}], ids=["empty", "no-survey-files"])
def test_init_on_a_bare_repo_writes_a_commented_config_that_loads(tmp_path, files):
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    config = initialised(tmp_path)
    assert config.bibtex is None and config.paper_list is None and config.references == ()


@pytest.mark.parametrize(
    ("readme_heading", "tex"),
    [
        ("## Contributors", "\\section*{致谢}\n我们感谢张三。\n\n\\section*{更新日志}\n"),
        ("## Thanks", "\\begin{acknowledgements}\nWe thank Ana.\n\\end{acknowledgements}\n"),
        ("## Credits", "\\begin{acknowledgements}\nWe thank Ana.\n\\end{acknowledgements}\n"),
        # acmart's environment (ACM Computing Surveys), NeurIPS' own
        ("## Credits", "\\begin{acks}\nWe thank Ana.\n\\end{acks}\n"),
        ("## Credits", "\\begin{ack}\nWe thank Ana.\n\\end{ack}\n"),
    ],
    ids=["contributors-and-chinese-tex", "thanks-and-environment", "credits", "acks", "ack"],
)
def test_init_finds_thanks_and_changelogs_in_the_latex_source_too(tmp_path, readme_heading, tex):
    (tmp_path / "README.md").write_text(
        f"# Survey\n\n{readme_heading}\n\n- Ana\n- Bo\n\n## News\n\n- 2023/04/09: First.\n",
        encoding="utf-8",
    )
    log = "\\begin{itemize}\n  \\item 2023 年 3 月 31 日首次发布:初始版本。\n\\end{itemize}\n"
    body = tex.replace("\\section*{更新日志}\n", "\\section*{更新日志}\n" + log)
    (tmp_path / "paper").mkdir()
    (tmp_path / "paper" / "main.tex").write_text(
        f"\\begin{{document}}\n{body}\\end{{document}}\n", encoding="utf-8"
    )
    config = initialised(tmp_path)
    thanks = [(t.path, t.heading) for t in config.acknowledgements]
    assert thanks[0] == ("README.md", readme_heading.removeprefix("## "))
    assert thanks[1][0] == "paper/main.tex"
    assert thanks[1][1] in {"致谢", "acknowledgements", "acks", "ack"}
    logs = [(c.path, c.format) for c in config.changelog]
    expected = [("README.md", "bullets")]
    if "更新日志" in tex:
        expected.append(("paper/main.tex", "latex"))
    assert logs == expected


PAPER = '1. **"{0}"**. *Ann Lee et al.* ACL 2023. [[Paper](https://arxiv.org/abs/2301.0{1:04d})]'


def initialised(repo: Path) -> Config:
    """The configuration ``survey-bot init`` writes for ``repo`` (it must succeed)."""
    assert main(["init", "--repo", str(repo)]) == 0
    return load_config(repo)


def _papers(first: int, count: int) -> str:
    return "\n".join(PAPER.format(f"Paper {n}", n) for n in range(first, first + count)) + "\n"


FIGURE_README = f"""# A Survey of LLMs

## The trends of the number of papers related to LLMs on arXiv

![trends](assets/arxiv_llms.png)

## Paper List

### Pre-training

{_papers(1, 3)}
### Adaptation Tuning

{_papers(4, 3)}
## Acknowledgments

We thank the readers.
"""


def test_init_never_takes_a_figure_heading_and_says_why_it_sets_no_section(tmp_path, capsys):
    (tmp_path / "README.md").write_text(FIGURE_README, encoding="utf-8")
    config = initialised(tmp_path)
    assert config.paper_list is not None and config.paper_list.section is None
    out = capsys.readouterr().out
    assert "papers are listed under 2 sections (Pre-training, Adaptation Tuning)" in out
    written = (tmp_path / ".github" / "survey-bot.yml").read_text(encoding="utf-8")
    assert "# section: not set by init: papers are listed under 2 sections" in written


def test_init_finds_every_paper_list_file_and_tables(tmp_path, capsys):
    (tmp_path / "README.md").write_text(
        "# Awesome\n\n- [Chain of thought](paper_list/cot.md)\n- [ICL](paper_list/icl.md)\n",
        encoding="utf-8",
    )
    lists = tmp_path / "paper_list"
    lists.mkdir()
    (lists / "cot.md").write_text(f"# Chain of Thought\n\n{_papers(1, 4)}", encoding="utf-8")
    table = "| Title | Date |\n| --- | --- |\n" + "".join(
        f"| [Paper {n}](https://arxiv.org/abs/2302.0{n:04d}) | 2023/02 |\n" for n in range(5)
    )
    (lists / "icl.md").write_text(f"# In-Context Learning\n\n{table}", encoding="utf-8")
    # Two papers only, but beside the other lists: one too.
    (lists / "eval.md").write_text(f"# Evaluation\n\n{_papers(20, 2)}", encoding="utf-8")
    (tmp_path / "CONTRIBUTING.md").write_text(_papers(9, 3), encoding="utf-8")  # not a list
    (tmp_path / "NOTES.md").write_text(_papers(30, 2), encoding="utf-8")  # two, and alone
    config = initialised(tmp_path)
    assert [r.path for r in config.references] == [
        "paper_list/cot.md",
        "paper_list/eval.md",
        "paper_list/icl.md",
    ]
    assert config.paper_list is not None
    assert (config.paper_list.path, config.paper_list.section) == (
        "paper_list/icl.md",
        "In-Context Learning",
    )
    out = capsys.readouterr().out
    assert "papers listed in paper_list/cot.md, paper_list/eval.md count as cited" in out
    for path in [r.path for r in config.references] + [config.paper_list.path]:
        assert (tmp_path / path).is_file()


def test_news_dated_by_the_month_is_a_bullet_changelog(tmp_path):
    (tmp_path / "README.md").write_text(
        "# Awesome X\n\n## 🔥 News\n\n- [2024.05] Update 20 papers.\n- [2024.02] Create the repo.\n"
        "\n## Papers\n\n- [A](https://arxiv.org/abs/2401.00001)\n",
        encoding="utf-8",
    )
    assert main(["init", "--repo", str(tmp_path)]) == 0
    logs = [(c.path, c.heading, c.format) for c in load_config(tmp_path).changelog]
    assert logs == [("README.md", "News", "bullets")]  # headings are named without emoji


def test_a_paper_linked_in_the_news_makes_no_paper_section(tmp_path, capsys):
    # Tebmer/Awesome-Knowledge-Distillation-of-LLMs (c96c71a9): its News links the survey
    # itself; "News" is no place for a new paper, so the list's one section is the default.
    (tmp_path / "README.md").write_text(
        "# Awesome KD\n\n## 💡 News\n- **2024-2-20**: We released a survey paper "
        '"**[A Survey on KD](https://arxiv.org/abs/2402.13116)**".\n\n'
        "- Update Log\n  - **2024-3-19**: Add 14 papers.\n\n"
        f"## Labeling\n\n{_papers(1, 3)}",
        encoding="utf-8",
    )
    config = initialised(tmp_path)
    assert config.paper_list is not None and config.paper_list.section == "Labeling"
    assert [(c.heading, c.format) for c in config.changelog] == [("News", "bullets")]


def test_a_changelog_named_heading_with_no_log_in_it_is_not_the_changelog(tmp_path, capsys):
    # Xiao0728/late-interaction-retrieval-survey's README: "## Updates and Contributions"
    # is prose that points to CHANGELOG.md; configuring it would put a table there.
    (tmp_path / "README.md").write_text(
        "# Survey\n\n## Papers\n\n- [A](https://arxiv.org/abs/2401.00001)\n"
        "- [B](https://arxiv.org/abs/2401.00002)\n- [C](https://arxiv.org/abs/2401.00003)\n\n"
        "## Updates and Contributions\n\nSee [CONTRIBUTING.md](CONTRIBUTING.md) and "
        "[CHANGELOG.md](CHANGELOG.md).\n",
        encoding="utf-8",
    )
    assert main(["init", "--repo", str(tmp_path)]) == 0
    assert load_config(tmp_path).changelog == ()
    assert "'Updates and Contributions' is no changelog" in capsys.readouterr().out


def test_a_changelog_file_of_dated_sections_is_the_changelog(tmp_path):
    (tmp_path / "README.md").write_text(
        "# Survey\n\n## Papers\n\n- [A](https://arxiv.org/abs/2401.00001)\n"
        "- [B](https://arxiv.org/abs/2401.00002)\n- [C](https://arxiv.org/abs/2401.00003)\n",
        encoding="utf-8",
    )
    (tmp_path / "CHANGELOG.md").write_text(
        "# Changelog\n\n## 2026-09-07 — Reconciliation\n\n- Rebuilt the lists.\n", encoding="utf-8"
    )
    assert main(["init", "--repo", str(tmp_path)]) == 0
    logs = [(c.path, c.format) for c in load_config(tmp_path).changelog]
    assert logs == [("CHANGELOG.md", "sections")]


@pytest.mark.parametrize(
    ("heading", "body", "found"),
    [
        pytest.param(
            "## Update Log", "- 2023/04/09: First.\n", ("bullets", "Update Log"), id="log"
        ),
        pytest.param(
            "#### 🚀 Updates", "* April 15, 2025: Added.\n", ("bullets", "Updates"), id="emoji"
        ),
        pytest.param("## News", "", ("markdown-table", "News"), id="empty-section"),
        # Paitesanshi/LLM-Agent-Survey's "## Update Records" over "- 🔥 [25/3/2024] ..."
        pytest.param(
            "## Update Records",
            "- 🔥 [25/3/2024] Our survey paper has been accepted.\n",
            ("bullets", "Update Records"),
            id="update-records",
        ),
        # A sentence of news over a BibTeX block (AIoT-MLSys-Lab/Efficient-LLMs-Survey):
        # no log there, so no table is made under it.
        pytest.param(
            "### ⚡News: Our survey has been accepted by TMLR, May 2024. Camera ready is out",
            "```\n@article{a, title={A}}\n```\n",
            None,
            id="a-news-sentence",
        ),
        # lonePatient/awesome-pretrained-chinese-nlp-models (65abd11a), README.md 304-306.
        pytest.param(
            "## 更新",
            "- 2026.06.19 增加[GLM-5.2](docs/reasoning-llm.md)，zai-org 最新旗舰推理模型\n"
            "- 2026.06.16 增加[Kimi-K2.7-Code](docs/reasoning-llm.md)、"
            "[MiniMax-M3](docs/reasoning-llm.md)\n",
            ("bullets", "更新"),
            id="chinese-updates",
        ),
        pytest.param("## News", "Our survey was accepted.\n", None, id="prose-only"),
        # Nothing of its own but a subsection of weekly papers (Awesome-LLM-Long-Context-
        # Modeling's "## 📢 News" over "### Week Papers"): not an empty log to fill.
        pytest.param(
            "## 📢 News",
            "### Week Papers\n\n- **[2026.05.27]**\n  - Paper: [P](https://arxiv.org/abs/2605.27980)\n",
            None,
            id="news-over-subsections",
        ),
    ],
)
def test_init_takes_a_changelog_heading_only_over_a_log(tmp_path, heading, body, found):
    (tmp_path / "README.md").write_text(
        f"# S\n\n{heading}\n\n{body}\n## Papers\n\n"
        + "".join(f"- [P{n}](https://arxiv.org/abs/2001.0000{n})\n" for n in range(1, 4)),
        encoding="utf-8",
    )
    config = initialised(tmp_path)
    logs = [(log.format, log.heading) for log in config.changelog]
    assert logs == ([found] if found else [])


_LATEX_LIST = (
    "\\section{Papers}\n\\begin{itemize}\n\\item \\textbf{Reviews}\n\t\\begin{itemize}\n"
    + "".join(f"\t\t\\item Topic {n}~\\cite{{Key:2024a{n},Key:2023b{n}}}\n" for n in range(6))
    + "\t\\end{itemize}\n\\end{itemize}\n"
)
_BIB = "".join(
    f"@article{{Key:2024a{n},\n  title = {{P{n}}},\n  year = {{2024}}\n}}\n" for n in range(6)
)


@pytest.mark.parametrize(
    ("script", "target"),
    [
        # iml-wg/HEPML-LivingReview: make_md.py reads HEPML.tex and writes README.md (and
        # the docs): a paper added to the README would be lost at its next run.
        pytest.param(
            'tex = open("review.tex")\nout = open("README.md", "w")\n',
            "review.tex",
            id="readme-written-from-the-tex",
        ),
        pytest.param(None, "README.md", id="readme-and-tex-kept-apart"),
    ],
)
def test_a_latex_paper_list_is_the_target_when_the_readme_is_written_from_it(
    tmp_path, capsys, script, target
):
    (tmp_path / "review.tex").write_text(_LATEX_LIST, encoding="utf-8")
    (tmp_path / "review.bib").write_text(_BIB, encoding="utf-8")
    readme = f"# Review\n\n## Papers\n\n{_papers(1, 4)}"
    (tmp_path / "README.md").write_text(readme, encoding="utf-8")
    if script:
        (tmp_path / "make_md.py").write_text(script, encoding="utf-8")
    config = initialised(tmp_path)
    assert config.paper_list is not None and config.paper_list.path == target
    assert "README.md" in [r.path for r in config.references]
    out = capsys.readouterr().out
    assert ("README.md is written by make_md.py from review.tex" in out) == bool(script)


def test_a_latex_paper_list_alone_is_the_target(tmp_path, capsys):
    (tmp_path / "review.tex").write_text(_LATEX_LIST, encoding="utf-8")
    (tmp_path / "review.bib").write_text(_BIB, encoding="utf-8")
    config = initialised(tmp_path)
    assert config.paper_list is not None
    assert (config.paper_list.path, config.paper_list.section) == ("review.tex", None)
    assert "review.tex cites papers in 6 list items" in capsys.readouterr().out


def test_repeated_section_names_are_shown_by_their_shortest_path(tmp_path, capsys):
    # atfortes/Awesome-LLM-Reasoning: "### 2025" and "### 2024" under each topic.
    (tmp_path / "README.md").write_text(
        "# Awesome Reasoning\n\n## Survey\n\n### 2025\n\n"
        f"{_papers(1, 3)}\n### 2024\n\n{_papers(4, 3)}\n## Analysis\n\n### 2025\n\n{_papers(7, 3)}",
        encoding="utf-8",
    )
    assert main(["init", "--repo", str(tmp_path)]) == 0
    assert "3 sections (Survey > 2025, 2024, Analysis > 2025)" in capsys.readouterr().out


def test_a_chinese_readme_with_english_titles_and_a_log_of_dated_subsections(tmp_path):
    # The prose decides the language, not the papers' English titles; "## 更新日志" over
    # "### 2026-04-05" subsections is a log of dated sections.
    (tmp_path / "README.md").write_text(
        "# 综述\n\n本仓库收集相关论文。\n\n## 更新日志\n\n### 2026-04-05\n- 添加 3 篇论文\n\n"
        f"### 2026-04-02\n- 初版\n\n## 论文列表\n\n{_papers(1, 4)}",
        encoding="utf-8",
    )
    config = initialised(tmp_path)
    assert config.language == "zh"
    assert [(c.heading, c.format) for c in config.changelog] == [("更新日志", "sections")]


def test_a_sentence_in_heading_form_is_no_thanks_heading(tmp_path):
    # HCPLab-SYSU/Embodied_AI_Paper_List (ea3fedd4), README.md lines 20 and 2153-2154:
    # a call for suggestions set as an h4 near the top ("... Thanks for your
    # cooperation! ..."), the thanks under "## 👏 Acknowledgements" at the end. The
    # sentence was taken, and --thank then wrote into the survey's title below it.
    (tmp_path / "README.md").write_text(
        "# Embodied AI\n\n"
        "#### We appreciate any useful suggestions for improvement of this paper list or "
        "survey from peers. Please raise issues or send an email to **liuy856@mail.sysu.edu.cn**"
        " and **chen867820261@gmail.com**. Thanks for your cooperation! We also welcome your "
        "pull requests for this project!\n\n"
        f"## Papers\n\n{_papers(1, 3)}\n"
        "## 👏 Acknowledgements\n"
        "We sincerely thank Jingzhou Luo, Xinshuai Song, Kaixuan Jiang, Junyi Lin, Zhida Li, "
        "and Ganlong Zhao for their contributions.\n",
        encoding="utf-8",
    )
    assert main(["init", "--repo", str(tmp_path)]) == 0
    thanks = [(t.path, t.heading) for t in load_config(tmp_path).acknowledgements]
    assert thanks == [("README.md", "Acknowledgements")]


def test_a_github_emoji_shortcode_is_an_emoji(tmp_path):
    # HCPLab-SYSU/Embodied_AI_Paper_List (ea3fedd4), README.md lines 35-44 and 58-60:
    # ":collision:" is how GitHub writes 💥. With it the log was no news section, so its
    # link to the survey's PDF made it a second section of papers and no default was set.
    (tmp_path / "README.md").write_text(
        "# Embodied AI\n\n## :collision: Update Log \n"
        "* [2024.07.29] We have updated the project!   \n"
        "* [2024.07.10] We release the first version of the survey on Embodied AI "
        "[PDF](https://arxiv.org/pdf/2407.06886)!\n\n"
        '## <a id="books-surveys"> Books & Surveys <a href="#table-of-contents">🔝</a> </a> \n\n'
        "* **A Survey of Robotic Navigation and Manipulation with Physics Simulators in the "
        "Era of Embodied AI**, arXiv:2505.01458, 2025       \n"
        f"{_papers(1, 3)}",
        encoding="utf-8",
    )
    config = initialised(tmp_path)
    assert config.paper_list is not None and config.paper_list.section == "Books & Surveys"
    assert [(c.heading, c.format) for c in config.changelog] == [("Update Log", "bullets")]


def test_a_section_about_news_is_no_changelog(tmp_path):
    # Mahamudul42/implicit_explicit_survey_paper (262b1a70), sections/applications.tex
    # lines 286-295: a survey of recommender systems has subsections on news
    # recommendation, each with an itemize; init took five of them for changelogs. A
    # log's heading is made of a log's words only ("Update Log", "News and Updates").
    (tmp_path / "README.md").write_text("# Survey\n", encoding="utf-8")
    (tmp_path / "survey.tex").write_text(
        "\\subsubsection{News Recommendation Challenges}\n\n"
        "News platforms face several critical challenges beyond standard recommendation "
        "problems:\n\n\\begin{itemize}\n"
        "    \\item \\textbf{Implicit Feedback}: Click-through rates, dwell time, scroll depth, "
        "sharing actions\n"
        "    \\item \\textbf{Explicit Feedback}: Article ratings (rare), topic preferences, "
        "follow actions, report buttons\n"
        "\\end{itemize}\n\n"
        "\\section*{News and Updates}\n\\begin{itemize}\n"
        "    \\item 2025/10/06: Version 3.0.\n\\end{itemize}\n",
        encoding="utf-8",
    )
    assert main(["init", "--repo", str(tmp_path)]) == 0
    logs = [(c.path, c.format, c.heading) for c in load_config(tmp_path).changelog]
    assert logs == [("survey.tex", "latex", "News and Updates")]


def test_a_survey_discussing_papers_in_lists_is_no_latex_paper_list(tmp_path, capsys):
    # Mahamudul42/implicit_explicit_survey_paper (262b1a70): its related work cites most
    # papers in prose, some in itemized remarks ("\item \textbf{Knowledge Graphs}: ...
    # quality~\cite{wang2019kgat}"); init took the file for a living review's list and
    # would have cited new papers in those remarks. A living review's items hold nearly
    # all its citations (HEPML, QPPQ); here they hold fewer than half.
    (tmp_path / "sections").mkdir()
    (tmp_path / "sections" / "related_work.tex").write_text(
        fixture("feedback_survey_related_work.tex"), encoding="utf-8"
    )
    (tmp_path / "references.bib").write_text(_BIB, encoding="utf-8")
    config = initialised(tmp_path)
    assert config.paper_list is None
    assert config.bibtex is not None and config.bibtex.path == "references.bib"


def test_items_that_are_sentences_citing_papers_are_no_latex_paper_list(tmp_path, capsys):
    # Theoslyy/Survey-on-Privacy-and-AI (3e27d2dd), survey.tex: itemized sentences that
    # cite ("\item \textit{Federated Learning:} Zhang et al.~\cite{zhang2021survey}
    # apresentam um survey ...", "\item\textbf{SISA ...:} Consiste em dividir os dados
    # ... \cite{...}") hold most of its citations; init made it the LaTeX paper list, and
    # a new paper's key would have joined a sentence about another paper. A living
    # review's leaf names a topic or a title and cites (HEPML, QPPQ).
    (tmp_path / "survey.tex").write_text(
        fixture("privacy_survey_item_remarks.tex"), encoding="utf-8"
    )
    (tmp_path / "refs.bib").write_text(_BIB, encoding="utf-8")
    config = initialised(tmp_path)
    assert config.paper_list is None
    assert config.bibtex is not None and config.bibtex.path == "refs.bib"


def test_a_heading_dated_as_updated_is_not_weighed_as_a_log(tmp_path, capsys):
    # chenking2020/FindTheChatGPTer (80ad5c19), README.md: 47 headings like "### MOSS
    # （更新于2023年4月21日）" ("updated on ..."), each about a model. Once "## 更新" was
    # known for a log, init printed a "no changelog" note for each of them.
    (tmp_path / "README.md").write_text(
        "# FindTheChatGPTer\n\n### MOSS （更新于2023年4月21日）\n\n"
        "MOSS是一个支持中英双语和多种插件的开源对话语言模型。\n",
        encoding="utf-8",
    )
    assert main(["init", "--repo", str(tmp_path)]) == 0
    assert "is no changelog" not in capsys.readouterr().out


def test_news_dated_with_a_two_digit_year_first_is_a_bullet_changelog(tmp_path, capsys):
    # Yutong-Zhou-cv/Awesome-Text-to-Image (b2a6b3fa), README.md lines 42-48: news dated
    # YY/MM/DD ("[24/02/29]"), newest first; no changelog was set up.
    (tmp_path / "README.md").write_text(
        "# Awesome Text to Image\n\n## 🎑 News\n> [!TIP]\n"
        "> **Version 1.0** (All-in-one version) can be found [here](https://github.com/"
        "Yutong-Zhou-cv/Awesome-Text-to-Image/tree/2024-Version-1.0) and will be **stop "
        "updating from 24/02/29**.\n"
        '* [24/02/29] Update **"Awesome Text to Image" Version 2.0**! *Paper With Code* and '
        "*Other Related Works* will also be gradually updated in March.\n"
        '* [23/04/04] "**Vision + Language Applications: A Survey**" was accepted by '
        "CVPRW2023.\n"
        "* [20/10/13] **Awesome-Text-to-Image** repo is created.\n\n"
        f"## Papers\n\n{_papers(1, 3)}",
        encoding="utf-8",
    )
    assert main(["init", "--repo", str(tmp_path)]) == 0
    logs = [(c.path, c.heading, c.format) for c in load_config(tmp_path).changelog]
    assert logs == [("README.md", "News", "bullets")]


def test_news_whose_two_digit_years_could_be_any_part_is_not_guessed(tmp_path, capsys):
    (tmp_path / "README.md").write_text(
        "# Awesome X\n\n## News\n- [04/05/06] Second.\n- [01/02/03] First.\n\n"
        f"## Papers\n\n{_papers(1, 3)}",
        encoding="utf-8",
    )
    assert main(["init", "--repo", str(tmp_path)]) == 0
    assert load_config(tmp_path).changelog == ()
    out = capsys.readouterr().out
    assert (
        "note: 'News' is no changelog the bot can write: dates like 04/05/06 read as "
        "YY/MM/DD, DD/MM/YY or MM/DD/YY alike: the bot cannot tell which" in out
    )


def test_a_sentence_in_heading_form_is_no_section_for_papers(tmp_path, capsys):
    # HCPLab-SYSU/Embodied_AI_Paper_List (ea3fedd4), README.md lines 20-24: the call for
    # suggestions set as an h4 stands over the survey's own paper, so init's note named
    # that sentence among the sections new papers could go under.
    (tmp_path / "README.md").write_text(
        "# Embodied AI\n\n"
        "#### We appreciate any useful suggestions for improvement of this paper list or "
        "survey from peers. Please raise issues or send an email to **liuy856@mail.sysu.edu.cn**"
        " and **chen867820261@gmail.com**. Thanks for your cooperation! We also welcome your "
        "pull requests for this project!\n\n"
        '![Teaser](teaser.png "demo")\n\n'
        "[**Aligning Cyber Space with Physical World: A Comprehensive Survey on Embodied AI, "
        "IEEE/ASME Transactions on Mechatronics 2025**](https://arxiv.org/pdf/2407.06886)    \n"
        "  [Yang Liu](https://yangliu9208.github.io), Weixing Chen, Yongjie Bai\n\n"
        f"## Books & Surveys\n\n{_papers(1, 3)}",
        encoding="utf-8",
    )
    config = initialised(tmp_path)
    assert config.paper_list is not None and config.paper_list.section == "Books & Surveys"
    assert "We appreciate" not in capsys.readouterr().out


_READ_PAPERS = ("A Survey of In-Context Reinforcement Learning", "Reward Is Enough")


def _paper_sources(root: Path) -> None:
    """papers/<title>/ holding each read paper's own LaTeX source, thanks and .bib."""
    for title in _READ_PAPERS:
        folder = root / "papers" / title
        folder.mkdir(parents=True)
        (folder / "main.tex").write_text(
            f"\\documentclass{{article}}\n\\title{{{title}}}\n\\begin{{document}}\n"
            "\\section*{Acknowledgements}\nWe thank Ana Alves.\n\\bibliography{refs}\n"
            "\\end{document}\n",
            encoding="utf-8",
        )
        (folder / "refs.bib").write_text(_BIB, encoding="utf-8")


def test_the_latex_sources_of_the_papers_a_repository_reads_are_not_the_surveys(
    tmp_path, capsys
):
    # BaochaiXue/in-context-RL-papers-reading (2f988475): papers/<title>/ keeps the arXiv
    # sources of the 44 papers it reads, each with its \documentclass, acknowledgements and
    # .bib. init thanked readers in 40 of those papers' acknowledgements, took one paper's
    # repobib.bib for the survey's bibliography and counted them all as cited.
    _paper_sources(tmp_path)
    (tmp_path / "README.md").write_text("# Reading in-context RL\n\nNotes.\n", encoding="utf-8")
    config = initialised(tmp_path)
    assert config.acknowledgements == () and config.bibtex is None and config.references == ()
    out = capsys.readouterr().out
    assert "2 LaTeX documents (papers/A Survey of In-Context Reinforcement Learning, " in out


def test_of_several_latex_documents_the_one_the_readme_cites_as_its_own_is_the_surveys(
    tmp_path,
):
    _paper_sources(tmp_path)
    (tmp_path / "README.md").write_text(
        "# ICRL\n\nIf you find our survey useful, please cite it:\n\n```\n@article{icrl,\n"
        "  title={A Survey of In-Context Reinforcement Learning},\n  year={2025}\n}\n```\n",
        encoding="utf-8",
    )
    config = initialised(tmp_path)
    own = f"papers/{_READ_PAPERS[0]}"
    assert [(t.path, t.heading) for t in config.acknowledgements] == [
        (f"{own}/main.tex", "Acknowledgements")
    ]
    assert config.bibtex is not None and config.bibtex.path == f"{own}/refs.bib"
    assert [r.path for r in config.references] == [f"{own}/refs.bib"]


def test_a_list_of_the_papers_a_review_dropped_is_neither_cited_nor_its_list(tmp_path, capsys):
    # aghribi/acc-ml-living-review (a6483f57), data/migration_dropped.md: "# Migration:
    # dropped papers", "Every paper rejected by the funnel ...", a table of 187 titles.
    # init made it the paper list (new papers among the rejected ones) and counted its
    # papers as cited: a reader suggesting one would have heard it was cited already.
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "migration_dropped.md").write_text(
        fixture("accel_review_dropped_papers.md"), encoding="utf-8"
    )
    (tmp_path / "papers.md").write_text("# Papers\n\n" + _papers(1, 3), encoding="utf-8")
    config = initialised(tmp_path)
    assert [r.path for r in config.references] == ["papers.md"]
    assert config.paper_list is not None and config.paper_list.path == "papers.md"
    out = capsys.readouterr().out
    assert "data/migration_dropped.md lists papers left out ('Migration: dropped papers')" in out


def test_the_slides_of_the_survey_beside_its_paper_are_one_work(tmp_path):
    # Two document folders of one title (the paper and its talk) are the survey's sources.
    for folder, kind in (("paper", "article"), ("slides", "beamer")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "main.tex").write_text(
            f"\\documentclass{{{kind}}}\n\\title{{A Survey of Agents}}\n\\begin{{document}}\n"
            "\\section*{Acknowledgements}\nWe thank Ana Alves.\n\\end{document}\n",
            encoding="utf-8",
        )
    (tmp_path / "paper" / "refs.bib").write_text(_BIB, encoding="utf-8")
    config = initialised(tmp_path)
    assert config.bibtex is not None and config.bibtex.path == "paper/refs.bib"
    assert [t.path for t in config.acknowledgements] == ["paper/main.tex", "slides/main.tex"]


def test_a_templates_sample_acknowledgements_are_no_thank_you(tmp_path, capsys):
    # geneura-papers/uncertainty-in-EAs (3c1b7a72) keeps GECCO's acmart sample beside its
    # survey; once acks was read, init listed the sample's "support of grants\\ taking\\
    # this\\ much\\ space" as a thank-you, and the reader would have been thanked there.
    (tmp_path / "gecco2018.tex").write_text(fixture("gecco_sample_acks.tex"), encoding="utf-8")
    (tmp_path / "survey.tex").write_text(
        "\\section*{Acknowledgements}\nWe thank Ana Alves.\n", encoding="utf-8"
    )
    config = initialised(tmp_path)
    assert [(t.path, t.heading) for t in config.acknowledgements] == [
        ("survey.tex", "Acknowledgements")
    ]
    assert "gecco2018.tex > acks is a document class's sample text (its words are broken" in (
        capsys.readouterr().out
    )


@pytest.mark.parametrize(
    ("extra", "said"),
    [
        ("", True),
        # thanks of their own elsewhere: the footnote is not mentioned
        ("\\section*{Acknowledgements}\nWe thank Ana Alves.\n", False),
    ],
)
def test_thanks_in_the_title_footnote_only_are_said_to_be_there(tmp_path, capsys, extra, said):
    # bisraelsen/Circumspect_survey (4411dda5): the authors thank Michael Mozer and Eric
    # Frew, then their funders, in the title's \thanks footnote, and nowhere else. init found
    # "no acknowledgements heading" and said nothing of it. A footnote is no section to add
    # readers to (the first page's footnote is the authors' and funders'): init says so.
    tex = fixture("assurances_title_thanks.tex") + "\\thanks{Department of Physics}\n" + extra
    (tmp_path / "main_acm.tex").write_text(tex, encoding="utf-8")
    config = initialised(tmp_path)
    out = capsys.readouterr().out
    assert bool(config.acknowledgements) is not said
    assert (
        "note: main_acm.tex thanks people only in a \\thanks footnote ('The authors acknowledge "
        "the helpful feedback of Michael Mozer and Eric Frew" in out
    ) is said


_EXPORTER = "def export(db):\n    (outpath / 'livingreview.bib').write_text(to_bibtex(db))\n"


@pytest.mark.parametrize(
    ("files", "bibtex"),
    [
        # aghribi/acc-ml-living-review (a6483f57): a pipeline writes the review's .bib from
        # data/db.json into its Hugo site (site/static/downloads/livingreview.bib, the
        # largest of five copies); init made it the .bib new entries go into, where the
        # pipeline's next run would overwrite them.
        ({"site/static/downloads/livingreview.bib": _BIB, "pipeline/export.py": _EXPORTER},
         None),
        # a copy the site's build made (static/ copied into public/), kept twice
        ({"site/static/cite.bib": _BIB, "site/public/cite.bib": _BIB}, None),
        # the survey's own .bib beside a published copy of it is the one written into
        ({"site/static/downloads/livingreview.bib": _BIB, "pipeline/export.py": _EXPORTER,
          "paper/refs.bib": _BIB}, "paper/refs.bib"),
        # tonyauyeung/ml4mol-paper-list: the .bib a site serves, kept by hand (its JavaScript
        # reads it, no script writes it), is the survey's own
        ({"static/_bibliography/papers.bib": _BIB,
          "static/js/bibsearch.js": "fetch('../_bibliography/papers.bib')\n"},
         "static/_bibliography/papers.bib"),
    ],
    ids=["written-by-a-script", "kept-twice", "beside-the-source", "served-kept-by-hand"],
)  # fmt: skip
def test_a_published_copy_of_the_bib_is_read_but_not_written(tmp_path, capsys, files, bibtex):
    for path, text in files.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text, encoding="utf-8")
    config = initialised(tmp_path)
    bibs = [path for path in files if path.endswith(".bib")]
    assert sorted(r.path for r in config.references) == sorted(bibs)
    assert (config.bibtex.path if config.bibtex else None) == bibtex
    said = "published copies (served by a site, and written by a script" in capsys.readouterr().out
    assert said is (len(bibs) > 1 or bibtex is None)


@pytest.mark.parametrize(
    ("name", "path"),
    [
        # MattSkala/meshnet-survey (64737caa): the author's reading notes beside the LaTeX
        # survey and its mybibfile.bib; init made them the paper list (new papers among
        # remarks such as "- project abandoned").
        ("meshnet_reading_notes.md", "NOTES.md"),
        # cremarco/kg-exploration-survey (3598c26a): an LLM prompt for the survey's website,
        # its schema as bullets; init made it the paper list, with the default section
        # "SCHEMA (only these fields; any order; keys must match exactly)".
        ("kg_exploration_prompt.md", "website/scripts/prompt.md"),
    ],
)
def test_notes_and_prompts_naming_a_few_papers_are_no_paper_list(tmp_path, capsys, name, path):
    (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / path).write_text(fixture(name), encoding="utf-8")
    (tmp_path / "mybibfile.bib").write_text(_BIB, encoding="utf-8")
    config = initialised(tmp_path)
    assert config.paper_list is None
    assert [r.path for r in config.references] == ["mybibfile.bib"]
    assert f"note: {path}: a few papers among many more lines of notes" in capsys.readouterr().out


def test_a_list_of_papers_each_over_its_fields_is_a_paper_list(tmp_path):
    # Mingyue-Cheng/Awesome-Time-Series-Foundation-Model's shape: each paper a heading over
    # bullets of its fields, which link nothing: more items than papers, but a list.
    fields = "- **Authors**: Ann Lee\n- **Venue**: ACL\n- **Year**: 2023\n- **Code**: none\n"
    entries = "".join(
        f"### [Paper {n}](https://arxiv.org/abs/2301.0{n:04d})\n\n{fields}\n" for n in range(4)
    )
    (tmp_path / "papers.md").write_text(f"# Papers\n\n{entries}", encoding="utf-8")
    config = initialised(tmp_path)
    assert config.paper_list is not None and config.paper_list.path == "papers.md"


def test_a_readme_naming_papers_is_read_as_the_list_however_sparse(tmp_path):
    # yaodongC/awesome-instruction-dataset (5ef69722): datasets, each a heading over its
    # fields, of which the reader takes four for papers: still the README's list (the
    # README is the list's front page; the notes rule would have dropped it).
    (tmp_path / "README.md").write_text(fixture("meshnet_reading_notes.md"), encoding="utf-8")
    config = initialised(tmp_path)
    assert config.paper_list is not None and config.paper_list.path == "README.md"
