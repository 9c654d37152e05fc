"""GitHub failing mid-triage: retried without ever acting twice; a permanent error fails clearly."""

from __future__ import annotations

import pytest
from run_harness import BOT, LORA, issue_event

from bot.issue.state import decode_state
from sandbox import primary_rate_limit, secondary_rate_limit, server_error

# The requests of a new issue's triage, in order (see test_triage.py).
TRIAGE = [
    ("GET", r"/issues/1/comments$"),
    ("POST", r"/issues/1/comments$"),
    ("POST", r"/issues/1/labels$"),
]
FAULTS = {
    "502": server_error(502),
    "secondary-rate-limit": secondary_rate_limit(retry_after=1),
    "primary-rate-limit": primary_rate_limit(reset_in=1),
}


CASES = [
    *(
        (index, fault, False)
        for index in range(len(TRIAGE))
        for fault in ("502", "secondary-rate-limit")
    ),
    (1, "primary-rate-limit", False),  # the hour's budget ran out just before the comment
    (1, "502", True),  # GitHub posted the comment, then answered 502
]
CASE_IDS = [
    f"{TRIAGE[i][0]}-{TRIAGE[i][1].strip('$').rsplit('/', 1)[-1]}-{f}" + ("-after" if a else "")
    for i, f, a in CASES
]


@pytest.mark.parametrize(("index", "fault", "after"), CASES, ids=CASE_IDS)
def test_one_failed_request_still_gives_exactly_one_comment(harness, index, fault, after):
    payload = harness.seed(issue_event("opened", "A paper", f"arXiv:{LORA}"))
    method, path = TRIAGE[index]
    injected = harness.fake.inject(method, path, **FAULTS[fault], after=after)

    run = harness.run("issues", payload)

    assert run.returncode == 0, run.stdout + run.stderr
    assert injected.hits == 1
    [comment] = harness.fake.comments(1)
    assert comment["user"]["login"] == BOT
    assert [p.verdict for p in decode_state(comment["body"]).state.papers] == ["new"]
    assert sorted(harness.fake.labels(1)) == ["new-paper", "paper-suggestion"]


def test_a_permanent_error_fails_the_job_with_one_error_line(harness):
    payload = harness.seed(issue_event("opened", "A paper", f"arXiv:{LORA}"))
    forbidden = {"message": "Resource not accessible by integration"}
    harness.fake.inject("POST", r"/issues/1/comments$", status=403, body=forbidden, times=None)

    run = harness.run_process("issues", payload)  # end to end

    assert run.returncode == 1
    assert run.errors == [
        "::error::GitHub POST /repos/Codertocat/Hello-World/issues/1/comments -> 403: "
        "Resource not accessible by integration"
    ]
    assert harness.fake.comments(1) == []
    assert "survey-bot failed" in run.summary


def test_bad_configuration_exits_2(harness):
    (harness.survey / ".github" / "survey-bot.yml").write_text("language: klingon\n")
    payload = harness.seed(issue_event("opened", "A paper", f"arXiv:{LORA}"))

    run = harness.run_process("issues", payload)  # end to end

    assert run.returncode == 2
    [error] = run.errors
    assert error.startswith("::error::.github/survey-bot.yml:1: language:")
    assert harness.fake.requests == []
