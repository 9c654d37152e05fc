"""Issue 11: real paper lists in layouts other than LLMSurvey's (see fixtures/SOURCES.md).

For each list: the true entry count and the non-papers (counted by hand, see the
expected files of the research notes quoted in SOURCES.md), fields of hand-checked
entries, and ``add`` goldens: the hand-written expected insertion, or where our
output differs, the golden's own acceptable alternative (said so at the case).
"""

from __future__ import annotations

import pytest

from bot.references import load
from tests.realworld.sources import FIXTURES

# fixture, papers, items that are not papers (each counted by hand)
COUNTS = [
    pytest.param("video_llm_tables", 59, 1, id="pipe-tables"),  # VLog links a repository
    pytest.param("ai_for_math_sorted_table", 50, 0, id="sorted-table"),
    pytest.param("transfer_attack_html_table", 16, 0, id="html-table"),
    pytest.param("cvpr2024_bold_paper_code", 35, 0, id="bold-paragraphs"),
    pytest.param("cvpr2025_chinese_h4_entries", 37, 0, id="chinese-heading-entries"),
    pytest.param("diffusion_bold_backslash", 24, 36, id="bold-with-posts"),
    pytest.param("lm_ssp_date_prefixed", 59, 0, id="date-prefixed"),
    pytest.param("lm_ssp_toolkit_mixed", 8, 5, id="toolkits"),
    pytest.param("prompt_papers_numbered", 60, 0, id="numbered"),
    # (GENESIS, *arXiv, Nov 2023* and its code: a paper as the list cites it, since a date
    # gives a known venue its year as a year does)
    pytest.param("llm_robotics_second_links", 64, 1, id="second-links-crlf"),
    pytest.param("matching_nickname_br", 58, 0, id="nickname-br"),
    pytest.param("awesome_jax_mixed", 4, 76, id="tools-list"),
    # 26 "- (*Venue'YY*) Title [[paper](url)]" bullets, then Resources & Tools: the
    # GraphML handbook chapter is a PDF (a paper by the rule), GraphGPT and PyG link
    # repositories, GML a documentation page; the template in the code block is no entry.
    pytest.param("graph_llm_venue_paren", 27, 3, id="venue-in-parentheses"),
    # 35 "- (Venue Year) **Title** [[Paper]](url)" bullets, 8 without the bold.
    pytest.param("rag_reasoning_paren_bold", 35, 0, id="venue-in-parentheses-bold"),
    # 38 table rows, each a paper with an arXiv, OpenReview or ACL Anthology link; the
    # title cell opens with linked badges ("[![Star](...)](repo)", "[![Type](...)]()").
    pytest.param("efficient_llm_badge_table", 38, 0, id="linked-badges-table"),
    # Two "| Date | Keywords | Paper | Venue |" tables under " ###" headings: 18 + 12 rows,
    # xFormers and FasterTransformer link GitHub ("GitHub" as venue); Monarch Mixer links
    # its NeurIPS poster page (nips.cc/virtual/2023/poster/...), a paper.
    pytest.param("resource_efficient_date_table", 28, 2, id="date-keyword-table"),
    # 21 "- Title, <ins>Venue, Year</ins> [[Paper](url)]" bullets right under headings
    # (no blank line), titles with colons ("LoMA: Lossless ..."), each with a paper link.
    pytest.param("efficient_survey_ins_venue", 21, 0, id="ins-venue-under-headings"),
    # One aligned table of 14 rows, each an arXiv paper; venue and date in code spans.
    pytest.param("code_llm_backtick_table", 14, 0, id="backtick-cells"),
    # 22 "- **[Venue Year]** Title. [[Paper]](url)" bullets ("**[Arxiv 2024.10]**" too).
    pytest.param("efficient_diffusion_bold_venue", 22, 0, id="bold-bracket-venue"),
    # 12 "* 👍**Nick(Venue)** Title [[paper link](url)]" papers (four with the thumb glued to
    # the bold), and an awesome-list repository under Materials.
    pytest.param("cv_gather_bold_nick_venue", 12, 1, id="bold-nickname-venue-emoji"),
    # 42 "[Title](url), Venue Year" paragraphs between blank lines: one with its link broken
    # over two lines and no address ("[What Do You See? ...") runs on into the next, which
    # Markdown reads as one paragraph with it: neither is read, 40 are.
    pytest.param("xai_cited_link_paragraphs", 40, 0, id="cited-link-paragraphs"),
    # Two HTML tables whose header rows are <td> cells (the first two rows high, "Memory"
    # spanning two columns named in the second row): 3 + 2 rows, each a name ("WebGPT",
    # "Drori et al.") and an <a href="arxiv">Paper</a> link; the two bullets between the
    # tables are notes, no entries.
    pytest.param("agent_survey_td_header_tables", 5, 0, id="html-td-header-paper-link"),
    # "  - Query-based RAG" and "  - Latent Representation-based RAG", each over indented
    # "[Title](url)" paragraphs (blank lines between, one indented two more): 19 + 7 papers
    # linked to arXiv, OpenReview, DOIs, PMLR, Springer and NeurIPS proceedings.
    pytest.param("rag_survey_nested_link_paragraphs", 26, 0, id="link-paragraphs-in-bullets"),
    # Ten "[**Title**](url) （**2024.06.07**）" paragraphs, newest first, each with a line
    # of badges (citations, readers, stars) one blank line below; a link to the full list.
    pytest.param("prompt_icl_badge_paragraphs", 10, 0, id="paragraphs-with-badges"),
    # "| Title | Publication Date | Link |": 14 rows of plain titles (one cell opens with no
    # space), dates "16 May 2025", links labelled "Arxiv", "OpenReview", "Springer",
    # "Oxford Academic".
    pytest.param("post_training_date_link_table", 14, 0, id="plain-title-date-link-table"),
    # Four rows under a five-column header, each leaving out its empty last cells (three or
    # four cells), one link written "[Github](url    )".
    pytest.param("kd_llm_short_rows_table", 4, 0, id="rows-without-their-last-cells"),
    # "- [Title](url) by A, B and C. *Venue*, pages, Year. [tag] [tag]" (a list written from
    # a Zotero library): 5 papers under a bold count and a sentence of prose.
    pytest.param("continual_learning_by_authors", 5, 0, id="by-authors-italic-venue"),
    # "| Date | Venue | Benchmark | Size | Language | Source |": 7 benchmarks, each with its
    # paper in "Source" as '"Title" [[paper](url)] [[data](url)]'.
    pytest.param("code_llm_benchmark_source_table", 7, 0, id="benchmark-table-source-column"),
    # "- **Title** (2015), G. Hinton et al. [[pdf]](url)", and plain titles in the appendix:
    # 7 + 3 papers (arXiv, NIPS, CVF and Nature pages).
    pytest.param("deep_learning_year_then_names", 10, 0, id="year-then-names"),
    # "- **Title;** Names" with no link at all (2,208 such items upstream): 15 papers, one
    # with a remark after its names' semicolon.
    pytest.param("multimodal_bold_title_names_no_links", 15, 0, id="no-links-title-names"),
    # "| Month | [**Name** — Title](url) | Venue | Problems | Focus | Resources |": 13 rows,
    # 12 arXiv PDFs and FunSearch's Nature PDF.
    pytest.param("llm4aad_nick_dash_table", 13, 0, id="name-dash-title-in-link"),
    # "N. Title | *Venue* | 2024.03.06 | [<u>Paper Link</u>](url)": 18 numbered items, 15
    # arXiv links, an NDSS PDF, an IEEE Xplore page (one item's venue is not in italics).
    pytest.param("cyber_numbered_pipes", 18, 0, id="numbered-pipe-separated"),
    # "- [2024/12] **Title** [[paper](url)][[code](url)] *remark* `tag`": 27 items, 25 with a
    # paper link (arXiv, ACL Anthology, OpenReview, IEEE); hertz-dev links code only, the
    # DeepMind post a blog.
    pytest.param("speech_codec_remarks_after_links", 25, 2, id="remarks-after-links"),
    # "- [Title](arXiv url)" over bullets of names and labelled fields ("📅 Date:",
    # "📑 Publisher:", "🔑 Key:"): 3 papers (the README is generated from papers.yaml).
    pytest.param("gui_agents_field_bullets", 3, 0, id="labelled-field-bullets"),
    # '* Nick: "Title" VENUE. [[Paper]](url)' over a line of notes in Chinese, under year
    # headings: 12 papers (arXiv, CVF and Springer pages).
    pytest.param("tracking_year_sections_notes", 12, 0, id="year-sections-notes"),
    # "- **Nick**: Names.<br />" over '"Title." Venue (Year).' and a line per link: 4 papers
    # (ECVA, OpenReview and arXiv links).
    pytest.param("tracking_nick_names_quoted", 4, 0, id="nick-names-then-quoted-title"),
    # "**Title** <br>" over the names and "[Venue Year](url) • [Code](url)": one bold title
    # per paragraph, lines 4 to 69, 17 papers (the link on the venue is the paper's).
    pytest.param("viz_bold_venue_links", 17, 0, id="bold-title-venue-links"),
    # "- Title. In *VENUE YEAR*. [[pdf](url)]": one bullet per line, 4 to 55, 52 papers.
    pytest.param("dynamics_in_venue_bullets", 52, 0, id="plain-title-in-venue"),
    # "#### [Title](url)" over the venue and numbered notes: 15 link headings, lines 6 to
    # 73, of which one links Google Scholar only (26: no paper); "#### *<u>Check out this
    # [leaderboard](url) ...</u>*" (58) is a remark among them, no entry and no section.
    pytest.param("patch_heading_entries_notes", 14, 1, id="heading-entries-notes"),
    # "(VENUE YEAR) [Title](url) [[Code]](url) by Surname et al." paragraphs between blank
    # lines (one or two): lines 5 to 24, 10 papers.
    pytest.param("adaptation_venue_tag_paragraphs", 10, 0, id="venue-tag-paragraphs"),
    # "* **[RND]** <[Title](url)> by Burda, Yuri and Edwards, Harrison, 2018." bullets
    # under h4 and h5 headings: lines 6 to 39, 14 papers.
    pytest.param("exploration_angle_links_bibtex_names", 14, 0, id="angle-links-bibtex-names"),
    # "* [2512] [EMA-GRPO] [Title](url)" bullets, blank lines between: lines 6 to 22, 9 papers.
    pytest.param("rl_yymm_nick_links", 9, 0, id="yymm-nick-links"),
    # "- **Lee, J. D., & See, K. A. (2004).** Title. *Venue*, 46(1), 50-80. [[link]](url)":
    # APA, one bullet a paper, 14 under the first heading (lines 4 to 17), 23 under the
    # second (lines 21 to 43).
    pytest.param("situational_apa_bold_names", 37, 0, id="apa-bold-names"),
    # "- 16-ATC-Title" bullets linking nothing, under <h3> headings and bold labels: 6 under
    # 1.1 (lines 7 to 12), 3 + 3 + 2 under 1.2 (16 to 28), 1 + 2 + 1 under 1.3 (32 to 40),
    # 3 under 1.4 (44 to 46): 21 papers.
    pytest.param("host_networking_dash_tags", 21, 0, id="dash-year-venue-tags"),
    # "-   Title. SIGIR 2019 【神经图协同过滤】": bullets linking nothing, a translation in
    # lenticular brackets closing each: 10 under Collaborative
    # Filtering (lines 6 to 15), 11 under Long-tail/Cold-start (18 to 28), one of them
    # with a "[PDF](url)" before its note. Before, the notes stopped the plain titles:
    # only the one with a link was read (RUCAIBox's README: 20 of 1,211 papers).
    pytest.param("recsys_lenticular_notes", 21, 0, id="plain-bullets-lenticular-notes"),
]


