"""Hidden state in the bot's own comment: round trip, hostile content, forgeries, corruption."""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass, replace
from datetime import datetime, timezone

import pytest

from bot.issue.provenance import load_state
from bot.issue.state import (
    DATA_PREFIX,
    MARKER,
    PaperState,
    RefSummary,
    TriageState,
    accepted_items,
    decode_state,
    encode_state,
    thanks_only,
)
from bot.suggestions import PaperRecord, Thanks

BOT = "github-actions[bot]"

FULL = TriageState(
    papers=(
        PaperState(
            verdict="cited",
            keys=("arxiv:2303.18223",),
            asked="arXiv:2303.18223",
            record=PaperRecord(
                title="A Survey of LLMs",
                authors=("W. Zhao", "K. Zhou"),
                year=2023,
                arxiv="2303.18223",
                source="arxiv",
            ),
            match=RefSummary(
                title="A Survey of LLMs",
                number=57,
                key="zhao2023",
                source="refs.bib",
                line=120,
                score=1.0,
            ),
        ),
        PaperState(
            verdict="new",
            keys=("doi:10.1/x",),
            asked="DOI 10.1/x",
            record=PaperRecord(title="New --> <!-- paper", doi="10.1/x"),
            accepted=True,
            section="Agents",
            suggested_section="Tools -->",
        ),
        PaperState(
            verdict="ambiguous",
            asked="Some title",
            record=PaperRecord(title="Some title"),
            candidates=(RefSummary(title="Some title!", key="k", score=0.8),),
        ),
        PaperState(verdict="unresolved", asked="https://example.org/x", why="no metadata -->"),
    ),
    omitted=2,
    reader=Thanks(login="reader", name="Ann Lee 李安", opt_out=False),
    rejected=False,
    extra_thanks=(Thanks(login="bob", name='Bob "the --> builder"'),),
)


def _body(state: TriageState, text: str = "visible") -> str:
    return f"{MARKER}\n{text}\n\n{encode_state(state)}\n"


@pytest.mark.parametrize(
    "state",
    [
        pytest.param(TriageState(), id="empty"),
        pytest.param(FULL, id="full"),
        pytest.param(TriageState(rejected=True, rejected_reason="--> <script>"), id="rejected"),
        pytest.param(
            replace(FULL, papers=(replace(FULL.papers[1], landed=RefSummary("T -->", 3)),)),
            id="landed",
        ),
    ],
)
def test_round_trip(state: TriageState):
    decoded = decode_state(_body(state))
    assert decoded.warning is None
    assert decoded.state == state


def test_data_line_cannot_be_closed_early():
    line = encode_state(FULL)
    assert line.startswith(DATA_PREFIX) and line.endswith(" -->")
    inner = line[len(DATA_PREFIX) : -len(" -->")]
    assert "-->" not in inner and "--!>" not in inner and "<" not in inner and ">" not in inner
    assert "--> <!--" in FULL.papers[1].record.title  # the hostile text really is inside


def _b64(data: object) -> str:
    raw = data if isinstance(data, bytes) else json.dumps(data).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _data(data: object) -> str:
    """A well-formed data line around ``data`` (JSON-encoded unless bytes)."""
    return f"{DATA_PREFIX}{_b64(data)} -->"


def _paper(**fields: object) -> dict[str, object]:
    return {"v": 1, "papers": [{"verdict": "new", **fields}]}


CORRUPT = [
    ("empty", "", "has no survey-bot data"),
    ("marker-only", MARKER, "has no survey-bot data"),
    ("bad-alphabet", f"{DATA_PREFIX}!!!! -->", "has no survey-bot data"),
    ("not-json", _data(b"not json"), "unreadable"),
    ("not-utf8", _data(bytes([0xFF, 0xFE])), "unreadable"),
    ("truncated-base64", f"{DATA_PREFIX}a -->", "unreadable"),
    ("list", _data([1, 2]), "unreadable"),
    ("no-version", _data({"papers": []}), "no schema version"),
    ("newer-schema", _data({"v": 99}), "newer than"),
    ("bool-version", _data({"v": True}), "no schema version"),
    ("papers-str", _data({"v": 1, "papers": "x"}), "expected a list"),
    ("bad-verdict", _data(_paper(verdict="maybe")), "unknown verdict"),
    ("accepted-str", _data(_paper(accepted="yes")), "expected true or false"),
    ("authors-str", _data(_paper(record={"authors": "x"})), "expected a list"),
    ("year-str", _data(_paper(record={"year": "2020"})), "expected an integer"),
    ("reader-str", _data({"v": 1, "reader": "me"}), "expected an object"),
    ("login-int", _data({"v": 1, "extra_thanks": [{"login": 5}]}), "expected a string"),
    ("deep-nesting", _data(b"[" * 100_000), "unreadable"),
]


