"""BibTeX editor: golden outputs on realistic files, key styles, sorted insertion, skips."""

from __future__ import annotations

import pytest
from editor_samples import DPO, LLAMA, SHAZEER, item, read

from bot.editors.bibtex import add_bibtex_entries, learn, make_key, read_blocks
from bot.editors.bibtex.columns import reach, width
from bot.editors.result import NoChange
from bot.references import parse
from bot.suggestions import PaperRecord
from tests.conftest import RENDERER

# A Google Scholar file: entries carry title, author, journal/booktitle and year only, so
# new entries do too (the arXiv id lives in "arXiv preprint arXiv:ID", as Scholar writes
# it). Before issue 11 new entries also got eprint/archivePrefix/url/doi fields no entry
# of the file has; that golden contradicted "follow the file's own style".
LLAMA_GOOGLE = """
@article{touvron2023llama,
  title={LLaMA: Open and Efficient Foundation Language Models},
  author={Touvron, Hugo and Lavril, Thibaut and Izacard, Gautier},
  journal={arXiv preprint arXiv:2302.13971},
  year={2023}
}
"""
DPO_GOOGLE = """
@inproceedings{rafailov2023direct,
  title={Direct Preference Optimization: Your Language Model is Secretly a Reward Model},
  author={Rafailov, Rafael and Sharma, Archit},
  booktitle={NeurIPS 2023},
  year={2023}
}
"""
# An empty file has no conventions: the common Google Scholar entry with its arXiv fields.
LLAMA_EMPTY_FILE = """@article{touvron2023llama,
  title={LLaMA: Open and Efficient Foundation Language Models},
  author={Touvron, Hugo and Lavril, Thibaut and Izacard, Gautier},
  journal={arXiv preprint arXiv:2302.13971},
  year={2023},
  eprint={2302.13971},
  archivePrefix={arXiv},
  url={https://arxiv.org/abs/2302.13971}
}
"""


def test_google_scholar_style_appends_at_the_end():
    old = read("references.bib")
    result = add_bibtex_entries(old, [item(LLAMA), item(DPO)], renderer=RENDERER)
    assert result.text == old + LLAMA_GOOGLE + DPO_GOOGLE
    assert result.changes == (
        "add BibTeX entry touvron2023llama for arXiv:2302.13971 (at the end)",
        "add BibTeX entry rafailov2023direct for arXiv:2305.18290 (at the end)",
    )


def test_sorted_acl_file_gets_entries_in_sorted_position_in_its_own_layout():
    # The ACL Anthology layout: quoted values, one author a line ending "  and", {BERT}
    # protected, trailing commas. This file's two-author entries are keyed "-etal-"
    # (devlin-etal-2019-bert), so the two-author DPO is too (the old golden's
    # rafailov-sharma-2023-direct came from a fixed ACL rule, not from this file). One
    # entry in three has a doi, so a paper with a DOI gets one; no eprint/url: none has.
    old = read("sorted-acl.bib")
    result = add_bibtex_entries(old, [item(LLAMA), item(DPO)], renderer=RENDERER)
    dpo = """@inproceedings{rafailov-etal-2023-direct,
    title = "Direct Preference Optimization: Your Language Model is Secretly a Reward Model",
    author = "Rafailov, Rafael  and
      Sharma, Archit",
    booktitle = "NeurIPS 2023",
    year = "2023",
    doi = "10.5555/3666122.3668460",
}

"""
    llama = """@article{touvron-etal-2023-llama,
    title = "{LLaMA}: Open and Efficient Foundation Language Models",
    author = "Touvron, Hugo  and
      Lavril, Thibaut  and
      Izacard, Gautier",
    journal = "arXiv preprint arXiv:2302.13971",
    year = "2023",
}

"""
    expected = old.replace("@inproceedings{raffel", dpo + "@inproceedings{raffel").replace(
        "@inproceedings{wei", llama + "@inproceedings{wei"
    )
    assert result.text == expected
    keys = [e.key for e in read_blocks(result.text) if e.key]
    assert keys == sorted(keys)


