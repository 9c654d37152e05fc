"""Config loading: a valid file loads; every mistake names file, line, key path and the fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import load_config, parse_config
from bot.config.schema import (
    AcknowledgementsTarget,
    ChangelogTarget,
    PaperListTarget,
    ReferenceSource,
)
from bot.errors import ConfigError

VALID = """\
language: en                  # en | zh: wording of replies, changelog and thanks
references:                   # every file whose entries count as "already cited"
  - path: paper/references.bib
  - path: README.md
    format: markdown          # otherwise from the extension: .bib .bbl .txt .md
bibtex:                       # optional: where new BibTeX entries go
  path: paper/references.bib
paper_list:                   # optional: the Markdown list new papers go into
  path: README.md
  section: "Paper List"       # default heading when /accept names none
changelog:                    # optional
  path: README.md
  format: markdown-table      # markdown-table | bullets | yaml
  heading: "Update Log"
acknowledgements:             # optional
  path: README.md
  heading: "Acknowledgments"
maintainers: []               # extra logins allowed to command
labels: {}                    # optional overrides of label names
batch:
  branch: survey-bot/updates
metadata:
  contact: maintainer@example.org
"""


def write(root: Path, text: str) -> Path:
    (root / ".github").mkdir(parents=True, exist_ok=True)
    (root / ".github" / "survey-bot.yml").write_text(text, encoding="utf-8")
    return root


def test_valid_config_loads(tmp_path):
    config = load_config(write(tmp_path, VALID))
    assert config.language == "en"
    assert config.references == (
        ReferenceSource("paper/references.bib"),
        ReferenceSource("README.md", "markdown"),
    )
    assert config.paper_list == PaperListTarget("README.md", "Paper List")
    # One mapping is a list of one (a survey may log and thank in several files).
    assert config.changelog == (ChangelogTarget("README.md", "markdown-table", "Update Log"),)
    assert config.acknowledgements == (AcknowledgementsTarget("README.md", "Acknowledgments"),)
    assert config.metadata.contact == "maintainer@example.org"
    assert config.labels.accepted == "accepted"
    assert config.root == tmp_path


def test_missing_file_says_how_to_create_one(tmp_path):
    with pytest.raises(ConfigError, match="survey-bot init"):
        load_config(tmp_path)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "format: markdown-table",
            "format: table",
            ".github/survey-bot.yml:13: changelog.format: "
            "expected one of markdown-table, bullets, latex, yaml, sections, "
            "got 'table'",
        ),
        (
            "references:",
            "refrences:",
            ".github/survey-bot.yml:2: refrences: unknown key (did you mean 'references'?)",
        ),
        (
            '  heading: "Update Log"',
            "  headng: x",
            ".github/survey-bot.yml:14: changelog.headng: unknown key (did you mean 'heading'?)",
        ),
        (
            "maintainers: []",
            "maintainers: {a: 1}",
            ".github/survey-bot.yml:18: maintainers: expected a list, got a mapping",
        ),
        ("labels: {}", "labels: [a]", ".github/survey-bot.yml:19: labels: expected a mapping"),
        (
            "language: en",
            "language: 3",
            ".github/survey-bot.yml:1: language: expected one of en, zh, got '3'",
        ),
        (
            "    format: markdown ",
            "    format: md ",
            ".github/survey-bot.yml:5: references[1].format: expected one "
            "of bibtex, bbl, text, markdown, got 'md' (did you mean 'markdown'?)",
        ),
        (
            "  contact: maintainer@example.org",
            "  cache_days: soon",
            ".github/survey-bot.yml:23: metadata.cache_days: expected a whole number, got 'soon'",
        ),
        (
            "  path: paper/references.bib\npaper",
            "  path: ../outside.bib\npaper",
            ".github/survey-bot.yml:7: "
            "bibtex.path: expected a path inside the repository (no '..'), got '../outside.bib'",
        ),
        (
            "  path: paper/references.bib\npaper",
            "  path: /etc/passwd\npaper",
            "bibtex.path: expected a path relative to the repository root, not an absolute path",
        ),
        (
            "batch:\n  branch: survey-bot/updates",
            "batch:\n  branch: bad branch..name",
            ".github/survey-bot.yml:21: batch.branch: expected a git branch name",
        ),
        (
            "language: en ",
            "language: en\nlanguage: zh ",
            ".github/survey-bot.yml:2: language: duplicate key",
        ),
        (
            "bibtex:                       # optional: where new BibTeX entries go\n"
            "  path: paper/references.bib",
            "bibtex:\n  section: x",
            ".github/survey-bot.yml:7: bibtex.section: unknown key",
        ),
        ("references:", "references: [\n", ".github/survey-bot.yml:4: invalid YAML"),
    ],
    ids=[
        "bad-choice",
        "unknown-top-key",
        "unknown-nested-key",
        "wrong-type-list",
        "wrong-type-mapping",
        "number-for-choice",
        "alias-did-you-mean",
        "not-an-int",
        "dotdot-path",
        "absolute-path",
        "bad-branch",
        "duplicate-key",
        "unknown-key-in-target",
        "yaml-syntax",
    ],
)
def test_mistakes_are_reported_with_line_and_key_path(tmp_path, old, new, message):
    assert old in VALID
    with pytest.raises(ConfigError) as error:
        load_config(write(tmp_path, VALID.replace(old, new, 1)))
    assert message in str(error.value)


def test_required_path_is_reported():
    with pytest.raises(ConfigError, match=r":1: bibtex.path: missing \(required\)"):
        parse_config("bibtex: {}\n")


def test_shorthands_and_defaults():
    config = parse_config(
        "bibtex: refs.bib\npaper_list: README.md\nmaintainers: ['@Alice', bob]\nlabels:\n"
    )
    assert config.references == (ReferenceSource("refs.bib"), ReferenceSource("README.md"))
    assert config.maintainers == ("Alice", "bob")
    assert config.changelog == () and config.labels.new == "new-paper"
    assert config.paper_list == PaperListTarget("README.md", None)


def test_empty_file_gives_defaults():
    config = parse_config("")
    assert config.language == "en" and config.references == () and config.bibtex is None


def test_numbers_typed_for_text_keep_their_text():
    config = parse_config("paper_list:\n  path: README.md\n  section: 5.2\n")
    assert config.paper_list.section == "5.2"
