"""The survey's ``.github/survey-bot.yml`` as one typed, frozen object.

Read once, at the entry point (``load_config(root)``); everything below
receives a ``Config``. Every key is declared by a dataclass field below, with
its default and a one-line doc in the field's metadata; validation, the
did-you-mean for unknown keys and the generated reference (``docs/config.md``,
see ``reference_markdown``) all come from those declarations.

Errors name the file, the line, the key path and what was expected, e.g.::

    .github/survey-bot.yml:7: changelog.format: expected one of markdown-table, bullets,
    yaml, got 'table'
"""

from __future__ import annotations

import dataclasses
import difflib
import re
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, TypeGuard

from bot.errors import ConfigError

CONFIG_PATH = Path(".github") / "survey-bot.yml"
LANGUAGES = ("en", "zh")
REFERENCE_FORMATS = ("bibtex", "bbl", "text", "markdown")
CHANGELOG_FORMATS = ("markdown-table", "bullets", "yaml")
# Common near-misses, for the did-you-mean of a wrong choice.
_ALIASES = {
    "md": "markdown",
    "bib": "bibtex",
    "txt": "text",
    "plain": "text",
    "tex": "bibtex",
    "table": "markdown-table",
    "markdown": "markdown-table",
    "list": "bullets",
    "bullet": "bullets",
    "yml": "yaml",
    "english": "en",
    "chinese": "zh",
    "cn": "zh",
    "zh-cn": "zh",
    "zh_cn": "zh",
}


def doc(text: str, **checks: Any) -> dict[str, Any]:
    """Field metadata: the key's one-line documentation plus its checks (``choices``...)."""
    return {"doc": text, **checks}


@dataclass(frozen=True)
class ReferenceSource:
    """A file whose entries count as "already cited"."""

    # path: the file, relative to the repository root
    path: str = field(
        metadata=doc(
            "File whose entries count as already cited, relative to the repository root.", path=True
        )
    )
    # format: bibtex | bbl | text | markdown; None: from extension/content
    format: str | None = field(
        default=None,
        metadata=doc(
            "One of bibtex, bbl, text, markdown; omitted: from the extension (.bib .bbl .txt .md).",
            choices=REFERENCE_FORMATS,
        ),
    )


@dataclass(frozen=True)
class BibtexTarget:
    # path: the .bib file new entries are appended to (or inserted into, when its keys are sorted)
    path: str = field(metadata=doc("The .bib file new BibTeX entries go into.", path=True))


@dataclass(frozen=True)
class PaperListTarget:
    # path: the Markdown file holding the paper list
    path: str = field(metadata=doc("The Markdown file holding the paper list.", path=True))
    # section: default heading when /accept names none
    section: str | None = field(
        default=None, metadata=doc("Heading new papers go under when /accept names none.")
    )


@dataclass(frozen=True)
class ChangelogTarget:
    # path: the file holding the changelog
    path: str = field(
        metadata=doc("The file holding the changelog (a README, or a YAML data file).", path=True)
    )
    # format: markdown-table | bullets | yaml
    format: str = field(
        default="markdown-table",
        metadata=doc(
            "markdown-table (a Version | Time | Update Content table), bullets, "
            "or yaml (a data file).",
            choices=CHANGELOG_FORMATS,
        ),
    )
    # heading: the heading above the table or bullets (unused for yaml)
    heading: str = field(
        default="Update Log",
        metadata=doc("The heading above the table or bullets (unused for yaml)."),
    )


@dataclass(frozen=True)
class AcknowledgementsTarget:
    # path: the file holding the thank-you sentence
    path: str = field(metadata=doc("The file holding the thank-you sentence.", path=True))
    # heading: the heading of the section holding it
    heading: str = field(
        default="Acknowledgments",
        metadata=doc("The heading of the section holding the thank-you sentence."),
    )


