"""A class's sample acknowledgements are told from an author's own (bot.text.template_text)."""

from __future__ import annotations

import pytest

from bot.text.template_text import sample_text
from tests.realworld.sources import fixture


def _body(tex: str) -> str:
    return tex.split("\\begin{acks}", 1)[1].split("\\end{acks}", 1)[0]


@pytest.mark.parametrize(
    ("body", "why"),
    [
        # geneura-papers/uncertainty-in-EAs' gecco2018.tex, the GECCO sample as shipped
        (_body(fixture("gecco_sample_acks.tex")), "broken one a line"),
        # written after NeurIPS' and ICML's samples: instructions to the writer
        (
            "Use unnumbered first level headings for the acknowledgments. Do not include\n"
            "this section in the anonymized submission, only in the final paper.",
            "tells the writer",
        ),
        (
            "If a paper is accepted, the final camera-ready version can include them.",
            "'camera-ready'",
        ),
        # written after LLNCS' and IEEEtran's samples: placeholders
        ("This study was funded by X (grant number Y).", "placeholder"),
        ("Lorem ipsum dolor sit amet.", "'Lorem ipsum'"),
        ("The authors would like to thank...", "ellipsis"),
        ("We thank [names] for their help.", "'[names]'"),
    ],
)
def test_a_class_sample_is_no_thank_you(body, why):
    assert why in (sample_text(body) or "")


@pytest.mark.parametrize(
    "body",
    [
        "We thank Ana Alves and Bo Li for their comments.",
        "We thank the anonymous reviewers for their helpful comments.",
        # geneura-papers/uncertainty-in-EAs' survey.tex (3c1b7a72, line 61): funding, no
        # template (its comment, "ACTUALIZAD LOS NUEVOS", is no placeholder)
        "This work has been partially funded by projects TIN2014-56494-C4-3-P, "
        "TIN2015-67020-P and TIN2017-85727-C4-2-P (Spanish Ministry of Economy and "
        "Competitiveness and FEDER). %ACTUALIZAD LOS NUEVOS",
        # one word on a line now and then is a line break, not filler
        "We thank\\\\\nAna Alves.",
        "",
    ],
)
def test_the_authors_own_thanks_are_kept(body):
    assert sample_text(body) is None
