"""``survey-bot intake``: real webhook payloads, the JSON contract and input errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.cli import main
from tests.conftest import FIXTURES

WEBHOOKS = FIXTURES / "github" / "webhooks"
JSON_KEYS = ["arxiv", "doi", "openreview", "acl", "url", "title", "section", "thank_as"]


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["intake", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def opened_payloads() -> list[Path]:
    return sorted(WEBHOOKS.glob("issues.opened.*.json"))


def test_real_payloads_are_present() -> None:
    assert len(opened_payloads()) >= 4


@pytest.mark.parametrize("payload", opened_payloads(), ids=lambda p: p.name)
def test_real_opened_payloads_are_not_suggestions(payload: Path, capsys) -> None:
    # Octokit's examples are "Spelling error in the README file" (body: a typo
    # report, or null in issues.opened.2.json): not paper suggestions.
    issue = json.loads(payload.read_text(encoding="utf-8"))["issue"]
    assert issue["title"] == "Spelling error in the README file"
    code, out, err = run_cli(capsys, "--event", str(payload), "--json")
    assert code == 0, err
    assert json.loads(out) == {"suggestions": []}
    code, out, _ = run_cli(capsys, "--event", str(payload))
    assert (code, out) == (0, "no paper suggestion found\n")


def test_other_payloads_with_an_issue_are_read(capsys) -> None:
    for payload in sorted(WEBHOOKS.glob("issue*.json")):
        code, out, _ = run_cli(capsys, "--event", str(payload), "--json")
        assert code == 0 and json.loads(out) == {"suggestions": []}, payload.name


def test_payload_without_issue_is_an_input_error(capsys) -> None:
    code, out, err = run_cli(capsys, "--event", str(WEBHOOKS / "workflow_dispatch.1.json"))
    assert code == 2 and out == ""
    assert "has no issue" in err and err.count("\n") == 1


def write_event(tmp_path: Path, title: str, body: str | None) -> Path:
    path = tmp_path / "event.json"
    path.write_text(
        json.dumps({"action": "opened", "issue": {"title": title, "body": body}}), encoding="utf-8"
    )
    return path


def test_json_contract(tmp_path: Path, capsys) -> None:
    event = write_event(
        tmp_path,
        "Missing paper",
        "Please add https://aclanthology.org/2023.acl-long.754/ to Section 5.2. "
        "Thank me as Jane Doe.",
    )
    code, out, _ = run_cli(capsys, "--event", str(event), "--json")
    assert code == 0
    data = json.loads(out)
    assert list(data) == ["suggestions"]
    [item] = data["suggestions"]
    assert list(item) == JSON_KEYS
    assert item == {
        "arxiv": None,
        "doi": "10.18653/v1/2023.acl-long.754",
        "openreview": None,
        "acl": "2023.acl-long.754",
        "url": None,
        "title": None,
        "section": "5.2",
        "thank_as": "Jane Doe",
    }


def test_title_and_body_file(tmp_path: Path, capsys) -> None:
    body = tmp_path / "body.md"
    body.write_text(
        "1. https://arxiv.org/abs/2302.13971\n2. https://openreview.net/forum?id=HPuSIXJaa9\n",
        encoding="utf-8",
    )
    code, out, _ = run_cli(capsys, "--title", "Add papers", "--body-file", str(body))
    assert code == 0
    assert out.splitlines() == ["1. arXiv:2302.13971", "2. OpenReview:HPuSIXJaa9"]


def test_title_only(capsys) -> None:
    code, out, _ = run_cli(capsys, "--title", "Add paper: arXiv:2106.09685", "--json")
    assert code == 0 and json.loads(out)["suggestions"][0]["arxiv"] == "2106.09685"


def test_ignore_id_option(tmp_path: Path, capsys) -> None:
    body = tmp_path / "body.md"
    body.write_text("Please add https://arxiv.org/abs/2303.18223", encoding="utf-8")
    code, out, _ = run_cli(
        capsys, "--title", "x", "--body-file", str(body), "--ignore-id", "2303.18223", "--json"
    )
    assert code == 0 and json.loads(out) == {"suggestions": []}


def test_human_output_is_one_line_per_paper_and_terminal_safe(tmp_path: Path, capsys) -> None:
    event = write_event(
        tmp_path,
        "Add paper: \x1b[31mEvil\x1b[0m Title Of A Paper\u202e",
        "Title: Attention\x1b]0;pwned\x07 Is All You Need\nLink: https://arxiv.org/abs/1706.03762",
    )
    code, out, _ = run_cli(capsys, "--event", str(event))
    assert code == 0
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
    assert out.count("\n") == 1 and out.startswith("1. arXiv:1706.03762")


def test_invalid_utf8_event_is_decoded_with_replacement(tmp_path: Path, capsys) -> None:
    path = tmp_path / "event.json"
    path.write_bytes(
        b'{"issue": {"title": "Missing \xff paper", '
        b'"body": "Please add arXiv:2308.09662 \xfe\xfd"}}'
    )
    code, out, _ = run_cli(capsys, "--event", str(path), "--json")
    assert code == 0
    assert json.loads(out)["suggestions"][0]["arxiv"] == "2308.09662"


def test_event_with_bom_and_null_body(tmp_path: Path, capsys) -> None:
    path = tmp_path / "event.json"
    path.write_bytes(
        b"\xef\xbb\xbf" + json.dumps({"issue": {"title": "Great work!", "body": None}}).encode()
    )
    code, out, _ = run_cli(capsys, "--event", str(path), "--json")
    assert (code, json.loads(out)) == (0, {"suggestions": []})


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not json at all", "is not JSON"),
        (b"[1, 2, 3]", "has no issue"),
        (b'{"action": "opened"}', "has no issue"),
        (b'{"issue": "text"}', "has no issue"),
        (b'{"issue": {"title": 5, "body": ""}}', "issue.title is not a string"),
        (b'{"issue": {"title": "x", "body": ["a"]}}', "issue.body is not a string"),
    ],
)
def test_bad_event_files(tmp_path: Path, capsys, content: bytes, message: str) -> None:
    path = tmp_path / "event.json"
    path.write_bytes(content)
    code, out, err = run_cli(capsys, "--event", str(path))
    assert code == 2 and out == ""
    assert message in err and err.startswith("survey-bot: error: ") and err.count("\n") == 1


def test_missing_files(tmp_path: Path, capsys) -> None:
    code, _, err = run_cli(capsys, "--event", str(tmp_path / "nope.json"))
    assert code == 2 and "does not exist" in err
    code, _, err = run_cli(capsys, "--title", "x", "--body-file", str(tmp_path / "nope.md"))
    assert code == 2 and "does not exist" in err
    code, _, err = run_cli(capsys, "--event", str(tmp_path))
    assert code == 2 and "directory" in err


def test_nothing_to_read_or_both_inputs(tmp_path: Path, capsys) -> None:
    code, _, err = run_cli(capsys)
    assert code == 2 and "nothing to read" in err
    event = write_event(tmp_path, "t", "b")
    code, _, err = run_cli(capsys, "--event", str(event), "--title", "x")
    assert code == 2 and "not both" in err


def test_too_many_papers_are_reported_on_stderr(tmp_path: Path, capsys) -> None:
    body = tmp_path / "body.md"
    body.write_text(
        "\n".join(f"- https://arxiv.org/abs/2401.{n:05d}" for n in range(1, 31)), encoding="utf-8"
    )
    code, out, err = run_cli(
        capsys, "--title", "Missing papers", "--body-file", str(body), "--json"
    )
    assert code == 0
    assert len(json.loads(out)["suggestions"]) == 20
    assert "10 not read" in err