def test_aligned_jabref_style_keeps_alignment_double_braces_and_trailing_commas():
    # Author before title, as this file's entries have them; "=" at the file's column.
    old = read("aligned.bib")
    result = add_bibtex_entries(old, [item(SHAZEER)], renderer=RENDERER)
    assert (
        result.text
        == old
        + """
@Article{Shazeer2019,
  author    = {Shazeer, Noam},
  title     = {{Fast Transformer Decoding: One Write-Head is All You Need}},
  journal   = {arXiv preprint arXiv:1911.02150},
  year      = {2019},
}
"""
    )


@pytest.mark.parametrize(
    ("record", "why"),
    [
        (
            PaperRecord(title="x", arxiv="2303.18223"),
            "arXiv:2303.18223 is already in the file as zhao2023survey",
        ),
        (
            PaperRecord(title="Attention Is All You Need!", year=2017),
            "its title is already in the file",
        ),
        (
            PaperRecord(title="Other", doi="https://doi.org/10.48550/arXiv.2303.18223"),
            "arXiv:2303.18223",
        ),
    ],
    ids=["arxiv-in-journal", "normalised-title", "arxiv-doi"],
)
def test_papers_already_in_the_file_are_skipped(record, why):
    old = read("references.bib")
    result = add_bibtex_entries(old, [item(record)], renderer=RENDERER)
    assert isinstance(result, NoChange)
    assert result.text == old
    assert why in result.skipped[0].why


def test_key_collisions_get_letter_suffixes():
    old = read("references.bib")
    twin = PaperRecord(
        title="A Survey of Large Language Models II", authors=("Wayne Xin Zhao",), year=2023
    )
    result = add_bibtex_entries(old, [item(twin)], renderer=RENDERER)
    assert "@article{zhao2023surveya," in result.text or "@misc{zhao2023surveya," in result.text
    taken = {"touvron2023", "touvron2023a"}
    assert make_key(LLAMA, "AuthorYear", taken) == "Touvron2023b"


@pytest.mark.parametrize(
    ("newline", "trailing"),
    [("\r\n", True), ("\n", False), ("\r\n", False)],
    ids=["crlf", "no-eol", "crlf-no-eol"],
)
def test_newline_style_and_missing_final_newline_are_kept(newline, trailing):
    old = read("references.bib").rstrip("\n").replace("\n", newline) + (newline if trailing else "")
    result = add_bibtex_entries(old, [item(LLAMA)], renderer=RENDERER)
    assert result.text.startswith(old.rstrip(newline))
    added = LLAMA_GOOGLE.rstrip("\n").replace("\n", newline)
    assert result.text == old.rstrip(newline) + newline + added + (newline if trailing else "")


def test_empty_file_gets_one_entry():
    result = add_bibtex_entries("", [item(LLAMA)], renderer=RENDERER)
    assert result.text == LLAMA_EMPTY_FILE


# An entry whose braces never balance, then a good entry: BibTeX tools (and our loader) lose
# the broken entry only. The editor must see the same two entries, not one swallowing both.
BROKEN_THEN_LOVELACE = """@article{babbage1843sketch,
  title={Sketch of the Analytical Engine {with an unclosed brace,
  author={Menabrea, Luigi},
  year={1843}
}

@article{lovelace2024totally,
  title={Totally Real Engines},
  author={Lovelace, Ada},
  year={2024}
}
"""


def _duplicate_keys(text: str) -> list[str]:
    return [s.why for s in parse(text, "bibtex").skipped if s.why.startswith("duplicate key")]


def test_entry_after_unbalanced_braces_is_seen_so_no_duplicate_is_written():
    lovelace = PaperRecord(title="Totally Real Engines", authors=("Ada Lovelace",), year=2024)
    result = add_bibtex_entries(BROKEN_THEN_LOVELACE, [item(lovelace)], renderer=RENDERER)
    assert _duplicate_keys(result.text) == []
    assert isinstance(result, NoChange)
    assert result.skipped[0].why == "its title is already in the file as lovelace2024totally"


