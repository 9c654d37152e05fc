"""The dashboard end to end: ``survey-bot run`` against the fake GitHub and a real git origin."""

from __future__ import annotations

import datetime as dt

from bot.dashboard import render
from bot.dashboard.model import Dashboard, Entry, decode
from tests.conftest import RENDERER
from tests.dashboard.conftest import ADAM, GELU, LORA, Site, edited_event
from tests.gitrepo.gitutil import git


def test_created_once_then_updated_in_place(site: Site) -> None:
    first = site.suggest(f"arXiv:{LORA}")
    site.schedule()
    board = site.dashboard()
    assert board["user"]["login"] == "github-actions[bot]"
    assert board["title"] == "Survey dashboard"
    body = board["body"]
    assert f"#{first} **LoRA: Low-Rank Adaptation of Large Language Models**" in body
    assert "suggested by reader" in body and "@reader" not in body
    assert 'into "Models"' in body or 'into "3.1 Fine-Tuning"' in body

    second = site.suggest(f"arXiv:{ADAM}")  # refreshed by the triage itself
    site.schedule()
    site.schedule()

    [again] = site.dashboards()
    assert again["number"] == board["number"]
    data = decode(again["body"])
    assert data is not None
    listed = [(e.issue, e.status) for e in data.entries]
    assert listed == [(first, "awaiting"), (second, "awaiting")]
    assert sum(1 for r in site.fake.requests if r.operation == "issues/create") == 1


def test_a_maintainers_tick_accepts_the_paper_into_the_batch_pull_request(site: Site) -> None:
    number = site.suggest(f"arXiv:{LORA}")
    site.schedule()
    site.fake.reset_log()

    site.deliver(site.tick(f"{number}.0", user="maint"))

    tick_requests = [r.operation for r in site.fake.requests]
    assert tick_requests == [
        "issues/get",  # the dashboard as it is now
        "repos/get-collaborator-permission-level",
        "issues/get",  # the reader's issue: labels, open
        "issues/list-comments",
        "issues/update-comment",  # the triage comment: accepted
        "issues/add-labels",
        "issues/update",  # the dashboard
    ]
    state = site.state(number)
    assert [(p.accepted, p.section) for p in state.papers] == [(True, "Models")]
    assert state.papers[0].ticked_by == "maint"  # no /accept in the thread: the batch asks
    assert "accepted" in site.fake.labels(number)
    body = site.dashboard()["body"]
    assert "## Accepted, waiting for the batch (1)" in body
    assert "- [x]" not in body and f"tick {number}.0" not in body

    site.schedule()

    [pull] = site.fake.pulls()
    assert f"Closes #{number}" in pull["body"]
    readme = git(site.origin, "show", f"{pull['head']['ref']}:README.md")
    assert "LoRA: Low-Rank Adaptation of Large Language Models" in readme.split("## 3.1")[0]
    state = site.state(number)
    assert state.papers[0].in_pull == pull["number"]
    comment = site.harness.bot_comments(number)[0]["body"]
    assert f"it is in pull request #{pull['number']}, waiting to be merged" in comment
    assert f"## In the open pull request #{pull['number']} (1)" in site.dashboard()["body"]


def test_a_readers_tick_is_undone_with_a_note(site: Site) -> None:
    number = site.suggest(f"arXiv:{LORA}")
    site.schedule()

    site.deliver(site.tick(f"{number}.0", user="reader"))

    body = site.dashboard()["body"]
    assert "- [x]" not in body and f"- [ ] #{number} " in body
    assert "A tick by reader on #1 was undone: only maintainers can accept papers." in body
    state = site.state(number)
    assert not state.papers[0].accepted
    assert "accepted" not in site.fake.labels(number)


def test_two_ticks_at_once_both_count_whatever_the_order_and_a_repeat_does_nothing(
    site: Site,
) -> None:
    first = site.suggest(f"arXiv:{LORA}")
    second = site.suggest(f"arXiv:{ADAM}")
    site.schedule()
    # Two maintainers tick at once: the second edit already holds the first tick.
    one = site.tick(f"{first}.0", user="maint")
    two = site.tick(f"{second}.0", user="maint2")
    assert one["changes"]["body"]["from"] != two["changes"]["body"]["from"]

    site.deliver(two)  # the later event runs first
    body = site.dashboard()["body"]
    assert f"- [x] #{first} " in body  # maint's tick, still to run, is kept
    site.deliver(one)
    site.fake.reset_log()
    site.deliver(one)  # delivered again

    assert [p.accepted for n in (first, second) for p in site.state(n).papers] == [True, True]
    assert [r.operation for r in site.fake.requests if r.method != "GET"] == []
    body = site.dashboard()["body"]
    assert "- [x]" not in body and "## Accepted, waiting for the batch (2)" in body


