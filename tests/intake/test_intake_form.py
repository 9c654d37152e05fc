"""The issue form: a valid GitHub issue form, and its rendered bodies read back."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from bot.intake import parse_issue, parse_issue_detailed
from bot.intake.form import classify_label, split_form

ROOT = Path(__file__).resolve().parents[2]
FORM = ROOT / ".github" / "ISSUE_TEMPLATE" / "suggest-paper.yml"

# GitHub's documented issue-form syntax (top-level keys and per-type attributes).
TOP_KEYS = {"name", "description", "title", "labels", "assignees", "projects", "type", "body"}
TYPE_ATTRS = {
    "markdown": {"value"},
    "input": {"label", "description", "placeholder", "value"},
    "textarea": {"label", "description", "placeholder", "value", "render"},
    "dropdown": {"label", "description", "multiple", "options", "default"},
    "checkboxes": {"label", "description", "options"},
}


def load_form() -> dict:
    return yaml.safe_load(FORM.read_text(encoding="utf-8"))


def test_form_follows_the_issue_forms_syntax() -> None:
    form = load_form()
    assert set(form) <= TOP_KEYS
    assert isinstance(form["name"], str) and form["name"].strip()
    assert isinstance(form["description"], str) and form["description"].strip()
    assert form["labels"] == ["paper-suggestion"]
    body = form["body"]
    assert isinstance(body, list) and body
    ids, labels = set(), set()
    for element in body:
        assert set(element) <= {"type", "id", "attributes", "validations"}, element
        kind = element["type"]
        assert kind in TYPE_ATTRS
        attrs = element["attributes"]
        assert set(attrs) <= TYPE_ATTRS[kind], element
        if kind == "markdown":
            assert "id" not in element and "validations" not in element
            assert attrs["value"].strip()
            continue
        assert attrs["label"].strip()
        assert attrs["label"] not in labels, "labels must be unique"
        labels.add(attrs["label"])
        if "id" in element:
            assert re.fullmatch(r"[A-Za-z0-9_-]+", element["id"])
            assert element["id"] not in ids, "ids must be unique"
            ids.add(element["id"])
        if "validations" in element:
            assert kind != "checkboxes"
            assert set(element["validations"]) <= {"required"}
            assert isinstance(element["validations"]["required"], bool)
        if kind == "checkboxes":
            options = attrs["options"]
            assert options and all(
                set(o) <= {"label", "required"} and o["label"].strip() for o in options
            )
            assert len({o["label"] for o in options}) == len(options)
    assert {"link", "title", "section", "why", "thank_as"} <= ids
    link = next(e for e in body if e.get("id") == "link")
    assert link["validations"]["required"] is True


def render(answers: dict[str, str], checked: bool = False) -> str:
    """The Markdown GitHub renders for a submitted form (``_No response_`` when empty)."""
    blocks = []
    for element in load_form()["body"]:
        kind = element["type"]
        if kind == "markdown":
            continue
        label = element["attributes"]["label"]
        if kind == "checkboxes":
            mark = "X" if checked else " "
            value = "\n".join(f"- [{mark}] {o['label']}" for o in element["attributes"]["options"])
        else:
            value = answers.get(element["id"], "") or "_No response_"
        blocks.append(f"### {label}\n\n{value}")
    return "\n\n".join(blocks)


def test_every_form_field_is_recognised() -> None:
    for element in load_form()["body"]:
        if element["type"] == "markdown":
            continue
        value = "- [ ] x" if element["type"] == "checkboxes" else "text"
        kind = classify_label(element["attributes"]["label"], value)
        expected = {"opt_out": "checkboxes"}.get(element["id"], element["id"])
        assert kind == expected, element["attributes"]["label"]


def test_rendered_form_round_trip() -> None:
    body = render(
        {
            "link": "https://arxiv.org/abs/2308.09662v3",
            "title": "A Survey on Large Language Model based Autonomous Agents",
            "section": "Section 5.2",
            "why": "Covers agent memory, which you discuss (see also arXiv:2304.03442 in passing).",
            "thank_as": "Jane Doe",
        }
    )
    result = parse_issue_detailed("[Paper]: agents survey", body)
    assert result.form
    [s] = result.suggestions
    assert (s.arxiv, s.title, s.section, s.thank_as, s.opt_out) == (
        "2308.09662",
        "A Survey on Large Language Model based Autonomous Agents",
        "5.2",
        "Jane Doe",
        False,
    )


def test_checked_box_opts_out_and_empty_fields_are_null() -> None:
    body = render({"link": "10.18653/v1/N19-1423"}, checked=True)
    [s] = parse_issue("[Paper]: ", body)
    assert s.doi == "10.18653/v1/n19-1423" and s.acl == "N19-1423"
    assert s.opt_out is True
    assert (s.title, s.section, s.thank_as) == (None, None, None)


@pytest.mark.parametrize("mark", ["x", "X", "✓"])
def test_checkbox_marks(mark: str) -> None:
    body = render({"link": "arXiv:2106.09685"}).replace("- [ ]", f"- [{mark}]")
    assert parse_issue("", body)[0].opt_out is True


def test_other_checked_boxes_do_not_opt_out() -> None:
    body = (
        "### Link\n\nhttps://arxiv.org/abs/2106.09685\n\n"
        "### Checks\n\n- [x] I searched the references and it is not cited\n"
        "- [ ] Please do not thank me by name"
    )
    [s] = parse_issue("", body)
    assert s.opt_out is False


def test_thank_as_from_form_wins_over_free_text() -> None:
    body = render(
        {
            "link": "https://arxiv.org/abs/2106.09685",
            "thank_as": "Ada L.",
            "why": "Please thank me as Someone Else.",
        }
    )
    assert parse_issue("", body)[0].thank_as == "Ada L."


def test_why_field_free_text_thanks_is_used_when_form_field_empty() -> None:
    body = render(
        {
            "link": "https://arxiv.org/abs/2106.09685",
            "why": "Great paper. Please thank me as Bo Li.",
        }
    )
    assert parse_issue("", body)[0].thank_as == "Bo Li"


def test_why_field_incidental_ids_are_not_suggestions() -> None:
    body = render(
        {
            "link": "https://arxiv.org/abs/2305.14314",
            "why": "It improves on LoRA (arXiv:2106.09685) and on "
            "https://arxiv.org/abs/2303.16199 a lot.",
        }
    )
    assert [s.arxiv for s in parse_issue("", body)] == ["2305.14314"]


def test_why_field_bibtex_is_merged_into_the_paper() -> None:
    why = (
        "```bibtex\n@inproceedings{hu2022lora,\n"
        "  title={{LoRA}: Low-Rank Adaptation of Large Language Models},\n"
        "  booktitle={ICLR},\n  year={2022}\n}\n```"
    )
    body = render({"link": "https://openreview.net/forum?id=nZeVKeeFYf9", "why": why})
    [s] = parse_issue("", body)
    assert s.openreview == "nZeVKeeFYf9"
    assert s.title == "LoRA: Low-Rank Adaptation of Large Language Models"
    assert s.bibtex and s.bibtex.startswith("@inproceedings")


def test_form_with_everything_in_the_wrong_field_falls_back_to_free_text() -> None:
    body = render(
        {"why": "Please add https://arxiv.org/abs/2401.04088 (Mixtral of Experts) to Section 3."}
    )
    body = body.replace(
        "### Link or identifier\n\n_No response_", "### Link or identifier\n\n_No response_"
    )
    [s] = parse_issue("[Paper]: ", body)
    assert s.arxiv == "2401.04088" and s.section == "3"


def test_link_field_with_plain_title_is_a_title() -> None:
    body = render({"link": "Attention Is All You Need"})
    [s] = parse_issue("", body)
    assert s.title == "Attention Is All You Need" and s.arxiv is None


def test_link_field_with_unknown_site_keeps_url() -> None:
    body = render(
        {"link": "https://www.example-lab.org/papers/agents2024", "title": "Agents in the Wild"}
    )
    [s] = parse_issue("", body)
    assert (
        s.url == "https://www.example-lab.org/papers/agents2024" and s.title == "Agents in the Wild"
    )


def test_several_titles_pair_with_several_links() -> None:
    body = (
        "### Link or identifier\n\nhttps://arxiv.org/abs/2302.13971\nhttps://arxiv.org/abs/2307.09288\n\n"
        "### Title\n\nLLaMA: Open and Efficient Foundation Language Models\n"
        "Llama 2: Open Foundation and Fine-Tuned Chat Models\n\n"
        "### Section of the survey\n\n_No response_"
    )
    got = parse_issue("", body)
    assert [(s.arxiv, s.title) for s in got] == [
        ("2302.13971", "LLaMA: Open and Efficient Foundation Language Models"),
        ("2307.09288", "Llama 2: Open Foundation and Fine-Tuned Chat Models"),
    ]


def test_headings_inside_code_are_not_a_form() -> None:
    body = "Here is my README:\n\n```\n### Title\n\nfoo\n\n### Link\n\nbar\n```\n"
    assert split_form(body) is None
    assert parse_issue("README question", body) == []


def test_free_text_with_one_heading_is_not_a_form() -> None:
    body = "### Suggestion\n\nPlease add https://arxiv.org/abs/2106.09685"
    result = parse_issue_detailed("", body)
    assert not result.form and result.suggestions[0].arxiv == "2106.09685"
