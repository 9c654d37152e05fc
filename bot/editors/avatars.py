"""Who an HTML block of people shows (the all-contributors table, a row of linked
avatars): their GitHub logins and names, so that a reader already there is not thanked
a second time in a sentence below it.

A profile link (``<a href="https://github.com/login">``) gives a login; an image's alt
text and the bold caption under an avatar (``<sub><b>Stefano Barison</b></sub>``) give
names. A contrib.rocks image (``<img src="https://contrib.rocks/image?repo=...">``) is
drawn by that service from the repository's committers: nobody it shows is in the file,
so nobody is known to be thanked by it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.editors.common import name_key
from bot.editors.name_lists import LOGIN
from bot.suggestions import Thanks

_PROFILE = re.compile(rf"""\bhref\s*=\s*["']https?://github\.com/({LOGIN})/?["']""", re.I)
_NAME = re.compile(r"""\balt\s*=\s*"([^"<>]+)"|\balt\s*=\s*'([^'<>]+)'|<b>([^<>]+)</b>""", re.I)


@dataclass(frozen=True)
class Avatars:
    logins: frozenset[str]  # lower-case: GitHub logins ignore case
    names: frozenset[str]  # name_key of each

    def show(self, person: Thanks) -> bool:
        """Whether ``person`` is among them, by login or by name."""
        return (person.login or "").lower() in self.logins or name_key(
            person.name or ""
        ) in self.names


def avatars(html: str) -> Avatars:
    """The people the HTML of ``html`` (a thanks section) shows."""
    names = {name_key(next(g for g in m.groups() if g)) for m in _NAME.finditer(html)}
    return Avatars(
        frozenset(login.lower() for login in _PROFILE.findall(html)), frozenset(names - {""})
    )
