"""Which lines are headings, at which level, and where their sections start and end.

The loader and the editors share these rules (``bot.references.markdown.heading_spans``),
so each case is checked both ways: the editors' heading and the loader's section name.
"""

from __future__ import annotations

import pytest

from bot.editors.sections import find_headings, paper_sections, section_extent
from bot.references import markdown

ENTRY = "- **Some Paper Title.** *Jane Doe et al.* arXiv 2023."


@pytest.mark.parametrize(
    ("text", "level", "title", "body"),
    [
        pytest.param("### Tools ###", 3, "Tools", 1, id="atx-closing-hashes"),
        pytest.param("## C#", 2, "C#", 1, id="atx-hash-in-text"),
        pytest.param('<h2 id="technique">Technique</h2>', 2, "Technique", 1, id="html"),
        pytest.param('<H3 align="center">Tools</H3>', 3, "Tools", 1, id="html-upper-case"),
        pytest.param(
            '<p align="center"><h4>🚀 <a name="x"></a><b>Agents</b></h4></p>',
            4,
            "Agents",
            1,
            id="html-wrapped-inline-tags-emoji-anchor",
        ),
        pytest.param("<h1 align='center'>\n  Awesome\n</h1>", 1, "Awesome", 3, id="html-lines"),
        pytest.param("Survey\n======", 1, "Survey", 2, id="setext-1"),
        pytest.param("Agents and\nTools\n---", 2, "Agents and Tools", 3, id="setext-2-two-lines"),
    ],
)
def test_heading_forms_and_levels(text, level, title, body):
    [heading] = find_headings(text.split("\n"))
    assert (heading.line, heading.level, heading.title, heading.body) == (0, level, title, body)
    [reference] = markdown.parse(f"{text}\n\n{ENTRY}\n").references
    assert reference.section == title


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("```\n## Not a heading\n```", id="fenced-atx"),
        pytest.param("~~~md\nTitle\n=====\n~~~", id="fenced-setext"),
        pytest.param("<!--\n## Old section\n<h2>Old</h2>\n-->", id="html-comment"),
        pytest.param("- item\n---", id="list-item-over-a-break"),
        pytest.param("1. item\n\n    continued\n---", id="loose-list-over-a-break"),
        pytest.param("text\n\n---", id="thematic-break"),
        pytest.param("<h2>Unclosed\n\n</h2>", id="html-block-ends-at-blank-line"),
        pytest.param("<h2>Title</h2> and prose", id="html-heading-inside-prose"),
        pytest.param("#hashtag", id="atx-without-space"),
    ],
)
def test_not_headings(text):
    assert find_headings(text.split("\n")) == []


def test_a_section_extends_to_the_next_heading_of_its_level_or_higher():
    lines = ["<h2>A</h2>", "", "B", "---", "", "### C", "", "D", "===", ""]
    headings = find_headings(lines)
    assert [(h.title, h.level) for h in headings] == [("A", 2), ("B", 2), ("C", 3), ("D", 1)]
    assert [section_extent(lines, headings, h) for h in headings] == [2, 7, 7, len(lines)]


def test_paper_sections_flags_the_headings_whose_own_body_lists_papers():
    text = (
        "# Awesome\n\n## Table of Contents\n\n- [Agents](#agents)\n\n"
        "## Agents\n\n### Tools\n\n" + ENTRY + "\n\nUpdate Log\n---\n\n- 2024/01: new papers\n"
    )
    flags = {h.title: h.holds_papers for h in paper_sections(text)}
    assert flags == {
        "Awesome": False,
        "Table of Contents": False,
        "Agents": False,
        "Tools": True,
        "Update Log": False,
    }


PAPER = (
    "- **{0}: a paper.** *Ann Lee et al.* ACL 2023. [[Paper](https://arxiv.org/abs/2301.0000{1})]"
)
SURVEY = f"""\
# Awesome Reasoning

## Table of Contents

- [Technique](#technique)

## The trends of the number of papers related to LLMs on arXiv

![trends](assets/trends.png)

## Technique

### Chain-of-Thought Reasoning (CoT)

{PAPER.format("CoT", 1)}

### 2024

{PAPER.format("T24", 2)}

## Analysis

### 2024

{PAPER.format("A24", 3)}

## Survey

### 2024

{PAPER.format("S24", 4)}

### Planned

## Acknowledgments

We thank the readers.

## Update Log

| Version | Time | Update |
| --- | --- | --- |
| V1 | 2024/01/02 | First. |
"""