def test_a_dashboard_closed_by_a_maintainer_stays_off(site: Site) -> None:
    number = site.suggest(f"arXiv:{LORA}")
    site.schedule()
    board = site.dashboard()
    site.fake.edit_issue(board["number"], state="closed")
    before = site.fake.issue(board["number"])["body"]

    site.suggest(f"arXiv:{ADAM}")
    site.command(number, "/accept")
    run = site.schedule()

    assert [b["number"] for b in site.dashboards()] == [board["number"]]
    assert site.fake.issue(board["number"])["body"] == before
    assert f"the dashboard #{board['number']} was closed: it stays off" in run.stdout

    site.fake.edit_issue(board["number"], state="open")  # turned back on
    site.schedule()
    assert "## Awaiting a decision (1)" in site.fake.issue(board["number"])["body"]


def test_the_readers_status_from_awaiting_to_released(site: Site) -> None:
    number = site.suggest(f"arXiv:{LORA}")
    site.schedule()
    status = lambda: site.harness.bot_comments(number)[0]["body"]  # noqa: E731
    assert "Awaiting a maintainer's decision since 20" in status()

    site.command(number, "/accept")
    assert "it will be added in the next batch pull request" in status()
    site.schedule()
    [pull] = site.fake.pulls()
    assert f"it is in pull request #{pull['number']}, waiting to be merged" in status()

    site.merge(pull["number"])  # the batch's changelog row is V2: merging releases it
    site.schedule()  # the follow-up thanks the reader (one write to the issue in this run)...
    assert not [c for c in site.fake.comments(number) if "survey-bot:released" in c["body"]]
    site.schedule()  # ...and the next scheduled run names the version
    assert f"**Added** to the survey in #{pull['number']}, released in version **V2**." in (
        status()
    )
    announced = [c for c in site.fake.comments(number) if "survey-bot:released V2" in c["body"]]
    assert len(announced) == 1
    assert "part of the survey's new version **V2**" in announced[0]["body"]
    assert "released in V2" in site.dashboard()["body"]

    site.schedule()  # again: nothing new to say
    again = [c for c in site.fake.comments(number) if "survey-bot:released" in c["body"]]
    assert len(again) == 1


def test_a_declined_paper_suggested_again_with_another_link_is_recognised(site: Site) -> None:
    site.schedule()
    first = site.suggest(f"arXiv:{LORA}")
    site.command(first, "/reject out of scope for this survey")

    again = site.suggest("https://doi.org/10.48550/arXiv.2106.09685", user="stranger")

    comment = site.harness.bot_comments(again)[0]["body"]
    assert (
        f"**Considered before** in #{first}: declined: out of scope for this survey. "
        "The maintainers decide again here." in comment
    )
    assert "**Not in the survey yet.**" in comment  # the decision stays the maintainers'
    assert site.state(again).papers[0].earlier[0].issue == first


def test_a_dashboard_at_the_size_limit_still_takes_a_new_suggestion(site: Site) -> None:
    site.schedule()
    board = site.dashboard()
    title = "A Long Title of a Paper Merged Long Ago " * 4
    old = tuple(
        Entry(1000 + n, 0, title, "someone", "merged", "2023-01-01", pull=7, ids=(f"s2:{n}",))
        for n in range(1500)
    )
    big = Dashboard(entries=old, versions=("V1",))
    _, text = render.fit(big, dt.date.today(), lambda **v: RENDERER.render("dashboard.md.j2", **v))
    site.fake.edit_issue(board["number"], body=text)  # as the bot left it: at the limit

    number = site.suggest(f"arXiv:{GELU}")

    body = site.dashboard()["body"]
    assert len(body) <= 65_536
    assert f"- [ ] #{number} **Gaussian Error Linear Units (GELUs)**" in body
    assert body.index("## Awaiting a decision (1)") < body.index("## Merged (1500)")
    data = decode(body)
    assert data is not None and data.folded["merged"] > 0


def test_what_the_dashboard_costs_a_triage_and_a_command(site: Site) -> None:
    site.schedule()
    site.fake.reset_log()
    number = site.suggest(f"arXiv:{LORA}")
    triage = [r.operation for r in site.fake.requests]
    site.fake.reset_log()
    site.command(number, "/accept")
    command = [r.operation for r in site.fake.requests]
    site.fake.reset_log()
    site.command(number, "/help")  # changes no decision: the dashboard is not read
    helped = [r.operation for r in site.fake.requests]

    dashboard = ["issues/list-for-repo", "issues/update"]  # found by its label, then edited
    assert triage == [
        "issues/list-for-repo",  # read before planning: the memory of earlier suggestions
        "issues/list-comments",
        "issues/create-comment",
        "issues/add-labels",
        "issues/update",
    ]
    # The budgets without a dashboard (triage 3, command 4: tests/run/) plus the dashboard's 2.
    assert len(triage) == 3 + 2
    assert command == [
        "repos/get-collaborator-permission-level",
        "issues/list-comments",
        "issues/update-comment",
        "issues/add-labels",
        *dashboard,
    ]
    assert "issues/list-for-repo" not in helped


