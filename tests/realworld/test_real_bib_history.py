"""Real maintainers' .bib additions replayed: the parent file, the paper's record, and
the entry the maintainer added as the expected answer.

Each fixture is an excerpt of the parent commit's file (fixtures/SOURCES.md); the record
holds what a metadata service gives for the paper (the entry's own values in plain
text); the expected entry is the maintainer's, copied from the commit, less what no
record holds (said at each case).
"""

from __future__ import annotations

import pytest

from bot.editors.bibtex import add_bibtex_entries
from bot.suggestions import PaperRecord
from tests.conftest import RENDERER
from tests.realworld.sources import fixture

RAMIREZ_URIBE = PaperRecord(
    title="Quantum algorithm for Feynman loop integrals",
    # As INSPIRE lists them: "Vale Silva" is one surname.
    authors=(
        "Selomit Ramírez-Uribe",
        "Andrés E. Rentería-Olivo",
        "Germán Rodrigo",
        "German F. R. Sborlini",
        "Vale Silva, Luiz",
    ),
    year=2022,
    venue="JHEP",
    published_venue="JHEP",
    arxiv="2105.08703",
    doi="10.1007/JHEP05(2022)100",
    volume="05",
    pages="100",
    primary_class="hep-ph",
    citation_key="Ramirez-Uribe:2021ubp",
    kind="article",
)
# PamelaPajarillo/HEPQIS-LivingReview commit 8040cf3c3c, less its reportNumber line
# (INSPIRE's report numbers are in no record). The file writes accents bare
# (Timoth\'ee) and the dotless i as \'\i{}: "Ram\'\irez" would be a command \irez.
RAMIREZ_URIBE_INSPIRE = """
@article{Ramirez-Uribe:2021ubp,
    author = "Ram\\'\\i{}rez-Uribe, Selomit and Renter\\'\\i{}a-Olivo, Andr\\'es E. and \
Rodrigo, Germ\\'an and Sborlini, German F. R. and Vale Silva, Luiz",
    title = "{Quantum algorithm for Feynman loop integrals}",
    eprint = "2105.08703",
    archivePrefix = "arXiv",
    primaryClass = "hep-ph",
    doi = "10.1007/JHEP05(2022)100",
    journal = "JHEP",
    volume = "05",
    pages = "100",
    year = "2022"
}

"""


def test_inspire_dotless_i_before_a_letter_is_closed():
    # The maintainer put it last under "##### 2021 May #####"; in this excerpt that
    # section is the file's last, so the end of the file is the same place.
    before = fixture("hepqis_month_sections.bib")
    result = add_bibtex_entries(before, [RAMIREZ_URIBE], renderer=RENDERER)
    assert result.text == before + RAMIREZ_URIBE_INSPIRE.lstrip("\n")


LIM = PaperRecord(
    title="Ontology-based unified robot knowledge for service robots in indoor environments",
    authors=("Gi Hyun Lim", "Il Hong Suh", "Hyowon Suh"),
    year=2011,
    venue="IEEE Transactions on Systems, Man and Cybernetics",
    published_venue="IEEE Transactions on Systems, Man and Cybernetics",
    number="99",
    pages="1-18",
    publisher="IEEE",
    kind="article",
)
# severin-lemaignan/krs-survey-paper commit f624b25d3a, as the maintainer added it.
LIM_JABREF25 = """@ARTICLE{Lim2011,
  author = {Lim, G.H. and Suh, I.H. and Suh, H.},
  title = {Ontology-based unified robot knowledge for service robots in indoor
\tenvironments},
  journal = {IEEE Transactions on Systems, Man and Cybernetics},
  year = {2011},
  pages = {1--18},
  number = {99},
  publisher = {IEEE}
}

"""


def test_jabref25_wraps_past_its_width_with_a_tab():
    # JabRef 2.5 wraps a value at the first space past 65 characters from its brace
    # (a continuation line counts from its tab): "indoor" ends past the width, so
    # "environments" goes to the next line, after one tab. Sorted by authors: before Lin.
    before = fixture("jabref25_krs_wrapped.bib")
    result = add_bibtex_entries(before, [LIM], renderer=RENDERER)
    at = before.index("@CONFERENCE{Lin2010,")
    assert result.text == before[:at] + LIM_JABREF25 + before[at:]