@dataclass(frozen=True)
class Labels:
    suggestion: str = field(
        default="paper-suggestion", metadata=doc("Issues that suggest a paper.", label=True)
    )
    cited: str = field(
        default="already-cited",
        metadata=doc("The suggested paper is already in the survey.", label=True),
    )
    new: str = field(
        default="new-paper",
        metadata=doc("The suggested paper is not in the survey yet.", label=True),
    )
    needs_info: str = field(
        default="needs-info", metadata=doc("The bot could not identify the paper.", label=True)
    )
    accepted: str = field(
        default="accepted", metadata=doc("A maintainer accepted the paper.", label=True)
    )
    rejected: str = field(
        default="rejected", metadata=doc("A maintainer declined the paper.", label=True)
    )


@dataclass(frozen=True)
class BatchConfig:
    branch: str = field(
        default="survey-bot/updates",
        metadata=doc("Branch of the pull request that batches accepted papers.", branch=True),
    )
    title: str = field(
        default="Add papers suggested by readers", metadata=doc("Title of that pull request.")
    )
    author_name: str = field(
        default="survey-bot", metadata=doc("Git author name of the bot's commits.")
    )
    author_email: str = field(
        default="survey-bot@users.noreply.github.com",
        metadata=doc("Git author e-mail of the bot's commits."),
    )


@dataclass(frozen=True)
class MetadataConfig:
    # contact: goes into the User-Agent, as the services ask
    contact: str | None = field(
        default=None,
        metadata=doc("Your e-mail: sent in the User-Agent, as arXiv, Crossref and OpenAlex ask."),
    )
    cache: str = field(
        default=".survey-bot/cache.sqlite",
        metadata=doc("Where looked-up metadata is cached, relative to the repository.", path=True),
    )
    cache_days: int = field(
        default=30, metadata=doc("How long a cached lookup stays fresh, in days.", minimum=0)
    )
    timeout: float = field(
        default=20.0, metadata=doc("Seconds to wait for a metadata service.", minimum=0.1)
    )


@dataclass(frozen=True)
class Config:
    # language: en | zh: wording of replies, changelog and thanks
    language: str = field(
        default="en",
        metadata=doc(
            "en or zh: the wording of replies, changelog entries and thanks.", choices=LANGUAGES
        ),
    )
    # references: every file whose entries count as "already cited"
    references: tuple[ReferenceSource, ...] = field(
        default=(),
        metadata=doc(
            'Every file whose entries count as "already cited"; '
            "omitted: the bibtex and paper_list files."
        ),
    )
    bibtex: BibtexTarget | None = field(
        default=None, metadata=doc("Optional: where new BibTeX entries go.")
    )
    paper_list: PaperListTarget | None = field(
        default=None, metadata=doc("Optional: the Markdown list new papers go into.")
    )
    changelog: ChangelogTarget | None = field(
        default=None, metadata=doc("Optional: where each batch is logged.")
    )
    acknowledgements: AcknowledgementsTarget | None = field(
        default=None, metadata=doc("Optional: where readers are thanked.")
    )
    # maintainers: extra logins allowed to command (repository admins/maintainers always may)
    maintainers: tuple[str, ...] = field(
        default=(),
        metadata=doc(
            "Extra GitHub logins allowed to command the bot (people with write access always may).",
            login=True,
        ),
    )
    labels: Labels = field(
        default_factory=Labels, metadata=doc("Optional overrides of the label names.")
    )
    batch: BatchConfig = field(
        default_factory=BatchConfig, metadata=doc("The pull request that batches accepted papers.")
    )
    metadata: MetadataConfig = field(
        default_factory=MetadataConfig,
        metadata=doc("Metadata lookups (arXiv, Crossref, Semantic Scholar, DBLP)."),
    )
    root: Path = field(
        default=Path("."), metadata={"internal": True}
    )  # the survey repository's working tree


# --------------------------------------------------------------------------- loading


def load_config(root: Path | str) -> Config:
    """Read and validate ``<root>/.github/survey-bot.yml``; ``ConfigError`` says what is wrong."""

    root = Path(root)
    path = root / CONFIG_PATH
    if not path.is_file():
        raise ConfigError(
            f"no {CONFIG_PATH.as_posix()} in {root}: run `survey-bot init --repo {root}` "
            "to write a commented starter config, then review it (reference: docs/config.md)"
        )
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{CONFIG_PATH.as_posix()}: cannot read: {exc}") from exc
    return parse_config(text, root)


