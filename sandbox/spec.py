"""GitHub's published OpenAPI description, used as the fake's gatekeeper.

The bundled ``openapi-subset.json`` (31 operations, unmodified from
``@octokit/openapi`` 23.0.2) and ``openapi-extra.json`` (a few more read
operations cut by ``cut_spec.py``) are merged into one description. For every
request the fake receives, :meth:`Spec.match` finds the operation by method
and path template, and :meth:`Spec.check_request` validates path and query
parameters and the JSON body with ``jsonschema``. :meth:`Spec.check_response`
validates what the fake answers.

OpenAPI 3.0 is not JSON Schema, so the description is translated once:

* ``nullable: true`` becomes a type union with ``"null"`` (and ``None`` joins
  an ``enum``), so GitHub's real ``state_reason: null`` passes;
* the schema dialect is Draft 4 (boolean ``exclusiveMinimum``, as in OAS 3.0);
  ``discriminator``, ``example`` and ``x-*`` keys are ignored.

Documented quirks allowed on top (see the fixtures README):

* ``issues/add-labels`` and ``issues/set-labels`` also take a bare JSON array
  of label names (PyGithub's ``Issue.add_to_labels`` sends one);
* ``x-multi-segment`` path parameters (``{ref}``, ``{path}``, ``{branch}``)
  may contain ``/``.

Beyond what the schemas say, two things GitHub silently ignores are reported
as problems that do not change the answer: query parameters the operation
does not declare, and body fields its schema does not list. Both are almost
always a client bug (a typo'd field is dropped without a word by GitHub).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from jsonschema import Draft4Validator
from jsonschema.exceptions import ValidationError, best_match
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

HERE = Path(__file__).resolve().parent
SPEC_FILES = ("openapi-subset.json", "openapi-extra.json")
SPEC_URI = "urn:survey-bot:github-openapi"
METHODS = ("get", "put", "post", "patch", "delete")

#: Error statuses GitHub may give to any operation, documented or not.
GENERIC_ERRORS = frozenset({401, 403, 404, 409, 410, 422, 429})

#: Operations whose body may also be a bare array of label names.
BARE_LABEL_ARRAY = frozenset({"issues/add-labels", "issues/set-labels"})

_ABSENT: Any = object()


# -- the description ---------------------------------------------------------


def _nullable_to_json_schema(node: Any) -> Any:
    """Translate OAS 3.0 ``nullable`` into JSON Schema, recursively."""
    if isinstance(node, list):
        return [_nullable_to_json_schema(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {key: _nullable_to_json_schema(value) for key, value in node.items()}
    if out.get("nullable") is True:
        del out["nullable"]
        if isinstance(out.get("type"), str):
            out["type"] = [out["type"], "null"]
        if isinstance(out.get("enum"), list) and None not in out["enum"]:
            out["enum"] = [*out["enum"], None]
        if "type" not in out:  # $ref, allOf, oneOf, anyOf: null or the rest
            out = {"anyOf": [{"type": "null"}, out]}
    return out


def _pointer_escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


@dataclass(frozen=True)
class Parameter:
    name: str
    location: str  # "path" | "query" | "header"
    required: bool
    schema: Mapping[str, Any]
    multi_segment: bool = False


@dataclass(frozen=True)
class Operation:
    """One documented method + path template."""

    method: str  # upper case
    template: str
    operation_id: str
    parameters: tuple[Parameter, ...]
    body_pointer: str | None  # JSON pointer to the application/json request schema
    body_required: bool
    regex: re.Pattern[str]
    literal_segments: int
    documentation_url: str

    def parameter(self, name: str, location: str) -> Parameter | None:
        for parameter in self.parameters:
            if parameter.name == name and parameter.location == location:
                return parameter
        return None


@dataclass(frozen=True)
class Problem:
    """Something about a request that GitHub's description does not allow.

    ``kind`` decides the answer: ``path`` -> 404, ``json`` -> 400,
    ``query``/``body`` -> 422, ``unknown-query``/``unknown-field``/
    ``unexpected-body`` -> served normally (GitHub ignores them) but reported.
    """

    kind: str
    message: str
    field: str | None = None
    code: str = "invalid"
    value: Any = None

    @property
    def rejects(self) -> bool:
        return self.kind in {"path", "json", "query", "body"}


@dataclass
class CheckedRequest:
    operation: Operation
    path_params: dict[str, Any]
    query: dict[str, Any]
    body: Any  # parsed JSON (quirks normalised), or None
    problems: list[Problem] = field(default_factory=list)

    @property
    def rejected(self) -> Problem | None:
        for kind in ("path", "json", "query", "body"):
            for problem in self.problems:
                if problem.kind == kind:
                    return problem
        return None


class Spec:
    """The merged description, with routing and validation."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.raw = document
        self.document = _nullable_to_json_schema(document)
        resource: Resource[Any] = DRAFT4.create_resource(self.document)
        self._registry: Registry[Any] = Registry().with_resource(SPEC_URI, resource)
        self._validators: dict[str, Draft4Validator] = {}
        self.operations: list[Operation] = []
        self.by_id: dict[str, Operation] = {}
        for template, item in self.document["paths"].items():
            for method in METHODS:
                if method in item:
                    operation = self._operation(template, method, item[method])
                    self.operations.append(operation)
                    self.by_id[operation.operation_id] = operation
        # Static segments win over parameters, as in GitHub's router.
        self.operations.sort(key=lambda op: (-op.literal_segments, op.template))

    # -- construction --------------------------------------------------------

    def resolve(self, node: Any) -> Any:
        """Follow a local ``$ref`` chain (``#/components/...``) in the document."""
        while isinstance(node, dict) and isinstance(node.get("$ref"), str):
            node = self.pointer(node["$ref"])
        return node

    def pointer(self, ref: str) -> Any:
        if not ref.startswith("#/"):
            raise ValueError(f"only local references are supported: {ref!r}")
        node: Any = self.document
        for token in ref[2:].split("/"):
            node = node[token.replace("~1", "/").replace("~0", "~")]
        return node

    def _operation(self, template: str, method: str, op: dict[str, Any]) -> Operation:
        parameters: list[Parameter] = []
        for raw in op.get("parameters", []):
            p = self.resolve(raw)
            parameters.append(
                Parameter(
                    name=p["name"],
                    location=p["in"],
                    required=bool(p.get("required", p["in"] == "path")),
                    schema=p.get("schema", {}),
                    multi_segment=bool(p.get("x-multi-segment")),
                )
            )
        pattern = ""
        literals = 0
        for segment in template.strip("/").split("/"):
            m = re.fullmatch(r"\{([^}]+)\}", segment)
            if m:
                name = m.group(1)
                multi = any(p.name == name and p.multi_segment for p in parameters)
                pattern += f"/(?P<{_group(name)}>{'.+' if multi else '[^/]+'})"
            else:
                pattern += "/" + re.escape(segment)
                literals += 1
        body_pointer = None
        body_required = False
        request_body = self.resolve(op.get("requestBody"))
        if isinstance(request_body, dict) and "application/json" in request_body.get("content", {}):
            base = f"#/paths/{_pointer_escape(template)}/{method}/requestBody"
            if "$ref" in op["requestBody"]:
                base = op["requestBody"]["$ref"]
            body_pointer = f"{base}/content/application~1json/schema"
            body_required = bool(request_body.get("required"))
        docs = op.get("externalDocs", {}).get("url", "https://docs.github.com/rest")
        return Operation(
            method=method.upper(),
            template=template,
            operation_id=op["operationId"],
            parameters=tuple(parameters),
            body_pointer=body_pointer,
            body_required=body_required,
            regex=re.compile(pattern + "$"),
            literal_segments=literals,
            documentation_url=docs,
        )

    def validator(self, pointer: str) -> Draft4Validator:
        found = self._validators.get(pointer)
        if found is None:
            found = Draft4Validator({"$ref": SPEC_URI + pointer}, registry=self._registry)
            self._validators[pointer] = found
        return found

    # -- routing -------------------------------------------------------------

    def match(self, method: str, raw_path: str) -> tuple[Operation, dict[str, str]] | None:
        """The operation for ``method`` and the (still percent-encoded) path."""
        for operation in self.operations:
            if operation.method != method.upper():
                continue
            m = operation.regex.match(raw_path)
            if m:
                params = {
                    name: unquote(m.group(_group(name)))
                    for name in re.findall(r"\{([^}]+)\}", operation.template)
                }
                return operation, params
        return None

    def path_exists(self, raw_path: str) -> list[str]:
        """Methods documented for a path that matched no operation for its method."""
        return sorted({op.method for op in self.operations if op.regex.match(raw_path) is not None})

    # -- requests ------------------------------------------------------------

    def check_request(
        self,
        operation: Operation,
        path_params: Mapping[str, str],
        query: Mapping[str, list[str]],
        body: bytes,
    ) -> CheckedRequest:
        checked = CheckedRequest(operation, {}, {}, None)
        for name, raw in path_params.items():
            parameter = operation.parameter(name, "path")
            schema = parameter.schema if parameter else {"type": "string"}
            value, problem = _coerce(raw, schema)
            if problem is None:
                problem = _first_error(schema, value)
            if problem is not None or raw == "":
                checked.problems.append(
                    Problem("path", f"path parameter {name}={raw!r}: {problem or 'empty'}", name)
                )
            checked.path_params[name] = value

        declared = {p.name for p in operation.parameters if p.location == "query"}
        for name, values in query.items():
            if name not in declared:
                checked.problems.append(
                    Problem(
                        "unknown-query",
                        f"query parameter {name!r} is not documented for "
                        f"{operation.method} {operation.template} (GitHub ignores it)",
                        name,
                    )
                )
                continue
            parameter = operation.parameter(name, "query")
            assert parameter is not None
            raw = values[-1]
            value, problem = _coerce(raw, parameter.schema)
            if problem is None:
                problem = _first_error(parameter.schema, value)
            if problem is not None:
                checked.problems.append(
                    Problem("query", f"query parameter {name}={raw!r}: {problem}", name, value=raw)
                )
            checked.query[name] = value
        for parameter in operation.parameters:
            if parameter.location == "query" and parameter.required and parameter.name not in query:
                checked.problems.append(
                    Problem(
                        "query",
                        f"query parameter {parameter.name!r} is required",
                        parameter.name,
                        code="missing_field",
                    )
                )

        self._check_body(checked, body)
        return checked

    def _check_body(self, checked: CheckedRequest, raw: bytes) -> None:
        operation = checked.operation
        text = raw.decode("utf-8", errors="replace").strip() if raw else ""
        if not text:
            if operation.body_required:
                checked.problems.append(
                    Problem("body", "a JSON request body is required", code="missing_field")
                )
            return
        try:
            body = json.loads(text)
        except ValueError as error:
            checked.problems.append(Problem("json", f"Problems parsing JSON: {error}"))
            return
        if operation.body_pointer is None:
            checked.problems.append(
                Problem(
                    "unexpected-body",
                    f"{operation.method} {operation.template} takes no request body",
                )
            )
            return
        if operation.operation_id in BARE_LABEL_ARRAY:
            if isinstance(body, list):
                body = {"labels": body}
            elif isinstance(body, str) and operation.operation_id == "issues/set-labels":
                body = {"labels": [body]}
        checked.body = body
        validator = self.validator(operation.body_pointer)
        for failure in sorted(validator.iter_errors(body), key=lambda e: list(e.path)):
            checked.problems.extend(_body_problems(failure))
        if not any(p.kind == "body" for p in checked.problems):
            schema = self.pointer(operation.body_pointer)
            for path in self._unknown_fields(schema, body, ""):
                checked.problems.append(
                    Problem(
                        "unknown-field",
                        f"body field {path!r} is not in the schema of "
                        f"{operation.method} {operation.template} (GitHub ignores it)",
                        path,
                    )
                )

    def _leaves(self, schema: Any) -> list[dict[str, Any]]:
        """A schema's alternatives, with ``$ref``/``oneOf``/``anyOf``/``allOf`` expanded."""
        schema = self.resolve(schema)
        if not isinstance(schema, dict):
            return []
        nested = [s for key in ("oneOf", "anyOf", "allOf") for s in schema.get(key, [])]
        own = {k: v for k, v in schema.items() if k not in ("oneOf", "anyOf", "allOf")}
        leaves = [own] if (own.keys() - {"description", "title", "example"}) or not nested else []
        for alternative in nested:
            leaves.extend(self._leaves(alternative))
        return leaves

    def _unknown_fields(self, schema: Any, value: Any, prefix: str) -> Iterator[str]:
        leaves = self._leaves(schema)
        if isinstance(value, dict):
            objects = [
                leaf for leaf in leaves if leaf.get("type") in (None, "object", ["object", "null"])
            ]
            properties: dict[str, Any] = {}
            open_ended = not objects
            for leaf in objects:
                properties.update(leaf.get("properties", {}))
                open_ended = (
                    open_ended or "additionalProperties" in leaf or not leaf.get("properties")
                )
            for key, item in value.items():
                path = f"{prefix}.{key}" if prefix else key
                if key in properties:
                    yield from self._unknown_fields(properties[key], item, path)
                elif not open_ended:
                    yield path
        elif isinstance(value, list):
            items = [leaf["items"] for leaf in leaves if "items" in leaf]
            if items:
                for index, item in enumerate(value):
                    yield from self._unknown_fields({"anyOf": items}, item, f"{prefix}.{index}")

    # -- responses -----------------------------------------------------------

    def response_pointer(self, operation: Operation, status: int) -> str | bool | None:
        """Pointer to the JSON schema documented for ``status``.

        ``None`` when the status is documented without a JSON body, ``False``
        when the status is not documented at all.
        """
        base = f"#/paths/{_pointer_escape(operation.template)}/{operation.method.lower()}"
        responses = self.pointer(base + "/responses")
        key = str(status)
        if key not in responses:
            return False
        response = responses[key]
        pointer = f"{base}/responses/{key}"
        while "$ref" in response:
            pointer = response["$ref"]
            response = self.pointer(pointer)
        if "application/json" not in response.get("content", {}):
            return None
        return f"{pointer}/content/application~1json/schema"

    def check_response(self, operation: Operation, status: int, body: Any) -> list[str]:
        """What is wrong with answering ``status``/``body`` to ``operation``.

        Error statuses GitHub gives to any operation (401, 403, 404, 409, 410,
        422, 429, 5xx) are accepted undocumented, with GitHub's error shape.
        """
        pointer = self.response_pointer(operation, status)
        where = f"{operation.method} {operation.template} -> {status}"
        if pointer is False or (pointer is None and status >= 400):
            if status not in GENERIC_ERRORS and status < 500:
                return [f"{where}: status not documented"]
            error_schema = "validation-error" if status == 422 else "basic-error"
            pointer = f"#/components/schemas/{error_schema}"
        if pointer is None:
            return [] if body is None else [f"{where}: documented without a body"]
        errors = sorted(self.validator(str(pointer)).iter_errors(body), key=lambda e: list(e.path))
        return [f"{where}: {_where(e)}: {e.message[:200]}" for e in errors]