@pytest.mark.parametrize(
    ("requested", "title", "parent"),
    [
        ("Technique > 2024", "2024", "Technique"),
        ("analysis > 2024", "2024", "Analysis"),
        ("Awesome Reasoning > Survey > 2024", "2024", "Survey"),
        ("chain of thought reasoning", "Chain-of-Thought Reasoning (CoT)", "Technique"),
        ("Planned", "Planned", "Survey"),  # empty, meant to hold papers
    ],
)
def test_a_section_is_named_by_its_text_or_its_path(requested, title, parent):
    from bot.editors.paper_list import resolve_target

    target = resolve_target(SURVEY, requested)
    headings = find_headings(SURVEY.split("\n"))
    above = [h for h in headings if h.line < target.heading.line and h.level < target.heading.level]
    assert (target.heading.title, above[-1].title) == (title, parent)


def test_repeated_headings_name_their_full_paths_when_still_ambiguous():
    from bot.editors.paper_list import resolve_target
    from bot.errors import EditError

    with pytest.raises(EditError) as error:
        resolve_target(SURVEY, "2024")
    assert str(error.value) == (
        "section '2024' is ambiguous: 'Awesome Reasoning > Technique > 2024', "
        "'Awesome Reasoning > Analysis > 2024', 'Awesome Reasoning > Survey > 2024'; "
        "name it by its full path"
    )


@pytest.mark.parametrize(
    "requested",
    [
        "Acknowledgments",
        "Table of Contents",
        "Update Log",
        "The trends of the number of papers related to LLMs on arXiv",
    ],
)
def test_sections_that_hold_something_else_are_not_paper_sections(requested):
    from bot.editors.paper_list import resolve_target
    from bot.errors import EditError

    with pytest.raises(EditError, match="does not list papers; the closest paper sections: "):
        resolve_target(SURVEY, requested)


def test_an_unknown_section_gets_the_few_closest_by_words():
    from bot.editors.paper_list import resolve_target
    from bot.errors import EditError

    with pytest.raises(EditError) as error:
        resolve_target(SURVEY, "Chain of Thought")
    message = str(error.value)
    assert message.startswith(
        "no section 'Chain of Thought' in the file; the closest headings: "
        "'Chain-of-Thought Reasoning (CoT)', "
    )
    assert 3 <= message.count("', '") + 1 <= 5
    assert "Acknowledgments" not in message and "Table of Contents" not in message


# atfortes/Awesome-LLM-Reasoning's shape: under "Technique", groups written at the same
# level as the years they hold ("<h3>Reasoning in LLMs</h3>", "### 2025", "### 2024",
# "### <h3>Multimodal Reasoning<h3/>", "### 2025"), so that "Technique > 2025" names
# several sections; and a top heading carrying a linked badge.
GROUPED = f"""\
# Awesome Reasoning [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)

<h2 id="technique">Technique</h2>

<h3 id="llm">🔤 Reasoning in Large Language Models - <i>An Emergent Ability</i></h3>

### 2025

{PAPER.format("R25", 1)}

### 2024

{PAPER.format("R24", 2)}

### <h3 id="mllm">🧠 Multimodal Reasoning in Large Language Models<h3/>

### 2025

{PAPER.format("M25", 3)}
"""


def test_a_year_repeated_under_groups_of_its_own_level_is_named_by_its_group():
    from bot.editors.paper_list import resolve_target
    from bot.errors import EditError

    target = resolve_target(GROUPED, "Multimodal Reasoning in Large Language Models > 2025")
    assert "M25" in GROUPED.split("\n")[target.heading.line + 2]
    with pytest.raises(EditError) as error:
        resolve_target(GROUPED, "Technique > 2025")
    assert str(error.value) == (
        "section 'Technique > 2025' is ambiguous: 'Awesome Reasoning > Technique > Reasoning "
        "in Large Language Models - An Emergent Ability > 2025', 'Awesome Reasoning > "
        "Technique > Multimodal Reasoning in Large Language Models > 2025'; name it by its "
        "full path"
    )
