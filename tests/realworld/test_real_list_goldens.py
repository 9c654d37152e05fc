"""``add`` on real lists: the hand-written goldens of the issue 11 fixtures.

Each case inserts one paper (its metadata as the resolver would give it, no code or
project links, which metadata does not carry) and compares the whole file. Where
the golden lets a tool write something else (no model badge, no description, no
code link), the case says which of its acceptable forms this is; where ours
differs from every form it allows, the case says why (``DEVIATION``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.editors.lines import Lines
from bot.editors.paper_list import add_to_paper_list
from bot.suggestions import PaperItem, PaperRecord
from tests.conftest import RENDERER

FIXTURES = Path(__file__).parent / "fixtures"


def inserted(fixture: str, after: int, new: list[str]) -> str:
    """The fixture with ``new`` lines after its line ``after`` (1-based), in its newlines."""
    lines = Lines.parse((FIXTURES / f"{fixture}.md").read_bytes().decode("utf-8"))
    lines.insert(after, new)
    return lines.text()


def added(fixture: str, section: str, record: PaperRecord) -> str:
    text = (FIXTURES / f"{fixture}.md").read_bytes().decode("utf-8")
    result = add_to_paper_list(text, [PaperItem(record, section)], None, renderer=RENDERER)
    assert result.skipped == ()
    return result.text


JAVISGPT = PaperRecord(
    title="JavisGPT: A Unified Multi-modal LLM for Sounding-Video Comprehension and Generation",
    year=2025,
    venue="NeurIPS 2025",
    url="https://openreview.net/pdf?id=MZoOpD9NHV",
)

# A survey two lists of world models added (leofan90's and LMD0311's), each in its form.
EMBODIED_SAFETY = PaperRecord(
    title="Safety in Embodied AI: A Survey of Risks, Attacks, and Defenses",
    authors=("Xin Zheng", "Bo Li"),
    year=2026,
    month=5,
    arxiv="2605.02900",
)

CASES = [
    pytest.param(
        "rl_yymm_nick_links",
        "Autoregression-based RL",
        PaperRecord(
            # (a made-up paper: the layout is what is tested)
            title="Perception-R2: Reinforcing Visual Perception in Multimodal LLMs via "
            "Probabilistic Rewards",
            authors=("Ann Lee", "Bo Li"),
            year=2025,
            venue="arXiv",
            arxiv="2506.55555",
        ),
        # Newest first by the arXiv month: last, after 2507; "[2506]", its name in brackets
        # as the title's first word (as the list names most of its papers), the title's
        # link; a blank line before it as between every two.
        (
            22,
            [
                "",
                "* [2506] [Perception-R2] [Perception-R2: Reinforcing Visual Perception in "
                "Multimodal LLMs via Probabilistic Rewards](https://arxiv.org/abs/2506.55555)",
            ],
        ),
        id="yymm-nick-links",
    ),
    pytest.param(
        "situational_apa_bold_names",
        "AI Safety and SA",
        PaperRecord(
            title="Alignment faking in large language models",
            authors=("Ryan Greenblatt", "Carson Denison", "Benjamin Wright"),
            year=2024,
            venue="arXiv",
            arxiv="2412.14093",
        ),
        # APA as the list writes it: surnames and initials, "&" before the last, the year in
        # the bold; among the 2024 papers by the first author's surname, after Bondarenko
        # and before Laine; the link as "[[link]](...)" with its arXiv address.
        (
            36,
            [
                "- **Greenblatt, R., Denison, C., & Wright, B. (2024).** Alignment faking in "
                "large language models. [[link]](https://arxiv.org/abs/2412.14093)",
            ],
        ),
        id="apa-bold-names",
    ),
    pytest.param(
        "host_networking_dash_tags",
        "1.4 Profiling",
        PaperRecord(
            # (a made-up paper: the layout is what is tested)
            title="Flexible Packet Steering for Multi-Tenant NICs",
            authors=("Ann Lee", "Bo Li"),
            year=2024,
            venue="NSDI 2024",
            url="https://www.usenix.org/conference/nsdi24/presentation/lee",
        ),
        # "24-NSDI-" glued to the title by dashes, no link and no names (the list writes
        # none); oldest first, so after the last paper, of 2024 too.
        (46, ["- 24-NSDI-Flexible Packet Steering for Multi-Tenant NICs"]),
        id="dash-year-venue-tags",
    ),
    pytest.param(
        "recsys_lenticular_notes",
        "Collaborative Filtering",
        PaperRecord(
            # (a made-up paper: the layout is what is tested)
            title="Graph Denoising Diffusion for Collaborative Filtering",
            authors=("Ann Lee", "Bo Li"),
            year=2024,
            venue="KDD 2024",
            url="https://dl.acm.org/doi/10.1145/3637528.0000000",
        ),
        # "Title. KDD 2024" as the section writes its papers: no names, no link (none of its
        # ten has one), last (oldest first). The golden allows leaving out the note in
        # lenticular brackets, a translation only the maintainers can write.
        (15, ["-   Graph Denoising Diffusion for Collaborative Filtering. KDD 2024"]),
        id="plain-bullets-lenticular-notes",
    ),
    pytest.param(
        "exploration_angle_links_bibtex_names",
        "Prediction / Prediction error based Methods",
        PaperRecord(
            title="Never Give Up: Learning Directed Exploration Strategies",
            authors=("Adrià Puigdomènech Badia", "Pablo Sprechmann", "Alex Vitvitskyi"),
            year=2020,
            venue="arXiv",
            arxiv="2002.06038",
        ),
        # First (newest first: 2019, 2018, 2018, 2018, 2017); "<[Title](url)>", no name in
        # brackets (the list's own, none for a new paper); the names as four of the five
        # write them, "Surname, Given and ...", then the year; "/pdf/<id>" as the two plain
        # arXiv links; a blank line after it.
        (
            16,
            [
                "* <[Never Give Up: Learning Directed Exploration Strategies]"
                "(https://arxiv.org/pdf/2002.06038)> by Badia, Adrià Puigdomènech and "
                "Sprechmann, Pablo and Vitvitskyi, Alex, 2020.",
                "",
            ],
        ),
        id="angle-links-bibtex-names",
    ),
    pytest.param(
        "adaptation_venue_tag_paragraphs",
        "Action Recognition",
        PaperRecord(
            # (a made-up paper: the layout is what is tested)
            title="Cross-Modal Prototype Test-Time Adaptation for Egocentric Action Recognition",
            authors=("Ann Lee", "Bo Li"),
            year=2025,
            venue="arXiv",
            arxiv="2503.33333",
            published_venue="ICCV 2025",
        ),
        # Oldest year first: after the last paper of 2025, before AAAI 2026; "(ICCV 2025)"
        # before the link, "/abs/<id>" as both arXiv links, "by Lee et al." after it, no code
        # link; one blank line before and after, as most of the entries.
        (
            22,
            [
                "",
                "(ICCV 2025) [Cross-Modal Prototype Test-Time Adaptation for Egocentric Action "
                "Recognition](https://arxiv.org/abs/2503.33333) by Lee et al.",
            ],
        ),
        id="venue-tag-paragraphs",
    ),
    pytest.param(
        "patch_heading_entries_notes",
        "Certified Defenses",
        PaperRecord(
            title="PatchCURE: Improving Certifiable Robustness, Model Utility, and Computation "
            "Efficiency of Adversarial Patch Defenses",
            authors=("Chong Xiang", "Tong Wu", "Sihui Dai", "Jonathan Petit"),
            year=2023,
            venue="arXiv",
            arxiv="2310.13076",
            published_venue="USENIX Security 2024",
        ),
        # Last (the list is oldest first and added to at its end), a heading of its link,
        # a blank line and the venue with its year, as five of the seven entries with a
        # venue; no notes (the maintainer's to write).
        (
            78,
            [
                "",
                "#### [PatchCURE: Improving Certifiable Robustness, Model Utility, and Computation "
                "Efficiency of Adversarial Patch Defenses](https://arxiv.org/abs/2310.13076)",
                "",
                "USENIX Security 2024",
            ],
        ),
        id="heading-entries-notes",
    ),
    pytest.param(
        "viz_bold_venue_links",
        "2.1 Benchmark",
        PaperRecord(
            title="MultiChartQA: Benchmarking Vision-Language Models on Multi-Chart Problems",
            authors=("Zifeng Zhu", "Mengzhao Jia", "Zhihan Zhang", "Lang Li", "Meng Jiang"),
            year=2024,
            venue="arXiv",
            arxiv="2410.14179",
            month=10,
            day=18,
        ),
        # Newest year first (October 2024 before ChartX, February 2024), in the papers above
        # "--- Pre-LLM ---" (2023 to 2025; those below it are 2018 to 2022); " <br>" ends
        # the title's and the names' lines as in 10 of 17 entries; the paper's link on its
        # venue and date, "[arXiv, 18 Oct 2024]" as three of the four dated arXiv links
        # write it, to "/pdf/<id>" (6 of the 11 arXiv links); no code link, so no " • ".
        (
            30,
            [
                "",
                "**MultiChartQA: Benchmarking Vision-Language Models on Multi-Chart Problems**"
                " <br>",
                "Zifeng Zhu, Mengzhao Jia, Zhihan Zhang, Lang Li, Meng Jiang <br>",
                "[arXiv, 18 Oct 2024](https://arxiv.org/pdf/2410.14179)",
            ],
        ),
        id="bold-venue-links",
    ),
    pytest.param(
        "dynamics_in_venue_bullets",
        "1. Learning Dynamics of GD and SGD",
        PaperRecord(
            title="Sharp Minima Can Generalize For Deep Nets",
            authors=("Laurent Dinh", "Razvan Pascanu", "Samy Bengio", "Yoshua Bengio"),
            year=2017,
            venue="arXiv",
            arxiv="1703.04933",
            published_venue="ICML 2017",
        ),
        # Oldest first: after the last paper of 2017; "Title. In *Venue Year*." and the
        # "[[pdf](url)]" link, "/pdf/<id>.pdf" as every arXiv link of the list.
        (
            7,
            [
                "- Sharp Minima Can Generalize For Deep Nets. In *ICML 2017*. "
                "[[pdf](https://arxiv.org/pdf/1703.04933.pdf)]"
            ],
        ),
        id="plain-title-in-venue",
    ),
    pytest.param(
        "tracking_year_sections_notes",
        "2021",
        PaperRecord(
            title="Learning to Track Objects from Unlabeled Videos",
            authors=("Jilai Zheng", "Chao Ma", "Houwen Peng", "Xiaokang Yang"),
            year=2021,
            arxiv="2108.12711",
            published_venue="ICCV 2021",
        ),
        # Last of its year (the section is in no order), quoted, the venue without its year
        # (the heading gives it) and a full stop, "[[Paper]](url)" and the two spaces every
        # entry line ends with; no nickname and no note (the maintainer's to write).
        (
            27,
            [
                '* "Learning to Track Objects from Unlabeled Videos" ICCV. '
                "[[Paper]](https://arxiv.org/abs/2108.12711)  "
            ],
        ),
        id="year-sections-notes",
    ),
    pytest.param(
        "cyber_numbered_pipes",
        "FUZZ",
        PaperRecord(
            title="Large Language Models are Few-shot Testers: Exploring LLM-based General Bug "
            "Reproduction",
            authors=("Sungmin Kang", "Juyeon Yoon", "Shin Yoo"),
            year=2023,
            arxiv="2209.11515",
            published_venue="ICSE 2023",
        ),
        # Newest first, so the oldest (its arXiv month, 2022.09: the day is not known) goes
        # last as 19; the venue in italics without its year, as "*ICSE*" above; the link
        # "/abs/" as the nearest arXiv link writes it (the section is split 8 to 8).
        # DEVIATION: "*ICSE 2023*": beside the arXiv month of another year the venue keeps
        # its year, or the entry would not say when it was published (the maintainer writes
        # the publication date, "2023.05", which the metadata does not give). "/pdf/": the
        # tie is broken by the list's first entries (nearest-first broke two other goldens).
        (
            40,
            [
                "",
                "19. Large Language Models are Few-shot Testers: Exploring LLM-based General Bug "
                "Reproduction | *ICSE 2023* | 2022.09 | "
                "[<u>Paper Link</u>](https://arxiv.org/pdf/2209.11515)",
            ],
        ),
        id="numbered-pipe-separated",
    ),
    pytest.param(
        "llm4aad_nick_dash_table",
        "Papers",
        PaperRecord(
            title="Large Language Models as Evolutionary Optimizers",
            authors=("Shengcai Liu", "Caishun Chen", "Xinghua Qu", "Ke Tang", "Yew-Soon Ong"),
            year=2024,
            arxiv="2310.19046",
            published_venue="CEC 2024",
        ),
        # The table is in month order: 2023.10 opens it. The link is an arXiv PDF as in
        # every arXiv row; no name before the dash (none is known: allowed, the dash goes
        # with it); Problems, Focus and Resources are the maintainer's: empty cells, written
        # as a maintainer of another table wrote them (``|  |`` for text, ``| |`` for links).
        (
            22,
            [
                "| 2023.10 | [Large Language Models as Evolutionary Optimizers]"
                "(https://arxiv.org/pdf/2310.19046) | CEC 2024 |  |  | |"
            ],
        ),
        id="name-dash-title-in-link",
    ),
    pytest.param(
        "video_llm_tables",
        "Video-based Large Language Models Benchmark",
        PaperRecord(
            title="LongVideoBench: A Benchmark for Long-context Interleaved Video-Language "
            "Understanding",
            authors=("Haoning Wu", "Dongxu Li", "Bei Chen", "Junnan Li"),
            year=2024,
            arxiv="2407.15754",
            published_venue="NeurIPS 2024",
        ),
        # Appended (the table is in order of addition), four cells as the header has, the
        # code cell "-" as the golden says for an unknown code URL; padding as a neighbour's.
        (
            100,
            [
                "| [**LongVideoBench: A Benchmark for Long-context Interleaved Video-Language "
                "Understanding**](https://arxiv.org/abs/2407.15754) | 07/2024 | - |"
                "                NeurIPS 2024 |"
            ],
        ),
        id="table-appended",
    ),
    pytest.param(
        "video_llm_tables",
        "LLM as Summarizer",
        PaperRecord(
            title="MM-VID: Advancing Video Understanding with GPT-4V(ision)",
            authors=("Kevin Lin", "Faisal Ahmed"),
            year=2023,
            arxiv="2310.19773",
        ),
        # Between 12/2023 and 07/2023 (sorted by date, newest first). The golden's code cell
        # holds the project page, which metadata does not give: "[code]()" as 8 rows write it.
        (
            34,
            [
                "| [**MM-VID: Advancing Video Understanding with GPT-4V(ision)**]"
                "(https://arxiv.org/abs/2310.19773) |   MM-VID   | 10/2023 |      [code]()       "
                "| arXiv |"
            ],
        ),
        id="table-by-date",
    ),
    pytest.param(
        "ai_for_math_sorted_table",
        "awesome-ai-for-math",
        PaperRecord(
            title="Deep Learning Gauss–Manin Connections",
            authors=("Kathryn Heal", "Avinash Kulkarni", "Emre Can Sertöz"),
            year=2022,
            arxiv="2007.13786",
            published_venue="Advances in Applied Clifford Algebras",
            published_doi="10.1007/s00006-022-01207-1",
        ),
        # Alphabetical; the published DOI on the title, the preprint as "[arXiv]" (the list's
        # rule); the Subject(s) cell is the maintainer's to fill (the golden leaves it open).
        (
            65,
            [
                "| **[Deep Learning Gauss–Manin Connections](https://doi.org/10.1007/"
                "s00006-022-01207-1)** |  | Advances in Applied Clifford Algebras 2022 | "
                "[arXiv](https://arxiv.org/abs/2007.13786) |"
            ],
        ),
        id="table-alphabetical",
    ),
    pytest.param(
        "cvpr2024_bold_paper_code",
        "Knowledge Distillation",
        PaperRecord(
            title="CrossKD: Cross-Head Knowledge Distillation for Object Detection",
            authors=("Jiabao Wang", "Yuming Chen"),
            year=2024,
            arxiv="2306.11369",
            published_venue="CVPR 2024",
        ),
        # The golden's form without a code URL: "- 代码/Code: None", never dropped.
        (
            207,
            [
                "",
                "**CrossKD: Cross-Head Knowledge Distillation for Object Detection**",
                "",
                "- 论文/Paper: http://arxiv.org/pdf/2306.11369",
                "- 代码/Code: None",
            ],
        ),
        id="bold-paragraph-with-bullets",
    ),
    pytest.param(
        "cvpr2025_chinese_h4_entries",
        "3DGS",
        PaperRecord(
            title="3DGUT: Enabling Distorted Cameras and Secondary Rays in Gaussian Splatting",
            authors=("Qi Wu",),
            year=2025,
            arxiv="2412.12507",
            published_venue="CVPR 2025",
        ),
        # The golden's "weaker alternative": at the end of the section. It prefers the top,
        # from the last upstream commit; the file itself shows no order (DEVIATION).
        (
            154,
            [
                "",
                "#### 3DGUT: Enabling Distorted Cameras and Secondary Rays in Gaussian Splatting",
                "- Link：[https://arxiv.org/pdf/2412.12507](https://arxiv.org/pdf/2412.12507)",
            ],
        ),
        id="chinese-heading-entry",
    ),
    pytest.param(
        "diffusion_bold_backslash",
        "Survey",
        PaperRecord(
            title="Diffusion Models for Reinforcement Learning: A Survey",
            authors=(
                "Zhengbang Zhu",
                "Hanye Zhao",
                "Haoran He",
                "Yichao Zhong",
                "Shenyu Zhang",
                "Haoquan Guo",
                "Tingting Chen",
                "Weinan Zhang",
            ),
            year=2023,
            arxiv="2311.01223",
            month=11,
            day=2,  # arXiv's <published> (the day of the first version)
        ),
        # First (newest first), dated "2 Nov 2023" as the golden says.
        (
            191,
            [
                "**Diffusion Models for Reinforcement Learning: A Survey** \\",
                "*Zhengbang Zhu, Hanye Zhao, Haoran He, Yichao Zhong, Shenyu Zhang, Haoquan Guo, "
                "Tingting Chen, Weinan Zhang* \\",
                "arXiv 2023. [[Paper](https://arxiv.org/abs/2311.01223)] \\",
                "2 Nov 2023",
                "",
            ],
        ),
        id="bold-paragraph-hard-breaks",
    ),
    pytest.param(
        "lm_ssp_date_prefixed",
        "C2. Data Reconstruction",
        PaperRecord(
            title="Quantifying Memorization Across Neural Language Models",
            authors=("Nicholas Carlini", "Daphne Ippolito"),
            year=2022,
            arxiv="2202.07646",
            published_venue="ICLR 2023",
        ),
        # By the date prefix, newest first; the venue badge "ICLR'23" in the list's colour. The
        # model badge is the maintainer's classification: the golden lets a tool omit it.
        (
            59,
            [
                "- [2022/02] **[Quantifying Memorization Across Neural Language Models]"
                "(https://arxiv.org/abs/2202.07646)** "
                "![ICLR'23](https://img.shields.io/badge/ICLR'23-f1b800)"
            ],
        ),
        id="date-prefixed-badges",
    ),
    pytest.param(
        "prompt_papers_numbered",
        "Improvements",
        PaperRecord(
            title="Large Language Models Are Human-Level Prompt Engineers",
            authors=(
                "Yongchao Zhou",
                "Andrei Ioan Muresanu",
                "Ziwen Han",
                "Keiran Paster",
                "Silviu Pitis",
                "Harris Chan",
                "Jimmy Ba",
            ),
            year=2022,
            arxiv="2211.01910",
            published_venue="ICLR 2023",
        ),
        # Item 10, venue "ICLR 2023.", authors indented 3 (allowed), "/abs/" link, "2022.11".
        # The line inside is empty, as in item 9 and five of the section's nine items (two
        # hold 3 spaces, two hold 9). No badges (allowed).
        (
            284,
            [
                "",
                "10. **Large Language Models Are Human-Level Prompt Engineers.** ICLR 2023.",
                "",
                "   *Yongchao Zhou, Andrei Ioan Muresanu, Ziwen Han, Keiran Paster, "
                "Silviu Pitis, Harris Chan, Jimmy Ba.* [[pdf](https://arxiv.org/abs/2211.01910)], "
                "2022.11",
            ],
        ),
        id="numbered-two-paragraphs",
    ),
    pytest.param(
        "llm_robotics_second_links",
        "Reasoning",
        PaperRecord(
            title="Robotic Control via Embodied Chain-of-Thought Reasoning",
            authors=("Michał Zawalski", "William Chen"),
            year=2024,
            arxiv="2407.08693",
            published_venue="CoRL 2024",
        ),
        # The golden's alternative: dated by the arXiv month, after ReKep (Sep 2024), before
        # Octopi (June 24), "[[Paper]]" carrying the paper, CRLF. No nickname: "ECoT" is not
        # in the title (DEVIATION from the preferred form, which knows it).
        (
            47,
            [
                '* "Robotic Control via Embodied Chain-of-Thought Reasoning", *CoRL, Jul 2024*. '
                "[[Paper](https://arxiv.org/abs/2407.08693)]"
            ],
        ),
        id="second-links-crlf",
    ),
    pytest.param(
        "matching_nickname_br",
        "Large Model Distillation",
        PaperRecord(
            title="TinyBERT: Distilling BERT for Natural Language Understanding",
            authors=(
                "Xiaoqi Jiao",
                "Yichun Yin",
                "Lifeng Shang",
                "Xin Jiang",
                "Xiao Chen",
                "Linlin Li",
                "Fang Wang",
                "Qun Liu",
            ),
            year=2020,
            arxiv="1909.10351",
            published_venue="EMNLP 2020",
        ),
        # The golden exactly (without the code line, as it allows): by arXiv id.
        (
            28,
            [
                "**(*EMNLP2020_TinyBERT*) TinyBERT: Distilling BERT for Natural Language "
                "Understanding.** <br>",
                "*Xiaoqi Jiao, Yichun Yin, Lifeng Shang, Xin Jiang, Xiao Chen, Linlin Li, "
                "Fang Wang, Qun Liu.*<br>",
                "[[paper]](https://arxiv.org/abs/1909.10351)",
                "",
            ],
        ),
        id="nickname-br",
    ),
    pytest.param(
        "awesome_jax_mixed",
        "Papers",
        PaperRecord(
            title="Brax - A Differentiable Physics Engine for Large Scale Rigid Body Simulation",
            authors=(
                "C. Daniel Freeman",
                "Erik Frey",
                "Anton Raichuk",
                "Sertan Girgin",
                "Igor Mordatch",
                "Olivier Bachem",
            ),
            year=2021,
            arxiv="2106.13281",
            published_venue="NeurIPS 2021",
        ),
        # The golden exactly, without the free description (allowed): by year.
        (
            93,
            [
                "- [__Brax - A Differentiable Physics Engine for Large Scale Rigid Body "
                "Simulation__. C. Daniel Freeman, Erik Frey, Anton Raichuk, Sertan Girgin, "
                "Igor Mordatch, Olivier Bachem. _NeurIPS 2021_.](https://arxiv.org/abs/2106.13281)"
            ],
        ),
        id="citation-in-link-text",
    ),
    pytest.param(
        "graph_llm_venue_paren",
        "Prompting",
        PaperRecord(
            title="Reasoning with Graphs: Structuring Implicit Knowledge to Enhance LLMs Reasoning",
            authors=("Haoyu Han", "Yaochen Xie", "Hui Liu"),
            year=2025,
            arxiv="2501.07845",
        ),
        # The golden: last, after the arXiv preprints in date order, "(*arXiv YYYY.MM*)" as
        # the section writes a preprint, the arXiv link as "[[paper](url)]", no authors.
        (
            12,
            [
                "- (*arXiv 2025.01*) Reasoning with Graphs: Structuring Implicit Knowledge to "
                "Enhance LLMs Reasoning [[paper](https://arxiv.org/abs/2501.07845)]"
            ],
        ),
        id="venue-in-parentheses",
    ),
    pytest.param(
        "graph_llm_venue_paren",
        "General Graph Model",
        PaperRecord(
            title="Graph-constrained Reasoning: Faithful Reasoning on Knowledge Graphs with "
            "Large Language Models",
            authors=("Linhao Luo", "Zicheng Zhao"),
            year=2025,
            arxiv="2410.13080",
            published_venue="ICML 2025",
        ),
        # The golden: "(*ICML'25*)" as the published papers are written (never the
        # preprints' "(*ICML 2024.10*)"), last of the published papers, which come first in
        # the order of their years, before the preprints in the order of their dates.
        # DEVIATION: first of the '25 papers, not last: its arXiv date (2024.10) orders it.
        (
            23,
            [
                "- (*ICML'25*) Graph-constrained Reasoning: Faithful Reasoning on Knowledge "
                "Graphs with Large Language Models [[paper](https://arxiv.org/abs/2410.13080)]"
            ],
        ),
        id="venue-in-parentheses-published",
    ),
    pytest.param(
        "rag_reasoning_paren_bold",
        "Retrieval Optimization",
        PaperRecord(
            title="Rewriting the Query for Retrieval-Augmented Generation",
            authors=("Ann Lee", "Bo Li"),
            year=2026,
            arxiv="2602.01234",
        ),
        # The golden: first (the section is newest first by year), the section's majority
        # "(ArXiv YYYY) **Title** [[Paper]](url)", "ArXiv" spelled as the section does
        # (first of the 2026 papers: its arXiv id is the newest).
        (
            2,
            [
                "- (ArXiv 2026) **Rewriting the Query for Retrieval-Augmented Generation** "
                "[[Paper]](https://arxiv.org/abs/2602.01234)"
            ],
        ),
        id="venue-in-parentheses-bold",
    ),
    pytest.param(
        "efficient_llm_badge_table",
        "Network Pruning",
        PaperRecord(
            title="Pruning Large Language Models by Learning to Forget",
            authors=("Ann Lee", "Bo Li", "Carl Wu"),
            year=2025,
            arxiv="2502.01234",
        ),
        # The golden: appended (rows in order of addition), the form of the rows with no
        # repository and no figure: the linked title, "<br>", the paper's own authors, an
        # empty figure cell, "[Paper](url)". The maintainer's hidden "[//]: #MM/DD" (the
        # day it was added) is left out: a neighbour's day is not this paper's.
        (
            42,
            [
                "|[Pruning Large Language Models by Learning to Forget]"
                "(https://arxiv.org/abs/2502.01234) <br> Ann Lee, Bo Li, Carl Wu | "
                "|[Paper](https://arxiv.org/abs/2502.01234)|"
            ],
        ),
        id="linked-badges-table",
    ),
    pytest.param(
        "efficient_llm_badge_table",
        "Network Pruning",
        PaperRecord(
            title="Structured Pruning for Graph Transformers",
            authors=("Ann Lee", "Bo Li"),
            year=2023,
            doi="10.1145/3580305.3599411",
            venue="KDD 2023",
        ),
        # The golden: a published paper with a DOI alone (no row links one): the venue in
        # the "Conference-" badge the published rows carry, the DOI on the title and in
        # "[Paper](...)" as the arXiv pages are; appended.
        (
            42,
            [
                "|[![Publish](https://img.shields.io/badge/Conference-KDD'23-blue)]()<br>"
                "[Structured Pruning for Graph Transformers]"
                "(https://doi.org/10.1145/3580305.3599411) <br> Ann Lee, Bo Li | "
                "|[Paper](https://doi.org/10.1145/3580305.3599411)|"
            ],
        ),
        id="linked-badges-table-doi",
    ),
    pytest.param(
        "resource_efficient_date_table",
        "Non-transformer Architecture",
        PaperRecord(
            title="Linear Recurrences Are All You Need",
            authors=("Ann Lee", "Bo Li"),
            year=2025,
            arxiv="2501.00001",
        ),
        # The golden: first (newest first by the Date column), the year, the Keywords cell
        # left for the maintainer (empty: no row writes an empty cell otherwise), the
        # title linked, "ArXiv" spelled as the table does.
        (
            26,
            [
                "| 2025 |  | [Linear Recurrences Are All You Need]"
                "(https://arxiv.org/abs/2501.00001) | ArXiv |"
            ],
        ),
        id="date-keyword-table",
    ),
    pytest.param(
        "resource_efficient_date_table",
        "Non-transformer Architecture",
        PaperRecord(
            title="Gated Delta Networks: Improving Mamba2 with Delta Rule",
            authors=("Songlin Yang", "Jan Kautz"),
            year=2025,
            arxiv="2412.06464",
            published_venue="ICLR 2025",
        ),
        # The golden: first, as the Date column shows 2025 (the year it was published, not
        # its preprint's December 2024), the venue "ICLR".
        (
            26,
            [
                "| 2025 |  | [Gated Delta Networks: Improving Mamba2 with Delta Rule]"
                "(https://arxiv.org/abs/2412.06464) | ICLR |"
            ],
        ),
        id="date-keyword-table-published",
    ),
    pytest.param(
        "efficient_survey_ins_venue",
        "Sharing-based Attention",
        PaperRecord(
            title="Grouped Latent Attention for Long Contexts",
            authors=("Ann Lee", "Bo Li"),
            year=2025,
            arxiv="2501.00002",
        ),
        # The golden: first (newest first by year), "Title, <ins>arXiv, 2025</ins>" and the
        # arXiv link as "[[Paper](url)]", right under the heading as the list has it.
        (
            21,
            [
                "- Grouped Latent Attention for Long Contexts, <ins>arXiv, 2025</ins> "
                "[[Paper](https://arxiv.org/abs/2501.00002)]"
            ],
        ),
        id="ins-venue-under-headings",
    ),
    pytest.param(
        "code_llm_backtick_table",
        "Awesome Code Pre-Training Papers",
        PaperRecord(
            title="Tiny Code Models Are Enough",
            authors=("Ann Lee", "Bo Li"),
            year=2025,
            arxiv="2501.00003",
        ),
        # The golden: first (newest first by date), "`Preprint`" and "`2025.01`" in code
        # spans as every row has them, "-" for no code and no resources (as rows without
        # code write it), every cell padded to its column as the table is aligned.
        (
            5,
            [
                "| [**Tiny Code Models Are Enough**](https://arxiv.org/abs/2501.00003) <br>"
                + " " * 175
                + "| `Preprint`"
                + " " * 1
                + "| `2025.01`"
                + " " * 1
                + "| -"
                + " " * 58
                + "| -"
                + " " * 81
                + "|"
            ],
        ),
        id="backtick-cells",
    ),
    pytest.param(
        "efficient_diffusion_bold_venue",
        "Latent Diffusion",
        PaperRecord(
            title="Latent Flow Matching for Molecules",
            authors=("Ann Lee", "Bo Li"),
            year=2025,
            arxiv="2501.00004",
        ),
        # The golden: first (newest first), "**[Arxiv 2025.01]**" as the preprints are
        # tagged, the title's full stop, the arXiv PDF link as "[[Paper]](url)".
        (
            3,
            [
                "- **[Arxiv 2025.01]** Latent Flow Matching for Molecules. "
                "[[Paper]](https://arxiv.org/pdf/2501.00004)"
            ],
        ),
        id="bold-bracket-venue",
    ),
    pytest.param(
        "cv_gather_bold_nick_venue",
        "Papers",
        PaperRecord(
            title="TaskExpert: Dynamically Assembling Multi-Task Representations with Memorial "
            "Mixture-of-Experts",
            authors=("Hanrong Ye", "Dan Xu"),
            year=2023,
            arxiv="2307.15324",
            published_venue="ICCV 2023",
        ),
        # The golden: last (by year), after a blank line, "**Nick(VenueYYYY)**" with the
        # paper's own short name, the arXiv page as "[[paper link](url)]"; no thumb (the
        # maintainer's mark of a favourite) and no remark in code spans; the arXiv page in
        # "paper link", where most entries keep theirs ("arxiv link" is beside a published
        # paper link once).
        (
            33,
            [
                "",
                "* **TaskExpert(ICCV2023)** TaskExpert: Dynamically Assembling Multi-Task "
                "Representations with Memorial Mixture-of-Experts "
                "[[paper link](https://arxiv.org/abs/2307.15324)]",
            ],
        ),
        id="bold-nickname-venue",
    ),
    pytest.param(
        "agent_survey_td_header_tables",
        "Construction of LLM-based Autonomous Agent",
        PaperRecord(
            title="AppWorld: A Controllable World of Apps and People for Benchmarking "
            "Interactive Coding Agents",
            authors=("Harsh Trivedi", "Tushar Khot"),
            year=2024,
            arxiv="2407.18901",
        ),
        # A row after the last (the table is in order of addition): the model's name in
        # "Model" (the title's part before the colon), "-" in the eight classification
        # cells no metadata knows, the arXiv link as "Paper", no code. The cells' trailing
        # spaces are a neighbour row's (the table's rows differ in them).
        (
            51,
            [
                "    <tr>",
                "        <td align='center'>AppWorld</td> ",
                "        <td align='center'>-</td>  ",
                "        <td align='center'>-</td>  ",
                "        <td align='center'>-</td>  ",
                "        <td align='center'>-</td> ",
                "        <td align='center'>-</td> ",
                "        <td align='center'>-</td>",
                "        <td align='center'><a href=\"https://arxiv.org/abs/2407.18901\">Paper</a></td>",
                "        <td align='center'>-</td>",
                "    </tr>",
            ],
        ),
        id="html-td-header-model-name",
    ),
    pytest.param(
        "agent_survey_td_header_tables",
        "Applications of LLM-based Autonomous Agent",
        PaperRecord(
            title="AppWorld: A Controllable World of Apps and People for Benchmarking "
            "Interactive Coding Agents",
            authors=("Harsh Trivedi", "Tushar Khot"),
            year=2024,
            arxiv="2407.18901",
        ),
        # DEVIATION: the maintainers write a short name ("SayCan", "Drori et al.") in the
        # column headed "Title"; the bot writes what the header asks for, the title.
        (
            83,
            [
                "    <tr>",
                "        <td align='center'>AppWorld: A Controllable World of Apps and People "
                "for Benchmarking Interactive Coding Agents</td>",
                "        <td align='center'>-</td>",
                "        <td align='center'>-</td>",
                "        <td align='center'>-</td>",
                "        <td align='center'><a href=\"https://arxiv.org/abs/2407.18901\">Paper</a></td>",
                "        <td align='center'>-</td>",
                "    </tr>",
            ],
        ),
        id="html-td-header-title-column",
    ),
    pytest.param(
        "rag_survey_nested_link_paragraphs",
        "RAG Foundations",
        PaperRecord(
            title="Corrective Retrieval Augmented Generation",
            authors=("Shi-Qi Yan", "Jia-Chen Gu"),
            year=2024,
            arxiv="2401.15884",
        ),
        # The link alone, indented as the paragraphs are, after the section's last one
        # (under its last category: no category is named), a blank line after it as
        # after each of them.
        (64, ["", "    [Corrective Retrieval Augmented Generation](https://arxiv.org/abs/2401.15884)"]),
        id="link-paragraphs-in-bullets",
    ),
    pytest.param(
        "prompt_icl_badge_paragraphs",
        "Chain of Thought",
        PaperRecord(
            title="A Novel Prompting Method for Zebra Reasoning",
            authors=("Ada Lovelace", "Alan Turing"),
            year=2026,
            arxiv="2605.09999",
        ),
        # Newest first (2024.06.07 down to 2024.03.08), each paper a paragraph with its
        # badges one blank line below: the new one on top, no badges (metadata has no
        # citation count), its date to the month the arXiv id gives.
        (
            6,
            [
                "[**A Novel Prompting Method for Zebra Reasoning**]"
                "(https://arxiv.org/abs/2605.09999) （**2026.05**）",
                "",
            ],
        ),
        id="paragraphs-with-badges-newest-first",
    ),
    pytest.param(
        "post_training_date_link_table",
        "Survey",
        PaperRecord(
            title="A Novel Prompting Method for Zebra Reasoning",
            authors=("Ada Lovelace",),
            year=2026,
            arxiv="2605.09999",
        ),
        # Newest first by "16 May 2025" dates: on top, the month the arXiv id gives (no
        # day: metadata has none), the link labelled "Arxiv" as the rows label theirs.
        (
            4,
            [
                "| A Novel Prompting Method for Zebra Reasoning | May 2026 | "
                "[Arxiv](https://arxiv.org/abs/2605.09999) |"
            ],
        ),
        id="plain-title-date-link-table",
    ),
    pytest.param(
        "continual_learning_by_authors",
        "Applications",
        PaperRecord(
            title="A Novel Replay Method for Continual Learning",
            authors=("Ada Lovelace", "Alan Turing", "Grace Hopper"),
            year=2024,
            arxiv="2405.01234",
            venue="ICLR",
            published_venue="International Conference on Learning Representations",
        ),
        # First, as the section's papers run newest first; "by" and the names, the venue in
        # emphasis and the year; no pages and no "[vision]" tags (a neighbour's), the
        # trailing space every line has.
        (
            6,
            [
                "- [A Novel Replay Method for Continual Learning](http://arxiv.org/abs/2405.01234)"
                " by Ada Lovelace, Alan Turing and Grace Hopper. *International Conference on "
                "Learning Representations*, 2024. "
            ],
        ),
        id="by-authors-italic-venue",
    ),
    pytest.param(
        "deep_learning_year_then_names",
        "Understanding / Generalization / Transfer",
        PaperRecord(
            title="A Novel Replay Method for Continual Learning",
            authors=("Ada Lovelace", "Alan Turing", "Grace Hopper"),
            year=2024,
            arxiv="2405.01234",
        ),
        # First (the section runs newest first), the year in parentheses, then the first
        # author as the list writes its people, an initial and the surname, "et al.", and
        # the arXiv PDF as "[[pdf]]".
        (
            1,
            [
                "- **A Novel Replay Method for Continual Learning** (2024), A. Lovelace et al. "
                "[[pdf]](http://arxiv.org/pdf/2405.01234)"
            ],
        ),
        id="year-then-names-initials",
    ),
    pytest.param(
        "multimodal_bold_title_names_no_links",
        "Survey",
        PaperRecord(
            title="A Novel Replay Method for Continual Learning",
            authors=("Ada Lovelace", "Alan Turing", "Grace Hopper"),
            year=2024,
            arxiv="2405.01234",
        ),
        # Last, as the list adds; the bold title with its semicolon, the first author and
        # "et al" as most lines have them; no link, as no line has one.
        (17, ["- **A Novel Replay Method for Continual Learning;** Ada Lovelace et al"]),
        id="no-links-title-names",
    ),
    # The history cases below are real additions: the fixture is the README before the
    # maintainer's commit (SOURCES.md), the golden the line(s) that commit added, less what
    # metadata cannot give (code and project links, the list's own labels, highlights).
    pytest.param(
        "taad_code_span_labels",
        "2.2 Word-level Attack",
        PaperRecord(
            title="Confidence Elicitation: A New Attack Vector for Large Language Models",
            authors=("Brian Formento", "Chuan-Sheng Foo", "See-Kiong Ng"),
            year=2025,
            venue="ICLR 2025",
            url="https://openreview.net/pdf?id=aTYexOYlLb",
        ),
        # thunlp/TAADpapers d5665311: first, "ICLR 2025." in plain text after the authors
        # as every entry writes its venue; the maintainer's "`score`" label (the list's own
        # attack type, in a code span: not a venue) and code link are not known to metadata,
        # so they are left out, with the space that stood before the label.
        (
            1,
            [
                "1. **Confidence Elicitation: A New Attack Vector for Large Language Models**. "
                "*Brian Formento, Chuan-Sheng Foo, See-Kiong Ng*. ICLR 2025. "
                "[[pdf](https://openreview.net/pdf?id=aTYexOYlLb)]"
            ],
        ),
        id="history-code-span-labels",
    ),
    pytest.param(
        "llm_in_vision_month_sections",
        "2024.5",
        PaperRecord(
            title="Self-supervised Pre-training for Transferable Multi-modal Perception",
            authors=("Xiaohao Xu",),
            year=2024,
            arxiv="2405.17942",
        ),
        # DirtyHarryLYL/LLM-in-Vision a7038ef7: first in its month (the sections go from
        # the newest month down; within one they tell no order), under the commented-out
        # template, set off by a blank line; "Title, [[Paper]](pdf url)" as the month's
        # entries write it. DEVIATION: the maintainer bolds a few words of each title
        # ("**Self-supervised Pre-training**") and links version "v1"; metadata knows neither.
        (
            7,
            [
                "- (arXiv 2024.5) Self-supervised Pre-training for Transferable Multi-modal "
                "Perception, [[Paper]](https://arxiv.org/pdf/2405.17942)",
                "",
            ],
        ),
        id="history-highlighted-titles-month-sections",
    ),
    pytest.param(
        "video_diffusion_badge_cells",
        "Pose-guided Video Generation",
        PaperRecord(
            title="Hand2World: Autoregressive Egocentric Interaction Generation via Free-Space "
            "Hand Gestures",
            year=2026,
            arxiv="2602.09600",
        ),
        # ChenHsing/Awesome-Video-Diffusion-Models ad1ed482: first; the arXiv column's badge
        # linked to the paper's own arXiv page; "Feb., 2026" (the preprint's month) in the
        # "Pub. & Date" column as the rows of preprints write it. The maintainer's project
        # page badge is not known to metadata: "-", as rows without one write it.
        (
            4,
            [
                "|[Hand2World: Autoregressive Egocentric Interaction Generation via Free-Space "
                "Hand Gestures](https://arxiv.org/abs/2602.09600) | [![arXiv](https://img."
                "shields.io/badge/arXiv-b31b1b.svg)](https://arxiv.org/abs/2602.09600) | - | - "
                "| Feb., 2026 |"
            ],
        ),
        id="history-arxiv-badge-column",
    ),
    pytest.param(
        "knowledge_editing_br_authors",
        "More Related Papers",
        PaperRecord(
            title="Cross-lingual Editing in Multilingual Language Models",
            authors=("Himanshu Beniwal", "Kowsik Nandagopan D", "Mayank Singh"),
            year=2024,
            arxiv="2401.10521",
        ),
        # zjunlp/KnowledgeEditingPapers 72084907: last, numbered 44, "**Title**. <br />" over
        # "Authors. [[paper](url)]" as the preprints near it are written (no venue: only
        # published papers carry "(EMNLP 2022)"). DEVIATION: a blank line after it, before
        # "### Analysis", as the entries are set off; the maintainer left none.
        (
            39,
            [
                "44. **Cross-lingual Editing in Multilingual Language Models**. <br />",
                "Himanshu Beniwal, Kowsik Nandagopan D, Mayank Singh. "
                "[[paper](https://arxiv.org/abs/2401.10521)]",
                "",
            ],
        ),
        id="history-preprint-without-venue",
    ),
    pytest.param(
        "rag_venue_dash_date",
        "RAG Long-text and Memory",
        PaperRecord(
            title="HippoRAG: Neurobiologically Inspired Long-Term Memory for Large Language "
            "Models",
            authors=(
                "Bernal Jiménez Gutiérrez",
                "Yiheng Shu",
                "Yu Gu",
                "Michihiro Yasunaga",
                "Yu Su",
            ),
            year=2024,
            arxiv="2405.14831",
        ),
        # jxzhangjhu/Awesome-LLM-RAG 9a8a645: first (newest first), "arXiv - May 2024" as
        # the list writes preprints (a published paper: "EMNLP 2023 - Oct 2023"), then the
        # link. DEVIATION: "[[Paper]" as the section's entry writes it (the maintainer:
        # "[[paper]"); the GitHub link is not known to metadata.
        (
            24,
            [
                "**HippoRAG: Neurobiologically Inspired Long-Term Memory for Large Language "
                "Models** \\",
                "*Bernal Jiménez Gutiérrez, Yiheng Shu, Yu Gu, Michihiro Yasunaga, Yu Su* \\",
                "arXiv - May 2024 [[Paper](https://arxiv.org/abs/2405.14831)]",
                "",
            ],
        ),
        id="history-venue-dash-date",
    ),
    pytest.param(
        "rag_published_venue_year",
        "RAG Long-text and Memory",
        PaperRecord(
            title="ComoRAG: A Cognitive-Inspired Memory-Organized RAG for Stateful Long "
            "Narrative Reasoning",
            authors=(
                "Juyuan Wang",
                "Rongchen Zhao",
                "Wei Wei",
                "Yufeng Wang",
                "Mo Yu",
                "Jie Zhou",
                "Jin Xu",
                "Liyan Xu",
            ),
            year=2026,
            arxiv="2508.10419",
            published_venue="AAAI 2026",
        ),
        # jxzhangjhu/Awesome-LLM-RAG 6d77cdfc: "AAAI 2026 - Aug 2025", the published venue
        # with its year as "EMNLP 2023 - Oct 2023" has it, though most of the file's venues
        # (the books' "Manning Publications - Sep 2024") are written without one: there the
        # date shows the year, here it is the preprint's and would hide 2026. First among
        # the section's papers (newest first). DEVIATION: the maintainer put it above the
        # section's tool bullet ("- [Cortex](...)"), which is not a paper; "[[Paper]" as
        # the file writes it where the section is split (the maintainer: "[[paper]"); no
        # GitHub link (metadata has none) and none of the maintainer's trailing spaces.
        (
            56,
            [
                "**ComoRAG: A Cognitive-Inspired Memory-Organized RAG for Stateful Long "
                "Narrative Reasoning** \\",
                "*Juyuan Wang, Rongchen Zhao, Wei Wei, Yufeng Wang, Mo Yu, Jie Zhou, Jin Xu, "
                "Liyan Xu* \\",
                "AAAI 2026 - Aug 2025 [[Paper](https://arxiv.org/abs/2508.10419)]",
                "",
            ],
        ),
        id="history-published-venue-keeps-its-year",
    ),
    pytest.param(
        "masked_autoencoders_plain_names",
        "Graph",
        PaperRecord(
            title="Rethinking Graph Masked Autoencoders through Alignment and Uniformity",
            authors=("Liang Wang", "Xiang Tao", "Qiang Liu", "Shu Wu", "Liang Wang"),
            year=2024,
            arxiv="2402.07225",
        ),
        # EdisonLeeeee/Awesome-Masked-Autoencoders 05221f48: last (the section is in order
        # of addition), "+ [Title](url) Names" with the names as written after the links, no
        # full stop. The maintainer's "[:octocat:](repository)" is not known to metadata;
        # the arXiv page as the list links them (the maintainer: "www.arxiv.org").
        (
            15,
            [
                "+ [Rethinking Graph Masked Autoencoders through Alignment and Uniformity]"
                "(https://arxiv.org/abs/2402.07225) Liang Wang, Xiang Tao, Qiang Liu, Shu Wu, "
                "Liang Wang"
            ],
        ),
        id="history-names-after-the-links",
    ),
    pytest.param(
        "rag_short_venue_years",
        "Retrieval-enhanced LLMs",
        PaperRecord(
            title="Adaptive Chameleon or Stubborn Sloth: Revealing the Behavior of Large "
            "Language Models in Knowledge Conflicts",
            authors=("Jian Xie", "Kai Zhang", "Jiangjie Chen", "Renze Lou", "Yu Su"),
            year=2024,
            venue="ICLR 2024",
            arxiv="2305.13300",
        ),
        # jxzhangjhu/Awesome-LLM-RAG cc676211: "ICLR 24 – May 2023", the venue's year in two
        # digits as the file's other ICLR papers write it ("ICLR 24 – Oct 2023"), the date
        # the preprint's; between October's DSPy and May's FLARE (newest first). The
        # maintainer's code link is not known to metadata, nor the double space of their
        # "Chameleon  or". DEVIATION: two blank lines above it as between the section's
        # entries (the maintainer left one).
        (
            36,
            [
                "**Adaptive Chameleon or Stubborn Sloth: Revealing the Behavior of Large "
                "Language Models in Knowledge Conflicts**  ",
                "*Jian Xie, Kai Zhang, Jiangjie Chen, Renze Lou, Yu Su*  ",
                "ICLR 24 – May 2023 [[paper](https://arxiv.org/abs/2305.13300)]",
                "",
                "",
            ],
        ),
        id="history-two-digit-venue-year",
    ),
    pytest.param(
        "kd_llm_short_rows",
        "Labeling",
        PaperRecord(
            title="KnowTuning: Knowledge-aware Fine-tuning for Large Language Models",
            authors=("Yougang Lyu",),
            year=2024,
            arxiv="2402.11176",
        ),
        # Tebmer/Awesome-Knowledge-Distillation-of-LLMs 0a3cc3bc: first (newest first), the
        # row ending after its date as the rows without a code link do under the five
        # columns "| Title | Venue | Date | Code | Data |". The maintainer's GitHub cell is
        # not known to metadata; the arXiv page as most rows link it (the maintainer: the PDF).
        (
            3,
            [
                "| [**KnowTuning: Knowledge-aware Fine-tuning for Large Language Models**]"
                "(https://arxiv.org/abs/2402.11176) | arXiv | 2024-02 |"
            ],
        ),
        id="history-row-ends-early",
    ),
    pytest.param(
        "kd_llm_rows_without_code",
        "Instruction Following",
        PaperRecord(
            title="Synthetic Data (Almost) from Scratch: Generalized Instruction Tuning for "
            "Language Models",
            authors=("Haoran Li",),
            year=2024,
            arxiv="2402.13064",
        ),
        # Tebmer/Awesome-Knowledge-Distillation-of-LLMs c0e5e77b: first, ending after its
        # date as the section's eight rows without a code link do, though most of its rows
        # (with a code link) have all five cells. DEVIATION: a space after the last "|", as
        # three of those rows have it (three do not: the one most like the other rows wins).
        (
            3,
            [
                "| [**Synthetic Data (Almost) from Scratch: Generalized Instruction Tuning for "
                "Language Models**](https://arxiv.org/abs/2402.13064) | arXiv | 2024-02 | "
            ],
        ),
        id="history-rows-without-code-end-early",
    ),
    pytest.param(
        "ar_vision_bracket_venues",
        "Unified Understanding and Generation Multi-Modal LLMs",
        JAVISGPT,
        # ChaofanTao/Autoregressive-Models-in-Vision-Survey 417e4622: "**[NeurIPS, 2025]**" as
        # the section's published papers ("**[ICLR, 2024]**"), not in the preprints'
        # "**[Arxiv, 2025.10]**" (add wrote ", 2025]**", the tag's opening lost with the
        # venue); first, the newest addition of 2025 in a list newest first. DEVIATION: no
        # space at the end of the line (the maintainer's has one, as some of the lines do).
        (
            2,
            [
                "  - **[NeurIPS, 2025]** JavisGPT: A Unified Multi-modal LLM for Sounding-Video "
                "Comprehension and Generation [Paper](https://openreview.net/pdf?id=MZoOpD9NHV)"
            ],
        ),
        id="history-published-venue-among-dated-preprints",
    ),
    pytest.param(
        "ar_vision_bracket_venues",
        "Safety",
        JAVISGPT,
        # A section of preprints only ("**[Arxiv, 2025.09]**"): the published paper in their
        # tag, its venue and year as the list's published papers are written; first, the
        # newest addition of 2025.
        (
            96,
            [
                "  - **[NeurIPS, 2025]** JavisGPT: A Unified Multi-modal LLM for Sounding-Video "
                "Comprehension and Generation [Paper](https://openreview.net/pdf?id=MZoOpD9NHV)"
            ],
        ),
        id="published-venue-in-a-dated-tag",
    ),
    pytest.param(
        "xai_cited_link_paragraphs",
        "Evaluation methods",
        PaperRecord(
            title="OpenXAI: Towards a Transparent Evaluation of Model Explanations",
            year=2022,
            arxiv="2206.11104",
        ),
        # wangyongjie-ntu/Awesome-explainable-AI 1d0a156e: "[Title](url), Venue Year"
        # paragraphs between blank lines (add said the section listed no papers): first, as
        # the maintainer put it, the PDF link as the section's arXiv links go. DEVIATION: no
        # blank line between the heading and it (the section's first entry stands right
        # under its heading; the maintainer added one); "ArXiv preprint 2022" as most of the
        # file's preprints are written ("Arxiv preprint", the section's "ArXiv preprint";
        # this maintainer wrote "Arxiv 2022", the next one "Arxiv preprint 2022").
        (
            68,
            [
                "[OpenXAI: Towards a Transparent Evaluation of Model Explanations]"
                "(https://arxiv.org/pdf/2206.11104.pdf), ArXiv preprint 2022",
                "",
            ],
        ),
        id="history-cited-link-paragraphs",
    ),
    pytest.param(
        "kd_plain_citations",
        "Knowledge from logits",
        PaperRecord(
            title="Improving Weakly Supervised Visual Grounding by Contrastive Knowledge "
            "Distillation",
            authors=("Liwei Wang", "Jing Huang"),
            year=2020,
            arxiv="2007.01951",
        ),
        # FLHonker/Awesome-Knowledge-Distillation 8267fccd: "45. Title. Wang, Liwei et al.
        # arXiv:2007.01951", numbered on, last. The plain title ends at the full stop before
        # the names (add wrote the title alone: the whole line was read as one). DEVIATION:
        # the names in full ("Wang, Liwei et al." reads as two names), and "arXiv" without
        # the id (the list writes a preprint's venue with its id; that form is not learnt).
        (
            46,
            [
                "45. Improving Weakly Supervised Visual Grounding by Contrastive Knowledge "
                "Distillation. Liwei Wang, Jing Huang. arXiv"
            ],
        ),
        id="history-plain-citations",
    ),
    pytest.param(
        "post_training_date_badges",
        "Reward Learning (Process Reward Models)",
        PaperRecord(
            title="LLMs Meet Finance: Fine-Tuning Foundation Models for the Open FinLLM "
            "Leaderboard",
            year=2025,
            arxiv="2504.13125",
        ),
        # mbzuai-oryx/Awesome-LLM-Post-training f3786969: the paper's month in the badge after
        # its link ("![](https://img.shields.io/badge/arXiv-2025.04-red)": add left it out),
        # last: the section was newest first, and is now added to at its end.
        (
            23,
            [
                "* LLMs Meet Finance: Fine-Tuning Foundation Models for the Open FinLLM "
                "Leaderboard [[Paper]](https://arxiv.org/abs/2504.13125) "
                "![](https://img.shields.io/badge/arXiv-2025.04-red)"
            ],
        ),
        id="history-date-badge",
    ),
    pytest.param(
        "graphrag_venue_link_table",
        "Benchmarks",
        PaperRecord(
            title="PolyG: Effective and Efficient GraphRAG with Adaptive Graph Traversal",
            year=2025,
            arxiv="2504.02112",
        ),
        # DEEP-PolyU/Awesome-GraphRAG 4bf514d5: "| PolyG | GraphRAG evaluation |
        # [[arXiv 2025]](url) | [[Github]](url) |", the paper's link labelled with its venue
        # and year (add wrote the title there: "[arXiv 2025]" was read as a title). The task
        # and the repository are the maintainer's to write (empty cells); the arXiv page as
        # most rows link it (the maintainer: the PDF). DEVIATION: first (the table keeps no
        # order; the maintainer put it after the other two rows of 2025).
        (
            3,
            ["| PolyG |  | [[arXiv 2025]](https://arxiv.org/abs/2504.02112) | |"],
        ),
        id="history-venue-labelled-link-cell",
    ),
    pytest.param(
        "data_centric_comma_venue",
        "Data Preparation",
        PaperRecord(
            title="DataFix: Adversarial Learning for Feature Shift Detection and Correction",
            year=2023,
            venue="NeurIPS 2023",
            url="https://openreview.net/forum?id=lBhRTO2uWf",
        ),
        # daochenzha/data-centric-AI a5c31816: "* Title, NeurIPS 2023 [[Paper]](url)", the
        # venue after the title's comma (add left it out: "Title, arXiv 2023" was read as a
        # title), first (newest first). The maintainer's code link is not known to metadata.
        (
            1,
            [
                "* DataFix: Adversarial Learning for Feature Shift Detection and Correction, "
                "NeurIPS 2023 [[Paper]](https://openreview.net/forum?id=lBhRTO2uWf)"
            ],
        ),
        id="history-venue-after-a-plain-title",
    ),
    pytest.param(
        "kd_italic_title_words",
        "Application of KD",
        PaperRecord(
            title="Robust Re-Identification by Multiple Views Knowledge Distillation",
            authors=("Angelo Porrello", "Luca Bergamini"),
            year=2020,
            venue="ECCV 2020",
        ),
        # FLHonker/Awesome-Knowledge-Distillation 4ea3e6fc: "58. Robust _Re-Identification_
        # by ... Distillation. Porrello et al. ECCV 2020 [[code][15.58]]", numbered on, last:
        # the section's titles with words in italics are titles (add wrote "ECCV" without
        # its year and numbered the paper 56, between 57 and 58, its italics read as names).
        # The maintainer's italics and code reference are not known to metadata. DEVIATION:
        # the names in full (the section's "Wu, Ancong et al." reads as two names).
        (
            59,
            [
                "58. Robust Re-Identification by Multiple Views Knowledge Distillation. "
                "Angelo Porrello, Luca Bergamini. ECCV 2020"
            ],
        ),
        id="history-italic-words-in-plain-titles",
    ),
    # Round 3 (8 December): single-paper commits of lists measured for the first time.
    pytest.param(
        "llm_agents_code_placeholder",
        "Simulation",
        PaperRecord(
            title="SimUSER: Simulating User Behavior with Large Language Models for Recommender"
            " System Evaluation",
            year=2025,
            month=4,
            day=22,
            arxiv="2504.12722",
        ),
        # AGI-Edgerunners/LLM-Agents-Papers 0e34dcf9: first (newest first), and "| [code]" as
        # the list writes a paper with no code (its label alone: 1,328 entries do); add left
        # the last cell out ("... | [[paper]](url) |").
        (
            1,
            [
                "- [2025/04/22] **SimUSER: Simulating User Behavior with Large Language Models"
                " for Recommender System Evaluation** | [[paper]](https://arxiv.org/abs/2504.12722)"
                " | [code]",
                "",
            ],
        ),
        id="history-a-label-alone-for-no-code",
    ),
    pytest.param(
        "time_series_italic_venue",
        "Transportation Application",
        PaperRecord(
            title="Where Would I Go Next? Large Language Models as Human Mobility Predictors",
            year=2023,
            arxiv="2308.15197",
        ),
        # qingsongedu/Awesome-TimeSeries-SpatioTemporal-LM-LLM 06bfb7f6: "Title, in *arXiv*
        # 2023, [\\[paper\\]](url)", the section's one paper read with ", in" in its title.
        # DEVIATION: after the section's one paper (the maintainer: before it); the file's
        # other sections keep no order to go by.
        (
            14,
            [
                "* Where Would I Go Next? Large Language Models as Human Mobility Predictors, in"
                " *arXiv* 2023, [\\[paper\\]](https://arxiv.org/abs/2308.15197)"
            ],
        ),
        id="history-comma-in-before-an-italic-venue",
    ),
    pytest.param(
        "llm_agent_planning_appended",
        "Planning.",
        PaperRecord(
            title="Can Graph Learning Improve Planning in LLM-based Agents?",
            authors=("Xixi Wu", "Yifei Shen", "Caihua Shan", "Kaitao Song", "Siwei Wang",
                     "Bohang Zhang", "Jiarui Feng", "Hong Cheng", "Wei Chen", "Yun Xiong",
                     "Dongsheng Li"),
            year=2024,
            month=5,
            arxiv="2405.19119",
        ),
        # zjunlp/LLMAgentPapers aae260d6: 57, last, as the maintainer; add put it 52nd by
        # its date and renumbered five papers: the list is in order of dates but for its
        # last two (2024.02 and 2024.01 after 2024.06), added at its end. DEVIATION:
        # "2024.5" as most of the section writes a month (the maintainer: "2024.05"); a blank
        # line after it, as after every paper, where the maintainer used one of the two that
        # closed the section.
        (
            226,
            [
                "57. **Can Graph Learning Improve Planning in LLM-based Agents?**",
                "",
                "    *Xixi Wu, Yifei Shen, Caihua Shan, Kaitao Song, Siwei Wang, Bohang Zhang,"
                " Jiarui Feng, Hong Cheng, Wei Chen, Yun Xiong, Dongsheng Li.*"
                " [[abs](https://arxiv.org/abs/2405.19119)], 2024.5",
                "",
            ],
        ),
        id="history-dated-list-now-appended",
    ),
    pytest.param(
        "medical_coding_glued_dash",
        "2023",
        PaperRecord(
            title="Automated Medical Coding on MIMIC-III and MIMIC-IV: A Critical Review and"
            " Replicability Study",
            year=2023,
            venue="SIGIR 2023",
            arxiv="2304.10909",
        ),
        # acadTags/Awesome-medical-coding-NLP 31b6a571: "-[Title](url) - in SIGIR 2023" (no
        # paper of the list was read: the dash is glued to the link; and in a section of one
        # paper, "in" was taken for that paper's own word and left out). DEVIATION: after the
        # year's one paper (the maintainer: before it); "http://arxiv.org/abs/" as that
        # paper's link writes it (the maintainer: https); no code link (metadata has none).
        (
            10,
            [
                "",
                "-[Automated Medical Coding on MIMIC-III and MIMIC-IV: A Critical Review and"
                " Replicability Study](http://arxiv.org/abs/2304.10909) - in SIGIR 2023",
            ],
        ),
        id="history-glued-dash-in-venue",
    ),
    pytest.param(
        "jailbreak_backtick_title_rows",
        "Jailbreak Attack of Any-to-Text Models",
        PaperRecord(
            title="Jailbreaking Large Vision Language Models in Intelligent Transportation"
            " Systems",
            year=2025,
            month=11,
            day=17,
            arxiv="2511.13892",
        ),
        # liuxuannan/Awesome-Multimodal-Jailbreak 72a47628: the first row (newest first).
        # add wrote "| None | --- | A+T→T |", a neighbour's cells: a title opening with a
        # backtick ("`Do as I say not as I do'") had joined that row's last cells into one.
        # DEVIATION: the taxonomy and the modalities, which metadata does not know, are the
        # list's empty cell, "None" (the maintainer: "--- | I+T→T"); third, after the two
        # papers of 2025/11/20 (the maintainer: first).
        (
            5,
            [
                "|[**Jailbreaking Large Vision Language Models in Intelligent Transportation"
                " Systems**](https://arxiv.org/abs/2511.13892) | Arxiv 2025 | 2025/11/17 | None"
                " | None | None |"
            ],
        ),
        id="history-backtick-in-a-title-cell",
    ),
    pytest.param(
        "embodied_venue_comma_year",
        "Embodied Multimodal Foundation Models and VLA Methods",
        PaperRecord(
            title="Embodied-Reasoner: Synergizing Visual Search, Reasoning, and Action for"
            " Embodied Interactive Tasks",
            authors=("Wenqi Zhang", "Mengna Wang", "Gangao Liu", "Xu Huixin", "Yiwei Jiang",
                     "Yongliang Shen", "Guiyang Hou", "Zhe Zheng", "Hang Zhang", "Xin Li",
                     "Weiming Lu", "Peng Li", "Yueting Zhuang"),
            year=2025,
            arxiv="2503.21696",
        ),
        # HCPLab-SYSU/Embodied_AI_Paper_List ca3fe5f1: first; add wrote "arXiv," without
        # the year (the layout's "arXiv, 2024." was a neighbour's). DEVIATION: the names end
        # in a full stop and the link is the PDF's, as most of the section writes them; the
        # blank line under the heading stays there (the maintainer: below the new paper).
        (
            3,
            [
                "",
                "* **Embodied-Reasoner: Synergizing Visual Search, Reasoning, and Action for"
                " Embodied Interactive Tasks**, arXiv, 2025.     ",
                "Wenqi Zhang, Mengna Wang, Gangao Liu, Xu Huixin, Yiwei Jiang, Yongliang Shen,"
                " Guiyang Hou, Zhe Zheng, Hang Zhang, Xin Li, Weiming Lu, Peng Li, Yueting"
                " Zhuang.     ",
                "[[page](https://arxiv.org/pdf/2503.21696)]",
            ],
        ),
        id="history-venue-comma-year-over-names",
    ),
    pytest.param(
        "perception_numbered_table",
        "论文列表",
        PaperRecord(
            title="Side Adapter Network for Open-Vocabulary Semantic Segmentation",
            authors=("Mengde Xu", "Zheng Zhang", "Fangyun Wei", "Han Hu", "Xiang Bai"),
            year=2023,
            venue="CVPR2023 Highlight",
            arxiv="2302.12242",
        ),
        # colorfulandcjy0806/Awesome-Multimodal-Perception 62a2e9d8: row 20 after row 19,
        # above the table's closing "| ... |" row (add wrote "无" in the "序号" column, which
        # it did not read as the rows' numbers). DEVIATION: "无" (the table's empty cell) for
        # the type, the institutions, the code and the notes, which metadata does not give
        # (the maintainer: "开放词汇分割", "华中科技大学、微软亚洲研究院" and two links).
        (
            23,
            [
                "| 20 | 无 | Side Adapter Network for Open-Vocabulary Semantic Segmentation |"
                " Mengde Xu, Zheng Zhang, Fangyun Wei, Han Hu, Xiang Bai | 无 | CVPR2023 Highlight"
                " | [📄](https://arxiv.org/abs/2302.12242) | 无 | 无 |"
            ],
        ),
        id="history-numbered-table-rows",
    ),
    pytest.param(
        "medical_vlm_ordinal_dates",
        "Segmentation",
        PaperRecord(
            title="SegTransVAE: Hybrid CNN - Transformer with Regularization for medical image"
            " segmentation",
            authors=(
                "Quan-Dung Pham",
                "Hai Nguyen-Truong",
                "Nam Nguyen Phuong",
                "Khoa N. A. Nguyen",
            ),
            year=2022,
            month=1,
            day=21,
            arxiv="2201.08582",
        ),
        # yangzhou12/awesome-medical-vision-language-models 7a699c40: last, the section in
        # order of dates; the day as an ordinal ("[21st Jan., 2022]", as "[3rd Jan., 2022]"
        # above it: add wrote "[12th Jan., 2022\\].&lt;br&gt;", the "].<br>" after the date
        # read as a venue). DEVIATION: the arXiv page, as most of the section links it (the
        # maintainer: the PDF), and the line of one space after it that sets off every entry
        # (the maintainer: none, the section's end); no code link.
        (
            190,
            [
                "   **SegTransVAE: Hybrid CNN - Transformer with Regularization for medical image"
                " segmentation.** [21st Jan., 2022].<br>",
                "*Quan-Dung Pham, Hai Nguyen-Truong, Nam Nguyen Phuong, Khoa N. A. Nguyen.*<br>",
                " [[PDF](https://arxiv.org/abs/2201.08582)]",
                " ",
            ],
        ),
        id="history-ordinal-day-dates",
    ),
    pytest.param(
        "ts_explain_by_apa_names",
        "Feature Attribution",
        PaperRecord(
            title="Class-Specific Explainability for Deep Time Series Classifiers",
            authors=(
                "Ramesh Doddaiah",
                "Prathyush Parvatharaju",
                "Elke Rundensteiner",
                "Thomas Hartvigsen",
            ),
            year=2022,
            arxiv="2210.05411",
        ),
        # JHoelli/Awesome-Time-Series-Explainability 22a08f2d: "(2022) by *Surname, I., ...
        # & Surname, I.*" (add wrote "(2022) arXiv" where the names go: the "by" before them
        # was read as every entry's venue). Placed by year, after the 2023 papers. DEVIATION:
        # "(2022)" without the " , " before it, as most of the section; the arXiv page, not
        # the PDF; no code link or star badge.
        (
            7,
            [
                "- [**Class-Specific Explainability for Deep Time Series Classifiers**]"
                "(https://arxiv.org/abs/2210.05411) (2022) by *Doddaiah, R., Parvatharaju, P.,"
                " Rundensteiner, E., & Hartvigsen, T.*"
            ],
        ),
        id="history-by-apa-names",
    ),
    pytest.param(
        "ts_explain_by_apa_names",
        "Feature Attribution",
        PaperRecord(
            title="A Survey of Explainable Artificial Intelligence (XAI) in Financial Time Series"
            " Forecasting",
            year=2024,
            arxiv="2407.15909",
        ),
        # (no names known) the "by" before the names goes with them: add wrote "(2024) by".
        # First: the newest year.
        (
            5,
            [
                "- [**A Survey of Explainable Artificial Intelligence (XAI) in Financial Time"
                " Series Forecasting**](https://arxiv.org/abs/2407.15909) (2024)"
            ],
        ),
        id="by-goes-with-the-names",
    ),
    pytest.param(
        "world_models_code_venue_dates",
        "Survey",
        EMBODIED_SAFETY,
        # leofan90/Awesome-World-Models e88b94cc: '"Title" **`arXiv 2026.05`**.' (add wrote
        # "**`arXiv`**", the date lost: the code span was read as one venue "arXiv 2026.05").
        # DEVIATION: among the papers of May 2026 by arXiv id, newest first, as the section
        # orders them (the maintainer: first); the space after the last link as its
        # neighbours; no website link.
        (
            48,
            [
                '* "Safety in Embodied AI: A Survey of Risks, Attacks, and Defenses"'
                " **`arXiv 2026.05`**. [[Paper](https://arxiv.org/abs/2605.02900)] "
            ],
        ),
        id="history-code-venue-date",
    ),
    pytest.param(
        "world_models_code_venue_dates",
        "Blog or Technical Report",
        # (a made-up paper: the layout is what is tested)
        PaperRecord(
            title="Nebula: A Made-Up World Model for Testing",
            authors=("Xin Zheng", "Bo Li"),
            year=2026,
            month=3,
            arxiv="2603.05555",
        ),
        # "* **`Name`**, Title. [[Paper](url)]": the name in code in bold is the paper's
        # (before, it was read as the title, and the title as a venue or a remark); by arXiv
        # id, newest first.
        (
            8,
            [
                "* **`Nebula`**, Nebula: A Made-Up World Model for Testing."
                " [[Paper](https://arxiv.org/abs/2603.05555)]"
            ],
        ),
        id="code-nickname-comma-title",
    ),
    pytest.param(
        "world_model_yy_mm_code",
        "Survey",
        EMBODIED_SAFETY,
        # LMD0311/Awesome-World-Model 234cbff0: first, "Title. **`arXiv 26.05`**" (add wrote
        # "\\`arXiv 26.05\\`" into the title: "Title. **`Venue YY.MM`**" was read as the title).
        # DEVIATION: no code link.
        (
            1,
            [
                "- Safety in Embodied AI: A Survey of Risks, Attacks, and Defenses."
                " **`arXiv 26.05`** [[Paper](https://arxiv.org/abs/2605.02900)]"
            ],
        ),
        id="history-code-venue-short-date",
    ),
    pytest.param(
        "robot_papers_style_changed",
        "Recent Random Papers",
        PaperRecord(
            title="UniDex: A Robot Foundation Suite for Universal Dexterous Hand Control from"
            " Egocentric Human Videos",
            authors=("Xin Zheng", "Bo Li"),
            year=2026,
            month=3,
            arxiv="2603.22264",
        ),
        # YanjieZe/Paper-List e0e815a1: first, "- [arXiv 2026.03](url), Title", as the newest
        # entries around it are written (add wrote "- arXiv 2026.03, Title, [arXiv](url)", the
        # form of most of the list, its older entries). DEVIATION: the arXiv page without its
        # version ("v1").
        (
            1,
            [
                "- [arXiv 2026.03](https://arxiv.org/abs/2603.22264), UniDex: A Robot Foundation"
                " Suite for Universal Dexterous Hand Control from Egocentric Human Videos"
            ],
        ),
        id="history-style-changed-newest-entries",
    ),
    pytest.param(
        "graph_causal_ones_on_top",
        "Year 2020",
        PaperRecord(
            title="Causal Discovery in Physical Systems from Videos",
            authors=("Yunzhu Li", "Antonio Torralba"),
            year=2020,
            venue="NeurIPS 2020",
            arxiv="2007.00631",
        ),
        # TimeLovercc/Awesome-Graph-Causal-Learning 761a9e9e: first, as "1.", the other
        # numbers left as they are: the list's papers are put on top as "1." ("1. 1. 2."; add
        # wrote "3." at the end, the three titles being in alphabetical order by chance,
        # then "1." first with the next paper renumbered "2.").
        (
            45,
            [
                "1. [NeurIPS 2020] **Causal Discovery in Physical Systems from Videos**"
                " [[paper]](https://arxiv.org/pdf/2007.00631.pdf)"
            ],
        ),
        id="history-numbered-ones-on-top",
    ),
]


@pytest.mark.parametrize(("fixture", "section", "record", "expected"), CASES)
def test_add_writes_the_golden(fixture, section, record, expected):
    after, new = expected
    assert added(fixture, section, record) == inserted(fixture, after, new)


def test_html_table_row_takes_the_category_cell_and_its_rowspan_grows():
    record = PaperRecord(
        title="Rethinking Model Ensemble in Transfer-based Adversarial Attacks",
        authors=("Huanran Chen", "Yichi Zhang", "Yinpeng Dong", "Xiao Yang", "Hang Su"),
        year=2023,
        arxiv="2303.09105",
    )
    before = (FIXTURES / "transfer_attack_html_table.md").read_text(encoding="utf-8")
    after = added("transfer_attack_html_table", "Targeted Attacks > Ensemble-based", record)
    # 2023 before the category's 2024 rows: the new row opens the category, so it takes the
    # "<th rowspan>" cell, now 3. DEVIATION: the golden's link text is "CWA (Chen et al., 2023)";
    # the nickname is not in the title, so the title stands in for it. The main idea is the
    # maintainer's to write: "<sub></sub>", as the golden allows.
    old_first = '<tr>\n<th rowspan="2"><sub><strong>Ensemble-based</strong></sub></th>\n'
    new_rows = (
        '<tr>\n<th rowspan="3"><sub><strong>Ensemble-based</strong></sub></th>\n'
        '<td><a href="https://arxiv.org/abs/2303.09105" target="_blank" '
        'rel="noopener noreferrer">Rethinking Model Ensemble in Transfer-based Adversarial '
        "Attacks (Chen et al., 2023)</a></td>\n<td ><sub></sub></td>\n</tr>\n\n<tr>\n"
    )
    assert before.count(old_first) == 1
    assert after == before.replace(old_first, new_rows)
