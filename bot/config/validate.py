"""A small validator of YAML against dataclass schemas, and the reference it generates.

A schema is a tree of frozen dataclasses: each field is a key, its type hint
the expected type (text, number, bool, a nested dataclass, a tuple of either;
``X | None`` when it may be null), its default the default, and its metadata
(made with :func:`doc`) a one-line doc plus checks: ``choices``, ``path``
(repository-relative, inside the repository), ``minimum``, ``login`` (a GitHub
login), ``label`` (a label name), ``branch`` (a git branch name) and
``internal`` (not a key at all).

Nothing here knows which keys exist. :func:`values` turns YAML text into the
keyword arguments of the top dataclass, or raises a :class:`ConfigError`
naming the file, the line, the key path and what was expected, with a
did-you-mean for unknown keys and wrong choices; :func:`key_rows` and
:func:`reference_table` turn the same declarations into documentation.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
import types
import typing
from collections.abc import Mapping
from pathlib import PurePosixPath
from typing import Any, TypeGuard

from bot.errors import ConfigError


def doc(text: str, **checks: Any) -> dict[str, Any]:
    """Field metadata: the key's one-line documentation plus its checks (``choices``...)."""
    return {"doc": text, **checks}


def values(
    cls: type, text: str, source: str, aliases: Mapping[str, str] | None = None
) -> dict[str, Any]:
    """The keyword arguments of dataclass ``cls`` that YAML ``text`` sets (none for an empty file).

    ``source`` names the file in error messages; ``aliases`` maps common
    near-misses of a choice (lower-cased) to the choice, for the did-you-mean.
    """
    import yaml

    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        problem = " ".join(filter(None, [exc.context, exc.problem]))
        raise ConfigError(f"{source}:{line}: invalid YAML: {problem}") from exc
    except yaml.YAMLError as exc:
        raise ConfigError(f"{source}: invalid YAML: {exc}") from exc
    if node is None or (isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null")):
        return {}
    return _Validator(source, aliases or {}).dataclass_values(cls, node, "")


class _Validator:
    """Walks a composed YAML node along the dataclasses, building values and checking them."""

    def __init__(self, source: str, aliases: Mapping[str, str]) -> None:
        import yaml

        self.source = source
        self.aliases = aliases
        self.yaml = yaml
        self.constructor = yaml.constructor.SafeConstructor()

    # -- errors

    def fail(self, node: Any, path: str, message: str) -> typing.NoReturn:
        line = node.start_mark.line + 1 if node is not None and node.start_mark else 1
        where = f"{path}: " if path else ""
        raise ConfigError(f"{self.source}:{line}: {where}{message}")

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
                if _is_dataclass_type(item_hint) and not isinstance(node, yaml.SequenceNode):
                    return (self.value(item_hint, spec, node, path),)  # one: a list of one
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
            alias = self.aliases.get(value.lower())
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


def key_rows(root: type) -> list[tuple[str, str, str]]:
    """Every key of dataclass ``root`` as (dotted path, YAML default, doc), in declaration order."""
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

    walk(root, "")
    return rows


def reference_table(root: type) -> list[str]:
    """The Markdown table of every key of dataclass ``root``: key, default, meaning."""
    lines = ["| key | default | meaning |", "| --- | --- | --- |"]
    for path, default, meaning in key_rows(root):
        lines.append(f"| `{path}` | `{default}` | {meaning.replace('|', '&#124;')} |")
    return lines