AFIK = PaperRecord(
    title="Quantum discord and steering in top quarks at the LHC",
    authors=("Afik, Yoav", "de Nova, Juan Ramón Muñoz"),
    year=2022,
    venue="arXiv",
    arxiv="2209.03969",
    primary_class="quant-ph",
    month=9,
    citation_key="Afik:2022dgh",
)
KRESHCHUK = PaperRecord(
    title="Quantum simulation of quantum field theory in the light-front formulation",
    authors=(
        "Kreshchuk, Michael",
        "Kirby, William M.",
        "Goldstein, Gary",
        "Beauchemin, Hugo",
        "Love, Peter J.",
    ),
    year=2022,
    venue="Phys. Rev. A",
    published_venue="Phys. Rev. A",
    arxiv="2002.04016",
    doi="10.1103/PhysRevA.105.032418",
    volume="105",
    number="3",
    pages="032418",
    primary_class="quant-ph",
    citation_key="Kreshchuk:2020dla",
    kind="article",
)
ARGUELLES = PaperRecord(
    title="Neutrino Oscillations in a Quantum Processor",
    authors=("Argüelles, C. A.", "Jones, B. J. P."),
    year=2019,
    venue="Phys. Rev. Research.",
    published_venue="Phys. Rev. Research.",
    arxiv="1904.10559",
    doi="10.1103/PhysRevResearch.1.033176",
    volume="1",
    pages="033176",
    primary_class="quant-ph",
    citation_key="Arguelles:2019phs",
    kind="article",
)
# PamelaPajarillo/HEPQIS-LivingReview commit 83bdcb5993, as the maintainer added them
# (nine papers in one commit; these three, one at a time).
AFIK_INSPIRE = """##### 2022 September #####
@article{Afik:2022dgh,
    author = "Afik, Yoav and de Nova, Juan Ram\\'on Mu\\~noz",
    title = "{Quantum discord and steering in top quarks at the LHC}",
    eprint = "2209.03969",
    archivePrefix = "arXiv",
    primaryClass = "quant-ph",
    month = "9",
    year = "2022"
}

"""
KRESHCHUK_INSPIRE = """##### 2020 February #####
@article{Kreshchuk:2020dla,
    author = "Kreshchuk, Michael and Kirby, William M. and Goldstein, Gary and \
Beauchemin, Hugo and Love, Peter J.",
    title = "{Quantum simulation of quantum field theory in the light-front formulation}",
    eprint = "2002.04016",
    archivePrefix = "arXiv",
    primaryClass = "quant-ph",
    doi = "10.1103/PhysRevA.105.032418",
    journal = "Phys. Rev. A",
    volume = "105",
    number = "3",
    pages = "032418",
    year = "2022"
}

"""
ARGUELLES_INSPIRE = """@article{Arguelles:2019phs,
    author = {Arg\\"uelles, C. A. and Jones, B. J. P.},
    title = "{Neutrino Oscillations in a Quantum Processor}",
    eprint = "1904.10559",
    archivePrefix = "arXiv",
    primaryClass = "quant-ph",
    doi = "10.1103/PhysRevResearch.1.033176",
    journal = "Phys. Rev. Research.",
    volume = "1",
    pages = "033176",
    year = "2019"
}

"""


@pytest.mark.parametrize(
    ("record", "entry", "before"),
    [
        # A month newer than every heading: a heading of its own on top, written as
        # the others are.
        (AFIK, AFIK_INSPIRE, "##### 2022 July #####"),
        # A month between two headings: its heading goes between them.
        (KRESHCHUK, KRESHCHUK_INSPIRE, "##### 2019 November #####"),
        # A month with a heading: last under it. Its author value holds an umlaut
        # written G\"o-style, which would end a quoted value: INSPIRE braces it.
        (ARGUELLES, ARGUELLES_INSPIRE, "##### 2019 March #####"),
    ],
    ids=["new-month-on-top", "new-month-between", "last-under-its-month"],
)
def test_living_review_files_a_paper_under_its_arxiv_month(record, entry, before):
    text = fixture("hepqis_new_month_headings.bib")
    result = add_bibtex_entries(text, [record], renderer=RENDERER)
    at = text.index(before)
    assert result.text == text[:at] + entry + text[at:]


CHATURVEDI = PaperRecord(
    title="Analyzing Semantic Faithfulness of Language Models via Input Intervention on "
    "Question Answering",
    authors=(
        "Chaturvedi, Akshay",
        "Saha, Soumadeep",
        "Asher, Nicholas",
        "Bhar, Swarnadeep",
        "Garain, Utpal",
    ),
    year=2023,
    venue="Computational Linguistics",
    published_venue="Computational Linguistics",
    doi="10.1162/coli_a_00493",
    kind="article",
)


