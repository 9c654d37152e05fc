"""Slash commands in an issue comment -> typed commands. Pure: text in, values out.

A command is a line that starts (after at most three spaces) with ``/name``.
Lines inside fenced code blocks, block quotes (``>``) and HTML comments are not
commands, so quoting someone else's ``/accept`` never runs it::

    /accept [all | 1,3 | 2-4] [section: "Heading"]
    /reject [reason]
    /recheck
    /thank @login [as "Full Name"]
    /help

Arguments that do not parse give a ``MalformedCommand`` and an unknown ``/foo``
an ``UnknownCommand``, so that the reply can explain and point at ``/help``.
At most ``MAX_COMMANDS`` commands are read from one comment.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.text.escaping import clean_text

MAX_COMMANDS = 10
MAX_RANGE = 100  # "/accept 1-100000" is a typo, not a request
MAX_TEXT = 300  # section, reason and name are clipped to this many characters


@dataclass(frozen=True)
class Accept:
    """Accept papers (1-based positions in the triage comment; None: every new paper)."""

    papers: tuple[int, ...] | None = None
    section: str | None = None


@dataclass(frozen=True)
class Reject:
    reason: str | None = None


@dataclass(frozen=True)
class Recheck:
    pass


@dataclass(frozen=True)
class Thank:
    """Credit ``login`` in the acknowledgements, as ``name`` when given."""

    login: str
    name: str | None = None


@dataclass(frozen=True)
class Help:
    pass


@dataclass(frozen=True)
class UnknownCommand:
    name: str


@dataclass(frozen=True)
class MalformedCommand:
    """A known command whose arguments do not parse.

    ``problem`` is a code the reply template words (``PROBLEMS``); ``detail``
    is the offending text, if any.
    """

    name: str
    problem: str
    detail: str = ""


PROBLEMS = {
    "accept-selection": "a paper number or range that does not parse, or 0",
    "accept-section": "section: without a heading",
    "thank-login": "/thank without an @login",
    "thank-as": 'text after the @login other than as "Full Name"',
}


SlashCommand = Accept | Reject | Recheck | Thank | Help | UnknownCommand | MalformedCommand

_COMMAND = re.compile(r"^ {0,3}/(?P<name>[A-Za-z][A-Za-z0-9_-]*)(?=\s|$)(?P<args>.*)$")
_FENCE = re.compile(r"^ {0,3}(?P<fence>`{3,}|~{3,})")
_QUOTE = re.compile(r"^ {0,3}>")
_SECTION = re.compile(r"(?:^|\s)section\s*[:=]\s*(?P<section>.*)$", re.IGNORECASE)
_SELECTION_TOKEN = re.compile(r"#?(?P<lo>\d{1,6})(?:-#?(?P<hi>\d{1,6}))?")
_RANGE_DASH = re.compile(r"\s*[-\u2013\u2014]\s*")
_LOGIN = re.compile(r"@(?P<login>[A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))(?![A-Za-z0-9\[-])")
_AS = re.compile(r"as\s+(?P<name>.+)$", re.IGNORECASE)
_QUOTES = {
    '"': '"',
    "'": "'",
    "\u201c": "\u201d",  # “ ”
    "\u201d": "\u201d",
    "\u201e": "\u201d",  # „ ”
    "\u2018": "\u2019",  # ‘ ’
    "\u00ab": "\u00bb",  # « »
    "\u300c": "\u300d",  # 「 」
    "\u300e": "\u300f",  # 『 』
    "\uff02": "\uff02",  # ＂
}


def parse_commands(body: str) -> list[SlashCommand]:
    """Every slash command in a comment body, in order (at most ``MAX_COMMANDS``)."""
    commands: list[SlashCommand] = []
    for line in _command_lines(body or ""):
        found = _COMMAND.match(line)
        if not found:
            continue
        commands.append(_parse_one(found.group("name").lower(), found.group("args").strip()))
        if len(commands) == MAX_COMMANDS:
            break
    return commands


def _command_lines(body: str) -> list[str]:
    """Lines that may hold a command: outside code fences, quotes and HTML comments."""
    lines: list[str] = []
    fence: str | None = None
    in_comment = False
    for line in clean_text(body).replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = line.replace("\u00a0", " ")
        if fence is not None:
            if _closes(fence, line):
                fence = None
            continue
        if in_comment:
            in_comment = "-->" not in line
            continue
        opening = _FENCE.match(line)
        if opening:
            fence = opening.group("fence")
            continue
        if line.lstrip().startswith("<!--"):
            in_comment = "-->" not in line.split("<!--", 1)[1]
            continue
        if _QUOTE.match(line):
            continue
        lines.append(line)
    return lines


def _closes(fence: str, line: str) -> bool:
    """A closing fence: the same character, at least as long, nothing else on the line."""
    found = _FENCE.match(line)
    if found is None:
        return False
    marks = found.group("fence")
    return marks[0] == fence[0] and len(marks) >= len(fence) and not line.strip().lstrip(fence[0])


def _parse_one(name: str, args: str) -> SlashCommand:
    if name == "accept":
        return _parse_accept(args)
    if name == "reject":
        return Reject(reason=_clip(args) or None)
    if name == "recheck":
        return Recheck()
    if name == "thank":
        return _parse_thank(args)
    if name == "help":
        return Help()
    return UnknownCommand(name=_clip(name, 40))


def _parse_accept(args: str) -> Accept | MalformedCommand:
    section: str | None = None
    found = _SECTION.search(args)
    if found:
        section = _unquote(found.group("section"))
        if not section:
            return MalformedCommand("accept", "accept-section")
        args = args[: found.start()].strip()
    if args.lower() in {"", "all"}:
        return Accept(papers=None, section=section)
    papers: set[int] = set()
    args = _RANGE_DASH.sub("-", args)
    for token in (t for t in re.split(r"[\s,]+(?:and\s+)?", args) if t):
        number = _SELECTION_TOKEN.fullmatch(token)
        lo = int(number.group("lo")) if number else 0
        hi = int(number.group("hi") or lo) if number else 0
        if lo < 1 or hi < lo or hi - lo >= MAX_RANGE:
            return MalformedCommand("accept", "accept-selection", _clip(token, 40))
        papers.update(range(lo, hi + 1))
    return Accept(papers=tuple(sorted(papers)), section=section)


def _parse_thank(args: str) -> Thank | MalformedCommand:
    found = _LOGIN.match(args)
    if not found:
        return MalformedCommand("thank", "thank-login", _clip(args, 40))
    rest = args[found.end() :].strip()
    if not rest:
        return Thank(login=found.group("login"))
    named = _AS.fullmatch(rest)
    name = _unquote(named.group("name")) if named else None
    if not name:
        return MalformedCommand("thank", "thank-as", _clip(rest, 40))
    return Thank(login=found.group("login"), name=name)


def _unquote(text: str) -> str:
    """The text inside straight or curly quotes, else the whole (unquoted) text, stripped."""
    text = text.strip()
    if text and text[0] in _QUOTES:
        closing = text.find(_QUOTES[text[0]], 1)
        if closing == -1:  # also accept a different closing quote mark
            closing = max(text.rfind(q) for q in set(_QUOTES.values()))
        text = text[1:closing] if closing > 0 else text[1:]
    return _clip(" ".join(text.split()))


def _clip(text: str, limit: int = MAX_TEXT) -> str:
    text = text.strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"