@pytest.mark.parametrize(("body", "warning"), [c[1:] for c in CORRUPT], ids=[c[0] for c in CORRUPT])
def test_corrupt_data_gives_fresh_state_and_warning(body: str, warning: str):
    decoded = decode_state(body)
    assert decoded.state == TriageState()
    assert decoded.warning and warning in decoded.warning


def test_decode_accepts_padding_and_uses_last_block():
    padded = encode_state(FULL).replace(" -->", "== -->")
    assert decode_state(padded).state == FULL
    assert decode_state(encode_state(TriageState()) + "\n" + encode_state(FULL)).state == FULL


# --- finding the bot's comment ---------------------------------------------------------------


def _c(cid: int, login: str, body: str, created: str = "") -> dict[str, object]:
    return {"id": cid, "user": {"login": login}, "body": body, "created_at": created}


@dataclass
class Obj:
    id: int
    author_login: str
    body: str
    created_at: datetime | None = None


@dataclass
class PyGithubUser:
    login: str


@dataclass
class PyGithubComment:
    id: int
    user: PyGithubUser
    body: str
    created_at: datetime


def test_forged_marker_in_a_strangers_comment_is_ignored():
    forged = _c(1, "mallory", _body(TriageState(rejected=True)))
    real = _c(2, BOT, _body(FULL))
    assert load_state([forged, real], BOT).comment is real
    loaded = load_state([forged], BOT)
    assert loaded.comment is None and loaded.state is None


def test_bot_comment_without_marker_is_not_the_triage_comment():
    assert load_state([_c(1, BOT, "Accepted paper 1 ...")], BOT).comment is None


def test_oldest_of_several_wins_and_others_are_reported():
    old = _c(30, BOT, _body(FULL), "2024-01-01T00:00:00Z")
    newer = _c(10, BOT, _body(TriageState()), "2024-02-01T00:00:00Z")
    newest = _c(20, BOT, _body(TriageState()), "2024-03-01T00:00:00Z")
    comments = [newest, _c(5, "alice", "hi"), newer, old]
    loaded = load_state(comments, BOT)
    assert loaded.comment is old and loaded.state == FULL and loaded.duplicates == [newer, newest]


def test_ids_break_ties_deterministically():
    a, b = _c(7, BOT, _body(FULL)), _c(3, BOT, _body(FULL))
    assert load_state([a, b], BOT).comment is b
    assert load_state([b, a], BOT).comment is b


def test_login_comparison_is_case_insensitive_and_object_comments_work():
    when = datetime(2024, 1, 1, tzinfo=timezone.utc)
    obj = Obj(1, "Survey-Bot", _body(FULL), when)
    gh = PyGithubComment(
        2, PyGithubUser("survey-bot"), _body(TriageState()), when.replace(year=2025)
    )
    assert load_state([gh, obj], "survey-bot").comment is obj
    assert load_state([gh, obj], "survey-bot").duplicates == [gh]


def test_load_state_with_corrupt_data_warns():
    comment = _c(1, BOT, f"{MARKER}\n{_data(b'{')}")
    loaded = load_state([comment], BOT)
    assert (
        loaded.comment is comment
        and loaded.state == TriageState()
        and "unreadable" in loaded.warning
    )


def test_no_bot_login_trusts_nobody():
    assert load_state([_c(1, "", _body(FULL))], "").comment is None


# --- accepted items ----------------------------------------------------------------------------


def test_accepted_items_carry_section_and_thanks():
    [item] = accepted_items(FULL, 7, "Default")
    assert item.record.doi == "10.1/x" and item.section == "Agents" and item.issue == 7
    assert [t.login for t in item.thanks] == ["reader", "bob"]


def test_accepted_items_skip_merged_landed_and_rejected():
    merged = replace(FULL.papers[1], merged_in=12)
    landed = replace(FULL.papers[1], landed=RefSummary("New", key="k", source="refs.bib"))
    assert accepted_items(TriageState(papers=(merged, landed)), 7, None) == []
    assert accepted_items(TriageState(papers=FULL.papers, rejected=True), 7, None) == []


def test_a_state_without_landed_papers_keeps_its_old_encoding():
    """Old comments decode, and re-encoding them changes no byte (no needless comment edits)."""
    raw = json.dumps(FULL.to_json(), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    assert '"landed"' not in raw
    assert decode_state(_body(FULL)).state.papers[1].landed is None


@pytest.mark.parametrize(
    ("opt_out", "owed"),
    [(False, ["reader", "bob"]), (True, ["bob"])],
    ids=["reader-owed", "opted-out"],
)
def test_papers_added_by_hand_owe_the_readers_name(opt_out: bool, owed: list[str]):
    landed = replace(FULL.papers[1], landed=RefSummary("New", key="k"))
    state = replace(FULL, papers=(landed,), reader=replace(FULL.reader, opt_out=opt_out))
    assert [t.login for t in thanks_only(state)] == owed
    assert state.pending  # bob's /thank is still to go in
    assert not replace(state, extra_thanks=()).pending  # the paper itself is done