@pytest.mark.parametrize(("fixture", "papers", "others"), COUNTS)
def test_true_entry_counts_and_non_papers(fixture, papers, others):
    result = load(FIXTURES / f"{fixture}.md")
    assert (len(result.references), len(result.not_papers)) == (papers, others)
    assert result.skipped == ()


def test_the_non_papers_are_the_tools_and_say_why():
    result = load(FIXTURES / "lm_ssp_toolkit_mixed.md")
    lines = [int(skipped.what.split(":")[1].split(" ")[0]) for skipped in result.not_papers]
    assert lines == [9, 10, 11, 13, 14]  # Jailbreakbench, ..., AutoGen: software, no paper
    assert all("no paper" in skipped.why for skipped in result.not_papers)


# fixture, line, (title start, first author, authors, year, venue, arxiv, doi, section)
SPOT = [
    # APA: the names and year in bold ("Lee, J. D., & See, K. A. (2004)."), the title plain,
    # the venue in italics with its volume and pages; the reference names "J. D. Lee"
    (
        "situational_apa_bold_names",
        11,
        ("Trust in automation: Designing", "J. D. Lee", 2, 2004, "Human Factors", None,
         "10.1518/hfes.46.1.50_30392", "Foundational SA and Human Factors"),
    ),
    # the title in italics, the publisher after it
    (
        "situational_apa_bold_names",
        9,
        ("Distributed Situation Awareness: Theory", "P. M. Salmon", 4, 2009, "Ashgate", None,
         None, "Foundational SA and Human Factors"),
    ),
    # "*arXiv preprint arXiv:2603.19426*": arXiv, and the paper's id
    (
        "situational_apa_bold_names",
        21,
        ("Is Evaluation Awareness Just Format Sensitivity?", "V. Devbunova", 1, 2026, "arXiv",
         "2603.19426", None, "AI Safety and SA"),
    ),
    # names as written, not inverted, and no date: "(n.d.)"
    (
        "situational_apa_bold_names",
        43,
        ("Extractive Structures Learned in Pretraining", "Jiahai Feng", 3, None, None,
         "2412.04614", None, "AI Safety and SA"),
    ),
    # "- 16-ATC-Title": the year's two digits and the venue glued on by dashes; no authors
    (
        "host_networking_dash_tags",
        7,
        ("Design Guidelines for High", None, 0, 2016, "ATC", None, None, "1.1 Basic"),
    ),
    # a dash inside the title after the tag stays the title's ("Corundum-An Open-Source")
    (
        "host_networking_dash_tags",
        11,
        ("Corundum-An Open-Source 100-Gbps NIC", None, 0, 2020, "FCCM", None, None, "1.1 Basic"),
    ),
    # a title starting in lower case, under a bold label ("**[Network Functions]**")
    (
        "host_networking_dash_tags",
        18,
        ("hXDP: Efficient Software", None, 0, 2020, "OSDI", None, None,
         "1.2 Computation Offloading"),
    ),
    # a venue's acronym in mixed case
    (
        "host_networking_dash_tags",
        37,
        ("The eXpress Data Path: Fast", None, 0, 2018, "CoNEXT", None, None,
         "1.3 Shorten or Simplify Data Path"),
    ),
    # "**SemTrack:** Wang, Pengfei and Hui, Xiaofei and ... Liu, Jun.<br />" over the quoted
    # title: BibTeX's names after a bold name (the reference's "Pengfei Wang")
    (
        "tracking_nick_names_quoted",
        4,
        ("SemTrack: A Large-scale Dataset", "Pengfei Wang", 13, 2024, "ECCV", None, None,
         "2024"),
    ),
    # "[2510]": the arXiv id's year and month; "[RewardMap]", the title's first word, a name
    (
        "rl_yymm_nick_links",
        10,
        ("RewardMap: Tackling Sparse Rewards", None, 0, 2025, None, "2510.02240", None,
         "Autoregression-based RL"),
    ),
    (
        "rl_yymm_nick_links",
        20,
        ("X-Omni: Reinforcement Learning Makes", None, 0, 2025, None, "2507.22058", None,
         "Autoregression-based RL"),
    ),
    (
        "rl_yymm_nick_links",
        22,
        ("3D-R1: Enhancing Reasoning", None, 0, 2025, None, "2507.23478", None,
         "Autoregression-based RL"),
    ),
    # "<[Title](url)> by Susanne Still and Doina Precup, 2012.": names and a year after "by"
    # (a CiteSeerX id in the link is no DOI)
    (
        "exploration_angle_links_bibtex_names",
        8,
        ("An information-theoretic approach", "Susanne Still", 2, 2012, None, None, None,
         "Mutual Information"),
    ),
    (
        "exploration_angle_links_bibtex_names",
        17,
        ("Self-Supervised Exploration via Disagreement", "Deepak Pathak", 3, 2019, None, None,
         None, "Prediction / Prediction error based Methods"),
    ),
    # "**[RND]**" before the link; "Burda, Yuri and Edwards, Harrison and ...": BibTeX's
    # names, the reference's "Yuri Burda"
    (
        "exploration_angle_links_bibtex_names",
        21,
        ("Exploration by random network distillation", "Yuri Burda", 4, 2018, None,
         "1810.12894", None, "Prediction / Prediction error based Methods"),
    ),
    (
        "exploration_angle_links_bibtex_names",
        33,
        ("Soft actor-critic: Off-policy", "Tuomas Haarnoja", 4, 2018, None, "1801.01290", None,
         "Policy based Exploration"),
    ),
    # "(ICLR 2024) [Title](url) [[Code]](url) by Yang et al.": the venue and year before
    # the title, the first author's surname after "by"
    (
        "adaptation_venue_tag_paragraphs",
        5,
        ("Test-time Adaptation against Multi-modal", "Yang", 1, 2024, "ICLR", None, None,
         "Action Recognition"),
    ),
    (
        "adaptation_venue_tag_paragraphs",
        11,
        ("Analytic Continual Test-Time Adaptation", "Zhang", 1, 2024, "arXiv", "2410.22373",
         None, "Action Recognition"),
    ),
    (
        "adaptation_venue_tag_paragraphs",
        24,
        ("Bridging Modalities via Progressive", "Li", 1, 2026, "AAAI", "2511.22862", None,
         "Action Recognition"),
    ),
    # "#### [Title](url)", a blank line, "ECCV 2022", then numbered notes: not the venue
    (
        "patch_heading_entries_notes",
        6,
        ("Shape Matters: Deformable Patch Attack", None, 0, 2022, "ECCV", None, None, "Attacks"),
    ),
    (
        "patch_heading_entries_notes",
        29,
        ("A Few Adversarial Tokens", None, 0, 2023, "CVPR workshop", None, None, "Attacks"),
    ),
    (
        "patch_heading_entries_notes",
        32,
        ("Vulnerability of CNNs", None, 0, None, None, None, "10.1145/3579988.3585054",
         "Attacks"),
    ),
    # under "### Certified Defenses", not under the remark heading before it
    (
        "patch_heading_entries_notes",
        62,
        ("Certified Defenses for Adversarial Patches", None, 0, 2020, "ICLR", "2003.06693",
         None, "Certified Defenses"),
    ),
    (
        "patch_heading_entries_notes",
        73,
        ("Clipped BagNet", None, 0, 2020, "IEEE S&P Workshop on Deep Learning Security", None,
         None, "Certified Defenses"),
    ),
    # "[arXiv, 10 Apr 2025](url)": the venue and date on the paper's link; names to a "<br>"
    (
        "viz_bold_venue_links",
        4,
        (
            "ChartQAPro: A More Diverse",
            "Ahmed Masry",
            14,
            2025,
            "arXiv",
            "2504.05506",
            None,
            "2.1 Benchmark",
        ),
    ),
    (
        "viz_bold_venue_links",
        12,
        (
            "ChartLens: Fine-grained Visual",
            "Manan Suri",
            6,
            2025,
            "ACL",
            "2505.19360",
            None,
            "2.1 Benchmark",
        ),
    ),
    # "Zhengzhuo Xu*, ..., Chun Yuan†": a mark after a name (not the reference's: written
    # before the run, "Xu*" was corrected to the loader's "Xu" after it); "[arXiv 26 Dec
    # 2023](url)" after a space that opens the line
    (
        "viz_bold_venue_links",
        44,
        (
            "ChartBench: A Benchmark",
            "Zhengzhuo Xu",
            6,
            2023,
            "arXiv",
            "2312.15915",
            None,
            "2.1 Benchmark",
        ),
    ),
    (
        "viz_bold_venue_links",
        40,
        # (a reference's venue has no year, even inside: "NeurIPS 2024 Benchmark" was written
        # before the run and corrected after it)
        (
            "CharXiv: Charting Gaps",
            "Zirui Wang",
            13,
            2024,
            "NeurIPS Benchmark",
            "2406.18521",
            None,
            "2.1 Benchmark",
        ),
    ),
    # "Title. In *COLT 2016*.": "In" opens the venue, it ends no title
    (
        "dynamics_in_venue_bullets",
        4,
        (
            "Gradient descent only converges to minimizers",
            None,
            0,
            2016,
            "COLT",
            None,
            None,
            "1. Learning Dynamics of GD and SGD",
        ),
    ),
    (
        "dynamics_in_venue_bullets",
        11,
        (
            "An alternative view: When does SGD escape local minima?",
            None,
            0,
            2018,
            "ICML",
            None,
            None,
            "1. Learning Dynamics of GD and SGD",
        ),
    ),
    (
        "dynamics_in_venue_bullets",
        19,
        (
            "The anisotropic noise in stochastic",
            None,
            0,
            2019,
            "ICML",
            "1803.00195",
            None,
            "1. Learning Dynamics of GD and SGD",
        ),
    ),
    (
        "dynamics_in_venue_bullets",
        50,
        (
            "Dynamics of SGD with Stochastic Polyak Stepsizes",
            None,
            0,
            None,
            None,
            None,
            None,
            "1. Learning Dynamics of GD and SGD",
        ),
    ),
    # "*Yukun Zhu et al.*  ICCV 2015.": the authors in emphasis, then the venue and year
    (
        "llmsurvey_readme",
        22,
        (
            "Aligning Books and Movies",
            "Yukun Zhu",
            1,
            2015,
            "ICCV",
            "1506.06724",
            None,
            "Commonly Used Corpora",
        ),
    ),
    # ". An XML-based file format for graphs.": a remark on the link, not a venue
    (
        "graph_llm_venue_paren",
        38,
        ("GraphML: Graph markup language", None, 0, None, None, None, None, "Resources & Tools"),
    ),
    # the bold name, the names after it, the quoted title on the next line, "NeurIPS (2024)"
    (
        "tracking_nick_names_quoted",
        9,
        (
            "MemVLT: Visual-Language Tracking",
            "Xiaokun Feng",
            8,
            2024,
            "NeurIPS",
            None,
            None,
            "2024",
        ),
    ),
    (
        "tracking_nick_names_quoted",
        19,
        (
            "WebUOT-1M: Advancing Deep",
            "Chunhui Zhang",
            6,
            2024,
            "NeurIPS",
            "2405.19818",
            None,
            "2024",
        ),
    ),
    # "**VARGPT-v1.1**: Improve Visual ...": the bold name starts the title, not all of it
    (
        "ar_vision_bracket_venues",
        48,
        (
            "VARGPT-v1.1: Improve Visual",
            None,
            0,
            2025,
            "arXiv",
            "2504.02949",
            None,
            "Unified Understanding and Generation Multi-Modal LLMs",
        ),
    ),
    # 'Unicorn: "Title" ECCV (Oral).': a nickname, the quoted title, the venue; the note
    # below is no venue; the year is the section's
    (
        "tracking_year_sections_notes",
        6,
        ("Towards Grand Unification of", None, 0, 2022, "ECCV", "2207.07078", None, "2022"),
    ),
    (
        "tracking_year_sections_notes",
        12,
        ("MixFormer: End-to-End Tracking", None, 0, 2022, "CVPR", None, None, "2022"),
    ),
    # the bullets under the title: the names (one with a nickname in parentheses), the date
    # and the publisher by their labels; institutions, keywords and TLDR are texts
    (
        "gui_agents_field_bullets",
        6,
        (
            "CoAdapt-GUI: Joint Workflow",
            "Linqiang Guo",
            10,
            2026,
            "arXiv",
            "2608.11588",
            None,
            "Recent Papers (from most recent to oldest)",
        ),
    ),
    (
        "gui_agents_field_bullets",
        15,
        (
            "Hallucination-Free GUI Grounding",
            "Yuke Li",
            2,
            2026,
            "arXiv",
            "2608.09654",
            None,
            "Recent Papers (from most recent to oldest)",
        ),
    ),
    # after the links, "`Code Comming Soon`" and "*Idempotence – the stability ...*" are
    # remarks on the paper, not its venue
    (
        "speech_codec_remarks_after_links",
        4,
        (
            "FreeCodec: A disentangled",
            None,
            0,
            2024,
            None,
            "2412.01053",
            None,
            "Neural Codec Models",
        ),
    ),
    (
        "speech_codec_remarks_after_links",
        23,
        (
            "Code Drift: Towards Idempotent",
            None,
            0,
            2024,
            None,
            "2410.11025",
            None,
            "Neural Codec Models",
        ),
    ),
    (
        "speech_codec_remarks_after_links",
        24,
        ("WavLM: Large-Scale", None, 0, 2021, None, "2110.13900", None, "Neural Codec Models"),
    ),
    # "*USENIX*", "*NDSS*": a venue's acronym in emphasis, not an author
    (
        "cyber_numbered_pipes",
        24,
        ("Fuzzing BusyBox: Leveraging LLM", None, 0, 2024, "USENIX", "2403.03897", None, "FUZZ"),
    ),
    (
        "cyber_numbered_pipes",
        26,
        ("Large language model guided protocol", None, 0, 2024, "NDSS", None, None, "FUZZ"),
    ),
    (
        "cyber_numbered_pipes",
        20,
        ("Prompt Fuzzing for Fuzz Driver", None, 0, 2024, "ACM CCS", "2312.17677", None, "FUZZ"),
    ),
    # "... Generation by Search and Learning**. *Guoyi Li, ...*": the title's "by" does not
    # say the names came before the emphasis, which holds the authors
    (
        "taad_code_span_labels",
        3,
        (
            "Adversarial Text Generation",
            "Guoyi Li",
            8,
            2023,
            "Findings of ACL",
            None,
            "10.18653/v1/2023.findings-emnlp.1053",  # the ACL Anthology link's DOI
            "2.2 Word-level Attack",
        ),
    ),
    # the bold name before the dash is the nickname, the title is the rest of the link
    (
        "llm4aad_nick_dash_table",
        23,
        ("Algorithm Evolution Using", None, 0, 2023, "arXiv", "2311.15249", None, "Papers"),
    ),
    (
        "llm4aad_nick_dash_table",
        24,
        ("Mathematical discoveries from", None, 0, 2023, "Nature", None, None, "Papers"),
    ),
    (
        "llm4aad_nick_dash_table",
        29,
        ("ReEvo: Large Language Models", None, 0, 2024, "NeurIPS", "2402.01145", None, "Papers"),
    ),
    (
        "video_llm_tables",
        25,
        ("Seeing the Unseen", None, 0, 2024, "arXiv", "2406.04886", None, "LLM as Summarizer"),
    ),
    (
        "video_llm_tables",
        36,
        ("VAST: A Vision", None, 0, 2023, "NeurIPS", "2305.18500", None, "LLM as Summarizer"),
    ),
    (
        "video_llm_tables",
        74,
        (
            "ActivityNet: A Large-Scale",
            None,
            0,
            2015,
            "CVPR",
            None,
            None,
            "Recognition and Anticipation",
        ),
    ),
    (
        "video_llm_tables",
        97,
        (
            "MVU-Eval",
            None,
            0,
            2025,
            "NeurIPS DB",
            "2511.07250",
            None,
            "Video-based Large Language Models Benchmark",
        ),
    ),
    (
        "ai_for_math_sorted_table",
        19,
        (
            "A Machine Learning Approach That Beats",
            None,
            0,
            2025,
            "NeurIPS",
            "2502.13266",
            "10.52202/085713-5741",
            "awesome-ai-for-math",
        ),
    ),
    (
        "ai_for_math_sorted_table",
        62,
        (
            "Data-scientific study",
            None,
            0,
            2023,
            "Experimental Mathematics",
            None,
            "10.1080/10586458.2025.2490576",
            "awesome-ai-for-math",
        ),
    ),
    (
        "transfer_attack_html_table",
        12,
        ("ODI", "Byun", 1, 2022, None, "2203.09123", None, "Input transformation-based"),
    ),
    (
        "transfer_attack_html_table",
        39,
        ("PoTrip", "Li", 1, 2020, None, None, None, "Advanced objective"),
    ),
    (
        "cvpr2024_bold_paper_code",
        204,
        (
            "$V_kD:$ Improving Knowledge",
            None,
            0,
            None,
            None,
            "2403.06213",
            None,
            "Knowledge Distillation",
        ),
    ),
    (
        "cvpr2024_bold_paper_code",
        215,
        ("MP5: A Multi-modal", None, 0, None, None, "2312.07472", None, "多模态 / Multimodal"),
    ),
    (
        "cvpr2025_chinese_h4_entries",
        38,
        (
            "Iterative Predictor-Critic",
            None,
            0,
            None,
            None,
            "2503.13147",
            None,
            "图像去雾(Dehazing)",
        ),
    ),
    (
        "cvpr2025_chinese_h4_entries",
        91,
        (
            "Reasoning in visual navigation",
            None,
            0,
            None,
            None,
            None,
            None,
            "具身智能（Embodied AI）",
        ),
    ),
    (
        "cvpr2025_chinese_h4_entries",
        183,
        ("MESC-3D:Mining", None, 0, None, None, "2502.20861", None, "三维重建(3D Reconstruction)"),
    ),
    (
        "diffusion_bold_backslash",
        192,
        (
            "A Survey on Video Diffusion",
            "Zhen Xing",
            8,
            2023,
            "arXiv",
            "2310.10647",
            None,
            "Survey",
        ),
    ),
    (
        "diffusion_bold_backslash",
        227,
        ("Diffusion Models in NLP", "Hao Zou", 3, 2023, "arXiv", "2305.14671", None, "Survey"),
    ),
    (
        "diffusion_bold_backslash",
        252,
        ("Diffusion Models in NLP", "Yuansong Zhu", 2, 2023, "arXiv", "2303.07576", None, "Survey"),
    ),
    (
        "lm_ssp_date_prefixed",
        3,
        (
            "You Can't Steal Nothing",
            None,
            0,
            2025,
            "CCS",
            "2509.21884",
            None,
            "C2. Data Reconstruction",
        ),
    ),
    (
        "lm_ssp_date_prefixed",
        29,
        (
            "Transferable Embedding",
            None,
            0,
            2024,
            "ACL",
            None,
            "10.18653/v1/2024.acl-long.230",
            "C2. Data Reconstruction",
        ),
    ),
    (
        "lm_ssp_toolkit_mixed",
        5,
        ("GuardBench", None, 0, 2024, "EMNLP", None, "10.18653/v1/2024.emnlp-main.1022", "Toolkit"),
    ),
    (
        "prompt_papers_numbered",
        20,
        ("OpenPrompt", "Ning Ding", 7, 2021, "Preprint", "2111.01998", None, "Overview"),
    ),
    (
        "prompt_papers_numbered",
        103,
        (
            "Improving and Simplifying",
            "Derek Tam",
            5,
            2021,
            "Preprint",
            "2103.11955",
            None,
            "Basics",
        ),
    ),
    (
        "prompt_papers_numbered",
        235,
        (
            "Rethinking the Role of Demonstrations: What Makes",
            "Sewon Min",
            7,
            2022,
            "arXiv",
            "2202.12837",
            None,
            "Analysis",
        ),
    ),
    (
        "llm_robotics_second_links",
        56,
        (
            "Large Language Models as Generalizable",
            None,
            0,
            2023,
            "arXiv",
            "2310.17722",
            None,
            "Reasoning",
        ),
    ),
    (
        "llm_robotics_second_links",
        97,
        (
            "Robots Enact Malignant",
            None,
            0,
            2022,
            "FAccT",
            "2207.11569",
            "10.1145/3531146.3533138",
            "Safety, Risks, Red Teaming, and Adversarial Testing",
        ),
    ),
    (
        "llm_robotics_second_links",
        87,
        ("BabyAI", None, 0, 2019, "ICLR", "1810.08272", None, "Simulation Frameworks"),
    ),
    (
        "matching_nickname_br",
        24,
        (
            "Sequence-Level Knowledge Distillation",
            "Yoon Kim",
            2,
            2016,
            "EMNLP",
            "1606.07947",
            None,
            "Large Model Distillation",
        ),
    ),
    (
        "matching_nickname_br",
        34,
        (
            "Towards Understanding Ensemble",
            "Zeyuan Allen-Zhu",
            2,
            2013,
            "ICLR",
            "2012.09816",
            None,
            "Large Model Distillation",
        ),
    ),
    (
        "matching_nickname_br",
        152,
        (
            "Recent Advances in Vision Foundation",
            "Linjie Li",
            7,
            2023,
            "CVPR",
            None,
            None,
            "Related Survey",
        ),
    ),
    (
        "matching_nickname_br",
        281,
        (
            'PhyX: Does Your Model Have the "Wits" for Physical Reasoning?',
            "Hui Shen",
            19,
            2025,
            "arXiv",
            "2505.15929",
            None,
            "Related Benchmark",
        ),
    ),
    (
        "awesome_jax_mixed",
        91,
        (
            "Compiling machine learning programs",
            "Roy Frostig",
            3,
            2018,
            "MLSys",
            None,
            None,
            "Papers",
        ),
    ),
    (
        "awesome_jax_mixed",
        92,
        (
            "JAX, M.D.: A Framework",
            "Samuel S. Schoenholz",
            2,
            2020,
            "NeurIPS",
            "1912.04232",
            None,
            "Papers",
        ),
    ),
    (
        "graph_llm_venue_paren",
        5,
        ("StructGPT: A General", None, 0, 2023, "EMNLP", "2305.09645", None, "Prompting"),
    ),
    (
        "graph_llm_venue_paren",
        8,
        ("PiVe: Prompting with", None, 0, 2023, "arXiv", "2305.12392", None, "Prompting"),
    ),
    (
        "graph_llm_venue_paren",
        17,
        (
            "LLMs as Zero-shot Graph Learners",
            None,
            0,
            2024,
            "NeurIPS",
            "2408.14512",
            None,
            "General Graph Model",
        ),
    ),
    (
        "graph_llm_venue_paren",
        25,
        ("UniGLM: Training", None, 0, 2025, "WSDM", "2406.12052", None, "General Graph Model"),
    ),
    (
        "rag_reasoning_paren_bold",
        3,
        (
            "Query Suggestion for Retrieval-Augmented",
            None,
            0,
            2026,
            "arXiv",
            "2601.08105",
            None,
            "Retrieval Optimization",
        ),
    ),
    (
        "efficient_llm_badge_table",
        5,
        (
            "SparseGPT: Massive Language",
            "Elias Frantar",
            2,
            2023,
            "ICML",
            "2301.00774",
            None,
            "Network Pruning",
        ),
    ),
    (
        "efficient_llm_badge_table",
        21,
        (
            "ReLU Strikes Back",
            "Iman Mirzadeh",
            8,
            None,
            None,
            "2310.04564",
            None,
            "Network Pruning",
        ),
    ),
    (
        "efficient_llm_badge_table",
        37,
        (
            "Learning Neural Networks with Sparse",
            "Pranjal Awasthi",
            4,
            2024,
            "COLT",
            "2406.17989",
            None,
            "Network Pruning",
        ),
    ),
    (
        "resource_efficient_date_table",
        5,
        (
            "S2-Attention: Hardware-Aware",
            None,
            0,
            2025,
            "arXiv",  # the table's "ArXiv", as references name it
            "2407.17678",
            None,
            "Efficient Transformer Architecture",
        ),
    ),
    (
        "resource_efficient_date_table",
        29,
        (
            "RWKV: Reinventing RNNs",
            None,
            0,
            2023,
            "EMNLP-Findings",
            None,
            "10.18653/v1/2023.findings-emnlp.936",
            "Non-transformer Architecture",
        ),
    ),
    (
        "resource_efficient_date_table",
        32,
        ("Monarch Mixer", None, 0, 2023, "NeurIPS", None, None, "Non-transformer Architecture"),
    ),
    (
        "efficient_survey_ins_venue",
        2,
        ("Zephyr: Direct", None, 0, 2023, "arXiv", "2312.09571", None, "Black-Box KD"),
    ),
    (
        "efficient_survey_ins_venue",
        15,
        ("MobiLlama: Towards", None, 0, 2024, "arXiv", "2402.16840", None, "Parameter-Sharing"),
    ),
    (
        "efficient_survey_ins_venue",
        22,
        ("LoMA: Lossless", None, 0, 2024, "arXiv", "2401.09486", None, "Sharing-based Attention"),
    ),
    (
        "efficient_survey_ins_venue",
        24,
        ("GQA: Training", None, 0, 2023, "EMNLP", "2305.13245", None, "Sharing-based Attention"),
    ),
    (
        "code_llm_backtick_table",
        6,
        (
            "OpenCoder: The Open Cookbook",
            None,
            0,
            2024,
            "Preprint",
            "2411.04905",
            None,
            "Awesome Code Pre-Training Papers",
        ),
    ),
    (
        "code_llm_backtick_table",
        18,
        (
            "CodeGen: An Open",
            None,
            0,
            2023,
            "ICLR",
            "2203.13474",
            None,
            "Awesome Code Pre-Training Papers",
        ),
    ),
    (
        "efficient_diffusion_bold_venue",
        4,
        ("Latent 3D Graph Diffusion", None, 0, 2024, "ICLR", None, None, "Latent Diffusion"),
    ),
    (
        "efficient_diffusion_bold_venue",
        5,
        ("L3DG: Latent 3D", None, 0, 2024, "arXiv", "2410.13530", None, "Latent Diffusion"),
    ),
    (
        "cv_gather_bold_nick_venue",
        11,
        ("Outrageously Large Neural", None, 0, 2017, "ICLR", "1701.06538", None, "Papers"),
    ),
    (
        "cv_gather_bold_nick_venue",
        13,
        ("Deep Multi-task Representation", None, 0, 2017, "ICLR", "1605.06391", None, "Papers"),
    ),
    (
        "cv_gather_bold_nick_venue",
        23,
        ("AdaShare: Learning What", None, 0, 2020, "NIPS", None, None, "Papers"),
    ),
    (
        "agent_survey_td_header_tables",
        19,
        (
            "WebGPT",
            None,
            0,
            None,
            None,
            "2112.09332",
            None,
            "Construction of LLM-based Autonomous Agent",
        ),
    ),
    (
        "agent_survey_td_header_tables",
        68,
        (
            "Drori et al.",
            None,
            0,
            None,
            None,
            "2112.15594",
            None,
            "Applications of LLM-based Autonomous Agent",
        ),
    ),
    (
        "multimodal_bold_title_names_no_links",
        4,
        (
            "Multimodal Machine Learning: A Survey and Taxonomy",
            "Tadas Baltrusaitis",
            3,
            None,
            None,
            None,
            None,
            "Survey",
        ),
    ),
    (
        "multimodal_bold_title_names_no_links",
        16,
        ("Multimodal Deep Learning", "Matthias Aßenmacher", 1, None, None, None, None, "Survey"),
    ),
    (
        "deep_learning_year_then_names",
        7,
        (
            "Visualizing and understanding",
            "M. Zeiler",
            2,
            2014,
            None,
            "1311.2901",
            None,
            "Understanding / Generalization / Transfer",
        ),
    ),
    (
        "deep_learning_year_then_names",
        11,
        (
            "A character-level decoder",
            "J. Chung",
            1,
            2016,
            None,
            "1603.06147",
            None,
            "Appendix: More than Top 100",
        ),
    ),
    (
        "code_llm_benchmark_source_table",
        6,
        (
            "Mapping Language to Code in Programmatic Context",
            None,
            0,
            2018,
            "EMNLP",
            "1808.09588",
            None,
            "Program Synthesis",
        ),
    ),
    (
        "code_llm_benchmark_source_table",
        9,
        (
            "Evaluating Large Language",
            None,
            0,
            2021,
            "arXiv",
            "2107.03374",
            None,
            "Program Synthesis",
        ),
    ),
    (
        "continual_learning_by_authors",
        8,
        (
            "The Traffic Flow Prediction",
            "Yanli Shao",
            5,
            2021,
            "Mobile Information Systems",
            None,
            None,
            "Applications",
        ),
    ),
    (
        "continual_learning_by_authors",
        9,
        (
            "Findings of the First Shared Task",
            "Loïc Barrault",
            5,
            2020,
            "Proceedings of the Fifth Conference on Machine Translation",
            None,
            None,
            "Applications",
        ),
    ),
    (
        "kd_llm_short_rows_table",
        5,
        ("Self-Rewarding Language", None, 0, 2024, "arXiv", "2401.10020", None, "Self-Knowledge"),
    ),
    (
        "kd_llm_short_rows_table",
        4,
        ("V-STaR: Training", None, 0, 2024, "arXiv", "2402.06457", None, "Self-Knowledge"),
    ),
    (
        # The venue in parentheses after the title, before its "<br />" (zjunlp's lists).
        "knowledge_editing_br_authors",
        3,
        (
            "FRUIT: Faithfully Reflecting",
            "Robert L. Logan IV",
            4,
            2022,
            "NAACL",
            "2112.08634",
            None,
            "More Related Papers",
        ),
    ),
    (
        "post_training_date_link_table",
        6,
        (
            "A Survey on Post-training of Large Language Models",
            None,
            0,
            2025,
            None,
            "2503.06072",
            None,
            "Survey",
        ),
    ),
    (
        "post_training_date_link_table",
        11,
        ("Harmful Fine-tuning Attacks", None, 0, 2024, None, "2409.18169", None, "Survey"),
    ),
    (
        "rag_survey_nested_link_paragraphs",
        6,
        ("REALM: Retrieval-Augmented", None, 0, None, None, "2002.08909", None, "RAG Foundations"),
    ),
    (
        "rag_survey_nested_link_paragraphs",
        18,
        (
            "Retrieval-based prompt selection",
            None,
            0,
            None,
            None,
            None,
            "10.1109/icse48619.2023.00205",
            "RAG Foundations",
        ),
    ),
    # a plain title, the venue and year after its full stop, the note no part of either
    (
        "recsys_lenticular_notes",
        6,
        ("Neural Graph Collaborative Filtering", None, 0, 2019, "SIGIR", None, None,
         "Collaborative Filtering"),
    ),
    # an abbreviation's full stop inside the title ("vs."), which once ended it and made
    # the rest names (a new paper was then written with its authors, as no other is)
    (
        "recsys_lenticular_notes",
        13,
        ("Neural Collaborative Filtering vs. Matrix Factorization Revisited", None, 0, 2020,
         "RecSys", None, None, "Collaborative Filtering"),
    ),
    # a colon in the title; the note after the year, not the venue's
    (
        "recsys_lenticular_notes",
        21,
        ("MAMO: Memory-Augmented Meta-Optimization for Cold-start Recommendation", None, 0,
         2020, "KDD", None, None, "Long-tail/Cold-start in Recommendations"),
    ),
    (
        "rag_reasoning_paren_bold",
        27,
        (
            "Probing Latent Knowledge",
            None,
            0,
            2025,
            "OpenReview",
            None,
            None,
            "Integration Enhancement",
        ),
    ),
]


