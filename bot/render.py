"""The Jinja2 environment that turns planned data into text.

Templates present, Python decides: callers pass plain values; untrusted values
go through the ``latex`` / ``markdown`` / ``yaml`` filters. Untrusted text is
only ever *data* for a template, never template source, and the environment is
sandboxed with ``StrictUndefined`` so that a broken per-survey override fails
loudly instead of rendering blanks.
"""

from __future__ import annotations

import importlib.resources
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, FileSystemLoader, StrictUndefined, TemplateError
from jinja2.sandbox import SandboxedEnvironment

from bot import escaping
from bot.errors import SurveyBotError


def _bundled_templates() -> Path:
    """The repository's ``templates/`` in a checkout, else the installed ``bot.templates``."""
    checkout = Path(__file__).resolve().parent.parent / "templates"
    if checkout.is_dir():
        return checkout
    return Path(str(importlib.resources.files("bot.templates")))


BUNDLED_TEMPLATES = _bundled_templates()
OVERRIDE_DIR = Path(".github") / "survey-bot" / "templates"


class TemplateRenderError(SurveyBotError):
    """A template (bundled or a survey's override) failed to render."""


def make_environment(overrides: Iterable[Path] = ()) -> SandboxedEnvironment:
    """An environment that prefers a survey's overrides over the bundled templates."""
    dirs = [str(d) for d in overrides if Path(d).is_dir()] + [str(BUNDLED_TEMPLATES)]
    env = SandboxedEnvironment(
        loader=ChoiceLoader([FileSystemLoader(d) for d in dirs]),
        undefined=StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["latex"] = escaping.latex
    env.filters["markdown"] = escaping.markdown
    env.filters["yaml"] = escaping.yaml_scalar
    env.filters["one_line"] = escaping.one_line
    return env


def render(name: str, env: SandboxedEnvironment | None = None, **values: Any) -> str:
    """Render template ``name`` with ``values``; any template failure is a clear error."""
    env = env or make_environment()
    try:
        return env.get_template(name).render(**values)
    except TemplateError as exc:
        raise TemplateRenderError(f"template {name}: {exc}") from exc
