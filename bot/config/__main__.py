"""``python -m bot.config``: regenerate ``docs/config.md`` from the declarations."""

from __future__ import annotations

from pathlib import Path

from bot.config.schema import reference_markdown

target = Path(__file__).resolve().parents[2] / "docs" / "config.md"
target.parent.mkdir(exist_ok=True)
target.write_text(reference_markdown(), encoding="utf-8")
print(f"wrote {target}")
