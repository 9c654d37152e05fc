"""The ``.bib`` editor: new entries written in the file's own conventions.

:mod:`.reading` (the file's entries and what they say), :mod:`.keys` (the key scheme),
:mod:`.style` (what a style is) learnt by :mod:`.learn` (:mod:`.learn_layout`,
:mod:`.learn_values`), :mod:`.fields` and :mod:`.values` (what a new entry holds and how
each value is written), :mod:`.place` and :mod:`.sections` (where it goes: the file's
order, or under its month's heading), :mod:`.editor` (the splice).
"""

from bot.editors.bibtex.editor import (
    BibIndex,
    add_bibtex_entries,
    keys_for,
    learn,
    render_entry,
    scheme_key,
)
from bot.editors.bibtex.keys import KeyScheme, key_parts, make_key
from bot.editors.bibtex.reading import read_blocks, unbrace
from bot.editors.bibtex.style import BibStyle

__all__ = [
    "BibIndex",
    "BibStyle",
    "KeyScheme",
    "add_bibtex_entries",
    "key_parts",
    "keys_for",
    "learn",
    "make_key",
    "read_blocks",
    "render_entry",
    "scheme_key",
    "unbrace",
]