def test_file_of_many_exports_gets_a_sane_entry():
    # GU-CLASP/language-and-perception commit 1f2662fd78: the maintainer pasted MIT
    # Press's export (4 spaces, a DOI for a key, abstract, ISSN, PDF link) on top of a
    # file that holds seven tools' exports. No one layout is the maintainer's to match,
    # so this checks what must hold whatever the layout: arXiv's DataCite entries put a
    # blank line after every field, which is double spacing, not JabRef's second group
    # (the entry came out as 'journal', a blank line, then the rest); and their keys
    # (https://doi.org/10.48550/arxiv.<id>) name a paper by its arXiv id, which this
    # journal paper lacks (its key came out 'anon'): Google Scholar's key names it.
    before = fixture("mixed_exports_reading_group.bib")
    result = add_bibtex_entries(before, [CHATURVEDI], renderer=RENDERER)
    entry = result.text[len(before.rstrip("\n")) :].strip("\n").split("\n")
    assert entry[0] == "@article{chaturvedi2023analyzing,"
    assert all(line.strip() for line in entry)


PAPADIMITRIOU = PaperRecord(
    title="Injecting structural hints: Using language models to study inductive biases in "
    "language learning",
    authors=("Isabel Papadimitriou", "Dan Jurafsky"),
    year=2023,
    month=12,
    venue="Findings of the Association for Computational Linguistics: EMNLP 2023",
    published_venue="Findings of the Association for Computational Linguistics: EMNLP 2023",
    doi="10.18653/v1/2023.findings-emnlp.563",
    url="https://aclanthology.org/2023.findings-emnlp.563",
    pages="8402-8413",
    publisher="Association for Computational Linguistics",
    kind="inproceedings",
)
# GU-CLASP/language-and-perception commit 7854ea14dc, less its editor, address and
# abstract (no record holds them).
PAPADIMITRIOU_ACL = """@inproceedings{papadimitriou-jurafsky-2023-injecting,
    title = "Injecting structural hints: Using language models to study inductive biases in \
language learning",
    author = "Papadimitriou, Isabel  and
      Jurafsky, Dan",
    booktitle = "Findings of the Association for Computational Linguistics: EMNLP 2023",
    month = dec,
    year = "2023",
    publisher = "Association for Computational Linguistics",
    url = "https://aclanthology.org/2023.findings-emnlp.563",
    doi = "10.18653/v1/2023.findings-emnlp.563",
    pages = "8402--8413",
}
"""


def test_acl_et_al_keys_name_two_authors_by_both():
    # The file's ACL Anthology keys are "-etal-" for three authors and more
    # (zhou-etal-2023-navigating, ebert-etal-2022-trajectories); the Anthology names two
    # authors by both surnames (brunila-laviolette-2022-company, one key in the file, too
    # few to learn from alone). The maintainer put the entry on top, as the last two
    # additions were; nothing in the file says so (it is in no order): it goes last.
    before = fixture("mixed_exports_acl_keys.bib")
    result = add_bibtex_entries(before, [PAPADIMITRIOU], renderer=RENDERER)
    # (after the file's last entry, its trailing blank line kept last)
    assert result.text == before + PAPADIMITRIOU_ACL + "\n"


HADFIELD = PaperRecord(
    title="An Economy of AI Agents",
    authors=("Gillian K. Hadfield", "Andrew Koh"),
    year=2025,
    venue="arXiv",
    arxiv="2509.01063",
    url="https://arxiv.org/abs/2509.01063",
)
# Generative-Engine-Marketing/Awesome-GEM-research commit f173e2918a, as added.
HADFIELD_GEM = """@article{hadfield2025economy,
  title   = {An Economy of AI Agents},
  author  = {Hadfield, Gillian K. and Koh, Andrew},
  journal = {arXiv preprint arXiv:2509.01063},
  year    = {2025},
  url     = {https://arxiv.org/abs/2509.01063}
}

"""


def test_list_by_year_with_the_surveys_own_paper_on_top():
    # The survey's own KDD '26 paper heads a list otherwise by year, oldest first. The
    # entry goes where it leaves the fewest entries out of order: after the last 2025
    # paper (it went on top, before the 2026 paper). The maintainer grouped this commit's
    # five "agent economy" papers after the 2023 ones, out of the year order.
    before = fixture("gem_by_year_own_paper_first.bib")
    result = add_bibtex_entries(before, [HADFIELD], renderer=RENDERER)
    at = before.index("@article{xu2026ad,")
    assert result.text == before[:at] + HADFIELD_GEM + before[at:]


