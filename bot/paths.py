"""Where survey-bot keeps its own files in a survey, by default.

Apart from the configuration package so that a command can find them without
importing it: ``check`` looks for the survey's metadata cache on every run, and in a
directory without a config file importing ``bot.config`` (its schema, a few dozen
dataclasses) would cost more than the lookup.
"""

from __future__ import annotations

from pathlib import Path

CONFIG_PATH = Path(".github") / "survey-bot.yml"
METADATA_CACHE = ".survey-bot/cache.sqlite"  # relative to the survey's root
