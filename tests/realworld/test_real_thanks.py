"""Thanking a reader in real surveys' thank-you sentences and sections (Markdown, LaTeX).

The expected lines were written by hand from the files before the editor ran (see
fixtures/SOURCES.md and the research notes quoted in each test).
"""

from __future__ import annotations

from bot.editors.acknowledgements import add_acknowledgements
from bot.suggestions import Thanks
from tests.conftest import RENDERER
from tests.realworld.sources import fixture


def changed_lines(before: str, after: str) -> list[tuple[str, str]]:
    pairs = zip(before.split("\n"), after.split("\n"), strict=True)
    return [(a, b) for a, b in pairs if a != b]


def test_prompt_papers_we_thank_list_gets_a_linked_name_without_an_and():
    # thunlp/PromptPapers: "We thank [A](gh), [B](gh), [C](gh) , [D](gh), [E](gh) for the
    # paper recommendation." -- linked names, no "and", a stray " ," kept as it is. It
    # sits under "### Other contributors", which the default heading finds.
    before = fixture("prompt_papers_numbered.md")
    result = add_acknowledgements(before, [Thanks("jeffhj", "Jie Huang")], renderer=RENDERER)
    [(_, line)] = changed_lines(before, result.text)
    assert line == (
        "We thank [Yujia Qin](https://github.com/thuqinyj16), "
        "[Xiachong Feng](https://github.com/xcfcode), "
        "[Chenglei Si](https://github.com/NoviScl) , "
        "[Tianbao Xie](https://github.com/Timothyxxx), "
        "[Muhtasham Oblokulov](https://github.com/Muhtasham), "
        "[Jie Huang](https://github.com/jeffhj) for the paper recommendation."
    )


def test_hepml_moderators_sentence_in_the_introduction():
    # iml-wg/HEPML-LivingReview HEPML.tex: the thanks are part of an introduction
    # sentence, with no section of their own: the configured phrase finds them.
    before = fixture("hepml_living_review.tex")
    result = add_acknowledgements(
        before,
        [Thanks("", "John Andrew Raine")],
        renderer=RENDERER,
        path="HEPML.tex",
        phrase="the moderators",
    )
    [(_, line)] = changed_lines(before, result.text)
    assert line == (
        "This review was built with the help of the HEP-ML community, the INSPIRE REST "
        "API~\\cite{Moskovic:2021zjs}, and the moderators Benjamin Nachman, Matthew Feickert, "
        "Claudius Krause, Ramon Winterhalder, and John Andrew Raine."
    )


def test_empty_latex_acknowledgements_section_gets_one_sentence():
    # severin-lemaignan/krs-survey-paper: "\section*{Acknowledgements} " (with its trailing
    # space) and nothing under it but a blank line and a %%% rule.
    before = fixture("krs_survey.tex")
    result = add_acknowledgements(
        before, [Thanks("", "Emre Uğur")], renderer=RENDERER, path="krs-survey.tex"
    )
    old, new = before.split("\n"), result.text.split("\n")
    at = old.index("\\section*{Acknowledgements} ")
    assert new[: at + 1] == old[: at + 1] and new[at + 2 :] == old[at + 1 :]
    assert new[at + 1] == (
        "We sincerely thank the readers who suggested papers for this survey: Emre Uğur."
    )
    assert new[at + 3].startswith("%%%%")
