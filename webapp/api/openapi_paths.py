"""Turning Werkzeug rules into OpenAPI paths: converters become path parameters, `any` becomes real paths."""

import itertools
import re

from werkzeug.routing import AnyConverter, IntegerConverter

PART = re.compile(r"<(?:[^:<>]+:)?(\w+)>")


def concrete_paths(rule) -> list[tuple[str, dict]]:
    """(OpenAPI path, the `any` choice per argument) for each path a rule matches; `<any(...)>` spelt out."""
    choices = {
        name: sorted(conv.items) if hasattr(conv, "items") else None
        for name, conv in rule._converters.items()
        if isinstance(conv, AnyConverter)
    }
    fixed = list(choices)
    paths = []
    for combo in itertools.product(*(choices[name] for name in fixed)):
        picked = dict(zip(fixed, combo))

        def spell(match, picked=picked):
            name = match.group(1)
            return picked[name] if name in picked else "{" + name + "}"

        paths.append((PART.sub(spell, rule.rule), picked))
    return paths


def path_parameters(rule) -> list[dict]:
    """The path's parameters with the bounds its converters enforce (a 32-bit id, a non-empty code)."""
    params = []
    for name, conv in sorted(rule._converters.items()):
        if isinstance(conv, AnyConverter):
            continue
        if isinstance(conv, IntegerConverter):
            schema = {"type": "integer", "minimum": conv.min or 0}
            if conv.max is not None:
                schema["maximum"] = conv.max
        else:
            schema = {"type": "string", "minLength": 1, "pattern": r"^[^\x00/]+$"}
        params.append({"name": name, "in": "path", "required": True, "schema": schema})
    return params


def operation_id(endpoint: str, method: str, picked: dict) -> str:
    """A unique operation id: the view's name, the `any` choices and the method when not GET/POST."""
    parts = [endpoint.split(".", 1)[1], *(value.replace("-", "_") for value in picked.values())]
    if method not in ("GET", "POST"):
        parts.append(method.lower())
    return "_".join(parts)


def numbers_as_numbers(node):
    """apispec writes a Decimal field's Range as strings ("0.9999"); OpenAPI wants numbers."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("minimum", "maximum") and isinstance(value, str):
                number = float(value)
                node[key] = int(number) if number.is_integer() else number
            else:
                numbers_as_numbers(value)
    elif isinstance(node, list):
        for value in node:
            numbers_as_numbers(value)
    return node
