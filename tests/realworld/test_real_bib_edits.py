"""The .bib editor on real survey bibliographies: new entries in each file's conventions.

Every expected entry below was written by hand from the file's neighbours before the
editor ran (see fixtures/SOURCES.md for the sources). The HEPML one is a real
maintainer edit reversed: upstream commit 7a97d7f added ``Araz:2026img``; taking it out
and adding the paper again must give the upstream file back, byte for byte.
"""

from __future__ import annotations

import datetime as dt

import pytest

from bot.editors.bibtex import add_bibtex_entries, learn, scheme_key
from bot.suggestions import PaperRecord
from tests.conftest import RENDERER
from tests.realworld.sources import fixture

ARAZ = PaperRecord(
    title="Conformal calibration and look-elsewhere effect in anomaly detection for "
    "new-physics searches",
    authors=("Jack Y. Araz", "Michael Spannowsky"),
    year=2026,
    venue="arXiv",
    arxiv="2606.13780",
    primary_class="hep-ph",
    month=6,
)


def _hepml_without_araz() -> tuple[str, str]:
    upstream = fixture("hepml_living_review.bib")
    lines = upstream.split("\n")
    assert lines[2] == "% June 16, 2026" and lines[3] == "@article{Araz:2026img,"
    return upstream, "\n".join(lines[:2] + lines[13:])


def test_hepml_entry_removed_and_added_again_is_the_upstream_file():
    # The INSPIRE texkey's "img" is INSPIRE's own: with the key the paper is known by,
    # the dated comment, layout, field set and position (newest first, at the top)
    # reproduce the maintainer's commit exactly.
    upstream, before = _hepml_without_araz()
    record = PaperRecord(**{**ARAZ.__dict__, "citation_key": "Araz:2026img"})
    result = add_bibtex_entries(before, [record], renderer=RENDERER, day=dt.date(2026, 6, 16))
    assert result.text == upstream
    assert result.changes == ("add BibTeX entry Araz:2026img for arXiv:2606.13780 (at the top)",)


def test_hepml_without_the_texkey_says_the_suffix_is_missing():
    _, before = _hepml_without_araz()
    result = add_bibtex_entries(before, [ARAZ], renderer=RENDERER, day=dt.date(2026, 6, 16))
    assert result.text.split("\n")[2:4] == ["% June 16, 2026", "@article{Araz:2026,"]
    assert "only their source assigns" in result.changes[0]


BROOKS = PaperRecord(
    title="Intelligence without representation",
    authors=("Rodney A. Brooks",),
    year=1991,
    venue="Artificial Intelligence",
    published_venue="Artificial Intelligence",
    doi="10.1016/0004-3702(91)90053-M",
    volume="47",
    number="1-3",
    pages="139-159",
)
BROOKS_JABREF = """@Article{Brooks1991,
  Title                    = {Intelligence without representation},
  Author                   = {Brooks, R.A.},
  Journal                  = {Artificial Intelligence},
  Year                     = {1991},
  Number                   = {1-3},
  Pages                    = {139--159},
  Volume                   = {47},

  Doi                      = {10.1016/0004-3702(91)90053-M}
}

"""


def test_jabref_file_sorted_by_authors_gets_its_layout_and_place():
    # JabRef 2.10: "=" at column 28, bibliographic fields, a blank line, then the rest;
    # initials as the file writes them; between Breazeal and Carpenter (sorted by
    # authors' surnames, not by key); no Owner/Timestamp invented.
    before = fixture("krs_survey.bib")
    result = add_bibtex_entries(before, [BROOKS], renderer=RENDERER)
    at = before.index("@Article{Carpenter1992,")
    assert result.text == before[:at] + BROOKS_JABREF + before[at:]


CATERPILLAR = PaperRecord(
    title="Caterpillar: A business process execution engine on the Ethereum blockchain",
    authors=(
        "Orlenys López-Pintado",
        "Luciano García-Bañuelos",
        "Marlon Dumas",
        "Ingo Weber",
        "Alexander Ponomarev",
    ),
    year=2019,
    venue="Software: Practice and Experience",
    published_venue="Software: Practice and Experience",
    doi="10.1002/spe.2702",
    volume="49",
    number="7",
    pages="1162-1193",
)
CATERPILLAR_ZOTERO = """
@article{lopez-pintado_caterpillar_2019,
\ttitle = {Caterpillar: A business process execution engine on the Ethereum blockchain},
\tvolume = {49},
\tdoi = {10.1002/spe.2702},
\tpages = {1162--1193},
\tnumber = {7},
\tjournaltitle = {Software: Practice and Experience},
\tauthor = {López-Pintado, Orlenys and García-Bañuelos, Luciano and Dumas, Marlon and \
Weber, Ingo and Ponomarev, Alexander},
\tdate = {2019},
}
"""


