"""Issue 11: which neighbours a new entry copies, and what settles what they leave open.

Each case is a small list written by hand, with the entry a maintainer would add,
written by hand before the code ran: a section split evenly is settled by the rest
of the file; a form no neighbour shows (``2022.12`` is padded or not?) is the file's;
a title ending in ``?`` takes no full stop after it unless the file writes one; a
labelled link the layout has no slot for goes after the last link, written alike.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from editor_samples import item

from bot.editors.lines import Lines
from bot.editors.paper_list import add_to_paper_list, place
from bot.lists.document import read_list
from bot.lists.padding import width
from bot.suggestions import PaperRecord
from tests.conftest import RENDERER

P = "https://arxiv.org/abs/"


def added(text: str, section: str, record: PaperRecord) -> str:
    """``text`` after ``add`` puts ``record`` in ``section``."""
    return add_to_paper_list(text, [item(record, section)], None, renderer=RENDERER).text


def readd(text: str, entry: str, section: int, at: int) -> str:
    """``text`` with ``entry`` added from its own fields as the ``at``-th of list ``section``."""
    lines = Lines.parse(text)
    document = read_list(lines.contents)
    containers = [i for i in range(len(document.containers)) if document.in_container(i)]
    fields = read_list(Lines.parse(entry).contents).items[0].entry.fields
    place(lines, document, containers[section], fields, renderer=RENDERER, at=at)
    return lines.text()


SPLIT = f"""\
## A

- **Alpha one.** ICML 2020. [[Paper]({P}2001.00001)]
- **Alpha two.** ICML 2021. [[Paper]({P}2101.00001)]
- **Alpha three.** ICML 2022. [[Paper]({P}2201.00001)]

## B

- **Beta one.** ACL 2020. [[Paper]({P}2002.00001)]
- **Beta two** ACL 2021. [[Paper]({P}2102.00001)]
"""
AGREED = SPLIT.replace("**Beta one.**", "**Beta one**")


@pytest.mark.parametrize(
    ("text", "new"),
    [
        # B is split one to one: the file (three more with the full stop) settles it, not
        # the nearest entry (Beta two, without).
        (SPLIT, f"- **Beta three.** ACL 2022. [[Paper]({P}2203.00001)]"),
        # B agrees with itself: its neighbours win over the rest of the file.
        (AGREED, f"- **Beta three** ACL 2022. [[Paper]({P}2203.00001)]"),
    ],
    ids=["split-section-takes-the-file", "agreeing-section-keeps-its-own"],
)
def test_a_section_split_evenly_is_settled_by_the_file(text, new):
    record = PaperRecord(title="Beta three", year=2022, venue="ACL 2022", arxiv="2203.00001")
    result = added(text, "B", record)
    assert result == text + new + "\n"


GAPS = f"""\
## A

- **Alpha one.** [[Paper]({P}2001.00001)]

- **Alpha two.** [[Paper]({P}2101.00001)]

- **Alpha three.** [[Paper]({P}2201.00001)]

## B

- **Beta one.** [[Paper]({P}2002.00001)]
- **Beta two.** [[Paper]({P}2102.00001)]

- **Beta three.** [[Paper]({P}2202.00001)]
"""


def test_a_section_split_on_blank_lines_is_settled_by_the_file():
    record = PaperRecord(title="Beta four", year=2023, arxiv="2302.00001")
    result = added(GAPS, "B", record)
    assert result == GAPS + f"\n- **Beta four.** [[Paper]({P}2302.00001)]\n"


DATES = f"""\
## A

- **A one.** [[Paper]({P}2305.00001)], 2023.5
- **A two.** [[Paper]({P}2104.00001)], 2021.4

## B

- **B one.** [[Paper]({P}2212.00001)], 2022.12
"""
DAYS = """\
## Posts

- **Post one**, 06 Jun 2022
- **Post two**, 24 Sep 2022
- **Post three**, 15 Sep 2022
- **Post four**, 25 Oct 2022
"""
# Each part of a date is shown by other dates: the padded day by "03 May", the short
# month by "Jun" and "Jul" (May is May either way).
PARTS = """\
## Posts

- **Post one**, 03 May 2022
- **Post two**, 24 Jun 2022
- **Post three**, 15 Jul 2022
"""


@pytest.mark.parametrize(
    ("text", "entry", "section", "at", "new"),
    [
        # "2022.12" fits "2022.12" padded or not: the file's "2023.5" says "2024.2".
        (
            DATES,
            f"- **B two.** [[Paper]({P}2402.00002)], 2024.02",
            1,
            1,
            f"- **B two.** [[Paper]({P}2402.00002)], 2024.2",
        ),
        # Days 24, 15 and 25 say nothing of padding; "06 Jun" does.
        (DAYS, "- **Post five**, 5 Jan 2023", 0, 4, "- **Post five**, 05 Jan 2023"),
        (PARTS, "- **Post four**, 6 June 2023", 0, 3, "- **Post four**, 06 Jun 2023"),
    ],
    ids=[
        "month-from-the-file",
        "day-padding-from-the-days-that-show-it",
        "each-part-of-a-date-from-the-dates-that-show-it",
    ],
)
def test_a_form_no_neighbour_shows_is_taken_from_those_that_show_it(text, entry, section, at, new):
    assert readd(text, entry, section, at) == text + new + "\n"


PLAIN = f"""\
## Papers

- **Alpha: a paper.** ICML 2020. [[Paper]({P}2001.00001)]
- **Beta: a paper.** ICML 2021. [[Paper]({P}2101.00001)]
"""
STOPS = PLAIN + f"- **Is it?.** ICML 2021. [[Paper]({P}2102.00001)]\n"


@pytest.mark.parametrize(
    ("text", "new"),
    [
        (PLAIN, f"- **Can Models Do It?** ICML 2022. [[Paper]({P}2203.00001)]"),
        (STOPS, f"- **Can Models Do It?.** ICML 2022. [[Paper]({P}2203.00001)]"),
    ],
    ids=["no-stop-after-a-question", "unless-the-file-writes-one"],
)
def test_a_title_ending_in_a_question_mark_takes_the_full_stop_as_the_file_does(text, new):
    record = PaperRecord(
        title="Can Models Do It?", year=2022, venue="ICML 2022", arxiv="2203.00001"
    )
    result = added(text, "Papers", record)
    assert result == text + new + "\n"


LINKS = f"""\
## Papers