def test_key_after_unbalanced_braces_is_taken():
    other = PaperRecord(title="Totally Other Engines", authors=("Ada Lovelace",), year=2024)
    result = add_bibtex_entries(BROKEN_THEN_LOVELACE, [item(other)], renderer=RENDERER)
    assert _duplicate_keys(result.text) == []
    assert result.changes == (
        "add BibTeX entry lovelace2024totallya for 'Totally Other Engines' (at the end)",
    )


def test_a_paper_cited_by_its_acl_anthology_page_is_not_added_again():
    old = "@inproceedings{devlin-etal-2019-bert,\n  title = {BERT},\n  url = {https://aclanthology.org/N19-1423}\n}\n"
    bert = PaperRecord(title="Something else", doi="10.18653/v1/N19-1423", year=2019)
    result = add_bibtex_entries(old, [item(bert)], renderer=RENDERER)
    assert isinstance(result, NoChange)
    assert "devlin-etal-2019-bert" in result.skipped[0].why


# Four Google Scholar articles, one of which (pasted from elsewhere) also names a
# booktitle: a new article names its venue once, in the field most of them use.
ARTICLES_ONE_WITH_BOOKTITLE = """@article{tesauro1994td,
  title={TD-Gammon, a self-teaching backgammon program, achieves master-level play},
  author={Tesauro, Gerald},
  journal={Neural computation},
  year={1994}
}

@article{rubin2011computer,
  title={Computer poker: A review},
  author={Rubin, Jonathan and Watson, Ian},
  journal={Artificial Intelligence},
  year={2011}
}

@article{beal2003variational,
  title={Variational Algorithms for Approximate Bayesian Inference},
  author={Beal, Matthew J.},
  journal={PhD. Thesis},
  booktitle={Ph.D. Thesis},
  year={2003}
}

@article{auer2002finite,
  title={Finite-time analysis of the multiarmed bandit problem},
  author={Auer, Peter and Cesa-Bianchi, Nicolo and Fischer, Paul},
  journal={Machine learning},
  year={2002}
}
"""
NATURE_ARTICLE = """
@article{silver2016mastering,
  title={Mastering the game of Go with deep neural networks and tree search},
  author={Silver, David and Huang, Aja},
  journal={Nature},
  year={2016}
}
"""


def test_a_new_article_names_its_venue_once():
    record = PaperRecord(
        title="Mastering the game of Go with deep neural networks and tree search",
        authors=("David Silver", "Aja Huang"),
        year=2016,
        venue="Nature",
        published_venue="Nature",
    )
    result = add_bibtex_entries(ARTICLES_ONE_WITH_BOOKTITLE, [record], renderer=RENDERER)
    assert result.text == ARTICLES_ONE_WITH_BOOKTITLE + NATURE_ARTICLE


def test_double_spaced_entries_are_not_two_groups_of_fields():
    # arXiv's DataCite export puts a blank line after every field; JabRef's second group
    # is one blank line before the bookkeeping fields. Neither blank line is copied.
    spaced = "".join(
        f"@misc{{k{i},\n  doi = {{10.48550/arXiv.2212.0{i}}},\n\n  author = {{Lee, Ann}},\n\n"
        f"  title = {{T{i}}},\n\n  year = {{2022}}\n}}\n\n"
        for i in range(3)
    )
    record = PaperRecord("New", authors=("Bo Chen",), year=2023, doi="10.1/x", kind="misc")
    text = add_bibtex_entries(spaced, [record], renderer=RENDERER).text
    added = text[text.index("@misc{chen2023new,") :].split("\n}")[0]
    assert "\n\n" not in added


