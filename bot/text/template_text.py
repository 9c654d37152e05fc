"""A document class's sample text, left as it shipped: no thank-you of the authors.

Survey repositories often keep a conference's template beside their paper
(geneura-papers/uncertainty-in-EAs keeps GECCO's acmart sample, ``gecco2018.tex``, with
its anonymous authors and acknowledgements reading "the support of grants\\\\ taking\\\\
this\\\\ much\\\\ space"). A reader thanked there would be thanked in text nobody will
publish. Sample text gives itself away in one of three ways, whatever the class:

- it tells the writer what to put there ("Use unnumbered first level headings for the
  acknowledgments ... Do not include this section in the anonymized submission", NeurIPS;
  "place such acknowledgements in an unnumbered section", ICML);
- it holds placeholders ("lorem ipsum", "funded by X (grant number Y)", LLNCS; "The
  authors would like to thank...", IEEEtran, trailing off);
- its words are broken one a line to show the space the section takes ("grants\\\\
  taking\\\\ this\\\\ much\\\\ space").
"""

from __future__ import annotations

import re

# Words addressed to the paper's writer, about the section itself.
_INSTRUCTIONS = re.compile(
    r"\backnowledge?ments?\s+(?:go|goes|should|must|can|may)\b|\bthis\s+section\b"
    r"|\bdo\s+not\s+include\b|\bcamera[- ]ready\b|\buse\s+unnumbered\b"
    r"|\b(?:put|place|insert|add)\s+(?:such|your|the)\s+acknowledg"
    r"|\b(?:blind|anonymi[sz]ed)\s+(?:review|submission|version)\b",
    re.IGNORECASE,
)
_PLACEHOLDER = re.compile(
    r"\blorem\s+ipsum\b|\b(?:grant\s+(?:number|no\.?)|funded\s+by)\s+[XYZ]\b"
    r"|\bX{3,}\b|[\[<](?:your\s+)?(?:name|names|grant|funding|agency)[^\]>\n]*[\]>]",
    re.IGNORECASE,
)
_TRAILING_OFF = re.compile(r"(?:\.\.\.|\\ldots(?:\{\})?|…)\s*$")
# A line of one word ended by a line break ("taking\\"): three in a row fill space.
_ONE_WORD_LINE = re.compile(r"^\s*[^\W\d_]+\s*\\\\\s*$")
_FILLER_RUN = 3


def sample_text(body: str) -> str | None:
    """Why a section's body is a class's sample text rather than its authors', or None."""
    text = "\n".join(re.sub(r"(?<!\\)%.*", "", line) for line in body.splitlines())
    run = longest = 0
    for line in text.splitlines():
        run = run + 1 if _ONE_WORD_LINE.match(line) else 0
        longest = max(longest, run)
    if longest >= _FILLER_RUN:
        return "its words are broken one a line to show the space it takes"
    if found := _INSTRUCTIONS.search(text):
        return f"it tells the writer what to put there ({found.group(0)!r})"
    if found := _PLACEHOLDER.search(text):
        return f"it holds a placeholder ({found.group(0)!r})"
    if text.strip() and _TRAILING_OFF.search(text):
        return "it trails off in an ellipsis"
    return None