ROSEN_ZVI = PaperRecord(
    title="The author-topic model for authors and documents",
    authors=("Michal Rosen-Zvi", "Thomas Griffiths", "Mark Steyvers", "Padhraic Smyth"),
    year=2004,
    venue="Proceedings of the 20th conference on Uncertainty in artificial intelligence",
    published_venue="Proceedings of the 20th conference on Uncertainty in artificial intelligence",
    pages="487-494",
    kind="inproceedings",
)
# jethrokuan/lda-survey commit 19ac83c989, less its organization (no record holds it).
ROSEN_ZVI_GOOGLE = """@inproceedings{rosen2004author,
  title={The author-topic model for authors and documents},
  author={Rosen-Zvi, Michal and Griffiths, Thomas and Steyvers, Mark and Smyth, Padhraic},
  booktitle={Proceedings of the 20th conference on Uncertainty in artificial intelligence},
  pages={487--494},
  year={2004}
}"""


def test_google_scholar_key_names_a_compound_surname_by_its_first_word():
    # Google Scholar keys a compound surname by its first word (rosen2004author,
    # sohl2015deep, mac2013categories); none of the file's keys says otherwise (no first
    # author of its has one), so its scheme is Scholar's. The entry goes last, as the
    # maintainer put it (the file is in no order).
    before = fixture("lda_survey_google_keys.bib")
    result = add_bibtex_entries(before, [ROSEN_ZVI], renderer=RENDERER)
    kept = before.rstrip("\n")
    assert result.text.startswith(kept)
    assert result.text[len(kept) :].strip("\n") == ROSEN_ZVI_GOOGLE


LIN = PaperRecord(
    title="A structured self-attentive sentence embedding",
    # as the maintainer's entry names them (Google Scholar's "Santos, Cicero Nogueira dos")
    authors=(
        "Lin, Zhouhan",
        "Feng, Minwei",
        "Santos, Cicero Nogueira dos",
        "Yu, Mo",
        "Xiang, Bing",
        "Zhou, Bowen",
        "Bengio, Yoshua",
    ),
    year=2017,
    venue="arXiv",
    arxiv="1703.03130",
)
# d2l-ai/d2l-en commit 6ec2b037dc, as the maintainer added it.
LIN_EMACS = """@Article{\t  Lin.Feng.Santos.ea.2017,
  title\t\t= {A structured self-attentive sentence embedding},
  author\t= {Lin, Zhouhan and Feng, Minwei and Santos, Cicero Nogueira
\t\t  dos and Yu, Mo and Xiang, Bing and Zhou, Bowen and Bengio,
\t\t  Yoshua},
  journal\t= {arXiv preprint arXiv:1703.03130},
  year\t\t= {2017}
}

"""


def test_emacs_bibtex_mode_columns_are_reached_with_tabs():
    # Emacs's BibTeX mode (indent-tabs-mode on) puts the key, each "=" and each
    # continuation line at a fixed column, reached with tabs as far as they go: "title"
    # takes two tabs to column 16, "author" one; the key and the continuation lines sit
    # at column 18 (tabs, then two spaces). Counted without expanding the tabs, nothing
    # lines up, and the entry came out "title<tab>=" with four-space continuations.
    before = fixture("d2l_emacs_tab_columns.bib")
    result = add_bibtex_entries(before, [LIN], renderer=RENDERER)
    at = before.index("@InProceedings{\t  Lin.Goyal.Girshick.ea.2017,")
    assert result.text == before[:at] + LIN_EMACS + before[at:]


PAULUS = PaperRecord(
    title="A deep reinforced model for abstractive summarization",
    authors=("Paulus, Romain", "Xiong, Caiming", "Socher, Richard"),
    year=2017,
    venue="arXiv",
    arxiv="1705.04304",
)
# d2l-ai/d2l-en commit 6ec2b037dc, as the maintainer added it.
PAULUS_EMACS = """@Article{\t  Paulus.Xiong.Socher.2017,
  title\t\t= {A deep reinforced model for abstractive summarization},
  author\t= {Paulus, Romain and Xiong, Caiming and Socher, Richard},
  journal\t= {arXiv preprint arXiv:1705.04304},
  year\t\t= {2017}
}

"""


def test_keys_of_three_authors_are_told_from_keys_of_more():
    # d2l's keys name up to three authors and add "ea" only for more
    # (Pennington.Socher.Manning.2014, Park.Liu.Wang.ea.2019): three authors and four are
    # two schemes, not one (the paper came out Paulus.Xiong.Socher.ea.2017, the "ea" of
    # the excerpt's five longer author lists outvoting its three keys of three names).
    before = fixture("d2l_three_author_keys.bib")
    result = add_bibtex_entries(before, [PAULUS], renderer=RENDERER)
    at = before.index("@InProceedings{\t  Pennington.Schoenholz.Ganguli.2017,")
    assert result.text == before[:at] + PAULUS_EMACS + before[at:]
