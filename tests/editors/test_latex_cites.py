"""A paper list kept as LaTeX \\item leaves citing keys: where a new key goes."""

from __future__ import annotations

import pytest

from bot.editors.latex_cites import add_citations
from bot.errors import EditError

TEX = r"""\section{Methods}
\begin{itemize}
\item \textbf{Tuning}
    \begin{itemize}
        \item Adapters~\cite{houlsby2019, pfeiffer2020}
        \item Prompts~\cite{lester2021}
    \end{itemize}
\item \textbf{Evaluation}
    \begin{itemize}
        \item Prompts~\cite{liang2022}
    \end{itemize}
\end{itemize}
"""


def test_key_goes_last_when_keys_run_oldest_first_with_the_lists_spacing():
    result = add_citations(TEX, ["hu2022"], "Adapters")
    assert result.text == TEX.replace("pfeiffer2020}", "pfeiffer2020, hu2022}")
    assert result.changes == ("cite hu2022 in 'Methods > Tuning > Adapters' (last)",)


def test_a_repeated_label_is_named_by_its_parents():
    with pytest.raises(EditError, match=r"'Methods > Tuning > Prompts'.*Parent > Item"):
        add_citations(TEX, ["x2023"], "Prompts")
    result = add_citations(TEX, ["x2023"], "Evaluation > Prompts")
    assert result.text == TEX.replace("{liang2022}", "{liang2022, x2023}")


def test_unknown_item_and_key_already_there():
    with pytest.raises(EditError, match=r"no list item 'Agents'.*'Adapters'"):
        add_citations(TEX, ["x2023"], "Agents")
    again = add_citations(TEX, ["lester2021"], "Tuning > Prompts")
    assert again.text == TEX and "already cited" in again.skipped[0].why
