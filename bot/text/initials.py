"""Given names as initials, the way a bibliography or a paper list abbreviates them.

Shared by the BibTeX editor (``Lovelace, A.`` in a file of initials) and the paper-list
editor (``A. Lovelace et al.`` in a list that writes its people so).
"""

from __future__ import annotations

import re


def initialled(given: str, spacing: str = " ") -> str:
    """``Rodney A.`` -> ``R. A.`` (or ``R.A.`` with ``spacing`` ""); ``Jean-Pierre`` ->
    ``J.-P.``."""
    parts = []
    for word in re.split(r"\s+|(?<=\.)(?=\w)", given):
        pieces = [p for p in word.split("-") if p]
        if pieces:
            parts.append("-".join(f"{p[0].upper()}." for p in pieces))
    return spacing.join(parts)