@pytest.mark.parametrize(
    ("fixture", "line", "expected"), SPOT, ids=[f"{f}:{n}" for f, n, _ in SPOT]
)
def test_hand_checked_fields(fixture, line, expected):
    [ref] = [ref for ref in load(FIXTURES / f"{fixture}.md").references if ref.line == line]
    title, first, count, year, venue, arxiv, doi, section = expected
    assert ref.title.startswith(title)
    assert (ref.authors[0] if ref.authors else None, len(ref.authors)) == (first, count)
    assert (ref.year, ref.venue, ref.arxiv, ref.doi, ref.section) == (
        year,
        venue,
        arxiv,
        doi,
        section,
    )


def test_a_venue_in_html_emphasis_is_not_part_of_the_title():
    refs = load(FIXTURES / "efficient_survey_ins_venue.md").references
    assert [r.title for r in refs if "<" in r.title or r.title.endswith(",")] == []
    assert all(r.year and r.venue for r in refs)


def test_explicit_numbers_restart_per_section():
    refs = load(FIXTURES / "prompt_papers_numbered.md").references
    improvements = [ref.number for ref in refs if ref.section == "Improvements"]
    assert improvements == list(range(1, 10))


def test_refs_says_which_items_are_not_papers(capsys):
    from bot.cli import main

    assert main(["refs", str(FIXTURES / "lm_ssp_toolkit_mixed.md")]) == 0
    out, err = capsys.readouterr()
    assert len(out.splitlines()) == 8
    assert err.count("survey-bot: not a paper, skipped") == 5
    assert "lm_ssp_toolkit_mixed.md:14 'AutoGen': links only to code pages, no paper" in err