- **Alpha.** [[Paper]({P}2001.00001)] [[Code](https://github.com/a/alpha)]
- **Beta.** [[Paper]({P}2101.00001)] [[Code](https://github.com/b/beta)]
"""


@pytest.mark.parametrize(
    ("text", "entry", "new"),
    [
        (
            LINKS,
            f"- **Gamma.** [[Paper]({P}2201.00001)] [[blog](https://blog.example.org/gamma)]",
            f"- **Gamma.** [[Paper]({P}2201.00001)] [[Blog](https://blog.example.org/gamma)]",
        ),
        (
            LINKS.replace("[[Paper]", "[paper]").replace("[[Code]", "[code]").replace(")]", ")"),
            f"- **Gamma.** [Paper]({P}2201.00001), [Project Page](https://gamma.example.org)",
            f"- **Gamma.** [paper]({P}2201.00001) [project page](https://gamma.example.org)",
        ),
        (
            LINKS,
            f"- **Gamma.** [[Paper]({P}2201.00001)] [[Code](https://github.com/c/gamma)] "
            "[[Blog](https://blog.example.org/gamma)] [[Demo](https://demo.example.org)]",
            f"- **Gamma.** [[Paper]({P}2201.00001)] [[Code](https://github.com/c/gamma)] "
            "[[Blog](https://blog.example.org/gamma)] [[Demo](https://demo.example.org)]",
        ),
    ],
    ids=["blog-after-the-last-link", "lower-case-labels", "two-extra-links-in-order"],
)
def test_a_labelled_link_without_a_slot_goes_after_the_last_link_written_alike(text, entry, new):
    assert readd(text, entry, 0, 2) == text + new + "\n"


FLAX = "Simple neural network layers from scratch in Flax."
TALKS = """\
## Talks

- [JAX: Research | SciPy 2020](https://youtu.be/a) - JAX's core design.
- [JAX on TPUs | NeurIPS 2020](https://youtu.be/b) - TPU host access.
"""


@pytest.mark.parametrize(
    ("text", "new"),
    [
        (
            TALKS,
            "- [Flax: Layers | PyCon 2021](https://youtu.be/c) - " + FLAX,
        ),
        (
            TALKS.replace(" | ", r" \| "),
            r"- [Flax: Layers \| PyCon 2021](https://youtu.be/c) - " + FLAX,
        ),
    ],
    ids=["raw-where-the-file-writes-it-raw", "escaped-where-the-file-escapes-it"],
)
def test_a_pipe_outside_a_table_is_written_as_the_file_writes_it(text, new):
    entry = "- [Flax: Layers | PyCon 2021](https://youtu.be/c) - " + FLAX
    assert readd(text, entry, 0, 2) == text + new + "\n"


MONTHS = """\
## Papers

- **Alpha**, *arXiv, May 2024*. [[Paper](https://arxiv.org/abs/2405.00001)]
- **Beta**, *arXiv, May 2024*. [[Paper](https://arxiv.org/abs/2405.00002)]
- **Gamma**, *arXiv, Mar 2024*. [[Paper](https://arxiv.org/abs/2403.00003)]
"""


def test_may_says_nothing_of_how_months_are_written():
    # Twice "May" (May in full and short) and once "Mar": the list writes "Jun", not "June".
    record = PaperRecord(title="Delta", year=2024, arxiv="2406.00004")
    result = added(MONTHS, "Papers", record)
    [line] = [line for line in result.splitlines() if "Delta" in line]
    assert line == "- **Delta**, *arXiv, Jun 2024*. [[Paper](https://arxiv.org/abs/2406.00004)]"


LINKS_OR_NOT = f"""\
## Papers

- **Alpha.** ICML 2020.
- **Beta.** ICML 2021. [[Paper]({P}2101.00001)]
- **Gamma.** ICML 2022.
"""


def test_a_layout_that_can_write_an_extra_link_wins_over_one_that_cannot():
    # Two of three entries have no link at all; the new one's [[Code]] link needs a layout
    # with a link to copy, so it is written as Beta is.
    entry = f"- **Delta.** ICML 2023. [[Paper]({P}2301.00001)] [[Code](https://github.com/d/d)]"
    assert readd(LINKS_OR_NOT, entry, 0, 3) == LINKS_OR_NOT + entry + "\n"


ALIGNED = """\
## Papers

| Paper                                            |  Venue  |  Date   |
| :----------------------------------------------- | :-----: | :-----: |
| [**Alpha**](https://arxiv.org/abs/2305.00001)    |  ICML   | 05/2023 |
| [**Beta Two**](https://arxiv.org/abs/2304.00002) |   ACL   | 04/2023 |
| [**Gamma**](https://arxiv.org/abs/2303.00003)    | NeurIPS | 03/2023 |
"""
RAGGED = """\
## Papers

| Paper | Venue | Date |
| --- | --- | --- |
| [**Alpha**](https://arxiv.org/abs/2305.00001) | ICML | 05/2023 |
| [**Beta Two**](https://arxiv.org/abs/2304.00002) | ACL  | 04/2023 |
| [**Gamma**](https://arxiv.org/abs/2303.00003) | NeurIPS | 03/2023 |
"""


@pytest.mark.parametrize(
    ("text", "title", "new"),
    [
        (
            ALIGNED,
            "Epsilon",
            "| [**Epsilon**](https://arxiv.org/abs/2306.00004)  |  EMNLP  | 06/2023 |",
        ),
        (
            ALIGNED,
            "Delta Four",
            "| [**Delta Four**](https://arxiv.org/abs/2306.00004) |  EMNLP  | 06/2023 |",
        ),
        (
            RAGGED,
            "Epsilon",
            "| [**Epsilon**](https://arxiv.org/abs/2306.00004) | EMNLP | 06/2023 |",
        ),
    ],
    ids=["aligned-columns", "longer-than-the-column", "ragged-table"],
)
def test_a_new_row_is_padded_as_the_table_pads_its_columns(text, title, new):
    record = PaperRecord(title=title, year=2023, venue="EMNLP 2023", arxiv="2306.00004")
    result = added(text, "Papers", record)
    [line] = [line for line in result.splitlines() if "2306.00004" in line]
    assert line == new


@pytest.mark.parametrize(("text", "columns"), [("ICML", 4), ("论文", 4), ("ＡＢ", 4), ("", 0)])
def test_wide_characters_take_two_columns(text, columns):
    assert width(text) == columns


BULLETS = """\
## Papers

**Alpha: A Paper**

- Paper: https://arxiv.org/abs/2001.00001
- Code: https://github.com/a/alpha

**Beta: A Paper**

- Paper: https://arxiv.org/abs/2101.00001
- Code: https://github.com/b/beta
"""
GAMMA = """\
**Gamma: A Paper**

- Paper: https://arxiv.org/abs/2201.00001
- Code: https://github.com/c/gamma
- Project: https://gamma.example.org"""


def test_a_link_on_its_own_line_gets_a_line_like_the_last_link_line():
    assert readd(BULLETS, GAMMA, 0, 2) == BULLETS + "\n" + GAMMA + "\n"


def test_preprints_named_by_their_id_say_nothing_of_how_venues_write_years():
    """A preprint named by its id ("[arXiv:2408.09764]", never copied) says nothing of
    venues: the published "[ECCV 2024]" shows how a venue's year is written."""
    text = (
        "## Year 2024\n\n"
        "* [arXiv:2408.09764] **Event Stream Recognition**,\n"
        "  Xiao Wang, Shiao Wang\n"
        "  [[Paper](https://arxiv.org/abs/2408.09764)]\n\n"
        "* [arXiv:2408.09743] **Retrieving Context Samples**,\n"
        "  Xiao Wang, Yuehang Li\n"
        "  [[Paper](https://arxiv.org/abs/2408.09743)]\n\n"
        "* [ECCV 2024] **Tracking Meets Mamba**,\n"
        "  Jane Doe, Bo Li\n"
        "  [[Paper](https://arxiv.org/abs/2407.01234)]\n"
    )
    record = PaperRecord(
        title="MambaTrack: A Simple Baseline for Multiple Object Tracking with State Space Model",
        authors=("Changcheng Xiao", "Qiong Cao"),
        year=2024,
        venue="ACM MM 2024",
        arxiv="2408.09178",
    )
    result = added(text, "Year 2024", record)
    new = (
        "* [ACM MM 2024] **MambaTrack: A Simple Baseline for Multiple Object Tracking with "
        "State Space Model**,\n"
        "  Changcheng Xiao, Qiong Cao\n"
        "  [[Paper](https://arxiv.org/abs/2408.09178)]\n\n"
    )
    at = text.index("* [ECCV 2024]")
    assert result == text[:at] + new + text[at:]


@pytest.mark.parametrize(
    ("text", "venue", "year"),
    [
        pytest.param("arXiv:2405.12094", "arXiv:2405.12094", None, id="an-id-is-no-year"),
        pytest.param("EMNLP2016", "EMNLP", 2016, id="glued"),
        pytest.param("ICLR 24", "ICLR", 2024, id="two-digits"),
        pytest.param("NeurIPS (2024)", "NeurIPS", 2024, id="year-in-parentheses"),
        # (zengxingchen/LLM-Visualization-Paper-List: the paper's link on its venue)
        pytest.param("ICCV2025 Highlight", "ICCV2025 Highlight", 2025, id="glued-with-remark"),
        pytest.param("ResNet2050 weights", "ResNet2050 weights", None, id="no-acronym-before"),
    ],
)
def test_a_venue_year_is_never_the_end_of_a_number(text, venue, year):
    from bot.lists.values import read_venue

    assert read_venue(text)[:2] == (venue, year)


# A README numbered 1, 2, 3 in its older sections and "1." throughout in its newer ones:
# a list of one item takes the numbering of the nearest list that shows one.
NUMBERED = f"""\
## Older

1. **"Alpha"**. *A et al.* ICML 2020. [[Paper]({P}2001.00001)]
2. **"Beta"**. *B et al.* ICML 2021. [[Paper]({P}2101.00001)]

## Newer

1. **"Gamma"**. *C et al.* ACL 2022. [[Paper]({P}2201.00001)]
1. **"Delta"**. *D et al.* ACL 2023. [[Paper]({P}2301.00001)]

### Newest

1. **"Epsilon"**. *E et al.* ACL 2024. [[Paper]({P}2401.00001)]
"""


def test_a_list_of_one_is_numbered_as_the_nearest_numbered_list():
    entry = f'1. **"Zeta"**. *F et al.* ACL 2024. [[Paper]({P}2402.00001)]'
    assert readd(NUMBERED, entry, 2, 0) == NUMBERED.replace(
        "### Newest\n\n", f"### Newest\n\n{entry}\n"
    )


# The neighbour that has every link of the new paper (and a star badge) writes no date;
# those that write the preprint's date have one link: the date is kept, the code link goes
# after the last link, written as the list writes two links side by side.
BADGES = f"""\
## Prompting

- (*ACL'24*) Graph Reasoning with Language Models [[paper]({P}2404.00001)][[code](https://github.com/a/alpha)]![stars](https://img.shields.io/github/stars/a/alpha?style=social)
- (*arXiv 2023.08*) Boosting Logical Reasoning over Graphs [[paper]({P}2308.00002)]
- (*arXiv 2023.10*) Thought Propagation for Complex Reasoning [[paper]({P}2310.00003)]
"""


def test_a_date_is_kept_over_a_badge():
    entry = f"- (*arXiv 2023.05*) Prompting with Iterative Verification [[paper]({P}2305.00004)][[code](https://github.com/d/delta)]"
    fields = read_list(Lines.parse(BADGES + entry).contents).items[-1].entry.fields
    lines = Lines.parse(BADGES)
    place(lines, read_list(lines.contents), 0, fields, renderer=RENDERER, at=3)
    assert lines.text() == BADGES + entry + "\n"


def test_a_venue_written_without_its_year_beside_a_date_keeps_it_where_no_date_is_written():
    """Haulyn5/Audio-Speech-Generation-Paper-List: "(2023-06, Meta)" writes the year in
    the date, "(ICML 2022)" in the venue. A published paper written like the latter (the
    layout two entries share; the dated ones differ in their links) kept the venue and
    lost its year, "(ICML)", as most entries write a venue without one."""
    text = (
        "### Text to Speech\n\n"
        f"* **Voicebox**: [Voicebox: Text-Guided Speech Generation]({P}2306.15687) (2023-06, Meta)"
        " [[Demo](https://voicebox.metademolab.com/)]\n"
        f"* **VALL-E**: [Neural Codec Language Models]({P}2301.02111) (2023-01, Microsoft)"
        " [[Unofficial code](https://github.com/enhuiz/vall-e)]\n"
        f"* **AudioPaLM**: [AudioPaLM: A Large Language Model]({P}2306.12925) (2023-06, Google)\n"
        f"* **Your TTS**: [YourTTS: Towards Zero-Shot TTS]({P}2112.02418) (ICML 2022)\n"
        f"* **FastSpeech2**: [FastSpeech 2: Fast and High-Quality TTS]({P}2006.04558) (ICLR 2021)\n"
    )
    record = PaperRecord(
        title="NaturalSpeech 3: Zero-Shot Speech Synthesis with Factorized Codec",
        authors=("Zeqian Ju", "Yuancheng Wang"),
        year=2024,
        month=3,
        venue="ICML 2024",
        arxiv="2403.03100",
    )
    result = added(text, "Text to Speech", record)
    new = (
        "* **NaturalSpeech 3**: [NaturalSpeech 3: Zero-Shot Speech Synthesis with Factorized "
        f"Codec]({P}2403.03100) (ICML 2024)\n"
    )
    at = text.index("* **Voicebox**")
    assert result == text[:at] + new + text[at:]


def test_a_new_entry_takes_no_anchor_of_its_neighbours():
    """LittleSummer114/Commonsense-Paper-List: each entry's ``<span id>`` is its own anchor
    for the table of contents; a new paper has none, and keeps the rest of their form."""
    text = (
        "## Datasets\n\n"
        '1. <span id = "CB">**Evaluating BERT for natural language inference.**</span> EMNLP, 2018.'
        " [paper](https://www.aclweb.org/anthology/D19-1630/)\n"
        '2. <span id = "HANS">**Right for the Wrong Reasons.**</span> ACL, 2019.'
        " [paper](https://www.aclweb.org/anthology/P19-1334.pdf)\n"
        '3. <span id = "">**Dialogue Natural Language Inference.**</span> ACL, 2019.'
        " [paper](https://www.aclweb.org/anthology/P19-1363.pdf)\n"
    )
    record = PaperRecord(
        title="Adversarial NLI: A New Benchmark for Natural Language Understanding",
        authors=("Yixin Nie", "Adina Williams"),
        year=2020,
        venue="ACL 2020",
        arxiv="1910.14599",
    )
    result = added(text, "Datasets", record)
    new = (
        "4. **Adversarial NLI: A New Benchmark for Natural Language Understanding.** ACL, 2020."
        f" [paper]({P}1910.14599)\n"
    )
    assert result == text + new


def test_a_new_paper_takes_the_year_and_venue_glued_to_its_title():
    """Huangxy-Minel/Paper-List-of-Host-Networking writes ``- 16-ATC-Title``, no link."""
    text = (
        "### 1.1 Basic\n\n"
        "- 16-ATC-Design Guidelines for High Performance RDMA Systems\n"
        "- 18-SIGCOMM-Revisiting Network Support for RDMA\n"
        "- 21-SIGCOMM-Understanding host network stack overheads\n"
    )
    record = PaperRecord(
        title="Flexible Packet Steering for Multi-Tenant NICs",
        authors=("Ann Lee", "Bo Li"),
        year=2024,
        venue="NSDI 2024",
        url="https://www.usenix.org/conference/nsdi24/presentation/lee",
    )
    result = added(text, "1.1 Basic", record)
    assert result == text + "- 24-NSDI-Flexible Packet Steering for Multi-Tenant NICs\n"



def test_a_new_paper_takes_the_plain_year_and_venue_before_its_link():
    """AdamtayZzz/AI-security-related-paper-list writes ``- 2018 ICLR [Title](url)``, with
    two spaces at the end of the newer lines, and the preprint server as ``arxiv``."""
    text = (
        "### Survey\n\n"
        "- 2018 IEEE ACCESS [Threat of Adversarial Attacks on Deep Learning in Computer Vision:"
        f" A Survey]({P}1801.00553)\n"
        "- 2021 arxiv [Adversarial Example Detection for DNN Models: A Review and Experimental"
        f" Comparison]({P}2105.00203)  \n"
        "- 2021 arxiv [Advances in adversarial attacks and defenses in computer vision: A"
        f" survey]({P}2108.00401)  \n"
        "\n### Attack-WhiteBox\n"
    )
    preprint = PaperRecord(
        title="Sparse Probing of Robust Features", authors=("Ann Lee",), year=2025,
        arxiv="2501.01234",
    )
    new = f"- 2025 arxiv [Sparse Probing of Robust Features]({P}2501.01234)  \n"
    assert added(text, "Survey", preprint) == text.replace("\n\n### Attack", f"\n{new}\n### Attack")


def test_a_new_paragraph_takes_the_venue_and_year_before_its_link_and_no_note_label():
    """RuifMaxx/Paper-List-of-cloud-resource-management: ``Venue Year, [Title](url)`` between
    blank lines, the maintainer's reading notes after them (``---Notes:[zhihu](url)``): a
    new paper has no notes yet, so no ``---Notes:`` either."""
    text = (
        "## Modeling:\n\n"
        "SOCC 2021, [Parslo: A Gradient Descent-based Approach for Near-optimal Partial SLO"
        " Allotment in Microservices](https://dl.acm.org/doi/10.1145/3472883.3486985)"
        "---Notes:[zhihu](https://zhuanlan.zhihu.com/p/556565651)\n\n"
        "TPDS 2022, [Coordinating Fast Concurrency Adapting With Autoscaling for SLO-Oriented"
        " Web Applications](https://ieeexplore.ieee.org/document/9802686)"
        "---Notes:[zhihu](https://zhuanlan.zhihu.com/p/557178146)\n"
    )
    record = PaperRecord(
        title="Elastic Scheduling for Serverless Microservices",
        authors=("Ann Lee",),
        year=2024,
        venue="EuroSys 2024",
        doi="10.1145/3627703.3629561",
    )
    new = (
        "\nEuroSys 2024, [Elastic Scheduling for Serverless Microservices]"
        "(https://doi.org/10.1145/3627703.3629561)\n"
    )
    assert added(text, "Modeling:", record) == text + new


def test_a_new_paper_s_venue_and_year_close_its_link_text_as_the_list_writes_them():
    """Eilene/spatio-temporal-paper-list: ``- [Title (ICLR2019)](url)`` between blank lines,
    a quoted note under some (a new paper has none); a short name before one link."""
    text = (
        "### 方法篇\n"
        "- [spectral networks and deep locally connected networks on graphs (ICLR2014)]"
        f"({P}1312.6203)\n"
        "> 把图上的CNN extend 到graph上\n\n"
        f"- (GWNN)[Graph Wavelet Neural Network (ICLR2019)]({P}1904.07785)\n\n"
        "- [Convolutional LSTM Network: A Machine Learning Approach for Precipitation Nowcasting"
        f" (NIPS2015)]({P}1506.04214)\n\n"
        f"- [Gated Graph Sequence Neural Networks (ICLR2016)]({P}1511.05493)\n\n"
        "### 应用篇\n"
    )
    record = PaperRecord(
        title="Spectral Graph Transformers", authors=("Ann Lee",), year=2025, venue="ICLR 2025",
        arxiv="2501.04321",
    )
    new = f"- [Spectral Graph Transformers (ICLR2025)]({P}2501.04321)\n\n"
    assert added(text, "方法篇", record) == text.replace("### 应用篇", new + "### 应用篇")


def test_a_venue_and_date_in_parentheses_after_a_bold_title_keep_their_parentheses():
    """NOVAglow646/LLM-MLLM-paper-list: ``**Title** (Arxiv 2025.12) [[paper]](url)`` and a
    remark; a new paper's ``(`` was lost: ``**Title** Arxiv 2025 2025.01)``."""
    text = (
        "### 2025\n"
        "8. **MM-CoT: A Benchmark for Probing Visual Chain-of-Thought Reasoning in Multimodal"
        f" Models** (Arxiv 2025.12) [[paper]]({P}2512.08228) 任务是让模型选出视觉正确、逻辑连贯的cot。\n"  # noqa: E501
        "9. **SpatialTree: How Spatial Abilities Branch Out in MLLMs** (Arxiv 2025.12)"
        f" [[paper]]({P}2512.20617) 将MLLM的能力划分为perception、mental mapping（与语言对齐）。\n"
    )
    record = PaperRecord(
        title="Sparse Probing of Robust Features", authors=("Ann Lee",), year=2025,
        arxiv="2501.01234", month=1, day=3,
    )
    new = f"10. **Sparse Probing of Robust Features** (Arxiv 2025.01) [[paper]]({P}2501.01234)\n"
    assert added(text, "2025", record) == text + new


def test_a_new_paper_writes_the_venue_and_year_code_spans_and_none_of_the_labels():
    """sad-and-bad1231/awesome-LLM-inference-systems: the venue and the year each in a code
    span, then the list's own labels; ``add`` wrote the venue five times over."""
    text = (
        "#### Full Resource List\n\n"
        "- **Llumnix: Dynamic Scheduling for Large Language Model Serving**\n"
        "  `OSDI 2024` · `2024` · `Academic paper` · `Formal Conference · Legacy Import`\n"
        "  Tags: `serving`\n"
        "- **Orca: A Distributed Serving System for Transformer-Based Generative Models**\n"
        "  `OSDI 2022` · `2022` · `Academic paper` · `Formal Conference · Legacy Import`\n"
        "  Tags: `serving`\n"
        "- **Efficient Memory Management for Large Language Model Serving with PagedAttention**\n"
        "  `SOSP 2023` · `2023` · `Academic paper` · `Formal Conference · Legacy Import`\n"
        "  Tags: `serving` `kv-cache`\n"
        "- **SGLang: Efficient Execution of Structured Language Model Programs**\n"
        "  `NeurIPS 2024` · `2024` · `Academic paper` · `Formal Conference · Legacy Import`\n"
        "  Tags: `serving` `kv-cache`\n"
    )
    record = PaperRecord(
        title="Speculative Paging for KV Caches", authors=("Ann Lee",), year=2023,
        venue="SOSP 2023", doi="10.1145/3600006.3613165",
    )
    new = "- **Speculative Paging for KV Caches**\n  `SOSP 2023` · `2023`\n"
    assert added(text, "Full Resource List", record) == text + new


def test_a_new_paper_takes_the_closing_date_and_none_of_the_emoji_or_descriptions():
    """JarvisUSTC/Awesome-Multimodal-RAG: each link opens with its own emoji, a description
    follows, and a clock with the month closes the line; a new paper has the date only."""
    text = (
        "### 🧠 General Multimodal RAG\n"
        "- **Key Papers:**\n"
        f"  - [🌍 GME: Improving Universal Multimodal Retrieval by Multimodal LLMs]({P}2412.16855)"
        " - A robust multimodal embedding model. ⏰ *2024-12*\n"
        f"  - [🧩 MegaPairs: Massive Data Synthesis For Universal Multimodal Retrieval]({P}2412.14475)"  # noqa: E501
        " - Introduces a novel data synthesis method. ⏰ *2024-12*\n"
        f"  - [🔄 Progressive Multimodal Reasoning via Active Retrieval]({P}2412.14835)"
        " - Proposes a progressive reasoning framework. ⏰ *2024-12*\n"
    )
    record = PaperRecord(
        title="Sparse Probing of Robust Features", authors=("Ann Lee",), year=2025,
        arxiv="2501.01234", month=1,
    )
    new = f"  - [Sparse Probing of Robust Features]({P}2501.01234) ⏰ *2025-01*\n"
    assert added(text, "General Multimodal RAG", record) == text + new


def test_a_date_written_with_a_non_breaking_hyphen_reference_is_read_and_written_so():
    """smsnobin77/Awesome-Multimodal-Unlearning dates its rows ``2025&#8209;02`` (a hyphen
    that does not break the line): they were read as the venue ``‑02``, and a new row could
    not go by its date."""
    badge = "[![arXiv](https://img.shields.io/badge/arXiv-B31B1B?style=flat-square)]"
    text = (
        "### Vision-Language Models (VLMs)\n\n"
        "| Date | Title | Paper |\n"
        "|------|-------|-------|\n"
        f"| 2025&#8209;02 | SEMU: Singular Value Decomposition for Efficient Machine Unlearning"
        f" | {badge}(https://arxiv.org/pdf/2502.07587) |\n"
        "| 2025&#8209;01 | Rethinking Bottlenecks in Safety Fine-Tuning of Vision Language Models"
        f" | {badge}(https://arxiv.org/pdf/2501.18533) |\n"
        "| 2024&#8209;11 | Benchmarking Vision Language Model Unlearning via Fictitious Facial"
        f" Identity Dataset | {badge}(https://arxiv.org/pdf/2411.03554) |\n"
    )
    record = PaperRecord(
        title="Sparse Probing of Robust Features", authors=("Ann Lee",), year=2024,
        arxiv="2412.01234", month=12,
    )
    new = (
        "| 2024&#8209;12 | Sparse Probing of Robust Features"
        f" | {badge}(https://arxiv.org/pdf/2412.01234) |\n"
    )
    assert added(text, "Vision-Language Models (VLMs)", record) == text.replace(
        "| 2024&#8209;11", new + "| 2024&#8209;11"
    )

def test_a_new_paragraph_takes_the_indentation_and_the_bracketed_date_and_venue():
    """yangzhou12/awesome-medical-vision-language-models: indented bold paragraphs, the date
    and the venue each in brackets, then the names and the links, a space between them."""
    text = (
        "## Classification\n\n"
        "   **BERTHop: An Effective Vision-and-Language Model.** [Aug., 2021] [ICCV Workshop, 2021].<br>\n"  # noqa: E501
        "*Masoud Monajatipoor, Mozhdeh Rouhsedaghat.*<br>\n"
        f" [[PDF]({P}2108.04938)] \n"
        " \n"
        "   **MedCLIP: Contrastive Learning from Unpaired Medical Images and Text.** [Oct., 2022] [EMNLP, 2022].<br>\n"  # noqa: E501
        "*Zifeng Wang, Zhenbang Wu.*<br>\n"
        f" [[PDF]({P}2210.10163)] [[Github](https://github.com/RyanWangZf/MedCLIP)] \n"
        "\n"
        "## Segmentation\n"
    )
    record = PaperRecord(
        title="MedKLIP-2: Medical Knowledge Enhanced Pre-training",
        authors=("Ann Lee", "Bo Li"),
        year=2024,
        month=3,
        venue="CVPR 2024",
        arxiv="2403.00001",
    )
    result = added(text, "Classification", record)
    new = (  # (after the line holding a space that parts the entries)
        " \n"
        "   **MedKLIP-2: Medical Knowledge Enhanced Pre-training.** [Mar., 2024] [CVPR, 2024].<br>\n"  # noqa: E501
        "*Ann Lee, Bo Li.*<br>\n"
        f" [[PDF]({P}2403.00001)] \n"
    )
    at = text.index("\n## Segmentation")
    assert result == text[:at] + new + text[at:]


def test_a_new_paper_takes_the_bold_venue_and_the_month_in_small_print_without_a_count():
    """JXLiu-AI/Awesome-Medical-Reasoning: ``— **Venue** <sub>2025-07 · 3 citations</sub>``,
    newest first. A new paper has no citation count yet: its small print is the month."""
    text = (
        "### SFT\n\n"
        "- [Stable On-Policy Distillation](https://arxiv.org/abs/2601.07155) — **ACL**"
        " <sub>2026-01 · 35 citations</sub>\n"
        "- [Knowledge Graph Augmented LLMs](https://arxiv.org/abs/2512.01210) — **AMIA Summits**"
        " <sub>2025-12 · 3 citations</sub>\n"
        "- [Knowledge or Reasoning?](https://arxiv.org/abs/2506.02126) <sub>2025-06 · 14 citations</sub>\n"  # noqa: E501
    )
    record = PaperRecord(
        title="Clinical Reasoning with Verifiable Rewards",
        authors=("Ann Lee", "Bo Li"),
        year=2026,
        month=3,
        venue="ICML 2026",
        arxiv="2603.00001",
    )
    result = added(text, "SFT", record)
    new = f"- [Clinical Reasoning with Verifiable Rewards]({P}2603.00001) — **ICML** <sub>2026-03</sub>\n"  # noqa: E501
    at = text.index("- [Stable")
    assert result == text[:at] + new + text[at:]


def test_a_new_plain_title_takes_the_venue_and_year_after_its_full_stop():
    """houjunlin/Awesome-Medical-Vision-Language-Learning: ``- [Nick] Title. venue year.
    [[paper](url)]``; a paper without a short name is written without its brackets."""
    text = (
        "### How to Train\n\n"
        "- PMC-CLIP: Contrastive Language-Image Pre-training. arxiv 2023."
        " [[paper](https://aps.arxiv.org/pdf/2303.07240.pdf)][[code](https://github.com/WeixiongLin/PMC-CLIP)]\n"
        "- [MRM] Advancing Radiograph Representation Learning with Masked Record Modeling. ICLR"
        " 2023. [[paper](https://openreview.net/forum?id=w-x7U26GM7j)]\n"
        "- Vision-Language Modelling for Radiological Imaging and Reports. MIDL 2023."
        " [[paper](https://arxiv.org/pdf/2303.17644.pdf)]\n"
    )
    record = PaperRecord(
        title="Learning Radiology Reports from Scratch",
        authors=("Ann Lee", "Bo Li"),
        year=2023,
        venue="MICCAI 2023",
        arxiv="2307.00001",
    )
    result = added(text, "How to Train", record)
    # (its link as the list writes arXiv's: the PDF, on arxiv.org rather than a mirror)
    new = (
        "- Learning Radiology Reports from Scratch. MICCAI 2023."
        " [[paper](https://arxiv.org/pdf/2307.00001.pdf)]\n"
    )
    assert result == text + new


# Rows added in two batches: the first three pad the topic cell with two spaces, the
# five after them with one.
BATCHES = """\
## Papers

| Year | Topic | Paper |
| --- | --- | --- |
| 2024 | Attention  | [Alpha](https://arxiv.org/abs/2401.00001) |
| 2024 | Hardware  | [Beta](https://arxiv.org/abs/2401.00002) |
| 2024 | Attention  | [Gamma](https://arxiv.org/abs/2401.00003) |
| 2023 | Attention | [Delta](https://arxiv.org/abs/2301.00004) |
| 2023 | Hardware | [Epsilon](https://arxiv.org/abs/2301.00005) |
| 2022 | Attention | [Zeta](https://arxiv.org/abs/2201.00006) |
| 2022 | Hardware | [Eta](https://arxiv.org/abs/2201.00007) |
| 2021 | Attention | [Theta](https://arxiv.org/abs/2101.00008) |
"""


@pytest.mark.parametrize(
    ("at", "new"),
    [
        # Beside the first batch (its three rows nearest): written as that batch is.
        (1, "| 2024 | Hardware  | [Iota](https://arxiv.org/abs/2401.00009) |"),
        # Among the second batch: as it is, and as most rows are.
        (6, "| 2022 | Hardware | [Iota](https://arxiv.org/abs/2401.00009) |"),
        # Between the batches, the nearest three split: the table's majority.
        (3, "| 2023 | Hardware | [Iota](https://arxiv.org/abs/2401.00009) |"),
    ],
    ids=["within-the-first-batch", "within-the-second-batch", "between-the-batches"],
)
def test_a_run_of_entries_written_alike_around_the_new_one_outvotes_the_list(at, new):
    lines = BATCHES.splitlines()
    row = "\n".join([*lines[2:4], new.replace("  |", " |")])  # its fields, padded either way
    written = readd(BATCHES, row, 0, at)
    assert written.splitlines() == [*lines[: 4 + at], new, *lines[4 + at :]]


# A table whose newer rows have a cell more (a short name the header does not name),
# written by another hand: padded tight, where the older rows, most of them, are padded wide.
WIDENED = """\
## Benchmarks

| Title | Date | Venue |
| --- | --- | --- |
| [**Alpha**](https://arxiv.org/abs/2305.00001) |   05/2023   |   ICML 2023   |
| [**Beta**](https://arxiv.org/abs/2306.00002) |   06/2023   |   ACL 2023   |
| [**Gamma**](https://arxiv.org/abs/2307.00003) |   07/2023   |   EMNLP 2023   |
| [**Delta**](https://arxiv.org/abs/2308.00004) |   DLT   | 08/2023 | NeurIPS 2023 |
| [**Epsilon**](https://arxiv.org/abs/2309.00005) |   EPS   | 09/2023 | ICLR 2024 |
"""


def test_a_row_with_a_cell_more_than_most_is_spaced_as_the_rows_that_have_it():
    new = "| [**Zeta**](https://arxiv.org/abs/2310.00006) |   ZT   | 10/2023 | AAAI 2024 |"
    row = "\n".join([*WIDENED.splitlines()[2:4], new])
    assert readd(WIDENED, row, 0, 5) == WIDENED + new + "\n"


NICKNAMED = f"""\
## Papers

* **Alpha(ICML2020)** Alpha: Learning One Thing [[paper link]({P}2001.00001)]
* **Beta(ICLR2021)** Beta: Learning Two Things [[paper link]({P}2101.00001)]
* **Gamma(CVPR2022)** Gamma: Learning Three Things [[paper link]({P}2201.00001)]
"""


@pytest.mark.parametrize(
    ("nickname", "venue", "new"),
    [
        ("", "NeurIPS", f"* **(NeurIPS2023)** Delta: Learning Four Things [[paper link]({P}2301.00001)]"),  # noqa: E501
        ("Delta", "", f"* **Delta** Delta: Learning Four Things [[paper link]({P}2301.00001)]"),
    ],
    ids=["no-name-keeps-the-bold-it-opens", "no-venue-keeps-the-bold-it-closes"],
)
def test_a_left_out_slot_leaves_the_emphasis_it_shares_with_the_next(nickname, venue, new):
    """The bold opens before the name and closes after the venue: a paper without one of
    them keeps it around the other."""
    lines = Lines.parse(NICKNAMED)
    document = read_list(lines.contents)
    fields = replace(
        document.items[2].entry.fields,
        title="Delta: Learning Four Things",
        nickname=nickname,
        venue=venue,
        year=2023 if venue else None,
        urls=(("paper link", f"{P}2301.00001"),),
    )
    place(lines, document, 0, fields, renderer=RENDERER, at=3)
    assert lines.text() == NICKNAMED + new + "\n"


FAVOURITES = f"""\
## Papers

* 👍**Alpha(ICML2020)** Alpha: Learning One Thing [[paper link]({P}2001.00001)]
* **Beta(ICLR2021)** Beta: Learning Two Things [[paper link]({P}2101.00001)]
* 👍**Gamma(CVPR2022)** Gamma: Learning Three Things [[paper link]({P}2201.00001)]
* 👍**Delta(ECCV2022)** Delta: Learning Four Things [[paper link]({P}2202.00001)]
"""


def test_a_favourite_mark_some_entries_carry_is_not_given_to_a_new_one():
    """Most entries carry the 👍, and the entry beside the new one too: it is still the
    maintainer's judgement of those papers, not the list's layout."""
    new = f"* **Epsilon(NeurIPS2023)** Epsilon: Learning Five Things [[paper link]({P}2301.00001)]"
    assert readd(FAVOURITES, new.replace("* **", "* 👍**"), 0, 4) == FAVOURITES + new + "\n"


SPACED = (
    "## Papers\n\n"
    f"- **Alpha.** [[Paper]({P}2001.00001)]\n\n"
    f"- **Beta.** [[Paper]({P}2101.00001)]\n  \n"
    f"- **Gamma.** [[Paper]({P}2201.00001)]\n"
)


def test_a_blank_line_holding_spaces_loses_a_tie_to_a_clean_one():
    """One gap of each, the nearer one holding the spaces an editor's indent left: the new
    entry is set off by an empty line."""
    new = f"- **Delta.** [[Paper]({P}2301.00001)]"
    assert readd(SPACED, new, 0, 3) == SPACED + "\n" + new + "\n"


def test_a_new_paper_s_venue_opens_its_link_as_its_neighbours_do():
    text = (
        "## Graph Augmentation\n\n"
        f"- [[NeurIPS 2022] Learning Graph Augmentations to Learn Graph Representations]({P}2201.09830)\n"  # noqa: E501
        f"- [[ICLR 2023] Graph Data Augmentation for Graph Machine Learning]({P}2202.08871)\n"
    )
    record = PaperRecord(
        title="Graph Rewiring for Robust Node Classification",
        authors=("Ann Lee", "Bo Li"),
        year=2024,
        venue="ICML 2024",
        arxiv="2402.00001",
    )
    result = added(text, "Graph Augmentation", record)
    new = f"- [[ICML 2024] Graph Rewiring for Robust Node Classification]({P}2402.00001)\n"
    assert result == text + new


def test_a_new_title_over_its_authors_on_a_nested_bullet():
    """LirongWu/awesome-graph-self-supervised-learning: ``- Title.`` over ``  - Names.
    *Venue Year*. [[pdf]](url)``, names by their initials."""
    text = (
        "#### Global-Global Contrasting\n\n"
        "- GraphCL: Graph Contrastive Learning with Augmentations.\n"
        "  - Y. You, T. Chen, Y. Sui, and Y. Shen. *NIPS 2020*. [[pdf]](https://arxiv.org/pdf/2010.13902.pdf)\n"
        "- CSSL: Contrastive Self-Supervised Learning for Graph Classification.\n"
        "  - J. Zeng and P. Xie. *Arxiv 2020*. [[pdf]](https://arxiv.org/pdf/2009.05923.pdf)\n"
    )
    record = PaperRecord(
        title="GraphRew: Graph Rewiring for Robust Node Classification",
        authors=("Ann Lee", "Bo Li"),
        year=2024,
        venue="ICML 2024",
        arxiv="2402.00001",
    )
    result = added(text, "Global-Global Contrasting", record)
    new = (
        "- GraphRew: Graph Rewiring for Robust Node Classification.\n"
        "  - A. Lee and B. Li. *ICML 2024*. [[pdf]](https://arxiv.org/pdf/2402.00001.pdf)\n"
    )
    assert result == text + new


def test_a_new_row_s_title_links_no_page_of_notes_it_does_not_have():
    """HippopotamusData/db-papers: each title links the list's own translation of the paper;
    a new paper has none yet, so its title is written without a link (not ``[Title]()``)."""
    text = (
        "### 存储\n\n"
        "| 论文 | 主题 | 年份 | 权威原文入口 |\n"
        "| --- | --- | ---: | --- |\n"
        "| [The Design of POSTGRES](papers/design-of-postgres/translation.md) | 数据库系统设计 |"
        " 1986 | [原文](<https://dl.acm.org/doi/10.1145/16856.16888>) |\n"
        "| [DuckDB: an Embeddable Analytical Database](papers/duckdb/translation.md) | 分析型数据库"
        " | 2019 | [原文](<https://duckdb.org/library/duckdb/>) |\n"
    )
    record = PaperRecord(
        title="Umbra: A Disk-Based System with In-Memory Performance",
        authors=("Thomas Neumann", "Michael Freitag"),
        year=2020,
        venue="CIDR 2020",
        doi="10.1145/3318464.3389700",
    )
    result = added(text, "存储", record)
    new = (
        "| Umbra: A Disk-Based System with In-Memory Performance |  | 2020 |"
        " [原文](<https://doi.org/10.1145/3318464.3389700>) |\n"
    )
    assert result == text + new


# LqNoob/speech-synthesis-paper-list (abridged): ":heavy_check_mark:" after the code link of
# the papers whose code is out.
CHECKED = """## Some Interesting Models

- [2024/07] **Stable Audio Open** [[paper](https://arxiv.org/abs/2407.14358)] [[code](https://huggingface.co/stabilityai/stable-audio-open-1.0)] :heavy_check_mark:
- [2024/11] **O1 Replication Journey: A Strategic Progress Report -- Part 1** [[paper](https://arxiv.org/abs/2410.18982)] [[code](https://github.com/GAIR-NLP/O1-Journey/)] :heavy_check_mark:
"""  # noqa: E501


def test_a_mark_after_a_code_link_goes_with_it_when_the_paper_has_no_code():
    record = PaperRecord(title="Flow Matching Guide and Code", year=2024, month=12,
                         arxiv="2412.06264")  # fmt: skip
    assert added(CHECKED, "Some Interesting Models", record) == CHECKED + (
        "- [2024/12] **Flow Matching Guide and Code** [[paper](https://arxiv.org/abs/2412.06264)]\n"
    )


# nick7nlp/Awesome-LLM-On-Policy-Distillation (abridged): a legend for the rows' marks.
LEGEND = """  🟢 = In survey &nbsp;&nbsp; 🟡 = New (not yet in survey)

## Self-Distillation

| Paper | Date |
|-------|:----:|
| 🟡 [Self-Distillation Bridges Distribution Gap](https://arxiv.org/abs/2604.00001) | 2026 |
| 🟢 [Born-Again Neural Networks](https://arxiv.org/abs/1805.04770) | 2018 |
| 🟢 [Distilling the Knowledge in a Neural Network](https://arxiv.org/abs/1503.02531) | 2015 |
"""


def test_a_new_row_takes_the_mark_the_legend_gives_new_papers():
    record = PaperRecord(title="Self-Distilled RLVR", year=2026, arxiv="2604.03128")
    new = "| 🟡 [Self-Distilled RLVR](https://arxiv.org/abs/2604.03128) | 2026 |\n"
    anchor = "|-------|:----:|\n"
    assert added(LEGEND, "Self-Distillation", record) == LEGEND.replace(anchor, anchor + new)