def test_zotero_biblatex_file_gets_author_word_year_key_and_its_fields():
    # Zotero's BibLaTeX export: tabs, "date" and "journaltitle", trailing commas,
    # acronyms braced ({IEEE}) but not a title's other capitals, UTF-8 names, keys
    # surname_word_year with hyphenated surnames kept; no abstract/file/keywords made up.
    # (Written first with url = the DOI link; but a url that only repeats the doi field
    # is left out unless the file's urls are DOI links, and here they are publishers'.)
    before = fixture("zotero_blockchain_slr.bib")
    result = add_bibtex_entries(before, [CATERPILLAR], renderer=RENDERER)
    assert result.text == before + CATERPILLAR_ZOTERO


COVARELLI = PaperRecord(
    title="Vector-Boson Scattering at the LHC: unravelling the Electroweak sector",
    authors=("Roberto Covarelli", "Mathieu Pellen", "Marco Zaro"),
    year=2021,
    venue="Int. J. Mod. Phys. A",
    published_venue="Int. J. Mod. Phys. A",
    arxiv="2102.10991",
    doi="10.1142/S0217751X2130009X",
    volume="36",
    number="16",
    pages="2130009",
    primary_class="hep-ph",
    citation_key="Covarelli:2021gyz",
)
COVARELLI_INSPIRE = """
@article{Covarelli:2021gyz,
      author         = "Covarelli, Roberto and Pellen, Mathieu and Zaro, Marco",
      title          = "{Vector-Boson Scattering at the LHC: unravelling the
                        Electroweak sector}",
      journal        = "Int. J. Mod. Phys. A",
      volume         = "36",
      year           = "2021",
      number         = "16",
      pages          = "2130009",
      doi            = "10.1142/S0217751X2130009X",
      eprint         = "2102.10991",
      archivePrefix  = "arXiv",
      primaryClass   = "hep-ph",
      SLACcitation   = "%%CITATION = ARXIV:2102.10991;%%"
}
"""


def test_older_inspire_file_gets_its_alignment_and_slac_citation_line():
    # INSPIRE's 2017 export: 6-space indent, "=" at column 21, quoted values, the title
    # in "{...}", "SLACcitation" made from the arXiv id; long values wrapped at 81
    # columns with the continuation under the value (its LaTeX-heavy lines run longer:
    # the width is the one that explains 90% of its lines and breaks). The golden first
    # kept the title on one line, from a first reading that found no width at all.
    before = fixture("inspire_vbs_review.bib")
    result = add_bibtex_entries(before, [COVARELLI], renderer=RENDERER)
    end = before.rstrip("\n")
    assert result.text == end + "\n" + COVARELLI_INSPIRE + before[len(end) + 1 :]


@pytest.mark.parametrize(
    ("name", "record", "key"),
    [
        ("krs_survey.bib", BROOKS, "Brooks1991"),
        ("zotero_blockchain_slr.bib", CATERPILLAR, "lopez-pintado_caterpillar_2019"),
        ("hepml_living_review.bib", ARAZ, "Araz:2026"),
        ("inspire_vbs_review.bib", COVARELLI, "Covarelli:2021"),
        (
            "kg_llm_survey_references.bib",
            PaperRecord(title="Attention Is All You Need", authors=("Ashish Vaswani",), year=2017),
            "vaswani2017attention",
        ),
    ],
    ids=["AuthorYear", "author_word_year", "Author:Year+inspire", "Author:Year", "google"],
)
def test_key_scheme_is_learnt_from_the_files_keys(name, record, key):
    assert scheme_key(fixture(name), record) == key


