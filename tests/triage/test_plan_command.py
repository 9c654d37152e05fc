"""plan_command / plan_comment / plan_merged: who may do what, and what each command changes."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.batch.followup import plan_merged
from bot.config import Config
from bot.config.schema import PaperListTarget
from bot.issue.commands import (
    Accept,
    Help,
    MalformedCommand,
    Recheck,
    Reject,
    Thank,
    UnknownCommand,
    parse_commands,
)
from bot.issue.decisions import (
    MAX_EXTRA_THANKS,
    CommandPlan,
    is_maintainer,
    plan_command,
    plan_comment,
)
from bot.issue.state import TriageState, decode_state
from bot.issue.triage import plan_triage
from bot.text.escaping import markdown
from tests.conftest import RENDERER
from tests.triage.helpers import (
    CONFIG,
    CONFIG_NO_LIST,
    ISSUE,
    SECTIONS,
    assert_safe,
    cited,
    merged_all,
    new,
    unresolved,
    unzip,
)

TRIAGE = plan_triage(ISSUE, *unzip(cited(), new(), unresolved()), CONFIG, None, renderer=RENDERER)
STATE = TRIAGE.state
LABELLED = replace(ISSUE, labels=TRIAGE.labels_to_add)
LISTED = replace(CONFIG, maintainers=("Trusted-Friend",))


@pytest.mark.parametrize(
    ("login", "permission", "config", "allowed"),
    [
        pytest.param("owner", "admin", CONFIG, True, id="admin"),
        pytest.param("m", "maintain", CONFIG, True, id="maintain"),
        pytest.param("w", "write", CONFIG, True, id="write"),
        pytest.param("w", "WRITE", CONFIG, True, id="case"),
        pytest.param("t", "triage", CONFIG, False, id="triage"),
        pytest.param("org-member", "read", CONFIG, False, id="org-member-with-read"),
        pytest.param("x", "none", CONFIG, False, id="none"),
        pytest.param("x", None, CONFIG, False, id="unknown"),
        pytest.param("trusted-friend", "read", LISTED, True, id="listed-in-config"),
        pytest.param(
            "@trusted-friend",
            None,
            replace(CONFIG, maintainers=("@Trusted-Friend",)),
            False,
            id="at-in-login-is-not-a-login",
        ),
        pytest.param("", None, replace(CONFIG, maintainers=("",)), False, id="empty-login"),
    ],
)
def test_is_maintainer(login, permission, config, allowed):
    assert is_maintainer(login, permission, config) is allowed


def test_org_member_with_read_is_refused_once_and_nothing_changes():
    body = "/accept\n/thank @me\n/reject spam"
    plan = plan_comment(
        parse_commands(body), "org-member", "read", CONFIG, STATE, LABELLED, renderer=RENDERER
    )
    assert plan.reaction == "confused"
    assert (
        plan.reply_body.startswith("Thanks for your interest!")
        and plan.reply_body.count("Thanks") == 1
    )
    assert plan.new_state is STATE and plan.comment_body is None
    assert (plan.labels_to_add, plan.labels_to_remove, plan.close_issue) == ((), (), False)


def test_listed_maintainer_is_allowed():
    plan = plan_comment(
        [Accept()], "trusted-friend", "read", LISTED, STATE, LABELLED, renderer=RENDERER
    )
    assert plan.reaction == "+1" and plan.labels_to_add == ("accepted",)


def test_anyone_may_ask_for_help():
    plan = plan_comment(
        [Help(), Help()], "stranger", "none", CONFIG, STATE, LABELLED, renderer=RENDERER
    )
    assert plan.reaction == "+1" and plan.reply_body.count("survey-bot commands") == 1
    assert plan.new_state is STATE and plan.comment_body is None


def test_no_commands_no_plan():
    assert plan_comment([], "owner", "admin", CONFIG, STATE, LABELLED, renderer=RENDERER) is None


def test_accept_all_new():
    plan = plan_command(Accept(), "maint", "write", CONFIG, STATE, LABELLED, renderer=RENDERER)
    assert (
        plan.reaction == "+1"
        and plan.labels_to_add == ("accepted",)
        and plan.labels_to_remove == ()
    )
    assert [p.accepted for p in plan.new_state.papers] == [False, True, False]
    assert plan.new_state.papers[1].section == "Evaluation"
    assert plan.reply_body == (
        'Accepted paper 2 (A Survey on LLM-based Autonomous Agents) for section "Evaluation". '
        "It will be added in the next batch pull request, "
        "and **reader1** will be thanked in the acknowledgements."
    )
    assert decode_state(plan.comment_body).state == plan.new_state
    assert '**Accepted** for section "Evaluation"' in plan.comment_body


def test_accept_with_section_and_without_configured_default():
    plan = plan_command(
        Accept((2,), section="Agents"),
        "maint",
        "write",
        CONFIG_NO_LIST,
        STATE,
        LABELLED,
        renderer=RENDERER,
    )
    assert plan.new_state.papers[1].section == "Agents"
    plain = plan_command(
        Accept((2,)), "maint", "write", CONFIG_NO_LIST, STATE, LABELLED, renderer=RENDERER
    )
    assert plain.new_state.papers[1].section is None and "for the paper list" in plain.reply_body


@pytest.mark.parametrize(
    ("section", "recorded"),
    [
        pytest.param("1 Evaluation", "1 Evaluation", id="exact"),
        pytest.param("evaluation", "1 Evaluation", id="case-and-numbering"),
        pytest.param("section 5.2 alignment-tuning!", "5.2 Alignment Tuning", id="punctuation"),
        pytest.param("5.2 Alignment Tuning", "5.2 Alignment Tuning", id="numbered"),
        pytest.param("Agents > Tools", "Agents > Tools", id="parent-path-kept"),
        pytest.param(None, "1 Evaluation", id="configured-default"),
    ],
)
def test_accept_records_the_headings_real_name(section, recorded):
    plan = plan_command(
        Accept((2,), section=section),
        "maint",
        "write",
        CONFIG,
        STATE,
        LABELLED,
        sections=SECTIONS,
        renderer=RENDERER,
    )
    assert plan.reaction == "+1"
    assert plan.new_state.papers[1].accepted and plan.new_state.papers[1].section == recorded
    assert f'for section "{markdown(recorded)}"' in plan.reply_body


NO_DEFAULT = replace(CONFIG, paper_list=PaperListTarget(path="README.md"))
BAD_DEFAULT = replace(CONFIG, paper_list=PaperListTarget(path="README.md", section="Benchmarks"))


@pytest.mark.parametrize(
    ("section", "config", "phrases"),
    [
        pytest.param(
            "Agent Tooling",
            CONFIG,
            ['section "Agent Tooling" is not a heading of README.md', "- 2 Agents\n"],
            id="unknown",
        ),
        pytest.param(
            "Evalution",
            CONFIG,
            ["the closest headings:\n- 1 Evaluation\n"],
            id="typo-closest-first",
        ),
        pytest.param(
            "Tuning methods",
            CONFIG,
            # Both share "tuning"; "3 Tuning" lists no papers, so it comes second.
            ["the closest headings:\n- 5.2 Alignment Tuning\n- 3 Tuning &gt; Tools\n- 3 Tuning\n"],
            id="sections-with-papers-first",
        ),
        pytest.param(
            None,
            BAD_DEFAULT,
            ['the default section "Benchmarks" (`paper_list.section`', "- 1 Evaluation"],
            id="configured-default-missing",
        ),
        pytest.param(
            None,
            NO_DEFAULT,
            [
                "no section was named and there is no default",
                # Sections that list papers first, each group in the file's order.
                "its headings:\n- 1 Evaluation\n- 2 Agents &gt; Tools\n- 5.2 Alignment Tuning\n"
                "- A Survey of LLMs\n- 2 Agents\n",
            ],
            id="no-default",
        ),
        pytest.param(
            "tools",
            CONFIG,
            ['"tools" matches several headings', "- 2 Agents &gt; Tools\n- 3 Tuning &gt; Tools"],
            id="ambiguous",
        ),
    ],
)
def test_accept_refuses_a_section_that_is_not_a_heading(section, config, phrases):
    plan = plan_command(
        Accept((2,), section=section),
        "maint",
        "write",
        config,
        STATE,
        LABELLED,
        sections=SECTIONS,
        renderer=RENDERER,
    )
    assert plan.reaction == "confused"
    assert plan.new_state == STATE and plan.comment_body is None
    assert plan.labels_to_add == () and plan.labels_to_remove == ()
    for phrase in phrases:
        assert phrase in plan.reply_body
    assert_safe(plan.reply_body)


def test_a_refused_section_changes_nothing_in_a_multi_command_comment():
    commands = parse_commands('/accept 2 section: "Nowhere"\n/thank @bob')
    plan = plan_comment(
        commands, "maint", "write", CONFIG, STATE, LABELLED, sections=SECTIONS, renderer=RENDERER
    )
    assert plan.reaction == "confused" and "Nowhere" in plan.reply_body
    assert not any(p.accepted for p in plan.new_state.papers)


def test_a_long_heading_list_is_cut_to_the_closest():
    many = tuple(
        replace(SECTIONS[1], line=n, title=f"Topic {n}", text=f"Topic {n}") for n in range(30)
    )

    def accept(section: str) -> CommandPlan:
        command = Accept((2,), section=section)
        return plan_command(
            command, "maint", "write", CONFIG, STATE, LABELLED, sections=many, renderer=RENDERER
        )

    plan = accept("Topic 7")
    assert plan.reaction == "+1" and plan.new_state.papers[1].section == "Topic 7"
    refused = accept("Topic 77")
    assert refused.reply_body.count("\n- ") == 11 and "- … and 20 more" in refused.reply_body


@pytest.mark.parametrize(
    ("command", "state", "reply"),
    [
        pytest.param(
            Accept((4,)),
            STATE,
            "Nothing was accepted: this issue has only 3 papers, so there is "
            "no paper 4. Papers are numbered from 1, as in survey-bot's comment.",
            id="out-of-range",
        ),
        pytest.param(
            Accept((2, 5, 9)), STATE, "so there are no papers 5, 9.", id="several-out-of-range"
        ),
        pytest.param(
            Accept((1,)),
            STATE,
            "Nothing was accepted:\n- Paper 1 (A Survey of Large Language "
            "Models): already cited as \\[57\\].",
            id="cited",
        ),
        pytest.param(
            Accept((3,)),
            STATE,
            "- Paper 3 (that paper about agents from last week): it could not "
            "be identified: ask the reader to add a link",
            id="unresolved",
        ),
        pytest.param(
            Accept(),
            replace(STATE, papers=STATE.papers[:1]),
            "no paper in this issue is new",
            id="none-new",
        ),
        pytest.param(
            Accept(),
            TriageState(),
            "There is nothing to accept: survey-bot found no paper",
            id="no-papers",
        ),
        pytest.param(Accept(), None, "There is nothing to accept", id="no-bot-comment"),
        pytest.param(
            UnknownCommand("foo"),
            STATE,
            "/foo is not a survey-bot command. Reply `/help`",
            id="unknown",
        ),
        pytest.param(
            MalformedCommand("accept", "accept-selection", "x"),
            STATE,
            '`/accept` did not understand "x"',
            id="malformed-accept",
        ),
        pytest.param(
            MalformedCommand("accept", "accept-section"),
            STATE,
            "`section:` needs a heading",
            id="malformed-section",
        ),
        pytest.param(
            MalformedCommand("thank", "thank-login", ""),
            STATE,
            "`/thank` needs a GitHub account",
            id="malformed-thank",
        ),
        pytest.param(
            MalformedCommand("thank", "thank-as", "for"),
            STATE,
            '`/thank` did not understand "for"',
            id="malformed-thank-as",
        ),
    ],
)
def test_errors_explain_and_change_nothing(command, state, reply):
    plan = plan_command(command, "maint", "write", CONFIG, state, LABELLED, renderer=RENDERER)
    assert plan.reaction == "confused" and reply in plan.reply_body
    assert plan.new_state is state and plan.comment_body is None
    assert (plan.labels_to_add, plan.labels_to_remove, plan.close_issue) == ((), (), False)
    assert_safe(plan.reply_body)


def test_ambiguous_is_accepted_only_by_number():
    from tests.triage.helpers import ambiguous

    state = plan_triage(ISSUE, *unzip(ambiguous()), CONFIG, None, renderer=RENDERER).state
    refused = plan_command(Accept(), "maint", "write", CONFIG, state, ISSUE, renderer=RENDERER)
    assert "it may already be cited: to add it anyway, reply `/accept 1`" in refused.reply_body
    assert (
        plan_command(Accept((1,)), "maint", "write", CONFIG, state, ISSUE, renderer=RENDERER)
        .new_state.papers[0]
        .accepted
    )


def test_reject_closes_as_not_planned():
    accepted = plan_command(Accept(), "maint", "write", CONFIG, STATE, LABELLED, renderer=RENDERER)
    issue = replace(LABELLED, labels=(*LABELLED.labels, "accepted"))
    plan = plan_command(
        Reject("out of scope"),
        "maint",
        "write",
        CONFIG,
        accepted.new_state,
        issue,
        renderer=RENDERER,
    )
    assert plan.labels_to_add == ("rejected",) and plan.labels_to_remove == ("accepted",)
    assert plan.close_issue and plan.close_reason == "not_planned"
    assert not any(p.accepted for p in plan.new_state.papers)
    assert plan.reply_body == (
        "Thank you for the suggestion. A maintainer decided not to add it to the survey: "
        "out of scope. Closing this issue as not planned."
    )


def test_reject_without_bot_comment_and_already_closed():
    plan = plan_command(
        Reject(),
        "maint",
        "write",
        CONFIG,
        None,
        replace(ISSUE, open=False, labels=("accepted",)),
        renderer=RENDERER,
    )
    assert plan.labels_to_add == ("rejected",) and plan.labels_to_remove == ("accepted",)
    assert not plan.close_issue and plan.new_state is None and plan.comment_body is None


def test_accept_after_reject_reopens():
    rejected = plan_command(
        Reject(), "maint", "write", CONFIG, STATE, LABELLED, renderer=RENDERER
    ).new_state
    issue = replace(LABELLED, labels=(*LABELLED.labels, "rejected"), open=False)
    plan = plan_command(Accept(), "maint", "write", CONFIG, rejected, issue, renderer=RENDERER)
    assert plan.reopen_issue and not plan.new_state.rejected
    assert plan.labels_to_add == ("accepted",) and plan.labels_to_remove == ("rejected",)


def test_recheck_asks_for_triage():
    plan = plan_command(Recheck(), "maint", "write", CONFIG, STATE, LABELLED, renderer=RENDERER)
    assert plan.rerun_triage and plan.reply_body is None and plan.reaction == "+1"


def test_thank_records_and_replaces_by_login():
    first = plan_command(
        Thank("Bob", "Bob B"), "maint", "write", CONFIG, STATE, LABELLED, renderer=RENDERER
    )
    second = plan_command(
        Thank("bob", "Robert B"),
        "maint",
        "write",
        CONFIG,
        first.new_state,
        LABELLED,
        renderer=RENDERER,
    )
    assert [(t.login, t.name) for t in second.new_state.extra_thanks] == [("bob", "Robert B")]
    assert first.reply_body is None and "Also to be thanked: **Robert B**." in second.comment_body


def test_thank_on_an_issue_without_papers_creates_the_state():
    plan = plan_command(Thank("alice"), "maint", "write", CONFIG, None, ISSUE, renderer=RENDERER)
    assert plan.new_state.extra_thanks[0].name == "alice"
    assert plan.new_state.reader.login == "reader1"
    assert plan.labels_to_add == ("accepted",)
    assert "found no paper suggestion" in plan.comment_body


def test_thank_without_an_acknowledgements_target_says_so_and_records_nothing():
    bare = replace(CONFIG, acknowledgements=())
    plan = plan_command(Thank("alice"), "maint", "write", bare, STATE, LABELLED, renderer=RENDERER)
    assert plan.reaction == "confused" and plan.new_state == STATE
    assert "has no `acknowledgements:`" in plan.reply_body
    accepted = plan_command(Accept(), "maint", "write", bare, STATE, LABELLED, renderer=RENDERER)
    assert "will be thanked" not in (accepted.reply_body or "")


def test_thanks_are_capped():
    state = STATE
    for i in range(MAX_EXTRA_THANKS):
        state = plan_command(
            Thank(f"user{i}"), "maint", "write", CONFIG, state, ISSUE, renderer=RENDERER
        ).new_state
    plan = plan_command(
        Thank("one-more"), "maint", "write", CONFIG, state, ISSUE, renderer=RENDERER
    )
    assert plan.reaction == "confused" and "already thanks 20 people" in plan.reply_body


def test_several_commands_in_one_comment():
    commands = parse_commands('/accept 2 section: "Agents"\n/thank @bob\n/recheck\n/foo')
    plan = plan_comment(commands, "maint", "write", CONFIG, STATE, LABELLED, renderer=RENDERER)
    assert plan.reaction == "confused"  # /foo
    assert plan.rerun_triage and plan.labels_to_add == ("accepted",)
    assert (
        plan.new_state.papers[1].section == "Agents"
        and plan.new_state.extra_thanks[0].login == "bob"
    )
    assert plan.reply_body.startswith("Accepted paper 2") and plan.reply_body.endswith(
        "/foo is not a survey-bot command. Reply `/help` for the list of commands."
    )
    assert decode_state(plan.comment_body).state == plan.new_state


def test_accept_then_reject_in_one_comment_nets_out():
    plan = plan_comment(
        [Accept(), Reject("changed my mind")],
        "maint",
        "write",
        CONFIG,
        STATE,
        LABELLED,
        renderer=RENDERER,
    )
    assert plan.labels_to_add == ("rejected",) and plan.labels_to_remove == ()
    assert plan.close_issue and plan.close_reason == "not_planned"


def test_chinese_replies():
    zh = replace(CONFIG, language="zh")
    plan = plan_command(Accept((4,)), "maint", "write", zh, STATE, LABELLED, renderer=RENDERER)
    assert plan.reply_body == (
        "未接受任何论文：此 issue 只有 3 篇论文，没有论文 4。"
        "论文编号从 1 开始，与 survey-bot 评论中的编号一致。"
    )
    refused = plan_comment([Accept()], "x", "read", zh, STATE, LABELLED, renderer=RENDERER)
    assert refused.reply_body.startswith("感谢关注！")


def test_unknown_language_falls_back_to_english():
    plan = plan_command(
        Help(), "x", None, replace(CONFIG, language="fr"), STATE, LABELLED, renderer=RENDERER
    )
    assert plan.reply_body.startswith("survey-bot commands")


def test_merged_marks_papers_thanks_and_closes():
    accepted = plan_command(Accept(), "maint", "write", CONFIG, STATE, LABELLED, renderer=RENDERER)
    issue = replace(LABELLED, labels=(*LABELLED.labels, "accepted"))
    plan = plan_merged(
        accepted.new_state, 12, merged_all(accepted.new_state), CONFIG, issue, renderer=RENDERER
    )
    assert plan.new_state.papers[1].merged_in == 12 and plan.close_reason == "completed"
    assert plan.reply_body.startswith(
        '🎉 "A Survey on LLM-based Autonomous Agents" is now in the survey'
    )
    assert "Added** to the survey in #12" in plan.comment_body
    again = plan_merged(
        plan.new_state, 13, merged_all(accepted.new_state), CONFIG, issue, renderer=RENDERER
    )
    assert again.reply_body is None and not again.close_issue


def test_merged_with_nothing_accepted_does_nothing():
    plan = plan_merged(STATE, 12, merged_all(STATE), Config(), ISSUE, renderer=RENDERER)
    assert plan.reply_body is None and plan.new_state is STATE


def test_merged_twice_thanks_once():
    thanked = plan_command(
        Thank("bob"), "maint", "write", CONFIG, None, ISSUE, renderer=RENDERER
    ).new_state
    assert thanked.pending
    first = plan_merged(thanked, 12, merged_all(thanked), CONFIG, ISSUE, renderer=RENDERER)
    assert "Thanks also to **bob**" in first.reply_body and not first.new_state.pending
    assert (
        plan_merged(
            first.new_state, 12, merged_all(thanked), CONFIG, ISSUE, renderer=RENDERER
        ).reply_body
        is None
    )
    more = plan_command(
        Thank("carol"), "maint", "write", CONFIG, first.new_state, ISSUE, renderer=RENDERER
    ).new_state
    assert more.pending and [t.login for t in more.unthanked] == ["carol"]


def test_reject_on_a_closed_issue_in_a_comment_does_not_close_again():
    plan = plan_comment(
        [Reject()], "maint", "write", CONFIG, STATE, replace(ISSUE, open=False), renderer=RENDERER
    )
    assert not plan.close_issue and plan.close_reason is None and not plan.reopen_issue
