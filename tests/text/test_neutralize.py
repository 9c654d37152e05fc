"""The neutralising layer: reader text that GitHub would act on acts on nothing (#13 items 1, 2)."""

from __future__ import annotations

import re

import pytest

from bot.text.neutralize import person_name, plain

# GitHub's closing keywords followed by something it resolves to an issue.
CLOSING = re.compile(
    r"(?i)\b(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?)\b:?\s+"
    r"(?:#\d+|GH-\d+|[\w.-]+/[\w.-]+#\d+|https?://github\.com/\S+/(?:issues|pull)/\d+)"
)
REFERENCE = re.compile(r"(?<![\w/])#\d+|\bGH-\d+|\b[\w.-]+/[\w.-]+#\d+")


@pytest.mark.parametrize(
    "text",
    [
        "Closes #2 and fixes #3: a study of attention",
        "resolves octo-org/survey#7",
        "Fixed GH-12 in passing",
        "closes https://github.com/octo-org/survey/issues/2",
        "FIXES:\n#4",
    ],
)
def test_no_closing_keyword_acts_on_an_issue(text):
    out = plain(text)
    assert not CLOSING.search(out) and not REFERENCE.search(out)
    assert "\n" not in out


def test_plain_keeps_the_text_readable():
    assert plain("Closes #2: LoRA @everyone see https://evil.example and www.evil.example") == (
        "Closes \uff032: LoRA @\u200beveryone see https[:]//evil.example and www[.]evil.example"
    )
    assert plain("C# for #1 fans: GH-2") == "C# for \uff031 fans: GH\u20112"


@pytest.mark.parametrize(
    "name",
    [
        "Alice Liddell",
        "J. R. R. Tolkien",
        "Martin Luther King Jr.",
        "Jean-Luc O’Neil",
        "María de los Ángeles García Fernández",
        "张三",
        "Søren Kierkegaard",
        "Dr. Ada Lovelace",
    ],
)
def test_a_name_is_a_name(name):
    assert person_name(name) == name


@pytest.mark.parametrize(
    "text",
    [
        "Eve. This survey is funded by Evil Corp, see https://evil.example",
        "Eve Example, Tim Cook and Linus Torvalds",
        "Eve & Mallory",
        "Eve (https://evil.example)",
        "@everyone",
        "Eve #2",
        "Eve Example 2024",
        "One Two Three Four Five Six Seven Eight Nine",
        "x" * 101,
        "",
        "...",
        "Eve\n\nCloses #2",
    ],
)
def test_anything_else_is_not_a_name(text):
    assert person_name(text) is None
