"""A model or method named without its paper: "Please add Mixtral", "Missing: Qwen2.5".

Such an issue asks for a paper but gives nothing to look it up by. It gets a
``Suggestion(name=...)``: the resolver does not search for it (a name is not a
title) and the bot asks for a link or the title (needs-info), naming the listed
papers that carry the name, if any (``bot.matching``).

A name is what the request is about: the words right after "add", "include",
"missing" and the like, when they look like a model's or a method's name (a
digit, an inner capital or all capitals: ``GPT-4o``, ``DeepSeek-R1``, ``BLOOMZ``,
``Qwen2.5``), or any capitalised word the issue calls a model or method
("add the Mixtral model"), or the whole object of a short issue title ("Add
Mixtral").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# Verbs and labels that introduce what the reader wants added.
_ASK = (
    r"(?:add|adding|include|including|cover|covering|missing|missed|consider|list"
    r"|添加|补充|收录|加入)"
)
_TOKEN = r"[A-Za-z][\w.+\-]*"
_NAME_RUN = rf"{_TOKEN}(?:[ \t]++(?:\d[\w.\-]*|[A-Z][\w.+\-]*)){{0,2}}"
_AFTER_ASK = re.compile(
    rf"(?i:\b{_ASK}\b)[ \t]*+[:：]?[ \t]*+(?i:the[ \t]+|a[ \t]+)?(?P<name>{_NAME_RUN})"
    rf"(?P<kind>[ \t]+(?i:model|models|method|llm|llms|series|family|paper|papers))?"
)
_MODELISH = re.compile(r"\d|[a-z][A-Z]|^[A-Z]{3,}[\w\-]*$|^[A-Z][a-z]*-[A-Z0-9]")
_COMMON = frozenset(
    re.findall(
        r"\w+",
        "this that these those it them our my your his her their some more all any other "
        "new recent related relevant following papers paper work works section sections table "
        "figure chapter list repo repository link links code reference references citation "
        "english chinese python github readme thanks please survey surveys bibtex file files "
        "support feature features option options license tag tags category categories column "
        "badge badges star stars",
    )
)
MAX_NAMES = 5


def find_names(title: str, body: str) -> list[tuple[int, str]]:
    """(offset in ``title + "\\n\\n" + body``, name) of each model or method name asked for."""
    text = f"{title}\n\n{body}"
    found: dict[str, int] = {}
    for match in _AFTER_ASK.finditer(text):
        in_title = match.start() < len(title)
        loose = bool(match.group("kind")) or (in_title and len(title) <= 40)
        for pos, name in _listed(text, match):
            name = name.strip(" .,;:!?)")
            first = name.split()[0]
            if first.lower() in _COMMON or not first[0].isupper():
                break
            if not (_MODELISH.search(name) or loose):
                break
            found.setdefault(name, pos)
    return sorted((pos, name) for name, pos in found.items())[:MAX_NAMES]


# Names listed on: ", ", " and ", " & ", "和", "、" between them, on one line.
_AND = re.compile(
    r"(?:[ \t]*+,[ \t]*+(?:and[ \t]+)?|[ \t]++and[ \t]+|[ \t]*+[&和、][ \t]*+)"
    rf"(?P<name>{_NAME_RUN})"
)


def _listed(text: str, first: re.Match[str]) -> Iterator[tuple[int, str]]:
    """The name after the ask and those listed after it: "GPT-4o, Gemini and DeepSeek-R1"."""
    yield first.start("name"), first.group("name")
    end = first.end("name")
    while (found := _AND.match(text, end)) is not None:
        yield found.start("name"), found.group("name")
        end = found.end()
