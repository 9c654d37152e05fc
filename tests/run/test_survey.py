"""``bot.assess``: the reference index from the config, and per-suggestion assessment."""

from __future__ import annotations

import pytest
from run_harness import BIB, README

from bot.assess import assess, load_index, survey_references
from bot.config import parse_config
from bot.config.schema import MetadataConfig
from bot.errors import ConfigError
from bot.metadata import build_resolver
from bot.models import Skipped
from bot.suggestions import Suggestion

BERT_TITLE = "BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding"
CONFIG = "references:\n  - path: refs.bib\n  - path: README.md\n"


@pytest.fixture
def config(tmp_path):
    (tmp_path / "refs.bib").write_text(BIB, encoding="utf-8")
    (tmp_path / "README.md").write_text(README, encoding="utf-8")
    return parse_config(CONFIG, tmp_path)


def test_every_reference_file_is_indexed_under_its_configured_name(config):
    references = survey_references(config).references
    assert [(r.source, r.line) for r in references] == [("refs.bib", 1), ("README.md", 5)]
    assert len(load_index(config)) == 2


def test_a_missing_reference_file_is_a_config_error(config):
    (config.root / "README.md").unlink()
    with pytest.raises(ConfigError, match=r"references: .*README\.md: no such file"):
        load_index(config)


@pytest.mark.parametrize(
    ("suggestion", "verdict"),
    [
        (Suggestion(arxiv="1706.03762v2"), "cited"),
        (Suggestion(doi="10.48550/arXiv.1810.04805"), "cited"),
        (Suggestion(title=BERT_TITLE), "cited"),
        (Suggestion(title="Zebras and Quokkas"), "new"),
        (Suggestion(url="https://example.org/paper"), None),
    ],
    ids=["arxiv-id", "arxiv-doi", "title", "unknown-title", "nothing-to-check"],
)
def test_unresolved_suggestions_are_still_checked_by_what_the_reader_wrote(
    config, tmp_path, suggestion, verdict
):
    offline_and_empty = MetadataConfig(cache=str(tmp_path / "empty.sqlite"))
    with build_resolver(offline_and_empty, offline=True) as resolver:
        [item] = assess([suggestion], resolver, load_index(config))
    assert isinstance(item.resolution, Skipped)
    assert (item.result.verdict if item.result else None) == verdict
