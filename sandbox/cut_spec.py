"""Regenerate ``openapi-extra.json``: operations the bundled subset lacks.

``openapi-subset.json`` (31 operations, copied unmodified from
``@octokit/openapi`` 23.0.2) misses a few read operations the fake serves so
that tests can inspect state through the API too. This script cuts them, with
every component they reference that the subset does not already have, out of
the same package's full description::

    python -m sandbox.cut_spec PATH/TO/openapi-full.json.gz

where the file is ``generated/api.github.com.json`` of the ``@octokit/openapi``
npm package, gzipped (``npm pack @octokit/openapi@23.0.2`` gets it).

Operation objects and components are copied unchanged. A developer tool: the
bot and the fake never import it.
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent

#: (method, path template) pairs added on top of the subset.
EXTRA_OPERATIONS: tuple[tuple[str, str], ...] = (
    ("get", "/repos/{owner}/{repo}/issues/comments"),
    ("get", "/repos/{owner}/{repo}/issues/comments/{comment_id}"),
    ("get", "/repos/{owner}/{repo}/issues/{issue_number}/labels"),
    ("put", "/repos/{owner}/{repo}/issues/{issue_number}/labels"),
    ("get", "/repos/{owner}/{repo}/issues/{issue_number}/reactions"),
    ("get", "/repos/{owner}/{repo}/issues/comments/{comment_id}/reactions"),
    ("get", "/repos/{owner}/{repo}/labels/{name}"),
)


def _refs(node: Any) -> set[str]:
    found: set[str] = set()
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str):
            found.add(ref)
        for value in node.values():
            found |= _refs(value)
    elif isinstance(node, list):
        for value in node:
            found |= _refs(value)
    return found


def _component(document: dict[str, Any], ref: str) -> tuple[str, str, Any]:
    prefix = "#/components/"
    if not ref.startswith(prefix):
        raise ValueError(f"unexpected $ref {ref!r}")
    kind, name = ref[len(prefix) :].split("/", 1)
    return kind, name, document["components"][kind][name]


def cut(full: dict[str, Any], subset: dict[str, Any]) -> dict[str, Any]:
    """The extra document: the wanted operations plus missing components."""
    paths: dict[str, dict[str, Any]] = {}
    for method, template in EXTRA_OPERATIONS:
        if method in subset["paths"].get(template, {}):
            raise ValueError(f"{method.upper()} {template} is already in the subset")
        paths.setdefault(template, {})[method] = full["paths"][template][method]

    components: dict[str, dict[str, Any]] = {}
    pending = _refs(paths)
    seen: set[str] = set()
    while pending:
        ref = pending.pop()
        if ref in seen:
            continue
        seen.add(ref)
        kind, name, value = _component(full, ref)
        existing = subset["components"].get(kind, {}).get(name)
        if existing is not None:
            if existing != value:
                raise ValueError(f"{ref} differs between the subset and the full description")
            continue  # the subset has it, and therefore everything it references
        components.setdefault(kind, {})[name] = value
        pending |= _refs(value)

    return {
        "openapi": full["openapi"],
        "info": {
            "title": "Extra operations for the survey-bot fake GitHub",
            "version": full["info"]["version"],
            "description": (
                "Cut by sandbox/cut_spec.py from @octokit/openapi "
                f"{full['info']['version']} (generated/api.github.com.json). Operation objects "
                "and components are copied unmodified; components already in "
                "openapi-subset.json are not repeated. MIT, see octokit-openapi.LICENSE."
            ),
            "license": full["info"]["license"],
            "x-extra-operations": [f"{m.upper()} {p}" for m, p in EXTRA_OPERATIONS],
        },
        "paths": paths,
        "components": {kind: dict(sorted(v.items())) for kind, v in sorted(components.items())},
    }


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    source = Path(argv[0])
    opener = gzip.open if source.suffix == ".gz" else open
    with opener(source, "rt", encoding="utf-8") as handle:
        full = json.load(handle)
    subset = json.loads((HERE / "openapi-subset.json").read_text(encoding="utf-8"))
    extra = cut(full, subset)
    target = HERE / "openapi-extra.json"
    target.write_text(json.dumps(extra, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {target} ({target.stat().st_size} bytes, {len(EXTRA_OPERATIONS)} operations)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
