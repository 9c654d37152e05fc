"""The one LaTeX decoder: readable Unicode for BibTeX fields, ``.bbl`` items and titles.

Every LaTeX spelling reaches the rest of the bot through :func:`bot.text.latex.decode`;
the matcher's :func:`bot.text.normalize.fold` decodes with it too and then folds the
Unicode to ASCII, so a title spelled in LaTeX and the same title in Unicode compare
equal. Each row gives both views: what ``decode`` shows and what ``fold`` compares.
"""

from __future__ import annotations

import pytest

from bot.text.latex import decode
from bot.text.normalize import fold, title_key

# (id, LaTeX, decode(LaTeX), fold(LaTeX))
DECODED = [
    # links and citations: the link text stays, the URL and the citation go
    ("href", r"\href{https://x.org/a_b}{Link text}", "Link text", "Link text"),
    (
        "href-in-text",
        r"See \href{https://x.org}{the {BERT} page}",
        "See the BERT page",
        "See the BERT page",
    ),
    ("url", r"\url{https://x.org/a}", "https://x.org/a", "https://x.org/a"),
    ("cite", r"as in \cite{vaswani2017} here", "as in here", "as in here"),
    ("citep-optional", r"Models \citep[p.~3]{a,b}.", "Models .", "Models ."),
    ("citet", r"\citet{x} show", "show", "show"),
    ("label", r"Title\label{sec:x}", "Title", "Title"),
    # accents in every spelling
    ("umlaut-braced", r"Schr{\"o}dinger", "Schrödinger", "Schrodinger"),
    ("umlaut-arg", r"Schr\"{o}dinger", "Schrödinger", "Schrodinger"),
    ("umlaut-bare", r"Schr\"odinger", "Schrödinger", "Schrodinger"),
    ("acute", r"Caf\'e", "Café", "Cafe"),
    ("cedilla-arg", r"Fran\c{c}ois", "François", "Francois"),
    ("cedilla-space", r"Fran\c cois", "François", "Francois"),
    ("caron", r"{\v{C}}ernock{\'y}", "Černocký", "Cernocky"),
    ("dotless-i", r"Dess{\`\i}", "Dessì", "Dessi"),
    ("tilde-accent", r"Se\~nor", "Señor", "Senor"),
    # special letters and typographic ligatures
    ("eszett", r"Gr{\"o}{\ss}e", "Größe", "Grosse"),
    ("ae", r"{\ae}ther", "æther", "aether"),
    ("oe", r"{\OE}uvre", "Œuvre", "OEuvre"),
    ("o-slash", r"{\O}stergaard", "Østergaard", "Ostergaard"),
    ("l-stroke", r"{\L}ukasz", "Łukasz", "Lukasz"),
    ("a-ring", r"{\AA}ngstr{\"o}m", "Ångström", "Angstrom"),
    ("unicode-ligature", "Eﬃcient ﬁne-tuning", "Eﬃcient ﬁne-tuning", "Efficient fine-tuning"),
    # braces, escapes, spacing
    ("protective-braces", r"{BERT}: {P}re-training", "BERT: Pre-training", "BERT: Pre-training"),
    ("ampersand", r"Q\&A over 100\% of Data", "Q&A over 100% of Data", "Q&A over 100% of Data"),
    ("escapes", r"50\% \$5 \_x \#1", "50% $5 _x #1", "50% $5 _x #1"),
    ("escaped-braces", r"\{x\}", "{x}", "{x}"),
    ("tie", r"A.~Vaswani", "A. Vaswani", "A. Vaswani"),
    ("tilde-char", r"x \~{} y", "x ~ y", "x ~ y"),
    ("line-break", r"Deep\\Learning", "Deep Learning", "Deep Learning"),
    ("discretionary-hyphen", r"Bidirec\-tional", "Bidirectional", "Bidirectional"),
    ("thin-space", r"10\,000 Models", "10 000 Models", "10 000 Models"),
    ("skip", r"A\hspace{2em}B \vskip 3pt C", "AB C", "AB C"),
    # fonts and unknown commands keep their text
    (
        "font-commands",
        r"\emph{In} {\em italics} \textbf{bold}",
        "In italics bold",
        "In italics bold",
    ),
    ("unknown-command", r"\unknowncommand{kept}", "kept", "kept"),
    ("logos", r"\LaTeX{} and \BibTeX{} tools", "LaTeX and BibTeX tools", "LaTeX and BibTeX tools"),
    # dashes and quotes
    ("en-dash", "1--10", "1–10", "1-10"),
    ("em-dash", "A---B", "A—B", "A-B"),
    ("dash-command", r"A\textendash B", "A–B", "A-B"),
    ("quotes", "``quoted''", "“quoted”", '"quoted"'),
    # math
    ("greek", r"$\alpha$-Divergence", "α-Divergence", "alpha -Divergence"),
    ("greek-capital", r"PanGu-$\Sigma$", "PanGu-Σ", "PanGu- sigma"),
    ("greek-iota", r"$\iota$", "ι", "iota"),
    ("math-operator", r"$O(n \log n)$ Sorting", "O(n log n) Sorting", "O(n log n) Sorting"),
    ("math-symbol", r"$2\times$ Faster", "2× Faster", "2× Faster"),
    ("natexlab", r"2020\natexlab{a}", "2020a", "2020a"),
    ("plain", "  Attention\n is  all ", "Attention is all", "Attention is all"),
]


@pytest.mark.parametrize(
    ("raw", "decoded", "folded"),
    [row[1:] for row in DECODED],
    ids=[row[0] for row in DECODED],
)
def test_decode_and_fold(raw: str, decoded: str, folded: str) -> None:
    assert (decode(raw), fold(raw)) == (decoded, folded)


@pytest.mark.parametrize(
    ("raw", "decoded"), [row[1:3] for row in DECODED], ids=[row[0] for row in DECODED]
)
def test_a_latex_title_and_its_unicode_spelling_have_one_key(raw: str, decoded: str) -> None:
    assert title_key(raw) == title_key(decoded)
