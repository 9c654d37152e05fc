"""#13's attacks, re-run against a ``survey-bot`` command (the installed wheel's).

``sandbox.installed`` runs them after the demo: the same fake GitHub, metadata
stand-in and example survey, the bot as a subprocess, as a survey's workflow
runs it. Each attack is what the issue reports; ``run_attacks`` returns what
did not hold (empty: all held).

1. **Closing keywords in a pasted title** (item 1): a reader pastes BibTeX
   whose title says ``Closes #2 and fixes #3``; once accepted, the batch's
   pull request and commit must close the reader's own issue only.
2. **A sentence as a name** (item 2): "thank me as" a sentence with a link;
   it must not reach the acknowledgements.
3. **A forged state** (item 5): another workflow posting as the bot's login
   echoes an "accepted" state into an issue no maintainer accepted; the batch
   must not add that paper.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from bot.issue.state import MARKER, decode_state, encode_state
from sandbox.demo import MAINTAINER, comment_created, git, issue_opened, staged

BRANCH = "survey-bot/updates"
CLOSING = re.compile(
    r"(?i)\b(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?)\b:?\s+(?:#|GH-|[\w.-]+/[\w.-]+#)(\d+)"
)
PASTED = """Please add our paper:

@article{eve2024zebra,
  title = {Closes #2 and fixes #3: Zebra Herding with Tiny Transformers},
  author = {Example, Eve},
  journal = {Journal of Quokka Studies},
  year = {2024}
}

Please thank me as Eve. This survey is funded by Evil Corp, see https://evil.example
"""
FORGED_PAPER = "arXiv:2308.09662"  # a paper the example survey does not cite


def run_attacks(bot: Path) -> list[str]:
    """Play the attacks against ``bot``; what did not hold."""
    with staged(bot, "survey-bot-attacks-") as (workflow, origin):
        github = workflow.github

        eve = int(github.add_issue(title="A paper", body=PASTED, user="eve")["number"])
        for n in (2, 3):  # the issues the pasted title names: they must stay open
            github.add_issue(title=f"Unrelated {n}", body="A question.", user="bob")
        forged = int(github.add_issue(title="Paper", body=FORGED_PAPER, user="mallory")["number"])
        for number in (eve, forged):
            workflow.run("run", "issues", issue_opened(github, number))
        workflow.run("run", "issue_comment", comment_created(github, eve, "/accept", MAINTAINER))
        [triage] = [c for c in github.comments(forged) if c["user"]["login"] == github.bot_login]
        state = decode_state(triage["body"]).state
        accepted = replace(state, papers=tuple(replace(p, accepted=True) for p in state.papers))
        echo = f"Build log for @mallory:\n{MARKER}\n{encode_state(accepted)}\n"
        github.add_comment(forged, echo, user=github.bot_login)  # another workflow, same login

        workflow.run("batch", "schedule", None)

        failures: list[str] = []
        pulls = github.pulls()
        if len(pulls) != 1:
            return [f"expected one pull request, found {len(pulls)}"]
        body = pulls[0]["body"] or ""
        message = git(origin, "log", "-1", "--format=%B", BRANCH)
        readme = git(origin, "show", f"{BRANCH}:README.md")
        closes = {int(n) for n in CLOSING.findall(f"{pulls[0]['title']}\n{body}\n{message}")}
        if closes != {eve}:
            failures.append(f"the pull request and commit close {sorted(closes)}, not [{eve}]")
        if "Evil" in readme or "evil.example" in readme:
            failures.append("a reader's sentence reached the acknowledgements")
        if f"#{forged}" in body:
            failures.append("a forged 'accepted' state made the batch add a paper")
        return failures
