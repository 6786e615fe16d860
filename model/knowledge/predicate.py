"""Structured conditions in library files ("needed when …"), their checking and their evaluation — never eval."""

from __future__ import annotations

import re
from typing import Any, get_args, get_origin

from pydantic import BaseModel, ConfigDict, Field, model_validator

from model.format.fields import concrete_types
from model.format.vocab import CountryFactor

Scalar = str | int | float | bool | None

_PATH_RE = re.compile(r"^[a-z_][a-z0-9_]*(\[\])?(\.[a-z0-9_][a-z0-9_-]*(\[\])?)*$")


class Predicate(BaseModel):
    """One condition. Exactly one form is used:

    - ``all: [..]`` / ``any: [..]`` / ``not: {..}`` combine conditions;
    - ``field: path`` with one test: ``equals``, ``in``, ``exists``, ``gte``, ``lte``.

    A path walks the project (``project.deal_type``, ``partners[].state_ownership``,
    ``contract.clauses.nda-pre.status``) or the host country's effective ratings
    (``country.job_mobility``). ``[]`` means "any element of this list". A test holds when
    any value reached by the path passes it; a path that reaches nothing fails every test
    except ``exists: false``.
    """

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    all_: list[Predicate] | None = Field(None, alias="all")
    any_: list[Predicate] | None = Field(None, alias="any")
    not_: Predicate | None = Field(None, alias="not")
    field: str | None = None
    equals: Scalar = None
    in_: list[Scalar] | None = Field(None, alias="in")
    exists: bool | None = None
    gte: float | None = None
    lte: float | None = None

    @model_validator(mode="after")
    def _one_form(self) -> Predicate:
        combinators = [x for x in (self.all_, self.any_, self.not_) if x is not None]
        tests = [name for name in ("equals", "in_", "exists", "gte", "lte") if name in self.model_fields_set]
        if self.field is None:
            if len(combinators) != 1 or tests:
                raise ValueError("use exactly one of 'all', 'any', 'not' or 'field'")
        else:
            if combinators:
                raise ValueError("'field' cannot be combined with 'all', 'any' or 'not'")
            if len(tests) != 1:
                raise ValueError("'field' needs exactly one test: equals, in, exists, gte or lte")
            if not _PATH_RE.match(self.field):
                raise ValueError(f"'{self.field}' is not a valid field path")
        return self

    def fields(self) -> list[str]:
        """Every field path the condition reads."""
        if self.field is not None:
            return [self.field]
        out: list[str] = []
        for child in (self.all_ or []) + (self.any_ or []) + ([self.not_] if self.not_ else []):
            out.extend(child.fields())
        return out


# --------------------------------------------------------------------------- evaluation


def _resolve(context: Any, path: str) -> list[Any]:
    values = [context]
    for part in path.split("."):
        each = part.endswith("[]")
        key = part[:-2] if each else part
        nxt: list[Any] = []
        for v in values:
            if isinstance(v, dict) and key in v:
                child = v[key]
                if each:
                    if isinstance(child, list):
                        nxt.extend(child)
                elif child is not None:
                    nxt.append(child)
        values = nxt
    return values


def _present(value: Any) -> bool:
    return value is not None and value != [] and value != {}


def evaluate(predicate: Predicate, context: dict) -> bool:
    """Evaluate against a plain-data context (``ProjectSpec.model_dump(mode='json')`` plus ``country``)."""
    if predicate.all_ is not None:
        return all(evaluate(p, context) for p in predicate.all_)
    if predicate.any_ is not None:
        return any(evaluate(p, context) for p in predicate.any_)
    if predicate.not_ is not None:
        return not evaluate(predicate.not_, context)
    values = [v for v in _resolve(context, predicate.field or "") if _present(v)]
    tests = predicate.model_fields_set
    if "exists" in tests:
        return bool(values) == bool(predicate.exists)
    if "equals" in tests:
        return any(v == predicate.equals for v in values)
    if "in_" in tests:
        return any(v in (predicate.in_ or []) for v in values)
    numbers = [v for v in values if isinstance(v, (int, float)) and not isinstance(v, bool)]
    if "gte" in tests:
        return any(v >= predicate.gte for v in numbers)
    return any(v <= predicate.lte for v in numbers)


# --------------------------------------------------------------------------- checking paths against the format


def path_problem(path: str) -> str | None:
    """Why ``path`` cannot reach anything in a project, or None when it can."""
    from model.format.spec import ProjectSpec

    parts = path.split(".")
    head = parts[0]
    if head == "country":
        if len(parts) != 2 or parts[1] not in {f.value for f in CountryFactor}:
            return f"'{path}': after 'country.' comes one country factor, e.g. country.job_mobility"
        return None
    current: list[Any] = [ProjectSpec]
    for i, part in enumerate(parts):
        each = part.endswith("[]")
        key = part[:-2] if each else part
        nxt: list[Any] = []
        for typ in current:
            if isinstance(typ, type) and issubclass(typ, BaseModel):
                # Measures and clause entries accept the short form, but paths read the long form.
                info = typ.model_fields.get(key)
                if info is None:
                    continue
                for t in concrete_types(info.annotation):
                    origin = get_origin(t)
                    if origin is list:
                        if not each:
                            return f"'{path}': '{key}' is a list; write '{key}[]'"
                        nxt.extend(concrete_types(get_args(t)[0]))
                    elif each:
                        return f"'{path}': '{key}' is not a list; drop the '[]'"
                    else:
                        nxt.append(t)
            elif get_origin(typ) is dict:
                nxt.extend(concrete_types(get_args(typ)[1]))
        if not nxt:
            where = ".".join(parts[:i]) or "the project"
            return f"'{path}': {where} has no field '{key}'"
        current = nxt
    return None