def test_keys_made_of_the_arxiv_id_give_way_for_a_paper_without_one():
    text = "".join(
        f"@misc{{https://doi.org/10.48550/arxiv.2212.0{i}{i}{i}{i},\n  title = {{T{i}}},\n"
        f"  author = {{Lee, Ann}},\n  eprint = {{2212.0{i}{i}{i}{i}}},\n  year = {{2022}}\n}}\n\n"
        for i in range(1, 4)
    )
    arxiv = PaperRecord("New one", authors=("Bo Chen",), year=2023, arxiv="2301.12345")
    journal = PaperRecord("Journal paper", authors=("Bo Chen",), year=2023, doi="10.1/x")
    keys = learn(text)[0].keys
    assert make_key(arxiv, keys, set()) == "https://doi.org/10.48550/arxiv.2301.12345"
    assert make_key(journal, keys, set()) == "chen2023journal"


@pytest.mark.parametrize(
    ("years", "new", "before"),
    [
        # one entry out of order, first or last: no guide to where a new one goes
        ([2026, *range(2016, 2027)], 2022, "k"),
        ([*range(2016, 2027), 2015], 2021, "t"),
        # newest first: above its equals
        ([2027, 2026, 2025, 2024, 2024, *range(2023, 2016, -1)], 2024, "a"),
    ],
)
def test_a_list_by_year_places_an_entry_past_its_outliers(years, new, before):
    keys = "mcxaqftbkzgh"  # in no order, nor are the authors
    text = "".join(
        f"@article{{{k},\n  title = {{T}},\n  author = {{Zed, Ann}},\n  year = {{{y}}}\n}}\n\n"
        for k, y in zip(keys, years, strict=True)
    )
    record = PaperRecord("New", authors=("Bo Chen",), year=new, doi="10.1/x", kind="article")
    result = add_bibtex_entries(text, [record], renderer=RENDERER)
    assert result.changes[0].endswith(f"(before {before})")


def _keyed(entries: list[tuple[str, str, int, str]]) -> str:
    return "".join(
        f"@article{{{key},\n  title={{{title}}},\n  author={{{author}}},\n  year={{{year}}}\n}}\n\n"
        for key, author, year, title in entries
    )


SCHOLAR_KEYS = [
    ("vaswani2017attention", "Vaswani, Ashish", 2017, "Attention is all you need"),
    ("devlin2019bert", "Devlin, Jacob", 2019, "BERT pre-training"),
]
ROSEN_ZVI = PaperRecord("The author-topic model", authors=("Michal Rosen-Zvi",), year=2004)


@pytest.mark.parametrize(
    ("entries", "key"),
    [
        # keys silent on compound surnames: Google Scholar's shape takes the first word
        (SCHOLAR_KEYS, "rosen2004author"),
        # a key of the file that joins one: the file's own spelling
        (
            [
                *SCHOLAR_KEYS,
                ("abdelhamid2014convolutional", "Abdel-Hamid, Ossama", 2014, "Convolutional nets"),
            ],
            "rosenzvi2004author",
        ),
        # JabRef's AuthorYear is no Scholar key: the whole surname
        (
            [("Vaswani2017", "Vaswani, Ashish", 2017, "A"), ("Devlin2019", "Devlin, J", 2019, "B")],
            "RosenZvi2004",
        ),
    ],
    ids=["scholar", "joined-in-the-file", "author-year"],
)
def test_compound_surname_in_a_key(entries, key):
    assert make_key(ROSEN_ZVI, learn(_keyed(entries))[0].keys, set()) == key


@pytest.mark.parametrize(
    ("start", "target", "tabs", "blanks"),
    [
        (7, 16, True, "\t\t"),  # "  title" to Emacs's "=" column
        (8, 16, True, "\t"),  # "  author"
        (9, 18, True, "\t  "),  # "@Article{" to its key
        (0, 18, True, "\t\t  "),  # a continuation line
        (7, 16, False, " " * 9),  # a file aligned with spaces
        (16, 16, True, ""),
    ],
)
def test_columns_are_reached_as_the_file_reaches_them(start, target, tabs, blanks):
    assert reach(start, target, tabs) == blanks
    assert width(" " * start + blanks) == max(start, target)
