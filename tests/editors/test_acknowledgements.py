"""Acknowledgements editor: the sentence's own list style, skips, new sentence, escaping."""

from __future__ import annotations

import pytest
from editor_samples import read

from bot.editors.acknowledgements import add_acknowledgements
from bot.editors.result import NoChange
from bot.errors import EditError
from bot.suggestions import Thanks
from tests.conftest import RENDERER

README = read("README.md")
README_ZH = read("README.zh.md")


def test_names_join_the_english_list_without_oxford_comma():
    result = add_acknowledgements(
        README, [Thanks("ana", "Ana Müller"), Thanks("li", "Li Wei")], renderer=RENDERER
    )
    old = "Jay Alammar and Yubo Feng."
    assert result.text == README.replace(old, "Jay Alammar, Yubo Feng, Ana Müller and Li Wei.")
    assert result.changes == (
        "thank Ana Müller, Li Wei in the thank-you sentence under 'Acknowledgments'",
    )


def test_oxford_comma_list_keeps_it():
    text = "## Acknowledgments\n\nWe thank the readers: Tyler Suard, Damai Dai, and Jay Alammar.\n"
    result = add_acknowledgements(text, [Thanks("x", "Kevin Gray")], renderer=RENDERER)
    assert result.text == text.replace(
        "Damai Dai, and Jay Alammar.", "Damai Dai, Jay Alammar, and Kevin Gray."
    )


def test_chinese_list_uses_dunhao_and_he():
    result = add_acknowledgements(
        README_ZH,
        [Thanks("z", "赵六"), Thanks("q", "钱七")],
        "致谢",
        "zh",
        renderer=RENDERER,
    )
    assert result.text == README_ZH.replace("张三、李四和王五。", "张三、李四、王五、赵六和钱七。")


@pytest.mark.parametrize(
    ("person", "why"),
    [
        (Thanks("dd", "damai  DAI"), "already thanked"),
        (Thanks("ld", "Liáng Dìng"), "already thanked"),
        (Thanks("anon", "Secret Person", opt_out=True), "asked not to be thanked by name"),
    ],
    ids=["case-and-spacing", "accents", "opted-out"],
)
def test_known_names_and_opted_out_readers_are_skipped(person, why):
    result = add_acknowledgements(README, [person], renderer=RENDERER)
    assert isinstance(result, NoChange)
    assert result.text == README
    assert result.skipped[0].why == why


def test_a_section_without_a_list_gets_a_new_sentence():
    text = "## Acknowledgments\n\nWe thank everyone.\n\n## Update Log\n"
    result = add_acknowledgements(
        text, [Thanks("a", "Ana"), Thanks("b", "Bo"), Thanks("c", "Cy")], renderer=RENDERER
    )
    sentence = (
        "We sincerely thank the readers who suggested papers for this survey: Ana, Bo and Cy.\n"
    )
    assert result.text == text.replace("everyone.\n", "everyone.\n\n" + sentence)


def test_names_are_escaped_and_never_ping_or_inject_html():
    result = add_acknowledgements(
        README,
        [Thanks("x", "@octocat <img src=x onerror=alert(1)> *bold*")],
        renderer=RENDERER,
    )
    assert (
        "Yubo Feng and @\u200boctocat &lt;img src=x onerror=alert(1)&gt; \\*bold\\*." in result.text
    )
    assert "  Yubo" not in result.text and "Feng  " not in result.text


def test_missing_heading_is_an_error():
    with pytest.raises(EditError, match="acknowledgements heading"):
        add_acknowledgements("# Survey\n", [Thanks("a", "Ana")], renderer=RENDERER)


def test_crlf_and_no_final_newline_are_kept():
    text = "## Thanks\r\n\r\nThanks to: Ana and Bo."
    result = add_acknowledgements(text, [Thanks("c", "Cy")], "Thanks", renderer=RENDERER)
    assert result.text == "## Thanks\r\n\r\nThanks to: Ana, Bo and Cy."


@pytest.mark.parametrize(
    "heading",
    [
        "Acknowledgments\n---------------\n",
        '<h2 id="thanks">\n  Acknowledgments\n</h2>\n',
    ],
    ids=["setext", "multi-line-html"],
)
def test_the_sentence_is_found_under_setext_and_html_headings(heading):
    text = f"Intro.\n\n{heading}\nWe thank the readers: Tyler Suard and Jay Alammar.\n"
    result = add_acknowledgements(text, [Thanks("x", "Kevin Gray")], renderer=RENDERER)
    assert result.text == text.replace(
        "Tyler Suard and Jay Alammar.", "Tyler Suard, Jay Alammar and Kevin Gray."
    )
