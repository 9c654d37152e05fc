"""Entries whose Markdown is broken: link forms, emphasis, a paper with no link.

Each check reads an entry's own text (``bot.lists``), with code spans and link
destinations left out, so that a ``*`` or a bracket inside a URL is not taken
for markup. Link repairs are mechanical (``audit --fix`` writes them); moving
emphasis marks is proposed for the maintainer to accept.
"""

from __future__ import annotations

import re

from bot.audit import findings as f
from bot.lists.document import Item, PaperList
from bot.models import Reference

# ``[[Paper]](url)``: the label's brackets closed before the link, where the file's
# other entries write ``[[Paper](url)]``.
_OUTSIDE = re.compile(r"\[\[([^\[\]\n]{1,40})\]\]\((\S+?)\)")
_INSIDE = re.compile(r"\[\[[^\[\]\n]{1,40}\]\(\S+?\)\]")
# ``[Paper] (url)``: a space between label and destination is no link at all.
_SPACED = re.compile(r"(\[[^\[\]\n]{1,200}\])[ \t]+(\(https?://[^\s()]+\))")
_CODE = re.compile(r"`[^`\n]*`")
_DESTINATION = re.compile(r"\]\(\s*[^)\s]*\s*\)|<https?://[^>\s]*>|https?://[^\s)*]+")
_MARKER = re.compile(r"^[ \t]*(?:\d{1,9}[.)]|[-*+])[ \t]+", re.M)
# ``S*ang Michael Xie et al*``: emphasis opened after the first letter of a word.
_INSIDE_WORD = re.compile(
    r"(?<![\w*\\])([^\W\d_])\*([^\W\d_]+)(?=[^*\n]*\s[^*\n]*\*(?!\*))"
)


def check_list(document: PaperList, source: str, papers: dict[int, Reference]) -> list[f.Finding]:
    """Malformed-entry findings of a Markdown file; ``papers`` are its references by line."""
    text = "\n".join(document.lines)
    # Only a slip where the file writes "[[Label](url)]" as often or more: a list written
    # "[[Paper]](url)" throughout has its own link style.
    inside_form = len(_INSIDE.findall(text)) >= max(1, len(_OUTSIDE.findall(text)))
    found = []
    for item in document.items:
        line = item.block.start + 1
        ref = papers.get(line)
        place = f.Place.of(ref) if ref is not None else f.Place.at(item, source)
        found += _links(item, place, inside_form)
        found += _emphasis(item, place)
    found += _missing_links(document, source, papers)
    return found


# The link repairs: what is wrong, and the written form that is right.
_LINK_REPAIRS = (
    (
        _OUTSIDE,
        "the label's brackets close before the link",
        lambda m: f"[[{m.group(1)}]({m.group(2)})]",
    ),
    (_SPACED, "not a link: a space between the label and the address", lambda m: m[1] + m[2]),
)


def _links(item: Item, place: f.Place, outside: bool) -> list[f.Finding]:
    found = []
    for pattern, problem, right in _LINK_REPAIRS:
        if pattern is _OUTSIDE and not outside:
            continue  # the file's own link style
        for match in pattern.finditer(item.text):
            new = right(match)
            found.append(
                f.Finding(
                    f.MALFORMED,
                    f"link written {match.group(0)!r}: {problem}",
                    (place,),
                    proposal=f"write it {new!r}",
                    fixes=(_fix(item, place, match.group(0), new, mechanical=True),),
                )
            )
    return found


def _emphasis(item: Item, place: f.Place) -> list[f.Finding]:
    text = _MARKER.sub("", _DESTINATION.sub("](", _CODE.sub("", item.text)))
    text = text.replace("\\*", "")
    found = []
    strong = text.count("**")
    single = text.replace("**", "").count("*")
    if strong % 2 or single % 2:
        mark = "**" if strong % 2 else "*"
        found.append(
            f.Finding(
                f.MALFORMED,
                f"unbalanced emphasis: a {mark!r} without its pair",
                (place,),
                proposal=f"add the missing {mark!r} (or remove the lone one)",
            )
        )
    for match in _INSIDE_WORD.finditer(text):
        letter, rest = match.group(1), match.group(2)
        old = f"{letter}*{rest}"
        found.append(
            f.Finding(
                f.MALFORMED,
                f"emphasis opens inside a word: {old!r}",
                (place,),
                proposal=f"open it before the word: {'*' + letter + rest!r}",
                fixes=(_fix(item, place, old, f"*{letter}{rest}", mechanical=False),),
            )
        )
    return found


def _missing_links(
    document: PaperList, source: str, papers: dict[int, Reference]
) -> list[f.Finding]:
    """Papers with no link and no identifier in a list whose other papers have one."""
    found = []
    for index in range(len(document.containers)):
        refs = [papers[i.block.start + 1] for i in document.in_container(index)
                if i.block.start + 1 in papers]
        bare = [r for r in refs if not (r.urls or r.arxiv or r.doi)]
        if not bare or len(bare) * 2 >= len(refs):
            continue  # a list that does not link its papers has its own style
        for ref in bare:
            found.append(
                f.Finding(
                    f.MALFORMED,
                    f"{ref.title!r} has no link and no identifier, unlike the others in its list",
                    (f.Place.of(ref),),
                    proposal="add the paper's arXiv, DOI or publisher link",
                )
            )
    return found


def _fix(item: Item, place: f.Place, old: str, new: str, *, mechanical: bool) -> f.Fix:
    return f.Fix(place.source, place.line, old, new, mechanical, item.block.end + 1)

