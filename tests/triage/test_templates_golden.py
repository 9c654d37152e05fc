"""Golden outputs: the exact text of every template, in English and Chinese.

Each ``golden/<template>.<language>.md`` holds all cases of one template, each
under a ``===== case =====`` line. After an intended wording change, regenerate
with ``UPDATE_GOLDEN=1 python -m pytest tests/triage/test_templates_golden.py``
and review the diff like any other change.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from bot.batch.followup import plan_landed, plan_merged
from bot.config import Config
from bot.config.schema import PaperListTarget
from bot.issue import replies
from bot.issue.commands import Accept, MalformedCommand, Reject, Thank, UnknownCommand
from bot.issue.decisions import plan_command
from bot.issue.state import TriageState
from bot.issue.triage import plan_triage
from bot.models import Reference
from bot.render import PackageTemplates
from bot.suggestions import Thanks
from tests.conftest import RENDERER
from tests.triage.helpers import (
    CONFIG,
    CONFIG_ZH,
    ISSUE,
    SECTIONS,
    ambiguous,
    cited,
    merged_all,
    new,
    unresolved,
    unzip,
)

GOLDEN = Path(__file__).parent / "golden"
TEMPLATES = ("triage-comment", "command-reply", "help", "not-allowed", "thanks-after-merge")
# Paper 2 of ``_decided`` added by hand, numbered in the paper list.
BY_HAND = {1: Reference(title="Agents", number=57, source="README.md", line=120)}


def _mixed(config: Config) -> TriageState:
    items = (cited(), new(section="Agents & Tools"), ambiguous(), unresolved())
    return plan_triage(ISSUE, *unzip(*items), config, None, renderer=RENDERER).state


def _decided(config: Config) -> TriageState:
    state = _mixed(config)
    papers = list(state.papers)
    papers[1] = replace(papers[1], accepted=True, section="Agents")
    papers[2] = replace(papers[2], accepted=True, section=None, merged_in=12)
    return replace(
        state,
        papers=tuple(papers),
        omitted=2,
        extra_thanks=(Thanks("bob", "Bob B"), Thanks("carol", "carol")),
    )


def _triage_cases(config: Config) -> dict[str, str]:
    mixed = _mixed(config)
    one_new = plan_triage(ISSUE, *unzip(new()), config, None, renderer=RENDERER)
    return {
        "mixed": replies.triage_comment(mixed, config, renderer=RENDERER),
        "single-new": one_new.comment_body,
        "decided": replies.triage_comment(_decided(config), config, renderer=RENDERER),
        "rejected": replies.triage_comment(
            replace(mixed, rejected=True, rejected_reason="out of scope"),
            config,
            renderer=RENDERER,
        ),
        "opt-out": replies.triage_comment(
            replace(mixed, reader=Thanks("reader1", "x", opt_out=True)),
            config,
            renderer=RENDERER,
        ),
        "no-papers-any-more": plan_triage(
            ISSUE, [], [], [], config, mixed, renderer=RENDERER
        ).comment_body,
        "thanks-only": plan_command(
            Thank("bob", "Bob B"),
            "m",
            "admin",
            config,
            None,
            ISSUE,
            renderer=RENDERER,
        ).comment_body,
        "landed-by-hand": plan_landed(
            replace(_decided(config), extra_thanks=()),
            BY_HAND,
            config,
            ISSUE,
            renderer=RENDERER,
        ).comment_body,
        # The reader edited paper 2 after /accept: it waits for a fresh one (#13 item 7).
        "changed-since-accepted": replies.triage_comment(
            replace(
                mixed,
                papers=tuple(
                    replace(p, changed=("authors", "venue", "year")) if n == 1 else p
                    for n, p in enumerate(mixed.papers)
                ),
            ),
            config,
            renderer=RENDERER,
        ),
        # A "thank me as" that is no person's name: shown to confirm, not written (item 2).
        "name-to-confirm": replies.triage_comment(
            replace(mixed, reader_asked="Eve. Funded by Evil Corp, see https://evil.example"),
            config,
            renderer=RENDERER,
        ),
    }


def _reply_cases(config: Config) -> dict[str, str]:
    mixed = _mixed(config)

    def reply(command: object, state: TriageState | None = mixed) -> str:
        return plan_command(
            command, "maint", "write", config, state, ISSUE, renderer=RENDERER
        ).reply_body

    def section_reply(command: Accept, paper_list: PaperListTarget | None = None) -> str:
        target = replace(config, paper_list=paper_list or config.paper_list)
        plan = plan_command(
            command, "maint", "write", target, mixed, ISSUE, sections=SECTIONS, renderer=RENDERER
        )
        return plan.reply_body

    return {
        "accepted": reply(Accept()),
        "accepted-several-with-section": reply(Accept((2, 3), section="Agents")),
        "rejected": reply(Reject("already covered by the 2024 survey")),
        "rejected-no-reason": reply(Reject()),
        "no-papers": reply(Accept(), None),
        "none-new": reply(
            Accept(), replace(mixed, papers=(mixed.papers[0], mixed.papers[2], mixed.papers[3]))
        ),
        "not-acceptable": reply(Accept((1, 4))),
        "out-of-range": reply(Accept((5, 6))),
        "out-of-range-one": reply(Accept((2,)), replace(mixed, papers=mixed.papers[:1])),
        "too-many-thanks": replies.command_reply(
            "too-many-thanks", config, limit=20, renderer=RENDERER
        ),
        "reopened": replies.command_reply("reopened", config, renderer=RENDERER),
        "no-thanks-target": replies.command_reply("no-thanks-target", config, renderer=RENDERER),
        "unknown-section": section_reply(Accept((2,), section="Agent Tooling")),
        "unknown-default-section": section_reply(
            Accept((2,)), PaperListTarget(path="README.md", section="Benchmarks")
        ),
        "no-section": section_reply(Accept((2,)), PaperListTarget(path="README.md")),
        "ambiguous-section": section_reply(Accept((2,), section="Tools")),
        "unknown": reply(UnknownCommand("acept")),
        "malformed-accept-selection": reply(
            MalformedCommand("accept", "accept-selection", "first")
        ),
        "malformed-accept-section": reply(MalformedCommand("accept", "accept-section")),
        "malformed-thank-login": reply(MalformedCommand("thank", "thank-login", "bob")),
        "malformed-thank-as": reply(MalformedCommand("thank", "thank-as", "for the idea")),
    }


def _merged_cases(config: Config) -> dict[str, str]:
    def merged(state: TriageState) -> str:
        body = plan_merged(
            state, 15, merged_all(state), config, ISSUE, renderer=RENDERER
        ).reply_body
        assert body is not None
        return body

    decided = _decided(config)
    two = replace(decided, papers=tuple(replace(p, merged_in=None) for p in decided.papers))
    thanks_only = TriageState(
        reader=Thanks("reader1", "Reader One"), extra_thanks=(Thanks("bob", "Bob B"),)
    )
    # Paper 2 added by hand (BY_HAND), or with a BibTeX key where there is no number.
    only_third = replace(
        two, papers=tuple(replace(p, accepted=n == 2) for n, p in enumerate(two.papers))
    )
    keyed = {1: Reference(title="Agents", key="wang2023agents", source="refs.bib", line=9)}
    by_pr_and_hand = plan_merged(
        two, 15, merged_all(only_third), config, ISSUE, found=keyed, renderer=RENDERER
    )
    assert by_pr_and_hand.reply_body is not None
    landed = plan_landed(
        replace(decided, extra_thanks=()), BY_HAND, config, ISSUE, renderer=RENDERER
    ).reply_body
    assert landed is not None
    return {
        "landed-by-hand": landed,
        "merged-and-landed": by_pr_and_hand.reply_body,
        "one-paper": merged(replace(decided, extra_thanks=())),
        "two-papers-and-thanks": merged(two),
        "opt-out": merged(replace(decided, extra_thanks=(), reader=Thanks("r", "r", opt_out=True))),
        "thanks-only": merged(thanks_only),
    }


CASES: dict[str, Callable[[Config], dict[str, str]]] = {
    "triage-comment": _triage_cases,
    "command-reply": _reply_cases,
    "help": lambda config: {
        "with-default-section": replies.help_reply(config, renderer=RENDERER),
        "without": replies.help_reply(replace(config, paper_list=None), renderer=RENDERER),
    },
    "not-allowed": lambda config: {"refused": replies.not_allowed_reply(config, renderer=RENDERER)},
    "thanks-after-merge": _merged_cases,
}


def _joined(cases: dict[str, str]) -> str:
    return "".join(f"===== {name} =====\n{text.rstrip()}\n" for name, text in cases.items())


@pytest.mark.parametrize("config", [CONFIG, CONFIG_ZH], ids=["en", "zh"])
@pytest.mark.parametrize("template", TEMPLATES)
def test_golden(template: str, config: Config):
    actual = _joined(CASES[template](config))
    path = GOLDEN / f"{template}.{config.language}.md"
    if os.environ.get("UPDATE_GOLDEN"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    assert actual == path.read_text(encoding="utf-8")


def test_every_bundled_reply_template_has_both_languages_and_a_golden_test():
    bundled = PackageTemplates().list_templates()
    for template in TEMPLATES:
        for language in ("en", "zh"):
            assert replies.template_name(template, language) in bundled
