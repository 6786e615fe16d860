"""Reading the project format's pydantic models: the concrete types behind a field's annotation, and the shape of a
field (its type, whether it is required, its bounds, length limit and choices) for the forms that edit it."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Union, get_args, get_origin

import annotated_types
from pydantic import BaseModel, StringConstraints
from pydantic.fields import FieldInfo

from model.format.spec import COUNTRY_CODE_PATTERN, SLUG_MAX_LENGTH, SLUG_PATTERN


def concrete_types(annotation: Any) -> list[Any]:
    """The concrete types inside Optional/Union/Annotated."""
    origin = get_origin(annotation)
    if origin is Union or str(origin) == "<class 'types.UnionType'>":
        out = []
        for arg in get_args(annotation):
            if arg is not type(None):
                out.extend(concrete_types(arg))
        return out
    if str(origin) == "typing.Annotated" or hasattr(annotation, "__metadata__"):
        return concrete_types(get_args(annotation)[0])
    return [annotation]


@dataclass(frozen=True)
class FieldShape:
    """What one field of the format holds, read from its pydantic declaration.

    ``type`` is str, int, float, bool, ``datetime.date``, a vocabulary (an Enum) or a model class; ``many`` says the
    field is a list of such values. Bounds and the length limit are those the model checks (``None``: no limit).
    ``text`` names the short string types of the format that have their own syntax: "slug" (an id) or "country"
    (an ISO 3166-1 alpha-2 code).
    """

    name: str
    type: Any
    many: bool = False
    required: bool = False
    optional: bool = False  # None is a valid value
    default: Any = None
    ge: float | None = None
    gt: float | None = None
    le: float | None = None
    lt: float | None = None
    max_length: int | None = None
    pattern: str | None = None
    text: str | None = None
    description: str | None = None

    @property
    def choices(self) -> type[enum.Enum] | None:
        """The vocabulary the value (or each value of a list) comes from."""
        return self.type if isinstance(self.type, type) and issubclass(self.type, enum.Enum) else None


def _constraints(annotation: Any, metadata: Sequence[Any]) -> tuple[Any, bool, bool, dict[str, Any]]:
    """(concrete type, many, optional, constraints) of an annotation plus the metadata pydantic moved off it."""
    limits: dict[str, Any] = {}
    many = optional = False

    def take(items: Sequence[Any]) -> None:
        for item in items:
            if isinstance(item, FieldInfo):
                take(item.metadata)
            elif isinstance(item, StringConstraints):
                limits.update(
                    {k: v for k, v in (("max_length", item.max_length), ("pattern", item.pattern)) if v is not None}
                )
            elif isinstance(item, annotated_types.Ge):
                limits["ge"] = item.ge
            elif isinstance(item, annotated_types.Gt):
                limits["gt"] = item.gt
            elif isinstance(item, annotated_types.Le):
                limits["le"] = item.le
            elif isinstance(item, annotated_types.Lt):
                limits["lt"] = item.lt
            elif isinstance(item, annotated_types.MaxLen):
                limits["max_length"] = item.max_length

    take(metadata)
    typ = annotation
    while True:
        origin = get_origin(typ)
        if origin is Union or str(origin) == "<class 'types.UnionType'>":
            args = [a for a in get_args(typ) if a is not type(None)]
            optional = optional or len(args) < len(get_args(typ))
            if len(args) != 1:
                raise TypeError(f"{annotation!r} is a union of several types; it has no single shape")
            typ = args[0]
        elif hasattr(typ, "__metadata__"):
            take(typ.__metadata__)
            typ = get_args(typ)[0]
        elif origin is list and not many:
            many = True
            typ = get_args(typ)[0]
        else:
            return typ, many, optional, limits


def field_shape(model: type[BaseModel], path: str | Sequence[str]) -> FieldShape:
    """The shape of the field at a dotted path inside a model, e.g. ``field_shape(Technology, "importance.market_value")``.

    A path steps into nested models, and through a list or mapping of models into the item model
    (``field_shape(ProjectSpec, "technologies.name")``). Raises KeyError for a name the model does not have.
    """
    parts = path.split(".") if isinstance(path, str) else list(path)
    current: Any = model
    for i, part in enumerate(parts):
        if not (isinstance(current, type) and issubclass(current, BaseModel)) or part not in current.model_fields:
            raise KeyError(f"{'.'.join(parts[: i + 1])} is not a field of {model.__name__}")
        info = current.model_fields[part]
        typ, many, optional, limits = _constraints(info.annotation, info.metadata)
        if i < len(parts) - 1:
            if get_origin(typ) is dict:
                typ = get_args(typ)[1]
            current = typ
            continue
        pattern = limits.get("pattern")
        text = {SLUG_PATTERN: "slug", COUNTRY_CODE_PATTERN: "country"}.get(pattern)
        max_length = limits.get("max_length")
        if text == "slug":
            max_length = SLUG_MAX_LENGTH
        elif text == "country":
            max_length = 2
        default = None if info.is_required() else info.get_default(call_default_factory=True)
        return FieldShape(
            name=part,
            type=typ,
            many=many,
            required=info.is_required(),
            optional=optional,
            default=default,
            ge=limits.get("ge"),
            gt=limits.get("gt"),
            le=limits.get("le"),
            lt=limits.get("lt"),
            max_length=max_length,
            pattern=pattern,
            text=text,
            description=info.description,
        )
    raise KeyError("an empty path names no field")