def _group(name: str) -> str:
    return "p_" + re.sub(r"\W", "_", name)


def _coerce(raw: str, schema: Mapping[str, Any]) -> tuple[Any, str | None]:
    kind = schema.get("type")
    kinds = kind if isinstance(kind, list) else [kind]
    if "integer" in kinds:
        if re.fullmatch(r"-?\d+", raw):
            return int(raw), None
        return raw, "not an integer"
    if "number" in kinds:
        try:
            return float(raw), None
        except ValueError:
            return raw, "not a number"
    if "boolean" in kinds:
        if raw in ("true", "false"):
            return raw == "true", None
        return raw, "not a boolean"
    return raw, None


def _first_error(schema: Mapping[str, Any], value: Any) -> str | None:
    found = best_match(Draft4Validator(dict(schema)).iter_errors(value))
    return None if found is None else found.message


def _where(error: ValidationError) -> str:
    return ".".join(str(p) for p in error.absolute_path) or "(root)"


def _body_problems(error: ValidationError) -> list[Problem]:
    if error.context:  # oneOf/anyOf: report the most relevant branch
        deepest = best_match(error.context)
        if deepest is not None:
            return _body_problems(deepest)
    if error.validator == "required" and isinstance(error.instance, dict):
        prefix = _where(error)
        required = error.validator_value if isinstance(error.validator_value, list) else []
        return [
            Problem(
                "body",
                f"{name!r} wasn't supplied",
                name if prefix == "(root)" else f"{prefix}.{name}",
                code="missing_field",
            )
            for name in required
            if name not in error.instance
        ]
    value = error.instance if isinstance(error.instance, (str, int, float)) else None
    return [Problem("body", error.message[:300], _where(error), value=value)]


def _load_document() -> dict[str, Any]:
    merged: dict[str, Any] | None = None
    for name in SPEC_FILES:
        document = json.loads((HERE / name).read_text(encoding="utf-8"))
        if merged is None:
            merged = document
            continue
        for template, item in document["paths"].items():
            merged["paths"].setdefault(template, {}).update(item)
        for kind, components in document.get("components", {}).items():
            merged["components"].setdefault(kind, {}).update(components)
    assert merged is not None
    return merged


@cache
def load_spec() -> Spec:
    """The bundled description, parsed and translated once per process."""
    return Spec(_load_document())
