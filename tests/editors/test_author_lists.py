"""Author lists as paper lists write them: read into names and a form, written back alike.

The shapes come from real lists (apexrl/RL-Exploration-Paper-Lists writes BibTeX's
``Surname, Given and ...``, and ``A and B and C`` beside ``A, B and C``;
Dusto-AI/llm-situational-awareness-paper-list writes APA's ``Lee, J. D., & See, K. A.``).
"""

from __future__ import annotations

import pytest

from bot.lists.citation import looks_like_names
from bot.lists.values import Authors, read_authors, write_authors


@pytest.mark.parametrize(
    ("written", "names"),
    [
        (
            "Haarnoja, Tuomas and Zhou, Aurick and Levine, Sergey",
            ("Haarnoja, Tuomas", "Zhou, Aurick", "Levine, Sergey"),
        ),
        (
            "Logan Yliniemi and Adrian Agogino and Kagan Tumer",
            ("Logan Yliniemi", "Adrian Agogino", "Kagan Tumer"),
        ),
        (
            "Deepak Pathak, Dhiraj Gandhi and Abhinav Gupta",
            ("Deepak Pathak", "Dhiraj Gandhi", "Abhinav Gupta"),
        ),
        ("Lee, J. D., & See, K. A.", ("Lee, J. D.", "See, K. A.")),
        (
            "Salmon, P. M., Stanton, N. A., Walker, G. H., & Jenkins, D. P.",
            ("Salmon, P. M.", "Stanton, N. A.", "Walker, G. H.", "Jenkins, D. P."),
        ),
        ("Phuong, M., Zimmermann, R. S., et al.", ("Phuong, M.", "Zimmermann, R. S.")),
        ("Endsley, M. R.", ("Endsley, M. R.",)),
    ],
)
def test_an_author_list_reads_into_names_and_writes_back_as_it_was(written, names):
    authors, form = read_authors(written)
    assert authors.names == names
    assert write_authors(authors, form) == written


def test_a_new_paper_names_its_authors_as_a_bibtex_style_list_does():
    _, form = read_authors("Burda, Yuri and Edwards, Harrison")
    new = Authors(("Adrià Puigdomènech Badia", "Pablo Sprechmann"), et_al=False)
    assert write_authors(new, form) == "Badia, Adrià Puigdomènech and Sprechmann, Pablo"


@pytest.mark.parametrize(
    "names",
    [
        "Michel Tokic and Gu\u0308nther Palm",  # a combining diaeresis, as some editors save it
        "Zhengzhuo Xu*, Sinan Du*, Chun Yuan†",  # marks after names: equal contribution
        "Minesh Mathew, C.V Jawahar",  # initials run together
    ],
)
def test_names_written_in_less_usual_ways_are_still_names(names):
    assert looks_like_names(names)


def test_names_read_as_bibtex_writes_them_follow_a_list_that_does_not():
    _, form = read_authors("Xiaokun Feng, Xuchen Li")
    written = Authors(("Wang, Pengfei", "Hui, Xiaofei"), et_al=False)
    assert write_authors(written, form) == "Pengfei Wang, Xiaofei Hui"


def test_a_new_paper_names_its_authors_as_an_apa_style_list_does():
    _, form = read_authors("Nguyen, J., Hoang, K., & Attubato, C. L.")
    new = Authors(("Ryan Greenblatt", "Carson Denison", "Benjamin Wright"), et_al=False)
    assert write_authors(new, form) == "Greenblatt, R., Denison, C., & Wright, B."
