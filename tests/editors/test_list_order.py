"""Where ``add`` puts a paper in a list whose order only some of its fields show.

Small lists written for each case (shapes seen in real lists: a table of years whose
rows go by arXiv id, papers dated by the day beside papers dated by the year, a
section split into newer and older papers); the expected files were written by hand.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.editors.paper_list import add_to_paper_list
from bot.suggestions import PaperItem, PaperRecord
from tests.conftest import RENDERER

YEAR_TABLE = """## Self-Distillation

| Paper | Date |
|-------|:----:|
| [Self-Distilled RLVR](https://arxiv.org/abs/2604.03128) | 2026 |
| [On-Policy SFT for Efficient Reasoning](https://arxiv.org/abs/2602.13407) | 2026 |
| [Multi-Token Prediction via Self-Distillation](https://arxiv.org/abs/2602.06019) | 2026 |
| [Semantic Soft Bootstrapping](https://arxiv.org/abs/2512.05105) | 2025 |
"""

DAYS_AND_YEARS = """## Benchmarks

**ChartQAPro: A More Diverse Benchmark** <br>
Ahmed Masry, Mahir Ahmed <br>
[arXiv, 10 Apr 2025](https://arxiv.org/abs/2504.05506)

**ChartLens: Fine-grained Visual Attribution in Charts** <br>
Manan Suri, Puneet Mathur <br>
[ACL 2025](https://arxiv.org/pdf/2505.19360)

**ChartX and ChartVLM: A Versatile Benchmark** <br>
Renqiu Xia, Bo Zhang <br>
[arXiv, 19 Feb 2024](https://arxiv.org/abs/2402.12185)

**ChartInsights: Evaluating Low-Level Chart Question Answering** <br>
Yifan Wu, Lutao Yan <br>
[Findings of EMNLP 2024](https://arxiv.org/pdf/2405.07001)

**ChartBench: A Benchmark for Complex Visual Reasoning** <br>
Zhengzhuo Xu, Sinan Du <br>
[arXiv, 26 Dec 2023](https://arxiv.org/abs/2312.15915)
"""

NEWER_AND_OLDER = """## Benchmarks

- [ChartMind: A Comprehensive Benchmark](https://openreview.net/pdf?id=ab12), EMNLP 2025
- [CharXiv: Charting Gaps in Chart Understanding](https://arxiv.org/abs/2406.18521), NeurIPS 2024
- [ChartBench: Complex Visual Reasoning](https://arxiv.org/abs/2312.15915), arXiv 2023

Before large language models:

- [ChartQA: Question Answering about Charts](https://openreview.net/pdf?id=cd34), ACL 2022
- [PlotQA: Reasoning over Scientific Plots](https://arxiv.org/abs/1909.00997), WACV 2020
"""


# JSLiam94/Paper-List-for-Prototypical-Learning: each item has its abstract folded in
# <details>, its BibTeX in <pre> and a figure under it; a new paper went between the last
# item and its abstract, as each item was a list of its own.
ATTACHED = """## Classification

- [[2017-NIPS]](https://arxiv.org/abs/1703.05175) **Prototypical networks for few-shot learning**
<details close>
<summary> Abstract </summary>

- [Abstract] We propose Prototypical Networks for few-shot classification.
</details>
<pre>
@article{snell2017prototypical,
  title={Prototypical networks for few-shot learning},
}
</pre>

![alt text](images/image.png)

- [[2019-NIPS]](https://arxiv.org/abs/1806.10574) **This looks like that: interpretable**
<details>
<summary> Abstract </summary>
<pre>
When we are faced with challenging image classification tasks.
</pre>
</details>

![alt text](images/image-1.png)
"""


# FelixDJC/Awesome-Graph-Anomaly-Detection: oldest first by year; its three titles are in
# alphabetical order too, by chance (a new paper went second and the list was renumbered).
THREE_TITLES = """##### <span>Filter</span>
1. IJCAI 2022: Can Abnormality be Detected by Graph Neural Networks? [[Paper]](http://yangy.org/works/gnn/IJCAI22_Abnormality.pdf)
2. ICML 2022: Rethinking Graph Neural Networks for Anomaly Detection [[Paper]](https://arxiv.org/pdf/2205.15508)
3. CIKM 2023: SplitGNN: Spectral Graph Neural Network for Fraud Detection against Heterophily [[Paper]](https://dl.acm.org/doi/10.1145/3583780.3615067)
"""


def _paper(title: str, arxiv: str, year: int, venue: str = "arXiv") -> PaperRecord:
    return PaperRecord(title=title, authors=("Ann Lee", "Bo Li"), year=year, venue=venue,
                       arxiv=arxiv)  # fmt: skip


@pytest.mark.parametrize(
    ("text", "section", "record", "anchor", "new"),
    [
        pytest.param(
            YEAR_TABLE,
            "Self-Distillation",
            _paper("Self-Play Distillation Revisited", "2602.11111", 2026),
            "(https://arxiv.org/abs/2602.13407) | 2026 |\n",
            "| [Self-Play Distillation Revisited](https://arxiv.org/abs/2602.11111) | 2026 |\n",
            id="a-year-of-rows-in-the-order-of-their-arxiv-ids",
        ),
        pytest.param(
            DAYS_AND_YEARS,
            "Benchmarks",
            replace(
                _paper("MultiChartQA: Multi-Chart Problems", "2410.14179", 2024), month=10, day=18
            ),
            "[ACL 2025](https://arxiv.org/pdf/2505.19360)\n",
            "\n**MultiChartQA: Multi-Chart Problems** <br>\nAnn Lee, Bo Li <br>\n"
            "[arXiv, 18 Oct 2024](https://arxiv.org/abs/2410.14179)\n",
            id="dated-by-the-day-or-the-year-newest-year-first",
        ),
        pytest.param(
            NEWER_AND_OLDER,
            "Benchmarks",
            _paper("MultiChartQA: Multi-Chart Problems", "2410.14179", 2024),
            "(https://openreview.net/pdf?id=ab12), EMNLP 2025\n",
            "- [MultiChartQA: Multi-Chart Problems](https://arxiv.org/abs/2410.14179), "
            "arXiv 2024\n",
            # (in the newer list, before CharXiv: of the same year, with a newer arXiv id)
            id="the-list-whose-years-reach-the-paper",
        ),
        pytest.param(
            ATTACHED,
            "Classification",
            _paper("ProtoPFormer: Prototypical Parts", "2208.10431", 2023, "IJCAI 2023"),
            "![alt text](images/image-1.png)\n",
            "\n- [[2023-IJCAI]](https://arxiv.org/abs/2208.10431) **ProtoPFormer: Prototypical "
            "Parts**\n",
            id="after-the-last-item-s-abstract-bibtex-and-figure",
        ),
        pytest.param(
            ATTACHED,
            "Classification",
            _paper("Few-Shot Prototypes Revisited", "1803.00001", 2018, "ICML 2018"),
            "![alt text](images/image.png)\n",
            "\n- [[2018-ICML]](https://arxiv.org/abs/1803.00001) **Few-Shot Prototypes "
            "Revisited**\n",
            id="between-two-items-after-the-first-one-s-figure",
        ),
        pytest.param(
            THREE_TITLES,
            "Filter",
            _paper(
                "Graph Fairing Convolutional Networks for Anomaly Detection",
                "2010.10274",
                2024,
                "PR 2024",
            ),
            "(https://dl.acm.org/doi/10.1145/3583780.3615067)\n",
            "4. PR 2024: Graph Fairing Convolutional Networks for Anomaly Detection "
            "[[Paper]](https://arxiv.org/pdf/2010.10274)\n",
            id="three-titles-in-alphabetical-order-by-chance",
        ),
    ],
)
def test_a_paper_goes_where_the_list_order_puts_it(text, section, record, anchor, new):
    result = add_to_paper_list(text, [PaperItem(record, section)], None, renderer=RENDERER)
    assert result.skipped == ()
    assert result.text == text.replace(anchor, anchor + new)


# Dusto-AI/llm-situational-awareness-paper-list (abridged): newest year first, and within
# a year by the first author's surname, as a reference list is.
BY_SURNAME = """## AI Safety

- **Chaudhary, M., & Zhang, T. J. (2025).** Evaluation Awareness Scales Predictably. [[link]](https://arxiv.org/abs/2509.13333)
- **Needham, J., & Hobbhahn, M. (2025).** Large Language Models Often Know When They Are Being Evaluated. [[link]](https://arxiv.org/abs/2505.23836)
- **Balesni, M., & Hobbhahn, M. (2024).** Towards evaluations-based safety cases for AI scheming. [[link]](https://arxiv.org/abs/2411.03336)
- **Bondarenko, A., & Volk, D. (2024).** Demonstrating specification gaming in reasoning models. [[link]](https://arxiv.org/abs/2502.13295)
- **Laine, R., & Chughtai, B. (2024).** Me, Myself, and AI: The Situational Awareness Dataset (SAD) for LLMs. [[link]](https://arxiv.org/abs/2407.04694)
- **Ngo, R., Chan, L., & Mindermann, S. (2024).** The alignment problem from a deep learning perspective. [[link]](https://arxiv.org/abs/2209.00626)
- **Berglund, L., & Stickland, A. C. (2023).** Taken out of context: On measuring situational awareness in LLMs. [[link]](https://arxiv.org/abs/2309.00667)
"""  # noqa: E501


def test_papers_of_one_year_go_by_the_first_author_s_surname_where_the_list_does():
    record = PaperRecord(
        title="Alignment faking in large language models",
        authors=("Ryan Greenblatt", "Carson Denison"),
        year=2024,
        venue="arXiv",
        arxiv="2412.14093",
    )
    result = add_to_paper_list(
        BY_SURNAME, [PaperItem(record, "AI Safety")], None, renderer=RENDERER
    )
    anchor = "(https://arxiv.org/abs/2502.13295)\n"
    new = (
        "- **Greenblatt, R., & Denison, C. (2024).** Alignment faking in large language models."
        " [[link]](https://arxiv.org/abs/2412.14093)\n"
    )
    assert result.text == BY_SURNAME.replace(anchor, anchor + new)


# YanjieZe/Paper-List (e0e815a, abridged): "Recent Random Papers", added to at the top
# whatever the paper's year (an old classic among this year's preprints), so that the
# newest are on top and the oldest at the bottom, though the dates are far from sorted.
ADDED_ON_TOP = """## Recent Random Papers

- [arXiv 2026.03](https://arxiv.org/abs/2603.22264v1), UniDex: A Robot Foundation Suite for Universal Dexterous Hand Control from Egocentric Human Videos
- [arXiv 2026.08](https://arxiv.org/abs/2608.11521), Keep the Future, Drop the Rollout: RIFT for World Action Models
- [arXiv 2020.01](https://arxiv.org/abs/2001.08361), Scaling Laws for Neural Language Models
- [arXiv 2026.06](https://arxiv.org/abs/2606.26428), Play2Perfect: What Matters in Dexterous Play Pretraining for Precise Assembly?
- arXiv 2025.02, Strengthening Generative Robot Policies through Predictive World Modeling, [website](https://computationalrobotics.seas.harvard.edu/GPC/)
- arXiv 2025.01, Improving Vision-Language-Action Model with Online Reinforcement Learning, [arXiv](https://arxiv.org/abs/2501.16664)
- arXiv 2025.06, DexWrist: A Robotic Wrist for Constrained and Dynamic Manipulation, [website](https://dexwrist.csail.mit.edu/)
- ICLR 2015, Adam: A Method for Stochastic Optimization, [arXiv](https://arxiv.org/abs/1412.6980)
- arXiv 2025.04, DexSinGrasp: Learning a Unified Policy for Dexterous Object Singulation and Grasping in Cluttered Environments, [website](https://nus-lins-lab.github.io/dexsingweb/)
- arXiv 2024.04, Finding Visual Task Vectors, [arXiv](https://arxiv.org/abs/2404.05729)
- arXiv 2024.01, **DVT**: Denoising Vision Transformers, [Website](https://jiawei-yang.github.io/DenoisingViT/)
- arXiv 2024.06, An Image is Worth More Than 16x16 Patches: Exploring Transformers on Individual Pixels, [arXiv](https://arxiv.org/abs/2406.09415)
- NeurIPS 2021, Deep Reinforcement Learning at the Edge of the Statistical Precipice, [arXiv](https://arxiv.org/abs/2108.13264)
- arXiv 2024.03, Point Could Mamba: Point Cloud Learning via State Space Model, [arXiv](https://arxiv.org/abs/2403.17695)
- arXiv 2023.04, Generative Agents: Interactive Simulacra of Human Behavior, [arXiv](https://arxiv.org/abs/2304.03442)
- arXiv 2023.02, SceneDreamer: Unbounded 3D Scene Generation from 2D Image Collections, [code](https://github.com/FrozenBurning/SceneDreamer)
- arXiv 2023.04, Zip-NeRF: Anti-Aliased Grid-Based Neural Radiance Fields, [Website](https://jonbarron.info/zipnerf/)
"""  # noqa: E501


def test_a_list_added_to_on_top_gets_the_new_paper_on_top():
    record = _paper("Self-Play Distillation Revisited", "2402.11111", 2024, "NeurIPS 2024")
    result = add_to_paper_list(ADDED_ON_TOP, [PaperItem(record, None)], "Recent Random Papers",
                               renderer=RENDERER)  # fmt: skip
    new = "- NeurIPS 2024, Self-Play Distillation Revisited, [arXiv](https://arxiv.org/abs/2402.11111)\n"
    assert result.text == ADDED_ON_TOP.replace("\n\n", "\n\n" + new, 1)
