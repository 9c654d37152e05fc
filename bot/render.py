"""The renderer that turns planned data into text: one sandboxed Jinja2 environment.

Templates present, Python decides: callers pass plain values; untrusted values
go through the ``latex`` / ``markdown`` / ``yaml`` filters. Untrusted text is
only ever *data* for a template, never template source, and the environment is
sandboxed with ``StrictUndefined`` so that a broken per-survey override fails
loudly instead of rendering blanks.
"""

from __future__ import annotations

import importlib.resources
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import (
    BaseLoader,
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    StrictUndefined,
    TemplateError,
    TemplateNotFound,
)
from jinja2.loaders import split_template_path
from jinja2.sandbox import SandboxedEnvironment

from bot.errors import SurveyBotError
from bot.text import escaping

if TYPE_CHECKING:
    from bot.config import Config

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


class SurveyTemplates(FileSystemLoader):
    """A survey's template overrides, read like every survey file (``config.survey_file``):
    an override that links outside the survey's repository is an error, never read."""

    def __init__(self, directory: Path, root: Path) -> None:
        super().__init__(str(directory))
        self.directory, self.root = directory, root

    def get_source(
        self, environment: Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        from bot.config import survey_file

        path = self.directory.joinpath(*split_template_path(template))
        if path.is_symlink() or path.exists():
            survey_file(self.root, path.relative_to(self.root))
        return super().get_source(environment, template)


class Renderer:
    """The templates one survey renders with: its overrides first, then the bundled ones.

    Built once at the edge from the configuration (``Renderer.for_config``) and
    passed to everything that renders text (editors, the batch plan, replies,
    triage), so no code path can fall back to the bundled templates alone and
    silently ignore a survey's override. Compiled templates are cached for the
    renderer's life.
    """

    def __init__(self, override_dirs: Sequence[Path], root: Path | None = None) -> None:
        """``override_dirs`` first, then the bundled templates; with ``root``, an override is
        read only when it lies inside that survey."""
        survey = [
            SurveyTemplates(Path(d), root) if root is not None else FileSystemLoader(str(d))
            for d in override_dirs
            if Path(d).is_dir()
        ]
        self._overriding = survey
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
        #: The sandboxed Jinja environment (tests compile every template through it).
        self.environment = env

    @classmethod
    def for_config(cls, config: Config) -> Renderer:
        """The bundled templates, overridden by the survey's ``.github/survey-bot/templates``."""
        return cls([config.root / OVERRIDE_DIR], config.root)

    @classmethod
    def bundled(cls) -> Renderer:
        """The bundled templates only: for text that exists before any survey does."""
        return cls([])

    def overrides(self, name: str) -> bool:
        """Does the survey override template ``name`` (rather than use the bundled one)?"""
        return any(name in loader.list_templates() for loader in self._overriding)

    def render(self, name: str, **values: Any) -> str:
        """Render template ``name`` with ``values``; any template failure is a clear error."""
        try:
            return self.environment.get_template(name).render(**values)
        except TemplateError as exc:
            raise TemplateRenderError(f"template {name}: {exc}") from exc