def parse_config(text: str, root: Path | str = Path(".")) -> Config:
    """Validate config ``text`` (the contents of ``.github/survey-bot.yml``)."""
    import yaml

    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        problem = " ".join(filter(None, [exc.context, exc.problem]))
        raise ConfigError(f"{CONFIG_PATH.as_posix()}:{line}: invalid YAML: {problem}") from exc
    except yaml.YAMLError as exc:
        raise ConfigError(f"{CONFIG_PATH.as_posix()}: invalid YAML: {exc}") from exc
    if node is None or (isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null")):
        values: dict[str, Any] = {}
    else:
        values = _Validator().dataclass_values(Config, node, "")
    if "references" not in values:
        derived: list[ReferenceSource] = []
        for target in (values.get("bibtex"), values.get("paper_list")):
            if target is not None and target.path not in {r.path for r in derived}:
                derived.append(ReferenceSource(target.path))
        values["references"] = tuple(derived)
    return Config(**values, root=Path(root))


class _Validator:
    def __init__(self) -> None:
        import yaml

        self.yaml = yaml
        self.constructor = yaml.constructor.SafeConstructor()

    # -- errors

    def fail(self, node: Any, path: str, message: str) -> typing.NoReturn:
        line = node.start_mark.line + 1 if node is not None and node.start_mark else 1
        where = f"{path}: " if path else ""
        raise ConfigError(f"{CONFIG_PATH.as_posix()}:{line}: {where}{message}")

    def describe(self, node: Any) -> str:
        yaml = self.yaml
        if isinstance(node, yaml.MappingNode):
            return "a mapping"
        if isinstance(node, yaml.SequenceNode):
            return "a list"
        if node.tag.endswith(":null"):
            return "nothing (null)"
        return repr(node.value)

    # -- structure

    def dataclass_values(self, cls: type, node: Any, path: str) -> dict[str, Any]:
        yaml = self.yaml
        fields = {f.name: f for f in dataclasses.fields(cls) if not f.metadata.get("internal")}
        if not isinstance(node, yaml.MappingNode):
            names = ", ".join(fields)
            self.fail(
                node, path, f"expected a mapping with keys {names}, got {self.describe(node)}"
            )
        hints = typing.get_type_hints(cls)
        values: dict[str, Any] = {}
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.fail(key_node, path, "keys must be plain words")
            key = str(key_node.value)
            key_path = f"{path}.{key}" if path else key
            if key in seen:
                self.fail(key_node, key_path, f"duplicate key (first set on line {seen[key]})")
            seen[key] = key_node.start_mark.line + 1
            if key not in fields:
                close = difflib.get_close_matches(key, list(fields), n=1, cutoff=0.6)
                hint = f" (did you mean {close[0]!r}?)" if close else ""
                self.fail(key_node, key_path, f"unknown key{hint}; known keys: {', '.join(fields)}")
            spec = fields[key]
            values[key] = self.value(hints[key], spec, value_node, key_path)
        for name, spec in fields.items():
            if (
                name not in values
                and spec.default is dataclasses.MISSING
                and spec.default_factory is dataclasses.MISSING
            ):
                self.fail(node, f"{path}.{name}" if path else name, "missing (required)")
        return values

    def value(self, hint: Any, spec: dataclasses.Field[Any], node: Any, path: str) -> Any:
        yaml = self.yaml
        optional, hint = _unwrap_optional(hint)
        is_null = isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null")
        if is_null:
            if optional:
                return None
            if _is_dataclass_type(hint):
                return hint()  # "labels:" with nothing under it: all defaults
            self.fail(node, path, f"expected {_expected(hint, spec)}, got nothing")
        if _is_dataclass_type(hint):
            if isinstance(node, yaml.ScalarNode) and "path" in {
                f.name for f in dataclasses.fields(hint)
            }:
                # Shorthand: "bibtex: paper/references.bib".
                return hint(path=self.path_value(node, f"{path}.path" if path else "path"))
            return hint(**self.dataclass_values(hint, node, path))
        origin = typing.get_origin(hint)
        if origin is tuple:
            item_hint = typing.get_args(hint)[0]
            if not isinstance(node, yaml.SequenceNode):
                if isinstance(node, yaml.ScalarNode) and item_hint is str:
                    return (self.scalar(item_hint, spec, node, path),)
                self.fail(node, path, f"expected a list, got {self.describe(node)}")
            items = []
            for index, child in enumerate(node.value):
                child_path = f"{path}[{index}]"
                if _is_dataclass_type(item_hint):
                    items.append(self.value(item_hint, spec, child, child_path))
                else:
                    items.append(self.scalar(item_hint, spec, child, child_path))
            if spec.metadata.get("login"):
                items = list(dict.fromkeys(items))
            return tuple(items)
        return self.scalar(hint, spec, node, path)

    def scalar(self, hint: Any, spec: dataclasses.Field[Any], node: Any, path: str) -> Any:
        yaml = self.yaml
        if not isinstance(node, yaml.ScalarNode):
            self.fail(node, path, f"expected {_expected(hint, spec)}, got {self.describe(node)}")
        if spec.metadata.get("path") and hint is str:
            return self.path_value(node, path)
        constructed = self.constructor.construct_object(node, deep=True)
        if hint is str:
            if isinstance(constructed, (bool, int, float)) or constructed is None:
                value = str(node.value)  # keep what was typed: "section: 5.2" is the text 5.2
            elif isinstance(constructed, str):
                value = constructed
            else:
                self.fail(node, path, f"expected text, got {self.describe(node)}")
            value = value.strip()
            if not value:
                self.fail(node, path, "expected text, got an empty string")
            return self.checked_text(node, path, spec, value)
        if hint is bool:
            if not isinstance(constructed, bool):
                self.fail(node, path, f"expected true or false, got {self.describe(node)}")
            return constructed
        if hint is int:
            if isinstance(constructed, bool) or not isinstance(constructed, int):
                self.fail(node, path, f"expected a whole number, got {self.describe(node)}")
            return self.checked_number(node, path, spec, constructed)
        if hint is float:
            if isinstance(constructed, bool) or not isinstance(constructed, (int, float)):
                self.fail(node, path, f"expected a number, got {self.describe(node)}")
            return self.checked_number(node, path, spec, float(constructed))
        raise TypeError(f"unsupported config type {hint!r} at {path}")

    # -- checks

    def checked_text(self, node: Any, path: str, spec: dataclasses.Field[Any], value: str) -> str:
        choices = spec.metadata.get("choices")
        if choices and value not in choices:
            alias = _ALIASES.get(value.lower())
            close = (
                [alias]
                if alias in choices
                else difflib.get_close_matches(value, choices, n=1, cutoff=0.5)
            )
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            self.fail(node, path, f"expected one of {', '.join(choices)}, got {value!r}{hint}")
        if spec.metadata.get("login"):
            login = value.removeprefix("@")
            if not re.fullmatch(r"[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}", login):
                self.fail(
                    node, path, f"expected a GitHub login (letters, digits, hyphens), got {value!r}"
                )
            return login
        if spec.metadata.get("label") and len(value) > 50:
            self.fail(
                node, path, f"expected a label name of at most 50 characters, got {len(value)}"
            )
        if spec.metadata.get("branch") and not _valid_branch(value):
            self.fail(node, path, f"expected a git branch name, got {value!r}")
        return value

    def checked_number(
        self, node: Any, path: str, spec: dataclasses.Field[Any], value: float
    ) -> Any:
        minimum = spec.metadata.get("minimum")
        if minimum is not None and value < minimum:
            self.fail(node, path, f"expected at least {minimum}, got {value}")
        return value

    def path_value(self, node: Any, path: str) -> str:
        yaml = self.yaml
        if not isinstance(node, yaml.ScalarNode) or node.tag.endswith(":null"):
            self.fail(
                node,
                path,
                f"expected a file path relative to the repository, got {self.describe(node)}",
            )
        value = str(node.value).strip()
        problem = path_problem(value)
        if problem:
            self.fail(node, path, f"{problem}, got {value!r}")
        return PurePosixPath(value).as_posix()


def path_problem(value: str) -> str | None:
    """Why ``value`` is not a safe repository-relative path, or None."""
    if not value:
        return "expected a file path relative to the repository"
    if "\\" in value:
        return "expected a path with forward slashes"
    if value.startswith(("/", "~")) or re.match(r"^[A-Za-z]:", value):
        return "expected a path relative to the repository root, not an absolute path"
    parts = PurePosixPath(value).parts
    if ".." in parts:
        return "expected a path inside the repository (no '..')"
    if parts and parts[0] == ".git":
        return "expected a path outside .git/"
    if "\x00" in value:
        return "expected a path without NUL characters"
    return None


def _valid_branch(name: str) -> bool:
    if (
        name.startswith(("-", "/"))
        or name.endswith(("/", ".", ".lock"))
        or ".." in name
        or "//" in name
    ):
        return False
    return not re.search(r"[\s~^:?*\[\\\x00-\x1f\x7f]|@\{", name)


def _is_dataclass_type(hint: object) -> TypeGuard[type[Any]]:
    """Whether a type hint names a dataclass (a class, never an instance)."""
    return isinstance(hint, type) and dataclasses.is_dataclass(hint)


def _unwrap_optional(hint: Any) -> tuple[bool, Any]:
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(args) == 1:
            return True, args[0]
    return False, hint


def _expected(hint: Any, spec: dataclasses.Field[Any]) -> str:
    if spec.metadata.get("choices"):
        return "one of " + ", ".join(spec.metadata["choices"])
    if spec.metadata.get("path"):
        return "a file path relative to the repository"
    return {str: "text", int: "a whole number", float: "a number", bool: "true or false"}.get(
        hint, str(hint)
    )


# --------------------------------------------------------------------------- reference


def schema() -> list[tuple[str, str, str]]:
    """Every configurable key as (dotted path, default as YAML, doc), in declaration order."""
    rows: list[tuple[str, str, str]] = []

    def walk(cls: type, prefix: str) -> None:
        hints = typing.get_type_hints(cls)
        for spec in dataclasses.fields(cls):
            if spec.metadata.get("internal"):
                continue
            path = f"{prefix}{spec.name}"
            optional, hint = _unwrap_optional(hints[spec.name])
            origin = typing.get_origin(hint)
            item = typing.get_args(hint)[0] if origin is tuple else None
            if _is_dataclass_type(hint):
                default = "(not set)" if optional else "(see below)"
                rows.append((path, default, spec.metadata.get("doc", "")))
                walk(hint, path + ".")
            elif item is not None and _is_dataclass_type(item):
                rows.append((path, "[]", spec.metadata.get("doc", "")))
                walk(item, path + "[].")
            else:
                if spec.default is dataclasses.MISSING:
                    default = "(required)"
                elif spec.default is None:
                    default = "(not set)"
                elif spec.default == ():
                    default = "[]"
                else:
                    default = str(spec.default)
                rows.append((path, default, spec.metadata.get("doc", "")))

    walk(Config, "")
    return rows


def reference_markdown() -> str:
    """The text of ``docs/config.md``, generated from the declarations above."""
    lines = [
        "# `.github/survey-bot.yml` reference",
        "",
        "<!-- Generated from bot/config.py by `python -m bot.config`; "
        "tests/config/test_docs.py checks it is current. -->",
        "",
        "`survey-bot init` writes a commented starter file after looking at the repository.",
        "Paths are relative to the repository root and must stay inside it.",
        "Unknown keys are errors (with a did-you-mean), so a typo never goes unnoticed.",
        "",
        "| key | default | meaning |",
        "| --- | --- | --- |",
    ]
    for path, default, doc in schema():
        lines.append(f"| `{path}` | `{default}` | {doc.replace('|', '&#124;')} |")
    lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":  # regenerate docs/config.md
    target = Path(__file__).resolve().parent.parent / "docs" / "config.md"
    target.parent.mkdir(exist_ok=True)
    target.write_text(reference_markdown(), encoding="utf-8")
    print(f"wrote {target}")
