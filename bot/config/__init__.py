"""The survey's ``.github/survey-bot.yml`` as one typed, frozen object.

Read once, at the entry point (``load_config(root)``); everything below
receives a ``Config``. The keys are declared in :mod:`bot.config.schema`, and
checked by the generic :mod:`bot.config.validate`. Errors name the file, the
line, the key path and what was expected, e.g.::

    .github/survey-bot.yml:7: changelog.format: expected one of markdown-table, bullets,
    yaml, got 'table'

``python -m bot.config`` regenerates ``docs/config.md``.
"""

from __future__ import annotations

from pathlib import Path, PurePath

from bot.config import validate
from bot.config.schema import ALIASES, Config, ReferenceSource
from bot.errors import ConfigError
from bot.paths import CONFIG_PATH

__all__ = ["CONFIG_PATH", "Config", "load_config", "parse_config", "survey_file"]


def load_config(root: Path | str) -> Config:
    """Read and validate ``<root>/.github/survey-bot.yml``; ``ConfigError`` says what is wrong."""

    root = Path(root)
    path = root / CONFIG_PATH
    if not path.is_file():
        raise ConfigError(
            f"no {CONFIG_PATH.as_posix()} in {root}: run `survey-bot init --repo {root}` "
            "to write a commented starter config, then review it (reference: docs/config.md)"
        )
    survey_file(root, CONFIG_PATH)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{CONFIG_PATH.as_posix()}: cannot read: {exc}") from exc
    return parse_config(text, root)


def parse_config(text: str, root: Path | str = Path(".")) -> Config:
    """Validate config ``text`` (the contents of ``.github/survey-bot.yml``)."""
    values = validate.values(Config, text, CONFIG_PATH.as_posix(), ALIASES)
    if "references" not in values:
        derived: list[ReferenceSource] = []
        for target in (values.get("bibtex"), values.get("paper_list")):
            if target is None or target.path.lower().endswith(".tex"):
                continue  # a LaTeX list cites by key: its papers are the .bib file's
            if target.path not in {r.path for r in derived}:
                derived.append(ReferenceSource(target.path))
        values["references"] = tuple(derived)
    return Config(**values, root=Path(root))


def survey_file(root: Path | str, relative: str | PurePath) -> Path:
    """``root / relative``, the way every file of the survey's working tree is opened.

    A path that leads out of the survey, through a committed symbolic link (to
    the runner's ``/etc/passwd``, the event payload, another job's files), is
    a ``ConfigError`` naming the file, never followed: its content could end
    up quoted in a public comment or log. Links within the survey are fine.
    """
    root = Path(root)
    path = root / relative
    try:
        inside = path.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError):  # a link loop
        inside = False
    if not inside:
        raise ConfigError(
            f"{PurePath(relative).as_posix()} leads outside the survey's repository (a symbolic "
            "link?): survey-bot reads only files inside it"
        )
    return path

