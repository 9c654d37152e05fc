"""The bundled example survey (``examples/llm-survey``) and the paper the tests add to it.

Import it from any test as ``from tests.example_survey import EXAMPLE``. OctoPack is not
in the example yet; ``OCTOPACK_LINE`` and ``OCTOPACK_BIB`` are exactly what the editors
write for it there (the README list line, the BibTeX entry appended to the .bib file),
so the ``add`` command and the batch compare against the same expected text.
"""

from __future__ import annotations

from pathlib import Path

from bot.suggestions import PaperRecord

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "llm-survey"

OCTOPACK = PaperRecord(
    title="OctoPack: Instruction Tuning Code Large Language Models",
    authors=("Niklas Muennighoff", "Qian Liu"),
    year=2023,
    arxiv="2308.07124",
    source="arxiv",
)
OCTOPACK_LINE = (
    '1. **"OctoPack: Instruction Tuning Code Large Language Models"**. '
    "*Niklas Muennighoff et al*. arXiv 2023. [[Paper](https://arxiv.org/abs/2308.07124)]"
)
OCTOPACK_BIB = """
@article{muennighoff2023octopack,
  author        = {Muennighoff, N. and
                   Liu, Q.},
  title         = {OctoPack: Instruction Tuning Code Large Language Models},
  journal       = corr,
  volume        = {abs/2308.07124},
  year          = {2023},
  url           = {http://arxiv.org/abs/2308.07124},
  archivePrefix = {arXiv},
  eprint        = {2308.07124}
}
"""


def epilogue_thanking(name: str) -> str:
    """The example's LaTeX epilogue with ``name`` thanked by hand, as a maintainer would."""
    text = (EXAMPLE / "paper" / "epilogue.tex").read_text(encoding="utf-8")
    return text.replace("Kevin Gray, and Jay Alammar.", f"Kevin Gray, Jay Alammar, and {name}.")
