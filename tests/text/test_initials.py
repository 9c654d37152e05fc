"""Given names as initials (bot.text.initials), as both editors write them."""

from __future__ import annotations

import pytest

from bot.text.initials import initialled


@pytest.mark.parametrize(
    ("given", "spacing", "expected"),
    [
        ("Ada", " ", "A."),
        ("Rodney A.", "", "R.A."),
        ("Grace Murray", " ", "G. M."),
        ("Jean-Pierre", " ", "J.-P."),
        ("R.J.", " ", "R. J."),
    ],
)
def test_given_names_become_initials(given, spacing, expected):
    assert initialled(given, spacing) == expected
