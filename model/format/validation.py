"""Turn pydantic validation errors into located, plain-language problems."""

from __future__ import annotations

import difflib
from enum import Enum
from typing import Any, get_args, get_origin

from pydantic import BaseModel, ValidationError

from model.format.fields import concrete_types
from model.format.problems import Path, Problem
from model.format.yamlio import Document

_TYPE_CODES = {
    "int_parsing": "type_int",
    "int_type": "type_int",
    "int_from_float": "type_int",
    "float_parsing": "type_number",
    "float_type": "type_number",
    "finite_number": "type_number",
    "bool_parsing": "type_bool",
    "bool_type": "type_bool",
    "string_type": "type_str",
    "date_parsing": "type_date",
    "date_type": "type_date",
    "date_from_datetime_parsing": "type_date",
    "date_from_datetime_inexact": "type_date",
    "date_future": "type_date",
    "date_past": "type_date",
    "datetime_parsing": "type_datetime",
    "datetime_type": "type_datetime",
    "datetime_from_date_parsing": "type_datetime",
    "list_type": "type_list",
    "dict_type": "type_mapping",
    "model_type": "type_mapping",
    "model_attributes_type": "type_mapping",
    "missing": "missing",
    "string_too_long": "too_long",
    "string_too_short": "too_short",
    "too_short": "too_short",
}

_SLUG_HINT = "a-z0-9_-"


def _shown(value: Any) -> str:
    if isinstance(value, Enum):
        value = value.value
    text = repr(value) if not isinstance(value, str) else value
    return text if len(text) <= 60 else text[:57] + "…"


def clean_path(loc: tuple, data: Any) -> Path:
    """Follow pydantic's error location through the data, dropping union-branch and validator labels."""
    out: list[str | int] = []
    current = data
    for part in loc:
        if isinstance(current, dict) and part in current:
            out.append(part)
            current = current[part]
        elif isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current):
            out.append(part)
            current = current[part]
        elif isinstance(part, str) and (
            part[:1].isupper()
            or part in {"str", "int", "float", "bool", "date", "datetime", "none", "list", "dict"}
            or "[" in part
            or part.startswith("function-")
        ):
            continue  # a branch of a union or a validator wrapper, not a place in the file
        else:
            out.append(part)
            current = None
    return tuple(out)


def model_at(root: type[BaseModel], path: Path) -> type[BaseModel] | None:
    """The model class that describes the mapping at ``path`` (None when it is not a model)."""
    current: list[Any] = [root]
    for part in path:
        nxt: list[Any] = []
        for typ in current:
            if isinstance(typ, type) and issubclass(typ, BaseModel) and isinstance(part, str):
                info = typ.model_fields.get(part)
                if info is not None:
                    nxt.extend(concrete_types(info.annotation))
            elif get_origin(typ) is list and isinstance(part, int):
                nxt.extend(concrete_types(get_args(typ)[0]))
            elif get_origin(typ) is dict:
                nxt.extend(concrete_types(get_args(typ)[1]))
        current = nxt
    for typ in current:
        if isinstance(typ, type) and issubclass(typ, BaseModel):
            return typ
    return None


def object_id_at(data: Any, path: Path) -> str | None:
    """The id of the innermost object on ``path`` that has one (so a message can name it)."""
    found = None
    current = data
    for part in path:
        if isinstance(current, dict) and part in current:
            current = current[part]
        elif isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current):
            current = current[part]
        else:
            break
        if isinstance(current, dict) and isinstance(current.get("id"), str):
            found = current["id"]
    return found


def unknown_key_suggestion(key: str, allowed: list[str]) -> tuple[str, str]:
    close = difflib.get_close_matches(str(key), allowed, n=1, cutoff=0.6)
    if close:
        return (f"「{close[0]}」の誤りではありませんか？", f"Did you mean '{close[0]}'?")
    shown = ", ".join(allowed[:25])
    return (f"使える項目: {shown}", f"Allowed fields: {shown}")


def reference_suggestion(value: Any, candidates: list[str]) -> tuple[str, str]:
    close = difflib.get_close_matches(str(value), candidates, n=1, cutoff=0.6)
    if close:
        return (f"「{close[0]}」の誤りではありませんか？", f"Did you mean '{close[0]}'?")
    if not candidates:
        return ("", "")
    shown = ", ".join(candidates[:15])
    return (f"あるもの: {shown}", f"Known: {shown}")


def _problem(err: dict, doc: Document, root: type[BaseModel], file: str | None) -> Problem:
    kind = err["type"]
    path = clean_path(err["loc"], doc.data)
    value = err.get("input")
    ctx = err.get("ctx") or {}
    params: dict[str, Any] = {"value": _shown(value)}
    code = _TYPE_CODES.get(kind)
    at_key = False
    if kind == "extra_forbidden":
        code, at_key = "unknown_key", True
        parent = model_at(root, path[:-1])
        allowed = list(parent.model_fields) if parent else []
        params = {
            "key": path[-1] if path else "?",
            "suggestion": unknown_key_suggestion(path[-1] if path else "", allowed),
        }
    elif kind in ("enum", "literal_error"):
        # YAML 1.1 reads bare yes/no/on/off as true/false, which surprises people.
        code = "enum_bool" if isinstance(value, bool) else "enum"
        params["choices"] = str(ctx.get("expected", "")).replace("'", "")
    elif kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        code = {"greater_than_equal": "too_small", "greater_than": "too_small_strict"}.get(kind, "too_large")
        limit = ctx.get("ge", ctx.get("gt", ctx.get("le", ctx.get("lt"))))
        params["limit"] = f"{limit:g}" if isinstance(limit, float) else limit
    elif kind == "string_pattern_mismatch":
        pattern = str(ctx.get("pattern", ""))
        code = "bad_id" if _SLUG_HINT in pattern else "bad_country" if pattern == "^[A-Z]{2}$" else "bad_pattern"
    elif kind in ("string_too_long", "too_long"):
        code = "too_long"
        params["limit"] = ctx.get("max_length")
    elif code is None:
        code = "invalid"
        params["detail"] = str(err.get("msg", kind)).removeprefix("Value error, ")
    line, column = doc.mark(path, key=at_key) if at_key else doc.mark(path)
    return Problem(
        code, path=path, params=params, file=file, line=line, column=column, object_id=object_id_at(doc.data, path)
    )


def pydantic_problems(exc: ValidationError, doc: Document, root: type[BaseModel], file: str | None) -> list[Problem]:
    """One problem per place in the file (a union reports several branch errors for one bad value)."""
    seen: set[Path] = set()
    out: list[Problem] = []
    for err in exc.errors(include_url=False):
        problem = _problem(err, doc, root, file)
        if problem.path in seen:
            continue
        seen.add(problem.path)
        out.append(problem)
    return out
