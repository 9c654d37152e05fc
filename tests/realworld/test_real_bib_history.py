"""Real maintainers' .bib additions replayed: the parent file, the paper's record, and
the entry the maintainer added as the expected answer.

Each fixture is an excerpt of the parent commit's file (fixtures/SOURCES.md); the record
holds what a metadata service gives for the paper (the entry's own values in plain
text); the expected entry is the maintainer's, copied from the commit, less what no
record holds (said at each case).
"""

from __future__ import annotations

from pathlib import Path

from bot.editors.bibtex import add_bibtex_entries
from bot.models import PaperRecord
from tests.conftest import RENDERER

FIXTURES = Path(__file__).parent / "fixtures"


def fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


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
