"""What a reference loader returns: a file's references and the entries it skipped.

Its own module, apart from ``common``'s helpers, because ``survey-bot check`` with
a current index cache parses no file: it imports ``common`` but does not create
this class at every start.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.models import Reference, Skipped


@dataclass(frozen=True)
class ParseResult:
    """The references a file yielded, and the entries it had to skip (with where and why).

    ``not_papers`` are a paper list's other items (tools, repositories, posts):
    read fine, but not references, so not ``skipped`` as broken entries are.
    """

    references: tuple[Reference, ...] = ()
    skipped: tuple[Skipped, ...] = ()
    not_papers: tuple[Skipped, ...] = ()
