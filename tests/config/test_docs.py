"""Every config key is documented: in docs/config.md (generated) and in the init template."""

from __future__ import annotations

from pathlib import Path

from bot.cli.init import Survey, render_config
from bot.config import Config
from bot.config.schema import reference_markdown
from bot.config.validate import key_rows

ROOT = Path(__file__).resolve().parents[2]


def test_every_key_has_a_doc():
    missing = [path for path, _, doc in key_rows(Config) if not doc.strip()]
    assert missing == []


def test_docs_config_md_is_current():
    assert (ROOT / "docs" / "config.md").read_text(encoding="utf-8") == reference_markdown(), (
        "regenerate with: .venv/bin/python -m bot.config"
    )


def test_init_template_mentions_every_key():
    text = render_config(Survey())
    for path, _, _ in key_rows(Config):
        leaf = path.rsplit(".", 1)[-1].removesuffix("[]")
        assert f"{leaf}:" in text, path