def test_the_dashboards_own_events_are_never_triaged_as_suggestions(site: Site) -> None:
    site.suggest(f"arXiv:{LORA}")
    site.schedule()
    board = site.dashboard()
    site.fake.reset_log()

    reopened = edited_event(site.fake.issue(board["number"]), board["body"], board["body"], "maint")
    reopened["action"] = "reopened"
    site.deliver(reopened)
    site.deliver(edited_event(board, board["body"], board["body"] + "\nA note.", "maint"))
    run = site.command(board["number"], "/accept")

    assert "the dashboard takes ticks, not commands" in run.stdout
    assert [r.operation for r in site.fake.requests if r.method != "GET"] == []
    assert site.harness.bot_comments(board["number"]) == []


def test_a_declined_paper_is_recognised_by_a_link_the_services_cannot_resolve_today(
    site: Site,
) -> None:
    from bot.metadata.cache import Cache

    # What Semantic Scholar's externalIds told an earlier lookup: one work, two ids.
    cache = Cache(site.harness.survey / ".survey-bot" / "cache.sqlite")
    cache.link({f"arxiv:{LORA}", "openreview:nZeVKeeFYf9"})
    cache.close()
    site.schedule()
    first = site.suggest(f"https://arxiv.org/abs/{LORA}v2")
    site.command(first, "/reject not about language models")

    again = site.suggest("See https://openreview.net/forum?id=nZeVKeeFYf9", user="stranger")

    comment = site.harness.bot_comments(again)[0]["body"]
    assert "**We could not identify the paper**" in comment  # offline: not resolved today
    assert f"**Considered before** in #{first}: declined: not about language models." in comment


def test_an_emptied_dashboard_is_put_back(site: Site) -> None:
    number = site.suggest(f"arXiv:{LORA}")
    site.schedule()
    board = site.dashboard()
    site.fake.edit_issue(board["number"], body="")

    site.deliver(edited_event(site.fake.issue(board["number"]), board["body"], "", "maint"))

    assert site.fake.issue(board["number"])["body"] == board["body"]
    site.deliver(site.tick(f"{number}.0", user="maint"))  # and its boxes work again
    assert site.state(number).papers[0].accepted


def test_a_dashboard_updated_on_schedule_only_costs_events_nothing(site: Site) -> None:
    config = site.harness.survey / ".github" / "survey-bot.yml"
    config.write_text(config.read_text() + "  on_events: false\n")
    site.schedule()
    site.fake.reset_log()

    number = site.suggest(f"arXiv:{LORA}")
    site.command(number, "/accept")

    assert "issues/list-for-repo" not in [r.operation for r in site.fake.requests]
    assert "Nothing is waiting." in site.dashboard()["body"]
    site.schedule()
    [pull] = site.fake.pulls()
    body = site.dashboard()["body"]
    assert f"## In the open pull request #{pull['number']} (1)" in body
    assert f"- #{number} **LoRA: Low-Rank Adaptation" in body


def test_a_tick_still_to_run_survives_another_issues_refresh(site: Site) -> None:
    first = site.suggest(f"arXiv:{LORA}")
    site.schedule()
    tick = site.tick(f"{first}.0", user="maint")  # its run waits in the dashboard's queue

    site.suggest(f"arXiv:{ADAM}")  # another issue's run refreshes the dashboard meanwhile

    assert f"- [x] #{first} " in site.dashboard()["body"]
    site.deliver(tick)
    assert site.state(first).papers[0].accepted
    assert "- [x]" not in site.dashboard()["body"]


def test_the_audits_findings_are_on_the_dashboard(site: Site) -> None:
    readme = site.harness.survey / "README.md"
    bert = next(line for line in readme.read_text().splitlines() if "BERT" in line)
    twice = bert.replace("https://arxiv.org/abs/", "http://arxiv.org/abs/")
    readme.write_text(readme.read_text().replace(bert, f"{bert}\n{twice}"))

    site.schedule()

    body = site.dashboard()["body"]
    assert "## The survey's own list: audit findings (" in body
    assert "The same work twice in one section" in body and "README.md:5" in body
