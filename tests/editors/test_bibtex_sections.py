"""Month headings in a .bib file (living reviews), and the dated comment's newest form."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.editors.bibtex import add_bibtex_entries
from bot.editors.bibtex.sections import month_headings, record_month
from bot.suggestions import PaperRecord
from tests.conftest import RENDERER


def _entry(key: str, arxiv: str) -> str:
    return f'@article{{{key},\n    title = "{{T}}",\n    eprint = "{arxiv}",\n}}\n'


@pytest.mark.parametrize(
    ("headings", "months"),
    [
        (["##### 2021 June #####", "##### 2021 May #####"], [(2021, 6), (2021, 5)]),
        (["% May 2021", "% June 2021"], [(2021, 5), (2021, 6)]),
        (["%% Sept. 2020 %%", "%% Aug. 2020 %%"], [(2020, 9), (2020, 8)]),
        # a date with its day dates one entry (HEPML's comments), it heads no month
        (["% June 16, 2021", "% May 3, 2021"], None),
        # out of order, or a single heading: not a grouping the file keeps
        (["% May 2021", "% June 2021", "% April 2021"], None),
        (["% May 2021"], None),
    ],
)
def test_month_headings_are_lines_of_a_year_and_a_month_over_entries(headings, months):
    lines = "\n".join(f"{h}\n{_entry(f'k{i}', '2105.00001')}" for i, h in enumerate(headings))
    found = month_headings(lines.split("\n"))
    assert (found and [h.month for h in found]) == (months or None)


def test_a_heading_not_followed_by_an_entry_is_not_one():
    lines = ["% May 2021", "", "% June 2021", "@article{a,", "}"]
    assert month_headings(lines) is None


@pytest.mark.parametrize(
    ("record", "month"),
    [
        (PaperRecord("T", arxiv="2105.08703", year=2022), (2021, 5)),
        (PaperRecord("T", arxiv="hep-ph/0509141"), (2005, 9)),
        (PaperRecord("T", year=2020, month=2), (2020, 2)),
        (PaperRecord("T", year=2020), None),
    ],
)
def test_a_papers_month_is_its_arxiv_ids(record, month):
    assert record_month(record) == month


def test_dated_comment_is_written_as_the_newest_entries_write_it():
    # Most comments are the old '%Nov. 8, 2021'; the newest dozen '% October 12, 2023'.
    old = [f"%Nov. {d}, 2021\n{_entry(f'o{d}', f'2111.{d:05d}')}" for d in range(28, 0, -1)]
    new = [f"% October {d}, 2023\n{_entry(f'n{d}', f'2310.{d:05d}')}" for d in range(12, 0, -1)]
    text = "\n".join(new + old)
    record = PaperRecord("A new paper", authors=("Ann Lee",), year=2023, arxiv="2311.00001")
    result = add_bibtex_entries(text, [record], renderer=RENDERER, day=dt.date(2023, 11, 8))
    assert result.text.split("\n")[0] == "% November 8, 2023"


@pytest.mark.parametrize(
    ("heading", "written"),
    [
        ("##### 2020 May #####", "##### 2020 August #####"),  # "May" is a whole name
        ("% Sept. 2020", "% Aug. 2020"),
        ("%% MARCH 2020", "%% AUGUST 2020"),
    ],
)
def test_a_new_heading_is_written_as_the_nearest_one(heading, written):
    lines = [heading, "@article{a,", "}", "% January 2019", "@article{b,", "}"]
    found = month_headings(lines)
    assert found is not None and found[0].for_month((2020, 8)) == written
