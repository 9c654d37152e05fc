"""Keys the editors compare and write: name keys and citation keys, folded as titles are."""

from __future__ import annotations

import pytest

from bot.editors.bibtex import key_parts
from bot.editors.common import name_key
from bot.suggestions import PaperRecord


@pytest.mark.parametrize(
    ("author", "title", "surname", "word"),
    [
        ("Søren Kierkegaard", "Either/Or", "kierkegaard", "either"),
        ("Jiří Dvořák", "The Größe of Models", "dvorak", "grosse"),
        ("Ole Ærø", "Œuvres Complètes", "aero", "oeuvres"),  # once "ro" and "uvres"
        ("Đặng Thị Hồng", "Ðeep Models", "hong", "deep"),
        ("Yıldız Kılıç", "On α-Divergence", "kilic", "alpha"),  # once "klc" and "divergence"
        ("Martin Karafi{\\'a}t", "{BERT} Models", "karafiat", "bert"),
        ("李明", "大模型综述", "anon", "paper"),
    ],
    ids=["o-slash", "accents-eszett", "ae-oe", "d-stroke-eth", "dotless-i-greek", "latex", "cjk"],
)
def test_key_parts_are_folded_ascii(author: str, title: str, surname: str, word: str) -> None:
    parts = key_parts(PaperRecord(title=title, authors=(author,), year=2024))
    assert (parts.surnames, parts.word) == ((surname,), word)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Søren Kierkegaard", "Soren Kierkegaard", True),  # once two people
        ("Łukasz Kaiser", "Lukasz Kaiser", True),  # once two people
        ("José  García", "jose garcia", True),
        ("Zhao, Wayne Xin", "Zhao Wayne-Xin", True),
        ("李明", "李 明", True),
        ("李明", "李", False),
        ("Ann Lee", "Anna Lee", False),
    ],
)
def test_name_key(a: str, b: str, same: bool) -> None:
    assert (name_key(a) == name_key(b)) is same
