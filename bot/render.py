"""The Jinja2 environment that turns planned data into text.

Templates present, Python decides: callers pass plain values; untrusted values
go through the ``latex`` / ``markdown`` / ``yaml`` filters. Untrusted text is
only ever *data* for a template, never template source, and the environment is
sandboxed with ``StrictUndefined`` so that a broken per-survey override fails
loudly instead of rendering blanks.
"""

from __future__ import annotations

import importlib.resources
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from jinja2 import (
    BaseLoader,
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    StrictUndefined,
    TemplateError,
    TemplateNotFound,
)
from jinja2.sandbox import SandboxedEnvironment

from bot.errors import SurveyBotError
from bot.text import escaping

if sys.version_info >= (3, 11):
    from importlib.resources.abc import Traversable
else:  # pragma: no cover - Python 3.10
    from importlib.abc import Traversable

#: The package the bundled templates ship in (``templates/`` in the source tree).
BUNDLED_PACKAGE = "bot.templates"
OVERRIDE_DIR = Path(".github") / "survey-bot" / "templates"


class PackageTemplates(BaseLoader):
    """Templates read through ``importlib.resources``, however the bot was installed.

    A wheel, an sdist, an editable install and a zip file all answer
    ``files(package)`` with a ``Traversable``; it is never turned into a path,
    which a namespace package (``MultiplexedPath``) or a zip cannot give.
    """

    def __init__(self, package: str = BUNDLED_PACKAGE) -> None:
        self.root: Traversable = importlib.resources.files(package)

    def get_source(
        self, environment: Environment, template: str
    ) -> tuple[str, str | None, Callable[[], bool] | None]:
        path = self.root.joinpath(template)
        if "/" in template or "\\" in template or not path.is_file():
            raise TemplateNotFound(template)
        return path.read_text(encoding="utf-8"), None, lambda: True

    def list_templates(self) -> list[str]:
        return sorted(p.name for p in self.root.iterdir() if p.name.endswith(".j2"))


class TemplateRenderError(SurveyBotError):
    """A template (bundled or a survey's override) failed to render."""


def make_environment(overrides: Iterable[Path] = ()) -> SandboxedEnvironment:
    """An environment that prefers a survey's overrides over the bundled templates."""
    survey = [FileSystemLoader(str(d)) for d in overrides if Path(d).is_dir()]
    env = SandboxedEnvironment(
        loader=ChoiceLoader([*survey, PackageTemplates()]),
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
