"""Slash commands in comment bodies -> typed commands (a table of real and junk lines)."""

from __future__ import annotations

import pytest

from bot.issue.commands import (
    MAX_COMMANDS,
    PROBLEMS,
    Accept,
    Help,
    MalformedCommand,
    Recheck,
    Reject,
    Thank,
    UnknownCommand,
    parse_commands,
)

CASES = [
    # accept
    ("/accept", [Accept()]),
    ("/accept all", [Accept()]),
    ("/ACCEPT All", [Accept()]),
    ("  /accept", [Accept()]),
    ("/accept 2", [Accept(papers=(2,))]),
    ("/accept 1,3", [Accept(papers=(1, 3))]),
    ("/accept 3, 1, 3", [Accept(papers=(1, 3))]),
    ("/accept 1 3", [Accept(papers=(1, 3))]),
    ("/accept 1 and 3", [Accept(papers=(1, 3))]),
    ("/accept #2", [Accept(papers=(2,))]),
    ("/accept 2-4", [Accept(papers=(2, 3, 4))]),
    ("/accept 2 – 4", [Accept(papers=(2, 3, 4))]),
    ('/accept section: "Evaluation"', [Accept(section="Evaluation")]),
    (
        '/accept 1,3 section: "Tool Use & Agents"',
        [Accept(papers=(1, 3), section="Tool Use & Agents")],
    ),
    ("/accept 2 section: “Curly Quotes”", [Accept(papers=(2,), section="Curly Quotes")]),
    ("/accept section: ‘Single Curly’", [Accept(section="Single Curly")]),
    ("/accept section: 「评测」", [Accept(section="评测")]),
    ("/accept section: Unquoted   to the end  ", [Accept(section="Unquoted to the end")]),
    ('/accept section="Eval"', [Accept(section="Eval")]),
    ('/accept all Section: "Mixed “ quotes"', [Accept(section="Mixed “ quotes")]),
    ('/accept section: “Mismatched"', [Accept(section="Mismatched")]),
    ('/accept section: "Unclosed', [Accept(section="Unclosed")]),
    ('/accept section: ""', [MalformedCommand("accept", "accept-section")]),
    ("/accept 0", [MalformedCommand("accept", "accept-selection", "0")]),
    ("/accept foo", [MalformedCommand("accept", "accept-selection", "foo")]),
    ("/accept 4-2", [MalformedCommand("accept", "accept-selection", "4-2")]),
    ("/accept 1-100000", [MalformedCommand("accept", "accept-selection", "1-100000")]),
    ("/accept 99999999", [MalformedCommand("accept", "accept-selection", "99999999")]),
    # reject
    ("/reject", [Reject()]),
    ("/reject   out of scope for this survey  ", [Reject("out of scope for this survey")]),
    ("/reject duplicate of #12", [Reject("duplicate of #12")]),
    # recheck, help
    ("/recheck", [Recheck()]),
    ("/recheck please", [Recheck()]),
    ("/help", [Help()]),
    ("/Help me", [Help()]),
    # thank
    ("/thank @octocat", [Thank("octocat")]),
    ('/thank @octo-cat as "Mona Lisa Octocat"', [Thank("octo-cat", "Mona Lisa Octocat")]),
    ("/thank @octocat as “Mona Lisa”", [Thank("octocat", "Mona Lisa")]),
    ("/thank @octocat AS Mona Lisa", [Thank("octocat", "Mona Lisa")]),
    ("/thank @张三 as 张三", [MalformedCommand("thank", "thank-login", "@张三 as 张三")]),
    ("/thank octocat", [MalformedCommand("thank", "thank-login", "octocat")]),
    ("/thank", [MalformedCommand("thank", "thank-login", "")]),
    ("/thank @octocat for the idea", [MalformedCommand("thank", "thank-as", "for the idea")]),
    ("/thank @octocat as", [MalformedCommand("thank", "thank-as", "as")]),
    ("/thank @dependabot[bot]", [MalformedCommand("thank", "thank-login", "@dependabot[bot]")]),
    # unknown
    ("/foo", [UnknownCommand("foo")]),
    ("/thanks everyone!", [UnknownCommand("thanks")]),
    ("/accepted", [UnknownCommand("accepted")]),
    # not commands
    ("", []),
    ("Looks good to me /accept", []),
    ("/etc/passwd is not a command", []),
    ("/ accept", []),
    ("//accept", []),
    ("/123", []),
    ("    /accept", []),  # indented code block
    ("\t/accept", []),
    ("> /accept", []),
    ("   > /accept", []),
    ("> quoted\n> /reject spam", []),
    ("```\n/accept\n```", []),
    ("~~~md\n/accept\n~~~\n/recheck", [Recheck()]),
    ("````\n```\n/accept\n```\n````\n/help", [Help()]),
    ("```\nunclosed fence\n/accept", []),
    ("<!--\n/accept\n-->\n/help", [Help()]),
    ("<!-- /accept --> text\n/help", [Help()]),
    # mixed bodies
    ("Thanks!\n\n/accept 1\n/thank @bob\n", [Accept(papers=(1,)), Thank("bob")]),
    ("/accept\r\n/recheck\r\n", [Accept(), Recheck()]),
    ("\u200b/accept", [Accept()]),  # zero-width space before the slash
    ("\u202e/reject", [Reject()]),  # RTL override dropped
    ("\u00a0/accept", [Accept()]),  # no-break space
]


@pytest.mark.parametrize(("body", "expected"), CASES, ids=[repr(c[0])[:40] for c in CASES])
def test_parse_commands(body, expected):
    assert parse_commands(body) == expected


def test_at_most_max_commands():
    assert parse_commands("/recheck\n" * 500) == [Recheck()] * MAX_COMMANDS


def test_long_arguments_are_clipped():
    [reject] = parse_commands("/reject " + "x" * 70_000)
    assert isinstance(reject, Reject) and len(reject.reason) == 300
    [unknown] = parse_commands("/" + "a" * 70_000)
    assert isinstance(unknown, UnknownCommand) and len(unknown.name) == 40


def test_every_problem_code_is_documented():
    bodies = ['/accept section: ""', "/accept x", "/thank", "/thank @a b"]
    codes = {
        c.problem
        for body in bodies
        for c in parse_commands(body)
        if isinstance(c, MalformedCommand)
    }
    assert codes == set(PROBLEMS)