@pytest.mark.parametrize(
    ("record", "key"),
    [
        (
            PaperRecord(title="Attention Is All You Need", authors=("Ashish Vaswani",), year=2017),
            "vaswaniAttentionAllYou2017",
        ),
        (
            PaperRecord(
                title="Deep Learning for Anomaly Detection: A Survey",
                authors=("Raghavendra Chalapathy", "Sanjay Chawla"),
                year=2019,
            ),
            "chalapathyDeepLearningAnomaly2019",
        ),
    ],
    ids=["is-is-skipped", "for-is-skipped"],
)
def test_zotero_better_bibtex_keys_take_three_title_words(record, key):
    # xelav/insider-threat-survey-2020's Zotero export (Better BibTeX's default keys:
    # the surname, the title's first three words but its small ones, the year:
    # "saaudiInsiderThreatsDetection2019", "sanzgiriClassificationInsiderThreat2016").
    # Its new entries were keyed "vaswani2017attention", Google Scholar's way.
    assert scheme_key(fixture("zotero_bbt_insider_threat.bib"), record) == key


@pytest.mark.parametrize(
    ("name", "derivable"),
    [
        ("krs_survey.bib", True),
        ("zotero_blockchain_slr.bib", True),
        ("hepml_living_review.bib", False),
        ("inspire_vbs_review.bib", False),
    ],
)
def test_schemes_with_a_part_no_metadata_gives_are_flagged(name, derivable):
    style, _, _ = learn(fixture(name))
    assert style.keys.derivable is derivable


def test_hepml_upstream_commit_reversed_through_the_whole_batch():
    # Upstream commit 7a97d7f, both files: the .bib entry on top (dated comment) and the
    # key prepended inside the Estimation leaf's \cite{...} of HEPML.tex (keys newest
    # first, no space after the commas), through the batch plan as the bot runs it.
    from bot.batch.plan import plan_batch
    from bot.config import Config
    from bot.config.schema import BibtexTarget, PaperListTarget
    from bot.suggestions import PaperItem

    upstream_bib, bib = _hepml_without_araz()
    upstream_tex = fixture("hepml_living_review.tex")
    tex = upstream_tex.replace(
        "\\cite{Araz:2026img,Diefenbacher:2026kki,", "\\cite{Diefenbacher:2026kki,"
    )
    assert tex != upstream_tex
    config = Config(
        bibtex=BibtexTarget("HEPML.bib"),
        paper_list=PaperListTarget("HEPML.tex", "Uncertainty Quantification > Estimation"),
    )
    record = PaperRecord(**{**ARAZ.__dict__, "citation_key": "Araz:2026img"})
    plan = plan_batch(
        {"HEPML.bib": bib, "HEPML.tex": tex},
        config,
        [PaperItem(record)],
        dt.date(2026, 6, 16),
        renderer=RENDERER,
    )
    assert plan.files == {"HEPML.bib": upstream_bib, "HEPML.tex": upstream_tex}
    assert [item.record.arxiv for item in plan.added] == ["2606.13780"]


ALPHASTAR = PaperRecord(
    title="Grandmaster level in StarCraft II using multi-agent reinforcement learning",
    authors=("Oriol Vinyals", "Igor Babuschkin", "Wojciech M. Czarnecki"),
    year=2019,
    venue="Nature",
    published_venue="Nature",
    doi="10.1038/s41586-019-1724-z",
    volume="575",
    number="7782",
    pages="350-354",
)
# Written by hand from the excerpt's ten BibDesk entries (4-space indent, " = ",
# capitalised field names in alphabetical order, "Last, First" names, AuthorYY keys),
# which its BibDesk entries in lower case (5) and the Google Scholar ones (5) outnumber
# one by one: the entry is written in one of the file's ways, not a mix of all three.
# None of those articles carries a DOI or URL, so neither is added.
ALPHASTAR_BIBDESK = """
@article{Vinyals19,
    Author = {Vinyals, Oriol and Babuschkin, Igor and Czarnecki, Wojciech M.},
    Journal = {Nature},
    Number = {7782},
    Pages = {350--354},
    Title = {Grandmaster level in StarCraft II using multi-agent reinforcement learning},
    Volume = {575},
    Year = {2019}
}
"""


def test_file_of_mixed_tools_gets_an_entry_written_one_way():
    # syhw/RTS_AI_survey's survey.bib mixes BibDesk (tabs or 4 spaces, capitalised or
    # not), Google Scholar (2 spaces, "title={...}") and DBLP-aligned entries; a few of
    # its @article entries carry a booktitle as well. The new article gets one venue
    # field, and every name, space and position from the one way most entries share.
    before = fixture("rts_mixed_dialects.bib")
    result = add_bibtex_entries(before, [ALPHASTAR], renderer=RENDERER)
    assert result.text == before + ALPHASTAR_BIBDESK.lstrip("\n") + "\n"
