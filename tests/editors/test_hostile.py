"""Hostile metadata renders as literal text: no LaTeX commands, no Markdown/HTML, no Jinja."""

from __future__ import annotations

import re

import pytest
from editor_samples import read
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.editors.acknowledgements import add_acknowledgements
from bot.editors.bibtex import add_bibtex_entries, read_blocks
from bot.editors.paper_list import add_to_paper_list
from bot.suggestions import PaperItem, PaperRecord, Thanks
from tests.conftest import RENDERER

HOSTILE = [
    r"Closing } brace and \input{/etc/passwd} and \write18{rm -rf ~}",
    "100% of # & _ ^ ~ $ signs {unbalanced",
    "{{ cycler.__init__.__globals__.os.popen('id').read() }} {% raw %}",
    "**bold** [link](javascript:alert(1)) <script>alert(1)</script> `code` | pipe",
    "@octocat please see @github/security",
    "line\nbreak\r\nand\u202eRTL\u200bzero-width",
]
ALLOWED = {
    r"\textbackslash",
    r"\textbraceleft",
    r"\textbraceright",
    r"\textasciicircum",
    r"\textasciitilde",
}


def _new_entry(old: str, new: str) -> str:
    """The lines ``new`` inserts into ``old`` (the editors only ever insert)."""
    before, after = old.split("\n"), new.split("\n")
    pairs = enumerate(zip(before, after, strict=False))
    head = next((i for i, (a, b) in pairs if a != b), len(before))
    tail = len(before) - head
    assert after[:head] == before[:head] and after[len(after) - tail :] == before[head:]
    return "\n".join(after[head : len(after) - tail])


def _braces_balanced(text: str) -> bool:
    depth = 0
    for ch in text:
        depth += {"{": 1, "}": -1}.get(ch, 0)
        if depth < 0:
            return False
    return depth == 0


def _check_bibtex(title: str, author: str, sample: str = "references.bib") -> None:
    old = read(sample)
    record = PaperRecord(title=title, authors=(author, "Bob Smith"), year=2024, arxiv="2401.00001")
    entry = _new_entry(old, add_bibtex_entries(old, [PaperItem(record)], renderer=RENDERER).text)
    assert _braces_balanced(entry)
    commands = set(re.findall(r"\\[A-Za-z]+", entry))
    assert commands <= ALLOWED, commands
    assert not re.search(r"\\[^A-Za-z$&%#_]", entry)
    parsed = [e for e in read_blocks(entry) if e.key and not e.problem]
    assert len(parsed) == 1 and set(parsed[0].values()) >= {"title", "author", "year"}
    assert "2401.00001" in entry


@pytest.mark.parametrize("sample", ["references.bib", "sorted-acl.bib", "aligned.bib"])
@pytest.mark.parametrize(
    "title", HOSTILE, ids=["latex", "specials", "jinja", "markdown-html", "mentions", "controls"]
)
def test_bibtex_entry_from_hostile_metadata_is_inert(title, sample):
    # Quoted values, {BERT}-style protection and double-braced titles each add braces
    # of their own: none may unbalance an entry or let a command through.
    _check_bibtex(title, title, sample)


@settings(max_examples=60, deadline=None)
@given(st.text(min_size=1, max_size=60), st.text(max_size=30))
def test_bibtex_entry_from_any_text_is_inert(title, author):
    _check_bibtex(title, author)


def _unescape_markdown(text: str) -> str:
    text = re.sub(r"\\([\\`*_\[\]|~])", r"\1", text).replace("@\u200b", "@")
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


@pytest.mark.parametrize(
    "title", HOSTILE, ids=["latex", "specials", "jinja", "markdown-html", "mentions", "controls"]
)
def test_paper_list_entry_from_hostile_metadata_is_literal(title):
    old = read("README.md")
    record = PaperRecord(title=title, authors=(title,), year=2024, arxiv="2401.00001")
    new = add_to_paper_list(
        old, [PaperItem(record, "Data Collection")], None, renderer=RENDERER
    ).text
    [line] = [line for line in new.splitlines() if "2401.00001" in line]
    assert "<" not in line.replace("<u>", "").replace("</u>", "")
    assert not re.search(r"(?<![A-Za-z0-9_])@(?!\u200b)\w", line)
    assert "cycler" not in title or "cycler.\\_\\_init\\_\\_" in line  # template text stays data
    flat = " ".join(title.replace("\u202e", "").replace("\u200b", "").split())
    assert flat in _unescape_markdown(line)
    body = line.split('**"', 1)[1].rsplit('"**', 1)[0]
    assert not re.search(r"(?<!\\)[*_`\[\]|]", body)  # no live Markdown in the title


@pytest.mark.parametrize(
    "name", HOSTILE, ids=["latex", "specials", "jinja", "markdown-html", "mentions", "controls"]
)
def test_acknowledged_names_are_literal(name):
    old = read("README.md")
    new = add_acknowledgements(old, [Thanks("evil", name)], renderer=RENDERER).text
    [line] = [line for line in new.splitlines() if line.startswith("The authors")]
    assert "<script" not in line and not re.search(r"(?<![A-Za-z0-9_])@(?!\u200b)\w", line)
    assert "  " not in line.split("Yubo Feng", 1)[1]
