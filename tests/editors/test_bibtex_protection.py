"""Capitals and hyphens in a new entry written as the file writes them (issue 11).

The files are short, in the shapes of real exports (the fixtures in tests/realworld
hold the real ones; these titles are shortened from theirs): Better BibTeX braces
every capitalised word of a title and of a booktitle, not of a journal, and the part
after a hyphen of the first word ("Image-{Based}"); Zotero's default export braces
acronyms and camel case only, so a compound like "Time-Dependent" stays bare; DBLP
braces the hyphen of a name; a file that writes its accents in LaTeX keeps to ASCII,
so a title's curly quotes become ``...'' there.
"""

from __future__ import annotations

import pytest

from bot.editors.bibtex import add_bibtex_entries
from bot.suggestions import PaperRecord
from tests.conftest import RENDERER

BETTER_BIBTEX = """\
@article{leggAutomatedInsiderThreat2017,
\ttitle = {Automated {Insider} {Threat} {Detection} {Using} {Role}-{Based} {Profiles}},
\tjournal = {IEEE Systems Journal},
\tauthor = {Legg, Philip A. and Buckley, Oliver},
\tyear = {2017},
}

@inproceedings{glasserBridgingGapPragmatic2013,
\ttitle = {Bridging the {Gap}: {A} {Pragmatic} {Approach} to {Insider} {Threat} {Data}},
\tbooktitle = {2013 {IEEE} {Security} and {Privacy} {Workshops}},
\tauthor = {Glasser, Joshua and Lindauer, Brian},
\tyear = {2013},
}

@article{chawlaSMOTESyntheticMinority2002,
\ttitle = {{SMOTE}: {Synthetic} {Minority} {Over}-sampling {Technique}},
\tjournal = {Journal of Artificial Intelligence Research},
\tauthor = {Chawla, N. V. and Bowyer, K. W.},
\tyear = {2002},
}
"""

ZOTERO = """\
@article{biswas_pobt_2020,
\ttitle = {{PoBT}: A Lightweight Consensus Algorithm for Scalable {IoT} Business Blockchain},
\tjournal = {IEEE Internet of Things Journal},
\tauthor = {Biswas, Sujit and Sharif, Kashif},
\tyear = {2020},
}

@article{henry_cross-collaboration_2021,
\ttitle = {Cross-Collaboration Processes based on Blockchain and {IoT}: a survey},
\tjournal = {Journal of Industrial Information Integration},
\tauthor = {Henry, Tiphaine and Laga, Nassim},
\tyear = {2021},
}
"""

DBLP = """\
@article{DBLP:journals/corr/abs-2112-11446,
  author       = {Jack W. Rae and
                  Po{-}Sen Huang},
  title        = {Scaling Language Models: Methods, Analysis {\\&} Insights from Training
                  Gopher},
  journal      = {CoRR},
  volume       = {abs/2112.11446},
  year         = {2021}
}

@article{DBLP:journals/corr/ChenFLVGDZ15,
  author       = {Xinlei Chen and
                  Tsung{-}Yi Lin},
  title        = {Microsoft {COCO} Captions: Data Collection and Evaluation Server},
  journal      = {CoRR},
  volume       = {abs/1504.00325},
  year         = {2015}
}
"""

JABREF = r"""@Article{Beetz2010,
  Title                    = {{CRAM} --- {A} {C}ognitive {R}obot {A}bstract {M}achine},
  Author                   = {Beetz, M. and M{\"o}senlechner, L.},
  Year                     = {2010}
}
"""


def added_lines(text: str, record: PaperRecord) -> list[str]:
    """The lines the new entry added (wherever the file's order put it)."""
    result = add_bibtex_entries(text, [record], renderer=RENDERER).text.split("\n")
    for line in text.split("\n"):
        result.remove(line)
    return result


@pytest.mark.parametrize(
    ("text", "record", "expected"),
    [
        pytest.param(
            BETTER_BIBTEX,
            PaperRecord(
                title="Attention-Based LSTM for Insider Threat Detection",
                authors=("Fangfang Yuan",),
                year=2019,
                venue="IEEE Transactions on Computational Social Systems",
                published_venue="IEEE Transactions on Computational Social Systems",
            ),
            [
                "\ttitle = {Attention-{Based} {LSTM} for {Insider} {Threat} {Detection}},",
                "\tjournal = {IEEE Transactions on Computational Social Systems},",
            ],
            id="better-bibtex-first-word-compound-and-bare-journal",
        ),
        pytest.param(
            ZOTERO,
            PaperRecord(
                title="Pupa: Smart Contracts for BPMN with Time-Dependent Events",
                authors=("Rodrigue Tonga Naha",),
                year=2022,
                venue="Business Process Management",
                published_venue="Business Process Management",
            ),
            ["\ttitle = {Pupa: Smart Contracts for {BPMN} with Time-Dependent Events},"],
            id="zotero-acronym-braced-compound-bare",
        ),
        pytest.param(
            DBLP,
            PaperRecord(
                title="A Survey of Large Language Models",
                authors=("Wayne Xin Zhao", "Jian-Yun Nie"),
                year=2023,
                arxiv="2303.18223",
            ),
            ["  author       = {Wayne Xin Zhao and", "                  Jian{-}Yun Nie},"],
            id="dblp-name-hyphen",
        ),
        pytest.param(
            JABREF,
            PaperRecord(
                title="Does the autistic child have a “theory of mind”?",
                authors=("Simon Baron-Cohen",),
                year=1985,
            ),
            ["  Title                    = {Does the autistic child have a ``theory of mind''?},"],
            id="latex-accents-tex-quotes",
        ),
    ],
)
def test_new_entry_protects_as_the_file_does(text, record, expected):
    lines = added_lines(text, record)
    for line in expected:
        assert line in lines, "\n".join(lines)
